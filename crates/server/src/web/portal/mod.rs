//! The management portal: a client's managers see their own organisation's surveys, read-only, and
//! view and download the published reports — the same stored files the operator has, never raw
//! responses.

use actix_web::{HttpResponse, web};
use maud::html;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::domain::{OrganisationId, SurveyId};
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::{organisation, survey};
use crate::views::UiLang;
use crate::views::components::{client_rate_table, file_list, state_badge};
use crate::views::layout::{html_response, page};
use crate::web::extract::CurrentUser;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/portal", web::get().to(home))
        .route("/portal/surveys/{id}", web::get().to(show))
        .route("/portal/surveys/{id}/files/{format}", web::get().to(file));
}

/// The organisation a management user belongs to; operators are sent to their own pages.
fn scope(user: &CurrentUser) -> Result<OrganisationId, AppError> {
    user.organisation_scope().ok_or(AppError::Forbidden)
}

async fn home(state: web::Data<AppState>, user: CurrentUser, lang: UiLang) -> Result<HttpResponse, AppError> {
    let org_id = scope(&user)?;
    let org = organisation::Entity::find_by_id(org_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::Forbidden)?;
    let surveys = survey::Entity::find()
        .filter(survey::Column::OrganisationId.eq(org_id))
        .order_by_desc(survey::Column::CreatedAt)
        .all(&state.db)
        .await?;
    let mut rows = Vec::new();
    for s in &surveys {
        rows.push((
            s,
            crate::services::roster::rates(&state.db, s.id)
                .await?
                .overall_shown(s.k_threshold),
        ));
    }
    let content = html! {
        p { (org.name) }
        table {
            thead { tr { th { (lang.t("調査", "Survey")) } th { (lang.t("状態", "State")) } th.num { (lang.t("回答券の発行率", "Ballots taken")) } } }
            tbody {
                @for (s, rate) in &rows {
                    tr { td { a href={ "/portal/surveys/" (s.id) } { (s.name) } } td { (state_badge(lang, s.state)) } td.num { (rate) } }
                }
            }
        }
        p.muted { (lang.t("公開された報告書は各調査のページにあります。", "Published reports are on each survey's page.")) }
    };
    Ok(html_response(page(
        lang,
        lang.t("調査結果", "Results"),
        Some(&user),
        content,
    )))
}

async fn show(
    state: web::Data<AppState>,
    user: CurrentUser,
    lang: UiLang,
    path: web::Path<SurveyId>,
) -> Result<HttpResponse, AppError> {
    let s = own_survey(&state, &user, *path).await?;
    let files = crate::services::reports::published(&state.db, s.id).await?;
    let figures = crate::services::live_figures::client_figures(&state.db, &s).await?;
    let content = html! {
        p { (state_badge(lang, s.state)) " · " (lang.t("回答券の発行率", "Ballots taken")) ": " (figures.overall) }
        h2 { (lang.t("報告書", "Reports")) }
        (file_list(&files, |format| format!("/portal/surveys/{}/files/{format}", s.id), lang))
        h2 { (lang.t("回答券の発行率", "Ballots taken")) }
        // The report's response rate counts the answers actually sent, so it can be lower (a ballot
        // taken and never used).
        p.hint { (lang.t(
            "匿名の回答券を受け取った人の割合です。調査期間中は1日1回更新し、5%単位に丸め、回答券が k 人に満たないグループは（差し引きで分からないよう他のグループと合わせて）表示しません。報告書の回答率は実際に送信された回答の数から計算するため、これより低くなることがあります。",
            "The share of invitees who took their anonymous ballot. During fieldwork it is updated once a day and rounded to 5 %, and groups with fewer than k ballots are not shown (nor, so that subtraction cannot reveal them, enough others). The report's response rate counts the answers actually sent, so it can be lower.",
        )) }
        @if let Some(day) = figures.day { p.muted { (lang.t("集計日（UTC）: ", "Taken on (UTC): ")) (day) } }
        (client_rate_table(lang, &figures))
    };
    Ok(html_response(page(lang, &s.name, Some(&user), content)))
}

/// A survey of the user's own organisation. Another organisation's is "not found", not
/// "forbidden": its existence is not disclosed.
async fn own_survey(state: &AppState, user: &CurrentUser, id: SurveyId) -> Result<survey::Model, AppError> {
    let org_id = scope(user)?;
    survey::Entity::find_by_id(id)
        .filter(survey::Column::OrganisationId.eq(org_id))
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)
}

async fn file(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(SurveyId, String)>,
) -> Result<HttpResponse, AppError> {
    let (id, format) = path.into_inner();
    let s = own_survey(&state, &user, id).await?;
    crate::services::reports::download(&state.db, s.id, &format).await
}
