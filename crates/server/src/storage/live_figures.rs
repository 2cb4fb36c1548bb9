use crate::domain::*;
use sea_orm::entity::prelude::*;

/// Management's live figures of a survey in fieldwork, taken at most once a day (UTC) and kept, so
/// that every server shows the same ones and nothing finer than a day can be read from them.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "live_figures")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub survey_id: SurveyId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: Date,
    pub figures: Json,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
