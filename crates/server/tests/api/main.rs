//! HTTP tests of the whole server: each starts the real application on a random port with a fresh
//! database (SQLite by default; PostgreSQL when `SURVEY_TEST_DATABASE_URL` is set).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking, helpers included

mod anonymity;
mod api;
mod close_race;
mod conformance;
mod data_files;
mod hardening;
mod health;
mod helpers;
mod hidden_once;
mod hostile;
mod jobs;
mod layering;
mod live_figures;
mod login;
mod reminder_modes;
mod reports;
mod respondent;
mod roles;
mod smtp;
mod surveys;
