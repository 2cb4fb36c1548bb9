use sea_orm::{ActiveModelTrait, IntoActiveModel, Set, TransactionTrait};

use super::{hold_draft, parse_questionnaire};
use crate::domain::SurveyId;
use crate::error::AppError;
use crate::services::audit;
use crate::storage::survey;

/// Replaces the questionnaire of a draft survey.
pub async fn replace_questionnaire(
    db: &sea_orm::DatabaseConnection,
    actor: &str,
    id: SurveyId,
    source: String,
) -> Result<survey::Model, AppError> {
    parse_questionnaire(&source)?;
    let txn = db.begin().await?;
    let s = hold_draft(&txn, id, "questionnaire").await?;
    let from = s.state;
    let mut active = s.into_active_model();
    active.template_source = Set(source);
    let updated = active.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        "questionnaire replaced",
        &audit::survey(&updated, Some(from)),
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}
