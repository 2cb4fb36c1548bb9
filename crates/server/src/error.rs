//! The server's one error type. Its message is written for the person using the page; the cause of an
//! internal error goes to the log, never to the page.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, ContentType};
use actix_web::{HttpResponse, ResponseError};
use survey_i18n::t;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("please log in")]
    Unauthenticated,
    #[error("you are not allowed to do this")]
    Forbidden,
    /// Input the user can fix; the message says how.
    #[error("{0}")]
    BadRequest(Message),
    /// The request does not fit the current state (e.g. scheduling a survey that is open).
    #[error("{0}")]
    Conflict(Message),
    #[error("too many failed logins; try again in {0} minutes")]
    TooManyAttempts(i64),
    #[error("this form has expired; reload the page and try again")]
    Csrf,
    /// A body beyond the limit of its path; the message names the limit.
    #[error("{0}")]
    TooLarge(Message),
    #[error("something went wrong on our side; please try again")]
    Database(#[from] sea_orm::DbErr),
    /// A failure that is not the user's: its cause is logged as a chain, never shown.
    #[error("something went wrong on our side; please try again")]
    Internal(#[source] Cause),
}

/// The cause of an internal error, kept with its own sources.
pub type Cause = Box<dyn std::error::Error + Send + Sync>;

/// An error and every source below it, `: `-separated, for the log.
pub fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// A message for a person, worded in their language when it is shown (in English in logs and
/// in the API's `error`).
pub use survey_i18n::Message;

impl AppError {
    pub fn internal(cause: impl Into<Cause>) -> Self {
        Self::Internal(cause.into())
    }

    /// The message in `lang`.
    pub fn message(&self, lang: impl survey_i18n::Locale + Copy) -> String {
        match self {
            Self::NotFound => t!(lang, "error-not-found"),
            Self::Unauthenticated => t!(lang, "error-log-in"),
            Self::Forbidden => t!(lang, "error-forbidden"),
            Self::TooManyAttempts(minutes) => t!(lang, "error-too-many-attempts", minutes = *minutes),
            Self::Csrf => t!(lang, "error-form-expired"),
            Self::Database(_) | Self::Internal(_) => t!(lang, "error-internal"),
            Self::BadRequest(m) | Self::Conflict(m) | Self::TooLarge(m) => m.get(lang),
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Unauthenticated => StatusCode::UNAUTHORIZED,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::BadRequest(_) | Self::Csrf => StatusCode::BAD_REQUEST,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::TooManyAttempts(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Database(_) | Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::Database(cause) => tracing::error!(error = %chain(cause), "database error"),
            Self::Internal(cause) => tracing::error!(error = %chain(cause.as_ref()), "internal error"),
            _ => {}
        }
        if matches!(self, Self::Unauthenticated) {
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, "/login"))
                .finish();
        }
        let page = crate::views::layout::error_page(self.status_code(), |lang| self.message(lang));
        HttpResponse::build(self.status_code())
            .content_type(ContentType::html())
            .body(page.into_string())
    }
}
