//! `survey roster purge`: retention after fieldwork, the roster's personal data dropped.

use std::io::Write;
use std::path::Path;

use survey_server::domain::SurveyId;
use survey_server::startup;

use crate::cli::RosterCommand;
use crate::database::{block_on, find_survey, settings};
use crate::error::CliError;

pub fn run(command: RosterCommand, config: Option<&Path>, out: &mut impl Write) -> Result<(), CliError> {
    match command {
        RosterCommand::Purge { survey } => purge(config, survey, out),
    }
}

fn purge(config: Option<&Path>, survey: SurveyId, out: &mut impl Write) -> Result<(), CliError> {
    let settings = settings(config)?;
    block_on(async {
        let db = startup::connect(&settings).await?;
        let s = find_survey(&db, survey).await?;
        let mailer = survey_server::mail::Mailer::from_settings(&settings)
            .map_err(|e| CliError::server("open the outbox", survey_server::error::AppError::internal(e)))?;
        let purged = survey_server::services::roster::purge(&db, &mailer, "survey roster purge", &s)
            .await
            .map_err(|e| CliError::server("purge the roster", e))?;
        writeln!(
            out,
            "purged the roster of {} ({}): {} invitees' addresses, attributes and invitation codes dropped, \
             {} of its messages deleted from the outbox; segment counts and response rates kept",
            s.name, s.id, purged.invitees, purged.messages
        )?;
        Ok(())
    })
}
