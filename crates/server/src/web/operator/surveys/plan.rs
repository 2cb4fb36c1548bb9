use std::collections::HashMap;

use actix_web::{HttpResponse, web};
use chrono::NaiveDate;
use serde::Deserialize;
use survey_design::{LeadTimes, Milestone, Plan, Step, WorkCalendar};

use super::{list, outcome, refuse};
use crate::domain::SurveyId;
use crate::error::AppError;
use crate::services::surveys;
use crate::state::AppState;
use crate::views::UiLang;
use crate::web::extract::Operator;

#[derive(Deserialize)]
pub struct PlanForm {
    csrf: String,
    start: String,
    fieldwork_days: Option<u32>,
    holidays: Option<String>,
}

pub async fn propose_plan(
    state: web::Data<AppState>,
    user: Operator,
    lang: UiLang,
    path: web::Path<SurveyId>,
    form: web::Form<PlanForm>,
) -> Result<HttpResponse, AppError> {
    user.check_csrf(&form.csrf)?;
    let mut problems = Vec::new();
    let start = NaiveDate::parse_from_str(form.start.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{}` is not a date (YYYY-MM-DD)", form.start));
    let holidays: Result<Vec<NaiveDate>, String> = list(form.holidays.as_deref().unwrap_or(""))
        .iter()
        .map(|h| {
            h.parse()
                .map_err(|_| format!("holiday `{h}` is not a date (YYYY-MM-DD)"))
        })
        .collect();
    let lead = LeadTimes {
        fieldwork_days: form.fieldwork_days.unwrap_or(10),
        ..LeadTimes::default()
    };
    match (start, holidays) {
        (Ok(start), Ok(holidays)) => {
            let today = chrono::Utc::now().date_naive();
            match Plan::propose(start, &lead, &WorkCalendar::new(holidays), Some(today)) {
                Ok(plan) => return save_plan(&state, &user, lang, *path, plan).await,
                Err(e) => problems.push(e.message(&lang.design())),
            }
        }
        (start, holidays) => problems.extend(start.err().into_iter().chain(holidays.err())),
    }
    refuse(&state, &user, lang, *path, problems).await
}

/// Dates entered by hand, one field per step.
pub async fn plan_dates(
    state: web::Data<AppState>,
    user: Operator,
    lang: UiLang,
    path: web::Path<SurveyId>,
    form: web::Form<HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    user.check_csrf(form.get("csrf").map_or("", String::as_str))?;
    let mut steps = Vec::new();
    let mut problems = Vec::new();
    for (key, value) in form.iter().filter(|(k, _)| k.as_str() != "csrf") {
        match (
            Milestone::parse(key),
            NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d"),
        ) {
            (Some(milestone), Ok(date)) => steps.push(Step { milestone, date }),
            (None, _) => problems.push(format!("`{key}` is not a step of the plan")),
            (_, Err(_)) => problems.push(format!("`{value}` is not a date (YYYY-MM-DD)")),
        }
    }
    if problems.is_empty() {
        match Plan::from_steps(steps) {
            Ok(plan) => return save_plan(&state, &user, lang, *path, plan).await,
            Err(e) => problems.push(e.message(&lang.design())),
        }
    }
    refuse(&state, &user, lang, *path, problems).await
}

async fn save_plan(
    state: &AppState,
    user: &Operator,
    lang: UiLang,
    id: SurveyId,
    plan: Plan,
) -> Result<HttpResponse, AppError> {
    let result = surveys::save_plan(&state.db, &user.user.email, id, plan).await;
    outcome(state, user, lang, id, result, "plan").await
}
