//! The operator's preview of a closed survey's report (the report crate's HTML body) and the
//! tidy CSV of the same figures.

use crate::domain::SurveyId;
use actix_web::{HttpResponse, web};
use maud::html;
use survey_i18n::t;

use crate::error::AppError;
use crate::services::surveys;
use crate::state::AppState;
use crate::views::UiLang;
use crate::views::layout::{html_response, page};
use crate::web::extract::Operator;

pub async fn show(
    state: web::Data<AppState>,
    user: Operator,
    lang: UiLang,
    path: web::Path<SurveyId>,
) -> Result<HttpResponse, AppError> {
    let (s, report) = closed_report(&state, *path).await?;
    let doc = crate::services::reports::document(&state, &s, &report).await?;
    let content = html! {
        p {
            a href={ "/operator/surveys/" (s.id) } { "← " (s.name) } " · "
            a href={ "/operator/surveys/" (s.id) "/report.csv" } download { (t!(lang, "operator-aggregates-csv")) } " · "
            a href={ "/operator/surveys/" (s.id) "/report.pdf" } { (t!(lang, "operator-pdf-preview")) }
        }
        (survey_report::html::body(&doc))
    };
    let title = format!("{} — {}", t!(lang, "operator-report-preview"), s.name);
    Ok(html_response(page(lang, &title, Some(&user), content)))
}

pub async fn csv(
    state: web::Data<AppState>,
    _user: Operator,
    path: web::Path<SurveyId>,
) -> Result<HttpResponse, AppError> {
    let (s, report) = closed_report(&state, *path).await?;
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
    _user: Operator,
    path: web::Path<SurveyId>,
) -> Result<HttpResponse, AppError> {
    let (s, report) = closed_report(&state, *path).await?;
    let doc = crate::services::reports::document(&state, &s, &report).await?;
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

/// The survey and its report (refused before the close).
async fn closed_report(
    state: &AppState,
    id: SurveyId,
) -> Result<(crate::storage::survey::Model, survey_analysis::Report), AppError> {
    let s = surveys::find(&state.db, id).await?;
    let report = crate::services::reports::build(state, &s).await?;
    Ok((s, report))
}

/// A published file of the report, as management downloads it.
pub async fn file(
    state: web::Data<AppState>,
    _user: Operator,
    path: web::Path<(SurveyId, String, String)>,
) -> Result<HttpResponse, AppError> {
    let (id, language, format) = path.into_inner();
    crate::services::reports::download(&state.db, id, &language, &format).await
}
