//! The catalogs against each other and against the code that uses them: every catalog parses; every
//! language's file of an area holds exactly the keys of the English one; every key is used by some
//! `t!`/`msg!` in the workspace and every key used exists; and no message, in any language, asks for
//! a placeholder that a use does not give.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use fluent_syntax::parser;

/// key → the variables its message refers to.
type Catalog = BTreeMap<String, BTreeSet<String>>;

fn catalogs() -> BTreeMap<(String, String), Catalog> {
    let mut all = BTreeMap::new();
    let mut problems = Vec::new();
    for &(locale, area, text) in survey_i18n::sources() {
        let resource = match parser::parse(text) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    problems.push(format!("locales/{locale}/{area}.ftl: {e:?}"));
                }
                r
            }
        };
        let mut catalog = Catalog::new();
        for entry in resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(p) = &m.value {
                        pattern_vars(p, &mut vars);
                    }
                    if !m.attributes.is_empty() {
                        problems.push(format!(
                            "locales/{locale}/{area}.ftl: `{}` has attributes; code reads values only",
                            m.id.name
                        ));
                    }
                    if catalog.insert(m.id.name.to_owned(), vars).is_some() {
                        problems.push(format!("locales/{locale}/{area}.ftl: `{}` is defined twice", m.id.name));
                    }
                }
                ast::Entry::Junk { content } => {
                    problems.push(format!(
                        "locales/{locale}/{area}.ftl: cannot parse `{}`",
                        content.trim()
                    ));
                }
                _ => {}
            }
        }
        all.insert((locale.to_owned(), area.to_owned()), catalog);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    all
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. }
        | ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
            for a in &arguments.named {
                inline_vars(&a.value, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

/// One `t!(…)` or `msg!(…)` in the source.
#[derive(Debug)]
struct Use {
    place: String,
    key: String,
    args: BTreeSet<String>,
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "target") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every use of the two macros in the workspace's crates (source, tests and build scripts), read
/// from the text: the key must be a literal and the arguments `name = value`, which the macros
/// themselves require.
fn uses() -> Vec<Use> {
    let mut files = Vec::new();
    rust_files(&workspace().join("crates"), &mut files);
    let mut uses = Vec::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let shown = file.strip_prefix(workspace()).unwrap_or(&file).display().to_string();
        // This file names the macros it looks for.
        if shown.ends_with("i18n/tests/catalogs.rs") {
            continue;
        }
        let code: String = text
            .lines()
            .map(|l| if l.trim_start().starts_with("//") { "" } else { l })
            .collect::<Vec<_>>()
            .join("\n");
        for (name, key_at) in [("t!(", 1), ("msg!(", 0)] {
            let mut from = 0;
            while let Some(found) = code[from..].find(name) {
                let start = from + found;
                from = start + name.len();
                let before = code[..start].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let line = code[..start].matches('\n').count() + 1;
                let place = format!("{shown}:{line}");
                let args = split_args(&code[from..]);
                let Some(key) = args.get(key_at).and_then(|a| literal(a)) else {
                    panic!("{place}: the key of `{name}…)` must be a string literal");
                };
                let names = args[key_at + 1..]
                    .iter()
                    .filter_map(|a| a.split_once('=').map(|(n, _)| n.trim().to_owned()))
                    .collect();
                uses.push(Use {
                    place,
                    key,
                    args: names,
                });
            }
        }
    }
    uses
}

fn literal(arg: &str) -> Option<String> {
    let arg = arg.trim();
    arg.strip_prefix('"')?.strip_suffix('"').map(str::to_owned)
}

/// The top-level, comma-separated arguments of a macro call whose `(` has just been read.
fn split_args(text: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            current.push(c);
            match (escaped, c) {
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => escaped = false,
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                current.push(c);
            }
            '(' | '[' | '{' => {
                depth += 1;
                current.push(c);
            }
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => {
                depth -= 1;
                current.push(c);
            }
            ',' if depth == 0 => args.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    if !current.trim().is_empty() {
        args.push(current);
    }
    args
}

#[test]
fn every_language_has_the_keys_of_english_and_no_others() {
    let all = catalogs();
    let mut problems = Vec::new();
    for ((locale, area), catalog) in &all {
        let Some(reference) = all.get(&(survey_i18n::REFERENCE.to_owned(), area.clone())) else {
            problems.push(format!(
                "locales/{locale}/{area}.ftl: English has no `{area}.ftl` to compare with"
            ));
            continue;
        };
        for key in reference.keys().filter(|k| !catalog.contains_key(*k)) {
            problems.push(format!("locales/{locale}/{area}.ftl lacks `{key}`"));
        }
        for key in catalog.keys().filter(|k| !reference.contains_key(*k)) {
            problems.push(format!(
                "locales/{locale}/{area}.ftl has `{key}`, which English does not"
            ));
        }
    }
    let mut seen: BTreeMap<(&str, &str), &str> = BTreeMap::new();
    for ((locale, area), catalog) in &all {
        for key in catalog.keys() {
            if let Some(other) = seen.insert((locale, key), area) {
                problems.push(format!(
                    "locales/{locale}: `{key}` is in both {other}.ftl and {area}.ftl"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_key_is_used_every_use_exists_and_every_placeholder_is_given() {
    let all = catalogs();
    let uses = uses();
    assert!(
        uses.len() > 50,
        "the source scan found only {} uses; is it reading the workspace?",
        uses.len()
    );
    let english: BTreeMap<&str, &BTreeSet<String>> = all
        .iter()
        .filter(|((l, _), _)| l == survey_i18n::REFERENCE)
        .flat_map(|(_, c)| c.iter().map(|(k, v)| (k.as_str(), v)))
        .collect();
    let mut problems = Vec::new();
    for u in &uses {
        if !english.contains_key(u.key.as_str()) {
            problems.push(format!("{}: `{}` is in no English catalog", u.place, u.key));
        }
        for ((locale, area), catalog) in &all {
            let Some(vars) = catalog.get(&u.key) else { continue };
            for var in vars.iter().filter(|v| !u.args.contains(*v)) {
                problems.push(format!(
                    "locales/{locale}/{area}.ftl: `{}` uses `${var}`, which {} does not give",
                    u.key, u.place
                ));
            }
        }
    }
    let used: BTreeSet<&str> = uses.iter().map(|u| u.key.as_str()).collect();
    for key in english.keys().filter(|k| !used.contains(*k)) {
        problems.push(format!("`{key}` is in the English catalogs but no code uses it"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scan_reads_arguments_as_the_macros_do() {
    let args = split_args(r#"lang, "rate", done = f(a, b), of = "x)y", n = [1, 2]) rest"#);
    assert_eq!(args.len(), 5);
    assert_eq!(literal(&args[1]).as_deref(), Some("rate"));
    assert_eq!(args[3].trim(), r#"of = "x)y""#);
}
