//! The service layer's promises: a stored value the code does not know is an error, every draft-only
//! change racing the scheduling is either before it or refused, and the operator UI and the API
//! leave the same audit entry for the same action.

use sea_orm::{ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Statement};
use serde_json::json;
use survey_server::domain::SurveyId;
use survey_server::storage::{audit_log, invitation, issuer_key, job, survey};

use crate::helpers::{Browser, TestApp, spawn_app};
use crate::hostile::json;
use crate::surveys::{change_state, create_survey, operator, propose_plan, roster, save_settings, upload_roster};

/// A draft survey of a new client, ready to schedule (k = 5 by department, roster, plan).
async fn ready(b: &Browser) -> SurveyId {
    let org = crate::surveys::create_organisation(b, &format!("Client {}", uuid::Uuid::new_v4())).await;
    let survey = create_survey(b, org).await;
    assert_eq!(save_settings(b, survey, "5", "department").await.status.as_u16(), 303);
    assert_eq!(upload_roster(b, survey, roster().as_bytes()).await.status.as_u16(), 303);
    let start = (chrono::Utc::now() + chrono::Duration::days(180))
        .date_naive()
        .to_string();
    assert_eq!(propose_plan(b, survey, &start).await.status.as_u16(), 303);
    survey
}

async fn set_state_column(app: &TestApp, id: SurveyId, value: &str) {
    let db = app.db();
    let sql = match db.get_database_backend() {
        sea_orm::DatabaseBackend::Postgres => "UPDATE surveys SET state = $1 WHERE id = $2",
        _ => "UPDATE surveys SET state = ? WHERE id = ?",
    };
    db.execute_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        sql,
        [value.into(), id.0.into()],
    ))
    .await
    .unwrap();
}

#[actix_web::test]
async fn an_unknown_stored_survey_state_is_an_error_never_read_as_a_draft() {
    let app = spawn_app().await;
    let b = operator(&app).await;
    let id = ready(&b).await;
    set_state_column(&app, id, "frozen").await;

    let read = survey::Entity::find_by_id(id).one(app.db()).await;
    assert!(read.is_err(), "read as {read:?}");
    // The draft-only actions refuse it too, rather than treating it as a draft.
    let settings = survey_server::services::surveys::SurveySettings {
        name: "Alumni 2027".into(),
        languages: vec!["ja".into()],
        k_threshold: 6,
        comment_threshold: 10,
        breakdowns: vec![],
        allow_fallback: false,
        reminder_mode: Default::default(),
    };
    let changed = survey_server::services::surveys::update_settings(app.db(), "test", id, settings).await;
    assert!(
        matches!(changed, Err(survey_server::error::AppError::Database(_))),
        "{changed:?}"
    );
    let page = b.get(&format!("/operator/surveys/{id}")).await;
    assert_eq!(page.status.as_u16(), 500, "{}", page.body);
    assert!(!page.body.contains("frozen"), "the cause is logged, never shown");
}

/// The audit entries of one survey, in the order they were written.
async fn audit_of(app: &TestApp, id: SurveyId) -> Vec<audit_log::Model> {
    use sea_orm::ColumnTrait;
    audit_log::Entity::find()
        .filter(audit_log::Column::Detail.contains(id.to_string()))
        .order_by_asc(audit_log::Column::Id)
        .all(app.db())
        .await
        .unwrap()
}

