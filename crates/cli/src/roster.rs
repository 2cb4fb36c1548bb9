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
        let purged = survey_server::services::roster::purge(&db, "survey roster purge", &s)
            .await
            .map_err(|e| CliError::server("purge the roster", e))?;
        writeln!(
            out,
            "purged the roster of {} ({}): {purged} invitees' addresses, attributes and invitation codes dropped; \
             segment counts and response rates kept",
            s.name, s.id
        )?;
        Ok(())
    })
}
