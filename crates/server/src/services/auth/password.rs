//! Password hashing with argon2id, off the async workers (it is slow on purpose).

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use survey_i18n::msg;

use crate::error::AppError;

pub async fn hash(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let hash: PasswordHash = Argon2::default().hash_password(password.as_bytes())?;
        Ok::<String, argon2::password_hash::Error>(hash.to_string())
    })
    .await
    .map_err(AppError::internal)?
    .map_err(AppError::internal)
}

/// Whether `password` matches the stored hash. A hash that cannot be read counts as no match.
pub async fn verify(password: String, stored: String) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored)
            .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await
    .map_err(AppError::internal)
}

/// A password strong enough for an account of this platform: at least 12 characters.
pub fn check_strength(password: &str) -> Result<(), AppError> {
    if password.chars().count() < 12 {
        return Err(AppError::BadRequest(msg!("error-password-must-least-12-characters")));
    }
    Ok(())
}
