//! `survey serve`, `survey migrate`, `survey admin create`, `survey roster purge`, `survey keys reseal`.

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

/// A survey by id, or a message naming the id that is not there.
pub async fn find_survey(
    db: &sea_orm::DatabaseConnection,
    id: uuid::Uuid,
) -> Result<survey_server::entities::survey::Model, CliError> {
    survey_server::surveys::find(db, id).await.map_err(|e| match e {
        survey_server::error::AppError::NotFound => CliError::Usage(format!("no survey {id} in the database")),
        e => CliError::Usage(e.to_string()),
    })
}

pub fn purge_roster(config: Option<&Path>, survey: uuid::Uuid, out: &mut impl Write) -> Result<(), CliError> {
    let settings = settings(config)?;
    block_on(async {
        let db = startup::connect(&settings).await?;
        let s = find_survey(&db, survey).await?;
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

pub fn reseal_keys(config: Option<&Path>, out: &mut impl Write) -> Result<(), CliError> {
    use base64::Engine;
    let settings = settings(config)?;
    let engine = base64::engine::general_purpose::STANDARD;
    let usage = || {
        CliError::Usage(
            "set SURVEY_NEW_MASTER_KEY to the new master key: base64 of 32 random bytes (`openssl rand -base64 32`)"
                .into(),
        )
    };
    let new_text = std::env::var("SURVEY_NEW_MASTER_KEY").map_err(|_| usage())?;
    let new_bytes = engine.decode(new_text.trim()).map_err(|_| usage())?;
    let new = survey_token::issuer::MasterKey::from_bytes(&new_bytes).map_err(|_| usage())?;
    let file = settings.data_dir.join(startup::MASTER_KEY_FILE);
    let in_file = settings.secrets.master_key.is_none();
    if in_file && !file.exists() {
        return Err(CliError::Usage(format!(
            "no current master key: SURVEY__SECRETS__MASTER_KEY is not set and {} does not exist",
            file.display()
        )));
    }
    let old = startup::master_key(&settings)?;
    block_on(async {
        let db = startup::connect(&settings).await?;
        // The new key is on disk beside the old one before any issuer key depends on it.
        let staged = file.with_extension("key.new");
        if in_file {
            use std::os::unix::fs::OpenOptionsExt;
            std::fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .mode(0o600)
                .open(&staged)?
                .write_all(engine.encode(&new_bytes).as_bytes())?;
        }
        let resealed = match survey_server::issuance::reseal(&db, &old, &new).await {
            Ok(n) => n,
            Err(e) => {
                std::fs::remove_file(&staged).ok();
                return Err(CliError::Usage(e.to_string()));
            }
        };
        if in_file {
            std::fs::rename(&staged, &file)?;
        }
        survey_server::audit::record(
            &db,
            "survey keys reseal",
            "master key rotated",
            &format!("{resealed} issuer keys"),
        )
        .await
        .map_err(|e| CliError::Usage(e.to_string()))?;
        writeln!(out, "resealed {resealed} issuer keys under the new master key")?;
        if in_file {
            writeln!(out, "{} now holds the new key", file.display())?;
        } else {
            writeln!(
                out,
                "set SURVEY__SECRETS__MASTER_KEY to the new key on every server before starting them again"
            )?;
        }
        Ok(())
    })
}
