//! Request extractors: the logged-in user of a page, or the owner of an API token.

use std::future::Future;
use std::pin::Pin;

use actix_web::{FromRequest, HttpRequest, web};
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{Role, digest_hex, same_secret, session};
use crate::entities::{api_token, session as session_entity, user};
use crate::error::AppError;
use crate::state::AppState;

/// The user of a logged-in session. A handler that takes it refuses anonymous requests.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub user: user::Model,
    pub role: Role,
    /// The session's CSRF token, which every form must send back.
    pub csrf: String,
}

impl CurrentUser {
    pub fn require_operator(&self) -> Result<(), AppError> {
        if self.role.is_operator() {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    pub fn require_admin(&self) -> Result<(), AppError> {
        if self.role == Role::Admin {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// The organisation a management user may see; `None` for operators, who may see all.
    pub fn organisation_scope(&self) -> Option<Uuid> {
        match self.role {
            Role::Management => Some(self.user.organisation_id.unwrap_or_else(Uuid::nil)),
            _ => None,
        }
    }

    /// Checks the CSRF token a form sent back.
    pub fn check_csrf(&self, sent: &str) -> Result<(), AppError> {
        if same_secret(&self.csrf, sent) {
            Ok(())
        } else {
            Err(AppError::Csrf)
        }
    }
}

impl FromRequest for CurrentUser {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = req.cookie(session::COOKIE).map(|c| c.value().to_owned());
        Box::pin(async move {
            let state = state.ok_or_else(|| AppError::internal("application state missing"))?;
            let token = token.filter(|t| !t.is_empty()).ok_or(AppError::Unauthenticated)?;
            let found = session_entity::Entity::find_by_id(digest_hex(&token))
                .filter(session_entity::Column::ExpiresAt.gt(Utc::now()))
                .find_also_related(user::Entity)
                .one(&state.db)
                .await?;
            let (session, user) = match found {
                Some((session, Some(user))) if !user.disabled => (session, user),
                _ => return Err(AppError::Unauthenticated),
            };
            let role = Role::parse(&user.role).ok_or(AppError::Forbidden)?;
            Ok(CurrentUser {
                user,
                role,
                csrf: session.csrf,
            })
        })
    }
}

/// The user behind an `Authorization: Bearer` API token. Only operators get tokens.
#[derive(Debug, Clone)]
pub struct ApiUser {
    pub user: user::Model,
    pub role: Role,
}

impl FromRequest for ApiUser {
    type Error = crate::api::ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = req
            .headers()
            .get(actix_web::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::to_owned);
        Box::pin(async move {
            use crate::api::ApiError;
            let state = state.ok_or_else(|| ApiError::internal("application state missing"))?;
            let token = token.ok_or(ApiError::Unauthenticated)?;
            let found = api_token::Entity::find()
                .filter(api_token::Column::TokenHash.eq(digest_hex(&token)))
                .find_also_related(user::Entity)
                .one(&state.db)
                .await
                .map_err(ApiError::internal)?;
            match found {
                Some((_, Some(user))) if !user.disabled => {
                    let role = Role::parse(&user.role)
                        .filter(|r| r.is_operator())
                        .ok_or(ApiError::Forbidden)?;
                    Ok(ApiUser { user, role })
                }
                _ => Err(ApiError::Unauthenticated),
            }
        })
    }
}