#[actix_web::test]
async fn settings_questionnaire_and_plan_racing_the_scheduling_come_before_it_or_are_refused() {
    let app = spawn_app().await;
    let other_template = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../survey-templates/alumni-pulse.toml"),
    )
    .unwrap();
    let b = operator(&app).await;
    let token = b.api_token().await;
    for round in 0..3 {
        let id = ready(&b).await;
        let api = app.browser();
        let settings = json!({
            "name": format!("Raced {round}"), "languages": ["ja", "en"], "k_threshold": 6,
            "comment_threshold": 10, "breakdowns": [], "allow_fallback": false,
        });
        let start = (chrono::Utc::now() + chrono::Duration::days(300 + round))
            .date_naive()
            .to_string();
        let state_path = format!("/api/v1/surveys/{id}/state");
        let settings_path = format!("/api/v1/surveys/{id}/settings");
        let plan_path = format!("/api/v1/surveys/{id}/plan");
        let questionnaire_path = format!("/api/v1/surveys/{id}/questionnaire");
        let (scheduled, changed, planned, replaced) = tokio::join!(
            api.api("POST", &state_path, &token, Some(json!({ "to": "scheduled" }))),
            api.api("PUT", &settings_path, &token, Some(settings)),
            api.api("PUT", &plan_path, &token, Some(json!({ "start": start }))),
            api.send_raw(
                "PUT",
                &questionnaire_path,
                &token,
                "application/toml",
                other_template.clone().into_bytes()
            ),
        );
        assert_eq!(scheduled.status.as_u16(), 200, "{}", scheduled.body);
        let s = survey::Entity::find_by_id(id).one(app.db()).await.unwrap().unwrap();
        assert_eq!(s.state, "scheduled");

        // Each change either happened before the scheduling (and its audit entry says so) or was
        // refused as a conflict and left nothing behind.
        let audit = audit_of(&app, id).await;
        let position = |action: &str| audit.iter().rposition(|e| e.action == action);
        let scheduling = position("survey state changed").unwrap();
        for (response, action) in [
            (&changed, "survey settings changed"),
            (&planned, "plan saved"),
            (&replaced, "questionnaire replaced"),
        ] {
            match response.status.as_u16() {
                200 => assert!(position(action).unwrap() < scheduling, "{action} after the scheduling"),
                409 => assert!(
                    audit[scheduling..].iter().all(|e| e.action != action),
                    "{action} refused but recorded"
                ),
                other => panic!("{action}: {other} {}", response.body),
            }
        }
        assert_eq!(s.k_threshold == 6, changed.status.as_u16() == 200);
        assert_eq!(s.template_source == other_template, replaced.status.as_u16() == 200);

        // The keys were made for the segments the stored settings give, and the jobs for the
        // stored plan.
        let mut segments: Vec<String> = invitation::Entity::find()
            .filter(sea_orm::ColumnTrait::eq(&invitation::Column::SurveyId, id))
            .all(app.db())
            .await
            .unwrap()
            .into_iter()
            .map(|i| i.segment)
            .collect();
        segments.sort();
        segments.dedup();
        let mut keyed: Vec<String> = issuer_key::Entity::find()
            .filter(sea_orm::ColumnTrait::eq(&issuer_key::Column::SurveyId, id))
            .all(app.db())
            .await
            .unwrap()
            .into_iter()
            .map(|k| k.segment)
            .collect();
        keyed.sort();
        assert_eq!(keyed, segments);
        let open = survey_server::services::surveys::plan_steps(&s)
            .into_iter()
            .find(|step| step.milestone == survey_design::Milestone::FieldworkOpen)
            .unwrap();
        let jobs = job::Entity::find()
            .filter(sea_orm::ColumnTrait::eq(&job::Column::SurveyId, id))
            .all(app.db())
            .await
            .unwrap();
        let opening = jobs.iter().find(|j| j.kind.to_string() == "open").unwrap();
        let offset = i64::from(app.state.settings.scheduler.utc_offset_hours);
        assert_eq!(
            (opening.run_at + chrono::Duration::hours(offset)).date_naive(),
            open.date
        );
    }
}

#[actix_web::test]
async fn the_operator_ui_and_the_api_write_the_same_audit_entry_for_the_same_action() {
    let app = spawn_app().await;
    let b = operator(&app).await;
    let by_ui = ready(&b).await;
    let by_api = ready(&b).await;
    let token = b.api_token().await;
    let api = app.browser();

    assert_eq!(save_settings(&b, by_ui, "5", "department").await.status.as_u16(), 303);
    let settings = json!({
        "name": "Alumni 2027", "languages": ["ja", "en"], "k_threshold": 5,
        "comment_threshold": 10, "breakdowns": ["department"], "allow_fallback": false,
    });
    let r = api
        .api(
            "PUT",
            &format!("/api/v1/surveys/{by_api}/settings"),
            &token,
            Some(settings),
        )
        .await;
    assert_eq!(r.status.as_u16(), 200, "{}", r.body);
    assert_eq!(change_state(&b, by_ui, "scheduled").await.status.as_u16(), 303);
    let r = api
        .api(
            "POST",
            &format!("/api/v1/surveys/{by_api}/state"),
            &token,
            Some(json!({ "to": "scheduled" })),
        )
        .await;
    assert_eq!(json(&r)["state"], "scheduled");

    let shape = |entries: Vec<audit_log::Model>, id: SurveyId| -> Vec<(String, String, String)> {
        entries
            .into_iter()
            .map(|e| (e.actor, e.action, e.detail.replace(&id.to_string(), "ID")))
            .collect()
    };
    let ui = shape(audit_of(&app, by_ui).await, by_ui);
    let api = shape(audit_of(&app, by_api).await, by_api);
    assert_eq!(ui, api);
    assert!(
        ui.iter().any(|(_, action, _)| action == "survey state changed"),
        "{ui:?}"
    );
}
