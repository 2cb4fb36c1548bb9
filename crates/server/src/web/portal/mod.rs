//! The management portal: a client's managers see their own organisation's surveys, read-only, and
//! view and download the published reports — the same stored files the operator has, never raw
//! responses.

use actix_web::{HttpResponse, web};
use maud::html;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use survey_i18n::t;

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
        .route("/portal/surveys/{id}/files/{language}/{format}", web::get().to(file));
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
            thead { tr { th { (t!(lang, "portal-survey")) } th { (t!(lang, "portal-state")) } th.num { (t!(lang, "portal-ballots-taken")) } } }
            tbody {
                @for (s, rate) in &rows {
                    tr { td { a href={ "/portal/surveys/" (s.id) } { (s.name) } } td { (state_badge(lang, s.state)) } td.num { (rate) } }
                }
            }
        }
        p.muted { (t!(lang, "portal-published-reports-each-surveys-page")) }
    };
    Ok(html_response(page(
        lang,
        &t!(lang, "portal-results"),
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
        p { (state_badge(lang, s.state)) " · " (t!(lang, "portal-ballots-taken")) ": " (figures.overall) }
        h2 { (t!(lang, "portal-reports")) }
        (file_list(&files, |language, format| format!("/portal/surveys/{}/files/{language}/{format}", s.id), lang))
        h2 { (t!(lang, "portal-ballots-taken")) }
        // The report's response rate counts the answers actually sent, so it can be lower (a ballot
        // taken and never used).
        p.hint { (t!(lang, "portal-share-invitees-who-took-their")) }
        @if let Some(day) = figures.day { p.muted { (t!(lang, "portal-taken-on-utc")) " " (day) } }
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
    path: web::Path<(SurveyId, String, String)>,
) -> Result<HttpResponse, AppError> {
    let (id, language, format) = path.into_inner();
    let s = own_survey(&state, &user, id).await?;
    crate::services::reports::download(&state.db, s.id, &language, &format).await
}
