//! The static files, compiled into the binary and served compressed: the stylesheet (the report
//! crate's, which its standalone HTML reports embed too) and the respondent's scripts (the token
//! client, the invitation and answer pages' glue). Pages are not compressed, so no secret on a page
//! can be guessed through its compressed length (BREACH).
//!
//! Every one of them is served to respondents, so the SHA-256 of each is published on every survey's
//! public page (and in its key directory): anyone can compare what they were served with a release
//! (`survey client verify`, which holds these same files, compiled in).

use actix_web::middleware::Compress;
use actix_web::{HttpResponse, web};

/// One file served to respondents.
#[derive(Debug, Clone, Copy)]
pub struct Asset {
    /// Where it is served, e.g. `/static/token.js`.
    pub path: &'static str,
    pub media_type: &'static str,
    pub body: &'static str,
}

/// The browser token client.
pub const TOKEN_JS: &str = include_str!("../../static/token.js");

/// Every script and stylesheet served to respondents, in the order the public page lists them.
pub const ASSETS: [Asset; 5] = [
    Asset {
        path: "/static/token.js",
        media_type: "text/javascript",
        body: TOKEN_JS,
    },
    Asset {
        path: "/static/words.js",
        media_type: "text/javascript",
        body: include_str!("../../static/words.js"),
    },
    Asset {
        path: "/static/invite.js",
        media_type: "text/javascript",
        body: include_str!("../../static/invite.js"),
    },
    Asset {
        path: "/static/answer.js",
        media_type: "text/javascript",
        body: include_str!("../../static/answer.js"),
    },
    Asset {
        path: "/static/app.css",
        media_type: "text/css",
        body: survey_report::html::STYLESHEET,
    },
];

impl Asset {
    /// SHA-256 of the bytes served, lower-case hex.
    pub fn sha256(&self) -> String {
        sha256_hex(self.body.as_bytes())
    }
}

/// SHA-256 of `bytes`, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    survey_token::tally::hex(ring::digest::digest(&ring::digest::SHA256, bytes).as_ref())
}

/// Each asset's path and SHA-256, computed once.
pub fn published() -> &'static [(&'static str, String)] {
    static HASHES: std::sync::LazyLock<Vec<(&'static str, String)>> =
        std::sync::LazyLock::new(|| ASSETS.iter().map(|a| (a.path, a.sha256())).collect());
    &HASHES
}

/// The token client's SHA-256 (also published on its own, as `client-sha256`, in the key directory).
pub fn token_js_sha256() -> &'static str {
    &published()[0].1
}

pub fn config(cfg: &mut web::ServiceConfig) {
    let mut scope = web::scope("/static").wrap(Compress::default());
    for asset in ASSETS {
        let path = asset.path.trim_start_matches("/static");
        scope = scope.route(path, web::get().to(move || file(asset.media_type, asset.body)));
    }
    cfg.service(scope);
}

async fn file(media_type: &str, body: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(format!("{media_type}; charset=utf-8"))
        .body(body)
}
