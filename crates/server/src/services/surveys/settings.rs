use sea_orm::{ActiveModelTrait, IntoActiveModel, Set, TransactionTrait};
use serde::Deserialize;
use survey_i18n::msg;

use super::{MIN_THRESHOLD, hold_draft, questionnaire};
use crate::domain::{Name, NameOf, ReminderMode, SurveyId};
use crate::error::AppError;
use crate::services::{audit, roster};
use crate::storage::survey;

/// Settings an operator may change while the survey is a draft.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveySettings {
    pub name: String,
    /// Languages offered to respondents: a subset of the questionnaire's.
    pub languages: Vec<String>,
    pub k_threshold: i32,
    pub comment_threshold: i32,
    pub breakdowns: Vec<String>,
    pub allow_fallback: bool,
    /// Whom reminders go to; only to those without a ballot unless said.
    #[serde(default)]
    pub reminder_mode: ReminderMode,
}

/// Changes a draft's settings; a new threshold or new breakdowns regroup the roster's segments in
/// the same transaction, which holds the survey as a draft so that the scheduling (which makes the
/// segments' keys) cannot come between.
pub async fn update_settings(
    db: &sea_orm::DatabaseConnection,
    actor: &str,
    id: SurveyId,
    settings: SurveySettings,
) -> Result<survey::Model, AppError> {
    let txn = db.begin().await?;
    let s = hold_draft(&txn, id, "settings").await?;
    let q = questionnaire(&s)?;
    let offered: Vec<&str> = q.languages().iter().map(|l| l.as_str()).collect();
    if settings.languages.is_empty() {
        return Err(AppError::BadRequest(msg!("error-offer-least-one-language")));
    }
    if let Some(bad) = settings.languages.iter().find(|l| !offered.contains(&l.as_str())) {
        let offered = offered.join(", ");
        return Err(AppError::BadRequest(msg!(
            "error-questionnaire-has-no-texts-choose",
            bad = bad.to_string(),
            offered = offered.to_string()
        )));
    }
    if settings.k_threshold < MIN_THRESHOLD {
        let asked = settings.k_threshold;
        return Err(AppError::BadRequest(msg!(
            "error-anonymity-threshold-cannot-below-asked",
            MIN_THRESHOLD = MIN_THRESHOLD.to_string(),
            asked = asked.to_string()
        )));
    }
    if settings.comment_threshold < settings.k_threshold {
        let (c, k) = (settings.comment_threshold, settings.k_threshold);
        return Err(AppError::BadRequest(msg!(
            "error-comment-threshold-cannot-below-anonymity",
            c = c.to_string(),
            k = k.to_string()
        )));
    }
    if let Some(bad) = settings.breakdowns.iter().find(|b| !roster::is_attribute_name(b)) {
        return Err(AppError::BadRequest(msg!(
            "error-not-roster-column-name-use",
            bad = bad.to_string()
        )));
    }
    let name = Name::parse(&settings.name, NameOf::Survey)?;
    let breakdowns_changed = serde_json::json!(settings.breakdowns) != s.breakdowns;
    let k_changed = settings.k_threshold != s.k_threshold;
    let from = s.state;
    let mut active = s.into_active_model();
    active.name = Set(name.into_inner());
    active.languages = Set(serde_json::json!(settings.languages));
    active.k_threshold = Set(settings.k_threshold);
    active.comment_threshold = Set(settings.comment_threshold);
    active.breakdowns = Set(serde_json::json!(settings.breakdowns));
    active.allow_fallback = Set(settings.allow_fallback);
    active.reminder_mode = Set(settings.reminder_mode);
    let updated = active.update(&txn).await?;
    if breakdowns_changed || k_changed {
        roster::resegment(&txn, &updated).await?;
    }
    audit::record(
        &txn,
        actor,
        "survey settings changed",
        &audit::survey(&updated, Some(from)),
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}
