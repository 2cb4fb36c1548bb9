//! Assembling the application in one readable place: configuration → state (database, keys, mailer)
//! → routes.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::middleware::{DefaultHeaders, from_fn};
use actix_web::{App, HttpServer};
use base64::Engine;
use sea_orm::{ConnectOptions, Database, DatabaseConnection};
use survey_migration::{Migrator, MigratorTrait};

use crate::config::{Secret, Settings};
use crate::jobs;
use crate::mail::Mailer;
use crate::metrics::Metrics;
use crate::services::auth::LoginLimiter;
use crate::services::issuance::Issuers;
use crate::services::users;
use crate::state::AppState;
use crate::web::{self, api, body::MAX_UPLOAD_BYTES};
use survey_token::issuer::MasterKey;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error("cannot open the database")]
    Database(#[from] sea_orm::DbErr),
    #[error("cannot prepare {what}")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the key in {0} (or its file in the data folder) is not 32 bytes of base64")]
    Key(String),
    #[error(transparent)]
    Mail(#[from] crate::mail::MailError),
}

pub struct Application {
    port: u16,
    server: Server,
    state: AppState,
    /// The first operator admin, made because the database had no user: printed once at start.
    pub first_admin: Option<(String, String)>,
}

/// Connects to the configured database (creating the SQLite file and its folder if needed).
pub async fn connect(settings: &Settings) -> Result<DatabaseConnection, StartError> {
    std::fs::create_dir_all(&settings.data_dir).map_err(|source| StartError::Io {
        what: format!("the data folder {}", settings.data_dir.display()),
        source,
    })?;
    let mut options = ConnectOptions::new(settings.database_url().expose().to_owned());
    options
        .max_connections(settings.database.max_connections)
        .acquire_timeout(std::time::Duration::from_secs(
            settings.database.acquire_timeout_seconds,
        ))
        .sqlx_logging(false)
        // Write-ahead log, so answering does not wait for readers; and every commit synced to disk
        // before it is acknowledged (FULL), so an acknowledged response survives a crash. Deleted
        // content is overwritten with zeros (`secure_delete`), so the rows the close rewrites, and a
        // purged roster, do not linger in free pages of the file.
        .map_sqlx_sqlite_opts(|o| {
            o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Full)
                .pragma("secure_delete", "ON")
        });
    Ok(Database::connect(options).await?)
}

pub async fn migrate(db: &DatabaseConnection) -> Result<(), StartError> {
    Ok(Migrator::up(db, None).await?)
}

impl Application {
    pub async fn build(settings: Settings) -> Result<Self, StartError> {
        let db = connect(&settings).await?;
        migrate(&db).await?;
        let first_admin = users::bootstrap_admin(&db).await.map_err(StartError::Database)?;
        let hmac_key = key_bytes(
            &settings,
            settings.secrets.hmac_key.as_ref(),
            "hmac.key",
            "SURVEY__SECRETS__HMAC_KEY",
        )?;
        let master_key = master_key(&settings)?;
        let mailer = Mailer::from_settings(&settings)?;
        let settings = Arc::new(settings);
        let state = AppState {
            db,
            login_limiter: LoginLimiter::new(
                settings.session.login_attempts,
                settings.session.login_attempts_per_address,
                settings.session.login_window_minutes,
            ),
            hmac_key: Arc::new(ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &hmac_key)),
            issuers: Issuers::new(master_key),
            questionnaires: Default::default(),
            closed_tallies: Default::default(),
            mailer,
            metrics: Metrics::default(),
            templates: Arc::new(crate::templates::load(&settings.templates_dir)),
            publishing: crate::services::publishing::Publishing::default(),
            settings: settings.clone(),
        };
        if settings.scheduler.enabled {
            jobs::spawn_scheduler(state.clone());
        }
        let address = format!("{}:{}", settings.server.host, settings.server.port);
        let listener = TcpListener::bind(&address).map_err(|source| StartError::Io {
            what: format!("the address {address}"),
            source,
        })?;
        let port = listener
            .local_addr()
            .map_err(|source| StartError::Io {
                what: "the port".into(),
                source,
            })?
            .port();
        let data = actix_web::web::Data::new(state.clone());
        let server = HttpServer::new(move || {
            App::new()
                .app_data(data.clone())
                .app_data(crate::web::body::form_config(MAX_UPLOAD_BYTES))
                .app_data(actix_web::web::PayloadConfig::default().limit(MAX_UPLOAD_BYTES))
                .app_data(api::json_config())
                .wrap(from_fn(crate::web::body::utf8_forms))
                .wrap(from_fn(crate::web::body::limit_bodies))
                .wrap(security_headers())
                .wrap(from_fn(crate::metrics::observe))
                .configure(web::routes)
                .default_service(actix_web::web::to(web::not_found))
        })
        .listen(listener)
        .map_err(|source| StartError::Io {
            what: "the listener".into(),
            source,
        })?
        .run();
        Ok(Self {
            port,
            server,
            state,
            first_admin,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The shared state, for running the scheduler by hand in tests and tools.
    pub fn state(&self) -> AppState {
        self.state.clone()
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// Pages allow only this server's own scripts, styles and forms, and cannot be framed; no page leaks
/// its address to another site.
fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; \
             base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ))
        .add(("Referrer-Policy", "no-referrer"))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Cache-Control", "no-store"))
}

/// The master key that seals issuer keys: `SURVEY__SECRETS__MASTER_KEY`, or the file
/// [`MASTER_KEY_FILE`] in the data folder (generated on first use).
pub fn master_key(settings: &Settings) -> Result<MasterKey, StartError> {
    let bytes = key_bytes(
        settings,
        settings.secrets.master_key.as_ref(),
        MASTER_KEY_FILE,
        "SURVEY__SECRETS__MASTER_KEY",
    )?;
    MasterKey::from_bytes(&bytes).map_err(|_| StartError::Key("the master key".into()))
}

pub const MASTER_KEY_FILE: &str = "master.key";

/// A 32-byte key: the configured one, or one generated once into `data_dir/{file}` (fine for the
/// embedded default; a deployment with several servers must configure the same key on all of them).
fn key_bytes(
    settings: &Settings,
    configured: Option<&Secret>,
    file: &str,
    setting: &str,
) -> Result<Vec<u8>, StartError> {
    let engine = base64::engine::general_purpose::STANDARD;
    let invalid = || StartError::Key(setting.to_owned());
    let bytes = match configured {
        Some(key) => engine.decode(key.expose().trim()).map_err(|_| invalid())?,
        None => {
            let path = settings.data_dir.join(file);
            let io = |source| StartError::Io {
                what: format!("the key file {}", path.display()),
                source,
            };
            match std::fs::read_to_string(&path) {
                Ok(text) => engine.decode(text.trim()).map_err(|_| invalid())?,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    let key: [u8; 32] = rand::random();
                    write_private(&path, &engine.encode(key)).map_err(io)?;
                    tracing::warn!(file = %path.display(), "generated a key; configure {setting} in production");
                    key.to_vec()
                }
                Err(e) => return Err(io(e)),
            }
        }
    };
    if bytes.len() == 32 { Ok(bytes) } else { Err(invalid()) }
}

fn write_private(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())
}
