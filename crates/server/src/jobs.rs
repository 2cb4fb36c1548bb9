//! Persistent scheduled jobs: opening and closing surveys, sending invitations and reminders at the
//! times of the fieldwork plan. Jobs live in the database, so they survive restarts; a job is
//! claimed with one atomic update (`FOR UPDATE SKIP LOCKED` on PostgreSQL), so several servers on
//! one database never run the same job at once, and a job whose server died is taken up again when
//! its lock expires.

use std::time::Duration;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, FromQueryResult, IntoActiveModel,
    QueryFilter, Set, Statement,
};
use survey_design::{Milestone, Step};
use uuid::Uuid;

use crate::entities::{invitation, job, survey};
use crate::error::AppError;
use crate::state::AppState;
use crate::surveys::{self, State};

/// How long a claimed job stays locked before another server may take it over.
const LEASE_MINUTES: i64 = 10;
const MAX_ATTEMPTS: i32 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Open,
    Invite,
    /// The n-th reminder (1-based).
    Remind(i32),
    Close,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "open" => Some(Self::Open),
            "invite" => Some(Self::Invite),
            "close" => Some(Self::Close),
            other => other
                .strip_prefix("remind:")
                .and_then(|n| n.parse().ok())
                .map(Self::Remind),
        }
    }

    pub fn key(self) -> String {
        match self {
            Self::Open => "open".into(),
            Self::Invite => "invite".into(),
            Self::Remind(n) => format!("remind:{n}"),
            Self::Close => "close".into(),
        }
    }
}

/// Creates the jobs of a survey from its saved plan (`[{ "milestone", "date" }]`).
pub async fn schedule(
    db: &impl ConnectionTrait,
    survey_id: Uuid,
    steps: &[Step],
    offset_hours: i32,
) -> Result<(), AppError> {
    let date = |m: Milestone| steps.iter().find(|s| s.milestone == m).map(|s| s.date);
    let (Some(open), Some(close)) = (date(Milestone::FieldworkOpen), date(Milestone::FieldworkClose)) else {
        return Err(AppError::conflict(
            "the plan has no fieldwork dates",
            "実施計画に調査期間の日付がありません",
        ));
    };
    let mut jobs = vec![
        (Kind::Open, at(open, 9, offset_hours)),
        (Kind::Invite, at(open, 9, offset_hours)),
        (Kind::Close, at(close, 18, offset_hours)),
    ];
    for step in steps {
        if let Milestone::Reminder(n) = step.milestone {
            jobs.push((Kind::Remind(i32::from(n)), at(step.date, 9, offset_hours)));
        }
    }
    for (kind, run_at) in jobs {
        job::ActiveModel {
            id: Set(Uuid::new_v4()),
            survey_id: Set(survey_id),
            kind: Set(kind.key()),
            run_at: Set(run_at),
            state: Set("pending".into()),
            attempts: Set(0),
            locked_until: Set(None),
            last_error: Set(None),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Brings a pending reminder of an open survey forward to now, for the operator who will not wait
/// for its planned morning; the scheduler then sends it as planned ones are sent (only to those
/// without a token, once), on whichever server claims it.
pub async fn remind_now(db: &impl ConnectionTrait, s: &survey::Model, job_id: Uuid) -> Result<(), AppError> {
    let job = job::Entity::find_by_id(job_id)
        .one(db)
        .await?
        .filter(|j| j.survey_id == s.id)
        .ok_or(AppError::NotFound)?;
    if !matches!(Kind::parse(&job.kind), Some(Kind::Remind(_))) || job.state != "pending" {
        return Err(AppError::conflict(
            "only a reminder that has not been sent can be sent now",
            "今すぐ送れるのは、まだ送っていないリマインドだけです",
        ));
    }
    surveys::require_state(s, State::Open, ("send a reminder", "リマインドを送信"))?;
    let mut active = job.into_active_model();
    active.run_at = Set(Utc::now());
    active.update(db).await?;
    Ok(())
}

/// `hour`:00 on `day` in the fieldwork's time zone, in UTC.
fn at(day: NaiveDate, hour: u32, offset_hours: i32) -> DateTime<Utc> {
    let local = day.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default());
    local.and_utc() - chrono::Duration::hours(i64::from(offset_hours))
}

pub fn spawn_scheduler(state: AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(state.settings.scheduler.interval_seconds.max(1)));
        loop {
            tick.tick().await;
            if let Err(e) = run_due(&state).await {
                tracing::error!(error = ?e, "scheduler");
            }
        }
    });
}

