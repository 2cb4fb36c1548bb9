//! `/s/{survey}/answer` and the submission. The page carries no invitation code and sets no cookie;
//! `answer.js` reads the token from the browser's storage, keeps the draft there, shows one section
//! at a time and sends `{ token, salt, language, answers }` to `/s/{survey}/responses`. The answer is
//! `{ receipt, check, salt, canonical_answers }`: with the salt and the canonical answers echoed, the
//! script recomputes the receipt and refuses one that does not match. On the no-JavaScript fallback
//! the server draws the salt when it shows the form, and the form carries it.

use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use survey_design::{Lang, Questionnaire};
use survey_i18n::msg;
use survey_i18n::t;

use super::{LangQuery, Refusal, find_survey_id, frame, survey_page, switch_links};
use crate::error::AppError;
use crate::services::issuance;
use crate::services::responses::{self, Stored, Submission, SubmitError};
use crate::services::surveys;
use crate::state::AppState;
use crate::storage::survey;
use crate::views::questionnaire_form::{self, Filled};

pub async fn page(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<LangQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (s, questionnaire, lang) = survey_page(&state, &path, query.lang.as_deref(), &req).await?;
    let l = &lang;
    let title = questionnaire.title().get(&lang).to_owned();
    let switch = switch_links(&s, &lang, &format!("/s/{}/answer", s.id));
    if let Err(refusal) = issuance::require_open(s.state) {
        return Ok(frame(
            &lang,
            &title,
            &switch,
            &[],
            html! {
                h1 { (title) }
                p.notice { (refusal_text(&refusal, &lang)) }
                p { a href={ "/s/" (s.id) } { (t!(l, "respondent-surveys-public-page")) } }
            },
        ));
    }
    let content = html! {
        h1 { (title) }
        @if let Some(intro) = questionnaire.introduction() { p { (intro.get(&lang)) } }
        p.muted { (questionnaire.anonymity_statement_for(thresholds(&s)).get(&lang)) }
        noscript {
            p.notice.bad { (t!(l, "respondent-page-needs-javascript-please-open")) }
        }
        div.notice.bad #no-token hidden {
            p { (t!(l, "respondent-browser-holds-no-ballot-survey")) }
        }
        (receipt_panel(&s, &lang, questionnaire.thanks()))
        form #answers hidden novalidate data-survey=(s.id) data-lang=(lang.as_str())
            data-submit={ "/s/" (s.id) "/responses" } data-check={ "/s/" (s.id) "/receipt" } {
            div.progress {
                span #progress-text aria-live="polite" {}
                progress #progress max="1" value="0" aria-hidden="true" {}
            }
            (questionnaire_form::sections(&questionnaire, &lang, &Filled::EMPTY))
            p.error #form-problem role="alert" tabindex="-1" hidden {}
            div.pager {
                button #back type="button" { (t!(l, "respondent-back")) }
                button #next type="button" { (t!(l, "respondent-next")) }
                button #send type="submit" { (t!(l, "respondent-send-my-answers")) }
            }
            p.muted { (t!(l, "respondent-your-draft-kept-browser-only")) }
        }
        (super::script_words(&[
            ("receipt", t!(l, "respondent-script-receipt")),
            ("salt", t!(l, "respondent-script-salt")),
            ("copied", t!(l, "respondent-script-copied")),
            ("progress", t!(l, "respondent-script-progress", at = "{at}", of = "{of}")),
            ("salt-mismatch", t!(l, "respondent-script-salt-mismatch")),
            ("answers-mismatch", t!(l, "respondent-script-answers-mismatch", questions = "{questions}")),
            ("receipt-mismatch", t!(l, "respondent-script-receipt-mismatch")),
            ("warning", t!(l, "respondent-script-cannot-confirm", problem = "{problem}")),
            ("send-failed", t!(l, "respondent-script-send-failed")),
            ("answers-kept", t!(l, "respondent-script-answers-kept")),
            ("unreachable", t!(l, "respondent-script-unreachable")),
        ]))
    };
    Ok(frame(
        &lang,
        &title,
        &switch,
        &["/static/token.js", "/static/words.js", "/static/answer.js"],
        content,
    ))
}

