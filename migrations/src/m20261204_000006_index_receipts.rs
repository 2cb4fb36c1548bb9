//! An index on the responses' receipts: a receipt check during fieldwork (`/s/{id}/receipt`, which
//! anyone may ask as often as they like) finds its response without reading the survey's responses
//! one by one.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("responses_receipt")
                    .table(Responses::Table)
                    .col(Responses::Receipt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("responses_receipt")
                    .table(Responses::Table)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Responses {
    Table,
    Receipt,
}
