use actix_multipart::Multipart;
use actix_web::{HttpResponse, web};

use super::{refuse, see_other, upload_fields};
use crate::domain::SurveyId;
use crate::error::AppError;
use crate::services::roster::{self, ImportError};
use crate::state::AppState;
use crate::views::UiLang;
use crate::web::extract::Operator;

pub async fn roster(
    state: web::Data<AppState>,
    user: Operator,
    lang: UiLang,
    path: web::Path<SurveyId>,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    let fields = upload_fields(&user, payload).await?;
    let bytes = fields.get("file").map_or(&[][..], Vec::as_slice);
    match roster::import(&state.db, &user.user.email, *path, bytes).await {
        Ok(_) => Ok(see_other(*path, "roster")),
        Err(ImportError::Refused(AppError::BadRequest(p) | AppError::Conflict(p))) => {
            refuse(&state, &user, lang, *path, vec![p.get(lang)]).await
        }
        Err(ImportError::Refused(e)) => Err(e),
        Err(ImportError::Problems(problems)) => {
            let problems = problems.iter().map(|m| m.get(lang)).collect();
            refuse(&state, &user, lang, *path, problems).await
        }
    }
}
