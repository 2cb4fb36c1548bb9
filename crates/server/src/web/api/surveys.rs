//! Surveys: made, configured while draft, moved through their states, and their response rate.

use actix_web::{HttpResponse, web};
use sea_orm::{EntityTrait, QueryOrder};
use serde::Deserialize;

use super::{ApiError, present, survey_id, whole_body};
use crate::domain::SurveyState;
use crate::services::roster::{self, ImportError};
use crate::services::surveys::{self, NewSurvey, SurveySettings};
use crate::state::AppState;
use crate::storage::survey;
use crate::web::body::MAX_UPLOAD_BYTES;
use crate::web::extract::ApiUser;

pub(super) fn survey_json(s: &survey::Model) -> serde_json::Value {
    serde_json::json!({
        "id": s.id,
        "organisation_id": s.organisation_id,
        "name": s.name,
        "state": s.state.as_str(),
        "languages": s.languages,
        "k_threshold": s.k_threshold,
        "comment_threshold": s.comment_threshold,
        "breakdowns": s.breakdowns,
        "allow_fallback": s.allow_fallback,
        "reminder_mode": s.reminder_mode.as_str(),
        "plan": s.plan,
        "created_at": s.created_at,
    })
}

pub(super) async fn list(state: web::Data<AppState>, _user: ApiUser) -> Result<HttpResponse, ApiError> {
    let all = survey::Entity::find()
        .order_by_desc(survey::Column::CreatedAt)
        .all(&state.db)
        .await
        .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok().json(all.iter().map(survey_json).collect::<Vec<_>>()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CreateSurvey {
    organisation_id: crate::domain::OrganisationId,
    name: String,
    /// A bundled template's name, e.g. `alumni-network-opinion`.
    #[serde(default, deserialize_with = "present")]
    template: Option<String>,
    /// Or the questionnaire's TOML itself.
    #[serde(default, deserialize_with = "present")]
    template_source: Option<String>,
}

pub(super) async fn create(
    state: web::Data<AppState>,
    user: ApiUser,
    body: web::Json<CreateSurvey>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let source = match (body.template, body.template_source) {
        (None, Some(source)) => source,
        (Some(name), None) => crate::templates::source(&state.templates, &name)
            .map(str::to_owned)
            .ok_or_else(|| ApiError::BadRequest(format!("there is no bundled template `{name}`")))?,
        _ => {
            return Err(ApiError::BadRequest(
                "give exactly one of `template` and `template_source`".into(),
            ));
        }
    };
    let new = NewSurvey {
        organisation_id: body.organisation_id,
        name: body.name,
        template_source: source,
    };
    let created = surveys::create(&state.db, &user.user.email, new).await?;
    Ok(HttpResponse::Created().json(survey_json(&created)))
}

pub(super) async fn show(
    state: web::Data<AppState>,
    _user: ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(survey_json(&surveys::find(&state.db, survey_id(&path)?).await?)))
}

pub(super) async fn put_settings(
    state: web::Data<AppState>,
    user: ApiUser,
    path: web::Path<String>,
    body: web::Json<SurveySettings>,
) -> Result<HttpResponse, ApiError> {
    let updated = surveys::update_settings(&state.db, &user.user.email, survey_id(&path)?, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(survey_json(&updated)))
}

/// Replaces the questionnaire of a draft survey with the TOML body (UTF-8, as TOML must be).
pub(super) async fn put_questionnaire(
    state: web::Data<AppState>,
    user: ApiUser,
    path: web::Path<String>,
    body: Result<web::Bytes, actix_web::Error>,
) -> Result<HttpResponse, ApiError> {
    let body = whole_body(body, MAX_UPLOAD_BYTES)?;
    let text = String::from_utf8(body.to_vec()).map_err(|e| {
        ApiError::BadRequest(format!(
            "the questionnaire is not UTF-8 text (byte {} is not); TOML files are UTF-8",
            e.utf8_error().valid_up_to() + 1
        ))
    })?;
    let updated = surveys::replace_questionnaire(&state.db, &user.user.email, survey_id(&path)?, text).await?;
    Ok(HttpResponse::Ok().json(survey_json(&updated)))
}

/// The roster as the CSV body (`text/csv`), UTF-8 or Shift_JIS.
pub(super) async fn put_roster(
    state: web::Data<AppState>,
    user: ApiUser,
    path: web::Path<String>,
    body: Result<web::Bytes, actix_web::Error>,
) -> Result<HttpResponse, ApiError> {
    let body = whole_body(body, MAX_UPLOAD_BYTES)?;
    let id = survey_id(&path)?;
    // A survey past its draft is a conflict of state (409), not a problem of the CSV (422).
    match roster::import(&state.db, &user.user.email, id, &body).await {
        Ok(count) => {
            let rates = roster::rates(&state.db, id).await?;
            Ok(HttpResponse::Ok().json(serde_json::json!({ "invitees": count, "segments": rates.segments })))
        }
        Err(ImportError::Refused(e)) => Err(e.into()),
        Err(ImportError::Problems(problems)) => Ok(HttpResponse::UnprocessableEntity().json(serde_json::json!({
            "code": "invalid_roster",
            "message": "the roster has problems; nothing was imported",
            "problems": problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
        }))),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StateChange {
    to: String,
    /// With `to: "open"`: move the pending reminders with the opening (by as many days as it is
    /// early); absent or false, they keep their dates. Any other move has no reminders to move, and
    /// ignores it.
    #[serde(default, deserialize_with = "present")]
    move_reminders: Option<bool>,
    /// With `to: "published"`: the languages to publish the report in; absent, the
    /// questionnaire's default language.
    #[serde(default, deserialize_with = "present")]
    report_languages: Option<Vec<String>>,
}

pub(super) async fn post_state(
    state: web::Data<AppState>,
    user: ApiUser,
    path: web::Path<String>,
    body: web::Json<StateChange>,
) -> Result<HttpResponse, ApiError> {
    let to = SurveyState::parse(&body.to).ok_or_else(|| {
        ApiError::BadRequest(format!(
            "`{}` is not a state (draft, scheduled, open, closed, published)",
            body.to
        ))
    })?;
    let report_languages = body
        .report_languages
        .as_ref()
        .map(|tags| {
            if tags.is_empty() {
                return Err(ApiError::BadRequest("`report_languages` names no language".into()));
            }
            tags.iter()
                .map(|tag| survey_design::Lang::parse(tag).map_err(|e| ApiError::BadRequest(e.to_string())))
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()?;
    let choices = surveys::Choices {
        move_reminders: body.move_reminders.unwrap_or(false),
        report_languages,
        progress: None,
    };
    let updated = surveys::transition_with(&state, &user.user.email, survey_id(&path)?, to, choices).await?;
    Ok(HttpResponse::Ok().json(survey_json(&updated)))
}

/// Overall and per segment; a segment's figures only when it has at least k invitees.
pub(super) async fn response_rate(
    state: web::Data<AppState>,
    _user: ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let s = surveys::find(&state.db, survey_id(&path)?).await?;
    let rates = crate::services::roster::rates(&state.db, s.id).await?;
    let segments: Vec<_> = rates.shown(s.k_threshold).collect();
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "invitees": rates.invitees,
        "tokens_issued": rates.tokens_issued,
        "segments": segments,
    })))
}
