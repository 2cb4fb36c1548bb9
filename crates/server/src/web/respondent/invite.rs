//! `/i/{code}`: the invitee's page. It explains what the firm and the company can and cannot see,
//! shows the key the ballot will be signed with, and runs the browser client (`invite.js`), which
//! blinds, asks `/i/{code}/token-request` for the signature, finalises and verifies the token, keeps
//! it in the browser and moves on to the answer page — which carries no invitation code.

use std::sync::Arc;

use actix_web::http::header::ContentType;
use actix_web::{HttpRequest, HttpResponse, web};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use maud::{Markup, html};
use survey_design::{Lang, Questionnaire};
use survey_i18n::{msg, t};

use super::{LangQuery, Refusal, frame, pick_lang, switch_links};
use crate::error::AppError;
use crate::services::issuance;
use crate::services::surveys::State;
use crate::state::AppState;
use crate::storage::{invitation, survey};

pub async fn page_for(
    state: &AppState,
    code: &str,
    asked: Option<&str>,
    req: &HttpRequest,
) -> Result<(invitation::Model, survey::Model, Arc<Questionnaire>, Lang), AppError> {
    let (invitee, s) = issuance::invitation_by_code(&state.db, &state.hmac_key, code).await?;
    let questionnaire = state.questionnaires.get(&s)?;
    let lang = pick_lang(
        &s,
        &[asked, Some(&invitee.language)],
        req,
        questionnaire.default_language().as_str(),
    );
    Ok((invitee, s, questionnaire, lang))
}

pub async fn page(
    state: web::Data<AppState>,
    code: web::Path<String>,
    query: web::Query<LangQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (invitee, s, questionnaire, lang) = page_for(&state, &code, query.lang.as_deref(), &req).await?;
    let l = &lang;
    let title = questionnaire.title().get(&lang).to_owned();
    let answer_url = format!("/s/{}/answer?lang={}", s.id, lang.as_str());
    let body = match s.state {
        // A used invitation looks like an unused one: whoever holds the link learns nothing from
        // the page. The browser that holds the ballot offers to continue (invite.js); any other is
        // refused when it asks for a second ballot.
        State::Open => {
            let key = issuance::key_for(&state.db, invitee.survey_id, &invitee.segment).await?;
            let challenge = issuance::challenge(&state.settings, s.id).to_bytes();
            let key_id = survey_token::tally::unhex(&key.key_id, "key id").map_err(AppError::internal)?;
            html! {
                (explanation(&s, &lang))
                section.ballot #issue data-survey=(s.id) data-directory={ "/s/" (s.id) "/token-keys" }
                    data-key-id=(URL_SAFE_NO_PAD.encode(key_id)) data-challenge=(URL_SAFE_NO_PAD.encode(challenge))
                    data-request={ "/i/" (code.as_str()) "/token-request" } data-answer=(answer_url) {
                    h2 { (t!(l, "respondent-your-anonymous-ballot")) }
                    p {
                        (t!(l, "respondent-ballot-signed-with-key", group = super::group_name(l, &key.segment)))
                    }
                    p { code.fingerprint { (fingerprint(&key.key_id)) } }
                    p.muted {
                        (t!(l, "respondent-compare-key-with-list"))
                        " "
                        a href={ "/s/" (s.id) } { (t!(l, "respondent-surveys-public-page-2")) }
                    }
                    button #start type="button" disabled { (t!(l, "respondent-take-my-ballot-start")) }
                    p #status role="status" aria-live="polite" {}
                    p.error #problem role="alert" hidden {}
                    (super::script_words(&[
                        ("holds-ballot", t!(l, "respondent-script-holds-ballot")),
                        ("continue", t!(l, "respondent-script-continue")),
                        ("making", t!(l, "respondent-script-making")),
                        ("received", t!(l, "respondent-script-received")),
                        ("challenge-mismatch", t!(l, "respondent-script-challenge-mismatch", host = "{host}")),
                    ]))
                    noscript {
                        p.notice.bad {
                            (t!(l, "respondent-ballot-made-javascript-your-browser"))
                        }
                        @if s.allow_fallback {
                            form method="post" action={ "/i/" (code.as_str()) "/fallback" } {
                                input type="hidden" name="lang" value=(lang.as_str());
                                p.notice.weak {
                                    strong { (t!(l, "respondent-weaker-option")) } " "
                                    (t!(l, "respondent-you-can-answer-without-javascript"))
                                }
                                button type="submit" { (t!(l, "respondent-answer-without-javascript-weaker-anonymity")) }
                            }
                        }
                    }
                }
            }
        }
        State::Draft | State::Scheduled => html! {
            p.notice { (t!(l, "respondent-survey-has-not-opened-yet")) }
        },
        State::Closed | State::Published => html! {
            p.notice { (t!(l, "respondent-survey-closed-thank-you-your")) }
            p { a href={ "/s/" (s.id) } { (t!(l, "respondent-tally-count-values-check")) } }
        },
    };
    let switch = switch_links(&s, &lang, &format!("/i/{}", code.as_str()));
    Ok(frame(
        &lang,
        &title,
        &switch,
        &["/static/token.js", "/static/words.js", "/static/invite.js"],
        html! { h1 { (title) } (body) },
    ))
}

