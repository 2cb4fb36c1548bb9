//! The research firm's accounts (admins and analysts), and disabling or enabling any account: an
//! admin's action, here for operators and on an organisation's page for its management users.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use maud::{Markup, html};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Deserialize;
use survey_i18n::t;

use crate::domain::{Role, UserId};
use crate::error::AppError;
use crate::services::users;
use crate::state::AppState;
use crate::storage::user;
use crate::views::UiLang;
use crate::views::layout::{csrf_field, html_response, page};
use crate::web::extract::{Admin, CurrentUser, Operator};

pub async fn list(state: web::Data<AppState>, user: Operator, lang: UiLang) -> Result<HttpResponse, AppError> {
    let operators = user::Entity::find()
        .filter(user::Column::Role.is_in([Role::Admin, Role::Analyst]))
        .order_by_asc(user::Column::Email)
        .all(&state.db)
        .await?;
    let content = html! {
        p.muted { (t!(lang, "operator-disabled-account-cannot-log-sessions")) }
        (accounts(lang, &user, &operators, true))
    };
    Ok(html_response(page(
        lang,
        &t!(lang, "operator-operators"),
        Some(&user),
        content,
    )))
}

/// A table of accounts, with a disable or enable button each for an admin (none for themselves).
pub fn accounts(lang: UiLang, viewer: &CurrentUser, accounts: &[user::Model], with_role: bool) -> Markup {
    let admin = viewer.role == Role::Admin;
    html! {
        table {
            thead { tr {
                th { (t!(lang, "operator-name")) } th { (t!(lang, "operator-e-mail")) }
                @if with_role { th { (t!(lang, "operator-role")) } }
                th { (t!(lang, "operator-status")) }
                @if admin { th {} }
            } }
            tbody { @for a in accounts { tr {
                td { (a.name) } td { (a.email) }
                @if with_role { td { (a.role.as_str()) } }
                td { @if a.disabled { (t!(lang, "operator-disabled")) } @else { (t!(lang, "operator-active")) } }
                @if admin {
                    td { @if a.id != viewer.user.id {
                        @let (action, label) = if a.disabled {
                            ("enable", t!(lang, "operator-enable"))
                        } else {
                            ("disable", t!(lang, "operator-disable"))
                        };
                        form method="post" action={ "/operator/users/" (a.id) "/" (action) } {
                            (csrf_field(viewer))
                            button type="submit" { (label) }
                        }
                    } }
                }
            } } }
        }
    }
}

#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

pub async fn disable(
    state: web::Data<AppState>,
    user: Admin,
    path: web::Path<UserId>,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, AppError> {
    set(state, user, *path, &form.csrf, true).await
}

pub async fn enable(
    state: web::Data<AppState>,
    user: Admin,
    path: web::Path<UserId>,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, AppError> {
    set(state, user, *path, &form.csrf, false).await
}

/// Back to where the account is listed: its organisation's page, or the operators' list.
async fn set(
    state: web::Data<AppState>,
    user: Admin,
    id: UserId,
    csrf: &str,
    disabled: bool,
) -> Result<HttpResponse, AppError> {
    user.check_csrf(csrf)?;
    let account = users::set_disabled(&state.db, &user.user, id, disabled).await?;
    let back = match account.organisation_id {
        Some(org) => format!("/operator/organisations/{org}"),
        None => "/operator/users".to_owned(),
    };
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, back))
        .finish())
}
