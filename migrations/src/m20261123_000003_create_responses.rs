//! Issuer keys (one per survey segment, private halves sealed) and responses.
//!
//! A response holds a random id, its survey, the key id (its segment), the token and its nonce, the
//! answers, the language and the receipt — no time, address, user agent or session, and nothing
//! that refers to an invitation. The nonce is unique: one token, one response.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(IssuerKeys::Table)
                    .col(ColumnDef::new(IssuerKeys::KeyId).string().not_null().primary_key())
                    .col(ColumnDef::new(IssuerKeys::SurveyId).uuid().not_null())
                    .col(ColumnDef::new(IssuerKeys::Segment).string().not_null())
                    .col(ColumnDef::new(IssuerKeys::PublicKey).binary().not_null())
                    .col(ColumnDef::new(IssuerKeys::SealedPrivateKey).binary().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(IssuerKeys::Table, IssuerKeys::SurveyId)
                            .to(Surveys::Table, Surveys::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("issuer_keys_survey_segment")
                    .table(IssuerKeys::Table)
                    .col(IssuerKeys::SurveyId)
                    .col(IssuerKeys::Segment)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Responses::Table)
                    .col(ColumnDef::new(Responses::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Responses::SurveyId).uuid().not_null())
                    .col(ColumnDef::new(Responses::KeyId).string().not_null())
                    .col(ColumnDef::new(Responses::Nonce).string().not_null())
                    .col(ColumnDef::new(Responses::Token).text().not_null())
                    // The canonical encoding as text, so the database cannot reorder it.
                    .col(ColumnDef::new(Responses::Answers).text().not_null())
                    .col(ColumnDef::new(Responses::AnswersDigest).string().not_null())
                    .col(ColumnDef::new(Responses::Language).string().not_null())
                    .col(ColumnDef::new(Responses::Receipt).string().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Responses::Table, Responses::SurveyId)
                            .to(Surveys::Table, Surveys::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Responses::Table, Responses::KeyId)
                            .to(IssuerKeys::Table, IssuerKeys::KeyId)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("responses_nonce")
                    .table(Responses::Table)
                    .col(Responses::Nonce)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("responses_survey")
                    .table(Responses::Table)
                    .col(Responses::SurveyId)
                    .to_owned(),
            )
            .await?;
        // The tally published at close: count, Merkle root and the segment counts of at least k.
        manager
            .alter_table(
                Table::alter()
                    .table(Surveys::Table)
                    .add_column(ColumnDef::new(Surveys::Tally).json().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Surveys::Table)
                    .drop_column(Surveys::Tally)
                    .to_owned(),
            )
            .await?;
        for table in [Responses::Table.into_iden(), IssuerKeys::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Surveys {
    Table,
    Id,
    Tally,
}

#[derive(DeriveIden)]
enum IssuerKeys {
    Table,
    KeyId,
    SurveyId,
    Segment,
    PublicKey,
    SealedPrivateKey,
}

#[derive(DeriveIden)]
enum Responses {
    Table,
    Id,
    SurveyId,
    KeyId,
    Nonce,
    Token,
    Answers,
    AnswersDigest,
    Language,
    Receipt,
}
