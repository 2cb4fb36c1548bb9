//! The anonymous data file of a closed survey and its codebook, as downloads for the operator.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use survey_data::Format;
use survey_design::Lang;
use survey_i18n::msg;

use crate::domain::SurveyId;
use crate::error::AppError;
use crate::services::data_files::{self, Request};
use crate::services::surveys;
use crate::state::AppState;
use crate::web::extract::Operator;

/// The survey page's form: `format` (`csv`, `sav`), `lang` (a questionnaire language; its default
/// when absent) and `free_text` (present when ticked).
#[derive(Deserialize)]
pub struct DataQuery {
    format: Option<String>,
    lang: Option<String>,
    free_text: Option<String>,
}

impl DataQuery {
    /// The survey, its questionnaire and what is asked of it.
    async fn read(
        &self,
        state: &AppState,
        id: SurveyId,
    ) -> Result<
        (
            crate::storage::survey::Model,
            std::sync::Arc<survey_design::Questionnaire>,
            Request,
        ),
        AppError,
    > {
        let s = surveys::find(&state.db, id).await?;
        let q = state.questionnaires.get(&s)?;
        let request = self.request(&q)?;
        Ok((s, q, request))
    }

    fn request(&self, q: &survey_design::Questionnaire) -> Result<Request, AppError> {
        let format = match self.format.as_deref() {
            None => Format::Csv,
            Some(f) => Format::parse(f).ok_or_else(|| AppError::BadRequest(msg!("error-data-format", format = f)))?,
        };
        let lang = match self.lang.as_deref() {
            None => q.default_language().clone(),
            Some(l) => Lang::parse(l).map_err(|e| AppError::BadRequest(e.message()))?,
        };
        Ok(Request {
            format,
            lang,
            free_text: self.free_text.is_some(),
        })
    }
}

pub async fn file(
    state: web::Data<AppState>,
    user: Operator,
    path: web::Path<SurveyId>,
    query: web::Query<DataQuery>,
) -> Result<HttpResponse, AppError> {
    let (s, q, request) = query.read(&state, *path).await?;
    let bytes = data_files::data_file(&state.db, &user.user.email, &q, &s, &request).await?;
    Ok(download(
        request.format.media_type(),
        &format!("data-{}.{}.{}", s.id, request.lang, request.format.extension()),
        bytes,
    ))
}

pub async fn codebook(
    state: web::Data<AppState>,
    _user: Operator,
    path: web::Path<SurveyId>,
    query: web::Query<DataQuery>,
) -> Result<HttpResponse, AppError> {
    let (s, q, request) = query.read(&state, *path).await?;
    let bytes = data_files::codebook(&state.db, &q, &s, &request).await?;
    Ok(download(
        "text/csv; charset=utf-8",
        &format!("data-{}.{}.codebook.csv", s.id, request.lang),
        bytes,
    ))
}

fn download(media_type: &str, name: &str, bytes: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(media_type)
        .insert_header(("Content-Disposition", format!("attachment; filename=\"{name}\"")))
        .body(bytes)
}
