//! Prepares one run of the wrk load (`tests/load/run.sh`), and measures its database baseline.
//!
//! ```text
//! load_prepare prepare DATA_DIR DATABASE_URL ISSUANCES SUBMISSIONS OUT_DIR
//! load_prepare inserts DATA_DIR DATABASE_URL CLIENTS SECONDS
//! ```
//! `prepare` makes an open survey in that database (the data folder gets its keys, as a first server
//! start would), then writes `OUT_DIR/issuance.txt` (per line an invitation code and its blinded
//! token request in hex, for `POST /i/{code}/token-request`), `OUT_DIR/submissions.txt` (per line a
//! response with a valid token, for `POST /s/{survey}/responses`; those tokens were issued here,
//! through the server's own issuance function) and `OUT_DIR/survey.txt` (the survey's id); the first
//! 200 of each kind go to `warmup-issuance.txt` and `warmup-submission.txt` instead.
//!
//! `inserts` is the baseline: single-row inserts of a response-sized row from CLIENTS concurrent
//! clients for SECONDS, through a connection made as the server makes it (the same pool and the
//! same durability: SQLite's WAL with every commit synced, PostgreSQL's default synchronous
//! commit). It prints one line: `inserts=N seconds=S rate=R p50_ms=… p99_ms=…`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a preparation tool fails by panicking

use std::io::Write;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use sea_orm::{ConnectionTrait, Statement};
use survey_server::config::Secret;
use survey_server::{Application, Settings};

/// The public address the server under load is started with: the tokens' challenge names it.
const PUBLIC_URL: &str = "http://load.test";
/// Requests of each kind set apart for a warm-up run before the measurement (the first signature
/// of a segment unseals its key; connections and caches fill).
const WARMUP: usize = 200;

fn settings(data_dir: &str, database_url: &str) -> Settings {
    let mut settings = Settings::load(None).unwrap();
    settings.server.port = 0;
    settings.server.public_url = PUBLIC_URL.into();
    settings.data_dir = data_dir.into();
    settings.templates_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../survey-templates").into();
    settings.database.url = Some(Secret::new(database_url));
    settings.scheduler.enabled = false;
    settings
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str).unwrap_or_default();
    let number = |i: usize| {
        arg(i)
            .parse::<usize>()
            .unwrap_or_else(|_| panic!("argument {i} must be a number"))
    };
    actix_web::rt::System::new().block_on(async {
        match arg(0) {
            "prepare" => prepare(arg(1), arg(2), number(3), number(4), arg(5)).await,
            "inserts" => inserts(arg(1), arg(2), number(3), number(4)).await,
            _ => panic!(
                "usage: load_prepare prepare DATA DB ISSUANCES SUBMISSIONS OUT | inserts DATA DB CLIENTS SECONDS"
            ),
        }
    });
}

async fn prepare(data_dir: &str, database_url: &str, issuances: usize, submissions: usize, out: &str) {
    let state = Application::build(settings(data_dir, database_url))
        .await
        .unwrap()
        .state();
    let open = survey_server::fixtures::open_survey(&state, issuances + submissions)
        .await
        .unwrap();
    std::fs::create_dir_all(out).unwrap();
    std::fs::write(format!("{out}/survey.txt"), open.survey.id.to_string()).unwrap();
    let mut issuance = std::io::BufWriter::new(std::fs::File::create(format!("{out}/issuance.txt")).unwrap());
    let mut responses = std::io::BufWriter::new(std::fs::File::create(format!("{out}/submissions.txt")).unwrap());
    let mut warm_issuance =
        std::io::BufWriter::new(std::fs::File::create(format!("{out}/warmup-issuance.txt")).unwrap());
    let mut warm_responses =
        std::io::BufWriter::new(std::fs::File::create(format!("{out}/warmup-submission.txt")).unwrap());
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    for (i, (code, _)) in open.codes.iter().enumerate().take(issuances) {
        let (_, request) = open.token_request(i).unwrap();
        let file = if i < WARMUP { &mut warm_issuance } else { &mut issuance };
        writeln!(file, "{code} {}", hex(&request)).unwrap();
    }
    // The submissions' tokens, issued as the server issues them, several at once.
    let (state, open) = (&state, &open);
    let mut bodies = futures_util::stream::iter(issuances..open.codes.len())
        .map(|i| async move {
            let (pending, request) = open.token_request(i).unwrap();
            let code = &open.codes[i].0;
            let signature =
                survey_server::services::issuance::issue(&state.db, &state.issuers, &state.hmac_key, code, &request)
                    .await
                    .unwrap();
            open.submission(state, &pending.finish(&signature).unwrap()).unwrap()
        })
        .buffer_unordered(8);
    let mut written = 0;
    while let Some(body) = bodies.next().await {
        let file = if written < WARMUP {
            &mut warm_responses
        } else {
            &mut responses
        };
        writeln!(file, "{body}").unwrap();
        written += 1;
    }
    for file in [issuance, responses, warm_issuance, warm_responses] {
        file.into_inner().unwrap().sync_all().unwrap();
    }
}

async fn inserts(data_dir: &str, database_url: &str, clients: usize, seconds: usize) {
    let mut settings = settings(data_dir, database_url);
    settings.database.max_connections = 10;
    let db = survey_server::startup::connect(&settings).await.unwrap();
    db.execute_unprepared(
        "CREATE TABLE IF NOT EXISTS load_baseline (id VARCHAR(36) PRIMARY KEY, payload TEXT NOT NULL)",
    )
    .await
    .unwrap();
    let backend = db.get_database_backend();
    // About the size of a stored response (answers, token, receipt).
    let payload = "x".repeat(1500);
    let until = Instant::now() + Duration::from_secs(seconds as u64);
    let started = Instant::now();
    let mut latencies: Vec<Duration> = futures_util::stream::iter(0..)
        .take_while(|_| std::future::ready(Instant::now() < until))
        .map(|_| {
            let (db, payload) = (db.clone(), payload.clone());
            async move {
                let t = Instant::now();
                let sql = format!(
                    "INSERT INTO load_baseline (id, payload) VALUES ('{}', '{payload}')",
                    uuid::Uuid::new_v4()
                );
                db.execute_raw(Statement::from_string(backend, sql)).await.unwrap();
                t.elapsed()
            }
        })
        .buffer_unordered(clients)
        .collect()
        .await;
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort_unstable();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)].as_secs_f64() * 1e3;
    println!(
        "inserts={} seconds={elapsed:.2} rate={:.0} p50_ms={:.1} p99_ms={:.1}",
        latencies.len(),
        latencies.len() as f64 / elapsed,
        at(0.5),
        at(0.99)
    );
}
