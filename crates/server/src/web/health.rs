//! Liveness, readiness and metrics for the load balancer and monitoring. `/metrics` is off unless
//! the settings turn it on (`[metrics] enabled`), and then, with `[metrics] token`, answers only a
//! request that carries that token (`Authorization: Bearer …`); off, it is a 404 like any unknown
//! path.

use actix_web::{HttpRequest, HttpResponse, web};

use crate::state::AppState;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(healthz))
        .route("/readyz", web::get().to(readyz))
        .route("/metrics", web::get().to(metrics));
}

/// The process is up.
async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok")
}

/// The process can serve: its database answers.
async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    match state.db.ping().await {
        Ok(()) => HttpResponse::Ok().content_type("text/plain").body("ready"),
        Err(e) => {
            tracing::warn!(error = %e, "database not reachable");
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain")
                .body("database not reachable")
        }
    }
}

async fn metrics(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, crate::error::AppError> {
    let settings = &state.settings.metrics;
    if !settings.enabled {
        return Err(crate::error::AppError::NotFound);
    }
    if let Some(token) = settings.token.as_ref().filter(|t| !t.expose().is_empty()) {
        let sent = req
            .headers()
            .get(actix_web::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        if !crate::services::auth::same_secret(token.expose(), sent) {
            return Ok(HttpResponse::Unauthorized()
                .insert_header((actix_web::http::header::WWW_AUTHENTICATE, "Bearer"))
                .content_type("text/plain")
                .body("a metrics token is required"));
        }
    }
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(state.metrics.render()))
}
