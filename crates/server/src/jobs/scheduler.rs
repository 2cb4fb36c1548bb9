//! The scheduler: every few seconds, each server runs the jobs that are due — opening and closing
//! surveys, sending invitations and reminders at the times of the fieldwork plan.

use std::time::Duration;

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use super::queue;
use crate::domain::{JobKind, JobState, ReminderMode};
use crate::error::AppError;
use crate::services::invitations;
use crate::services::surveys::{self, State};
use crate::state::AppState;
use crate::storage::{invitation, job, survey};

const MAX_ATTEMPTS: i32 = 5;
/// Who the audit log names for what the schedule did.
const ACTOR: &str = "scheduler";

pub fn spawn_scheduler(state: AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(state.settings.scheduler.interval_seconds.max(1)));
        loop {
            tick.tick().await;
            if let Err(e) = run_due(&state).await {
                tracing::error!(error = %crate::error::chain(&e), "scheduler");
            }
        }
    });
}

/// Runs every job that is due now, one at a time; returns how many ran.
pub async fn run_due(state: &AppState) -> Result<usize, AppError> {
    let mut ran = 0;
    while let Some(claimed) = queue::claim(&state.db).await? {
        let id = claimed.id;
        let outcome = run(state, &claimed).await;
        let Some(current) = job::Entity::find_by_id(id).one(&state.db).await? else {
            continue;
        };
        let attempts = current.attempts;
        let mut active = current.into_active_model();
        active.locked_until = Set(None);
        match outcome {
            Ok(()) => {
                active.state = Set(JobState::Done);
                active.last_error = Set(None);
                state.metrics.job_run();
            }
            Err(e) => {
                tracing::warn!(job = %id, error = %crate::error::chain(&e), "job failed");
                active.last_error = Set(Some(e.to_string()));
                if attempts >= MAX_ATTEMPTS {
                    active.state = Set(JobState::Failed);
                } else {
                    active.state = Set(JobState::Pending);
                    active.run_at = Set(Utc::now() + chrono::Duration::seconds(30 * i64::from(attempts)));
                }
            }
        }
        active.update(&state.db).await?;
        ran += 1;
    }
    Ok(ran)
}

async fn run(state: &AppState, claimed: &job::Model) -> Result<(), AppError> {
    let s = surveys::find(&state.db, claimed.survey_id).await?;
    match claimed.kind {
        JobKind::Open => {
            if s.state == State::Scheduled {
                surveys::transition(state, ACTOR, s.id, State::Open).await?;
            }
        }
        JobKind::Close => {
            if s.state == State::Open {
                surveys::transition(state, ACTOR, s.id, State::Closed).await?;
            }
        }
        JobKind::Invite => send(state, &s, None).await?,
        JobKind::Compact => crate::services::responses::compact(&state.db).await?,
        JobKind::Remind(n) => {
            if s.state == State::Open {
                send(state, &s, Some(n)).await?;
            }
        }
    }
    Ok(())
}

/// Sends invitations (to invitees not yet invited) or reminder `n` (to invitees who have had fewer
/// than `n` reminders and, unless the survey reminds everyone, have taken no ballot). Each invitee
/// is marked right after their message is handed over, so a job resumed after a crash does not send
/// it again. A survey that reminds everyone sends each invitee one lasting code, every time.
async fn send(state: &AppState, s: &survey::Model, reminder: Option<i32>) -> Result<(), AppError> {
    let mut query = invitation::Entity::find()
        .filter(invitation::Column::SurveyId.eq(s.id))
        .filter(invitation::Column::Email.is_not_null());
    query = match reminder {
        None => query.filter(invitation::Column::Invited.eq(false)),
        Some(n) if s.reminder_mode == ReminderMode::Everyone => query
            .filter(invitation::Column::Invited.eq(true))
            .filter(invitation::Column::RemindersSent.lt(n)),
        Some(n) => query
            .filter(invitation::Column::Invited.eq(true))
            .filter(invitation::Column::TokenIssued.eq(false))
            .filter(invitation::Column::RemindersSent.lt(n)),
    };
    for invitee in query.all(&state.db).await? {
        let code = match s.reminder_mode {
            ReminderMode::Everyone => invitations::keep_lasting_code(&state.db, &state.hmac_key, &invitee).await?,
            ReminderMode::WithoutBallot => invitations::new_code(&state.db, &state.hmac_key, &invitee).await?,
        };
        let Some(mail) = invitations::mail(
            s,
            &invitee,
            &state.settings.server.public_url,
            &code,
            reminder.is_some(),
        ) else {
            continue;
        };
        state
            .mailer
            .send(&state.settings.mail.from, &mail)
            .await
            .map_err(AppError::internal)?;
        state.metrics.mail_sent();
        let mut active = invitee.into_active_model();
        match reminder {
            None => active.invited = Set(true),
            Some(n) => active.reminders_sent = Set(n),
        }
        active.update(&state.db).await?;
    }
    Ok(())
}
