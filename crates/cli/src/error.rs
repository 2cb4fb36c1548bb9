//! The CLI's one error type: what went wrong, worded for the person at the terminal.

use std::path::PathBuf;

use survey_design::{LangError, PlanError, TemplateErrors};

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Already rendered compiler-style, one problem per line.
    #[error("{0}")]
    Template(TemplateErrors),
    #[error(transparent)]
    Plan(#[from] PlanError),
    #[error(transparent)]
    Lang(#[from] LangError),
    #[error("{path}:{line}: `{text}` is not a date; write YYYY-MM-DD")]
    HolidayDate { path: PathBuf, line: usize, text: String },
    #[error("cannot read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write the output")]
    Write(#[from] std::io::Error),
    #[error(transparent)]
    Config(#[from] survey_server::config::ConfigError),
    #[error(transparent)]
    Start(#[from] survey_server::startup::StartError),
    #[error("{0}")]
    Usage(String),
    #[error("{path} is not a tally file: {source}")]
    TallyFile {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    /// A line of a responses file that cannot be counted.
    #[error("{path}:{line}: {message}")]
    Response {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("the tally does not check out: {0}")]
    Tally(#[from] survey_token::tally::TallyError),
}

impl CliError {
    /// The message with its causes, as printed on stderr.
    pub fn report(&self) -> String {
        match self {
            // Diagnostics carry their own positions; an "error:" prefix would hide them.
            Self::Template(errors) => {
                let n = errors.diagnostics.len();
                let files: std::collections::BTreeSet<&str> =
                    errors.diagnostics.iter().map(|d| d.file.as_str()).collect();
                let noun = if n == 1 { "problem" } else { "problems" };
                format!("{errors}\n{n} {noun} in {} template(s)", files.len())
            }
            other => {
                let mut message = format!("error: {other}");
                let mut source = std::error::Error::source(other);
                while let Some(cause) = source {
                    message.push_str(&format!("\n  caused by: {cause}"));
                    source = cause.source();
                }
                message
            }
        }
    }

    /// Output cut short by its reader (`survey plan | head`) is not a failure of the command.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Self::Write(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Read { .. } | Self::Write(_) | Self::Start(_) => 1,
            _ => 2,
        }
    }
}
