//! Request bodies: their limits, and what a refused one is told. Every body the server reads is
//! bounded; one beyond its path's limit is answered 413 with the limit, a malformed one 400 with what
//! is wrong — never a 5xx, never a panic, and nothing is changed.

use actix_web::HttpMessage as _;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::error::{JsonPayloadError, PayloadError, UrlencodedError};
use actix_web::http::header::CONTENT_TYPE;
use actix_web::middleware::Next;
use actix_web::web::{self, Bytes, BytesMut};
use futures_util::StreamExt;
use survey_i18n::msg;

use crate::error::AppError;

/// A body larger than `limit` bytes.
pub fn too_large(limit: usize) -> AppError {
    AppError::TooLarge(msg!("error-body-larger-than-bytes-most", limit = limit.to_string()))
}

/// What is wrong with a JSON body, for a person: the syntax error with its line and column (serde_json
/// refuses nesting deeper than 128 levels, so a deeply nested body is a syntax error, never a deep
/// recursion), the media type, or the size (413).
pub fn json_problem(err: &JsonPayloadError) -> AppError {
    match err {
        JsonPayloadError::Deserialize(e) => AppError::BadRequest(msg!("error-json-body-not-valid", e = e.to_string())),
        JsonPayloadError::ContentType => AppError::BadRequest(msg!("error-send-body-application-json")),
        JsonPayloadError::Overflow { limit } | JsonPayloadError::OverflowKnownLength { limit, .. } => too_large(*limit),
        other => AppError::BadRequest(msg!("error-body-cannot-read", other = other.to_string())),
    }
}

/// Forms (`application/x-www-form-urlencoded`) of at most `limit` bytes; a refusal says why, on the
/// server's error page.
pub fn form_config(limit: usize) -> web::FormConfig {
    web::FormConfig::default().limit(limit).error_handler(|err, _| {
        match err {
            UrlencodedError::Overflow { limit, .. } => too_large(limit),
            UrlencodedError::ContentType => AppError::BadRequest(msg!("error-send-form-application-x-www")),
            other => AppError::BadRequest(msg!("error-form-cannot-read", other = other.to_string())),
        }
        .into()
    })
}

/// The most any request body may hold, whatever reads it: the upload limit, with room for the
/// envelope of a multipart form around an upload of that size.
/// Largest upload (roster, questionnaire): a roster of tens of thousands of employees fits.
pub const MAX_UPLOAD_BYTES: usize = 8 * 1024 * 1024;

pub const MAX_BODY_BYTES: usize = crate::web::body::MAX_UPLOAD_BYTES + 64 * 1024;

/// Caps every request body at [`MAX_BODY_BYTES`] as it streams in: the extractors have their own,
/// smaller limits, but a multipart form is read field by field, and its envelope (headers, names,
/// boundaries) would otherwise not count. Past the cap the reader gets `PayloadError::Overflow`.
pub async fn limit_bodies<B: MessageBody + 'static>(
    mut req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<B>, actix_web::Error> {
    let mut seen = 0usize;
    let limited = req.take_payload().map(move |chunk| {
        let chunk = chunk?;
        seen += chunk.len();
        if seen > MAX_BODY_BYTES {
            Err(PayloadError::Overflow)
        } else {
            Ok(chunk)
        }
    });
    let limited: std::pin::Pin<Box<dyn futures_util::Stream<Item = Result<Bytes, PayloadError>>>> = Box::pin(limited);
    req.set_payload(actix_web::dev::Payload::from(limited));
    next.call(req).await
}

/// Refuses a form whose fields, once percent-decoded, are not UTF-8 text or hold a NUL character
/// (which no text of the server may hold: PostgreSQL cannot store it). Without this, the form
/// extractor would quietly turn such bytes into U+FFFD and store text the sender never wrote.
/// The form is read here within the upload limit, checked, and handed on unchanged.
pub async fn utf8_forms<B: MessageBody + 'static>(
    mut req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    // A form in another declared charset (no browser sends one from these UTF-8 pages) is decoded,
    // strictly, by the form extractor itself.
    let is_form = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.to_ascii_lowercase().replace(' ', ""))
        .is_some_and(|v| {
            v.starts_with("application/x-www-form-urlencoded")
                && (!v.contains("charset=") || v.contains("charset=utf-8"))
        });
    if is_form && let Err(refused) = read_checked_form(&mut req).await {
        return Ok(req.error_response(refused).map_into_right_body());
    }
    Ok(next.call(req).await?.map_into_left_body())
}

/// Reads the form within the upload limit, checks it and puts it back for the handler.
async fn read_checked_form(req: &mut ServiceRequest) -> Result<(), AppError> {
    let limit = crate::web::body::MAX_UPLOAD_BYTES;
    let mut payload = req.take_payload();
    let mut body = BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| AppError::BadRequest(msg!("error-form-cannot-read-2", e = e.to_string())))?;
        if body.len() + chunk.len() > limit {
            return Err(too_large(limit));
        }
        body.extend_from_slice(&chunk);
    }
    check_form_text(&body)?;
    req.set_payload(actix_web::dev::Payload::from(Bytes::from(body)));
    Ok(())
}

/// The check of [`utf8_forms`]: every field name and value, percent-decoded, is UTF-8 without NUL.
pub fn check_form_text(body: &[u8]) -> Result<(), AppError> {
    let hex = |c: u8| char::from(c).to_digit(16).and_then(|d| u8::try_from(d).ok());
    let mut decoded = Vec::with_capacity(body.len());
    let mut rest = body;
    while let Some((&b, tail)) = rest.split_first() {
        rest = tail;
        if b == b'%'
            && let [h, l, after @ ..] = tail
            && let (Some(h), Some(l)) = (hex(*h), hex(*l))
        {
            decoded.push(h << 4 | l);
            rest = after;
        } else {
            decoded.push(b);
        }
    }
    match std::str::from_utf8(&decoded) {
        Err(e) => Err(AppError::BadRequest(msg!(
            "error-form-not-utf8",
            at = e.valid_up_to() + 1
        ))),
        Ok(text) if text.contains('\0') => Err(AppError::BadRequest(msg!("error-form-holds-nul-character-00"))),
        Ok(_) => Ok(()),
    }
}
