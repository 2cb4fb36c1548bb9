//! sea-orm entities, one file per table, as `sea-orm-cli generate entity` would write them.

pub mod api_token;
pub mod audit_log;
pub mod invitation;
pub mod invitation_code;
pub mod issuer_key;
pub mod job;
pub mod live_figures;
pub mod organisation;
pub mod report_file;
pub mod response;
pub mod segment_count;
pub mod session;
pub mod spent_code;
pub mod survey;
pub mod user;
