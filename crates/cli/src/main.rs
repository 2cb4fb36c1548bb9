//! `survey`: the command line of the anonymous employee survey platform.
//!
//! Exit status: 0 on success, 2 when a template has problems or the input is wrong, 1 when the
//! command could not run (a file that cannot be read or written).

mod cli;
mod error;
mod plan;
mod template;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let mut out = std::io::stdout().lock();
    let result = match args.command {
        cli::Command::Template { command } => template::run(command, &mut out),
        cli::Command::Plan(plan) => plan::run(&plan, &mut out),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let _ = out.flush();
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "{}", e.report());
            ExitCode::from(e.exit_code())
        }
    }
}
