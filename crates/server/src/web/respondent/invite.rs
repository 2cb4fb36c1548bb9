//! `/i/{code}`: the invitee's page. It explains what the firm and the company can and cannot see,
//! shows the key the ballot will be signed with, and runs the browser client (`invite.js`), which
//! blinds, asks `/i/{code}/token-request` for the signature, finalises and verifies the token, keeps
//! it in the browser and moves on to the answer page — which carries no invitation code.

use actix_web::http::header::ContentType;
use actix_web::{HttpRequest, HttpResponse, web};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use maud::{Markup, html};
use survey_design::Lang;

use super::{LangQuery, Refusal, frame, pick_lang, switch_links, ui};
use crate::error::AppError;
use crate::services::issuance;
use crate::services::surveys::State;
use crate::state::AppState;
use crate::storage::{invitation, survey};

pub async fn page_for(
    state: &AppState,
    code: &str,
    asked: Option<&str>,
) -> Result<(invitation::Model, survey::Model, Lang), AppError> {
    let (invitee, s) = issuance::invitation_by_code(&state.db, &state.hmac_key, code).await?;
    let lang = pick_lang(&s, asked, &invitee.language);
    Ok((invitee, s, lang))
}

pub async fn page(
    state: web::Data<AppState>,
    code: web::Path<String>,
    query: web::Query<LangQuery>,
) -> Result<HttpResponse, AppError> {
    let (invitee, s, lang) = page_for(&state, &code, query.lang.as_deref()).await?;
    let l = ui(&lang);
    let questionnaire = state.questionnaires.get(&s)?;
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
                    h2 { (l.t("匿名の回答券", "Your anonymous ballot")) }
                    p {
                        (l.t("回答券はこの鍵で署名されます（所属グループ: ", "The ballot is signed with this key (your group: "))
                        strong { (crate::views::components::segment_name(l, &key.segment)) }
                        (l.t("）。鍵の指紋:", "). Key fingerprint:"))
                    }
                    p { code.fingerprint { (fingerprint(&key.key_id)) } }
                    p.muted {
                        (l.t("同じ鍵の一覧は誰でも ", "Anyone can compare it with the list at "))
                        a href={ "/s/" (s.id) } { (l.t("調査の公開ページ", "the survey's public page")) }
                        (l.t(" で確認できます。", "."))
                    }
                    button #start type="button" disabled { (l.t("回答券を受け取って回答を始める", "Take my ballot and start")) }
                    p #status role="status" aria-live="polite" {}
                    p.error #problem role="alert" hidden {}
                    noscript {
                        p.notice.bad {
                            (l.t("この回答券はブラウザの JavaScript で作られます。JavaScript を有効にしてこのページを開き直してください。",
                                 "The ballot is made by JavaScript in your browser. Please enable JavaScript and open this page again."))
                        }
                        @if s.allow_fallback {
                            form method="post" action={ "/i/" (code.as_str()) "/fallback" } {
                                input type="hidden" name="lang" value=(lang.as_str());
                                p.notice.weak {
                                    strong { (l.t("より弱い方法: ", "Weaker option: ")) }
                                    (l.t("JavaScript を使わずに回答することもできます。その場合は回答券をサーバーが作るため、匿名性は調査会社を信頼することに依存します。",
                                         "You can answer without JavaScript. The server then makes your ballot, so your anonymity rests on trusting the research firm."))
                                }
                                button type="submit" { (l.t("JavaScript なしで回答する（弱い匿名性）", "Answer without JavaScript (weaker anonymity)")) }
                            }
                        }
                    }
                }
            }
        }
        State::Draft | State::Scheduled => html! {
            p.notice { (l.t("この調査はまだ始まっていません。開始後にもう一度このリンクを開いてください。",
                            "This survey has not opened yet. Please open this link again once it has.")) }
        },
        State::Closed | State::Published => html! {
            p.notice { (l.t("この調査は締め切られました。ご協力ありがとうございました。",
                            "This survey is closed. Thank you for your interest.")) }
            p { a href={ "/s/" (s.id) } { (l.t("集計結果（回答数と検証用の値）", "The tally (count and values to check it)")) } }
        },
    };
    let switch = switch_links(&s, &lang, &format!("/i/{}", code.as_str()));
    Ok(frame(
        &lang,
        &title,
        &switch,
        &["/static/token.js", "/static/invite.js"],
        html! { h1 { (title) } (body) },
    ))
}

/// What the firm and the company can and cannot see, in plain words.
fn explanation(s: &survey::Model, lang: &Lang) -> Markup {
    let l = ui(lang);
    html! {
        section.explain {
            h2 { (l.t("あなたの回答の扱い", "How your answers are handled")) }
            ul {
                li { (l.t("このリンクを開くと、あなたのブラウザの中で匿名の回答券が作られます。サーバーは回答券に署名しますが、署名の時点で回答券の中身を見ることはできません（ブラインド署名）。",
                          "Opening this link makes an anonymous ballot inside your browser. The server signs it without seeing it (a blind signature).")) }
                li { (l.t("回答はその回答券だけで送られ、招待リンクやメールアドレスとは結び付きません。調査会社も会社も、誰がどう回答したかを知ることはできません。",
                          "Your answers are sent with the ballot only, never with this link or your e-mail address. Neither the research firm nor the company can tell who answered what.")) }
                li { (l.t("記録されるのは「回答券を受け取ったかどうか」だけで、日時は記録されません。",
                          "The only thing recorded about you is whether you took a ballot, not when.")) }
                li {
                    (l.t("会社が見るのは集計結果だけです。", "The company sees only aggregated results. "))
                    (l.pick(ja_threshold(s), en_threshold(s)))
                }
                li { (l.t("回答後に受領番号が表示されます。締切後に公開される集計に自分の回答が含まれていることを確認できます。",
                          "After answering you get a receipt, with which you can check that your response is in the tally published at close.")) }
            }
        }
    }
}

fn ja_threshold(s: &survey::Model) -> String {
    format!(
        "回答者が{}人未満のグループの数値は表示されず、自由記述は{}人以上のグループでのみ示されます。",
        s.k_threshold, s.comment_threshold
    )
}

fn en_threshold(s: &survey::Model) -> String {
    format!(
        "No figure is shown for a group of fewer than {} respondents, and comments only for groups of at least {}.",
        s.k_threshold, s.comment_threshold
    )
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
            AppError::bad(
                "send the token request as application/private-token-request",
                "回答券の要求は application/private-token-request で送ってください",
            ),
            &lang,
        ));
    }
    let body = body.map_err(|e| {
        let problem = match e.as_error::<actix_web::error::PayloadError>() {
            Some(actix_web::error::PayloadError::Overflow) => crate::web::body::too_large(super::TOKEN_REQUEST_LIMIT),
            _ => AppError::bad(
                format!("the token request cannot be read: {e}"),
                format!("回答券の要求を読み取れません: {e}"),
            ),
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
) -> Result<HttpResponse, AppError> {
    let (invitee, s, lang) = page_for(&state, &code, form.lang.as_deref()).await?;
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
    let questionnaire = state.questionnaires.get(&s)?;
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
