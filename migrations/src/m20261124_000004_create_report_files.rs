//! The files of a published report: stored once at publishing, with their SHA-256, so that
//! management and the operator download the very same document.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ReportFiles::Table)
                    .col(ColumnDef::new(ReportFiles::SurveyId).uuid().not_null())
                    .col(ColumnDef::new(ReportFiles::Format).string().not_null())
                    .col(ColumnDef::new(ReportFiles::FileName).string().not_null())
                    .col(ColumnDef::new(ReportFiles::MediaType).string().not_null())
                    .col(ColumnDef::new(ReportFiles::Content).binary().not_null())
                    .col(ColumnDef::new(ReportFiles::Sha256).string().not_null())
                    .col(
                        ColumnDef::new(ReportFiles::PublishedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .primary_key(Index::create().col(ReportFiles::SurveyId).col(ReportFiles::Format))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ReportFiles::Table, ReportFiles::SurveyId)
                            .to(Surveys::Table, Surveys::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ReportFiles::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Surveys {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ReportFiles {
    Table,
    SurveyId,
    Format,
    FileName,
    MediaType,
    Content,
    Sha256,
    PublishedAt,
}
