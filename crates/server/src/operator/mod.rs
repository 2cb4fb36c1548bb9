//! The operator UI (the research firm): clients, surveys, rosters, plans, invitations, response
//! rates and the audit log. Server-rendered, no JavaScript needed.

mod audit;
mod dashboard;
mod organisations;
mod report;
mod survey;
mod tokens;
pub mod upload;

pub use organisations::create_organisation;
pub use survey::import_roster;

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
        .route("/operator/surveys/new", web::get().to(survey::new_form))
        .route("/operator/surveys", web::post().to(survey::create))
        .route("/operator/surveys/{id}", web::get().to(survey::show))
        .route("/operator/surveys/{id}/settings", web::post().to(survey::settings))
        .route(
            "/operator/surveys/{id}/questionnaire",
            web::post().to(survey::questionnaire),
        )
        .route("/operator/surveys/{id}/roster", web::post().to(survey::roster))
        .route("/operator/surveys/{id}/plan", web::post().to(survey::propose_plan))
        .route("/operator/surveys/{id}/plan/dates", web::post().to(survey::plan_dates))
        .route("/operator/surveys/{id}/state", web::post().to(survey::change_state))
        .route(
            "/operator/surveys/{id}/jobs/{job}/now",
            web::post().to(survey::remind_now),
        )
        .route("/operator/surveys/{id}/tally.json", web::get().to(survey::tally_json))
        .route("/operator/surveys/{id}/report", web::get().to(report::show))
        .route("/operator/surveys/{id}/report.csv", web::get().to(report::csv))
        .route("/operator/surveys/{id}/report.pdf", web::get().to(report::pdf))
        .route("/operator/surveys/{id}/files/{format}", web::get().to(report::file))
        .route("/operator/audit", web::get().to(audit::show))
        .route("/operator/tokens", web::get().to(tokens::list))
        .route("/operator/tokens", web::post().to(tokens::create));
}
