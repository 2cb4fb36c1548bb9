//! The operator's preview of a closed survey's report (the tables of `views::report`) and the
//! tidy CSV of the same figures.

use actix_web::{HttpResponse, web};
use maud::html;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;
use crate::surveys;
use crate::views::UiLang;
use crate::views::layout::{html_response, page};

pub async fn show(
    state: web::Data<AppState>,
    user: CurrentUser,
    lang: UiLang,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    user.require_operator()?;
    let s = surveys::find(&state.db, *path).await?;
    let report = crate::reports::build(&state, &s).await?;
    let q = state.questionnaires.get(&s)?;
    let content = html! {
        p {
            a href={ "/operator/surveys/" (s.id) } { "← " (s.name) } " · "
            a href={ "/operator/surveys/" (s.id) "/report.csv" } download { (lang.t("集計 CSV", "Aggregates (CSV)")) }
        }
        (crate::views::report::body(&q, &report, lang))
    };
    let title = format!("{} — {}", lang.t("報告（プレビュー）", "Report (preview)"), s.name);
    Ok(html_response(page(lang, &title, Some(&user), content)))
}

pub async fn csv(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    user.require_operator()?;
    let s = surveys::find(&state.db, *path).await?;
    let report = crate::reports::build(&state, &s).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"report-{}.csv\"", s.id),
        ))
        .body(survey_analysis::csv::render(&report)))
}

/// A published file of the report, as management downloads it.
pub async fn file(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(Uuid, String)>,
) -> Result<HttpResponse, AppError> {
    user.require_operator()?;
    let (id, format) = path.into_inner();
    crate::reports::download(&state.db, id, &format).await
}
