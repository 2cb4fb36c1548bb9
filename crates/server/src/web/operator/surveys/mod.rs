//! One survey in the operator UI: making it, its page, and one file per action on it (settings,
//! questionnaire and roster while draft, plan, state, reminders). Each action handler parses its
//! form, calls the one service function of the action and renders the outcome.

mod create;
mod page;
mod plan;
mod questionnaire;
mod remind;
mod roster;
mod settings;
mod state;

pub use create::{create, new_form};
pub use page::{show, tally_json};
pub use plan::{plan_dates, propose_plan};
pub use questionnaire::questionnaire;
pub use remind::remind_now;
pub use roster::roster;
pub use settings::settings;
pub use state::change_state;

use std::collections::HashMap;

use actix_multipart::Multipart;
use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use serde::Deserialize;

use crate::domain::SurveyId;
use crate::error::AppError;
use crate::state::AppState;

use crate::services::surveys;
use crate::views::UiLang;
use crate::views::layout::html_response;
use crate::web::extract::CurrentUser;
use crate::web::upload;

fn see_other(id: SurveyId, done: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("/operator/surveys/{id}?done={done}")))
        .finish()
}

/// Renders the survey page again, as it is now, with problems, as a 422.
async fn refuse(
    state: &AppState,
    user: &CurrentUser,
    lang: UiLang,
    id: SurveyId,
    problems: Vec<String>,
) -> Result<HttpResponse, AppError> {
    let s = surveys::find(&state.db, id).await?;
    let mut response = html_response(page::survey_page(state, user, lang, &s, None, &problems).await?);
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// After an action on a survey: on success a redirect to the survey page with a notice; on a
/// refusal the survey page again with the problem.
async fn outcome<T>(
    state: &AppState,
    user: &CurrentUser,
    lang: UiLang,
    id: SurveyId,
    result: Result<T, AppError>,
    done: &str,
) -> Result<HttpResponse, AppError> {
    match result {
        Ok(_) => Ok(see_other(id, done)),
        Err(AppError::BadRequest(p) | AppError::Conflict(p)) => {
            refuse(state, user, lang, id, p.get(lang).lines().map(str::to_owned).collect()).await
        }
        Err(e) => Err(e),
    }
}

/// The fields of an upload form, once the CSRF token is checked.
async fn upload_fields(user: &CurrentUser, payload: Multipart) -> Result<HashMap<String, Vec<u8>>, AppError> {
    let fields = upload::fields(payload).await?;
    user.check_csrf(&upload::text(&fields, "csrf")?)?;
    Ok(fields)
}

#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

/// A comma-separated list as typed (Japanese 、 too).
fn list(text: &str) -> Vec<String> {
    text.split([',', '、'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}
