use sea_orm::TransactionTrait;

use super::{State, hold, not_in_state};
use crate::domain::{JobId, SurveyId};
use crate::error::AppError;
use crate::services::audit;

/// "Send now" on a pending reminder of an open survey: brings its job forward to now; the
/// scheduler then sends it as planned ones are sent (only to those without a ballot, once), on
/// whichever server claims it.
pub async fn remind_now(
    db: &sea_orm::DatabaseConnection,
    actor: &str,
    survey_id: SurveyId,
    job_id: JobId,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    let s = hold(&txn, survey_id, State::Open, |now| {
        not_in_state(now, State::Open, "remind")
    })
    .await?;
    crate::jobs::queue::bring_forward(&txn, s.id, job_id).await?;
    audit::record(&txn, actor, "reminder brought forward", &audit::survey(&s, None)).await?;
    txn.commit().await?;
    Ok(())
}
