//! The JSON API for operators, authenticated by API tokens (`Authorization: Bearer …`), described by
//! the OpenAPI document at `/api/v1/openapi.json`. It calls the same functions as the operator UI.

mod accounts;
mod organisations;
mod plan;
mod surveys;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError, web};
use serde::Deserialize;

use crate::domain::SurveyId;
use crate::state::AppState;

/// JSON bodies: limited in size, and a malformed one is answered with what is wrong and where.
pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(crate::web::body::MAX_UPLOAD_BYTES)
        .error_handler(|err, _| ApiError::from(crate::web::body::json_problem(&err)).into())
}

/// A body read whole (the roster's CSV, the questionnaire's TOML): too large, or cut off, said so.
pub fn whole_body(read: Result<web::Bytes, actix_web::Error>, limit: usize) -> Result<web::Bytes, ApiError> {
    read.map_err(|e| match e.as_error::<actix_web::error::PayloadError>() {
        Some(actix_web::error::PayloadError::Overflow) => crate::web::body::too_large(limit).into(),
        _ => ApiError::BadRequest(format!("the body cannot be read: {e}")),
    })
}

/// Errors of the JSON API: a stable `code` for programs and a `message` for people.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("missing or unknown API token")]
    Unauthenticated,
    #[error("this token may not do this")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Conflict(String),
    #[error("this path takes {0} only")]
    MethodNotAllowed(&'static str),
    #[error("{0}")]
    TooLarge(String),
    /// Its cause is logged as a chain, never shown.
    #[error("internal error; try again")]
    Internal(#[source] crate::error::Cause),
}

impl ApiError {
    pub fn internal(cause: impl Into<crate::error::Cause>) -> Self {
        Self::Internal(cause.into())
    }

    fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated => "unauthenticated",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not_found",
            Self::BadRequest(_) => "bad_request",
            Self::Conflict(_) => "conflict",
            Self::MethodNotAllowed(_) => "method_not_allowed",
            Self::TooLarge(_) => "too_large",
            Self::Internal(_) => "internal",
        }
    }
}

impl From<crate::error::AppError> for ApiError {
    fn from(e: crate::error::AppError) -> Self {
        use crate::error::AppError as A;
        match e {
            A::NotFound => Self::NotFound,
            A::Unauthenticated => Self::Unauthenticated,
            A::Forbidden => Self::Forbidden,
            A::BadRequest(m) => Self::BadRequest(m.to_string()),
            A::Conflict(m) => Self::Conflict(m.to_string()),
            A::Database(e) => Self::Internal(Box::new(e)),
            A::Internal(cause) => Self::Internal(cause),
            too_large @ A::TooLarge(_) => Self::TooLarge(too_large.to_string()),
            other => Self::Internal(Box::new(other)),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Unauthenticated => StatusCode::UNAUTHORIZED,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            Self::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(cause) = self {
            tracing::error!(error = %crate::error::chain(cause.as_ref()), "API internal error");
        }
        let mut response = HttpResponse::build(self.status_code());
        if let Self::MethodNotAllowed(allowed) = self {
            response.insert_header((actix_web::http::header::ALLOW, *allowed));
        }
        response.json(serde_json::json!({ "code": self.code(), "message": self.to_string() }))
    }
}

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api/v1")
            .service(resource("/openapi.json", "GET").route(web::get().to(openapi)))
            .service(
                resource("/organisations", "GET, POST")
                    .route(web::get().to(organisations::list))
                    .route(web::post().to(organisations::create)),
            )
            .service(resource("/organisations/{id}/users", "POST").route(web::post().to(organisations::add_manager)))
            .service(
                resource("/surveys", "GET, POST")
                    .route(web::get().to(surveys::list))
                    .route(web::post().to(surveys::create)),
            )
            .service(resource("/surveys/{id}", "GET").route(web::get().to(surveys::show)))
            .service(resource("/surveys/{id}/settings", "PUT").route(web::put().to(surveys::put_settings)))
            .service(resource("/surveys/{id}/questionnaire", "PUT").route(web::put().to(surveys::put_questionnaire)))
            .service(resource("/surveys/{id}/roster", "PUT").route(web::put().to(surveys::put_roster)))
            .service(resource("/surveys/{id}/plan", "PUT").route(web::put().to(plan::put_plan)))
            .service(resource("/surveys/{id}/state", "POST").route(web::post().to(surveys::post_state)))
            .service(resource("/surveys/{id}/response-rate", "GET").route(web::get().to(surveys::response_rate)))
            .service(resource("/users", "GET").route(web::get().to(accounts::list_users)))
            .service(resource("/users/{id}/disable", "POST").route(web::post().to(accounts::disable_user)))
            .service(resource("/users/{id}/enable", "POST").route(web::post().to(accounts::enable_user)))
            .service(resource("/tokens", "GET").route(web::get().to(accounts::list_tokens)))
            .service(resource("/tokens/{id}", "DELETE").route(web::delete().to(accounts::revoke_token)))
            .default_service(web::to(not_found)),
    );
}

/// A path of the API: a method it does not take is answered 405 with the ones it does (`Allow`),
/// not 404 as if the path did not exist.
fn resource(path: &str, allowed: &'static str) -> actix_web::Resource {
    web::resource(path).default_service(web::to(move || async move {
        Err::<HttpResponse, _>(ApiError::MethodNotAllowed(allowed))
    }))
}

async fn not_found() -> Result<HttpResponse, ApiError> {
    Err(ApiError::NotFound)
}

/// The OpenAPI document, with this server's bundled templates as the values `template` takes.
/// The OpenAPI document, with this server's bundled templates as the values `template` takes.
async fn openapi(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let mut doc: serde_json::Value = serde_json::from_str(include_str!("openapi.json")).map_err(ApiError::internal)?;
    let names: Vec<&str> = state.templates.iter().map(|t| t.name.as_str()).collect();
    if let Some(template) = doc
        .pointer_mut("/paths/~1api~1v1~1surveys/post/requestBody/content/application~1json/schema/properties/template")
    {
        template["enum"] = serde_json::json!(names);
    }
    Ok(HttpResponse::Ok().json(doc))
}

/// An optional field: absent is `None`, but `null` is refused like any other value of the wrong type
/// (the OpenAPI document gives each field one type; a field is left out, not set to null).
fn present<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// A survey id from the path, or a 400 that says it is not one.
fn survey_id(path: &str) -> Result<SurveyId, ApiError> {
    path.parse()
        .map_err(|_| ApiError::BadRequest(format!("`{path}` is not a survey id (a UUID)")))
}
