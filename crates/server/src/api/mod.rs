//! The JSON API for operators, authenticated by API tokens (`Authorization: Bearer …`), described by
//! the OpenAPI document at `/api/v1/openapi.json`. It calls the same functions as the operator UI.

mod routes;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError, web};

pub use routes::config;

/// JSON bodies: limited in size, and a malformed one is answered with what is wrong and where.
pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(crate::startup::MAX_UPLOAD_BYTES)
        .error_handler(|err, _| ApiError::from(crate::body::json_problem(&err)).into())
}

/// A body read whole (the roster's CSV, the questionnaire's TOML): too large, or cut off, said so.
pub fn whole_body(read: Result<web::Bytes, actix_web::Error>, limit: usize) -> Result<web::Bytes, ApiError> {
    read.map_err(|e| match e.as_error::<actix_web::error::PayloadError>() {
        Some(actix_web::error::PayloadError::Overflow) => crate::body::too_large(limit).into(),
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
    #[error("internal error; try again")]
    Internal(String),
}

impl ApiError {
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        Self::Internal(cause.to_string())
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
            A::BadRequest(m) => Self::BadRequest(m.en),
            A::Conflict(m) => Self::Conflict(m.en),
            A::Database(e) => Self::Internal(e.to_string()),
            too_large @ A::TooLarge(_) => Self::TooLarge(too_large.to_string()),
            other => Self::Internal(other.to_string()),
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
            tracing::error!(error = %cause, "API internal error");
        }
        let mut response = HttpResponse::build(self.status_code());
        if let Self::MethodNotAllowed(allowed) = self {
            response.insert_header((actix_web::http::header::ALLOW, *allowed));
        }
        response.json(serde_json::json!({ "code": self.code(), "message": self.to_string() }))
    }
}