/// The receipt, shown by the script after a successful submission (and again if the page is
/// opened after answering).
fn receipt_panel(s: &survey::Model, lang: &Lang, thanks: Option<&survey_design::Text>) -> maud::Markup {
    let l = lang;
    html! {
        section.notice.ok #done hidden tabindex="-1" aria-labelledby="done-title" {
            h2 #done-title { (t!(l, "respondent-thank-you-your-answers")) }
            @if let Some(thanks) = thanks { p { (thanks.get(lang)) } }
            p { (t!(l, "respondent-your-receipt")) }
            p { code.receipt #receipt {} }
            div #salt-box hidden {
                p { (t!(l, "respondent-your-salt-random-value-only")) }
                p { code.receipt #salt {} }
            }
            div.actions {
                button #copy type="button" { (t!(l, "respondent-copy")) }
                a.button #download download="receipt.txt" href="#" { (t!(l, "respondent-download")) }
                a #check href={ "/s/" (s.id) "/receipt" } { (t!(l, "respondent-check-receipt")) }
            }
            p.muted { (t!(l, "respondent-receipt-does-not-identify-you")) }
            (salt_note(lang))
        }
    }
}

/// What the salt is for, and why it is kept private.
fn salt_note(lang: &Lang) -> maud::Markup {
    let l = lang;
    html! {
        p.muted { (t!(l, "respondent-salt-your-answers-you-can")) }
    }
}

fn refusal_text(e: &AppError, lang: &Lang) -> String {
    match e {
        AppError::Conflict(m) | AppError::BadRequest(m) => m.get(lang),
        other => other.to_string(),
    }
}

pub async fn submit(
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<Submission>,
) -> Result<HttpResponse, Refusal> {
    let submission = body.into_inner();
    let lang = Lang::parse(&submission.language).unwrap_or_else(|_| Lang::english());
    let s = surveys::find(&state.db, find_survey_id(&path).map_err(|e| Refusal::new(e, &lang))?)
        .await
        .map_err(|e| Refusal::new(e, &lang))?;
    match responses::submit(&state, &s, submission).await {
        Ok(done) => Ok(HttpResponse::Created().json(stored(&s, &done, &lang))),
        Err(SubmitError::Refused(e)) => Err(Refusal::new(e, &lang)),
        Err(SubmitError::Answers(errors, lang)) => Err(Refusal::answers(&errors, &lang)),
        Err(SubmitError::AlreadyStored(done)) => Err(Refusal::already_stored(stored(&s, &done, &lang), &lang)),
    }
}

/// The acknowledgement: the receipt, where it is checked in the respondent's language (the receipt
/// page otherwise falls back to the survey's default), and the salt and canonical answers it was
/// computed from, for the browser to recompute it.
fn stored(s: &survey::Model, done: &Stored, lang: &Lang) -> serde_json::Map<String, serde_json::Value> {
    let mut fields = serde_json::Map::new();
    fields.insert("receipt".into(), done.receipt.clone().into());
    fields.insert(
        "check".into(),
        format!("/s/{}/receipt?r={}&lang={}", s.id, done.receipt, lang.as_str()).into(),
    );
    fields.insert("salt".into(), done.salt.clone().into());
    fields.insert("canonical_answers".into(), done.canonical_answers.clone().into());
    fields
}

