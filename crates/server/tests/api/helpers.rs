//! `spawn_app`: the real application on a random port, with a fresh database (an SQLite file, or a
//! new PostgreSQL database when `SURVEY_TEST_DATABASE_URL` is set), a private outbox folder, and an
//! HTTP client that keeps cookies like a browser.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use awc::http::StatusCode;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use survey_server::config::Secret;
use survey_server::services::auth::Role;
use survey_server::services::users::{self, NewUser};
use survey_server::state::AppState;
use survey_server::{Application, Settings};

pub const PASSWORD: &str = "correct horse battery staple";

pub struct TestApp {
    pub address: String,
    pub state: AppState,
    pub outbox: PathBuf,
    pub database_url: String,
    dir: tempfile::TempDir,
}

/// A fresh database URL: a new PostgreSQL database when the suite is asked to run on PostgreSQL
/// (and a loud failure when it cannot be reached), else an SQLite file in `dir`.
async fn fresh_database(dir: &std::path::Path) -> String {
    match std::env::var("SURVEY_TEST_DATABASE_URL") {
        Ok(base) if !base.is_empty() => {
            let admin = Database::connect(&base)
                .await
                .unwrap_or_else(|e| panic!("SURVEY_TEST_DATABASE_URL is set but PostgreSQL cannot be reached: {e}"));
            let name = format!("survey_test_{}", uuid::Uuid::new_v4().simple());
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .unwrap();
            let (prefix, _) = base
                .rsplit_once('/')
                .expect("SURVEY_TEST_DATABASE_URL ends with /DATABASE");
            format!("{prefix}/{name}")
        }
        _ => format!("sqlite://{}?mode=rwc", dir.join("survey.db").display()),
    }
}

pub fn settings_for(dir: &std::path::Path, database_url: &str) -> Settings {
    let mut settings = Settings::load(None).unwrap();
    settings.server.port = 0;
    settings.server.public_url = "http://127.0.0.1".into();
    settings.data_dir = dir.to_path_buf();
    settings.templates_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../survey-templates");
    settings.database.url = Some(Secret::new(database_url));
    settings.database.max_connections = 5;
    settings.scheduler.enabled = false;
    settings.mail.outbox = Some(dir.join("outbox"));
    settings
}

pub async fn spawn_app() -> TestApp {
    spawn_with(|_| {}).await
}

pub async fn spawn_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let database_url = fresh_database(dir.path()).await;
    let mut settings = settings_for(dir.path(), &database_url);
    adjust(&mut settings);
    start(settings, database_url, dir).await
}

impl TestApp {
    pub fn db(&self) -> &DatabaseConnection {
        &self.state.db
    }

    pub fn data_dir(&self) -> &std::path::Path {
        self.dir.path()
    }

    pub async fn user(&self, email: &str, role: Role, organisation: Option<survey_server::domain::OrganisationId>) {
        users::create(
            self.db(),
            NewUser {
                email: email.into(),
                name: email.into(),
                password: PASSWORD.into(),
                role,
                organisation_id: organisation,
            },
        )
        .await
        .unwrap();
    }

    /// A browser-like client: keeps cookies, does not follow redirects.
    pub fn browser(&self) -> Browser {
        Browser {
            base: self.address.clone(),
            cookies: Arc::default(),
        }
    }

    /// A browser logged in as `email`.
    pub async fn login(&self, email: &str) -> Browser {
        let browser = self.browser();
        let response = browser.login(email, PASSWORD).await;
        assert_eq!(
            response.status,
            StatusCode::SEE_OTHER,
            "login as {email}: {}",
            response.body
        );
        browser
    }

    /// The `.eml` files in the outbox.
    pub fn mails(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(&self.outbox) else {
            return Vec::new();
        };
        let mut mails: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
            .map(|e| std::fs::read_to_string(e.path()).unwrap())
            .collect();
        mails.sort();
        mails
    }
}

