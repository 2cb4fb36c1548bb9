//! `survey admin create`: an operator account, made from the command line (the first one of a
//! deployment, or one more without the web interface).

use std::io::Write;
use std::path::Path;

use sea_orm::Iterable;
use survey_server::domain::Role;
use survey_server::services::users::{self, NewUser};
use survey_server::startup;

use crate::cli::AdminCommand;
use crate::database::{block_on, settings};
use crate::error::CliError;

pub fn run(command: AdminCommand, config: Option<&Path>, out: &mut impl Write) -> Result<(), CliError> {
    match command {
        AdminCommand::Create { email, name, role } => create(config, &email, &name, &role, out),
    }
}

fn create(config: Option<&Path>, email: &str, name: &str, role: &str, out: &mut impl Write) -> Result<(), CliError> {
    let role = match Role::iter().find(|r| r.as_str() == role) {
        Some(r) if r.is_operator() => r,
        _ => {
            return Err(CliError::Usage(format!(
                "`{role}` is not an operator role; use admin or analyst"
            )));
        }
    };
    let settings = settings(config)?;
    let (password, generated) = match std::env::var("SURVEY_ADMIN_PASSWORD") {
        Ok(p) if !p.is_empty() => (p, false),
        _ => (survey_server::services::auth::random_token(), true),
    };
    block_on(async {
        let db = startup::connect(&settings).await?;
        startup::migrate(&db).await?;
        let new = NewUser {
            email: email.to_owned(),
            name: name.to_owned(),
            password: password.clone(),
            role,
            organisation_id: None,
        };
        let user = users::create(&db, new)
            .await
            .map_err(|e| CliError::server("create the account", e))?;
        writeln!(out, "created {} ({})", user.email, role.as_str())?;
        if generated {
            writeln!(out, "password (shown once): {password}")?;
        }
        Ok(())
    })
}
