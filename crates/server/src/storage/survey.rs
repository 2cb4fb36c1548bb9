use crate::domain::*;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "surveys")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: SurveyId,
    pub organisation_id: OrganisationId,
    pub name: String,
    /// The questionnaire's TOML, snapshotted when the survey was made; frozen once scheduled.
    pub template_source: String,
    /// An unknown stored state is an error when the row is read.
    pub state: SurveyState,
    pub languages: Json,
    pub k_threshold: i32,
    pub comment_threshold: i32,
    /// Roster attributes whose values make the segments (e.g. `["department"]`).
    pub breakdowns: Json,
    pub allow_fallback: bool,
    /// The fieldwork plan's steps, `[{ "milestone": …, "date": … }]`.
    pub plan: Option<Json>,
    pub created_at: DateTimeUtc,
    /// Published at close: `{ "count", "root", "segments": [[label, count], …] }` (segments of ≥ k).
    pub tally: Option<Json>,
    /// Whom reminders go to, and so whether the database knows who took a ballot during fieldwork.
    pub reminder_mode: ReminderMode,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
