//! The respondent's side: the invitation page that makes the anonymous token in the browser, the
//! answer page (no invitation code, no cookie), submission, receipts, and each survey's public page
//! with its keys and tally.
//!
//! Nothing here logs an address, an invitation code, a token or a nonce: request logs carry route
//! patterns only (see `metrics`), and refusals are logged without their values.

mod answer;

mod invite;
mod public;

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError, web};
use maud::{DOCTYPE, Markup, html};
use survey_design::Lang;

use crate::error::AppError;
use crate::storage::survey;
use crate::views::UiLang;

/// A token request is 259 bytes; anything much larger is not one.
const TOKEN_REQUEST_LIMIT: usize = 1024;
/// A submission: every long text of a questionnaire at its longest fits.
const SUBMISSION_LIMIT: usize = 512 * 1024;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/i/{code}/token-request")
            .app_data(web::PayloadConfig::new(TOKEN_REQUEST_LIMIT))
            .route(web::post().to(invite::token_request)),
    )
    .service(
        web::resource("/s/{survey}/responses")
            .app_data(submission_json_config())
            .route(web::post().to(answer::submit)),
    )
    .service(
        web::resource("/s/{survey}/responses/form")
            .app_data(crate::web::body::form_config(SUBMISSION_LIMIT))
            .route(web::post().to(answer::submit_form)),
    )
    .route("/i/{code}", web::get().to(invite::page))
    .route("/i/{code}/fallback", web::post().to(invite::fallback))
    .route("/s/{survey}", web::get().to(public::page))
    .service(web::resource("/s/{survey}/token-keys").route(web::get().to(public::directory)))
    .route("/s/{survey}/receipt", web::get().to(public::receipt))
    .route("/s/{survey}/answer", web::get().to(answer::page));
}

/// A submission's JSON: within its limit, and refused like every other refusal of the respondent's
/// client (`{ "error": … }`), 413 when too large, 400 when malformed (nesting deeper than serde_json's
/// 128 levels included).
fn submission_json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(SUBMISSION_LIMIT)
        .error_handler(|err, _| Refusal::new(crate::web::body::json_problem(&err), &Lang::english()).into())
}

/// A survey by the id in a public URL (anything else is a plain 404).
fn find_survey_id(raw: &str) -> Result<crate::domain::SurveyId, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

/// The survey of a public page, its questionnaire, and the page's language (`?lang=` if offered,
/// else the questionnaire's default).
async fn survey_page(
    state: &crate::state::AppState,
    raw_id: &str,
    asked: Option<&str>,
) -> Result<(survey::Model, std::sync::Arc<survey_design::Questionnaire>, Lang), AppError> {
    let s = crate::services::surveys::find(&state.db, find_survey_id(raw_id)?).await?;
    let questionnaire = state.questionnaires.get(&s)?;
    let lang = pick_lang(&s, asked, questionnaire.default_language().as_str());
    Ok((s, questionnaire, lang))
}

/// The page language: `?lang=` if the survey offers it, else `fallback`.
fn pick_lang(s: &survey::Model, asked: Option<&str>, fallback: &str) -> Lang {
    let offered = crate::services::surveys::languages(s);
    let pick = |l: &str| offered.iter().any(|o| o == l).then(|| Lang::parse(l).ok()).flatten();
    asked
        .and_then(pick)
        .or_else(|| pick(fallback))
        .or_else(|| offered.first().and_then(|l| Lang::parse(l).ok()))
        .unwrap_or_else(Lang::english)
}

fn ui(lang: &Lang) -> UiLang {
    if lang.is_japanese() { UiLang::Ja } else { UiLang::En }
}

#[derive(serde::Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

/// A respondent page: no navigation, links to the survey's other languages, optional scripts.
fn frame(lang: &Lang, title: &str, switch: &[(String, String)], scripts: &[&str], content: Markup) -> HttpResponse {
    let markup = html! {
        (DOCTYPE)
        html lang=(lang.as_str()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                link rel="stylesheet" href="/static/app.css";
                @for src in scripts { script src=(src) defer {} }
            }
            body.respondent {
                header.top {
                    span.brand { (title) }
                    @if !switch.is_empty() {
                        nav.langs aria-label="Language / 言語" {
                            @for (href, label) in switch { a href=(href) { (label) } }
                        }
                    }
                }
                main { (content) }
            }
        }
    };
    crate::views::layout::html_response(markup)
}

/// Links to the page in the survey's other languages.
fn switch_links(s: &survey::Model, lang: &Lang, path: &str) -> Vec<(String, String)> {
    crate::services::surveys::languages(s)
        .into_iter()
        .filter(|l| l != lang.as_str())
        .map(|l| {
            let label = match l.as_str() {
                "ja" => "日本語".to_owned(),
                "en" => "English".to_owned(),
                other => other.to_owned(),
            };
            (format!("{path}?lang={l}"), label)
        })
        .collect()
}

/// A refusal of the respondent's browser client, as JSON in the respondent's language:
/// `{ "error": "…", "errors": { "question": "…" } }`, with `receipt` and `check` when the refused
/// response is the one stored already.
#[derive(Debug)]
pub struct Refusal {
    status: StatusCode,
    message: String,
    errors: BTreeMap<String, String>,
    stored: Option<serde_json::Map<String, serde_json::Value>>,
}

impl Refusal {
    pub fn new(error: AppError, lang: &Lang) -> Self {
        match &error {
            AppError::Database(cause) => tracing::error!(error = %cause, "database error on a respondent route"),
            AppError::Internal(cause) => tracing::error!(error = %cause, "internal error on a respondent route"),
            _ => {}
        }
        let message = match (&error, ui(lang)) {
            (AppError::BadRequest(m) | AppError::Conflict(m), l) => m.get(l).to_owned(),
            (AppError::Database(_) | AppError::Internal(_), UiLang::Ja) => {
                "サーバー側で問題が起きました。入力内容はこのブラウザに残っています。しばらくしてからもう一度送信してください。".to_owned()
            }
            (AppError::Database(_) | AppError::Internal(_), UiLang::En) => {
                "Something went wrong on our side. Your answers are kept in this browser; please send them again in a moment.".to_owned()
            }
            (other, UiLang::Ja) => other.japanese().unwrap_or_else(|| other.to_string()),
            (other, UiLang::En) => other.to_string(),
        };
        let status = match error {
            // The server could not store it: the browser should try again, nothing is lost.
            AppError::Database(_) | AppError::Internal(_) => StatusCode::SERVICE_UNAVAILABLE,
            other => other.status_code(),
        };
        Self {
            status,
            message,
            errors: BTreeMap::new(),
            stored: None,
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl ResponseError for Refusal {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut body = self.stored.clone().unwrap_or_default();
        body.insert("error".into(), self.message.clone().into());
        body.insert("errors".into(), serde_json::json!(self.errors));
        HttpResponse::build(self.status).json(body)
    }
}