/// What the firm and the company can and cannot see, in plain words.
fn explanation(s: &survey::Model, l: &Lang) -> Markup {
    html! {
        section.explain {
            h2 { (t!(l, "respondent-how-your-answers-handled")) }
            ul {
                li { (t!(l, "respondent-opening-link-makes-anonymous-ballot")) }
                li { (t!(l, "respondent-your-answers-sent-ballot-only")) }
                li { (t!(l, "respondent-only-thing-recorded-about-you")) }
                li { (t!(l, "respondent-company-sees-aggregates", k = s.k_threshold, comment_k = s.comment_threshold)) }
                li { (t!(l, "respondent-after-answering-you-get-receipt")) }
            }
        }
    }
}

/// A key id in groups of four hex digits, easy to compare by eye.
pub fn fingerprint(key_id_hex: &str) -> String {
    key_id_hex
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(serde::Deserialize)]
pub struct TokenRequestQuery {
    lang: Option<String>,
}

pub async fn token_request(
    state: web::Data<AppState>,
    code: web::Path<String>,
    query: web::Query<TokenRequestQuery>,
    req: HttpRequest,
    body: Result<web::Bytes, actix_web::Error>,
) -> Result<HttpResponse, Refusal> {
    let lang = query
        .lang
        .as_deref()
        .and_then(|l| Lang::parse(l).ok())
        .unwrap_or_else(Lang::english);
    let content_type = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !content_type.starts_with("application/private-token-request") {
        return Err(Refusal::new(
            AppError::BadRequest(msg!("error-send-token-request-application-private")),
            &lang,
        ));
    }
    let body = body.map_err(|e| {
        let problem = match e.as_error::<actix_web::error::PayloadError>() {
            Some(actix_web::error::PayloadError::Overflow) => crate::web::body::too_large(super::TOKEN_REQUEST_LIMIT),
            _ => AppError::BadRequest(msg!("error-token-request-cannot-read", e = e.to_string())),
        };
        Refusal::new(problem, &lang)
    })?;
    let signature = issuance::issue(&state.db, &state.issuers, &state.hmac_key, &code, &body)
        .await
        .map_err(|e| Refusal::new(e, &lang))?;
    Ok(HttpResponse::Ok()
        .insert_header(ContentType(
            "application/private-token-response"
                .parse()
                .map_err(|_| Refusal::new(AppError::internal("media type"), &lang))?,
        ))
        .body(signature))
}

#[derive(serde::Deserialize)]
pub struct FallbackForm {
    lang: Option<String>,
}

/// Without JavaScript, where the survey allows it: the server makes the ballot itself (so it sees
/// the token it makes — weaker, and labelled so) and shows the questions as a plain form.
pub async fn fallback(
    state: web::Data<AppState>,
    code: web::Path<String>,
    form: web::Form<FallbackForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (invitee, s, questionnaire, lang) = page_for(&state, &code, form.lang.as_deref(), &req).await?;
    if !s.allow_fallback {
        return Err(AppError::Forbidden);
    }
    issuance::require_open(s.state)?;
    let token = issuance::issue_on_server(
        &state.db,
        &state.issuers,
        &state.settings,
        &state.hmac_key,
        &s,
        &invitee,
        &code,
    )
    .await?;
    // The salt the browser would draw, drawn here: the form carries it, the server never stores it.
    let salt = URL_SAFE_NO_PAD.encode(survey_token::tally::fresh_salt(&mut rand::rng()));
    Ok(super::answer::fallback_form(
        &s,
        &questionnaire,
        &lang,
        &token,
        &salt,
        &crate::views::questionnaire_form::Filled::EMPTY,
    ))
}
