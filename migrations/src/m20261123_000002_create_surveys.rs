//! Surveys, their invitations (the roster), one-time invitation codes (stored only as HMACs) and the
//! scheduled jobs.
//!
//! An invitation records who was invited and whether a token was issued — never when: no column here
//! may hold a time finer than the survey's own schedule, so issuance order cannot be read back.

use sea_orm_migration::prelude::*;

use crate::m20261123_000001_create_accounts::Organisations;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Surveys::Table)
                    .col(ColumnDef::new(Surveys::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Surveys::OrganisationId).uuid().not_null())
                    .col(ColumnDef::new(Surveys::Name).string().not_null())
                    .col(ColumnDef::new(Surveys::TemplateSource).text().not_null())
                    .col(ColumnDef::new(Surveys::State).string().not_null())
                    .col(ColumnDef::new(Surveys::Languages).json().not_null())
                    .col(ColumnDef::new(Surveys::KThreshold).integer().not_null())
                    .col(ColumnDef::new(Surveys::CommentThreshold).integer().not_null())
                    .col(ColumnDef::new(Surveys::Breakdowns).json().not_null())
                    .col(ColumnDef::new(Surveys::AllowFallback).boolean().not_null())
                    .col(ColumnDef::new(Surveys::Plan).json().null())
                    .col(ColumnDef::new(Surveys::CreatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Surveys::Table, Surveys::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Invitations::Table)
                    .col(ColumnDef::new(Invitations::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Invitations::SurveyId).uuid().not_null())
                    // Personal data: emptied when the roster is purged after fieldwork.
                    .col(ColumnDef::new(Invitations::Email).string().null())
                    .col(ColumnDef::new(Invitations::Language).string().not_null())
                    .col(ColumnDef::new(Invitations::Attributes).json().not_null())
                    .col(ColumnDef::new(Invitations::Segment).string().not_null())
                    .col(ColumnDef::new(Invitations::Invited).boolean().not_null().default(false))
                    .col(
                        ColumnDef::new(Invitations::RemindersSent)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(
                        ColumnDef::new(Invitations::TokenIssued)
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Invitations::Table, Invitations::SurveyId)
                            .to(Surveys::Table, Surveys::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("invitations_survey_email")
                    .table(Invitations::Table)
                    .col(Invitations::SurveyId)
                    .col(Invitations::Email)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(InvitationCodes::Table)
                    .col(
                        ColumnDef::new(InvitationCodes::CodeHmac)
                            .string()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(InvitationCodes::InvitationId).uuid().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(InvitationCodes::Table, InvitationCodes::InvitationId)
                            .to(Invitations::Table, Invitations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Jobs::Table)
                    .col(ColumnDef::new(Jobs::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Jobs::SurveyId).uuid().not_null())
                    .col(ColumnDef::new(Jobs::Kind).string().not_null())
                    .col(ColumnDef::new(Jobs::RunAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(Jobs::State).string().not_null())
                    .col(ColumnDef::new(Jobs::Attempts).integer().not_null().default(0))
                    .col(ColumnDef::new(Jobs::LockedUntil).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Jobs::LastError).text().null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Jobs::Table, Jobs::SurveyId)
                            .to(Surveys::Table, Surveys::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("jobs_due")
                    .table(Jobs::Table)
                    .col(Jobs::State)
                    .col(Jobs::RunAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Jobs::Table.into_iden(),
            InvitationCodes::Table.into_iden(),
            Invitations::Table.into_iden(),
            Surveys::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Surveys {
    Table,
    Id,
    OrganisationId,
    Name,
    TemplateSource,
    State,
    Languages,
    KThreshold,
    CommentThreshold,
    Breakdowns,
    AllowFallback,
    Plan,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Invitations {
    Table,
    Id,
    SurveyId,
    Email,
    Language,
    Attributes,
    Segment,
    Invited,
    RemindersSent,
    TokenIssued,
}

#[derive(DeriveIden)]
enum InvitationCodes {
    Table,
    CodeHmac,
    InvitationId,
}

#[derive(DeriveIden)]
enum Jobs {
    Table,
    Id,
    SurveyId,
    Kind,
    RunAt,
    State,
    Attempts,
    LockedUntil,
    LastError,
}
