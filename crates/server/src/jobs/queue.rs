//! The queue: jobs made from a survey's plan when it is scheduled, brought forward on request, and
//! claimed one at a time with one atomic update (`FOR UPDATE SKIP LOCKED` on PostgreSQL), so several
//! servers on one database never run the same job at once, and a job whose server died is taken up
//! again when its lease expires.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseBackend, EntityTrait, FromQueryResult, IntoActiveModel, Set, Statement,
};
use survey_design::{Milestone, Step};
use survey_i18n::msg;

use crate::domain::{JobId, JobKind, JobState, SurveyId};
use crate::error::AppError;
use crate::storage::job;

/// How long a claimed job stays locked before another server may take it over.
const LEASE_MINUTES: i64 = 10;

/// Creates the jobs of a survey from its saved plan (`[{ "milestone", "date" }]`).
pub async fn schedule(
    db: &impl ConnectionTrait,
    survey_id: SurveyId,
    steps: &[Step],
    offset_hours: i32,
) -> Result<(), AppError> {
    let date = |m: Milestone| steps.iter().find(|s| s.milestone == m).map(|s| s.date);
    let (Some(open), Some(close)) = (date(Milestone::FieldworkOpen), date(Milestone::FieldworkClose)) else {
        return Err(AppError::Conflict(msg!("error-plan-has-no-fieldwork-dates")));
    };
    let mut jobs = vec![
        (JobKind::Open, at(open, 9, offset_hours)),
        (JobKind::Invite, at(open, 9, offset_hours)),
        (JobKind::Close, at(close, 18, offset_hours)),
    ];
    for step in steps {
        if let Milestone::Reminder(n) = step.milestone {
            jobs.push((JobKind::Remind(i32::from(n)), at(step.date, 9, offset_hours)));
        }
    }
    for (kind, run_at) in jobs {
        job::ActiveModel {
            id: Set(JobId::new()),
            survey_id: Set(survey_id),
            kind: Set(kind),
            run_at: Set(run_at),
            state: Set(JobState::Pending),
            attempts: Set(0),
            locked_until: Set(None),
            last_error: Set(None),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Brings a pending reminder of the survey forward to now (see `services::surveys::remind_now`).
pub async fn bring_forward(db: &impl ConnectionTrait, survey_id: SurveyId, job_id: JobId) -> Result<(), AppError> {
    let job = job::Entity::find_by_id(job_id)
        .one(db)
        .await?
        .filter(|j| j.survey_id == survey_id)
        .ok_or(AppError::NotFound)?;
    if !matches!(job.kind, JobKind::Remind(_)) || job.state != JobState::Pending {
        return Err(AppError::Conflict(msg!("error-only-reminder-has-not-been")));
    }
    let mut active = job.into_active_model();
    active.run_at = Set(Utc::now());
    active.update(db).await?;
    Ok(())
}

/// Opening a survey by hand, in the transaction that opens it: its invitations are sent now instead
/// of on the planned day (the pending `invite` job is due at once), the planned `open` job has
/// nothing left to do, and, with `move_reminders`, every pending reminder moves earlier by as many
/// days as the opening did (else each keeps its date). Returns how many days earlier than planned
/// the survey opened (0 when it opened on the planned day or had no pending opening).
pub async fn open_now(
    db: &impl ConnectionTrait,
    survey_id: SurveyId,
    move_reminders: bool,
    offset_hours: i32,
) -> Result<i64, AppError> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let now = Utc::now();
    let pending = job::Entity::find()
        .filter(job::Column::SurveyId.eq(survey_id))
        .filter(job::Column::State.eq(JobState::Pending))
        .all(db)
        .await?;
    let local = |t: DateTime<Utc>| (t + chrono::Duration::hours(i64::from(offset_hours))).date_naive();
    let planned = pending.iter().find(|j| j.kind == JobKind::Open).map(|j| j.run_at);
    let days = planned.map_or(0, |planned| (local(planned) - local(now)).num_days().max(0));
    for j in pending {
        let mut active = j.clone().into_active_model();
        match j.kind {
            JobKind::Open => active.state = Set(JobState::Done),
            JobKind::Invite if j.run_at > now => active.run_at = Set(now),
            JobKind::Remind(_) if move_reminders && days > 0 => {
                active.run_at = Set((j.run_at - chrono::Duration::days(days)).max(now));
            }
            _ => continue,
        }
        active.update(db).await?;
    }
    Ok(days)
}

/// At close, in its transaction: the job that compacts the storage. It is due a minute later, so
/// that the close's own attempt right after its commit comes first; if that fails, the scheduler
/// runs it (and again, with its backoff) until it succeeds.
pub async fn add_compaction(db: &impl ConnectionTrait, survey_id: SurveyId) -> Result<JobId, AppError> {
    let id = JobId::new();
    job::ActiveModel {
        id: Set(id),
        survey_id: Set(survey_id),
        kind: Set(JobKind::Compact),
        run_at: Set(Utc::now() + chrono::Duration::minutes(1)),
        state: Set(JobState::Pending),
        attempts: Set(0),
        locked_until: Set(None),
        last_error: Set(None),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// Marks a job done that was done outside the scheduler (the close's own compaction), unless a
/// scheduler has claimed it meanwhile, which then finishes it itself.
pub async fn done_outside(db: &impl ConnectionTrait, id: JobId) -> Result<(), AppError> {
    use sea_orm::{ColumnTrait, QueryFilter};
    job::Entity::update_many()
        .col_expr(
            job::Column::State,
            sea_orm::sea_query::Expr::value(JobState::Done.as_str()),
        )
        .filter(job::Column::Id.eq(id))
        .filter(job::Column::State.eq(JobState::Pending))
        .exec(db)
        .await?;
    Ok(())
}

/// Notes why a job tried outside the scheduler failed, for the survey page; it stays pending.
pub async fn failed_outside(db: &impl ConnectionTrait, id: JobId, error: &str) -> Result<(), AppError> {
    use sea_orm::{ColumnTrait, QueryFilter};
    job::Entity::update_many()
        .col_expr(job::Column::LastError, sea_orm::sea_query::Expr::value(error))
        .filter(job::Column::Id.eq(id))
        .filter(job::Column::State.eq(JobState::Pending))
        .exec(db)
        .await?;
    Ok(())
}

/// `hour`:00 on `day` in the fieldwork's time zone, in UTC.
fn at(day: NaiveDate, hour: u32, offset_hours: i32) -> DateTime<Utc> {
    let local = day.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default());
    local.and_utc() - chrono::Duration::hours(i64::from(offset_hours))
}

/// Takes one due job (or one whose lease expired), marking it running, in one atomic statement.
pub(super) async fn claim(db: &sea_orm::DatabaseConnection) -> Result<Option<job::Model>, sea_orm::DbErr> {
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
