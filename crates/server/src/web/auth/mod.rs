//! Logging in and out, the interface language, and a user's own password.

pub mod account;
pub mod login;

use actix_web::web;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.configure(login::config).configure(account::config);
}