/// Runs every job that is due now, one at a time; returns how many ran.
pub async fn run_due(state: &AppState) -> Result<usize, AppError> {
    let mut ran = 0;
    while let Some(claimed) = claim(&state.db).await? {
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
                active.state = Set("done".into());
                active.last_error = Set(None);
                state.metrics.job_run();
            }
            Err(e) => {
                tracing::warn!(job = %id, error = ?e, "job failed");
                active.last_error = Set(Some(e.to_string()));
                if attempts >= MAX_ATTEMPTS {
                    active.state = Set("failed".into());
                } else {
                    active.state = Set("pending".into());
                    active.run_at = Set(Utc::now() + chrono::Duration::seconds(30 * i64::from(attempts)));
                }
            }
        }
        active.update(&state.db).await?;
        ran += 1;
    }
    Ok(ran)
}

/// Takes one due job (or one whose lease expired), marking it running, in one atomic statement.
async fn claim(db: &sea_orm::DatabaseConnection) -> Result<Option<job::Model>, sea_orm::DbErr> {
    let backend = db.get_database_backend();
    let now = Utc::now();
    let lease = now + chrono::Duration::minutes(LEASE_MINUTES);
    let sql = match backend {
        DatabaseBackend::Postgres => {
            "UPDATE jobs SET state = 'running', locked_until = $1, attempts = attempts + 1 \
             WHERE id = (SELECT id FROM jobs WHERE (state = 'pending' AND run_at <= $2) \
                OR (state = 'running' AND locked_until < $2) ORDER BY run_at LIMIT 1 FOR UPDATE SKIP LOCKED) \
             RETURNING *"
        }
        _ => {
            "UPDATE jobs SET state = 'running', locked_until = $1, attempts = attempts + 1 \
             WHERE id = (SELECT id FROM jobs WHERE (state = 'pending' AND run_at <= $2) \
                OR (state = 'running' AND locked_until < $2) ORDER BY run_at LIMIT 1) \
             RETURNING *"
        }
    };
    job::Model::find_by_statement(Statement::from_sql_and_values(backend, sql, [lease.into(), now.into()]))
        .one(db)
        .await
}

async fn run(state: &AppState, claimed: &job::Model) -> Result<(), AppError> {
    let kind =
        Kind::parse(&claimed.kind).ok_or_else(|| AppError::internal(format!("unknown job kind {}", claimed.kind)))?;
    let s = surveys::find(&state.db, claimed.survey_id).await?;
    match kind {
        Kind::Open => {
            if surveys::state_of(&s) == State::Scheduled {
                surveys::transition(state, s, State::Open).await?;
            }
        }
        Kind::Close => {
            if surveys::state_of(&s) == State::Open {
                surveys::transition(state, s, State::Closed).await?;
            }
        }
        Kind::Invite => send(state, &s, None).await?,
        Kind::Remind(n) => {
            if surveys::state_of(&s) == State::Open {
                send(state, &s, Some(n)).await?;
            }
        }
    }
    Ok(())
}

/// Sends invitations (to invitees not yet invited) or reminder `n` (to invitees who have taken no
/// token and have had fewer than `n` reminders). Each invitee is marked right after their message
/// is handed over, so a job resumed after a crash does not send it again.
async fn send(state: &AppState, s: &survey::Model, reminder: Option<i32>) -> Result<(), AppError> {
    let mut query = invitation::Entity::find()
        .filter(invitation::Column::SurveyId.eq(s.id))
        .filter(invitation::Column::Email.is_not_null());
    query = match reminder {
        None => query.filter(invitation::Column::Invited.eq(false)),
        Some(n) => query
            .filter(invitation::Column::Invited.eq(true))
            .filter(invitation::Column::TokenIssued.eq(false))
            .filter(invitation::Column::RemindersSent.lt(n)),
    };
    for invitee in query.all(&state.db).await? {
        let code = crate::invitations::new_code(&state.db, &state.hmac_key, &invitee).await?;
        let Some(mail) = crate::invitations::mail(
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
