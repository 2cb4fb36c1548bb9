//! The queue: jobs made from a survey's plan when it is scheduled, brought forward on request, and
//! claimed one at a time with one atomic update (`FOR UPDATE SKIP LOCKED` on PostgreSQL), so several
//! servers on one database never run the same job at once, and a job whose server died is taken up
//! again when its lease expires.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseBackend, EntityTrait, FromQueryResult, IntoActiveModel, Set, Statement,
};
use survey_design::{Milestone, Step};

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
        return Err(AppError::conflict(
            "the plan has no fieldwork dates",
            "実施計画に調査期間の日付がありません",
        ));
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
        return Err(AppError::conflict(
            "only a reminder that has not been sent can be sent now",
            "今すぐ送れるのは、まだ送っていないリマインドだけです",
        ));
    }
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
