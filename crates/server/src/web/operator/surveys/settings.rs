use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::{list, outcome};
use crate::domain::{ReminderMode, SurveyId};
use crate::error::AppError;
use crate::services::surveys::{self, SurveySettings};
use crate::state::AppState;
use crate::views::UiLang;
use crate::web::extract::Operator;

#[derive(Deserialize)]
pub struct SettingsForm {
    csrf: String,
    name: String,
    languages: String,
    k_threshold: i32,
    comment_threshold: i32,
    breakdowns: String,
    allow_fallback: Option<String>,
    reminder_mode: Option<String>,
}

pub async fn settings(
    state: web::Data<AppState>,
    user: Operator,
    lang: UiLang,
    path: web::Path<SurveyId>,
    form: web::Form<SettingsForm>,
) -> Result<HttpResponse, AppError> {
    user.check_csrf(&form.csrf)?;
    let new = SurveySettings {
        name: form.name.clone(),
        languages: list(&form.languages),
        k_threshold: form.k_threshold,
        comment_threshold: form.comment_threshold,
        breakdowns: list(&form.breakdowns),
        allow_fallback: form.allow_fallback.is_some(),
        reminder_mode: match form.reminder_mode.as_deref() {
            Some("everyone") => ReminderMode::Everyone,
            _ => ReminderMode::WithoutBallot,
        },
    };
    let result = surveys::update_settings(&state.db, &user.user.email, *path, new).await;
    outcome(&state, &user, lang, *path, result, "settings").await
}
