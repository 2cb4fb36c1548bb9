//! Making a survey: the form and its submission.

use std::collections::HashMap;
use survey_i18n::msg;
use survey_i18n::t;

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use maud::{Markup, html};
use survey_design::Lang;

use super::see_other;
use crate::domain::OrganisationId;
use crate::error::AppError;
use crate::services::{organisations, surveys};
use crate::state::AppState;
use crate::views::UiLang;
use crate::views::layout::{csrf_field, html_response, page};
use crate::web::extract::{CurrentUser, Operator};
use crate::web::upload;

pub async fn new_form(state: web::Data<AppState>, user: Operator, lang: UiLang) -> Result<HttpResponse, AppError> {
    Ok(html_response(new_page(&state, &user, lang, None).await?))
}

async fn new_page(
    state: &AppState,
    user: &CurrentUser,
    lang: UiLang,
    problem: Option<&str>,
) -> Result<Markup, AppError> {
    let organisations = organisations::by_name(&state.db).await?;
    let ui = Lang::parse(lang.code()).map_err(AppError::internal)?;
    let content = html! {
        @if let Some(problem) = problem { pre.notice.bad { (problem) } }
        @if organisations.is_empty() {
            p.notice { (t!(lang, "operator-add-client-organisation-first")) " " a href="/operator/organisations" { "→" } }
        }
        form.stack method="post" action="/operator/surveys" enctype="multipart/form-data" {
            (csrf_field(user))
            label { (t!(lang, "operator-client"))
                select name="organisation_id" required { @for o in &organisations { option value=(o.id) { (o.name) } } }
            }
            label { (t!(lang, "operator-survey-name")) input name="name" required maxlength="200"; }
            label { (t!(lang, "operator-template"))
                select name="template" {
                    @for t in state.templates.iter() { option value=(t.name) { (t.questionnaire.title().get(&ui)) } }
                    option value="" { (t!(lang, "operator-use-file-below")) }
                }
            }
            label { (t!(lang, "operator-upload-toml-file"))
                input type="file" name="file" accept=".toml,text/plain";
                span.help { (t!(lang, "operator-format-see-docs-template-format")) }
            }
            button type="submit" { (t!(lang, "operator-create-survey")) }
        }
    };
    Ok(page(lang, &t!(lang, "operator-new-survey"), Some(user), content))
}

pub async fn create(
    state: web::Data<AppState>,
    user: Operator,
    lang: UiLang,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    let fields = upload::fields(payload).await?;
    user.check_csrf(&upload::text(&fields, "csrf")?)?;
    let organisation_id = upload::text(&fields, "organisation_id")?
        .parse::<OrganisationId>()
        .map_err(|_| AppError::BadRequest(msg!("error-choose-client-organisation")))?;
    let source = template_source(&state, &fields)?;
    let new = surveys::NewSurvey {
        organisation_id,
        name: upload::text(&fields, "name")?,
        template_source: source,
    };
    match surveys::create(&state.db, &user.user.email, new).await {
        Ok(created) => Ok(see_other(created.id, "created")),
        Err(AppError::BadRequest(problem)) => {
            let mut response = html_response(new_page(&state, &user, lang, Some(&problem.get(lang))).await?);
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(e),
    }
}

/// The uploaded file if there is one, else the chosen bundled template.
fn template_source(state: &AppState, fields: &HashMap<String, Vec<u8>>) -> Result<String, AppError> {
    if fields.get("file").is_some_and(|f| !f.is_empty()) {
        return upload::text(fields, "file");
    }
    let chosen = upload::text(fields, "template")?;
    crate::templates::source(&state.templates, &chosen)
        .map(str::to_owned)
        .ok_or_else(|| AppError::BadRequest(msg!("error-choose-template-upload-toml-file")))
}
