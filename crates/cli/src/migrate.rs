//! `survey migrate`: the database migrations, applied without starting the server.

use std::io::Write;
use std::path::Path;

use survey_server::startup;

use crate::database::{block_on, settings};
use crate::error::CliError;

pub fn run(config: Option<&Path>, out: &mut impl Write) -> Result<(), CliError> {
    let settings = settings(config)?;
    block_on(async {
        let db = startup::connect(&settings).await?;
        startup::migrate(&db).await?;
        writeln!(out, "migrations applied")?;
        Ok(())
    })
}