/// A mail of the outbox: its recipient and its body, decoded from base64 or quoted-printable.
pub fn read_mail(eml: &str) -> (String, String) {
    let (head, body) = eml.split_once("\r\n\r\n").unwrap();
    let to = head
        .lines()
        .find_map(|l| l.strip_prefix("To: "))
        .unwrap()
        .trim()
        .to_owned();
    let body = if head.contains("Content-Transfer-Encoding: base64") {
        use base64::Engine;
        let packed: String = body.split_whitespace().collect();
        String::from_utf8(base64::engine::general_purpose::STANDARD.decode(packed).unwrap()).unwrap()
    } else if head.contains("Content-Transfer-Encoding: quoted-printable") {
        let joined = body.replace("=\r\n", "");
        let mut bytes = Vec::new();
        let mut rest = joined.as_bytes();
        while let Some((&b, tail)) = rest.split_first() {
            if b == b'=' && tail.len() >= 2 {
                bytes.push(u8::from_str_radix(std::str::from_utf8(&tail[..2]).unwrap(), 16).unwrap());
                rest = &tail[2..];
            } else {
                bytes.push(b);
                rest = tail;
            }
        }
        String::from_utf8(bytes).unwrap()
    } else {
        body.to_owned()
    };
    (to, body)
}

pub struct Response {
    pub status: StatusCode,
    pub headers: awc::http::header::HeaderMap,
    pub body: String,
    pub bytes: Vec<u8>,
}

