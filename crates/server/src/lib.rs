//! The collection server: operator UI, management portal, JSON API, scheduler and mailer, on
//! actix-web and sea-orm (SQLite embedded by default, PostgreSQL in production).
//!
//! `Application::build(settings)` assembles everything (see [`startup`]); the `survey serve` command
//! runs it.

pub mod api;
pub mod assets;
pub mod audit;
pub mod auth;
pub mod body;
pub mod config;
pub mod entities;
pub mod error;
pub mod fixtures;
pub mod health;
pub mod invitations;
pub mod issuance;
pub mod jobs;
pub mod mail;
pub mod memo;
pub mod metrics;
pub mod operator;
pub mod portal;
pub mod reports;
pub mod respondent;
pub mod responses;
pub mod roster;
pub mod startup;
pub mod state;
pub mod surveys;
pub mod templates;
pub mod users;
pub mod views;

pub use config::Settings;
pub use startup::Application;
