//! Typed, layered configuration: built-in defaults, then an optional TOML file, then environment
//! variables `SURVEY__SECTION__KEY` (e.g. `SURVEY__SERVER__PORT=8080`,
//! `SURVEY__DATABASE__URL=postgres://…`). Secrets are [`Secret`]s: never printed, never logged.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    /// Where the embedded database, generated keys and the mail outbox live by default.
    pub data_dir: PathBuf,
    /// Folder of questionnaire templates offered when creating a survey.
    pub templates_dir: PathBuf,
    pub mail: MailSettings,
    pub session: SessionSettings,
    pub scheduler: SchedulerSettings,
    #[serde(default)]
    pub secrets: SecretSettings,
    #[serde(default)]
    pub metrics: MetricsSettings,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ServerSettings {
    pub host: String,
    /// 0 picks a free port (tests).
    pub port: u16,
    /// The address employees and operators use, for links in e-mails (`https://survey.example.com`).
    pub public_url: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DatabaseSettings {
    /// Empty: an SQLite file in `data_dir`.
    #[serde(default)]
    pub url: Option<Secret>,
    pub max_connections: u32,
    /// How long a request waits for a connection before the user is told to try again (a
    /// database out of reach must not hold a respondent for the driver's default 30 s).
    pub acquire_timeout_seconds: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MailSettings {
    pub from: String,
    /// Each message is written here as an `.eml` file when no SMTP server is configured. Empty:
    /// `data_dir/outbox`.
    #[serde(default)]
    pub outbox: Option<PathBuf>,
    #[serde(default)]
    pub smtp: Option<SmtpSettings>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    /// `none` (plain, for a relay on the same host or tests), `starttls` or `tls`.
    pub security: String,
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub password: Option<Secret>,
    /// Attempts per message before the job is retried later.
    pub attempts: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SessionSettings {
    /// A session ends this long after login.
    pub ttl_minutes: i64,
    /// Failed logins per account within `login_window_minutes` before further tries are refused.
    pub login_attempts: u32,
    /// Failed logins per client address (whatever the accounts) within the same window. The address
    /// is counted in memory only: never stored or logged.
    pub login_attempts_per_address: u32,
    pub login_window_minutes: i64,
    /// The request header a trusted reverse proxy sets to the client's address
    /// (`X-Forwarded-For`: its last address is taken, the one the proxy added). Empty: the address
    /// of the connection itself, right when the server is reached directly.
    #[serde(default)]
    pub client_address_header: Option<String>,
}

/// `/metrics` (Prometheus text): off unless enabled; with a token, only for
/// `Authorization: Bearer <token>`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MetricsSettings {
    #[serde(default)]
    pub enabled: bool,
    #[serde(default)]
    pub token: Option<Secret>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SchedulerSettings {
    pub enabled: bool,
    pub interval_seconds: u64,
    /// The fieldwork's time zone as an offset from UTC (Japan: 9): surveys open and reminders go out
    /// at 09:00 there, and close at 18:00.
    pub utc_offset_hours: i32,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct SecretSettings {
    /// Key (base64, 32 bytes) of the HMAC under which invitation codes are stored. Empty: generated
    /// once into `data_dir/hmac.key`.
    #[serde(default)]
    pub hmac_key: Option<Secret>,
    /// Key (base64, 32 bytes) that seals the issuer keys at rest (AES-256-GCM). Empty: generated once
    /// into `data_dir/master.key`, with a warning; a deployment keeps it outside the database and
    /// its backups.
    #[serde(default)]
    pub master_key: Option<Secret>,
}

/// A value that must not appear in logs or error messages.
#[derive(Clone, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

const DEFAULTS: &str = r#"
data_dir = "data"
templates_dir = "survey-templates"

[server]
host = "127.0.0.1"
port = 8080
public_url = "http://127.0.0.1:8080"

[database]
max_connections = 10
acquire_timeout_seconds = 5

[mail]
from = "Survey <survey@localhost>"

[session]
ttl_minutes = 480
login_attempts = 5
login_attempts_per_address = 30
login_window_minutes = 15

[scheduler]
enabled = true
interval_seconds = 15
utc_offset_hours = 9

[metrics]
enabled = false
"#;

#[derive(Debug, thiserror::Error)]
#[error("invalid configuration")]
pub struct ConfigError(#[from] config::ConfigError);

impl Settings {
    /// Defaults, then `file` if given, then `SURVEY__…` environment variables.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        let mut builder =
            config::Config::builder().add_source(config::File::from_str(DEFAULTS, config::FileFormat::Toml));
        if let Some(file) = file {
            builder = builder.add_source(config::File::from(file).format(config::FileFormat::Toml));
        }
        let built = builder
            .add_source(
                config::Environment::with_prefix("SURVEY")
                    .prefix_separator("__")
                    .separator("__"),
            )
            .build()?;
        Ok(built.try_deserialize()?)
    }

    /// The host of `public_url` (`survey.example.com`, with a port if it has one): the issuer name
    /// and origin of every survey's token challenge.
    pub fn public_host(&self) -> &str {
        let url = self.server.public_url.trim();
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        rest.split(['/', '?', '#']).next().unwrap_or(rest)
    }

    /// The database URL: the configured one, or an SQLite file in the data folder.
    pub fn database_url(&self) -> Secret {
        match &self.database.url {
            Some(url) if !url.expose().is_empty() => url.clone(),
            _ => Secret::new(format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("survey.db").display()
            )),
        }
    }

    pub fn outbox(&self) -> PathBuf {
        self.mail.outbox.clone().unwrap_or_else(|| self.data_dir.join("outbox"))
    }
}