/// The form of the operator-trusted fallback: the token and the salt the server drew travel in hidden
/// fields (so a form sent twice gets the same receipt).
pub fn fallback_form(
    s: &survey::Model,
    questionnaire: &Questionnaire,
    lang: &Lang,
    token: &str,
    salt: &str,
    filled: &Filled,
) -> HttpResponse {
    let l = lang;
    let title = questionnaire.title().get(lang).to_owned();
    frame(
        lang,
        &title,
        &[],
        &[],
        html! {
            h1 { (title) }
            p.notice.weak {
                strong { (t!(l, "respondent-weaker-anonymity")) } " "
                (t!(l, "respondent-server-made-ballot-your-anonymity"))
            }
            @if filled.errors.is_some() {
                p.notice.bad role="alert" { (t!(l, "respondent-please-check-your-answers-each")) }
            }
            form method="post" action={ "/s/" (s.id) "/responses/form" } {
                input type="hidden" name="token" value=(token);
                // Named so that no question id (which starts with a letter) can read it as an answer.
                input type="hidden" name="_salt" value=(salt);
                input type="hidden" name="language" value=(lang.as_str());
                (questionnaire_form::sections(questionnaire, lang, filled))
                button type="submit" { (t!(l, "respondent-send-my-answers")) }
            }
        },
    )
}

/// The fallback's submission, as a plain form post; problems re-show the form with the answers kept.
pub async fn submit_form(
    state: web::Data<AppState>,
    path: web::Path<String>,
    fields: web::Form<Vec<(String, String)>>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let token = field("token");
    let salt = field("_salt");
    let (s, questionnaire, lang) = survey_page(&state, &path, Some(&field("language")), &req).await?;
    let answers = questionnaire_form::answers_from_fields(&questionnaire, &fields);
    let submission = Submission {
        token: token.clone(),
        language: lang.as_str().to_owned(),
        answers: answers.clone(),
        salt: Some(salt.clone()).filter(|s| !s.is_empty()),
    };
    match responses::submit(&state, &s, submission).await {
        // A form sent twice (a reload, a retry after a dropped connection) shows the same receipt.
        Ok(done) | Err(SubmitError::AlreadyStored(done)) => {
            let l = &lang;
            let title = questionnaire.title().get(&lang).to_owned();
            Ok(frame(
                &lang,
                &title,
                &[],
                &[],
                html! {
                    h1 { (title) }
                    section.notice.ok {
                        h2 { (t!(l, "respondent-thank-you-your-answers")) }
                        p { (t!(l, "respondent-your-receipt")) }
                        p { code.receipt { (done.receipt) } }
                        p { (t!(l, "respondent-your-salt-random-value-only")) }
                        p { code.salt { (done.salt) } }
                        p { a href={ "/s/" (s.id) "/receipt?r=" (done.receipt) "&lang=" (lang.as_str()) } { (t!(l, "respondent-check-receipt")) } }
                        (salt_note(&lang))
                        p.notice.weak { (t!(l, "respondent-server-made-ballot-weaker-anonymity")) }
                    }
                },
            ))
        }
        Err(SubmitError::Answers(errors, _)) => Ok(fallback_form(
            &s,
            &questionnaire,
            &lang,
            &token,
            &salt,
            &Filled {
                answers: &answers,
                errors: Some(&errors),
            },
        )),
        Err(SubmitError::Refused(e)) => Err(e),
    }
}

impl Refusal {
    /// 422 with one message per question, in the respondent's language.
    pub fn answers(errors: &survey_design::AnswerErrors, lang: &Lang) -> Self {
        let mut refusal = Self::new(AppError::BadRequest(msg!("error-please-check-your-answers-each")), lang);
        refusal.status = actix_web::http::StatusCode::UNPROCESSABLE_ENTITY;
        for e in &errors.errors {
            let key = e.question.clone().unwrap_or_default();
            refusal.errors.insert(key, e.message(lang));
        }
        refusal
    }

    /// 409 like any second use of a ballot, with the receipt of the response that is stored.
    pub fn already_stored(stored: serde_json::Map<String, serde_json::Value>, lang: &Lang) -> Self {
        let mut refusal = Self::new(AppError::Conflict(msg!("error-your-answers-were-stored-already")), lang);
        refusal.stored = Some(stored);
        refusal
    }
}

/// The survey's own thresholds, which its anonymity statement names.
fn thresholds(s: &survey::Model) -> survey_design::Thresholds {
    survey_design::Thresholds {
        k: u64::try_from(s.k_threshold).unwrap_or(u64::MAX),
        comment_k: u64::try_from(s.comment_threshold).unwrap_or(u64::MAX),
    }
}