impl Response {
    pub fn location(&self) -> &str {
        self.headers.get("location").and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    /// The value of the hidden `csrf` field of the page.
    pub fn csrf(&self) -> String {
        let at = self
            .body
            .find("name=\"csrf\" value=\"")
            .expect("the page has no CSRF field")
            + 19;
        self.body[at..].split('"').next().unwrap().to_owned()
    }
}

#[derive(Clone)]
pub struct Browser {
    base: String,
    cookies: Arc<Mutex<HashMap<String, String>>>,
}

impl Browser {
    fn cookie_header(&self) -> String {
        self.cookies
            .lock()
            .unwrap()
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn finish(
        &self,
        mut response: awc::ClientResponse<
            impl futures_util::Stream<Item = Result<actix_web::web::Bytes, awc::error::PayloadError>> + Unpin,
        >,
    ) -> Response {
        for value in response.headers().get_all("set-cookie") {
            let cookie = awc::cookie::Cookie::parse(value.to_str().unwrap().to_owned()).unwrap();
            let mut jar = self.cookies.lock().unwrap();
            if cookie.value().is_empty() {
                jar.remove(cookie.name());
            } else {
                jar.insert(cookie.name().to_owned(), cookie.value().to_owned());
            }
        }
        let body = response.body().limit(50 * 1024 * 1024).await.unwrap();
        Response {
            status: response.status(),
            headers: response.headers().clone(),
            body: String::from_utf8_lossy(&body).into_owned(),
            bytes: body.to_vec(),
        }
    }

    fn client() -> awc::Client {
        awc::Client::builder()
            .disable_redirects()
            .timeout(std::time::Duration::from_secs(30))
            .finish()
    }

    pub async fn get(&self, path: &str) -> Response {
        let response = Self::client()
            .get(format!("{}{path}", self.base))
            .insert_header(("cookie", self.cookie_header()))
            .send()
            .await
            .unwrap();
        self.finish(response).await
    }

    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> Response {
        let response = Self::client()
            .post(format!("{}{path}", self.base))
            .insert_header(("cookie", self.cookie_header()))
            .send_form(&form)
            .await
            .unwrap();
        self.finish(response).await
    }

    /// A multipart form: text fields and files (name, file name, bytes).
    pub async fn post_multipart(&self, path: &str, fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> Response {
        let boundary = "----survey-test-boundary";
        let mut body = Vec::new();
        for (name, value) in fields {
            body.extend(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                    .as_bytes(),
            );
        }
        for (name, file, bytes) in files {
            body.extend(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
            );
            body.extend(*bytes);
            body.extend(b"\r\n");
        }
        body.extend(format!("--{boundary}--\r\n").as_bytes());
        let response = Self::client()
            .post(format!("{}{path}", self.base))
            .insert_header(("cookie", self.cookie_header()))
            .insert_header(("content-type", format!("multipart/form-data; boundary={boundary}")))
            .send_body(body)
            .await
            .unwrap();
        self.finish(response).await
    }

    pub async fn login(&self, email: &str, password: &str) -> Response {
        let form = self.get("/login").await;
        let csrf = form.csrf();
        self.post_form("/login", &[("csrf", &csrf), ("email", email), ("password", password)])
            .await
    }

    /// Makes an API token on the operator's token page and returns it (shown there once).
    pub async fn api_token(&self) -> String {
        let page = self.get("/operator/tokens").await;
        let made = self
            .post_form("/operator/tokens", &[("csrf", &page.csrf()), ("name", "test")])
            .await;
        let at = made.body.find("<code>").expect("no token on the page") + 6;
        made.body[at..].split('<').next().unwrap().to_owned()
    }

    /// Sends a JSON API request with a bearer token.
    pub async fn api(&self, method: &str, path: &str, token: &str, body: Option<serde_json::Value>) -> Response {
        let request = Self::client()
            .request(method.parse().unwrap(), format!("{}{path}", self.base))
            .insert_header(("authorization", format!("Bearer {token}")));
        let response = match body {
            Some(json) => request.send_json(&json).await.unwrap(),
            None => request.send().await.unwrap(),
        };
        self.finish(response).await
    }

    /// What a browser transfers for `path`: it accepts gzip, and the body stays as sent.
    pub async fn get_transferred(&self, path: &str) -> Response {
        let response = Self::client()
            .get(format!("{}{path}", self.base))
            .insert_header(("accept-encoding", "gzip"))
            .send()
            .await
            .unwrap();
        self.finish(response).await
    }

    /// A body of the given media type, with no credentials (as the respondent's client sends it).
    pub async fn post_body(&self, path: &str, content_type: &str, body: Vec<u8>) -> Response {
        let response = Self::client()
            .post(format!("{}{path}", self.base))
            .insert_header(("content-type", content_type.to_owned()))
            .send_body(body)
            .await
            .unwrap();
        self.finish(response).await
    }

    /// A body of the given media type exactly as given, with the browser's cookies (what a browser
    /// would not send: bytes that are not UTF-8, say).
    pub async fn post_raw(&self, path: &str, content_type: &str, body: Vec<u8>) -> Response {
        let response = Self::client()
            .post(format!("{}{path}", self.base))
            .insert_header(("cookie", self.cookie_header()))
            .insert_header(("content-type", content_type.to_owned()))
            .send_body(body)
            .await
            .unwrap();
        self.finish(response).await
    }

    pub async fn send_raw(&self, method: &str, path: &str, token: &str, content_type: &str, body: Vec<u8>) -> Response {
        let response = Self::client()
            .request(method.parse().unwrap(), format!("{}{path}", self.base))
            .insert_header(("authorization", format!("Bearer {token}")))
            .insert_header(("content-type", content_type.to_owned()))
            .send_body(body)
            .await
            .unwrap();
        self.finish(response).await
    }
}

async fn start(settings: Settings, database_url: String, dir: tempfile::TempDir) -> TestApp {
    let outbox = settings.outbox();
    let app = Application::build(settings).await.unwrap();
    let address = format!("http://127.0.0.1:{}", app.port());
    let state = app.state();
    actix_web::rt::spawn(app.run_until_stopped());
    TestApp {
        address,
        state,
        outbox,
        database_url,
        dir,
    }
}

/// Another server on the database of `first` (a second replica, or a restart), with its HMAC key.
pub async fn spawn_on(first: &TestApp, adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = settings_for(dir.path(), &first.database_url);
    adjust(&mut settings);
    // Both servers must store codes under the same key: the one `first` generated.
    let key = std::fs::read_to_string(first.dir.path().join("hmac.key")).unwrap();
    settings.secrets.hmac_key = Some(Secret::new(key));
    start(settings, first.database_url.clone(), dir).await
}
