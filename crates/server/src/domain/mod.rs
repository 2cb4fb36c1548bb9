//! The server's domain types, parsed once at the edge so the inside never re-checks: typed ids,
//! names and e-mail addresses, and the states, roles and job kinds the database stores as text
//! (an unknown stored value is an error when the row is read, never a default).

pub mod email;
mod ids;
mod job;
pub mod name;
mod reminder_mode;
mod role;
mod survey_state;

pub use email::Email;
pub use ids::{JobId, OrganisationId, SurveyId, UserId};
pub use job::{JobKind, JobState};
pub use name::{Name, NameOf};
pub use reminder_mode::ReminderMode;
pub use role::Role;
pub use survey_state::SurveyState;
