//! The server against its OpenAPI document: what schemathesis (tests/api/run_schemathesis.py) found
//! where the two disagreed, or where the server answered 5xx, each held here.

use serde_json::{Value, json};

use crate::helpers::spawn_app;
use crate::hostile::{api_survey, json};

#[actix_web::test]
async fn a_method_a_path_does_not_take_gets_405_with_the_ones_it_does() {
    let app = spawn_app().await;
    let (token, id) = api_survey(&app).await;
    let api = app.browser();
    for (method, path, allowed) in [
        ("DELETE", "/api/v1/surveys".to_owned(), "GET, POST"),
        ("PATCH", format!("/api/v1/surveys/{id}"), "GET"),
        ("GET", format!("/api/v1/surveys/{id}/state"), "POST"),
        ("TRACE", "/api/v1/openapi.json".to_owned(), "GET"),
    ] {
        let r = api.api(method, &path, &token, None).await;
        assert_eq!(r.status.as_u16(), 405, "{method} {path}: {}", r.body);
        assert_eq!(r.headers.get("allow").unwrap(), allowed, "{method} {path}");
        assert_eq!(json(&r)["code"], "method_not_allowed");
        assert_eq!(json(&r)["message"], format!("this path takes {allowed} only"));
    }
    // A path that does not exist is still 404.
    assert_eq!(
        api.api("GET", "/api/v1/nothing", &token, None).await.status.as_u16(),
        404
    );
    let r = api.get(&format!("/s/{id}/token-keys")).await;
    assert_eq!(r.status.as_u16(), 200, "{}", r.body);
    let r = api
        .post_body(&format!("/s/{id}/token-keys"), "text/plain", vec![])
        .await;
    assert_eq!(r.status.as_u16(), 405);
    assert_eq!(r.headers.get("allow").unwrap(), "GET");
}

#[actix_web::test]
async fn null_for_an_optional_field_and_unknown_fields_are_refused_as_the_document_says() {
    let app = spawn_app().await;
    let (token, id) = api_survey(&app).await;
    let api = app.browser();
    let org = json(&api.api("GET", "/api/v1/organisations", &token, None).await)[0]["id"].clone();
    let r = api
        .api(
            "POST",
            "/api/v1/surveys",
            &token,
            Some(json!({ "organisation_id": org, "name": "T", "template": "alumni-pulse", "template_source": null })),
        )
        .await;
    assert_eq!(r.status.as_u16(), 400, "{}", r.body);
    assert!(
        json(&r)["message"]
            .as_str()
            .unwrap()
            .contains("invalid type: null, expected a string"),
        "{}",
        r.body
    );
    let r = api
        .api(
            "PUT",
            &format!("/api/v1/surveys/{id}/plan"),
            &token,
            Some(json!({ "start": null, "steps": [] })),
        )
        .await;
    assert_eq!(r.status.as_u16(), 400, "{}", r.body);
    let settings = json!({ "name": "S", "languages": ["ja"], "k_threshold": 5, "comment_threshold": 10,
                           "breakdowns": [], "allow_fallback": false, "colour": "red" });
    let r = api
        .api("PUT", &format!("/api/v1/surveys/{id}/settings"), &token, Some(settings))
        .await;
    assert_eq!(r.status.as_u16(), 400, "{}", r.body);
    assert!(r.body.contains("unknown field `colour`"), "{}", r.body);
    let survey = json(&api.api("GET", &format!("/api/v1/surveys/{id}"), &token, None).await);
    assert_eq!(survey["languages"], json!(["ja", "en"]), "the settings are unchanged");
    assert_eq!(
        json(&api.api("GET", "/api/v1/surveys", &token, None).await)
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[actix_web::test]
async fn lead_times_beyond_the_limit_and_too_many_reminders_are_refused_at_once() {
    let app = spawn_app().await;
    let (token, id) = api_survey(&app).await;
    let api = app.browser();
    let start = (chrono::Utc::now() + chrono::Duration::days(200))
        .date_naive()
        .to_string();
    let path = format!("/api/v1/surveys/{id}/plan");
    // A lead time of billions of working days was worked out day by day: minutes of one worker's
    // time, or hours when the plan did not fit and the planner looked for a start that did.
    let began = std::time::Instant::now();
    let r = api
        .api(
            "PUT",
            &path,
            &token,
            Some(json!({ "start": start, "lead_times": { "fieldwork_days": 4_000_000_000u32 } })),
        )
        .await;
    assert_eq!(r.status.as_u16(), 400, "{}", r.body);
    assert_eq!(
        json(&r)["message"],
        "lead time `fieldwork_days` is 4000000000 working days; at most 1000 are allowed"
    );
    let r = api
        .api(
            "PUT",
            &path,
            &token,
            Some(json!({ "start": start, "lead_times": { "debrief_before_start": 1000 } })),
        )
        .await;
    assert_eq!(r.status.as_u16(), 400, "{}", r.body);
    assert!(
        json(&r)["message"]
            .as_str()
            .unwrap()
            .starts_with("the plan does not fit"),
        "{}",
        r.body
    );
    assert!(
        began.elapsed() < std::time::Duration::from_secs(10),
        "{:?}",
        began.elapsed()
    );
    // More than 255 reminders numbered themselves past a byte (a panic, or reminder 0).
    let reminders: Vec<u32> = (1..=300).collect();
    let r = api
        .api(
            "PUT",
            &path,
            &token,
            Some(json!({ "start": start, "lead_times": { "fieldwork_days": 400, "reminders_after_open": reminders } })),
        )
        .await;
    assert_eq!(r.status.as_u16(), 400, "{}", r.body);
    assert_eq!(
        json(&r)["message"],
        "300 reminders are too many; a plan has at most 255"
    );
    let survey = json(&api.api("GET", &format!("/api/v1/surveys/{id}"), &token, None).await);
    assert_eq!(survey["plan"], Value::Null, "no plan was saved");
}

#[actix_web::test]
async fn the_document_describes_the_respondent_protocol_and_this_servers_templates() {
    let app = spawn_app().await;
    let doc = json(&app.browser().get("/api/v1/openapi.json").await);
    for (path, method) in [
        ("/i/{code}/token-request", "post"),
        ("/s/{survey}/responses", "post"),
        ("/s/{survey}/token-keys", "get"),
    ] {
        let op = &doc["paths"][path][method];
        assert!(op.is_object(), "{method} {path} is not documented");
        assert_eq!(op["security"], json!([]), "{path} takes no credentials");
        assert_eq!(op["tags"], json!(["respondent"]));
    }
    let templates = &doc["paths"]["/api/v1/surveys"]["post"]["requestBody"]["content"]["application/json"]["schema"]["properties"]
        ["template"]["enum"];
    let names: Vec<&str> = templates
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    for name in ["alumni-network-opinion", "alumni-pulse"] {
        assert!(names.contains(&name), "{name} is not in {names:?}");
    }
}

#[actix_web::test]
async fn the_respondent_client_gets_malformed_json_refused_in_its_own_shape() {
    let app = spawn_app().await;
    let (_, survey, _) = crate::respondent::open_survey(&app).await;
    let r = app
        .browser()
        .post_body(
            &format!("/s/{survey}/responses"),
            "application/json",
            b"{\"token\": \"x\"".to_vec(),
        )
        .await;
    assert_eq!(r.status.as_u16(), 400, "{}", r.body);
    let body = json(&r);
    assert!(
        body["error"]
            .as_str()
            .unwrap()
            .starts_with("the JSON body is not valid: EOF while parsing"),
        "{}",
        r.body
    );
    assert_eq!(body["errors"], json!({}));
}
