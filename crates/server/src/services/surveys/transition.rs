use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Set, TransactionTrait,
};
use survey_i18n::msg;

use super::{State, find, hold, plan_steps};
use crate::domain::{JobState, SurveyId};
use crate::error::AppError;
use crate::services::{audit, invitations, issuance, reports, responses};
use crate::state::AppState;
use crate::storage::{invitation, job, survey};

/// What the operator chose beside a move: how a survey opened by hand treats its plan's
/// reminders, and the languages a report is published in. A move to another state ignores them.
#[derive(Clone, Default)]
pub struct Choices {
    /// Move every pending reminder earlier by as many days as the opening moved; else (the
    /// default) each keeps its planned date.
    pub move_reminders: bool,
    /// The languages to publish the report in; `None`, the questionnaire's default language.
    pub report_languages: Option<Vec<survey_design::Lang>>,
    /// Where publishing in the background tells how far it is.
    pub progress: Option<crate::services::publishing::Publishing>,
}

/// Moves a survey to `to`, if that is one of the next states and its conditions hold. Scheduling
/// needs a roster and a plan and creates the jobs and the segments' issuer keys; going back to draft
/// removes pending jobs and the keys; opening sends the invitations now (see [`transition_with`]);
/// closing rewrites the responses in random order, publishes the tally and compacts the storage;
/// publishing stores the report's files.
pub async fn transition(state: &AppState, actor: &str, id: SurveyId, to: State) -> Result<survey::Model, AppError> {
    transition_with(state, actor, id, to, Choices::default()).await
}

/// [`transition`] with the operator's [`Choices`]. Opening before the planned day brings the
/// invitations forward to now (they would otherwise wait for that day), and with
/// `choices.move_reminders` moves the pending reminders by as many days as the opening moved;
/// publishing renders the report in `choices.report_languages`.
pub async fn transition_with(
    state: &AppState,
    actor: &str,
    id: SurveyId,
    to: State,
    choices: Choices,
) -> Result<survey::Model, AppError> {
    let db = &state.db;
    let s = find(db, id).await?;
    let from = s.state;
    if !from.next().contains(&to) {
        return Err(cannot_become(from, to));
    }
    // Rendered before the transaction, which then only stores them.
    let report_files = if to == State::Published {
        let q = state.questionnaires.get(&s)?;
        let languages = match &choices.report_languages {
            Some(asked) => reports::languages_asked(&q, asked)?,
            None => reports::default_languages(&q),
        };
        Some(reports::render(state, &s, &languages, choices.progress.as_ref()).await?)
    } else {
        None
    };
    let txn = db.begin().await?;
    let s = hold(&txn, id, from, |_| changed_meanwhile()).await?;
    if let Some(files) = report_files {
        reports::store(&txn, s.id, files).await?;
    }
    if to == State::Scheduled {
        let invitees = invitation::Entity::find()
            .filter(invitation::Column::SurveyId.eq(s.id))
            .count(&txn)
            .await?;
        if invitees == 0 {
            return Err(AppError::Conflict(msg!("error-import-roster-before-scheduling")));
        }
        if s.plan.is_none() {
            return Err(AppError::Conflict(msg!("error-save-fieldwork-plan-before-scheduling")));
        }
        crate::jobs::queue::schedule(&txn, s.id, &plan_steps(&s), state.settings.scheduler.utc_offset_hours).await?;
        issuance::make_keys(&txn, &state.issuers, s.id).await?;
    }
    if to == State::Draft {
        job::Entity::delete_many()
            .filter(job::Column::SurveyId.eq(s.id))
            .filter(job::Column::State.eq(JobState::Pending))
            .exec(&txn)
            .await?;
        issuance::drop_keys(&txn, s.id).await?;
    }
    let mut detail = String::new();
    if to == State::Open {
        let offset = state.settings.scheduler.utc_offset_hours;
        let early = crate::jobs::queue::open_now(&txn, s.id, choices.move_reminders, offset).await?;
        if early > 0 {
            detail = format!(
                "; opened {early} day(s) before the plan, invitations now, reminders {}",
                if choices.move_reminders {
                    "moved as much"
                } else {
                    "on their dates"
                }
            );
        }
    }
    let compaction = if to == State::Closed {
        Some(crate::jobs::queue::add_compaction(&txn, s.id).await?)
    } else {
        None
    };
    let tally = if to == State::Closed {
        let tally = responses::rewrite_and_tally(&txn, &state.settings, &s).await?;
        invitations::forget_ballots(&txn, &s).await?;
        Some(tally)
    } else {
        None
    };
    let mut active = s.into_active_model();
    active.state = Set(to);
    if tally.is_some() {
        active.tally = Set(tally);
    }
    let updated = active.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        "survey state changed",
        &format!("{}{detail}", audit::survey(&updated, Some(from))),
    )
    .await?;
    txn.commit().await?;
    if let Some(job) = compaction {
        // The close stands either way; a compaction that failed stays a pending job, retried by
        // the scheduler (see `responses::compact`).
        match responses::compact(db).await {
            Ok(()) => {
                if let Err(e) = crate::jobs::queue::done_outside(db, job).await {
                    tracing::warn!(error = %crate::error::chain(&e), "compaction done, its job not marked");
                }
            }
            Err(e) => {
                let why = crate::error::chain(&e);
                tracing::warn!(survey = %updated.id, error = %why, "compaction after close failed; the scheduler retries it");
                if let Err(e) = crate::jobs::queue::failed_outside(db, job, &why).await {
                    tracing::warn!(error = %crate::error::chain(&e), "the compaction's failure not noted");
                }
            }
        }
    }
    Ok(updated)
}

pub(crate) fn cannot_become(from: State, to: State) -> AppError {
    let allowed: Vec<&str> = from.next().iter().map(|s| s.as_str()).collect();
    AppError::Conflict(msg!(
        "error-survey-cannot-become",
        from = from.as_str(),
        to = to.as_str(),
        count = allowed.len(),
        first = allowed.first().copied().unwrap_or(""),
        second = allowed.get(1).copied().unwrap_or("")
    ))
}

fn changed_meanwhile() -> AppError {
    AppError::Conflict(msg!("error-survey-was-changed-meanwhile-another"))
}
