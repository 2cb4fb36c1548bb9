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
/// every column, the captured log, the firm's data file — is searched for a way back from a
/// response to an invitation.
#[actix_web::test]
async fn nothing_stored_or_logged_links_a_response_to_an_invitation_or_reveals_arrival_order() {
    use crate::respondent::{Client, open_survey, questionnaire, valid_answers};
    let log = log();
    let app = crate::helpers::spawn_app().await;
    let (b, survey, codes) = open_survey(&app).await;
    let client = Client::new(&app, survey);
    let q = questionnaire(&app, survey).await;
    let mut arrivals = Vec::new();
    let mut sent = Vec::new();
    let mut secrets: Vec<String> = Vec::new();
    for (i, (email, code)) in codes.iter().take(40).enumerate() {
        let token = client.token(code).await;
        let language = if i % 2 == 0 { "ja" } else { "en" };
        let answers = valid_answers(&q, &mut rand::rng());
        let r = client.submit(&token, language, &answers).await;
        sent.push(answers);
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

    // No response value appears in any other table, save the survey id and the key id (the
    // segment, which holds at least k invitees by construction).
    let shared_by_design = ["survey_id", "key_id"];
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
    let share = concordance(&positions);
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

    // The close forgot who took a ballot: no invitation says so any more, the segments' counts say
    // how many, and the invitations' storage order no longer follows the order ballots were taken.
    for column in ["token_issued", "reminders_sent"] {
        let ((_, _), values) = table("invitations").find(|((_, c), _)| c == column).unwrap();
        assert!(
            values.iter().all(|v| ["0", "false", "f"].contains(&v.as_str())),
            "invitations.{column} still says who took a ballot: {values:?}"
        );
    }
    let ((_, _), ballots) = table("segment_counts")
        .find(|((_, c), _)| c == "ballots_taken")
        .unwrap();
    assert_eq!(ballots.iter().map(|v| v.parse::<i64>().unwrap()).sum::<i64>(), 40);
    let taken: Vec<&String> = codes.iter().take(40).map(|(email, _)| email).collect();
    let invitation_order_sql = match backend_of(&app) {
        DatabaseBackend::Postgres => "SELECT email FROM invitations ORDER BY ctid",
        _ => "SELECT email FROM invitations ORDER BY rowid",
    };
    let stored: Vec<String> = app
        .db()
        .query_all_raw(Statement::from_string(backend_of(&app), invitation_order_sql))
        .await
        .unwrap()
        .iter()
        .filter_map(|r| r.try_get::<Option<String>>("", "email").unwrap())
        .filter(|e| taken.contains(&e))
        .collect();
    let positions: Vec<usize> = stored
        .iter()
        .map(|e| taken.iter().position(|t| *t == e).unwrap())
        .collect();
    assert_eq!(positions.len(), 40);
    let share = concordance(&positions);
    assert!(
        (0.2..0.8).contains(&share),
        "the invitations' storage order follows the order ballots were taken ({share:.2} concordant)"
    );
    if backend_of(&app) == DatabaseBackend::Postgres {
        let xmins = app
            .db()
            .query_all_raw(Statement::from_string(
                DatabaseBackend::Postgres,
                "SELECT DISTINCT xmin::text AS x FROM invitations",
            ))
            .await
            .unwrap();
        assert_eq!(xmins.len(), 1, "the invitations were not rewritten in one transaction");
    }

    // The outbox holds the codes and addresses it sent, and nothing of the response side; the
    // auditor's tally file holds the response side, and nothing of the invitations.
    let response_side: Vec<&String> = table("responses")
        .filter(|((_, c), _)| ["token", "nonce", "receipt", "answers_digest"].contains(&c.as_str()))
        .flat_map(|(_, values)| values)
        .collect();
    for mail in app.mails() {
        for value in &response_side {
            assert!(!mail.contains(value.as_str()), "a mail holds a response value");
        }
    }
    let s = survey_server::services::surveys::find(app.db(), survey).await.unwrap();
    let tally_file = serde_json::to_string(
        &survey_server::services::responses::tally(app.db(), &app.state.settings, &s)
            .await
            .unwrap(),
    )
    .unwrap();
    for ((t, column), values) in all
        .iter()
        .filter(|((t, c), _)| (t == "invitations" && ["id", "email"].contains(&c.as_str())) || t == "invitation_codes")
    {
        for v in values.iter().filter(|v| v.len() >= 8) {
            assert!(!tally_file.contains(v.as_str()), "the tally file holds {t}.{column}");
        }
    }
    for (email, code) in codes.iter() {
        assert!(!tally_file.contains(code.as_str()) && !tally_file.contains(email.as_str()));
    }

    // The firm's data file, free texts included: nothing of the invitations or of a response's
    // token, no group smaller than k, and its rows not in the order the answers arrived.
    for format in ["csv", "sav"] {
        let file = b
            .get(&format!("/operator/surveys/{survey}/data?format={format}&free_text=on"))
            .await;
        assert_eq!(file.status.as_u16(), 200, "{}", file.body);
        let text = String::from_utf8_lossy(&file.bytes);
        for secret in secrets.iter().chain(response_side.iter().copied()) {
            assert!(
                !text.contains(secret.as_str()),
                "the {format} data file holds a respondent's value"
            );
        }
        for ((t, column), values) in all.iter().filter(|((t, c), _)| {
            (t == "invitations" && ["id", "email"].contains(&c.as_str())) || t == "invitation_codes"
        }) {
            for v in values.iter().filter(|v| v.len() >= 8) {
                assert!(!text.contains(v.as_str()), "the {format} data file holds {t}.{column}");
            }
        }
    }
    let csv = b
        .get(&format!("/operator/surveys/{survey}/data?format=csv&free_text=on"))
        .await
        .body;
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(rows.len(), 40);
    let group = header.iter().position(|h| h == "group").unwrap();
    let mut per_group = std::collections::HashMap::<&str, usize>::new();
    for row in &rows {
        *per_group.entry(row[group].as_str()).or_default() += 1;
    }
    assert!(
        per_group.values().all(|n| *n >= 5),
        "a group of the data file stands for fewer than k: {per_group:?}"
    );
    // Each row found among the answers sent by its free texts, all of them together (a respondent's
    // own words, which the generator draws for each).
    let texts: Vec<&str> = q
        .questions()
        .filter(|x| {
            matches!(
                x.kind(),
                survey_design::QuestionKind::LongText { .. } | survey_design::QuestionKind::ShortText { .. }
            )
        })
        .map(|x| x.id().as_str())
        .collect();
    let columns: Vec<usize> = texts
        .iter()
        .map(|t| header.iter().position(|h| h == t).unwrap())
        .collect();
    let signature = |a: &serde_json::Value| -> String {
        texts
            .iter()
            .map(|t| a.get(*t).and_then(serde_json::Value::as_str).unwrap_or(""))
            .collect::<Vec<_>>()
            .join("|")
    };
    let sent_signatures: Vec<String> = sent.iter().map(signature).collect();
    let positions: Vec<usize> = rows
        .iter()
        .map(|row| columns.iter().map(|c| row[*c].as_str()).collect::<Vec<_>>().join("|"))
        .filter(|row| row.chars().any(|c| c != '|'))
        .filter_map(|row| {
            let mut matching = sent_signatures.iter().enumerate().filter(|(_, s)| **s == row);
            match (matching.next(), matching.next()) {
                (Some((i, _)), None) => Some(i),
                _ => None,
            }
        })
        .collect();
    assert!(
        positions.len() >= 15,
        "too few rows told apart by their free texts: {}",
        positions.len()
    );
    let share = concordance(&positions);
    assert!(
        (0.15..0.85).contains(&share),
        "the data file's rows follow arrival order ({share:.2} concordant)"
    );

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

/// The share of pairs in increasing order: 1.0 for a sequence in order, about 0.5 (±0.06 for 40
/// items) for a random one.
fn concordance(positions: &[usize]) -> f64 {
    let pairs = positions.len() * (positions.len() - 1) / 2;
    let concordant = (0..positions.len())
        .flat_map(|i| (i + 1..positions.len()).map(move |j| (i, j)))
        .filter(|&(i, j)| positions[i] < positions[j])
        .count();
    concordant as f64 / pairs as f64
}

fn backend_of(app: &TestApp) -> DatabaseBackend {
    app.db().get_database_backend()
}

// --- The auditor's tally confirms no guessed answers (salted answer digests) ---

/// Submits `answers` with `salt` (base64url), or with none; returns the status and the JSON body.
async fn submit_salted(
    client: &crate::respondent::Client,
    token: &[u8],
    salt: Option<&str>,
    answers: &serde_json::Value,
) -> (u16, serde_json::Value) {
    use base64::Engine;
    let mut body = serde_json::json!({
        "token": base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(token),
        "language": "ja",
        "answers": answers,
    });
    if let Some(salt) = salt {
        body["salt"] = salt.into();
    }
    let r = client
        .browser
        .post_body(
            &format!("/s/{}/responses", client.survey),
            "application/json",
            body.to_string().into_bytes(),
        )
        .await;
    (r.status.as_u16(), serde_json::from_str(&r.body).unwrap_or_default())
}

fn sha256(parts: &[&[u8]]) -> [u8; 32] {
    let digest = ring::digest::digest(&ring::digest::SHA256, &parts.concat());
    digest.as_ref().try_into().unwrap()
}

fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The auditor holds the published tally file and — the strongest guesser there is — every answer
/// set that was really submitted. Hashing each under the unsalted scheme of before (and under the
/// current label without a salt, or with an empty one) must find no entry: the digests are salted
/// with values only the respondents hold. The salts themselves are stored nowhere.
#[actix_web::test]
async fn the_published_tally_confirms_no_guessed_answer_set() {
    use crate::respondent::{Client, open_survey, questionnaire, valid_answers};
    use survey_token::tally::{Tally, answers_digest, fresh_salt, hex, receipt};
    let app = crate::helpers::spawn_app().await;
    let (b, survey, codes) = open_survey(&app).await;
    let client = Client::new(&app, survey);
    let q = questionnaire(&app, survey).await;
    let mut truth = Vec::new();
    let mut salts = Vec::new();
    for (i, (_, code)) in codes.iter().take(16).enumerate() {
        let token = client.token(code).await;
        let answers = valid_answers(&q, &mut rand::rng());
        let canonical = q.validate_answers(&answers).unwrap().canonical_bytes();
        // Most drawn by the client, as the browser does; some left to the server to derive.
        let drawn = (i % 4 != 3).then(|| fresh_salt(&mut rand::rng()));
        let (status, body) = submit_salted(&client, &token, drawn.map(|s| b64(&s)).as_deref(), &answers).await;
        assert_eq!(status, 201, "{body}");
        let salt =
            drawn.unwrap_or_else(|| survey_server::services::responses::derived_salt(&app.state.hmac_key, &token));
        assert_eq!(body["salt"], b64(&salt), "the acknowledgement echoes the salt");
        assert_eq!(
            body["canonical_answers"].as_str().unwrap().as_bytes(),
            canonical,
            "and the canonical answers"
        );
        assert_eq!(
            body["receipt"],
            hex(&receipt(&token, &answers_digest(&salt, &canonical))),
            "so the receipt can be recomputed"
        );
        truth.push(canonical);
        salts.push(salt);
    }
    assert_eq!(
        crate::surveys::change_state(&b, survey, "closed").await.status.as_u16(),
        303
    );

    // The file the auditor gets, as published.
    let file = b.get(&format!("/operator/surveys/{survey}/tally.json")).await;
    assert_eq!(file.status.as_u16(), 200, "{}", file.body);
    let tally: Tally = serde_json::from_str(&file.body).unwrap();
    assert_eq!(tally.verify().unwrap().count, 16, "the auditor's check works as before");
    let listed: Vec<&str> = tally.responses.iter().map(|e| e.answers_digest.as_str()).collect();
    for canonical in &truth {
        for guess in [
            sha256(&[b"anonymous-employee-survey/answers/v1", canonical]),
            sha256(&[survey_token::tally::ANSWERS_LABEL, canonical]),
            sha256(&[survey_token::tally::ANSWERS_LABEL, &[0; 32], canonical]),
        ] {
            assert!(
                !listed.contains(&hex(&guess).as_str()),
                "hashing a submitted answer set finds its entry in the published tally"
            );
        }
    }
    // Only the respondent's salt opens their entry.
    for (canonical, salt) in truth.iter().zip(&salts) {
        assert!(listed.contains(&hex(&answers_digest(salt, canonical)).as_str()));
    }

    // No salt is stored anywhere, in either spelling.
    let all = dump(&app).await;
    for salt in &salts {
        let spellings = [hex(salt), b64(salt)];
        for ((table, column), values) in &all {
            assert!(
                !values.iter().any(|v| spellings.iter().any(|s| v.contains(s.as_str()))),
                "a salt is stored in {table}.{column}"
            );
        }
    }
}

/// The salt on the wire: refused unless 32 bytes of base64url (the ballot stays unspent); a resend
/// with the same salt gets the same acknowledgement back, one with another salt is a second use.
#[actix_web::test]
async fn a_submission_s_salt_is_checked_echoed_and_needed_to_get_the_receipt_back() {
    use crate::respondent::{Client, open_survey, questionnaire, valid_answers};
    let app = crate::helpers::spawn_app().await;
    let (_, survey, codes) = open_survey(&app).await;
    let client = Client::new(&app, survey);
    let q = questionnaire(&app, survey).await;
    let token = client.token(&codes[0].1).await;
    let answers = valid_answers(&q, &mut rand::rng());
    for bad in [
        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg",
        "not base64!",
        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8AAA",
    ] {
        let (status, body) = submit_salted(&client, &token, Some(bad), &answers).await;
        assert_eq!(status, 400, "{body}");
        assert!(
            body["error"].as_str().unwrap().contains("ソルト"),
            "in the respondent's language: {body}"
        );
    }
    let salt = b64(&[7; 32]);
    let (status, first) = submit_salted(&client, &token, Some(&salt), &answers).await;
    assert_eq!(status, 201, "the refused salts left the ballot unspent: {first}");
    let (status, again) = submit_salted(&client, &token, Some(&salt), &answers).await;
    assert_eq!(status, 409);
    for field in ["receipt", "salt", "canonical_answers"] {
        assert_eq!(again[field], first[field], "a resend gets its {field} back");
    }
    let (status, other) = submit_salted(&client, &token, Some(&b64(&[8; 32])), &answers).await;
    assert_eq!(status, 409);
    assert!(
        other.get("receipt").is_none(),
        "another salt is another response: {other}"
    );

    // Without a salt, the server derives one from the token: a resend gets the same receipt.
    let token = client.token(&codes[1].1).await;
    let (status, first) = submit_salted(&client, &token, None, &answers).await;
    assert_eq!(status, 201, "{first}");
    let (status, again) = submit_salted(&client, &token, None, &answers).await;
    assert_eq!(status, 409);
    assert_eq!(again["receipt"], first["receipt"]);
}

/// Without JavaScript the server draws the salt when it shows the form, the form carries it, and
/// the receipt page shows it beside the receipt.
#[actix_web::test]
async fn the_fallback_draws_a_salt_and_shows_it_with_the_receipt() {
    use crate::respondent::{attribute, form_fields, open_survey, questionnaire, valid_answers};
    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
    use survey_token::tally::{answers_digest, hex, parse_salt, receipt};
    let app = crate::helpers::spawn_app().await;
    let (_, survey, codes) = open_survey(&app).await;
    let s = survey_server::services::surveys::find(app.db(), survey).await.unwrap();
    let mut active = s.into_active_model();
    active.allow_fallback = Set(true);
    active.update(app.db()).await.unwrap();
    let b = app.browser();
    let code = &codes[3].1;
    let form = b.post_form(&format!("/i/{code}/fallback"), &[("lang", "en")]).await;
    assert_eq!(form.status.as_u16(), 200, "{}", form.body);
    let token = attribute(&form.body, "name=\"token\" value");
    let salt = attribute(&form.body, "name=\"_salt\" value");
    let salt_bytes = parse_salt(&salt).unwrap();
    let q = questionnaire(&app, survey).await;
    let answers = valid_answers(&q, &mut rand::rng());
    let mut fields = vec![
        ("token".to_owned(), token.clone()),
        ("_salt".to_owned(), salt.clone()),
        ("language".to_owned(), "en".to_owned()),
    ];
    fields.extend(form_fields(&q, &answers));
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let done = b.post_form(&format!("/s/{survey}/responses/form"), &pairs).await;
    assert_eq!(done.status.as_u16(), 200, "{}", done.body);
    assert!(done.body.contains("Your salt"), "{}", done.body);
    assert!(done.body.contains(&salt), "the receipt page shows the salt");
    let shown = done.body.split("<code class=\"receipt\">").nth(1).unwrap()[..64].to_owned();
    use base64::Engine;
    let token_bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(&token).unwrap();
    let canonical = q.validate_answers(&answers).unwrap().canonical_bytes();
    assert_eq!(
        shown,
        hex(&receipt(&token_bytes, &answers_digest(&salt_bytes, &canonical)))
    );
    // Sent again (a reload), the same receipt.
    let again = b.post_form(&format!("/s/{survey}/responses/form"), &pairs).await;
    assert!(again.body.contains(&shown), "{}", again.body);
}

/// The public page publishes the SHA-256 of every script and stylesheet served to respondents, and
/// each is the hash of the bytes served.
#[actix_web::test]
async fn the_public_page_publishes_the_hash_of_every_file_served_to_respondents() {
    let app = crate::helpers::spawn_app().await;
    let (_, survey, codes) = crate::respondent::open_survey(&app).await;
    let b = app.browser();
    let public = b.get(&format!("/s/{survey}?lang=en")).await;
    let directory: serde_json::Value =
        serde_json::from_str(&b.get(&format!("/s/{survey}/token-keys")).await.body).unwrap();
    let mut loaded = Vec::new();
    for page in [
        format!("/i/{}", codes[0].1),
        format!("/s/{survey}/answer"),
        format!("/s/{survey}"),
    ] {
        let body = b.get(&page).await.body;
        for (tag, attr) in [("<script src=\"", '"'), ("<link rel=\"stylesheet\" href=\"", '"')] {
            for rest in body.split(tag).skip(1) {
                loaded.push(rest.split(attr).next().unwrap().to_owned());
            }
        }
    }
    loaded.sort();
    loaded.dedup();
    assert_eq!(
        loaded,
        [
            "/static/answer.js",
            "/static/app.css",
            "/static/invite.js",
            "/static/token.js",
            "/static/words.js"
        ]
    );
    for path in &loaded {
        let served = b.get(path).await;
        assert_eq!(served.status.as_u16(), 200);
        let hash = survey_token::tally::hex(&sha256(&[&served.bytes]));
        assert!(
            public.body.contains(&format!("data-asset=\"{path}\">{hash}<")),
            "{path}'s hash is not on the public page"
        );
        assert_eq!(directory["assets-sha256"][path.as_str()], hash.as_str());
    }
    assert_eq!(
        directory["client-sha256"],
        directory["assets-sha256"]["/static/token.js"]
    );
}
