//! API tokens of the logged-in operator: made here, shown once, stored only as a hash.

use actix_web::{HttpResponse, web};
use chrono::Utc;
use maud::html;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde::Deserialize;
use uuid::Uuid;

use crate::auth::{CurrentUser, digest_hex, random_token};
use crate::entities::api_token;
use crate::error::AppError;
use crate::state::AppState;
use crate::views::UiLang;
use crate::views::layout::{csrf_field, html_response, page};

pub async fn list(state: web::Data<AppState>, user: CurrentUser, lang: UiLang) -> Result<HttpResponse, AppError> {
    user.require_operator()?;
    Ok(html_response(render(&state, &user, lang, None).await?))
}

async fn render(
    state: &AppState,
    user: &CurrentUser,
    lang: UiLang,
    new_token: Option<&str>,
) -> Result<maud::Markup, AppError> {
    let tokens = api_token::Entity::find()
        .filter(api_token::Column::UserId.eq(user.user.id))
        .all(&state.db)
        .await?;
    let content = html! {
        @if let Some(token) = new_token {
            div.notice.ok {
                p { (lang.t("このトークンは一度だけ表示されます。安全な場所に保管してください。", "This token is shown once only; keep it somewhere safe.")) }
                p { code { (token) } }
            }
        }
        p { (lang.t("JSON API の説明：", "The JSON API is described at ")) a href="/api/v1/openapi.json" { "/api/v1/openapi.json" } }
        table {
            thead { tr { th { (lang.t("名前", "Name")) } th { (lang.t("作成日時 (UTC)", "Created (UTC)")) } } }
            tbody { @for t in &tokens { tr { td { (t.name) } td { (t.created_at.format("%Y-%m-%d %H:%M")) } } } }
        }
        form.stack method="post" action="/operator/tokens" {
            (csrf_field(user))
            label { (lang.t("トークン名", "Token name")) input name="name" required maxlength="100"; }
            button type="submit" { (lang.t("トークンを作成", "Create token")) }
        }
    };
    Ok(page(lang, lang.t("API トークン", "API tokens"), Some(user), content))
}

#[derive(Deserialize)]
pub struct NewToken {
    csrf: String,
    name: String,
}

pub async fn create(
    state: web::Data<AppState>,
    user: CurrentUser,
    lang: UiLang,
    form: web::Form<NewToken>,
) -> Result<HttpResponse, AppError> {
    user.require_operator()?;
    user.check_csrf(&form.csrf)?;
    let name = form.name.trim();
    if name.is_empty() {
        return Err(AppError::bad("give the token a name", "トークンに名前を付けてください"));
    }
    let token = random_token();
    api_token::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user.user.id),
        name: Set(name.to_owned()),
        token_hash: Set(digest_hex(&token)),
        created_at: Set(Utc::now()),
    }
    .insert(&state.db)
    .await?;
    crate::audit::record(&state.db, &user.user.email, "api token created", name).await?;
    Ok(html_response(render(&state, &user, lang, Some(&token)).await?))
}
