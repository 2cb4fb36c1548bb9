//! Client organisations and their management users.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use chrono::Utc;
use maud::html;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::Deserialize;
use uuid::Uuid;

use crate::auth::{CurrentUser, Role};
use crate::entities::{organisation, survey, user};
use crate::error::AppError;
use crate::state::AppState;
use crate::users::{self, NewUser};
use crate::views::UiLang;
use crate::views::layout::{csrf_field, html_response, page, state_badge};

pub async fn list(state: web::Data<AppState>, user: CurrentUser, lang: UiLang) -> Result<HttpResponse, AppError> {
    user.require_operator()?;
    let organisations = organisation::Entity::find()
        .order_by_asc(organisation::Column::Name)
        .all(&state.db)
        .await?;
    let content = html! {
        table {
            thead { tr { th { (lang.t("クライアント", "Client")) } th { (lang.t("登録日", "Since")) } } }
            tbody {
                @for o in &organisations {
                    tr { td { a href={ "/operator/organisations/" (o.id) } { (o.name) } } td { (o.created_at.format("%Y-%m-%d")) } }
                }
            }
        }
        @if user.role == Role::Admin {
            h2 { (lang.t("クライアントを追加", "Add a client")) }
            form.stack method="post" action="/operator/organisations" {
                (csrf_field(&user))
                label { (lang.t("組織名", "Organisation name")) input name="name" required maxlength="200"; }
                button type="submit" { (lang.t("追加", "Add")) }
            }
        }
    };
    Ok(html_response(page(
        lang,
        lang.t("クライアント", "Clients"),
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
    user: CurrentUser,
    form: web::Form<NewOrganisation>,
) -> Result<HttpResponse, AppError> {
    user.require_admin()?;
    user.check_csrf(&form.csrf)?;
    let created = create_organisation(&state, &user.user.email, &form.name).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("/operator/organisations/{}", created.id)))
        .finish())
}

/// Shared by the UI and the API.
pub async fn create_organisation(state: &AppState, actor: &str, name: &str) -> Result<organisation::Model, AppError> {
    let given = name;
    let name = crate::body::single_line(given, ("the organisation's name", "組織名"))?;
    if name.is_empty() || given.chars().count() > 200 {
        return Err(AppError::bad(
            "the organisation needs a name of 1 to 200 characters",
            "組織名は1〜200文字で入力してください",
        ));
    }
    let taken = || {
        AppError::conflict(
            format!("there is already a client named {name}"),
            format!("「{name}」というクライアントはすでにあります"),
        )
    };
    if organisation::Entity::find()
        .filter(organisation::Column::Name.eq(name))
        .one(&state.db)
        .await?
        .is_some()
    {
        return Err(taken());
    }
    // The unique index decides between two requests that both passed the check above.
    let created = organisation::ActiveModel {
        id: Set(Uuid::new_v4()),
        name: Set(name.to_owned()),
        created_at: Set(Utc::now()),
    }
    .insert(&state.db)
    .await
    .map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => taken(),
        _ => e.into(),
    })?;
    crate::audit::record(&state.db, actor, "organisation created", name).await?;
    Ok(created)
}

pub async fn show(
    state: web::Data<AppState>,
    user: CurrentUser,
    lang: UiLang,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    user.require_operator()?;
    let org = organisation::Entity::find_by_id(*path)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let managers = user::Entity::find()
        .filter(user::Column::OrganisationId.eq(org.id))
        .all(&state.db)
        .await?;
    let surveys = survey::Entity::find()
        .filter(survey::Column::OrganisationId.eq(org.id))
        .all(&state.db)
        .await?;
    let content = html! {
        h2 { (lang.t("調査", "Surveys")) }
        ul { @for s in &surveys { li { a href={ "/operator/surveys/" (s.id) } { (s.name) } " " (state_badge(lang, &s.state)) } } }
        h2 { (lang.t("経営陣ユーザー（閲覧専用）", "Management users (read-only)")) }
        table {
            thead { tr { th { (lang.t("名前", "Name")) } th { (lang.t("メールアドレス", "E-mail")) } } }
            tbody { @for m in &managers { tr { td { (m.name) } td { (m.email) } } } }
        }
        @if user.role == Role::Admin {
            h2 { (lang.t("経営陣ユーザーを追加", "Add a management user")) }
            form.stack method="post" action={ "/operator/organisations/" (org.id) "/users" } {
                (csrf_field(&user))
                label { (lang.t("名前", "Name")) input name="name" required maxlength="200"; }
                label { (lang.t("メールアドレス", "E-mail")) input type="email" name="email" required; }
                label { (lang.t("初期パスワード（12文字以上）", "Initial password (12 characters or more)")) input type="password" name="password" required minlength="12" autocomplete="new-password"; }
                button type="submit" { (lang.t("追加", "Add")) }
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
    user: CurrentUser,
    path: web::Path<Uuid>,
    form: web::Form<NewManager>,
) -> Result<HttpResponse, AppError> {
    user.require_admin()?;
    user.check_csrf(&form.csrf)?;
    let form = form.into_inner();
    let created = users::create(
        &state.db,
        NewUser {
            email: form.email,
            name: form.name,
            password: form.password,
            role: Role::Management,
            organisation_id: Some(*path),
        },
    )
    .await?;
    crate::audit::record(&state.db, &user.user.email, "management user created", &created.email).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("/operator/organisations/{}", *path)))
        .finish())
}
