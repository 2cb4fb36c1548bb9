use crate::domain::*;
use sea_orm::entity::prelude::*;

/// A persistent scheduled job: open or close a survey, send invitations or reminders.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "jobs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: JobId,
    pub survey_id: SurveyId,
    /// `open`, `invite`, `remind:N` or `close`.
    pub kind: JobKind,
    pub run_at: DateTimeUtc,
    /// `pending`, `running`, `done` or `failed`.
    pub state: JobState,
    pub attempts: i32,
    /// A running job whose lock has expired (its server died) is taken up again.
    pub locked_until: Option<DateTimeUtc>,
    pub last_error: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
