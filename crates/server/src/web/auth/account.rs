//! A logged-in user's own account: changing the password (management users receive an initial
//! one from the operator admin and should replace it).

use actix_web::{HttpResponse, web};
use maud::html;

use serde::Deserialize;

use crate::error::AppError;
use crate::services::users::{self, PasswordRefusal};
use crate::state::AppState;
use crate::views::UiLang;
use crate::views::layout::{csrf_field, html_response, page};
use crate::web::extract::CurrentUser;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/account/password", web::get().to(form))
        .route("/account/password", web::post().to(change));
}

fn render(user: &CurrentUser, lang: UiLang, notice: Option<(&str, bool)>) -> maud::Markup {
    let content = html! {
        @if let Some((text, ok)) = notice {
            @if ok { p.notice.ok { (text) } } @else { p.notice.bad { (text) } }
        }
        form.stack method="post" action="/account/password" {
            (csrf_field(user))
            label { (lang.t("現在のパスワード", "Current password")) input type="password" name="current" required autocomplete="current-password"; }
            label { (lang.t("新しいパスワード（12文字以上）", "New password (12 characters or more)")) input type="password" name="new" required minlength="12" autocomplete="new-password"; }
            button type="submit" { (lang.t("変更", "Change")) }
        }
    };
    page(lang, lang.t("パスワードの変更", "Change password"), Some(user), content)
}

async fn form(user: CurrentUser, lang: UiLang) -> HttpResponse {
    html_response(render(&user, lang, None))
}

#[derive(Deserialize)]
pub struct ChangeForm {
    csrf: String,
    current: String,
    new: String,
}

async fn change(
    state: web::Data<AppState>,
    user: CurrentUser,
    lang: UiLang,
    form: web::Form<ChangeForm>,
) -> Result<HttpResponse, AppError> {
    user.check_csrf(&form.csrf)?;
    let refuse = |text: &str| {
        let mut response = html_response(render(&user, lang, Some((text, false))));
        *response.status_mut() = actix_web::http::StatusCode::UNPROCESSABLE_ENTITY;
        response
    };
    match users::change_password(&state.db, &user.user, &form.current, &form.new).await {
        Ok(()) => {}
        Err(PasswordRefusal::WrongCurrent) => {
            return Ok(refuse(
                lang.t("現在のパスワードが違います。", "The current password is wrong."),
            ));
        }
        Err(PasswordRefusal::TooWeak) => {
            return Ok(refuse(lang.t(
                "新しいパスワードは12文字以上にしてください。",
                "The new password must be at least 12 characters long.",
            )));
        }
        Err(PasswordRefusal::Failed(e)) => return Err(e),
    }
    Ok(html_response(render(
        &user,
        lang,
        Some((lang.t("パスワードを変更しました。", "Password changed."), true)),
    )))
}
