//! API tokens of an operator: made once, shown once, stored only as a hash; revoked by their owner.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, Set, TransactionTrait};
use survey_i18n::msg;
use uuid::Uuid;

use crate::error::AppError;
use crate::services::audit;
use crate::services::auth::{digest_hex, random_token};
use crate::storage::{api_token, user};

/// Makes a token for `owner` and returns it; only its hash is kept.
pub async fn create(db: &sea_orm::DatabaseConnection, owner: &user::Model, name: &str) -> Result<String, AppError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::BadRequest(msg!("error-give-token-name")));
    }
    let token = random_token();
    let txn = db.begin().await?;
    api_token::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(owner.id),
        name: Set(name.to_owned()),
        token_hash: Set(digest_hex(&token)),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, &owner.email, "api token created", name).await?;
    txn.commit().await?;
    Ok(token)
}

/// Revokes one of `owner`'s tokens, with its audit entry: it stops working at once. A token of
/// another user is not found, as if it did not exist.
pub async fn revoke(db: &sea_orm::DatabaseConnection, owner: &user::Model, id: Uuid) -> Result<(), AppError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let txn = db.begin().await?;
    let revoked = api_token::Entity::delete_many()
        .filter(api_token::Column::Id.eq(id))
        .filter(api_token::Column::UserId.eq(owner.id))
        .exec_with_returning(&txn)
        .await?;
    let Some(token) = revoked.first() else {
        return Err(AppError::NotFound);
    };
    audit::record(&txn, &owner.email, "api token revoked", &token.name).await?;
    txn.commit().await?;
    Ok(())
}

/// `owner`'s tokens, oldest first (their names and ids; the tokens themselves are not kept).
pub async fn of(db: &impl sea_orm::ConnectionTrait, owner: &user::Model) -> Result<Vec<api_token::Model>, AppError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    Ok(api_token::Entity::find()
        .filter(api_token::Column::UserId.eq(owner.id))
        .order_by_asc(api_token::Column::CreatedAt)
        .all(db)
        .await?)
}
