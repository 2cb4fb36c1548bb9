use crate::domain::*;
use sea_orm::entity::prelude::*;

/// One file of a published report (CSV, HTML, …) in one language, stored whole with its SHA-256.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "report_files")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub survey_id: SurveyId,
    /// The report's language (`ja`, `en`, …).
    #[sea_orm(primary_key, auto_increment = false)]
    pub language: String,
    /// `csv`, `html`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub format: String,
    pub file_name: String,
    pub media_type: String,
    pub content: Vec<u8>,
    pub sha256: String,
    pub published_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
