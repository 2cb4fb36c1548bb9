use actix_web::{HttpResponse, web};
use survey_design::Lang;
use survey_i18n::t;

use super::{outcome, refuse};
use crate::domain::{SurveyId, SurveyState};
use crate::error::AppError;
use crate::services::{publishing, surveys};
use crate::state::AppState;
use crate::views::UiLang;
use crate::web::extract::Operator;

/// The fields of a move's form, read as pairs because the publishing form's language boxes repeat
/// one name: `csrf`, `to`, the "move the reminders too" box beside "Open now" (present when
/// ticked), and beside "Publish" a `report_language` per ticked box with `report_languages` marking
/// that the boxes were offered (so that none ticked is refused rather than read as the default).
/// Publishing goes on in the background; the survey page shows how far it is.
pub async fn change_state(
    state: web::Data<AppState>,
    user: Operator,
    lang: UiLang,
    path: web::Path<SurveyId>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let field = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    user.check_csrf(field("csrf").unwrap_or_default())?;
    let asked = field("to").unwrap_or_default();
    let Some(to) = SurveyState::parse(asked) else {
        return refuse(
            &state,
            &user,
            lang,
            *path,
            vec![t!(lang, "operator-not-a-state", state = asked)],
        )
        .await;
    };
    let mut report_languages = None;
    if field("report_languages").is_some() {
        let mut chosen = Vec::new();
        for (_, tag) in form.iter().filter(|(k, _)| k == "report_language") {
            match Lang::parse(tag) {
                Ok(l) => chosen.push(l),
                Err(_) => {
                    let problem = t!(lang, "operator-not-a-language", tag = tag.as_str());
                    return refuse(&state, &user, lang, *path, vec![problem]).await;
                }
            }
        }
        report_languages = Some(chosen);
    }
    if to == SurveyState::Published {
        let result = publishing::start(&state, &user.user.email, *path, report_languages).await;
        return outcome(&state, &user, lang, *path, result, "publishing").await;
    }
    let choices = surveys::Choices {
        move_reminders: field("move_reminders") == Some("true"),
        ..surveys::Choices::default()
    };
    let result = surveys::transition_with(&state, &user.user.email, *path, to, choices).await;
    outcome(&state, &user, lang, *path, result, "state").await
}
