use chrono::Utc;
use sea_orm::{ActiveModelTrait, EntityTrait, Set, TransactionTrait};
use serde::Deserialize;
use survey_i18n::msg;

use super::{State, parse_questionnaire};
use crate::domain::{Name, NameOf, OrganisationId, ReminderMode, SurveyId};
use crate::error::AppError;
use crate::services::audit;
use crate::storage::{organisation, survey};

/// What an operator enters to make a survey.
#[derive(Debug, Deserialize)]
pub struct NewSurvey {
    pub organisation_id: OrganisationId,
    pub name: String,
    /// The questionnaire's TOML, from a bundled template or an upload.
    pub template_source: String,
}

/// Makes a draft survey for a client, with the default thresholds (k = 5, comments 10).
pub async fn create(db: &sea_orm::DatabaseConnection, actor: &str, new: NewSurvey) -> Result<survey::Model, AppError> {
    let name = Name::parse(&new.name, NameOf::Survey)?;
    let questionnaire = parse_questionnaire(&new.template_source)?;
    let languages: Vec<&str> = questionnaire.languages().iter().map(|l| l.as_str()).collect();
    if organisation::Entity::find_by_id(new.organisation_id)
        .one(db)
        .await?
        .is_none()
    {
        return Err(AppError::BadRequest(msg!("error-choose-existing-client-organisation")));
    }
    let txn = db.begin().await?;
    let created = survey::ActiveModel {
        id: Set(SurveyId::new()),
        organisation_id: Set(new.organisation_id),
        name: Set(name.into_inner()),
        template_source: Set(new.template_source),
        state: Set(State::Draft),
        languages: Set(serde_json::json!(languages)),
        k_threshold: Set(5),
        comment_threshold: Set(10),
        breakdowns: Set(serde_json::json!([])),
        allow_fallback: Set(false),
        plan: Set(None),
        created_at: Set(Utc::now()),
        tally: Set(None),
        reminder_mode: Set(ReminderMode::default()),
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, actor, "survey created", &audit::survey(&created, None)).await?;
    txn.commit().await?;
    Ok(created)
}
