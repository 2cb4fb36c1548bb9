//! The README's promises about running and testing stay true: CI runs the README's test command, and
//! the command the README gives to run the project names files that exist.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking, helpers included

use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)).unwrap()
}

/// The shell commands of the README's fenced `sh` blocks, in order.
fn readme_commands() -> Vec<String> {
    let readme = read("README.md");
    let mut commands = Vec::new();
    let mut inside = false;
    for line in readme.lines() {
        match (inside, line.trim()) {
            (false, "```sh") => inside = true,
            (true, "```") => inside = false,
            (true, command) if !command.is_empty() => commands.push(command.to_owned()),
            _ => {}
        }
    }
    commands
}

#[test]
fn ci_runs_the_readme_test_command() {
    let commands = readme_commands();
    let test = commands
        .iter()
        .find(|c| c.starts_with("cargo test"))
        .expect("the README gives no test command");
    let ci = read(".ci/run");
    let runs = |l: &str| l.trim() == test || l.trim().starts_with(&format!("{test} "));
    assert!(ci.lines().any(runs), ".ci/run does not run `{test}`");
}

#[test]
fn the_readme_run_command_names_files_that_exist() {
    let commands = readme_commands();
    let run = commands
        .iter()
        .find(|c| c.starts_with("cargo run"))
        .expect("the README gives no run command");
    for word in run.split_whitespace().filter(|w| w.contains('/')) {
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(word).exists(),
            "`{word}` does not exist"
        );
    }
}
