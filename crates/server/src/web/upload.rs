//! Reading a multipart form (file uploads) into memory, within the upload limit.

use std::collections::HashMap;
use survey_i18n::msg;

use actix_multipart::Multipart;
use futures_util::StreamExt;

use crate::error::AppError;
use crate::web::body::MAX_UPLOAD_BYTES;

/// Every field of the form, by name (files and text alike).
pub async fn fields(mut payload: Multipart) -> Result<HashMap<String, Vec<u8>>, AppError> {
    let mut fields = HashMap::new();
    let mut total = 0;
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(malformed)?;
        let name = field.name().unwrap_or_default().to_owned();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(malformed)?;
            total += chunk.len();
            if total > MAX_UPLOAD_BYTES {
                return Err(too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        fields.insert(name, bytes);
    }
    Ok(fields)
}

fn too_large() -> AppError {
    let mb = MAX_UPLOAD_BYTES / (1024 * 1024);
    AppError::TooLarge(msg!("error-upload-too-large-most-mb", mb = mb.to_string()))
}

/// A form that cannot be read: too large as a whole (the body's cap, envelope included), or broken.
fn malformed(e: actix_multipart::MultipartError) -> AppError {
    match e {
        actix_multipart::MultipartError::Payload(actix_web::error::PayloadError::Overflow) => too_large(),
        e => AppError::BadRequest(msg!("error-upload-malformed", e = e.to_string())),
    }
}

/// A text field of the form, as UTF-8.
pub fn text(fields: &HashMap<String, Vec<u8>>, name: &str) -> Result<String, AppError> {
    let bytes = fields
        .get(name)
        .ok_or_else(|| AppError::BadRequest(msg!("error-form-has-no", name = name.to_string())))?;
    String::from_utf8(bytes.clone())
        .map_err(|_| AppError::BadRequest(msg!("error-not-utf-8-text", name = name.to_string())))
}
