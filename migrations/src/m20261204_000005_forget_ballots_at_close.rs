//! What the close may keep of who took a ballot: per-segment counts only. Responses no longer
//! store the answering language (it narrowed a response's anonymity set to the speakers of that
//! language). A survey chooses whom reminders go to; in the "to everyone" mode a spent invitation
//! code is kept only under its own keyed hash with its segment, never linked to the invitation.
//! Management's live figures are taken once a day and kept, so every server shows the same ones.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Responses::Table)
                    .drop_column(Responses::Language)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Surveys::Table)
                    .add_column(
                        ColumnDef::new(Surveys::ReminderMode)
                            .string()
                            .not_null()
                            .default("without_ballot"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SpentCodes::Table)
                    .col(ColumnDef::new(SpentCodes::SpendHmac).string().not_null().primary_key())
                    .col(ColumnDef::new(SpentCodes::SurveyId).uuid().not_null())
                    .col(ColumnDef::new(SpentCodes::Segment).string().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(SpentCodes::Table, SpentCodes::SurveyId)
                            .to(Surveys::Table, Surveys::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SegmentCounts::Table)
                    .col(ColumnDef::new(SegmentCounts::SurveyId).uuid().not_null())
                    .col(ColumnDef::new(SegmentCounts::Segment).string().not_null())
                    .col(ColumnDef::new(SegmentCounts::Invitees).big_integer().not_null())
                    .col(ColumnDef::new(SegmentCounts::BallotsTaken).big_integer().not_null())
                    .col(ColumnDef::new(SegmentCounts::RemindersSent).big_integer().not_null())
                    .primary_key(Index::create().col(SegmentCounts::SurveyId).col(SegmentCounts::Segment))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SegmentCounts::Table, SegmentCounts::SurveyId)
                            .to(Surveys::Table, Surveys::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LiveFigures::Table)
                    .col(ColumnDef::new(LiveFigures::SurveyId).uuid().not_null())
                    .col(ColumnDef::new(LiveFigures::Day).date().not_null())
                    .col(ColumnDef::new(LiveFigures::Figures).json().not_null())
                    .primary_key(Index::create().col(LiveFigures::SurveyId).col(LiveFigures::Day))
                    .foreign_key(
                        ForeignKey::create()
                            .from(LiveFigures::Table, LiveFigures::SurveyId)
                            .to(Surveys::Table, Surveys::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(LiveFigures::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(SegmentCounts::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(SpentCodes::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Surveys::Table)
                    .drop_column(Surveys::ReminderMode)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Responses::Table)
                    .add_column(ColumnDef::new(Responses::Language).string().not_null().default(""))
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Responses {
    Table,
    Language,
}

#[derive(DeriveIden)]
enum Surveys {
    Table,
    Id,
    ReminderMode,
}

#[derive(DeriveIden)]
enum SpentCodes {
    Table,
    SpendHmac,
    SurveyId,
    Segment,
}

#[derive(DeriveIden)]
enum SegmentCounts {
    Table,
    SurveyId,
    Segment,
    Invitees,
    BallotsTaken,
    RemindersSent,
}

#[derive(DeriveIden)]
enum LiveFigures {
    Table,
    SurveyId,
    Day,
    Figures,
}
