//! Accounts and API tokens: operator admins list accounts and disable or enable them; every
//! operator lists and revokes their own tokens.

use actix_web::{HttpResponse, web};

use super::ApiError;
use crate::domain::UserId;
use crate::services::{api_tokens, users};
use crate::state::AppState;
use crate::storage::user;
use crate::web::extract::{ApiAdmin, ApiUser};

fn user_json(u: &user::Model) -> serde_json::Value {
    serde_json::json!({
        "id": u.id,
        "email": u.email,
        "name": u.name,
        "role": u.role.as_str(),
        "organisation_id": u.organisation_id,
        "disabled": u.disabled,
    })
}

fn user_id(path: &str) -> Result<UserId, ApiError> {
    path.parse()
        .map_err(|_| ApiError::BadRequest(format!("`{path}` is not a user id (a UUID)")))
}

/// Every account, by e-mail (operator admins only).
pub(super) async fn list_users(state: web::Data<AppState>, _admin: ApiAdmin) -> Result<HttpResponse, ApiError> {
    use sea_orm::{EntityTrait, QueryOrder};
    let all = user::Entity::find()
        .order_by_asc(user::Column::Email)
        .all(&state.db)
        .await
        .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok().json(all.iter().map(user_json).collect::<Vec<_>>()))
}

pub(super) async fn disable_user(
    state: web::Data<AppState>,
    admin: ApiAdmin,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let account = users::set_disabled(&state.db, &admin.user, user_id(&path)?, true).await?;
    Ok(HttpResponse::Ok().json(user_json(&account)))
}

pub(super) async fn enable_user(
    state: web::Data<AppState>,
    admin: ApiAdmin,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let account = users::set_disabled(&state.db, &admin.user, user_id(&path)?, false).await?;
    Ok(HttpResponse::Ok().json(user_json(&account)))
}

/// The caller's own tokens: id, name, when made, and whether it is the one this request came with.
pub(super) async fn list_tokens(state: web::Data<AppState>, caller: ApiUser) -> Result<HttpResponse, ApiError> {
    let tokens = api_tokens::of(&state.db, &caller.user).await?;
    Ok(HttpResponse::Ok().json(
        tokens
            .iter()
            .map(|t| {
                serde_json::json!({
                    "id": t.id,
                    "name": t.name,
                    "created_at": t.created_at,
                    "current": t.id == caller.token_id,
                })
            })
            .collect::<Vec<_>>(),
    ))
}

/// Revokes one of the caller's own tokens, never the one this request came with (a program does not
/// lock itself out by mistake; that one is revoked with another token or on /operator/tokens).
pub(super) async fn revoke_token(
    state: web::Data<AppState>,
    caller: ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id: uuid::Uuid = path
        .parse()
        .map_err(|_| ApiError::BadRequest(format!("`{path}` is not a token id (a UUID)")))?;
    if id == caller.token_id {
        return Err(ApiError::Conflict(
            "a token cannot revoke itself; revoke it with another token or on /operator/tokens".into(),
        ));
    }
    api_tokens::revoke(&state.db, &caller.user, id).await?;
    Ok(HttpResponse::NoContent().finish())
}
