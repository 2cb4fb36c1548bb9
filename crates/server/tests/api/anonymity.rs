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

/// Every value of every column, as text (byte columns as hex), by (table, column).
async fn dump(app: &TestApp) -> Vec<((String, String), Vec<String>)> {
    let db = app.db();
    let backend = db.get_database_backend();
    let mut out = Vec::new();
    for (table, column, ty) in columns(app).await {
        if table.starts_with("seaql") || table.starts_with("sqlite_") {
            continue;
        }
        let expr = match (
            backend,
            ty.contains("blob") || ty.contains("bytea") || ty.contains("binary"),
        ) {
            (DatabaseBackend::Postgres, true) => format!("encode(\"{column}\", 'hex')"),
            (DatabaseBackend::Postgres, false) => format!("\"{column}\"::text"),
            // SQLite's declared types are hints: ask each value for its storage class.
            _ => format!(
                "CASE WHEN typeof(\"{column}\") = 'blob' THEN lower(hex(\"{column}\")) ELSE CAST(\"{column}\" AS TEXT) END"
            ),
        };
        let sql = format!("SELECT {expr} AS v FROM \"{table}\"");
        let rows = db.query_all_raw(Statement::from_string(backend, sql)).await.unwrap();
        let values = rows
            .iter()
            .filter_map(|r| r.try_get::<Option<String>>("", "v").unwrap())
            .collect();
        out.push(((table, column), values));
    }
    out
}

