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
    let (s, report) = closed_report(&state, &user, *path).await?;
    let doc = crate::reports::document(&state, &s, &report).await?;
    let content = html! {
        p {
            a href={ "/operator/surveys/" (s.id) } { "← " (s.name) } " · "
            a href={ "/operator/surveys/" (s.id) "/report.csv" } download { (lang.t("集計 CSV", "Aggregates (CSV)")) } " · "
            a href={ "/operator/surveys/" (s.id) "/report.pdf" } { (lang.t("PDF のプレビュー", "PDF preview")) }
        }
        (crate::views::report::body(&doc))
    };
    let title = format!("{} — {}", lang.t("報告（プレビュー）", "Report (preview)"), s.name);
    Ok(html_response(page(lang, &title, Some(&user), content)))
}

pub async fn csv(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    let (s, report) = closed_report(&state, &user, *path).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"report-{}.csv\"", s.id),
        ))
        .body(survey_report::csv::render(&report)))
}

/// The PDF as publishing would store it, typeset now (off the async workers).
pub async fn pdf(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    let (s, report) = closed_report(&state, &user, *path).await?;
    let doc = crate::reports::document(&state, &s, &report).await?;
    let pdf = web::block(move || survey_report::pdf::render(&doc))
        .await
        .map_err(AppError::internal)?
        .map_err(AppError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            "Content-Disposition",
            format!("inline; filename=\"report-{}-preview.pdf\"", s.id),
        ))
        .body(pdf.bytes))
}

/// The survey and its report, for an operator (refused before the close).
async fn closed_report(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
) -> Result<(crate::entities::survey::Model, survey_analysis::Report), AppError> {
    user.require_operator()?;
    let s = surveys::find(&state.db, id).await?;
    let report = crate::reports::build(state, &s).await?;
    Ok((s, report))
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
