//! API tokens of an operator: made once, shown once, stored only as a hash.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, Set, TransactionTrait};
use uuid::Uuid;

use crate::error::AppError;
use crate::services::audit;
use crate::services::auth::{digest_hex, random_token};
use crate::storage::{api_token, user};

/// Makes a token for `owner` and returns it; only its hash is kept.
pub async fn create(db: &sea_orm::DatabaseConnection, owner: &user::Model, name: &str) -> Result<String, AppError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::bad("give the token a name", "トークンに名前を付けてください"));
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