/// The anonymity audit: many respondents go through the protocol (one after another, so arrival
/// order is known), the survey closes, and then everything the operator could read — every table,
/// every column, the captured log — is searched for a way back from a response to an invitation.
#[actix_web::test]
async fn nothing_stored_or_logged_links_a_response_to_an_invitation_or_reveals_arrival_order() {
    use crate::respondent::{Client, open_survey, questionnaire, valid_answers};
    let log = log();
    let app = crate::helpers::spawn_app().await;
    let (b, survey, codes) = open_survey(&app).await;
    let client = Client::new(&app, survey);
    let q = questionnaire(&app, survey).await;
    let mut arrivals = Vec::new();
    let mut secrets: Vec<String> = Vec::new();
    for (i, (email, code)) in codes.iter().take(40).enumerate() {
        let token = client.token(code).await;
        let language = if i % 2 == 0 { "ja" } else { "en" };
        let r = client
            .submit(&token, language, &valid_answers(&q, &mut rand::rng()))
            .await;
        assert_eq!(r.status.as_u16(), 201, "{}", r.body);
        let receipt = serde_json::from_str::<serde_json::Value>(&r.body).unwrap()["receipt"]
            .as_str()
            .unwrap()
            .to_owned();
        arrivals.push(receipt.clone());
        let parsed = survey_token::wire::Token::parse(&token).unwrap();
        secrets.extend([
            code.clone(),
            email.clone(),
            receipt,
            survey_token::tally::hex(&parsed.nonce),
            base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, &token),
        ]);
    }
    assert_eq!(
        crate::surveys::change_state(&b, survey, "closed").await.status.as_u16(),
        303
    );

    let all = dump(&app).await;
    let table = |name: &'static str| all.iter().filter(move |((t, _), _)| t == name);

    // A response holds exactly these columns, none of them a time.
    let mut response_columns: Vec<&str> = table("responses").map(|((_, c), _)| c.as_str()).collect();
    response_columns.sort_unstable();
    assert_eq!(
        response_columns,
        [
            "answers",
            "answers_digest",
            "id",
            "key_id",
            "language",
            "nonce",
            "receipt",
            "survey_id",
            "token"
        ]
    );
    let ((_, _), ids) = table("responses").find(|((_, c), _)| c == "id").unwrap();
    assert_eq!(ids.len(), 40);
    assert!(
        ids.iter()
            .all(|id| uuid::Uuid::parse_str(id).unwrap().get_version_num() == 4)
    );

    // No response value appears in any other table, save the survey id, the language and the key id
    // (the segment, which holds at least k invitees by construction).
    let shared_by_design = ["survey_id", "language", "key_id"];
    for ((_, column), values) in table("responses").filter(|((_, c), _)| !shared_by_design.contains(&c.as_str())) {
        for ((other, other_column), other_values) in all.iter().filter(|((t, _), _)| t != "responses") {
            for v in values {
                assert!(
                    !other_values
                        .iter()
                        .any(|o| o.contains(v.as_str()) || (o.len() >= 16 && v.contains(o.as_str()))),
                    "responses.{column} shares a value with {other}.{other_column}"
                );
            }
        }
    }
    // No invitation-side value (ids, addresses, code HMACs) appears on the response side.
    for ((t, column), values) in all
        .iter()
        .filter(|((t, _), _)| t == "invitations" || t == "invitation_codes")
    {
        if [
            "survey_id",
            "language",
            "segment",
            "attributes",
            "invited",
            "reminders_sent",
            "token_issued",
        ]
        .contains(&column.as_str())
        {
            continue;
        }
        for ((_, rc), rvalues) in table("responses") {
            for v in values.iter().filter(|v| v.len() >= 8) {
                assert!(
                    !rvalues.iter().any(|r| r.contains(v.as_str())),
                    "{t}.{column} appears in responses.{rc}"
                );
            }
        }
    }
    // The codes themselves and the invitees' addresses are nowhere on the response side.
    for ((_, column), values) in table("responses") {
        for code in codes.iter().map(|(_, c)| c) {
            assert!(
                !values.iter().any(|v| v.contains(code.as_str())),
                "a code in responses.{column}"
            );
        }
    }

    // Storage order after close does not follow arrival order.
    let backend = app.db().get_database_backend();
    let order_sql = match backend {
        DatabaseBackend::Postgres => "SELECT receipt FROM responses ORDER BY ctid",
        _ => "SELECT receipt FROM responses ORDER BY rowid",
    };
    let stored: Vec<String> = app
        .db()
        .query_all_raw(Statement::from_string(backend, order_sql))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get("", "receipt").unwrap())
        .collect();
    assert_eq!(stored.len(), arrivals.len());
    let position = |r: &String| arrivals.iter().position(|a| a == r).unwrap();
    let positions: Vec<usize> = stored.iter().map(position).collect();
    let pairs = positions.len() * (positions.len() - 1) / 2;
    let concordant = (0..positions.len())
        .flat_map(|i| (i + 1..positions.len()).map(move |j| (i, j)))
        .filter(|&(i, j)| positions[i] < positions[j])
        .count();
    let share = concordant as f64 / pairs as f64;
    // Arrival order would give 1.0; a random order about 0.5 (±0.06).
    assert!(
        (0.2..0.8).contains(&share),
        "storage order follows arrival order ({share:.2} concordant)"
    );
    if backend == DatabaseBackend::Postgres {
        let xmins = app
            .db()
            .query_all_raw(Statement::from_string(
                backend,
                "SELECT DISTINCT xmin::text AS x FROM responses",
            ))
            .await
            .unwrap();
        assert_eq!(xmins.len(), 1, "the rows were not rewritten in one transaction");
    }

    // The log holds no code, address, token, nonce or receipt, and no client address.
    let text = String::from_utf8(log.lock().unwrap().clone()).unwrap();
    assert!(
        text.contains("route=/i/{code}/token-request"),
        "the respondent requests were not logged"
    );
    assert!(text.contains("route=/s/{survey}/responses"));
    for secret in &secrets {
        assert!(!text.contains(secret.as_str()), "a respondent's value reached the log");
    }
    assert!(
        text.lines()
            .filter(|l| l.contains(" request "))
            .all(|l| !l.contains("127.0.0.1")),
        "a client address reached the log"
    );
}
