//! Database migrations (sea-orm-migration), one set for SQLite and PostgreSQL, applied in order by
//! [`Migrator`] (`survey migrate`, and on every server start).

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_create_accounts;
mod m20261123_000002_create_surveys;
mod m20261123_000003_create_responses;
mod m20261124_000004_create_report_files;
mod m20261204_000005_forget_ballots_at_close;
mod m20261204_000006_index_receipts;
mod m20261205_000007_report_files_per_language;
mod m20261205_000008_index_responses_by_survey_and_id;

#[derive(Debug)]
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_create_accounts::Migration),
            Box::new(m20261123_000002_create_surveys::Migration),
            Box::new(m20261123_000003_create_responses::Migration),
            Box::new(m20261124_000004_create_report_files::Migration),
            Box::new(m20261204_000005_forget_ballots_at_close::Migration),
            Box::new(m20261204_000006_index_receipts::Migration),
            Box::new(m20261205_000007_report_files_per_language::Migration),
            Box::new(m20261205_000008_index_responses_by_survey_and_id::Migration),
        ]
    }
}
