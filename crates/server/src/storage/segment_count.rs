use crate::domain::*;
use sea_orm::entity::prelude::*;

/// What the close keeps of the fieldwork, per segment: how many were invited, took a ballot and were
/// reminded. Per-invitation issuance and reminder state is erased in the same transaction.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "segment_counts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub survey_id: SurveyId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub segment: String,
    pub invitees: i64,
    pub ballots_taken: i64,
    pub reminders_sent: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
