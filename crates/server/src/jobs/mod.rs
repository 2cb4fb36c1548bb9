//! Persistent scheduled jobs: opening and closing surveys, sending invitations and reminders at the
//! times of the fieldwork plan. Jobs live in the database, so they survive restarts; a job is
//! claimed with one atomic update (`FOR UPDATE SKIP LOCKED` on PostgreSQL), so several servers on
//! one database never run the same job at once, and a job whose server died is taken up again when
//! its lock expires.

pub mod queue;
pub mod scheduler;

pub use scheduler::{run_due, spawn_scheduler};
