//! Each survey's public page: its issuer keys with fingerprints, the SHA-256 of every script and
//! stylesheet served to respondents (`survey client verify` compares them with a release), and after
//! close the tally (count, segments of at least k, Merkle root) with a receipt check.
//! The same for everyone, so no respondent can be singled out with a key of their own.

use actix_web::{HttpRequest, HttpResponse, web};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use maud::html;
use survey_i18n::t;

use super::invite::fingerprint;
use super::{find_survey_id, frame, survey_page, switch_links};
use crate::error::AppError;
use crate::services::surveys::{self, State};
use crate::services::{issuance, responses};
use crate::state::AppState;

/// The key directory of RFC 9578 §4, plus each key's segment label and the hashes of the client's
/// files (`client-sha256`: token.js; `assets-sha256`: every file served to respondents, by path).
pub async fn directory(state: web::Data<AppState>, path: web::Path<String>) -> Result<HttpResponse, AppError> {
    let s = surveys::find(&state.db, find_survey_id(&path)?).await?;
    let keys = issuance::keys(&state.db, s.id).await?;
    let entries: Vec<serde_json::Value> = keys
        .iter()
        .map(|k| {
            serde_json::json!({
                "token-type": survey_token::wire::TOKEN_TYPE,
                "token-key": URL_SAFE_NO_PAD.encode(&k.public_key),
                "segment": k.segment,
            })
        })
        .collect();
    Ok(HttpResponse::Ok()
        .content_type("application/private-token-issuer-directory")
        .json(serde_json::json!({
            "issuer-request-uri": "/i/{invitation}/token-request",
            "token-keys": entries,
            "client-sha256": crate::web::assets::token_js_sha256(),
            "assets-sha256": crate::web::assets::published()
                .iter()
                .map(|(path, hash)| ((*path).to_owned(), serde_json::Value::from(hash.as_str())))
                .collect::<serde_json::Map<_, _>>(),
        })))
}

#[derive(serde::Deserialize)]
pub struct PublicQuery {
    lang: Option<String>,
    /// A receipt to check (hex).
    r: Option<String>,
}

pub async fn page(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<PublicQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (s, questionnaire, lang) = survey_page(&state, &path, query.lang.as_deref(), &req).await?;
    let l = &lang;
    let title = questionnaire.title().get(&lang).to_owned();
    let keys = issuance::keys(&state.db, s.id).await?;
    let tally = s.tally.clone();
    let content = html! {
        h1 { (title) }
        p { (t!(l, "respondent-survey-state", state = super::state_word(l, s.state))) }
        h2 { (t!(l, "respondent-issuer-keys")) }
        @if keys.is_empty() {
            p.muted { (t!(l, "respondent-keys-made-when-survey-scheduled")) }
        } @else {
            table {
                thead { tr { th { (t!(l, "respondent-group")) } th { (t!(l, "respondent-key-fingerprint-sha-256")) } } }
                tbody {
                    @for k in &keys {
                        tr {
                            td { (super::group_name(l, &k.segment)) }
                            td { code.fingerprint { (fingerprint(&k.key_id)) } }
                        }
                    }
                }
            }
            p.muted {
                (t!(l, "respondent-machine-readable")) " "
                a href={ "/s/" (s.id) "/token-keys" } { "token-keys" }
            }
        }
        h2 { (t!(l, "respondent-browser-client")) }
        p { (t!(l, "respondent-every-script-stylesheet-served-respondents")) }
        table.assets {
            thead { tr { th { (t!(l, "respondent-file")) } th { "SHA-256" } } }
            tbody {
                @for (path, hash) in crate::web::assets::published() {
                    tr {
                        td { code { (path) } }
                        td { code.sha256 data-asset=(path) { (hash) } }
                    }
                }
            }
        }
        h2 { (t!(l, "respondent-tally")) }
        @match &tally {
            Some(t) => {
                dl.tally {
                    dt { (t!(l, "respondent-counted-responses")) } dd { (t["count"]) }
                    dt { (t!(l, "respondent-merkle-root-rfc-6962")) } dd { code { (t["root"].as_str().unwrap_or("")) } }
                }
                @if let Some(segments) = t["segments"].as_array().filter(|a| !a.is_empty()) {
                    table {
                        thead { tr { th { (t!(l, "respondent-group")) } th.num { (t!(l, "respondent-responses")) } } }
                        tbody {
                            @for seg in segments {
                                tr {
                                    td { (super::group_name(l, seg[0].as_str().unwrap_or(""))) }
                                    td.num { (seg[1]) }
                                }
                            }
                        }
                    }
                    p.muted { (t!(l, "respondent-tally-groups-hidden", k = s.k_threshold)) }
                }
            }
            None => p.muted { (t!(l, "respondent-tally-published-when-survey-closes")) },
        }
        h2 { (t!(l, "respondent-check-receipt-2")) }
        form.stack method="get" action={ "/s/" (s.id) "/receipt" } {
            input type="hidden" name="lang" value=(lang.as_str());
            label { (t!(l, "respondent-receipt"))
                input name="r" required pattern="[0-9a-fA-F]{64}" value=(query.r.as_deref().unwrap_or("")) autocomplete="off";
            }
            button type="submit" { (t!(l, "respondent-check")) }
        }
    };
    let switch = switch_links(&s, &lang, &format!("/s/{}", s.id));
    Ok(frame(&lang, &title, &switch, &[], content))
}

