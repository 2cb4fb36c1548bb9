//! API tokens of the logged-in operator: made here, shown once, stored only as a hash.

use actix_web::{HttpResponse, web};

use maud::html;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;

use crate::error::AppError;
use crate::services::api_tokens;
use crate::state::AppState;
use crate::storage::api_token;
use crate::views::UiLang;
use crate::views::layout::{csrf_field, html_response, page};
use crate::web::extract::{CurrentUser, Operator};

pub async fn list(state: web::Data<AppState>, user: Operator, lang: UiLang) -> Result<HttpResponse, AppError> {
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
    user: Operator,
    lang: UiLang,
    form: web::Form<NewToken>,
) -> Result<HttpResponse, AppError> {
    user.check_csrf(&form.csrf)?;
    let token = api_tokens::create(&state.db, &user.user, &form.name).await?;
    Ok(html_response(render(&state, &user, lang, Some(&token)).await?))
}
