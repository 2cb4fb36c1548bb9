//! A database that cannot take a write: SQLite on a full disk, PostgreSQL gone from the network.
//! The respondent is told to try again (the browser keeps the answers, see `answer.js`), nothing
//! is half-written, no invitation is spent without its ballot, and sending again later works.

use std::io::Write;
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sea_orm::ConnectionTrait;
use survey_server::fixtures::{OpenSurvey, open_survey};
use survey_server::state::AppState;

use crate::site::{Backend, Server, Site, client, submit, take_token};

/// What both outages must look like to a respondent: 503 with a message that says the answers are
/// kept and to send again; and what must hold afterwards.
async fn refused_then_recovered(
    site: &Site,
    state: &AppState,
    open: &OpenSurvey,
    server: &Server,
    outage: impl AsyncFnOnce(),
    recovery: impl FnOnce(),
) {
    let client = client();
    let (pending, request) = open.token_request(0).unwrap();
    let (status, signature) = take_token(&client, &server.base, &open.codes[0].0, &request)
        .await
        .unwrap();
    assert_eq!(status, 200);
    let body = open.submission(state, &pending.finish(&signature).unwrap()).unwrap();

    outage().await;
    let asked = Instant::now();
    let (status, refusal) = submit(&client, &server.base, open.survey.id, &body).await.unwrap();
    assert_eq!(status, 503, "a submission the database cannot take: {refusal}");
    let message = refusal["error"].as_str().unwrap_or_default();
    assert!(
        message.contains("もう一度送信してください") && message.contains("このブラウザに残っています"),
        "the refusal must say the answers are kept and to send again: {message}"
    );
    assert!(
        asked.elapsed() < Duration::from_secs(20),
        "the refusal took {:?}",
        asked.elapsed()
    );
    let (pending_late, request_late) = open.token_request(1).unwrap();
    let (status, _) = take_token(&client, &server.base, &open.codes[1].0, &request_late)
        .await
        .unwrap();
    assert_eq!(status, 503, "a ballot the database cannot record");
    assert!(
        site.stored(state, open.survey.id).await.is_empty(),
        "half a response was kept"
    );

    recovery();
    let deadline = Instant::now() + Duration::from_secs(30);
    let receipt = loop {
        let (status, v) = submit(&client, &server.base, open.survey.id, &body).await.unwrap();
        if status == 201 {
            break v["receipt"].as_str().unwrap().to_owned();
        }
        assert!(
            Instant::now() < deadline,
            "after recovery the same answers are still refused: {status} {v}"
        );
        actix_web::rt::time::sleep(Duration::from_millis(500)).await;
    };
    // The invitation refused during the outage was not spent: its ballot can be taken now.
    let (status, signature) = take_token(&client, &server.base, &open.codes[1].0, &request_late)
        .await
        .unwrap();
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&signature));
    pending_late.finish(&signature).unwrap();
    let rows = site.stored(state, open.survey.id).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].receipt, receipt);
    assert!(!server.log().contains("panicked"), "{}", server.log());
}

/// Unmounts the file system when the test ends, however it ends.
struct Mounted<'a>(&'a Path);

impl Drop for Mounted<'_> {
    fn drop(&mut self) {
        Command::new("umount").arg("-l").arg(self.0).status().ok();
    }
}

#[actix_web::test]
#[ignore = "mounts a small tmpfs, which needs root; .ci/run runs it"]
async fn sqlite_on_a_full_disk_says_try_again_and_loses_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=32m", "tmpfs"])
        .arg(folder.path())
        .status()
        .unwrap();
    assert!(
        mounted.success(),
        "cannot mount a tmpfs for the full disk (this test needs root)"
    );
    let _unmount = Mounted(folder.path());
    let site = Site::in_folder(Backend::Sqlite, folder.path()).await;
    let state = site.state().await;
    let open = open_survey(&state, 40).await.unwrap();
    let server = Server::start(&site, "full-disk", &[]).await;
    let filler = folder.path().join("filler");
    refused_then_recovered(
        &site,
        &state,
        &open,
        &server,
        async || {
            // An empty write-ahead log, so the next commit must take new space; then no space.
            state
                .db
                .execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
                .await
                .unwrap();
            let mut file = std::fs::File::create(&filler).unwrap();
            let block = vec![0u8; 1 << 16];
            while file.write_all(&block).is_ok() {}
            file.sync_all().ok();
        },
        || std::fs::remove_file(&filler).unwrap(),
    )
    .await;
}

/// A TCP proxy in front of PostgreSQL that can cut every connection and refuse new ones.
struct Proxy {
    port: u16,
    up: Arc<AtomicBool>,
    live: Arc<Mutex<Vec<TcpStream>>>,
}

impl Proxy {
    fn start(target: String) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let up = Arc::new(AtomicBool::new(true));
        let live = Arc::new(Mutex::new(Vec::new()));
        let (up2, live2) = (up.clone(), live.clone());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                if !up2.load(Ordering::SeqCst) {
                    client.shutdown(Shutdown::Both).ok();
                    continue;
                }
                let Ok(server) = TcpStream::connect(&target) else {
                    continue;
                };
                let mut live = live2.lock().unwrap();
                for (from, to) in [(&client, &server), (&server, &client)] {
                    let (mut from, mut to) = (from.try_clone().unwrap(), to.try_clone().unwrap());
                    std::thread::spawn(move || {
                        std::io::copy(&mut from, &mut to).ok();
                        to.shutdown(Shutdown::Both).ok();
                    });
                }
                live.extend([client, server]);
            }
        });
        Self { port, up, live }
    }

    fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        for stream in self.live.lock().unwrap().drain(..) {
            stream.shutdown(Shutdown::Both).ok();
        }
    }

    fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

/// `host:port` of a PostgreSQL URL, and the URL with another port on 127.0.0.1 in its place.
fn through_proxy(url: &str, port: u16) -> (String, String) {
    let (scheme, rest) = url.split_once("://").unwrap();
    let (authority, path) = rest.split_once('/').unwrap();
    let (user, host) = authority.rsplit_once('@').map_or(("", authority), |(u, h)| (u, h));
    let host = if host.contains(':') {
        host.to_owned()
    } else {
        format!("{host}:5432")
    };
    let user = if user.is_empty() {
        String::new()
    } else {
        format!("{user}@")
    };
    (host, format!("{scheme}://{user}127.0.0.1:{port}/{path}"))
}

#[actix_web::test]
#[ignore = "needs PostgreSQL (SURVEY_TEST_DATABASE_URL); .ci/run runs it"]
async fn postgres_out_of_reach_says_try_again_and_loses_nothing() {
    let site = Site::new(Backend::Postgres).await;
    let state = site.state().await;
    let open = open_survey(&state, 40).await.unwrap();
    let (target, _) = through_proxy(&site.database_url, 0);
    let proxy = Proxy::start(target);
    let (_, proxied) = through_proxy(&site.database_url, proxy.port);
    let server = Server::start_on(&site, &proxied, "behind-a-proxy", &[]).await;
    let outage = async || {
        proxy.cut();
        let ready = client().get(format!("{}/readyz", server.base)).send().await.unwrap();
        assert_eq!(
            ready.status().as_u16(),
            503,
            "readiness must fail while PostgreSQL is out of reach"
        );
    };
    refused_then_recovered(&site, &state, &open, &server, outage, || proxy.restore()).await;
}
