//! `survey serve` (and `survey` alone): the server, until it is stopped.

use std::io::Write;
use std::path::Path;

use survey_server::startup::Application;

use crate::database::{block_on, settings};
use crate::error::CliError;

pub fn run(config: Option<&Path>, out: &mut impl Write) -> Result<(), CliError> {
    logging();
    let settings = settings(config)?;
    let public = settings.server.public_url.clone();
    block_on(async {
        let app = Application::build(settings).await?;
        writeln!(
            out,
            "survey server listening on port {}; operators log in at {public}/login",
            app.port()
        )?;
        if let Some((email, password)) = &app.first_admin {
            writeln!(
                out,
                "first operator admin created — log in as {email} with the one-time password {password}"
            )?;
            writeln!(
                out,
                "(it is shown only now; add your own admin with `survey admin create` and keep this one safe)"
            )?;
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
