//! Database-backed sessions: the cookie holds a random token, the database its SHA-256, so every
//! server behind a load balancer sees the same sessions and logging out ends them everywhere.

use actix_web::cookie::time::Duration as CookieDuration;
use actix_web::cookie::{Cookie, SameSite};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use super::{digest_hex, random_token};
use crate::error::AppError;
use crate::storage::session;

pub const COOKIE: &str = "survey_session";

/// Starts a session for `user_id` and returns its cookie.
pub async fn start(
    db: &DatabaseConnection,
    user_id: crate::domain::UserId,
    ttl_minutes: i64,
) -> Result<Cookie<'static>, AppError> {
    let token = random_token();
    session::ActiveModel {
        id: Set(digest_hex(&token)),
        user_id: Set(user_id),
        csrf: Set(random_token()),
        expires_at: Set(Utc::now() + Duration::minutes(ttl_minutes)),
    }
    .insert(db)
    .await?;
    // Expired sessions of anyone are cleared on the way, so the table does not grow.
    session::Entity::delete_many()
        .filter(session::Column::ExpiresAt.lt(Utc::now()))
        .exec(db)
        .await?;
    Ok(cookie(token, CookieDuration::minutes(ttl_minutes)))
}

pub async fn end(db: &DatabaseConnection, token: &str) -> Result<Cookie<'static>, AppError> {
    session::Entity::delete_by_id(digest_hex(token)).exec(db).await?;
    Ok(cookie(String::new(), CookieDuration::ZERO))
}

fn cookie(value: String, max_age: CookieDuration) -> Cookie<'static> {
    Cookie::build(COOKIE, value)
        .path("/")
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .max_age(max_age)
        .finish()
}
