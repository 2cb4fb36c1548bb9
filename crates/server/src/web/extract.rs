//! Request extractors: who is asking. The logged-in user of a page ([`CurrentUser`]); the same
//! user when only the research firm may ask ([`Operator`]) or only its administrators ([`Admin`]);
//! and the operator behind an API token ([`ApiUser`], [`ApiAdmin`]). A handler states who may
//! call it by the type it takes, so no handler checks a role by hand.

use std::future::Future;
use std::pin::Pin;

use actix_web::{FromRequest, HttpRequest, web};
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::domain::{OrganisationId, Role};
use crate::error::AppError;
use crate::services::auth::{digest_hex, same_secret, session};
use crate::state::AppState;
use crate::storage::{api_token, session as session_entity, user};
use crate::web::api::ApiError;

/// The user of a logged-in session. A handler that takes it refuses anonymous requests.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub user: user::Model,
    pub role: Role,
    /// The session's CSRF token, which every form must send back.
    pub csrf: String,
}

impl CurrentUser {
    /// The organisation a management user may see; `None` for operators, who may see all.
    pub fn organisation_scope(&self) -> Option<OrganisationId> {
        match self.role {
            Role::Management => Some(self.user.organisation_id.unwrap_or(OrganisationId(Uuid::nil()))),
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
            let role = user.role;
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
    /// The id of the token this request came with.
    pub token_id: Uuid,
}

impl FromRequest for ApiUser {
    type Error = ApiError;
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
            let state = state.ok_or_else(|| ApiError::internal("application state missing"))?;
            let token = token.ok_or(ApiError::Unauthenticated)?;
            let found = api_token::Entity::find()
                .filter(api_token::Column::TokenHash.eq(digest_hex(&token)))
                .find_also_related(user::Entity)
                .one(&state.db)
                .await
                .map_err(ApiError::internal)?;
            match found {
                Some((token, Some(user))) if !user.disabled => {
                    if !user.role.is_operator() {
                        return Err(ApiError::Forbidden);
                    }
                    let role = user.role;
                    Ok(ApiUser {
                        user,
                        role,
                        token_id: token.id,
                    })
                }
                _ => Err(ApiError::Unauthenticated),
            }
        })
    }
}

/// A logged-in user of the research firm (admin or analyst); anyone else is refused (403).
#[derive(Debug, Clone)]
pub struct Operator(pub CurrentUser);

/// A logged-in administrator of the research firm; anyone else is refused (403).
#[derive(Debug, Clone)]
pub struct Admin(pub CurrentUser);

/// An API token of an administrator of the research firm; any other token is refused (403).
#[derive(Debug, Clone)]
pub struct ApiAdmin(pub ApiUser);

macro_rules! narrowed {
    ($name:ident, $inner:ty, $error:ty, $allowed:expr) => {
        impl FromRequest for $name {
            type Error = $error;
            type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

            fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
                let inner = <$inner>::from_request(req, payload);
                Box::pin(async move {
                    let inner = inner.await?;
                    let allowed: fn(Role) -> bool = $allowed;
                    if allowed(inner.role) {
                        Ok(Self(inner))
                    } else {
                        Err(<$error>::Forbidden)
                    }
                })
            }
        }

        impl std::ops::Deref for $name {
            type Target = $inner;
            fn deref(&self) -> &$inner {
                &self.0
            }
        }
    };
}

narrowed!(Operator, CurrentUser, AppError, Role::is_operator);
narrowed!(Admin, CurrentUser, AppError, |role| role == Role::Admin);
narrowed!(ApiAdmin, ApiUser, ApiError, |role| role == Role::Admin);
