//! The operator UI (the research firm): clients, surveys, rosters, plans, invitations, response
//! rates and the audit log. Server-rendered, no JavaScript needed.

mod audit;
mod dashboard;
mod data;
mod organisations;
mod report;
mod surveys;
mod tokens;
mod users;

use actix_web::web;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/operator", web::get().to(dashboard::show))
        .route("/operator/organisations", web::get().to(organisations::list))
        .route("/operator/organisations", web::post().to(organisations::create))
        .route("/operator/organisations/{id}", web::get().to(organisations::show))
        .route(
            "/operator/organisations/{id}/users",
            web::post().to(organisations::add_user),
        )
        .route("/operator/surveys/new", web::get().to(surveys::new_form))
        .route("/operator/surveys", web::post().to(surveys::create))
        .route("/operator/surveys/{id}", web::get().to(surveys::show))
        .route("/operator/surveys/{id}/settings", web::post().to(surveys::settings))
        .route(
            "/operator/surveys/{id}/questionnaire",
            web::post().to(surveys::questionnaire),
        )
        .route("/operator/surveys/{id}/roster", web::post().to(surveys::roster))
        .route("/operator/surveys/{id}/plan", web::post().to(surveys::propose_plan))
        .route("/operator/surveys/{id}/plan/dates", web::post().to(surveys::plan_dates))
        .route("/operator/surveys/{id}/state", web::post().to(surveys::change_state))
        .route(
            "/operator/surveys/{id}/jobs/{job}/now",
            web::post().to(surveys::remind_now),
        )
        .route("/operator/surveys/{id}/tally.json", web::get().to(surveys::tally_json))
        .route("/operator/surveys/{id}/data", web::get().to(data::file))
        .route("/operator/surveys/{id}/data/codebook", web::get().to(data::codebook))
        .route("/operator/surveys/{id}/report", web::get().to(report::show))
        .route("/operator/surveys/{id}/report.csv", web::get().to(report::csv))
        .route("/operator/surveys/{id}/report.pdf", web::get().to(report::pdf))
        .route(
            "/operator/surveys/{id}/files/{language}/{format}",
            web::get().to(report::file),
        )
        .route("/operator/audit", web::get().to(audit::show))
        .route("/operator/tokens", web::get().to(tokens::list))
        .route("/operator/tokens", web::post().to(tokens::create))
        .route("/operator/tokens/{id}/revoke", web::post().to(tokens::revoke))
        .route("/operator/users", web::get().to(users::list))
        .route("/operator/users/{id}/disable", web::post().to(users::disable))
        .route("/operator/users/{id}/enable", web::post().to(users::enable));
}
