//! `survey client verify URL`: checks that a server gives respondents this release's browser client.
//!
//! It fetches the page at URL (a survey's public page `/s/{id}`, or any page of the survey, such as
//! an invitation or answer page), finds the survey's public page and reads the SHA-256 it publishes
//! for every script and stylesheet served to respondents, collects the scripts and stylesheets the
//! pages load, fetches each of them, and compares three hashes per file: the one compiled into this
//! binary (the release's), the published one, and that of the bytes actually served. Exit status 0
//! when every file matches, 1 naming each that differs (or cannot be fetched).
//!
//! HTTP goes through actix's client (awc) with rustls and the webpki roots: the stack the server's
//! tests and its SMTP and database connections already use.

use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use survey_server::web::assets::{ASSETS, sha256_hex};

use crate::cli::ClientCommand;
use crate::database::block_on;
use crate::error::CliError;

/// A page or script larger than this is not one of ours.
const BODY_LIMIT: usize = 8 * 1024 * 1024;

pub fn run(command: ClientCommand, out: &mut impl Write) -> Result<(), CliError> {
    match command {
        ClientCommand::Verify { url } => block_on(verify(&url, out)),
    }
}

/// One file and its three hashes (`None`: not in the release, not published, or not served).
struct Compared {
    path: String,
    release: Option<String>,
    published: Option<String>,
    served: Result<String, String>,
}

impl Compared {
    fn matches(&self) -> bool {
        match (&self.release, &self.served) {
            (Some(release), Ok(served)) => self.published.as_ref() == Some(release) && served == release,
            _ => false,
        }
    }

    fn problem(&self) -> String {
        let mut why = Vec::new();
        match &self.release {
            None => why.push("not a file of this release".to_owned()),
            Some(release) => {
                match &self.published {
                    None => why.push("not published on the survey's page".to_owned()),
                    Some(p) if p != release => why.push(format!("published {p}")),
                    Some(_) => {}
                }
                match &self.served {
                    Err(e) => why.push(format!("cannot be fetched: {e}")),
                    Ok(s) if s != release => why.push(format!("served {s}")),
                    Ok(_) => {}
                }
                why.push(format!("release {release}"));
            }
        }
        why.join(", ")
    }
}

async fn verify(url: &str, out: &mut impl Write) -> Result<(), CliError> {
    let uri: awc::http::Uri = url
        .trim()
        .parse()
        .map_err(|e| CliError::Usage(format!("`{url}` is not a URL: {e}")))?;
    let (Some(scheme), Some(authority)) = (uri.scheme_str(), uri.authority()) else {
        return Err(CliError::Usage(format!(
            "`{url}` is not a full URL; give the survey's page, e.g. https://survey.example.com/s/<survey id>"
        )));
    };
    if scheme != "http" && scheme != "https" {
        return Err(CliError::Usage(format!("`{url}` is neither http nor https")));
    }
    let origin = format!("{scheme}://{authority}");
    let client = http_client(&origin)?;

    let page = text(&get(&client, url.trim()).await?);
    let survey = survey_id(uri.path()).or_else(|| survey_id(&page)).ok_or_else(|| {
        CliError::Usage(format!(
            "{url} names no survey: give the survey's public page, …/s/<survey id>"
        ))
    })?;
    let public_url = format!("{origin}/s/{survey}");
    let public = text(&get(&client, &public_url).await?);
    let published = published_hashes(&public);
    if published.is_empty() {
        return Err(CliError::ClientDiffers {
            url: public_url,
            files: vec!["the page publishes no hashes of the files served to respondents".to_owned()],
        });
    }

    // Every file of the release, every file published, and every file the pages load.
    let mut paths: Vec<String> = ASSETS.iter().map(|a| a.path.to_owned()).collect();
    let loaded = [page.as_str(), public.as_str()].into_iter().flat_map(loaded_files);
    for path in published.iter().map(|(p, _)| p.clone()).chain(loaded) {
        if !paths.contains(&path) {
            paths.push(path);
        }
    }
    let mut compared = Vec::new();
    for path in paths {
        let target = if path.starts_with('/') {
            format!("{origin}{path}")
        } else {
            path.clone()
        };
        let served = match get(&client, &target).await {
            Ok(bytes) => Ok(sha256_hex(&bytes)),
            Err(e) => Err(e.to_string()),
        };
        compared.push(Compared {
            release: ASSETS.iter().find(|a| a.path == path).map(|a| a.sha256()),
            published: published.iter().find(|(p, _)| *p == path).map(|(_, h)| h.clone()),
            served,
            path,
        });
    }

    writeln!(out, "survey {survey} at {origin}: the files served to respondents")?;
    for c in &compared {
        if c.matches() {
            writeln!(out, "  ok       {}  {}", c.path, c.release.as_deref().unwrap_or(""))?;
        } else {
            writeln!(out, "  DIFFERS  {}: {}", c.path, c.problem())?;
        }
    }
    let differing: Vec<String> = compared
        .iter()
        .filter(|c| !c.matches())
        .map(|c| c.path.clone())
        .collect();
    if differing.is_empty() {
        writeln!(
            out,
            "ok: every script and stylesheet is this release's ({} {}), as published and as served",
            env!("CARGO_PKG_NAME"),
            env!("CARGO_PKG_VERSION")
        )?;
        Ok(())
    } else {
        out.flush()?;
        Err(CliError::ClientDiffers {
            url: public_url,
            files: differing,
        })
    }
}

