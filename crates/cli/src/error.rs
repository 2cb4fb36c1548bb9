//! The CLI's one error type: what went wrong, worded for the person at the terminal.
//!
//! Two kinds, told apart by the exit status: the input is wrong (2: a template with problems, a bad
//! argument, a survey id the database does not hold, an action the server refuses as asked), or the
//! command could not run (1: a file that cannot be read or written, a database out of reach, a
//! failure inside the server's code). A failure keeps its cause, and [`CliError::report`] prints
//! the whole chain on one line, as ripgrep does: `error: cannot open the database: …: <the cause>`.

use std::path::PathBuf;

use survey_design::{LangError, PlanError, TemplateErrors};
use survey_server::error::{AppError, Cause};

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    // The input is wrong: exit status 2.
    /// Already rendered compiler-style, one problem per line.
    #[error("{0}")]
    Template(TemplateErrors),
    #[error(transparent)]
    Plan(#[from] PlanError),
    #[error(transparent)]
    Lang(#[from] LangError),
    #[error("{path}:{line}: `{text}` is not a date; write YYYY-MM-DD")]
    HolidayDate { path: PathBuf, line: usize, text: String },
    #[error(transparent)]
    Config(#[from] survey_server::config::ConfigError),
    /// A bad argument, or an action the server refuses as asked; the message says what to do.
    #[error("{0}")]
    Usage(String),
    #[error("{path} is not a tally file")]
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
    /// A respondent's own entry is not in the tally, or does not hold their answers.
    #[error("{0}")]
    OwnEntry(String),
    /// A translation that cannot be exported or merged; the message names each unit.
    #[error("{path}: {source}")]
    Translate {
        path: PathBuf,
        #[source]
        source: survey_design::translate::TranslateError,
    },

    // The command could not run: exit status 1.
    #[error("cannot read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write the output")]
    Write(#[from] std::io::Error),
    #[error("cannot write {path}")]
    WriteFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The server could not start, or its database could not be opened or migrated.
    #[error(transparent)]
    Start(#[from] survey_server::startup::StartError),
    /// The database or the server's own code failed in the middle of `doing`.
    #[error("cannot {doing}")]
    Failed {
        doing: String,
        #[source]
        source: Cause,
    },
    #[error("cannot fetch {url}: {message}")]
    Fetch { url: String, message: String },
    /// `survey client verify`: the files served to respondents are not this release's.
    #[error("the browser client of {url} is not this release's; differing: {}", files.join(", "))]
    ClientDiffers { url: String, files: Vec<String> },
    #[error("cannot render the report as {format}")]
    Render {
        format: survey_report::Format,
        #[source]
        source: survey_report::Error,
    },
}

impl CliError {
    /// The error of a server action attempted while `doing` something: the database or the
    /// server's own code failing is a failure with its cause; any other error is the server
    /// refusing the action as asked (a survey not closed yet, an account that exists), which the
    /// user can fix, so a usage error with the server's message.
    pub fn server(doing: impl Into<String>, error: AppError) -> Self {
        match error {
            AppError::Database(source) => Self::Failed {
                doing: doing.into(),
                source: Box::new(source),
            },
            AppError::Internal(source) => Self::Failed {
                doing: doing.into(),
                source,
            },
            refused => Self::Usage(refused.to_string()),
        }
    }

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
            other => format!("error: {}", chain(other)),
        }
    }

    /// Output cut short by its reader (`survey plan | head`) is not a failure of the command.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Self::Write(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Read { .. }
            | Self::Write(_)
            | Self::WriteFile { .. }
            | Self::Start(_)
            | Self::Failed { .. }
            | Self::Fetch { .. }
            | Self::ClientDiffers { .. }
            | Self::Render { .. } => 1,
            Self::Template(_)
            | Self::Plan(_)
            | Self::Lang(_)
            | Self::HolidayDate { .. }
            | Self::Config(_)
            | Self::Usage(_)
            | Self::TallyFile { .. }
            | Self::Response { .. }
            | Self::Tally(_)
            | Self::OwnEntry(_)
            | Self::Translate { .. } => 2,
        }
    }
}

/// An error and every source below it, `: `-separated on one line. A cause whose text the line
/// already ends with is not repeated: sea-orm and sqlx put their source's message in their own
/// (`Connection Error: pool timed out…` caused by `pool timed out…`).
fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut line = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !text.is_empty() && !line.ends_with(&text) {
            line.push_str(": ");
            line.push_str(&text);
        }
        source = cause.source();
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_prints_its_causes_on_one_line_without_repeating_them() {
        let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        let text = refused.to_string();
        let db = sea_orm::DbErr::Conn(sea_orm::RuntimeErr::Internal(format!("error communicating: {text}")));
        let error = CliError::Failed {
            doing: "read the survey".into(),
            source: Box::new(db),
        };
        assert_eq!(
            error.report(),
            format!("error: cannot read the survey: Connection Error: error communicating: {text}")
        );
        assert_eq!(error.exit_code(), 1);
    }

    #[test]
    fn an_internal_server_error_shows_its_cause_and_not_the_apology_for_the_page() {
        let error = CliError::server(
            "build the report",
            AppError::internal("the stored answers are not JSON"),
        );
        assert_eq!(
            error.report(),
            "error: cannot build the report: the stored answers are not JSON"
        );
        assert_eq!(error.exit_code(), 1);
        let db = CliError::server("build the report", AppError::Database(sea_orm::DbErr::RecordNotUpdated));
        assert_eq!(
            db.report(),
            "error: cannot build the report: None of the records are updated"
        );
    }

    #[test]
    fn a_refusal_of_the_server_is_a_usage_error_with_its_message() {
        let error = CliError::server(
            "purge the roster",
            AppError::Conflict(survey_i18n::msg!("error-roster-purge-before-close", survey = "Pulse")),
        );
        assert_eq!(
            error.report(),
            "error: the roster of `Pulse` can be purged only after the survey has closed"
        );
        assert_eq!(error.exit_code(), 2);
    }
}
