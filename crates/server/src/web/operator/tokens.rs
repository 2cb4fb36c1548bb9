//! API tokens of the logged-in operator: made here, shown once, stored only as a hash; revoked here
//! by their owner, after which they stop working at once.

use actix_web::{HttpResponse, web};
use survey_i18n::t;

use maud::html;
use serde::Deserialize;

use crate::error::AppError;
use crate::services::api_tokens;
use crate::state::AppState;
use crate::views::UiLang;
use crate::views::layout::{csrf_field, html_response, page};
use crate::web::extract::{CurrentUser, Operator};

pub async fn list(state: web::Data<AppState>, user: Operator, lang: UiLang) -> Result<HttpResponse, AppError> {
    Ok(html_response(render(&state, &user, lang, None, None).await?))
}

async fn render(
    state: &AppState,
    user: &CurrentUser,
    lang: UiLang,
    new_token: Option<&str>,
    notice: Option<&str>,
) -> Result<maud::Markup, AppError> {
    let tokens = api_tokens::of(&state.db, &user.user).await?;
    let content = html! {
        @if let Some(notice) = notice { p.notice.ok { (notice) } }
        @if let Some(token) = new_token {
            div.notice.ok {
                p { (t!(lang, "operator-token-shown-once-only-keep")) }
                p { code { (token) } }
            }
        }
        p { (t!(lang, "operator-api-described-at")) " " a href="/api/v1/openapi.json" { "/api/v1/openapi.json" } }
        table {
            thead { tr { th { (t!(lang, "operator-name")) } th { (t!(lang, "operator-created-utc")) } th {} } }
            tbody { @for t in &tokens { tr {
                td { (t.name) } td { (t.created_at.format("%Y-%m-%d %H:%M")) }
                td {
                    form method="post" action={ "/operator/tokens/" (t.id) "/revoke" } {
                        (csrf_field(user))
                        button type="submit" { (t!(lang, "operator-revoke")) }
                    }
                }
            } } }
        }
        form.stack method="post" action="/operator/tokens" {
            (csrf_field(user))
            label { (t!(lang, "operator-token-name")) input name="name" required maxlength="100"; }
            button type="submit" { (t!(lang, "operator-create-token")) }
        }
    };
    Ok(page(lang, &t!(lang, "operator-api-tokens"), Some(user), content))
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
    Ok(html_response(render(&state, &user, lang, Some(&token), None).await?))
}

#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

/// Revokes one of the operator's own tokens (another's is not found).
pub async fn revoke(
    state: web::Data<AppState>,
    user: Operator,
    lang: UiLang,
    path: web::Path<uuid::Uuid>,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, AppError> {
    user.check_csrf(&form.csrf)?;
    api_tokens::revoke(&state.db, &user.user, *path).await?;
    let notice = t!(lang, "operator-token-revoked");
    Ok(html_response(render(&state, &user, lang, None, Some(&notice)).await?))
}
