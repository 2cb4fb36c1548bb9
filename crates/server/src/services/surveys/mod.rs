//! Surveys: made from a questionnaire template for a client organisation, configured while draft,
//! frozen once scheduled, then opened, closed and published. One file per action; each action holds
//! the survey's row for its transaction, checks the state it found, writes and records its audit
//! entry before committing. The operator UI and the JSON API call the same functions.

mod create;
mod plan;
mod questionnaire;
mod remind;
mod settings;
mod transition;

pub use create::{NewSurvey, create};
pub use plan::save_plan;
pub use questionnaire::replace_questionnaire;
pub use remind::remind_now;
pub use settings::{SurveySettings, update_settings};
pub use survey_analysis::segment::MIN_THRESHOLD;
pub(crate) use transition::cannot_become;
pub use transition::{Choices, transition, transition_with};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use survey_design::{Milestone, Questionnaire, Step};
use survey_i18n::msg;

use crate::domain::{SurveyId, SurveyState};
use crate::error::AppError;
use crate::storage::survey;

pub type State = SurveyState;

pub async fn find(db: &impl ConnectionTrait, id: SurveyId) -> Result<survey::Model, AppError> {
    survey::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound)
}

/// The languages the survey offers to respondents.
pub fn languages(s: &survey::Model) -> Vec<String> {
    serde_json::from_value(s.languages.clone()).unwrap_or_default()
}

/// The roster attributes whose values make the survey's segments.
pub fn breakdowns(s: &survey::Model) -> Vec<String> {
    serde_json::from_value(s.breakdowns.clone()).unwrap_or_default()
}

/// The steps of the survey's saved fieldwork plan (none when no plan was saved).
pub fn plan_steps(s: &survey::Model) -> Vec<Step> {
    let Some(steps) = s.plan.as_ref().and_then(|p| p.as_array()) else {
        return Vec::new();
    };
    steps
        .iter()
        .filter_map(|step| {
            Some(Step {
                milestone: Milestone::parse(step.get("milestone")?.as_str()?)?,
                date: step.get("date")?.as_str()?.parse().ok()?,
            })
        })
        .collect()
}

/// The questionnaire of a survey. Its source was checked when it was stored.
pub fn questionnaire(s: &survey::Model) -> Result<Questionnaire, AppError> {
    Questionnaire::from_toml(&s.template_source, &s.name).map_err(AppError::internal)
}

/// A questionnaire an operator gives (a new survey's, or a draft's replacement), with every problem.
fn parse_questionnaire(source: &str) -> Result<Questionnaire, AppError> {
    Questionnaire::from_toml(source, "template.toml")
        .map_err(|e| AppError::BadRequest(msg!("error-questionnaire-has-problems", e = e.message())))
}

/// Parsed questionnaires of surveys past draft, by survey id, each with the SHA-256 of the source it
/// was parsed from. A survey's questionnaire is frozen while it is scheduled or later, but it can go
/// back to draft, be replaced and be scheduled again: an entry is served only for the very source
/// the survey row holds now, so no server (each has its own cache) can serve an old version, and
/// each survey keeps one entry. A draft's is parsed afresh each time.
#[derive(Clone, Default)]
pub struct Questionnaires(crate::memo::Memo<SurveyId, ([u8; 32], std::sync::Arc<Questionnaire>)>);

impl Questionnaires {
    pub fn get(&self, s: &survey::Model) -> Result<std::sync::Arc<Questionnaire>, AppError> {
        if s.state == State::Draft {
            return questionnaire(s).map(std::sync::Arc::new);
        }
        let digest = source_digest(&s.template_source);
        if let Some((parsed_from, q)) = self.0.get(&s.id)
            && parsed_from == digest
        {
            return Ok(q);
        }
        let q = std::sync::Arc::new(questionnaire(s)?);
        self.0.put(s.id, (digest, q.clone()));
        Ok(q)
    }
}

fn source_digest(source: &str) -> [u8; 32] {
    let mut digest = [0; 32];
    digest.copy_from_slice(ring::digest::digest(&ring::digest::SHA256, source.as_bytes()).as_ref());
    digest
}

/// Within `txn`, before anything else in it: takes the survey's row for the transaction (its row
/// lock on PostgreSQL, the write lock on SQLite) if the survey is in `state`, and returns the row as
/// it is now. Another request may have moved it since this one read it; two that race are then one
/// after the other, and the second is refused with `refusal(row as it is now)` instead of meeting a
/// unique index (a 500) or changing a survey that has moved on.
pub async fn hold(
    txn: &impl ConnectionTrait,
    id: SurveyId,
    state: State,
    refusal: impl FnOnce(&survey::Model) -> AppError,
) -> Result<survey::Model, AppError> {
    let held = survey::Entity::update_many()
        .col_expr(
            survey::Column::State,
            sea_orm::sea_query::Expr::col(survey::Column::State),
        )
        .filter(survey::Column::Id.eq(id))
        .filter(survey::Column::State.eq(state))
        .exec(txn)
        .await?;
    let now = find(txn, id).await?;
    if held.rows_affected == 1 && now.state == state {
        Ok(now)
    } else {
        Err(refusal(&now))
    }
}

/// [`hold`] for an action only a draft allows; `action` names it (a variant of the
/// `error-survey-not-in-state` message: `roster`, `questionnaire`, `plan`, `settings`, `remind`).
pub async fn hold_draft(txn: &impl ConnectionTrait, id: SurveyId, action: &str) -> Result<survey::Model, AppError> {
    hold(txn, id, State::Draft, |now| not_in_state(now, State::Draft, action)).await
}

/// The refusal of an action that needs the survey in `state`.
pub fn not_in_state(s: &survey::Model, state: State, action: &str) -> AppError {
    AppError::Conflict(msg!(
        "error-survey-not-in-state",
        state = s.state.as_str(),
        needed = state.as_str(),
        action = action
    ))
}
