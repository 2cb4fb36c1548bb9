//! Reports and data files read a survey's responses a page at a time in id order, from after the
//! last page's id. An index on (survey, id) gives each page directly; the index on the survey alone
//! left the database sorting all of a survey's responses again for every page (minutes for a
//! million), and it is the new index's prefix, so it goes.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("responses_survey_id")
                    .table(Responses::Table)
                    .col(Responses::SurveyId)
                    .col(Responses::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("responses_survey")
                    .table(Responses::Table)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("responses_survey")
                    .table(Responses::Table)
                    .col(Responses::SurveyId)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("responses_survey_id")
                    .table(Responses::Table)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Responses {
    Table,
    SurveyId,
    Id,
}
