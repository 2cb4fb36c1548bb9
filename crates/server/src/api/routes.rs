//! The API's handlers, one per operation of the OpenAPI document.

use actix_web::{HttpResponse, web};
use chrono::NaiveDate;
use sea_orm::{EntityTrait, QueryOrder};
use serde::Deserialize;
use survey_design::{LeadTimes, Plan, Step, WorkCalendar};
use uuid::Uuid;

use super::ApiError;
use crate::auth::{ApiUser, Role};
use crate::entities::{organisation, survey};
use crate::startup::MAX_UPLOAD_BYTES;
use crate::state::AppState;
use crate::surveys::{self, NewSurvey, State, SurveySettings};

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api/v1")
            .service(resource("/openapi.json", "GET").route(web::get().to(openapi)))
            .service(
                resource("/organisations", "GET, POST")
                    .route(web::get().to(list_organisations))
                    .route(web::post().to(create_organisation)),
            )
            .service(resource("/organisations/{id}/users", "POST").route(web::post().to(create_manager)))
            .service(
                resource("/surveys", "GET, POST")
                    .route(web::get().to(list_surveys))
                    .route(web::post().to(create_survey)),
            )
            .service(resource("/surveys/{id}", "GET").route(web::get().to(get_survey)))
            .service(resource("/surveys/{id}/settings", "PUT").route(web::put().to(put_settings)))
            .service(resource("/surveys/{id}/questionnaire", "PUT").route(web::put().to(put_questionnaire)))
            .service(resource("/surveys/{id}/roster", "PUT").route(web::put().to(put_roster)))
            .service(resource("/surveys/{id}/plan", "PUT").route(web::put().to(put_plan)))
            .service(resource("/surveys/{id}/state", "POST").route(web::post().to(post_state)))
            .service(resource("/surveys/{id}/response-rate", "GET").route(web::get().to(response_rate)))
            .default_service(web::to(not_found)),
    );
}

/// A path of the API: a method it does not take is answered 405 with the ones it does (`Allow`),
/// not 404 as if the path did not exist.
fn resource(path: &str, allowed: &'static str) -> actix_web::Resource {
    web::resource(path).default_service(web::to(move || async move {
        Err::<HttpResponse, _>(ApiError::MethodNotAllowed(allowed))
    }))
}

async fn not_found() -> Result<HttpResponse, ApiError> {
    Err(ApiError::NotFound)
}

/// The OpenAPI document, with this server's bundled templates as the values `template` takes.
async fn openapi(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let mut doc: serde_json::Value = serde_json::from_str(include_str!("openapi.json")).map_err(ApiError::internal)?;
    let names: Vec<&str> = state.templates.iter().map(|t| t.name.as_str()).collect();
    if let Some(template) = doc
        .pointer_mut("/paths/~1api~1v1~1surveys/post/requestBody/content/application~1json/schema/properties/template")
    {
        template["enum"] = serde_json::json!(names);
    }
    Ok(HttpResponse::Ok().json(doc))
}

fn organisation_json(o: &organisation::Model) -> serde_json::Value {
    serde_json::json!({ "id": o.id, "name": o.name, "created_at": o.created_at })
}

fn survey_json(s: &survey::Model) -> serde_json::Value {
    serde_json::json!({
        "id": s.id,
        "organisation_id": s.organisation_id,
        "name": s.name,
        "state": s.state,
        "languages": s.languages,
        "k_threshold": s.k_threshold,
        "comment_threshold": s.comment_threshold,
        "breakdowns": s.breakdowns,
        "allow_fallback": s.allow_fallback,
        "plan": s.plan,
        "created_at": s.created_at,
    })
}

async fn list_organisations(state: web::Data<AppState>, _user: ApiUser) -> Result<HttpResponse, ApiError> {
    let all = organisation::Entity::find()
        .order_by_asc(organisation::Column::Name)
        .all(&state.db)
        .await
        .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok().json(all.iter().map(organisation_json).collect::<Vec<_>>()))
}

/// An optional field: absent is `None`, but `null` is refused like any other value of the wrong type
/// (the OpenAPI document gives each field one type; a field is left out, not set to null).
fn present<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewOrganisation {
    name: String,
}

