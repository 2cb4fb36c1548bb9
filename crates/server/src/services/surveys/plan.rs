use sea_orm::{ActiveModelTrait, IntoActiveModel, Set, TransactionTrait};
use survey_design::Plan;

use super::hold_draft;
use crate::domain::SurveyId;
use crate::error::AppError;
use crate::services::audit;
use crate::storage::survey;

/// Saves a draft's fieldwork plan (proposed backwards from the programme start, or entered by hand;
/// the web layer parses either into a [`Plan`]).
pub async fn save_plan(
    db: &sea_orm::DatabaseConnection,
    actor: &str,
    id: SurveyId,
    plan: Plan,
) -> Result<survey::Model, AppError> {
    let json = serde_json::to_value(plan.steps()).map_err(AppError::internal)?;
    let txn = db.begin().await?;
    let s = hold_draft(&txn, id, "plan").await?;
    let from = s.state;
    let mut active = s.into_active_model();
    active.plan = Set(Some(json));
    let updated = active.update(&txn).await?;
    audit::record(&txn, actor, "plan saved", &audit::survey(&updated, Some(from))).await?;
    txn.commit().await?;
    Ok(updated)
}
