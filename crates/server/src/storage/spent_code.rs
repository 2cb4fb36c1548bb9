use crate::domain::*;
use sea_orm::entity::prelude::*;

/// A spent invitation code of a survey whose reminders go to everyone: kept only under its own
/// keyed hash (not the one that opens the invitation) with its segment, so without the code —
/// which exists only in the e-mail — nothing joins it to an invitation. Dropped at the close.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "spent_codes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub spend_hmac: String,
    pub survey_id: SurveyId,
    pub segment: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
