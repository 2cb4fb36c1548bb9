//! `survey serve` as a deployment runs it: separate processes, killed with SIGKILL in the middle of
//! a load, two of them on one PostgreSQL, a disk that fills up and a database that goes away; and
//! its browser client checked from outside with `survey client verify`.
//!
//! The PostgreSQL tests and the one that mounts a small file system are ignored by default (they
//! need a server and root); `.ci/run` runs them with `--include-ignored`, and then a missing
//! `SURVEY_TEST_DATABASE_URL` or a failed mount fails the test instead of skipping it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod client;
mod crash;
mod keys;
mod outage;
mod retention;
mod scale_out;
mod site;
