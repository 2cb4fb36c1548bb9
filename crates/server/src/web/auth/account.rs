//! A logged-in user's own account: changing the password (management users receive an initial
//! one from the operator admin and should replace it).

use actix_web::{HttpResponse, web};
use maud::html;
use survey_i18n::t;

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
            label { (t!(lang, "common-current-password")) input type="password" name="current" required autocomplete="current-password"; }
            label { (t!(lang, "common-new-password-12-characters-more")) input type="password" name="new" required minlength="12" autocomplete="new-password"; }
            button type="submit" { (t!(lang, "common-change")) }
        }
    };
    page(lang, &t!(lang, "common-change-password"), Some(user), content)
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
    let refuse = |text: String| {
        let mut response = html_response(render(&user, lang, Some((&text, false))));
        *response.status_mut() = actix_web::http::StatusCode::UNPROCESSABLE_ENTITY;
        response
    };
    match users::change_password(&state.db, &user.user, &form.current, &form.new).await {
        Ok(()) => {}
        Err(PasswordRefusal::WrongCurrent) => {
            return Ok(refuse(t!(lang, "common-current-password-wrong")));
        }
        Err(PasswordRefusal::TooWeak) => {
            return Ok(refuse(t!(lang, "common-new-password-must-least-12")));
        }
        Err(PasswordRefusal::Failed(e)) => return Err(e),
    }
    Ok(html_response(render(
        &user,
        lang,
        Some((t!(lang, "common-password-changed").as_str(), true)),
    )))
}
