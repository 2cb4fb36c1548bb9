use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::{outcome, refuse};
use crate::domain::{SurveyId, SurveyState};
use crate::error::AppError;
use crate::services::surveys;
use crate::state::AppState;
use crate::views::UiLang;
use crate::web::extract::Operator;

#[derive(Deserialize)]
pub struct StateForm {
    csrf: String,
    to: String,
    /// The "move the reminders too" box beside "Open now": present when ticked.
    move_reminders: Option<String>,
}

pub async fn change_state(
    state: web::Data<AppState>,
    user: Operator,
    lang: UiLang,
    path: web::Path<SurveyId>,
    form: web::Form<StateForm>,
) -> Result<HttpResponse, AppError> {
    user.check_csrf(&form.csrf)?;
    let Some(to) = SurveyState::parse(&form.to) else {
        return refuse(
            &state,
            &user,
            lang,
            *path,
            vec![format!("`{}` is not a survey state", form.to)],
        )
        .await;
    };
    let opening = surveys::Opening {
        move_reminders: form.move_reminders.as_deref() == Some("true"),
    };
    let result = surveys::transition_with(&state, &user.user.email, *path, to, opening).await;
    outcome(&state, &user, lang, *path, result, "state").await
}
