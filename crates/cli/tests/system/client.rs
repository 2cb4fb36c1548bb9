//! `survey client verify` against a real `survey serve`: the files it serves respondents are this
//! release's, as published and as served. Then against a server that changes a script, lies about a
//! hash and loads a script of its own: each is named, and the exit status is 1.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::process::{Command, Output};

use survey_server::fixtures::open_survey;

use crate::site::{Backend, Server, Site, client};

fn verify(url: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_survey"))
        .args(["client", "verify", url])
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

async fn fetch(client: &awc::Client, url: &str) -> Vec<u8> {
    let mut r = client.get(url).send().await.unwrap();
    assert!(r.status().is_success(), "{url}: {}", r.status());
    r.body().limit(1 << 22).await.unwrap().to_vec()
}

/// A plain HTTP/1.1 server answering GETs from `files` (path → body), 404 otherwise; returns its
/// base URL. It runs until the test process ends.
fn serve(files: HashMap<String, Vec<u8>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            // The headers, up to the blank line.
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
            let (status, body) = match files.get(&path) {
                Some(body) => ("200 OK", body.clone()),
                None => ("404 Not Found", b"not here".to_vec()),
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    base
}

#[actix_web::test]
async fn client_verify_passes_on_a_release_and_names_each_file_a_server_changes() {
    let site = Site::new(Backend::Sqlite).await;
    let state = site.state().await;
    let open = open_survey(&state, 20).await.unwrap();
    let survey = open.survey.id;
    let server = Server::start(&site, "client-verify", &[]).await;

    // The honest server, from its public page and from an invitation page.
    let public = format!("{}/s/{survey}", server.base);
    let invitation = format!("{}/i/{}", server.base, open.codes[0].0);
    for url in [&public, &invitation] {
        let out = actix_web::rt::task::spawn_blocking({
            let url = url.clone();
            move || verify(&url)
        })
        .await
        .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{url}: {}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
        let report = text(&out.stdout);
        for file in [
            "/static/token.js",
            "/static/words.js",
            "/static/invite.js",
            "/static/answer.js",
            "/static/app.css",
        ] {
            assert!(
                report.contains(&format!("ok       {file}")),
                "{file} not checked:\n{report}"
            );
        }
        assert!(
            report.contains("every script and stylesheet is this release's"),
            "{report}"
        );
    }

    // A copy of the server's files, then changed as a dishonest operator would.
    let http = client();
    let mut files = HashMap::new();
    let page = text(&fetch(&http, &public).await);
    for path in [
        "/static/token.js",
        "/static/words.js",
        "/static/invite.js",
        "/static/answer.js",
        "/static/app.css",
    ] {
        files.insert(path.to_owned(), fetch(&http, &format!("{}{path}", server.base)).await);
    }
    files
        .get_mut("/static/answer.js")
        .unwrap()
        .extend(b"\n// and one line more\n");
    let token_hash = page
        .split("data-asset=\"/static/token.js\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned();
    let page = page
        .replace(&token_hash, &"0".repeat(64))
        .replace("</head>", "<script src=\"/static/extra.js\" defer></script></head>");
    files.insert("/static/extra.js".to_owned(), b"/* not ours */".to_vec());
    files.insert(format!("/s/{survey}"), page.into_bytes());
    let fake = serve(files);

    let out = actix_web::rt::task::spawn_blocking(move || verify(&format!("{fake}/s/{survey}")))
        .await
        .unwrap();
    let (report, error) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{report}{error}");
    assert!(
        report.contains("DIFFERS  /static/answer.js: served "),
        "the changed script is named:\n{report}"
    );
    assert!(
        report.contains(&format!("DIFFERS  /static/token.js: published {}", "0".repeat(64))),
        "the false hash is named:\n{report}"
    );
    assert!(
        report.contains("DIFFERS  /static/extra.js: not a file of this release"),
        "the extra script is named:\n{report}"
    );
    assert!(report.contains("ok       /static/invite.js"), "{report}");
    assert!(
        error.contains("differing: /static/token.js, /static/answer.js, /static/extra.js"),
        "{error}"
    );

    // Not a URL, or one that names no survey: a usage error.
    let out = verify("survey.example.com");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}
