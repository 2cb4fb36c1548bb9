//! The service layer: one function per action. Each takes the survey's row where it writes, checks
//! the state, writes and records its audit entry in one transaction; the operator UI and the API
//! call the same function, so the rules and the audit trail are the same whichever was used.

pub mod api_tokens;
pub mod audit;
pub mod auth;
pub mod closed_tallies;
pub mod data_files;
pub mod invitations;
pub mod issuance;
pub mod live_figures;
pub mod organisations;
pub mod publishing;
pub mod reports;
pub mod responses;
pub mod roster;
pub mod surveys;
pub mod users;
