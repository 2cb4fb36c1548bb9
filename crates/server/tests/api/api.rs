//! The JSON API with API tokens, against its OpenAPI document.

use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};
use crate::surveys::{operator, roster};

async fn token(app: &TestApp) -> String {
    operator(app).await.api_token().await
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

#[actix_web::test]
async fn an_operator_runs_the_workflow_through_the_api() {
    let app = spawn_app().await;
    let token = token(&app).await;
    let api = app.browser();
    let org = api
        .api("POST", "/api/v1/organisations", &token, Some(json!({ "name": "Acme" })))
        .await;
    assert_eq!(org.status.as_u16(), 201, "{}", org.body);
    let org_id = json(&org.body)["id"].as_str().unwrap().to_owned();
    let survey = api
        .api(
            "POST",
            "/api/v1/surveys",
            &token,
            Some(json!({ "organisation_id": org_id, "name": "Alumni", "template": "alumni-pulse" })),
        )
        .await;
    assert_eq!(survey.status.as_u16(), 201, "{}", survey.body);
    let id = json(&survey.body)["id"].as_str().unwrap().to_owned();
    let settings = json!({ "name": "Alumni", "languages": ["ja", "en"], "k_threshold": 5, "comment_threshold": 10, "breakdowns": ["department"], "allow_fallback": false });
    assert_eq!(
        api.api("PUT", &format!("/api/v1/surveys/{id}/settings"), &token, Some(settings))
            .await
            .status
            .as_u16(),
        200
    );
    let imported = api
        .send_raw(
            "PUT",
            &format!("/api/v1/surveys/{id}/roster"),
            &token,
            "text/csv",
            roster().into_bytes(),
        )
        .await;
    assert_eq!(imported.status.as_u16(), 200, "{}", imported.body);
    assert_eq!(json(&imported.body)["invitees"], 60);
    let start = (chrono::Utc::now() + chrono::Duration::days(200))
        .date_naive()
        .to_string();
    let planned = api
        .api(
            "PUT",
            &format!("/api/v1/surveys/{id}/plan"),
            &token,
            Some(json!({ "start": start })),
        )
        .await;
    assert_eq!(planned.status.as_u16(), 200, "{}", planned.body);
    let scheduled = api
        .api(
            "POST",
            &format!("/api/v1/surveys/{id}/state"),
            &token,
            Some(json!({ "to": "scheduled" })),
        )
        .await;
    assert_eq!(json(&scheduled.body)["state"], "scheduled");
    let rate = json(
        &api.api("GET", &format!("/api/v1/surveys/{id}/response-rate"), &token, None)
            .await
            .body,
    );
    assert_eq!(rate["invitees"], 60);
    let segments: Vec<&str> = rate["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["segment"].as_str().unwrap())
        .collect();
    assert_eq!(segments, ["department=*", "department=Engineering", "department=Sales"]);
}

#[actix_web::test]
async fn bad_input_gets_a_4xx_with_a_message_and_changes_nothing() {
    let app = spawn_app().await;
    let token = token(&app).await;
    let api = app.browser();
    let bad_json = api
        .send_raw(
            "POST",
            "/api/v1/organisations",
            &token,
            "application/json",
            b"{\"name\": ".to_vec(),
        )
        .await;
    assert_eq!(bad_json.status.as_u16(), 400);
    assert!(
        json(&bad_json.body)["message"]
            .as_str()
            .unwrap()
            .starts_with("the JSON body is not valid: EOF while parsing"),
        "{}",
        bad_json.body
    );
    let unknown_field = api
        .api(
            "POST",
            "/api/v1/organisations",
            &token,
            Some(json!({ "name": "A", "colour": "red" })),
        )
        .await;
    assert_eq!(unknown_field.status.as_u16(), 400);
    assert!(
        unknown_field.body.contains("unknown field `colour`"),
        "{}",
        unknown_field.body
    );
    assert_eq!(
        api.api(
            "GET",
            &format!("/api/v1/surveys/{}", uuid::Uuid::new_v4()),
            &token,
            None
        )
        .await
        .status
        .as_u16(),
        404
    );
    let not_uuid = api.api("GET", "/api/v1/surveys/abc", &token, None).await;
    assert_eq!(not_uuid.status.as_u16(), 400);
    assert_eq!(json(&not_uuid.body)["message"], "`abc` is not a survey id (a UUID)");
    let org = json(
        &api.api("POST", "/api/v1/organisations", &token, Some(json!({ "name": "Acme" })))
            .await
            .body,
    );
    let survey = json(
        &api.api(
            "POST",
            "/api/v1/surveys",
            &token,
            Some(json!({ "organisation_id": org["id"], "name": "S", "template": "alumni-pulse" })),
        )
        .await
        .body,
    );
    let id = survey["id"].as_str().unwrap();
    let broken = api
        .send_raw(
            "PUT",
            &format!("/api/v1/surveys/{id}/roster"),
            &token,
            "text/csv",
            b"email\nnope\n".to_vec(),
        )
        .await;
    assert_eq!(broken.status.as_u16(), 422);
    assert_eq!(
        json(&broken.body)["problems"],
        json!(["line 2: `nope` is not an e-mail address"])
    );
    let rate = json(
        &api.api("GET", &format!("/api/v1/surveys/{id}/response-rate"), &token, None)
            .await
            .body,
    );
    assert_eq!(rate["invitees"], 0, "nothing imported");
    let wrong_state = api
        .api(
            "POST",
            &format!("/api/v1/surveys/{id}/state"),
            &token,
            Some(json!({ "to": "open" })),
        )
        .await;
    assert_eq!(wrong_state.status.as_u16(), 409);
    assert_eq!(
        json(&wrong_state.body)["message"],
        "a draft survey cannot become open; it can go to: scheduled"
    );
}

#[actix_web::test]
async fn a_missing_or_unknown_token_is_refused_and_the_openapi_document_is_served() {
    let app = spawn_app().await;
    let api = app.browser();
    assert_eq!(
        api.api("GET", "/api/v1/surveys", "nope", None).await.status.as_u16(),
        401
    );
    let doc = json(&api.get("/api/v1/openapi.json").await.body);
    assert_eq!(doc["openapi"], "3.0.3");
    for path in [
        "/api/v1/organisations",
        "/api/v1/surveys",
        "/api/v1/surveys/{id}/roster",
        "/api/v1/surveys/{id}/state",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} is not documented");
    }
}
