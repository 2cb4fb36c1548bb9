//! Client organisations and their management users.

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::ApiError;
use crate::domain::OrganisationId;
use crate::services::{organisations, users};
use crate::state::AppState;
use crate::storage::organisation;
use crate::web::extract::{ApiAdmin, ApiUser};

fn organisation_json(o: &organisation::Model) -> serde_json::Value {
    serde_json::json!({ "id": o.id, "name": o.name, "created_at": o.created_at })
}

pub(super) async fn list(state: web::Data<AppState>, _user: ApiUser) -> Result<HttpResponse, ApiError> {
    let all = organisations::by_name(&state.db).await?;
    Ok(HttpResponse::Ok().json(all.iter().map(organisation_json).collect::<Vec<_>>()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct NewOrganisation {
    name: String,
}

pub(super) async fn create(
    state: web::Data<AppState>,
    user: ApiAdmin,
    body: web::Json<NewOrganisation>,
) -> Result<HttpResponse, ApiError> {
    let created = organisations::create(&state.db, &user.user.email, &body.name).await?;
    Ok(HttpResponse::Created().json(organisation_json(&created)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct NewManager {
    email: String,
    name: String,
    password: String,
}

/// Adds a management user to an organisation (operator admins only).
pub(super) async fn add_manager(
    state: web::Data<AppState>,
    user: ApiAdmin,
    path: web::Path<String>,
    body: web::Json<NewManager>,
) -> Result<HttpResponse, ApiError> {
    let org: OrganisationId = path
        .parse()
        .map_err(|_| ApiError::BadRequest(format!("`{path}` is not an organisation id (a UUID)")))?;
    let body = body.into_inner();
    let created = users::add_manager(&state.db, &user.user.email, org, body.email, body.name, body.password).await?;
    Ok(HttpResponse::Created()
        .json(serde_json::json!({ "id": created.id, "email": created.email, "organisation_id": org })))
}
