//! The web layer: handlers that parse a request, call one service function and render its result
//! (HTML for the operator UI, the portal and the respondent's pages; JSON for the API). Each area
//! registers its routes in its own `config`; [`routes`] joins them.

pub mod api;
pub mod assets;
pub mod auth;
pub mod body;
pub mod extract;
pub mod health;
pub mod operator;
pub mod portal;
pub mod respondent;
pub mod upload;

use actix_web::{HttpResponse, web};

/// Every route of the application.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.configure(health::config)
        .configure(auth::config)
        .configure(operator::config)
        .configure(portal::config)
        .configure(api::config)
        .configure(respondent::config)
        .configure(assets::config)
        .route("/", web::get().to(home));
}

pub async fn not_found() -> Result<HttpResponse, crate::error::AppError> {
    Err(crate::error::AppError::NotFound)
}

async fn home(user: Option<extract::CurrentUser>) -> HttpResponse {
    let to = match user {
        Some(u) if u.role.is_operator() => "/operator",
        Some(_) => "/portal",
        None => "/login",
    };
    HttpResponse::SeeOther().insert_header(("Location", to)).finish()
}
