//! Client organisations.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use survey_i18n::msg;

use crate::domain::{Name, NameOf, OrganisationId};
use crate::error::AppError;
use crate::services::audit;
use crate::storage::organisation;

/// Every client organisation, by name.
pub async fn by_name(db: &impl ConnectionTrait) -> Result<Vec<organisation::Model>, AppError> {
    Ok(organisation::Entity::find()
        .order_by_asc(organisation::Column::Name)
        .all(db)
        .await?)
}

pub async fn find(db: &impl ConnectionTrait, id: OrganisationId) -> Result<organisation::Model, AppError> {
    organisation::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Adds a client organisation; its name is unique.
pub async fn create(
    db: &sea_orm::DatabaseConnection,
    actor: &str,
    name: &str,
) -> Result<organisation::Model, AppError> {
    let name = Name::parse(name, NameOf::Organisation)?;
    let taken = || AppError::Conflict(msg!("error-there-already-client-named", name = name.to_string()));
    if organisation::Entity::find()
        .filter(organisation::Column::Name.eq(name.as_str()))
        .one(db)
        .await?
        .is_some()
    {
        return Err(taken());
    }
    // The unique index decides between two requests that both passed the check above; the insert
    // is the transaction's first statement, so two at once on SQLite wait for each other.
    let txn = db.begin().await?;
    let created = organisation::ActiveModel {
        id: Set(OrganisationId::new()),
        name: Set(name.to_string()),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await
    .map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => taken(),
        _ => e.into(),
    })?;
    audit::record(&txn, actor, "organisation created", name.as_str()).await?;
    txn.commit().await?;
    Ok(created)
}
