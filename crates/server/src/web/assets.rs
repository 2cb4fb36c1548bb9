//! The static files, compiled into the binary and served compressed: the stylesheet (the report
//! crate's, which its standalone HTML reports embed too) and the respondent's scripts (the token client, the invitation and answer pages' glue). Pages are not
//! compressed, so no secret on a page can be guessed through its compressed length (BREACH).

use actix_web::middleware::Compress;
use actix_web::{HttpResponse, web};

/// The browser token client, whose SHA-256 is published beside the keys so that anyone can check
/// the script they were served is the published one.
pub const TOKEN_JS: &str = include_str!("../../static/token.js");

pub fn token_js_sha256() -> &'static str {
    static HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        survey_token::tally::hex(ring::digest::digest(&ring::digest::SHA256, TOKEN_JS.as_bytes()).as_ref())
    });
    &HASH
}

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/static")
            .wrap(Compress::default())
            .route(
                "/app.css",
                web::get().to(|| file("text/css", survey_report::html::STYLESHEET)),
            )
            .route("/token.js", web::get().to(|| file("text/javascript", TOKEN_JS)))
            .route(
                "/invite.js",
                web::get().to(|| file("text/javascript", include_str!("../../static/invite.js"))),
            )
            .route(
                "/answer.js",
                web::get().to(|| file("text/javascript", include_str!("../../static/answer.js"))),
            ),
    );
}

async fn file(media_type: &str, body: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(format!("{media_type}; charset=utf-8"))
        .body(body)
}
