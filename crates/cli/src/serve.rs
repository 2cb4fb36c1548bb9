//! `survey serve` (and `survey` alone): the server, until it is stopped.

use std::io::{IsTerminal, Write};
use std::path::Path;

use survey_server::startup::Application;

use crate::database::{block_on, settings};
use crate::error::CliError;

/// Where the first operator admin's one-time password goes when stdout is not a terminal.
pub const FIRST_ADMIN_FILE: &str = "first-admin-password.txt";

pub fn run(config: Option<&Path>, out: &mut impl Write) -> Result<(), CliError> {
    logging();
    let settings = settings(config)?;
    let public = settings.server.public_url.clone();
    let data_dir = settings.data_dir.clone();
    let terminal = std::io::stdout().is_terminal();
    block_on(async {
        let app = Application::build(settings).await?;
        writeln!(
            out,
            "survey server listening on port {}; operators log in at {public}/login",
            app.port()
        )?;
        if let Some((email, password)) = &app.first_admin {
            // A password printed into whatever collects stdout (a journal, a container log, a CI
            // log) is kept there for anyone who reads it: only a person at a terminal sees it.
            if terminal {
                writeln!(
                    out,
                    "first operator admin created — log in as {email} with the one-time password {password}"
                )?;
                writeln!(
                    out,
                    "(it is shown only now; add your own admin with `survey admin create` and keep this one safe)"
                )?;
            } else {
                let file = data_dir.join(FIRST_ADMIN_FILE);
                write_private(&file, &format!("{email}\n{password}\n")).map_err(|source| CliError::WriteFile {
                    path: file.clone(),
                    source,
                })?;
                writeln!(
                    out,
                    "first operator admin created — log in as {email} with the one-time password in {} \
                     (readable by this user only; delete it once you have logged in)",
                    file.display()
                )?;
            }
        }
        out.flush()?;
        app.run_until_stopped().await?;
        Ok(())
    })
}

/// The server's log on stdout, filtered by `SURVEY_LOG` (default `info`).
fn logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("SURVEY_LOG").unwrap_or_else(|_| "info".into());
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .init();
}

/// Writes `text` to a new file that only this user may read (0600), replacing a stale one of an
/// earlier database.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}
