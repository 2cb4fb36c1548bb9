//! The audit log of operator actions (who, what, when). Respondents never appear in it.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, NotSet, Set};

use crate::entities::audit_log;

pub async fn record(db: &impl ConnectionTrait, actor: &str, action: &str, detail: &str) -> Result<(), sea_orm::DbErr> {
    audit_log::ActiveModel {
        id: NotSet,
        at: Set(Utc::now()),
        actor: Set(actor.to_owned()),
        action: Set(action.to_owned()),
        detail: Set(detail.to_owned()),
    }
    .insert(db)
    .await?;
    Ok(())
}
