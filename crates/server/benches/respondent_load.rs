//! Load benchmark of the respondent's protocol, with its baselines measured in the same run.
//!
//! ```text
//! cargo bench -p survey-server --bench respondent_load                    # SQLite (a file in a temp dir)
//! BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
//!   cargo bench -p survey-server --bench respondent_load                  # PostgreSQL (a fresh database)
//! ```
//! Optional: `BENCH_INVITEES` (default 10000), `BENCH_CONCURRENCY` (default 64).
//!
//! It starts the real server in this process on a random port (release build, durable settings),
//! makes an open survey with that many invitations, then
//! 1. issues one token per invitation over HTTP (`POST /i/{code}/token-request`) from that many
//!    concurrent clients, the blinding done beforehand so the clients only send;
//! 2. submits one response per token (`POST /s/{survey}/responses`), verified and stored;
//!
//! and reports requests per second with p50/p99 latency for each, next to three baselines of the
//! same run: `openssl speed rsa2048` (signs per second, one process and one per core), the issuer's
//! own signing rate without HTTP or database, and single-row inserts into the same database at the
//! same durability from the same number of clients. The load generator shares the machine's cores
//! with the server, as a browser population would not: the figures are a floor.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark fails by panicking

use std::time::{Duration, Instant};

use futures_util::StreamExt;
use sea_orm::{ConnectionTrait, Database, Statement};
use survey_server::config::Secret;
use survey_server::{Application, Settings};
use survey_token::client::PendingToken;
use survey_token::rsabssa::blind;

fn main() {
    actix_web::rt::System::new().block_on(run());
}

struct Figures {
    name: String,
    count: usize,
    seconds: f64,
    p50: Duration,
    p99: Duration,
}

impl Figures {
    fn rate(&self) -> f64 {
        self.count as f64 / self.seconds
    }
}

/// Sends `requests` from `concurrency` clients; every answer must have status `expect`.
async fn load<F, Fut>(name: &str, concurrency: usize, requests: Vec<F>, expect: u16) -> Figures
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = u16>,
{
    let count = requests.len();
    let started = Instant::now();
    let mut latencies: Vec<Duration> = futures_util::stream::iter(requests)
        .map(|send| async move {
            let t = Instant::now();
            let status = send().await;
            assert_eq!(status, expect, "a request was refused under load");
            t.elapsed()
        })
        .buffer_unordered(concurrency)
        .collect()
        .await;
    let seconds = started.elapsed().as_secs_f64();
    latencies.sort_unstable();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    Figures {
        name: name.to_owned(),
        count,
        seconds,
        p50: at(0.50),
        p99: at(0.99),
    }
}

