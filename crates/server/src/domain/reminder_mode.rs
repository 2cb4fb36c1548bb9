use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// Whom a survey's reminders go to. Stored as its snake_case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum ReminderMode {
    /// Only to those without a ballot: during fieldwork the database knows who took one (never
    /// when); the close forgets it.
    #[default]
    WithoutBallot,
    /// To everyone, with the same code: the database never records who took a ballot, not even
    /// during fieldwork.
    Everyone,
}

impl ReminderMode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::WithoutBallot => "without_ballot",
            Self::Everyone => "everyone",
        }
    }
}
