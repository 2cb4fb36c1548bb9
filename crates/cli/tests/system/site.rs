//! One deployment under test: a data folder and a database, `survey serve` processes started on
//! them as an operator would (environment variables, the real binary), the mail outbox they write,
//! and respondents' requests over HTTP.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use survey_server::config::Secret;
use survey_server::domain::SurveyId;
use survey_server::state::AppState;
use survey_server::storage::response;
use survey_server::{Application, Settings};
use uuid::Uuid;

/// The address in e-mails and in every survey's token challenge: the same for the test (which
/// blinds against it) and every server process, whatever port each listens on.
pub const PUBLIC_URL: &str = "http://survey.test";

#[derive(Debug, Clone, Copy)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct Site {
    pub data_dir: PathBuf,
    pub database_url: String,
    /// Server logs live apart from the data folder, which a test may fill to the brim.
    pub logs: tempfile::TempDir,
    _data: Option<tempfile::TempDir>,
}

impl Site {
    pub async fn new(backend: Backend) -> Self {
        let data = tempfile::tempdir().unwrap();
        let mut site = Self::in_folder(backend, data.path()).await;
        site._data = Some(data);
        site
    }

    /// A site whose data folder (and SQLite file) is `data_dir`.
    pub async fn in_folder(backend: Backend, data_dir: &Path) -> Self {
        let database_url = match backend {
            Backend::Sqlite => format!("sqlite://{}?mode=rwc", data_dir.join("survey.db").display()),
            Backend::Postgres => postgres_database().await,
        };
        Self {
            data_dir: data_dir.to_path_buf(),
            database_url,
            logs: tempfile::tempdir().unwrap(),
            _data: None,
        }
    }

    /// The environment of a `survey` process on this site, given the database URL (a test may put a
    /// proxy in between).
    pub fn env(&self, database_url: &str) -> Vec<(&'static str, String)> {
        vec![
            ("SURVEY__DATA_DIR", self.data_dir.display().to_string()),
            ("SURVEY__DATABASE__URL", database_url.to_owned()),
            ("SURVEY__SERVER__PORT", "0".into()),
            ("SURVEY__SERVER__PUBLIC_URL", PUBLIC_URL.into()),
            ("SURVEY__TEMPLATES_DIR", templates().display().to_string()),
            ("SURVEY__SCHEDULER__ENABLED", "false".into()),
            ("SURVEY_LOG", "info".into()),
        ]
    }

    /// The application's state in this process, its scheduler off: migrates the database and
    /// makes the keys in the data folder, as the first server start would, and lets the test set
    /// up surveys with the operator's own functions.
    pub async fn state(&self) -> AppState {
        let mut settings = Settings::load(None).unwrap();
        settings.server.port = 0;
        settings.server.public_url = PUBLIC_URL.into();
        settings.data_dir = self.data_dir.clone();
        settings.templates_dir = templates();
        settings.database.url = Some(Secret::new(self.database_url.clone()));
        settings.scheduler.enabled = false;
        Application::build(settings).await.unwrap().state()
    }

    /// The responses stored for `survey`, read straight from the database.
    pub async fn stored(&self, state: &AppState, survey: SurveyId) -> Vec<response::Model> {
        response::Entity::find()
            .filter(response::Column::SurveyId.eq(survey))
            .all(&state.db)
            .await
            .unwrap()
    }
}

fn templates() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../survey-templates")
}

