use actix_web::{HttpResponse, web};

use super::{CsrfForm, outcome};
use crate::domain::{JobId, SurveyId};
use crate::error::AppError;
use crate::services::surveys;
use crate::state::AppState;
use crate::views::UiLang;
use crate::web::extract::Operator;

/// "Send now" on a pending reminder.
pub async fn remind_now(
    state: web::Data<AppState>,
    user: Operator,
    lang: UiLang,
    path: web::Path<(SurveyId, JobId)>,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, AppError> {
    user.check_csrf(&form.csrf)?;
    let (survey_id, job_id) = path.into_inner();
    let result = surveys::remind_now(&state.db, &user.user.email, survey_id, job_id).await;
    outcome(&state, &user, lang, survey_id, result, "jobs").await
}
