use sea_orm::{ActiveModelTrait, IntoActiveModel, Set, TransactionTrait};
use serde::Deserialize;

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
    let s = hold_draft(&txn, id, ("change its settings", "設定を変更")).await?;
    let q = questionnaire(&s)?;
    let offered: Vec<&str> = q.languages().iter().map(|l| l.as_str()).collect();
    if settings.languages.is_empty() {
        return Err(AppError::bad(
            "offer at least one language",
            "言語を1つ以上選んでください",
        ));
    }
    if let Some(bad) = settings.languages.iter().find(|l| !offered.contains(&l.as_str())) {
        let offered = offered.join(", ");
        return Err(AppError::bad(
            format!("the questionnaire has no `{bad}` texts; choose among {offered}"),
            format!("調査票に `{bad}` の文言がありません。次から選んでください: {offered}"),
        ));
    }
    if settings.k_threshold < MIN_THRESHOLD {
        let asked = settings.k_threshold;
        return Err(AppError::bad(
            format!("the anonymity threshold cannot be below {MIN_THRESHOLD} (asked: {asked})"),
            format!("匿名性のしきい値は{MIN_THRESHOLD}未満にできません（指定: {asked}）"),
        ));
    }
    if settings.comment_threshold < settings.k_threshold {
        let (c, k) = (settings.comment_threshold, settings.k_threshold);
        return Err(AppError::bad(
            format!("the comment threshold ({c}) cannot be below the anonymity threshold ({k})"),
            format!("自由記述のしきい値（{c}）は匿名性のしきい値（{k}）より小さくできません"),
        ));
    }
    if let Some(bad) = settings.breakdowns.iter().find(|b| !roster::is_attribute_name(b)) {
        return Err(AppError::bad(
            format!("`{bad}` is not a roster column name (use letters, digits, `_` or `-`)"),
            format!("`{bad}` は名簿の列名として使えません（文字・数字・`_`・`-` を使ってください）"),
        ));
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
