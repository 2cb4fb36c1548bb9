//! Client organisations and their management users.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use maud::html;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;
use survey_i18n::t;

use crate::domain::{OrganisationId, Role};
use crate::error::AppError;
use crate::services::{organisations, users};
use crate::state::AppState;
use crate::storage::{survey, user};
use crate::views::UiLang;
use crate::views::components::state_badge;
use crate::views::layout::{csrf_field, html_response, page};
use crate::web::extract::{Admin, Operator};

pub async fn list(state: web::Data<AppState>, user: Operator, lang: UiLang) -> Result<HttpResponse, AppError> {
    let organisations = organisations::by_name(&state.db).await?;
    let content = html! {
        table {
            thead { tr { th { (t!(lang, "operator-client")) } th { (t!(lang, "operator-since")) } } }
            tbody {
                @for o in &organisations {
                    tr { td { a href={ "/operator/organisations/" (o.id) } { (o.name) } } td { (o.created_at.format("%Y-%m-%d")) } }
                }
            }
        }
        @if user.role == Role::Admin {
            h2 { (t!(lang, "operator-add-client")) }
            form.stack method="post" action="/operator/organisations" {
                (csrf_field(&user))
                label { (t!(lang, "operator-organisation-name")) input name="name" required maxlength="200"; }
                button type="submit" { (t!(lang, "operator-add")) }
            }
        }
    };
    Ok(html_response(page(
        lang,
        &t!(lang, "operator-clients"),
        Some(&user),
        content,
    )))
}

#[derive(Deserialize)]
pub struct NewOrganisation {
    csrf: String,
    name: String,
}

pub async fn create(
    state: web::Data<AppState>,
    user: Admin,
    form: web::Form<NewOrganisation>,
) -> Result<HttpResponse, AppError> {
    user.check_csrf(&form.csrf)?;
    let created = organisations::create(&state.db, &user.user.email, &form.name).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("/operator/organisations/{}", created.id)))
        .finish())
}

pub async fn show(
    state: web::Data<AppState>,
    user: Operator,
    lang: UiLang,
    path: web::Path<OrganisationId>,
) -> Result<HttpResponse, AppError> {
    let org = organisations::find(&state.db, *path).await?;
    let managers = user::Entity::find()
        .filter(user::Column::OrganisationId.eq(org.id))
        .all(&state.db)
        .await?;
    let surveys = survey::Entity::find()
        .filter(survey::Column::OrganisationId.eq(org.id))
        .all(&state.db)
        .await?;
    let content = html! {
        h2 { (t!(lang, "operator-surveys")) }
        ul { @for s in &surveys { li { a href={ "/operator/surveys/" (s.id) } { (s.name) } " " (state_badge(lang, s.state)) } } }
        h2 { (t!(lang, "operator-management-users-read-only")) }
        (super::users::accounts(lang, &user, &managers, false))
        @if user.role == Role::Admin {
            h2 { (t!(lang, "operator-add-management-user")) }
            form.stack method="post" action={ "/operator/organisations/" (org.id) "/users" } {
                (csrf_field(&user))
                label { (t!(lang, "operator-name")) input name="name" required maxlength="200"; }
                label { (t!(lang, "operator-e-mail")) input type="email" name="email" required; }
                label { (t!(lang, "operator-initial-password-12-characters-more")) input type="password" name="password" required minlength="12" autocomplete="new-password"; }
                button type="submit" { (t!(lang, "operator-add")) }
            }
        }
    };
    Ok(html_response(page(lang, &org.name, Some(&user), content)))
}

#[derive(Deserialize)]
pub struct NewManager {
    csrf: String,
    name: String,
    email: String,
    password: String,
}

pub async fn add_user(
    state: web::Data<AppState>,
    user: Admin,
    path: web::Path<OrganisationId>,
    form: web::Form<NewManager>,
) -> Result<HttpResponse, AppError> {
    user.check_csrf(&form.csrf)?;
    let form = form.into_inner();
    users::add_manager(&state.db, &user.user.email, *path, form.email, form.name, form.password).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("/operator/organisations/{}", *path)))
        .finish())
}
