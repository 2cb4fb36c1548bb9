use crate::domain::*;
use sea_orm::entity::prelude::*;

/// One invitee of a survey. Records who was invited and whether a token was issued, never when.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "invitations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub survey_id: SurveyId,
    /// `None` once the roster has been purged.
    pub email: Option<String>,
    pub language: String,
    /// Roster attributes (department, tenure band, ...) as a JSON object of strings.
    pub attributes: Json,
    /// The segment label after merging small groups, e.g. `department=Sales`.
    pub segment: String,
    pub invited: bool,
    pub reminders_sent: i32,
    pub token_issued: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