async fn create_organisation(
    state: web::Data<AppState>,
    user: ApiUser,
    body: web::Json<NewOrganisation>,
) -> Result<HttpResponse, ApiError> {
    if user.role != Role::Admin {
        return Err(ApiError::Forbidden);
    }
    let created = crate::operator::create_organisation(&state, &user.user.email, &body.name).await?;
    Ok(HttpResponse::Created().json(organisation_json(&created)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewManager {
    email: String,
    name: String,
    password: String,
}

/// Adds a management user to an organisation (operator admins only).
async fn create_manager(
    state: web::Data<AppState>,
    user: ApiUser,
    path: web::Path<String>,
    body: web::Json<NewManager>,
) -> Result<HttpResponse, ApiError> {
    if user.role != Role::Admin {
        return Err(ApiError::Forbidden);
    }
    let org: Uuid = path
        .parse()
        .map_err(|_| ApiError::BadRequest(format!("`{path}` is not an organisation id (a UUID)")))?;
    let body = body.into_inner();
    let new = crate::users::NewUser {
        email: body.email,
        name: body.name,
        password: body.password,
        role: Role::Management,
        organisation_id: Some(org),
    };
    let created = crate::users::create(&state.db, new).await?;
    crate::audit::record(&state.db, &user.user.email, "management user created", &created.email)
        .await
        .map_err(ApiError::internal)?;
    Ok(HttpResponse::Created()
        .json(serde_json::json!({ "id": created.id, "email": created.email, "organisation_id": org })))
}

async fn list_surveys(state: web::Data<AppState>, _user: ApiUser) -> Result<HttpResponse, ApiError> {
    let all = survey::Entity::find()
        .order_by_desc(survey::Column::CreatedAt)
        .all(&state.db)
        .await
        .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok().json(all.iter().map(survey_json).collect::<Vec<_>>()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CreateSurvey {
    organisation_id: Uuid,
    name: String,
    /// A bundled template's name, e.g. `alumni-network-opinion`.
    #[serde(default, deserialize_with = "present")]
    template: Option<String>,
    /// Or the questionnaire's TOML itself.
    #[serde(default, deserialize_with = "present")]
    template_source: Option<String>,
}

async fn create_survey(
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
    let created = surveys::create(
        &state.db,
        NewSurvey {
            organisation_id: body.organisation_id,
            name: body.name,
            template_source: source,
        },
    )
    .await?;
    crate::audit::record(
        &state.db,
        &user.user.email,
        "survey created",
        &format!("{} ({})", created.name, created.id),
    )
    .await
    .map_err(ApiError::internal)?;
    Ok(HttpResponse::Created().json(survey_json(&created)))
}

fn survey_id(path: &str) -> Result<Uuid, ApiError> {
    path.parse()
        .map_err(|_| ApiError::BadRequest(format!("`{path}` is not a survey id (a UUID)")))
}

async fn get_survey(
    state: web::Data<AppState>,
    _user: ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(survey_json(&surveys::find(&state.db, survey_id(&path)?).await?)))
}

async fn put_settings(
    state: web::Data<AppState>,
    user: ApiUser,
    path: web::Path<String>,
    body: web::Json<SurveySettings>,
) -> Result<HttpResponse, ApiError> {
    let s = surveys::find(&state.db, survey_id(&path)?).await?;
    let updated = surveys::update_settings(&state.db, s, body.into_inner()).await?;
    crate::audit::record(
        &state.db,
        &user.user.email,
        "survey settings changed",
        &updated.id.to_string(),
    )
    .await
    .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok().json(survey_json(&updated)))
}

/// Replaces the questionnaire of a draft survey with the TOML body (UTF-8, as TOML must be).
async fn put_questionnaire(
    state: web::Data<AppState>,
    user: ApiUser,
    path: web::Path<String>,
    body: Result<web::Bytes, actix_web::Error>,
) -> Result<HttpResponse, ApiError> {
    let body = super::whole_body(body, MAX_UPLOAD_BYTES)?;
    let text = String::from_utf8(body.to_vec()).map_err(|e| {
        ApiError::BadRequest(format!(
            "the questionnaire is not UTF-8 text (byte {} is not); TOML files are UTF-8",
            e.utf8_error().valid_up_to() + 1
        ))
    })?;
    let s = surveys::find(&state.db, survey_id(&path)?).await?;
    let updated = surveys::replace_questionnaire(&state.db, s, text).await?;
    crate::audit::record(
        &state.db,
        &user.user.email,
        "questionnaire replaced",
        &updated.id.to_string(),
    )
    .await
    .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok().json(survey_json(&updated)))
}

/// The roster as the CSV body (`text/csv`), UTF-8 or Shift_JIS.
async fn put_roster(
    state: web::Data<AppState>,
    user: ApiUser,
    path: web::Path<String>,
    body: Result<web::Bytes, actix_web::Error>,
) -> Result<HttpResponse, ApiError> {
    let body = super::whole_body(body, MAX_UPLOAD_BYTES)?;
    let s = surveys::find(&state.db, survey_id(&path)?).await?;
    // A survey past its draft is a conflict of state (409), not a problem of the CSV (422).
    surveys::require_state(&s, State::Draft, ("take a new roster", "名簿の取り込みは"))?;
    match crate::operator::import_roster(&state, &user.user.email, &s, &body).await {
        Ok(count) => {
            let rates = crate::roster::rates(&state.db, s.id).await?;
            Ok(HttpResponse::Ok().json(serde_json::json!({ "invitees": count, "segments": rates.segments })))
        }
        Err(problems) => Ok(HttpResponse::UnprocessableEntity().json(serde_json::json!({
            "code": "invalid_roster",
            "message": "the roster has problems; nothing was imported",
            "problems": problems.iter().map(|m| m.en.as_str()).collect::<Vec<_>>(),
        }))),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PutPlan {
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
struct StepIn {
    milestone: String,
    date: NaiveDate,
}

async fn put_plan(
    state: web::Data<AppState>,
    user: ApiUser,
    path: web::Path<String>,
    body: web::Json<PutPlan>,
) -> Result<HttpResponse, ApiError> {
    let s = surveys::find(&state.db, survey_id(&path)?).await?;
    surveys::require_state(&s, State::Draft, ("change its plan", "実施計画を変更"))?;
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
    let json = serde_json::to_value(plan.steps()).map_err(ApiError::internal)?;
    let mut active: survey::ActiveModel = s.into();
    active.plan = sea_orm::Set(Some(json));
    let updated = sea_orm::ActiveModelTrait::update(active, &state.db)
        .await
        .map_err(ApiError::internal)?;
    crate::audit::record(&state.db, &user.user.email, "plan saved", &updated.id.to_string())
        .await
        .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok().json(survey_json(&updated)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StateChange {
    to: String,
}

async fn post_state(
    state: web::Data<AppState>,
    user: ApiUser,
    path: web::Path<String>,
    body: web::Json<StateChange>,
) -> Result<HttpResponse, ApiError> {
    let s = surveys::find(&state.db, survey_id(&path)?).await?;
    let to = State::parse(&body.to).ok_or_else(|| {
        ApiError::BadRequest(format!(
            "`{}` is not a state (draft, scheduled, open, closed, published)",
            body.to
        ))
    })?;
    let from = s.state.clone();
    let updated = surveys::transition(&state, s, to).await?;
    crate::audit::record(
        &state.db,
        &user.user.email,
        "survey state changed",
        &format!("{from} → {}", updated.state),
    )
    .await
    .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok().json(survey_json(&updated)))
}

/// Overall and per segment; a segment's figures only when it has at least k invitees.
async fn response_rate(
    state: web::Data<AppState>,
    _user: ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let s = surveys::find(&state.db, survey_id(&path)?).await?;
    let rates = crate::roster::rates(&state.db, s.id).await?;
    let segments: Vec<_> = rates.shown(s.k_threshold).collect();
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "invitees": rates.invitees,
        "tokens_issued": rates.tokens_issued,
        "segments": segments,
    })))
}