/// `openssl speed rsa2048` signs per second: (one process, one process per core).
fn openssl_speed() -> (f64, f64) {
    let run = |extra: &[&str]| {
        let out = std::process::Command::new("openssl")
            .args(["speed", "-seconds", "3"])
            .args(extra)
            .arg("rsa2048")
            .output()
            .expect("openssl is installed");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.lines()
            .rev()
            .find(|l| l.trim_start().starts_with("rsa 2048 bits") || l.trim_start().starts_with("rsa  2048 bits"))
            .and_then(|l| l.split_whitespace().nth(5))
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or_else(|| panic!("cannot read `openssl speed` output:\n{text}"))
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    (run(&[]), run(&["-multi", &cores.to_string()]))
}

/// The issuer's BlindSign alone, one thread per core, for three seconds.
fn issuer_rate() -> f64 {
    let key = std::sync::Arc::new(survey_token::issuer::IssuerKey::generate().unwrap());
    let (blinded, _) = blind(key.public_key(), b"bench", &mut rand::rng()).unwrap();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let until = Instant::now() + Duration::from_secs(3);
    let threads: Vec<_> = (0..cores)
        .map(|_| {
            let (key, blinded) = (key.clone(), blinded.clone());
            std::thread::spawn(move || {
                let mut n = 0u64;
                while Instant::now() < until {
                    key.blind_sign(&blinded).unwrap();
                    n += 1;
                }
                n
            })
        })
        .collect();
    threads.into_iter().map(|t| t.join().unwrap()).sum::<u64>() as f64 / 3.0
}

async fn run() {
    let invitees: usize = std::env::var("BENCH_INVITEES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let concurrency: usize = std::env::var("BENCH_CONCURRENCY")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    let dir = tempfile::tempdir().unwrap();
    let mut scratch_database = None;
    let (database_url, backend_name) = match std::env::var("BENCH_DATABASE_URL") {
        Ok(base) if !base.is_empty() => {
            let admin = Database::connect(&base).await.expect("PostgreSQL is reachable");
            let name = format!("survey_bench_{}", uuid::Uuid::new_v4().simple());
            scratch_database = Some((admin.clone(), name.clone()));
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .unwrap();
            let (prefix, _) = base.rsplit_once('/').unwrap();
            (format!("{prefix}/{name}"), "PostgreSQL")
        }
        _ => (
            format!("sqlite://{}?mode=rwc", dir.path().join("survey.db").display()),
            "SQLite",
        ),
    };
    let mut settings = Settings::load(None).unwrap();
    settings.server.port = 0;
    settings.server.public_url = "http://127.0.0.1".into();
    settings.data_dir = dir.path().to_path_buf();
    settings.templates_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../survey-templates").into();
    settings.database.url = Some(Secret::new(database_url));
    settings.database.max_connections = 16;
    settings.scheduler.enabled = false;
    let app = Application::build(settings).await.unwrap();
    let base = format!("http://127.0.0.1:{}", app.port());
    let state = app.state();
    actix_web::rt::spawn(app.run_until_stopped());

    eprintln!("setting up {invitees} invitations on {backend_name}…");
    let open = survey_server::fixtures::open_survey(&state, invitees).await.unwrap();

    eprintln!("blinding {invitees} token requests…");
    let prepared: Vec<(String, PendingToken, Vec<u8>)> = (0..open.codes.len())
        .map(|i| {
            let (pending, request) = open.token_request(i).unwrap();
            (open.codes[i].0.clone(), pending, request)
        })
        .collect();

    let client = awc::Client::builder().timeout(Duration::from_secs(60)).finish();
    let signatures = std::rc::Rc::new(std::cell::RefCell::new(vec![Vec::new(); prepared.len()]));
    let issue_requests: Vec<_> = prepared
        .iter()
        .enumerate()
        .map(|(i, (code, _, body))| {
            let (client, base, signatures) = (client.clone(), base.clone(), signatures.clone());
            let body = body.clone();
            let code = code.clone();
            move || async move {
                let mut r = client
                    .post(format!("{base}/i/{code}/token-request"))
                    .insert_header(("content-type", "application/private-token-request"))
                    .send_body(body)
                    .await
                    .unwrap();
                signatures.borrow_mut()[i] = r.body().await.unwrap().to_vec();
                r.status().as_u16()
            }
        })
        .collect();
    eprintln!("issuing…");
    let issuance = load("token issuance (HTTP + database)", concurrency, issue_requests, 200).await;

    let submissions: Vec<_> = prepared
        .into_iter()
        .enumerate()
        .map(|(i, (_, pending, _))| {
            let token = pending.finish(&signatures.borrow()[i]).unwrap();
            let body = open.submission(&state, &token).unwrap();
            let (client, url) = (client.clone(), format!("{base}/s/{}/responses", open.survey.id));
            move || async move {
                client
                    .post(url)
                    .insert_header(("content-type", "application/json"))
                    .send_body(body)
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            }
        })
        .collect();
    eprintln!("submitting…");
    let submission = load("verified submission (HTTP + database)", concurrency, submissions, 201).await;

    eprintln!("baselines…");
    state
        .db
        .execute_unprepared("CREATE TABLE bench_inserts (id VARCHAR(36) PRIMARY KEY, payload TEXT NOT NULL)")
        .await
        .unwrap();
    let backend = state.db.get_database_backend();
    let payload = "x".repeat(600);
    let inserts: Vec<_> = (0..invitees)
        .map(|_| {
            let (db, payload) = (state.db.clone(), payload.clone());
            move || async move {
                let sql = format!(
                    "INSERT INTO bench_inserts (id, payload) VALUES ('{}', '{payload}')",
                    uuid::Uuid::new_v4()
                );
                db.execute_raw(Statement::from_string(backend, sql)).await.unwrap();
                200
            }
        })
        .collect();
    let raw = load(
        "raw single-row insert (same database, same durability)",
        concurrency,
        inserts,
        200,
    )
    .await;
    let (openssl_one, openssl_all) = openssl_speed();
    let issuer = issuer_rate();

    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("\n### {backend_name}, {invitees} invitations, {concurrency} concurrent clients, {cores} cores\n");
    println!("| measure | count | per second | p50 | p99 |");
    println!("|---|---:|---:|---:|---:|");
    for f in [&issuance, &submission, &raw] {
        println!(
            "| {} | {} | {:.0} | {:.1} ms | {:.1} ms |",
            f.name,
            f.count,
            f.rate(),
            f.p50.as_secs_f64() * 1e3,
            f.p99.as_secs_f64() * 1e3
        );
    }
    println!("| `openssl speed rsa2048`, one process | | {openssl_one:.0} signs | | |");
    println!("| `openssl speed -multi {cores} rsa2048` | | {openssl_all:.0} signs | | |");
    println!("| issuer BlindSign alone, {cores} threads | | {issuer:.0} | | |");
    println!();
    if let Some((admin, name)) = scratch_database {
        state.db.close_by_ref().await.ok();
        admin
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .await
            .ok();
    }
    println!(
        "Ratios: issuer alone / openssl (all cores) = {:.0}%; HTTP issuance / openssl (all cores) = {:.0}%; \
         submissions / raw inserts = {:.0}%.",
        100.0 * issuer / openssl_all,
        100.0 * issuance.rate() / openssl_all,
        100.0 * submission.rate() / raw.rate()
    );
}
