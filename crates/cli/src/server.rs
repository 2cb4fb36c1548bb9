//! `survey serve`, `survey migrate`, `survey admin create`, `survey roster purge`.

use std::io::Write;
use std::path::Path;

use survey_server::Settings;
use survey_server::auth::Role;
use survey_server::startup::{self, Application};
use survey_server::users::{self, NewUser};

use crate::error::CliError;

fn settings(config: Option<&Path>) -> Result<Settings, CliError> {
    Ok(Settings::load(config)?)
}

pub fn logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("SURVEY_LOG").unwrap_or_else(|_| "info".into());
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .init();
}

/// Runs `work` on actix's runtime, which the server needs (a tokio runtime per worker thread) and
/// the other commands can share.
fn block_on<T>(work: impl std::future::Future<Output = T>) -> T {
    actix_web::rt::System::new().block_on(work)
}

pub fn serve(config: Option<&Path>, out: &mut impl Write) -> Result<(), CliError> {
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

pub fn migrate(config: Option<&Path>, out: &mut impl Write) -> Result<(), CliError> {
    let settings = settings(config)?;
    block_on(async {
        let db = startup::connect(&settings).await?;
        startup::migrate(&db).await?;
        writeln!(out, "migrations applied")?;
        Ok(())
    })
}

pub fn create_admin(
    config: Option<&Path>,
    email: &str,
    name: &str,
    role: &str,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let role = match Role::parse(role) {
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
        _ => (survey_server::auth::random_token(), true),
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
            .map_err(|e| CliError::Usage(e.to_string()))?;
        writeln!(out, "created {} ({})", user.email, role.as_str())?;
        if generated {
            writeln!(out, "password (shown once): {password}")?;
        }
        Ok(())
    })
}

pub fn purge_roster(config: Option<&Path>, survey: uuid::Uuid, out: &mut impl Write) -> Result<(), CliError> {
    let settings = settings(config)?;
    block_on(async {
        let db = startup::connect(&settings).await?;
        let s = survey_server::surveys::find(&db, survey).await.map_err(|e| match e {
            survey_server::error::AppError::NotFound => CliError::Usage(format!("no survey {survey} in the database")),
            e => CliError::Usage(e.to_string()),
        })?;
        let purged = survey_server::roster::purge(&db, &s)
            .await
            .map_err(|e| CliError::Usage(e.to_string()))?;
        survey_server::audit::record(
            &db,
            "survey roster purge",
            "roster purged",
            &format!("{} ({})", s.name, s.id),
        )
        .await
        .map_err(|e| CliError::Usage(e.to_string()))?;
        writeln!(
            out,
            "purged the roster of {} ({}): {purged} invitees' addresses, attributes and invitation codes dropped; \
             segment counts and response rates kept",
            s.name, s.id
        )?;
        Ok(())
    })
}
