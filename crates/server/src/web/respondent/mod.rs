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
use actix_web::{HttpRequest, HttpResponse, ResponseError, web};
use maud::{DOCTYPE, Markup, html};
use survey_design::Lang;

use crate::error::AppError;
use crate::storage::survey;
use survey_i18n::t;

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

/// The survey of a public page, its questionnaire, and the page's language (see [`pick_lang`]).
async fn survey_page(
    state: &crate::state::AppState,
    raw_id: &str,
    asked: Option<&str>,
    req: &HttpRequest,
) -> Result<(survey::Model, std::sync::Arc<survey_design::Questionnaire>, Lang), AppError> {
    let s = crate::services::surveys::find(&state.db, find_survey_id(raw_id)?).await?;
    let questionnaire = state.questionnaires.get(&s)?;
    let lang = pick_lang(&s, &[asked], req, questionnaire.default_language().as_str());
    Ok((s, questionnaire, lang))
}

/// The page language, the first of the survey's languages that fits: each of `preferred` in turn
/// (the link's `?lang=`, then the invitee's roster language where there is one), the browser's
/// `Accept-Language`, the questionnaire's default.
fn pick_lang(s: &survey::Model, preferred: &[Option<&str>], req: &HttpRequest, default: &str) -> Lang {
    let offered = crate::services::surveys::languages(s);
    let offered: Vec<&str> = offered.iter().map(String::as_str).collect();
    let is_offered = |l: &&str| offered.contains(l);
    let accepted = || crate::views::browser_language(req, &offered);
    preferred
        .iter()
        .flatten()
        .copied()
        .find(is_offered)
        .or_else(accepted)
        .or_else(|| Some(default).filter(is_offered))
        .or_else(|| offered.first().copied())
        .and_then(|l| Lang::parse(l).ok())
        .unwrap_or_else(Lang::english)
}

#[derive(serde::Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

/// A respondent page: no navigation, links to the survey's other languages, optional scripts.
fn frame(lang: &Lang, title: &str, switch: &[LangLink], scripts: &[&str], content: Markup) -> HttpResponse {
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
                        nav.langs aria-label=(t!(lang, "respondent-other-languages")) {
                            @for link in switch {
                                a href=(link.href) lang=(link.code) hreflang=(link.code) { (link.name) }
                            }
                        }
                    }
                }
                main { (content) }
            }
        }
    };
    crate::views::layout::html_response(markup)
}

/// A group as respondents read it (`department: Sales · tenure: other (merged: too few)`).
fn group_name(lang: &Lang, label: &str) -> String {
    let words = crate::services::roster::GroupWords {
        merged: t!(lang, "respondent-group-merged"),
        everyone: t!(lang, "respondent-group-everyone"),
    };
    crate::services::roster::describe(label, &words)
}

/// A survey's state, in the respondent's words.
fn state_word(lang: &Lang, state: crate::domain::SurveyState) -> String {
    use crate::domain::SurveyState as S;
    match state {
        S::Draft | S::Scheduled => t!(lang, "respondent-state-not-open"),
        S::Open => t!(lang, "respondent-state-open"),
        S::Closed => t!(lang, "respondent-state-closed"),
        S::Published => t!(lang, "respondent-state-published"),
    }
}

/// The sentences a page's script shows, in the page's language, as JSON the script reads
/// (`{name}` marks what the script fills in).
fn script_words(words: &[(&str, String)]) -> Markup {
    let map: serde_json::Map<String, serde_json::Value> =
        words.iter().map(|(k, v)| ((*k).to_owned(), v.clone().into())).collect();
    let json = serde_json::Value::Object(map).to_string().replace('<', "\\u003c");
    html! { script #words type="application/json" { (maud::PreEscaped(json)) } }
}

/// A link to the same page in another of the survey's languages, named in that language.
struct LangLink {
    href: String,
    code: String,
    name: String,
}

/// Links to the page in the survey's other languages.
fn switch_links(s: &survey::Model, lang: &Lang, path: &str) -> Vec<LangLink> {
    crate::services::surveys::languages(s)
        .into_iter()
        .filter(|l| l != lang.as_str())
        .map(|code| LangLink {
            href: format!("{path}?lang={code}"),
            name: survey_i18n::language_name(&code),
            code,
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
        let message = match &error {
            // The answers stay in the browser, and the respondent should know it.
            AppError::Database(_) | AppError::Internal(_) => t!(lang, "respondent-error-try-again"),
            other => other.message(lang),
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
