//! Login, logout and the interface language switch.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;
use survey_i18n::msg;
use survey_i18n::t;

use crate::domain::Role;
use crate::error::AppError;
use crate::services::auth::{password, random_token, same_secret, session};
use crate::state::AppState;
use crate::storage::user;
use crate::views::UiLang;
use crate::views::layout::page;
use crate::web::extract::CurrentUser;

/// The login form has no session yet, so its CSRF token is a cookie the form must repeat
/// (double submit): another site can make a browser send the cookie, but cannot read it.
const LOGIN_CSRF: &str = "survey_login_csrf";

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/login", web::get().to(form))
        .route("/login", web::post().to(login))
        .route("/logout", web::post().to(logout))
        .route("/lang", web::post().to(switch_language));
}

fn login_page(lang: UiLang, csrf: &str, problem: Option<&str>) -> HttpResponse {
    let content = html! {
        @if let Some(problem) = problem { p.notice.bad { (problem) } }
        form.stack method="post" action="/login" {
            input type="hidden" name="csrf" value=(csrf);
            label { (t!(lang, "common-e-mail")) input type="email" name="email" required maxlength=(MAX_EMAIL_LEN) autocomplete="username"; }
            label { (t!(lang, "common-password")) input type="password" name="password" required maxlength=(MAX_PASSWORD_LEN) autocomplete="current-password"; }
            button type="submit" { (t!(lang, "common-log")) }
        }
    };
    let cookie = Cookie::build(LOGIN_CSRF, csrf.to_owned())
        .path("/login")
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .finish();
    HttpResponse::Ok()
        .cookie(cookie)
        .content_type("text/html; charset=utf-8")
        .body(page(lang, &t!(lang, "common-log"), None, content).into_string())
}

async fn form(lang: UiLang) -> HttpResponse {
    login_page(lang, &random_token(), None)
}

#[derive(Deserialize)]
pub struct LoginForm {
    csrf: String,
    email: String,
    password: String,
}

/// The longest e-mail address (RFC 5321's path limit) and password a login form may carry; a longer
/// one is refused before anything else is done with it.
pub const MAX_EMAIL_LEN: usize = 254;
pub const MAX_PASSWORD_LEN: usize = 1024;

async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    lang: UiLang,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let expected = req.cookie(LOGIN_CSRF).map(|c| c.value().to_owned()).unwrap_or_default();
    if !same_secret(&expected, &form.csrf) {
        return Err(AppError::Csrf);
    }
    if form.email.len() > MAX_EMAIL_LEN || form.password.len() > MAX_PASSWORD_LEN {
        return Err(AppError::BadRequest(msg!(
            "error-e-mail-address-has-most",
            MAX_EMAIL_LEN = MAX_EMAIL_LEN.to_string(),
            MAX_PASSWORD_LEN = MAX_PASSWORD_LEN.to_string()
        )));
    }
    let account = form.email.trim().to_lowercase();
    // The try is counted before the password is checked, so simultaneous tries cannot all pass.
    let address = client_address(&req, state.settings.session.client_address_header.as_deref());
    let reservation = state
        .login_limiter
        .reserve(&account, address)
        .map_err(AppError::TooManyAttempts)?;
    let found = user::Entity::find()
        .filter(user::Column::Email.eq(&account))
        .one(&state.db)
        .await?;
    let verified = match &found {
        Some(u) if !u.disabled => password::verify(form.password.clone(), u.password_hash.clone()).await?,
        _ => false,
    };
    let Some(user) = found.filter(|_| verified) else {
        tracing::info!(account = %account, "failed login");
        let problem = t!(lang, "common-wrong-e-mail-password");
        let mut response = login_page(lang, &random_token(), Some(&problem));
        *response.status_mut() = actix_web::http::StatusCode::UNAUTHORIZED;
        return Ok(response);
    };
    state.login_limiter.succeeded(reservation);
    let cookie = session::start(&state.db, user.id, state.settings.session.ttl_minutes).await?;
    crate::services::audit::record(&state.db, &user.email, "login", "").await?;
    let home = match user.role {
        Role::Management => "/portal",
        _ => "/operator",
    };
    Ok(HttpResponse::SeeOther()
        .cookie(cookie)
        .insert_header((header::LOCATION, home))
        .finish())
}

/// The client's address, for the login limit only (never stored or logged): the last address in
/// `header` when a trusted proxy sets it, else the connection's peer.
fn client_address(req: &HttpRequest, header: Option<&str>) -> Option<std::net::IpAddr> {
    match header.map(str::trim).filter(|h| !h.is_empty()) {
        Some(name) => req
            .headers()
            .get_all(name)
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .last()
            .and_then(|a| parse_address(a.trim())),
        None => req.peer_addr().map(|a| a.ip()),
    }
}

/// `192.0.2.1`, `192.0.2.1:443`, `2001:db8::1` or `[2001:db8::1]:443`.
fn parse_address(text: &str) -> Option<std::net::IpAddr> {
    text.parse()
        .ok()
        .or_else(|| text.parse::<std::net::SocketAddr>().ok().map(|a| a.ip()))
}

#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: CurrentUser,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, AppError> {
    user.check_csrf(&form.csrf)?;
    let token = req
        .cookie(session::COOKIE)
        .map(|c| c.value().to_owned())
        .unwrap_or_default();
    let cookie = session::end(&state.db, &token).await?;
    Ok(HttpResponse::SeeOther()
        .cookie(cookie)
        .insert_header((header::LOCATION, "/login"))
        .finish())
}

#[derive(Deserialize)]
pub struct LangForm {
    lang: String,
}

/// Sets the interface language. Harmless without a CSRF token: it changes nothing but a preference.
async fn switch_language(form: web::Form<LangForm>) -> Result<HttpResponse, AppError> {
    let lang = UiLang::parse(&form.lang).ok_or_else(|| AppError::BadRequest(msg!("error-unknown-language")))?;
    let cookie = Cookie::build(UiLang::COOKIE, lang.code())
        .path("/")
        .same_site(SameSite::Lax)
        .finish();
    Ok(HttpResponse::SeeOther()
        .cookie(cookie)
        .insert_header((header::LOCATION, "/"))
        .finish())
}