fn http_client(origin: &str) -> Result<awc::Client, CliError> {
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    let mut tls = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map_err(|e| CliError::Fetch {
            url: origin.to_owned(),
            message: format!("cannot set up TLS: {e}"),
        })?
        .with_root_certificates(roots)
        .with_no_client_auth();
    tls.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(awc::Client::builder()
        .connector(awc::Connector::new().rustls_0_23(Arc::new(tls)))
        .timeout(Duration::from_secs(30))
        .finish())
}

/// The body of a successful GET, as served (no content encoding asked for).
async fn get(client: &awc::Client, url: &str) -> Result<Vec<u8>, CliError> {
    let failed = |message: String| CliError::Fetch {
        url: url.to_owned(),
        message,
    };
    let mut response = client
        .get(url)
        .insert_header(("Accept-Encoding", "identity"))
        .send()
        .await
        .map_err(|e| failed(e.to_string()))?;
    if !response.status().is_success() {
        return Err(failed(format!("HTTP {}", response.status())));
    }
    let body = response
        .body()
        .limit(BODY_LIMIT)
        .await
        .map_err(|e| failed(e.to_string()))?;
    Ok(body.to_vec())
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The first survey id after `/s/` in `text` (a path or a page).
fn survey_id(text: &str) -> Option<uuid::Uuid> {
    text.match_indices("/s/")
        .filter_map(|(at, _)| text.get(at + 3..at + 3 + 36))
        .find_map(|id| uuid::Uuid::parse_str(id).ok())
}

/// The `(path, sha256)` pairs the public page publishes: `<code … data-asset="PATH">HASH</code>`.
fn published_hashes(page: &str) -> Vec<(String, String)> {
    page.split("data-asset=\"")
        .skip(1)
        .filter_map(|rest| {
            let (path, rest) = rest.split_once('"')?;
            let hash = rest.split_once('>')?.1.split('<').next()?.trim().to_ascii_lowercase();
            Some((path.to_owned(), hash))
        })
        .collect()
}

/// The scripts and stylesheets a page loads (`<script src>`, `<link rel="stylesheet" href>`).
fn loaded_files(page: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (tag, attribute) in [("<script", "src=\""), ("<link", "href=\"")] {
        for rest in page.split(tag).skip(1) {
            let element = rest.split('>').next().unwrap_or("");
            if tag == "<link" && !element.contains("stylesheet") {
                continue;
            }
            if let Some(value) = element
                .split_once(attribute)
                .and_then(|(_, v)| v.split('"').next())
                .filter(|v| !v.is_empty())
            {
                found.push(value.replace("&amp;", "&"));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_parts_are_read() {
        let page = r#"<link rel="stylesheet" href="/static/app.css"><script src="/static/token.js" defer></script>
            <a href="/s/0b7c5a52-5d0e-4d4b-9e57-0d5d4a0c1f00?lang=en">x</a><link rel="icon" href="/favicon.ico">
            <td><code class="sha256" data-asset="/static/token.js">ABCDEF</code></td>"#;
        assert_eq!(loaded_files(page), ["/static/token.js", "/static/app.css"]);
        assert_eq!(
            published_hashes(page),
            [("/static/token.js".to_owned(), "abcdef".to_owned())]
        );
        assert_eq!(
            survey_id(page).map(|u| u.to_string()).as_deref(),
            Some("0b7c5a52-5d0e-4d4b-9e57-0d5d4a0c1f00")
        );
        assert!(survey_id("/i/abc").is_none());
    }
}
