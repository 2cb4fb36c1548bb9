use actix_multipart::Multipart;
use actix_web::{HttpResponse, web};

use super::{outcome, upload_fields};
use crate::domain::SurveyId;
use crate::error::AppError;
use crate::services::surveys;
use crate::state::AppState;
use crate::views::UiLang;
use crate::web::extract::Operator;
use crate::web::upload;

pub async fn questionnaire(
    state: web::Data<AppState>,
    user: Operator,
    lang: UiLang,
    path: web::Path<SurveyId>,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    let fields = upload_fields(&user, payload).await?;
    let source = upload::text(&fields, "file")?;
    let result = surveys::replace_questionnaire(&state.db, &user.user.email, *path, source).await;
    outcome(&state, &user, lang, *path, result, "questionnaire").await
}