/// Whether a receipt is counted: during fieldwork, whether it is stored; after close, its inclusion
/// proof in the published tally, checked against the published root.
pub async fn receipt(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<PublicQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (s, questionnaire, lang) = survey_page(&state, &path, query.lang.as_deref(), &req).await?;
    let l = &lang;
    let title = questionnaire.title().get(&lang).to_owned();
    let wanted = query.r.as_deref().unwrap_or("").trim().to_ascii_lowercase();
    let well_formed = survey_token::tally::unhex(&wanted, "receipt").is_ok();
    let content = if !well_formed {
        html! {
            p.notice.bad { (t!(l, "respondent-receipt-64-hexadecimal-digits-0")) }
        }
    } else if matches!(s.state, State::Closed | State::Published) {
        let tally = state.closed_tallies.get(&state.db, &state.settings, &s).await?;
        let published = s.tally.as_ref().and_then(|t| t["root"].as_str()).unwrap_or("");
        match tally.proof(&wanted) {
            Some(proof) if proof.verify(published) => html! {
                p.notice.ok { (t!(l, "respondent-receipt-included-published-tally")) }
                dl.tally {
                    dt { (t!(l, "respondent-position")) } dd { (proof.index + 1) " / " (proof.count) }
                    dt { (t!(l, "respondent-merkle-root")) } dd { code { (proof.root) } }
                    dt { (t!(l, "respondent-inclusion-proof-rfc-6962-audit")) }
                    dd { ol { @for h in &proof.path { li { code { (h) } } } } }
                }
            },
            _ => html! {
                p.notice.bad { (t!(l, "respondent-receipt-not-tally-please-check")) }
            },
        }
    } else if responses::is_stored(&state.db, &s, &wanted).await? {
        html! {
            p.notice.ok { (t!(l, "respondent-response-stored-after-close-you")) }
        }
    } else {
        html! {
            p.notice.bad { (t!(l, "respondent-no-response-receipt-stored")) }
        }
    };
    let switch = switch_links(&s, &lang, &format!("/s/{}/receipt", s.id));
    Ok(frame(
        &lang,
        &title,
        &switch,
        &[],
        html! {
            h1 { (t!(l, "respondent-receipt-check")) }
            p { code.receipt { (wanted) } }
            (content)
            p { a href={ "/s/" (s.id) } { (t!(l, "respondent-surveys-public-page-3")) } }
        },
    ))
}
