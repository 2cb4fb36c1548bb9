//! The fieldwork plan: proposed backwards from the programme start, or given step by step.

use actix_web::{HttpResponse, web};
use chrono::NaiveDate;
use serde::Deserialize;
use survey_design::{LeadTimes, Plan, Step, WorkCalendar};

use super::{ApiError, present, survey_id};
use crate::services::surveys;
use crate::state::AppState;
use crate::web::extract::ApiUser;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PutPlan {
    /// Propose backwards from this programme start date...
    #[serde(default, deserialize_with = "present")]
    start: Option<NaiveDate>,
    #[serde(default, deserialize_with = "present")]
    lead_times: Option<LeadTimes>,
    #[serde(default)]
    holidays: Vec<NaiveDate>,
    /// ...or take these steps as entered.
    #[serde(default, deserialize_with = "present")]
    steps: Option<Vec<StepIn>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StepIn {
    milestone: String,
    date: NaiveDate,
}

pub(super) async fn put_plan(
    state: web::Data<AppState>,
    user: ApiUser,
    path: web::Path<String>,
    body: web::Json<PutPlan>,
) -> Result<HttpResponse, ApiError> {
    let id = survey_id(&path)?;
    let body = body.into_inner();
    let plan = match (body.start, body.steps) {
        (Some(start), None) => Plan::propose(
            start,
            &body.lead_times.unwrap_or_default(),
            &WorkCalendar::new(body.holidays),
            Some(chrono::Utc::now().date_naive()),
        ),
        (None, Some(steps)) => {
            let parsed: Result<Vec<Step>, ApiError> = steps
                .into_iter()
                .map(|st| {
                    survey_design::Milestone::parse(&st.milestone)
                        .map(|milestone| Step {
                            milestone,
                            date: st.date,
                        })
                        .ok_or_else(|| ApiError::BadRequest(format!("`{}` is not a step of the plan", st.milestone)))
                })
                .collect();
            Plan::from_steps(parsed?)
        }
        _ => {
            return Err(ApiError::BadRequest(
                "give either `start` (to propose a plan) or `steps`".into(),
            ));
        }
    }
    .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let updated = surveys::save_plan(&state.db, &user.user.email, id, plan).await?;
    Ok(HttpResponse::Ok().json(super::surveys::survey_json(&updated)))
}
