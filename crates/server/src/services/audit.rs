//! The audit log of operator actions (who, what, when). Respondents never appear in it. Each action
//! records its entry in its own transaction, in one shape whichever interface asked for it.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, NotSet, Set};

use crate::domain::SurveyState;
use crate::storage::{audit_log, survey};

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

/// The detail of an action on a survey: `name (id; state)`, or `name (id; from → to)` for an action
/// that began in state `from`.
pub fn survey(s: &survey::Model, from: Option<SurveyState>) -> String {
    match from {
        Some(from) => format!("{} ({}; {} → {})", s.name, s.id, from.as_str(), s.state.as_str()),
        None => format!("{} ({}; {})", s.name, s.id, s.state.as_str()),
    }
}