/// A fresh database on the PostgreSQL of `SURVEY_TEST_DATABASE_URL`; named like the API suite's,
/// so `.ci/run` clears them.
async fn postgres_database() -> String {
    let base = std::env::var("SURVEY_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
        .expect("this test needs PostgreSQL: set SURVEY_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test");
    let admin = sea_orm::Database::connect(&base)
        .await
        .unwrap_or_else(|e| panic!("cannot connect to PostgreSQL at SURVEY_TEST_DATABASE_URL: {e}"));
    let name = format!("survey_test_{}", Uuid::new_v4().simple());
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    let (prefix, _) = base.rsplit_once('/').unwrap();
    format!("{prefix}/{name}")
}

/// A `survey serve` process.
pub struct Server {
    child: Child,
    pub base: String,
    log: PathBuf,
}

impl Server {
    pub async fn start(site: &Site, name: &str, extra: &[(&str, &str)]) -> Self {
        Self::start_on(site, &site.database_url, name, extra).await
    }

    /// Started with `database_url` instead of the site's own (the same database through a proxy).
    pub async fn start_on(site: &Site, database_url: &str, name: &str, extra: &[(&str, &str)]) -> Self {
        let log = site.logs.path().join(format!("{name}.log"));
        let file = std::fs::File::create(&log).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_survey"))
            .arg("serve")
            .envs(site.env(database_url))
            .envs(extra.iter().copied())
            .stdin(Stdio::null())
            .stdout(file.try_clone().unwrap())
            .stderr(file)
            .spawn()
            .unwrap();
        let mut server = Self {
            child,
            base: String::new(),
            log,
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        let port = loop {
            if let Some(port) = server
                .log()
                .split("listening on port ")
                .nth(1)
                .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
                .and_then(|p| p.parse::<u16>().ok())
            {
                break port;
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("server {name} exited ({status}) before listening:\n{}", server.log());
            }
            assert!(
                Instant::now() < deadline,
                "server {name} did not start:\n{}",
                server.log()
            );
            actix_web::rt::time::sleep(Duration::from_millis(100)).await;
        };
        server.base = format!("http://127.0.0.1:{port}");
        let client = client();
        loop {
            if let Ok(r) = client.get(format!("{}/readyz", server.base)).send().await
                && r.status().is_success()
            {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "server {name} never became ready:\n{}",
                server.log()
            );
            actix_web::rt::time::sleep(Duration::from_millis(100)).await;
        }
        server
    }

    /// SIGKILL: no shutdown, no flush, no goodbye.
    pub fn kill(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

pub fn client() -> awc::Client {
    awc::Client::builder().timeout(Duration::from_secs(60)).finish()
}

/// `POST /i/{code}/token-request`: the status and the body (the blind signature when 200).
pub async fn take_token(
    client: &awc::Client,
    base: &str,
    code: &str,
    request: &[u8],
) -> Result<(u16, Vec<u8>), String> {
    let mut r = client
        .post(format!("{base}/i/{code}/token-request"))
        .insert_header(("content-type", "application/private-token-request"))
        .send_body(request.to_vec())
        .await
        .map_err(|e| e.to_string())?;
    let body = r.body().await.map_err(|e| e.to_string())?;
    Ok((r.status().as_u16(), body.to_vec()))
}

/// A submission's status and JSON answer, or why no answer came (the server was gone).
pub type Answer = Result<(u16, serde_json::Value), String>;

/// `POST /s/{survey}/responses`.
pub async fn submit(client: &awc::Client, base: &str, survey: SurveyId, body: &str) -> Answer {
    let mut r = client
        .post(format!("{base}/s/{survey}/responses"))
        .insert_header(("content-type", "application/json"))
        .send_body(body.to_owned())
        .await
        .map_err(|e| e.to_string())?;
    let body = r.body().await.map_err(|e| e.to_string())?;
    let json =
        serde_json::from_slice(&body).unwrap_or_else(|_| serde_json::json!({ "raw": String::from_utf8_lossy(&body) }));
    Ok((r.status().as_u16(), json))
}

/// A message of the outbox: to whom, and its text decoded.
#[derive(Debug, Clone)]
pub struct Mail {
    pub file: PathBuf,
    pub to: String,
    pub body: String,
}

impl Mail {
    /// The invitation code of the link in the message.
    pub fn code(&self) -> String {
        let rest = self
            .body
            .split("/i/")
            .nth(1)
            .unwrap_or_else(|| panic!("no link in {self:?}"));
        rest.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect()
    }

    pub fn is_reminder(&self) -> bool {
        self.body.contains("まだ回答がお済みでない") || self.body.contains("If you have not answered yet")
    }
}

/// Every finished message in `dir` (the `.partial` files being written are not messages yet).
pub fn outbox(dir: &Path) -> Vec<Mail> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut mails: Vec<Mail> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .map(parse_mail)
        .collect();
    mails.sort_by(|a, b| a.file.cmp(&b.file));
    mails
}

fn parse_mail(file: PathBuf) -> Mail {
    let raw = std::fs::read_to_string(&file).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let header = |name: &str| {
        head.lines()
            .find_map(|l| l.strip_prefix(name).and_then(|v| v.strip_prefix(':')))
            .map(str::trim)
            .unwrap_or_default()
    };
    let to = header("To");
    let to = to
        .rsplit_once('<')
        .map_or(to, |(_, rest)| rest.trim_end_matches('>'))
        .to_owned();
    let body = match header("Content-Transfer-Encoding") {
        "base64" => String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(body.split_whitespace().collect::<String>())
                .unwrap(),
        )
        .unwrap(),
        "quoted-printable" => quoted_printable(body),
        _ => body.to_owned(),
    };
    Mail { file, to, body }
}

fn quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (
            bytes[i],
            joined.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok()),
        ) {
            (b'=', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap()
}
