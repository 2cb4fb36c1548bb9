//! Anonymity invariants that already apply: the schema holds nothing that could date a token's
//! issuance or identify a client, and the request log names route patterns, not paths.

use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};

use crate::helpers::{TestApp, spawn_app};

/// Every (table, column, declared type) of the database.
async fn columns(app: &TestApp) -> Vec<(String, String, String)> {
    let db = app.db();
    let backend = db.get_database_backend();
    let sql = match backend {
        DatabaseBackend::Postgres => {
            "SELECT table_name::text AS t, column_name::text AS c, data_type::text AS ty FROM information_schema.columns \
             WHERE table_schema = 'public'"
        }
        _ => {
            "SELECT m.name AS t, p.name AS c, p.type AS ty FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'"
        }
    };
    let rows = db.query_all_raw(Statement::from_string(backend, sql)).await.unwrap();
    rows.iter()
        .map(|r| {
            (
                r.try_get("", "t").unwrap(),
                r.try_get("", "c").unwrap(),
                r.try_get::<String>("", "ty").unwrap().to_lowercase(),
            )
        })
        .collect()
}

#[actix_web::test]
async fn invitations_and_their_codes_hold_no_time_and_no_table_holds_client_details() {
    let app = spawn_app().await;
    let all = columns(&app).await;
    assert!(
        all.iter().any(|(t, _, _)| t == "invitations"),
        "the schema was not read: {all:?}"
    );
    for (table, column, ty) in &all {
        if table == "invitations" || table == "invitation_codes" {
            let timeish =
                ty.contains("time") || ty.contains("date") || column.ends_with("_at") || column.contains("when");
            assert!(!timeish, "{table}.{column} ({ty}) could date when a token was issued");
        }
        for forbidden in ["ip", "ip_address", "remote_addr", "user_agent", "referer", "referrer"] {
            assert_ne!(column, forbidden, "{table}.{column} would identify a client");
        }
    }
}

/// Everything the server logs in this test binary, captured once for the whole process.
fn log() -> &'static std::sync::Mutex<Vec<u8>> {
    static LOG: std::sync::OnceLock<&'static std::sync::Mutex<Vec<u8>>> = std::sync::OnceLock::new();
    LOG.get_or_init(|| {
        let buffer: &'static std::sync::Mutex<Vec<u8>> = Box::leak(Box::default());
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_writer(move || Capture(buffer))
            .finish();
        tracing::subscriber::set_global_default(subscriber).unwrap();
        buffer
    })
}

struct Capture(&'static std::sync::Mutex<Vec<u8>>);

impl std::io::Write for Capture {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[actix_web::test]
async fn the_request_log_names_route_patterns_not_paths_or_clients() {
    let log = log();
    let app = spawn_app().await;
    let secret = "5f0c1c1e-7a52-4c1b-9b39-3f1d6b1c2a77";
    let r = app
        .browser()
        .get(&format!("/operator/surveys/{secret}?done=created"))
        .await;
    assert_eq!(r.status.as_u16(), 303);
    let text = String::from_utf8(log.lock().unwrap().clone()).unwrap();
    assert!(text.contains("route=/operator/surveys/{id}"), "no request line: {text}");
    assert!(!text.contains(secret), "a path value reached the log");
    // (The server's own listening address is logged at start; request lines carry no address.)
    let requests: Vec<&str> = text.lines().filter(|l| l.contains(" request ")).collect();
    assert!(!requests.is_empty());
    assert!(
        requests.iter().all(|l| !l.contains("127.0.0.1")),
        "a client address reached the log: {requests:?}"
    );
}
