//! Each survey's public page: its issuer keys with fingerprints, the SHA-256 of every script and
//! stylesheet served to respondents (`survey client verify` compares them with a release), and after
//! close the tally (count, segments of at least k, Merkle root) with a receipt check.
//! The same for everyone, so no respondent can be singled out with a key of their own.

use actix_web::{HttpResponse, web};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use maud::html;

use super::invite::fingerprint;
use super::{find_survey_id, frame, survey_page, switch_links, ui};
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
) -> Result<HttpResponse, AppError> {
    let (s, questionnaire, lang) = survey_page(&state, &path, query.lang.as_deref()).await?;
    let l = ui(&lang);
    let title = questionnaire.title().get(&lang).to_owned();
    let keys = issuance::keys(&state.db, s.id).await?;
    let tally = s.tally.clone();
    let content = html! {
        h1 { (title) }
        p { (l.t("状態: ", "State: ")) (crate::views::components::state_badge(l, s.state)) }
        h2 { (l.t("発行者の鍵", "Issuer keys")) }
        @if keys.is_empty() {
            p.muted { (l.t("鍵は調査が予定に入ったときに作られます。", "Keys are made when the survey is scheduled.")) }
        } @else {
            table {
                thead { tr { th { (l.t("グループ", "Group")) } th { (l.t("鍵の指紋（SHA-256）", "Key fingerprint (SHA-256)")) } } }
                tbody {
                    @for k in &keys {
                        tr {
                            td { (crate::views::components::segment_name(l, &k.segment)) }
                            td { code.fingerprint { (fingerprint(&k.key_id)) } }
                        }
                    }
                }
            }
            p.muted {
                (l.t("機械が読む一覧: ", "Machine-readable: "))
                a href={ "/s/" (s.id) "/token-keys" } { "token-keys" }
            }
        }
        h2 { (l.t("ブラウザ用クライアント", "Browser client")) }
        p { (l.t("回答者のブラウザに送られるスクリプトとスタイルシートのすべてと、その SHA-256 です。リリースのものと同じであることを survey client verify で確かめられます。",
                 "Every script and stylesheet served to respondents, with its SHA-256. `survey client verify` checks that they are a release's.")) }
        table.assets {
            thead { tr { th { (l.t("ファイル", "File")) } th { "SHA-256" } } }
            tbody {
                @for (path, hash) in crate::web::assets::published() {
                    tr {
                        td { code { (path) } }
                        td { code.sha256 data-asset=(path) { (hash) } }
                    }
                }
            }
        }
        h2 { (l.t("集計", "Tally")) }
        @match &tally {
            Some(t) => {
                dl.tally {
                    dt { (l.t("数えた回答", "Counted responses")) } dd { (t["count"]) }
                    dt { (l.t("マークル根（RFC 6962）", "Merkle root (RFC 6962)")) } dd { code { (t["root"].as_str().unwrap_or("")) } }
                }
                @if let Some(segments) = t["segments"].as_array().filter(|a| !a.is_empty()) {
                    table {
                        thead { tr { th { (l.t("グループ", "Group")) } th.num { (l.t("回答数", "Responses")) } } }
                        tbody {
                            @for seg in segments {
                                tr {
                                    td { (crate::views::components::segment_name(l, seg[0].as_str().unwrap_or(""))) }
                                    td.num { (seg[1]) }
                                }
                            }
                        }
                    }
                    p.muted { (l.pick(format!("回答が{k}件未満のグループは表示していません。差し引きで分からないよう、必要に応じて他のグループも合わせて非表示にしています（報告書と同じグループです）。", k = s.k_threshold),
                                   format!("Groups with fewer than {k} responses are not shown, nor, where subtraction would reveal them, enough others (the same groups as in the report).", k = s.k_threshold))) }
                }
            }
            None => p.muted { (l.t("集計は締切後に公開されます。", "The tally is published when the survey closes.")) },
        }
        h2 { (l.t("受領番号の確認", "Check a receipt")) }
        form.stack method="get" action={ "/s/" (s.id) "/receipt" } {
            input type="hidden" name="lang" value=(lang.as_str());
            label { (l.t("受領番号", "Receipt"))
                input name="r" required pattern="[0-9a-fA-F]{64}" value=(query.r.as_deref().unwrap_or("")) autocomplete="off";
            }
            button type="submit" { (l.t("確認する", "Check")) }
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
) -> Result<HttpResponse, AppError> {
    let (s, questionnaire, lang) = survey_page(&state, &path, query.lang.as_deref()).await?;
    let l = ui(&lang);
    let title = questionnaire.title().get(&lang).to_owned();
    let wanted = query.r.as_deref().unwrap_or("").trim().to_ascii_lowercase();
    let well_formed = survey_token::tally::unhex(&wanted, "receipt").is_ok();
    let content = if !well_formed {
        html! {
            p.notice.bad { (l.t("受領番号は 64 桁の16進数（0–9, a–f）です。", "A receipt is 64 hexadecimal digits (0–9, a–f).")) }
        }
    } else if matches!(s.state, State::Closed | State::Published) {
        let tally = state.closed_tallies.get(&state.db, &state.settings, &s).await?;
        let published = s.tally.as_ref().and_then(|t| t["root"].as_str()).unwrap_or("");
        match tally.proof(&wanted) {
            Some(proof) if proof.verify(published) => html! {
                p.notice.ok { (l.t("この受領番号は公開された集計に含まれています。", "This receipt is included in the published tally.")) }
                dl.tally {
                    dt { (l.t("位置", "Position")) } dd { (proof.index + 1) " / " (proof.count) }
                    dt { (l.t("マークル根", "Merkle root")) } dd { code { (proof.root) } }
                    dt { (l.t("包含証明（RFC 6962 の監査パス）", "Inclusion proof (RFC 6962 audit path)")) }
                    dd { ol { @for h in &proof.path { li { code { (h) } } } } }
                }
            },
            _ => html! {
                p.notice.bad { (l.t("この受領番号は集計に含まれていません。番号を確かめてください。",
                                    "This receipt is not in the tally. Please check the number.")) }
            },
        }
    } else if responses::is_stored(&state.db, &s, &wanted).await? {
        html! {
            p.notice.ok { (l.t("この回答は保存されています。締切後、公開される集計で包含証明を確認できます。",
                               "This response is stored. After the close you can check its inclusion proof in the published tally.")) }
        }
    } else {
        html! {
            p.notice.bad { (l.t("この受領番号の回答は見つかりません。", "No response with this receipt is stored.")) }
        }
    };
    let switch = switch_links(&s, &lang, &format!("/s/{}/receipt", s.id));
    Ok(frame(
        &lang,
        &title,
        &switch,
        &[],
        html! {
            h1 { (l.t("受領番号の確認", "Receipt check")) }
            p { code.receipt { (wanted) } }
            (content)
            p { a href={ "/s/" (s.id) } { (l.t("調査の公開ページへ", "To the survey's public page")) } }
        },
    ))
}
