//! The collection server: operator UI, management portal, JSON API, scheduler and mailer, on
//! actix-web and sea-orm (SQLite embedded by default, PostgreSQL in production).
//!
//! Three layers, one folder each: [`web`] parses requests and renders pages and JSON, [`services`]
//! does each action in one transaction, [`storage`] is the database's tables. Beside them: [`jobs`]
//! (the persistent queue and its scheduler), [`mail`], and [`views`] (the maud components every page
//! shares). `Application::build(settings)` assembles everything (see [`startup`]); the `survey serve`
//! command runs it. `docs/ARCHITECTURE.md` is the map.

pub mod config;
pub mod domain;
pub mod error;
#[cfg(feature = "fixtures")]
pub mod fixtures;
pub mod jobs;
pub mod mail;
pub mod memo;
pub mod metrics;
pub mod services;
pub mod startup;
pub mod state;
pub mod storage;
pub mod templates;
pub mod views;
pub mod web;

pub use config::Settings;
pub use startup::Application;
