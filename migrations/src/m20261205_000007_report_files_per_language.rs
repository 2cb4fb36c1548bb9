//! A report is published in each language the operator chooses (a global client's head office reads
//! the English one beside the Japanese): a published file is known by its survey, language and
//! format. The files published before were in the questionnaire's default language.
//!
//! The primary key changes, which SQLite can only do by building the table anew: the rows go to a
//! new table that then takes the old one's name.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::ConnectionTrait;
use sea_orm_migration::sea_orm::prelude::Uuid;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    /// All or nothing on SQLite too (sea-orm-migration wraps PostgreSQL's migrations only): a
    /// rebuild cut short would leave the files in a table of another name.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rebuild(manager, true).await?;
        let db = manager.get_connection();
        let surveys = db
            .query_all(
                &Query::select()
                    .distinct()
                    .column((Surveys::Table, Surveys::Id))
                    .column((Surveys::Table, Surveys::TemplateSource))
                    .from(Surveys::Table)
                    .inner_join(
                        ReportFiles::Table,
                        Expr::col((ReportFiles::Table, ReportFiles::SurveyId)).equals((Surveys::Table, Surveys::Id)),
                    )
                    .to_owned(),
            )
            .await?;
        for row in surveys {
            let id: Uuid = row.try_get("", "id")?;
            let source: String = row.try_get("", "template_source")?;
            let language = default_language(&source).unwrap_or("en");
            manager
                .exec_stmt(
                    Query::update()
                        .table(ReportFiles::Table)
                        .value(ReportFiles::Language, language)
                        .and_where(Expr::col(ReportFiles::SurveyId).eq(id))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    /// Keeps one language per survey and format, the one published first, as the old key allows.
    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rebuild(manager, false).await
    }
}

/// Moves `report_files` into a table of the new shape (`with_language`) or of the old one.
async fn rebuild(manager: &SchemaManager<'_>, with_language: bool) -> Result<(), DbErr> {
    let mut table = Table::create();
    table
        .table(ReportFilesNew::Table)
        .col(ColumnDef::new(ReportFiles::SurveyId).uuid().not_null());
    if with_language {
        table.col(ColumnDef::new(ReportFiles::Language).string().not_null().default(""));
    }
    let mut key = Index::create();
    key.col(ReportFiles::SurveyId);
    if with_language {
        key.col(ReportFiles::Language);
    }
    key.col(ReportFiles::Format);
    table
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
        .primary_key(&mut key)
        .foreign_key(
            ForeignKey::create()
                .from(ReportFilesNew::Table, ReportFiles::SurveyId)
                .to(Surveys::Table, Surveys::Id)
                .on_delete(ForeignKeyAction::Cascade),
        );
    manager.create_table(table.to_owned()).await?;
    let columns = [
        ReportFiles::SurveyId,
        ReportFiles::Format,
        ReportFiles::FileName,
        ReportFiles::MediaType,
        ReportFiles::Content,
        ReportFiles::Sha256,
        ReportFiles::PublishedAt,
    ];
    let mut select = Query::select();
    select.columns(columns).from(ReportFiles::Table);
    if !with_language {
        // One row per survey and format: the earliest language in the key's order.
        select.and_where(
            Expr::col(ReportFiles::Language).in_subquery(
                Query::select()
                    .expr(Expr::col((Alias::new("first"), ReportFiles::Language)).min())
                    .from_as(ReportFiles::Table, Alias::new("first"))
                    .and_where(
                        Expr::col((Alias::new("first"), ReportFiles::SurveyId))
                            .equals((ReportFiles::Table, ReportFiles::SurveyId)),
                    )
                    .and_where(
                        Expr::col((Alias::new("first"), ReportFiles::Format))
                            .equals((ReportFiles::Table, ReportFiles::Format)),
                    )
                    .to_owned(),
            ),
        );
    }
    manager
        .exec_stmt(
            Query::insert()
                .into_table(ReportFilesNew::Table)
                .columns(columns)
                .select_from(select)
                .map_err(|e| DbErr::Migration(e.to_string()))?
                .to_owned(),
        )
        .await?;
    manager
        .drop_table(Table::drop().table(ReportFiles::Table).to_owned())
        .await?;
    manager
        .rename_table(
            Table::rename()
                .table(ReportFilesNew::Table, ReportFiles::Table)
                .to_owned(),
        )
        .await
}

/// The `default_language` of a template's source: a key of its top table, so written before the
/// first `[section]`. The loader checked it when the survey was stored.
fn default_language(source: &str) -> Option<&str> {
    source
        .lines()
        .map(str::trim)
        .take_while(|line| !line.starts_with('['))
        .find_map(|line| {
            let value = line
                .strip_prefix("default_language")?
                .trim_start()
                .strip_prefix('=')?
                .trim();
            let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            value[1..].split(quote).next()
        })
}

#[derive(DeriveIden)]
enum Surveys {
    Table,
    Id,
    TemplateSource,
}

#[derive(DeriveIden, Clone, Copy)]
enum ReportFiles {
    Table,
    SurveyId,
    Language,
    Format,
    FileName,
    MediaType,
    Content,
    Sha256,
    PublishedAt,
}

#[derive(DeriveIden)]
enum ReportFilesNew {
    Table,
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_default_language_is_read_from_the_top_table() {
        let source = "id = \"x\"\n default_language = 'vi' # comment\n[[sections]]\ndefault_language = \"ja\"\n";
        assert_eq!(super::default_language(source), Some("vi"));
        assert_eq!(super::default_language("default_language=\"pt-BR\""), Some("pt-BR"));
        assert_eq!(super::default_language("[x]\ndefault_language = \"ja\""), None);
    }
}
