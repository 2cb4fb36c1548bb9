//! Hostile input: bodies beyond their limits, JSON nested deeper than any parser should follow,
//! bytes that are not UTF-8, control characters where a name goes, and replayed tokens. Each gets a
//! 4xx whose message says what is wrong, and changes nothing.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use survey_server::domain::SurveyId;
use survey_server::storage::{organisation, response};
use survey_server::web::body::MAX_BODY_BYTES;
use survey_server::web::body::MAX_UPLOAD_BYTES;

use crate::helpers::{Response, TestApp, spawn_app};
use crate::respondent::{Client, REQUEST_TYPE, open_survey, questionnaire, valid_answers};
use crate::surveys::{
    change_state, create_organisation, create_survey, operator, propose_plan, roster, save_settings, upload_roster,
};

/// The largest submission of the respondent's client (`respondent::SUBMISSION_LIMIT`).
const SUBMISSION_LIMIT: usize = 512 * 1024;

pub fn json(r: &Response) -> Value {
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", r.body))
}

/// The API's refusal: its status, code and message.
fn api_refusal(r: &Response, status: u16, code: &str, message: &str) {
    assert_eq!(r.status.as_u16(), status, "{}", r.body);
    let body = json(r);
    assert_eq!(body["code"], code, "{}", r.body);
    assert!(
        body["message"].as_str().unwrap().contains(message),
        "`{message}` is not in {}",
        r.body
    );
}

/// The respondent client's refusal: its status and the `error` it shows.
fn refusal(r: &Response, status: u16, message: &str) {
    assert_eq!(r.status.as_u16(), status, "{}", r.body);
    assert!(
        json(r)["error"].as_str().unwrap().contains(message),
        "`{message}` is not in {}",
        r.body
    );
}

/// The body sent in chunks, with no Content-Length: the limit must hold while it streams in.
async fn post_chunked(app: &TestApp, path: &str, headers: &[(&str, &str)], body: Vec<u8>) -> Response {
    let mut request = awc::Client::builder()
        .timeout(std::time::Duration::from_secs(30))
        .finish()
        .post(format!("{}{path}", app.address));
    for (name, value) in headers {
        request = request.insert_header((*name, *value));
    }
    let chunks: Vec<Result<actix_web::web::Bytes, actix_web::Error>> = body
        .chunks(64 * 1024)
        .map(|c| Ok(actix_web::web::Bytes::copy_from_slice(c)))
        .collect();
    let mut response = request.send_stream(futures_util::stream::iter(chunks)).await.unwrap();
    let bytes = response.body().limit(1 << 20).await.unwrap();
    Response {
        status: response.status(),
        headers: response.headers().clone(),
        body: String::from_utf8_lossy(&bytes).into_owned(),
        bytes: bytes.to_vec(),
    }
}

async fn organisations(app: &TestApp) -> u64 {
    organisation::Entity::find().count(app.db()).await.unwrap()
}

async fn responses(app: &TestApp, survey: SurveyId) -> u64 {
    response::Entity::find()
        .filter(response::Column::SurveyId.eq(survey))
        .count(app.db())
        .await
        .unwrap()
}

/// An operator's API token and a draft survey made through the API.
pub async fn api_survey(app: &TestApp) -> (String, String) {
    let token = operator(app).await.api_token().await;
    let api = app.browser();
    let org = json(
        &api.api("POST", "/api/v1/organisations", &token, Some(json!({ "name": "Acme" })))
            .await,
    );
    let survey = api
        .api(
            "POST",
            "/api/v1/surveys",
            &token,
            Some(json!({ "organisation_id": org["id"], "name": "S", "template": "alumni-pulse" })),
        )
        .await;
    assert_eq!(survey.status.as_u16(), 201, "{}", survey.body);
    (token, json(&survey)["id"].as_str().unwrap().to_owned())
}

#[actix_web::test]
async fn api_bodies_beyond_the_limit_get_413_with_the_limit_and_change_nothing() {
    let app = spawn_app().await;
    let (token, id) = api_survey(&app).await;
    let api = app.browser();
    let limit = MAX_UPLOAD_BYTES.to_string();
    let mut big = b"{\"name\": \"".to_vec();
    big.resize(MAX_UPLOAD_BYTES + 1, b'a');
    let r = api
        .send_raw("POST", "/api/v1/organisations", &token, "application/json", big.clone())
        .await;
    api_refusal(&r, 413, "too_large", &limit);
    let auth = format!("Bearer {token}");
    let r = post_chunked(
        &app,
        "/api/v1/organisations",
        &[("authorization", &auth), ("content-type", "application/json")],
        big.clone(),
    )
    .await;
    api_refusal(&r, 413, "too_large", &limit);
    assert_eq!(organisations(&app).await, 1, "only the one made before");

    let r = api
        .send_raw(
            "PUT",
            &format!("/api/v1/surveys/{id}/questionnaire"),
            &token,
            "text/plain",
            vec![b'#'; MAX_UPLOAD_BYTES + 1],
        )
        .await;
    api_refusal(&r, 413, "too_large", &limit);
    let mut csv = roster().into_bytes();
    csv.resize(MAX_UPLOAD_BYTES + 1, b'\n');
    let r = api
        .send_raw("PUT", &format!("/api/v1/surveys/{id}/roster"), &token, "text/csv", csv)
        .await;
    api_refusal(&r, 413, "too_large", &limit);
    let rate = json(
        &api.api("GET", &format!("/api/v1/surveys/{id}/response-rate"), &token, None)
            .await,
    );
    assert_eq!(rate["invitees"], 0, "no roster was imported");
}

#[actix_web::test]
async fn respondent_bodies_beyond_their_limits_get_413_and_use_nothing_up() {
    let app = spawn_app().await;
    let (_, survey, codes) = open_survey(&app).await;
    let client = Client::new(&app, survey);
    let b = &client.browser;
    let code = &codes[0].1;
    let path = format!("/i/{code}/token-request");
    refusal(
        &b.post_body(&path, REQUEST_TYPE, vec![0; 4096]).await,
        413,
        "larger than 1024 bytes",
    );
    let r = post_chunked(&app, &path, &[("content-type", REQUEST_TYPE)], vec![0; 4096]).await;
    refusal(&r, 413, "larger than 1024 bytes");
    // The invitation still gives its token.
    let token = client.token(code).await;

    let q = questionnaire(&app, survey).await;
    let answers = valid_answers(&q, &mut rand::rng());
    let submit = format!("/s/{survey}/responses");
    let padded = json!({ "token": URL_SAFE_NO_PAD.encode(&token), "language": "ja", "answers": answers,
                         "padding": "x".repeat(SUBMISSION_LIMIT) });
    let r = b
        .post_body(&submit, "application/json", padded.to_string().into_bytes())
        .await;
    refusal(&r, 413, &format!("larger than {SUBMISSION_LIMIT} bytes"));
    let r = post_chunked(
        &app,
        &submit,
        &[("content-type", "application/json")],
        padded.to_string().into_bytes(),
    )
    .await;
    refusal(&r, 413, &format!("larger than {SUBMISSION_LIMIT} bytes"));
    let long = "a".repeat(SUBMISSION_LIMIT);
    let r = b
        .post_form(
            &format!("/s/{survey}/responses/form"),
            &[("token", "t"), ("language", "ja"), ("comment", &long)],
        )
        .await;
    assert_eq!(r.status.as_u16(), 413, "{}", r.body);
    assert!(
        r.body.contains(&format!("larger than {SUBMISSION_LIMIT} bytes")),
        "{}",
        r.body
    );
    assert_eq!(responses(&app, survey).await, 0);
    // The token was not used up by the refusals.
    assert_eq!(client.submit(&token, "ja", &answers).await.status.as_u16(), 201);

    // Forms of the other pages: the login form, beyond the upload limit.
    let page = b.get("/login").await;
    let huge = "a".repeat(MAX_UPLOAD_BYTES);
    let r = b
        .post_form("/login", &[("csrf", &page.csrf()), ("email", &huge), ("password", "x")])
        .await;
    assert_eq!(r.status.as_u16(), 413, "{}", r.body);
    assert!(
        r.body.contains(&format!("larger than {MAX_UPLOAD_BYTES} bytes")),
        "{}",
        r.body
    );
}

#[actix_web::test]
async fn multipart_uploads_beyond_the_limit_are_refused_envelope_included() {
    let app = spawn_app().await;
    let b = operator(&app).await;
    let survey = create_survey(&b, create_organisation(&b, "Acme").await).await;
    let r = upload_roster(&b, survey, &vec![b'a'; MAX_UPLOAD_BYTES + 10]).await;
    assert_eq!(r.status.as_u16(), 413, "{}", r.body);
    assert!(r.body.contains("the upload is too large (at most 8 MB)"), "{}", r.body);
    // Many empty fields: no field holds a byte, but the form is larger than any body may be.
    let page = b.get(&format!("/operator/surveys/{survey}")).await;
    let names: Vec<String> = (0..MAX_BODY_BYTES / 60).map(|i| format!("f{i}")).collect();
    let mut fields: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "")).collect();
    let csrf = page.csrf();
    fields.insert(0, ("csrf", &csrf));
    let r = b
        .post_multipart(
            &format!("/operator/surveys/{survey}/roster"),
            &fields,
            &[("file", "roster.csv", roster().as_bytes())],
        )
        .await;
    assert_eq!(r.status.as_u16(), 413, "{}", r.body);
    assert!(r.body.contains("the upload is too large (at most 8 MB)"), "{}", r.body);
    let page = b.get(&format!("/operator/surveys/{survey}")).await;
    assert!(!page.body.contains("sales0@client.example"), "nothing was imported");
}

#[actix_web::test]
async fn json_nested_a_hundred_thousand_deep_gets_400_not_a_stack_overflow() {
    let app = spawn_app().await;
    let (_, survey, codes) = open_survey(&app).await;
    let client = Client::new(&app, survey);
    let token = client.token(&codes[0].1).await;
    let depth = 100_000;
    let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let objects = format!("{}1{}", "{\"\":".repeat(depth), "}".repeat(depth));
    for nested in [&arrays, &objects] {
        let body = format!(
            "{{\"token\": \"{}\", \"language\": \"ja\", \"answers\": {{\"support\": {nested}}}}}",
            URL_SAFE_NO_PAD.encode(&token)
        );
        let r = client
            .browser
            .post_body(&format!("/s/{survey}/responses"), "application/json", body.into_bytes())
            .await;
        refusal(&r, 400, "recursion limit exceeded");
    }
    assert_eq!(responses(&app, survey).await, 0);

    let api = app.browser();
    let api_token = app.login("admin@firm.example").await.api_token().await;
    let r = api
        .send_raw(
            "POST",
            "/api/v1/organisations",
            &api_token,
            "application/json",
            format!("{{\"name\": {arrays}}}").into_bytes(),
        )
        .await;
    // Typed bodies stop at the first value of the wrong type, before any depth.
    api_refusal(&r, 400, "bad_request", "invalid type: sequence, expected a string");
    // A questionnaire nested as deep: the TOML parser has its own limit.
    let s = survey_server::services::surveys::find(app.db(), survey).await.unwrap();
    let org = json(
        &api.api(
            "POST",
            "/api/v1/organisations",
            &api_token,
            Some(json!({ "name": "Deep" })),
        )
        .await,
    );
    let draft = json(
        &api.api(
            "POST",
            "/api/v1/surveys",
            &api_token,
            Some(json!({ "organisation_id": org["id"], "name": "D", "template": "alumni-pulse" })),
        )
        .await,
    );
    let r = api
        .send_raw(
            "PUT",
            &format!("/api/v1/surveys/{}/questionnaire", draft["id"].as_str().unwrap()),
            &api_token,
            "text/plain",
            format!("x = {arrays}\n").into_bytes(),
        )
        .await;
    api_refusal(&r, 400, "bad_request", "the questionnaire has problems");
    // The server is still there, and the open survey unchanged.
    assert_eq!(client.browser.get("/healthz").await.status.as_u16(), 200);
    assert_eq!(
        survey_server::services::surveys::find(app.db(), survey)
            .await
            .unwrap()
            .template_source,
        s.template_source
    );
    // The token still counts.
    let answers = valid_answers(&questionnaire(&app, survey).await, &mut rand::rng());
    assert_eq!(client.submit(&token, "ja", &answers).await.status.as_u16(), 201);
}

#[actix_web::test]
async fn bodies_that_are_not_utf8_get_400_saying_so_and_change_nothing() {
    let app = spawn_app().await;
    let (_, survey, codes) = open_survey(&app).await;
    let client = Client::new(&app, survey);
    let b = &client.browser;
    let token = client.token(&codes[0].1).await;

    // JSON: a string with a byte that is not UTF-8.
    let mut body = format!(
        "{{\"token\": \"{}\", \"language\": \"ja\", \"answers\": {{\"comment\": \"",
        URL_SAFE_NO_PAD.encode(&token)
    )
    .into_bytes();
    body.extend([0xff, 0xfe]);
    body.extend(b"\"}}");
    let r = b
        .post_body(&format!("/s/{survey}/responses"), "application/json", body)
        .await;
    refusal(&r, 400, "the JSON body is not valid");
    let api_token = app.login("admin@firm.example").await.api_token().await;
    let before = organisations(&app).await;
    let r = b
        .send_raw(
            "POST",
            "/api/v1/organisations",
            &api_token,
            "application/json",
            b"{\"name\": \"Acme \xff\"}".to_vec(),
        )
        .await;
    api_refusal(&r, 400, "bad_request", "the JSON body is not valid");
    let draft = json(
        &b.api(
            "POST",
            "/api/v1/surveys",
            &api_token,
            Some(json!({ "organisation_id": survey_server::services::surveys::find(app.db(), survey).await.unwrap().organisation_id,
                         "name": "D", "template": "alumni-pulse" })),
        )
        .await,
    );
    let r = b
        .send_raw(
            "PUT",
            &format!("/api/v1/surveys/{}/questionnaire", draft["id"].as_str().unwrap()),
            &api_token,
            "text/plain",
            b"id = \"x\xff\"\n".to_vec(),
        )
        .await;
    api_refusal(
        &r,
        400,
        "bad_request",
        "the questionnaire is not UTF-8 text (byte 8 is not)",
    );

    // Forms: percent-encoded and raw bytes that are not UTF-8, and a NUL.
    let operator = app.login("admin@firm.example").await;
    let csrf = operator.get("/operator/organisations").await.csrf();
    let form = "application/x-www-form-urlencoded";
    for name in [&b"Acme%FF%FE"[..], &b"Acme\xff"[..]] {
        let mut body = format!("csrf={csrf}&name=").into_bytes();
        body.extend(name);
        let r = operator.post_raw("/operator/organisations", form, body).await;
        assert_eq!(r.status.as_u16(), 400, "{}", r.body);
        assert!(r.body.contains("the form is not UTF-8 text"), "{}", r.body);
    }
    let r = operator
        .post_raw(
            "/operator/organisations",
            form,
            format!("csrf={csrf}&name=Acme%00").into_bytes(),
        )
        .await;
    assert_eq!(r.status.as_u16(), 400, "{}", r.body);
    assert!(r.body.contains("NUL character"), "{}", r.body);
    // A form that declares another charset is decoded in it, strictly (no browser sends one here).
    let mut body = format!("csrf={csrf}&name=").into_bytes();
    body.extend(b"\x83\x65\x83\x58\x83\x67"); // テスト in Shift_JIS
    let r = operator
        .post_raw(
            "/operator/organisations",
            "application/x-www-form-urlencoded; charset=Shift_JIS",
            body,
        )
        .await;
    assert_eq!(r.status.as_u16(), 303, "{}", r.body);
    assert!(
        organisation::Entity::find()
            .filter(organisation::Column::Name.eq("テスト"))
            .one(app.db())
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(
        organisations(&app).await,
        before + 1,
        "only the one in Shift_JIS was made"
    );
    let r = b
        .post_body(
            &format!("/s/{survey}/responses/form"),
            "application/x-www-form-urlencoded",
            b"token=t&language=ja&comment=%C3%28".to_vec(),
        )
        .await;
    assert_eq!(r.status.as_u16(), 400, "{}", r.body);
    assert!(r.body.contains("the form is not UTF-8 text"), "{}", r.body);
    assert_eq!(responses(&app, survey).await, 0);
}

#[actix_web::test]
async fn control_characters_in_names_get_400_not_a_database_error() {
    let app = spawn_app().await;
    let (token, id) = api_survey(&app).await;
    let api = app.browser();
    for name in ["Acme\u{0}", "Acme\nInc", "\u{7}"] {
        let r = api
            .api("POST", "/api/v1/organisations", &token, Some(json!({ "name": name })))
            .await;
        api_refusal(&r, 400, "bad_request", "cannot hold control characters");
    }
    let org = json(&api.api("GET", "/api/v1/organisations", &token, None).await)[0]["id"].clone();
    let r = api
        .api(
            "POST",
            &format!("/api/v1/organisations/{}/users", org.as_str().unwrap()),
            &token,
            Some(
                json!({ "email": "boss@client.example", "name": "The\u{0}Boss", "password": "a long enough password" }),
            ),
        )
        .await;
    api_refusal(
        &r,
        400,
        "bad_request",
        "the name cannot hold control characters (U+0000)",
    );
    let r = api
        .api(
            "POST",
            &format!("/api/v1/organisations/{}/users", org.as_str().unwrap()),
            &token,
            Some(json!({ "email": "bo\u{0}ss@client.example", "name": "Boss", "password": "a long enough password" })),
        )
        .await;
    api_refusal(&r, 400, "bad_request", "is not an e-mail address");
    let r = api
        .api(
            "POST",
            "/api/v1/surveys",
            &token,
            Some(json!({ "organisation_id": org, "name": "S\u{0}", "template": "alumni-pulse" })),
        )
        .await;
    api_refusal(
        &r,
        400,
        "bad_request",
        "the survey's name cannot hold control characters",
    );
    let settings = json!({ "name": "S\u{1b}", "languages": ["ja"], "k_threshold": 5, "comment_threshold": 10,
                           "breakdowns": [], "allow_fallback": false });
    let r = api
        .api("PUT", &format!("/api/v1/surveys/{id}/settings"), &token, Some(settings))
        .await;
    api_refusal(
        &r,
        400,
        "bad_request",
        "the survey's name cannot hold control characters",
    );
    let r = api
        .send_raw(
            "PUT",
            &format!("/api/v1/surveys/{id}/roster"),
            &token,
            "text/csv",
            b"email,department\na@client.example,Sales\x00\n".to_vec(),
        )
        .await;
    assert_eq!(r.status.as_u16(), 422, "{}", r.body);
    assert_eq!(
        json(&r)["problems"],
        json!(["line 2: `department` holds a control character (U+0000)"])
    );
    assert_eq!(organisations(&app).await, 1);
    let survey = json(&api.api("GET", &format!("/api/v1/surveys/{id}"), &token, None).await);
    assert_eq!(survey["name"], "S");
}

#[actix_web::test]
async fn a_replayed_token_is_refused_here_and_in_another_survey_and_changes_nothing() {
    let app = spawn_app().await;
    let (b, survey, codes) = open_survey(&app).await;
    // A second open survey on the same server.
    let other = create_survey(&b, create_organisation(&b, "Other client").await).await;
    assert_eq!(save_settings(&b, other, "5", "department").await.status.as_u16(), 303);
    assert_eq!(upload_roster(&b, other, roster().as_bytes()).await.status.as_u16(), 303);
    let start = (chrono::Utc::now() + chrono::Duration::days(180))
        .date_naive()
        .to_string();
    assert_eq!(propose_plan(&b, other, &start).await.status.as_u16(), 303);
    assert_eq!(change_state(&b, other, "scheduled").await.status.as_u16(), 303);
    crate::jobs::make_due(&app, other, &["open"]).await;
    survey_server::jobs::run_due(&app.state).await.unwrap();
    assert_eq!(
        survey_server::services::surveys::find(app.db(), other)
            .await
            .unwrap()
            .state,
        "open"
    );

    let client = Client::new(&app, survey);
    let token = client.token(&codes[0].1).await;
    let q = questionnaire(&app, survey).await;
    let answers = valid_answers(&q, &mut rand::rng());
    let stored = client.submit(&token, "ja", &answers).await;
    assert_eq!(stored.status.as_u16(), 201, "{}", stored.body);
    let receipt = json(&stored)["receipt"].as_str().unwrap().to_owned();

    // The same token again, with other answers: refused, the stored response untouched.
    let mut changed = valid_answers(&q, &mut rand::rng());
    while changed == answers {
        changed = valid_answers(&q, &mut rand::rng());
    }
    let again = client.submit(&token, "en", &changed).await;
    refusal(&again, 409, "this ballot has already been used");
    // The token in another survey: not issued for it.
    let elsewhere = Client::new(&app, other).submit(&token, "ja", &answers).await;
    refusal(&elsewhere, 400, "it was not issued for this survey");
    assert_eq!(responses(&app, survey).await, 1);
    assert_eq!(responses(&app, other).await, 0);
    let row = response::Entity::find()
        .filter(response::Column::SurveyId.eq(survey))
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.receipt, receipt, "the first response is the one kept");
    assert_eq!(
        row.answers.as_bytes(),
        &q.validate_answers(&answers).unwrap().canonical_bytes()[..]
    );
}

#[actix_web::test]
async fn simultaneous_creations_of_one_name_make_one_and_refuse_the_others_with_409() {
    let app = spawn_app().await;
    let token = operator(&app).await.api_token().await;
    let api = app.browser();
    let statuses = |rs: &[Response]| {
        let mut s: Vec<u16> = rs.iter().map(|r| r.status.as_u16()).collect();
        s.sort_unstable();
        s
    };
    // Each request checks the name is free, then inserts: two that both passed the check met the
    // unique index, and the loser was a 500.
    let made = futures_util::future::join_all(
        (0..20).map(|_| api.api("POST", "/api/v1/organisations", &token, Some(json!({ "name": "Twin" })))),
    )
    .await;
    let mut expected = vec![201];
    expected.extend([409; 19]);
    assert_eq!(statuses(&made), expected);
    assert_eq!(organisations(&app).await, 1);
    let org = made.iter().find(|r| r.status.as_u16() == 201).unwrap();
    let org = json(org)["id"].as_str().unwrap().to_owned();
    let manager = json!({ "email": "boss@client.example", "name": "Boss", "password": "a long enough password" });
    let path = format!("/api/v1/organisations/{org}/users");
    let made =
        futures_util::future::join_all((0..8).map(|_| api.api("POST", &path, &token, Some(manager.clone())))).await;
    let mut expected = vec![201];
    expected.extend([409; 7]);
    assert_eq!(
        statuses(&made),
        expected,
        "{:?}",
        made.iter().map(|r| &r.body).collect::<Vec<_>>()
    );
    for r in made.iter().filter(|r| r.status.as_u16() == 409) {
        assert_eq!(
            json(r)["message"],
            "there is already an account for boss@client.example"
        );
    }
}

#[actix_web::test]
async fn racing_roster_imports_and_state_changes_go_one_after_the_other_never_a_500() {
    let app = spawn_app().await;
    let (token, id) = api_survey(&app).await;
    let api = app.browser();
    let settings = json!({ "name": "S", "languages": ["ja", "en"], "k_threshold": 5, "comment_threshold": 10,
                           "breakdowns": ["department"], "allow_fallback": false });
    let r = api
        .api("PUT", &format!("/api/v1/surveys/{id}/settings"), &token, Some(settings))
        .await;
    assert_eq!(r.status.as_u16(), 200, "{}", r.body);
    // Imports were a delete and inserts outside a transaction: two at once met the unique index
    // (a 500) or left both rosters in part.
    let path = format!("/api/v1/surveys/{id}/roster");
    let imported = futures_util::future::join_all(
        (0..6).map(|_| api.send_raw("PUT", &path, &token, "text/csv", roster().into_bytes())),
    )
    .await;
    for r in &imported {
        assert_eq!(r.status.as_u16(), 200, "{}", r.body);
    }
    let rate = json(
        &api.api("GET", &format!("/api/v1/surveys/{id}/response-rate"), &token, None)
            .await,
    );
    assert_eq!(rate["invitees"], 60);
    let start = (chrono::Utc::now() + chrono::Duration::days(200))
        .date_naive()
        .to_string();
    let r = api
        .api(
            "PUT",
            &format!("/api/v1/surveys/{id}/plan"),
            &token,
            Some(json!({ "start": start })),
        )
        .await;
    assert_eq!(r.status.as_u16(), 200, "{}", r.body);
    // Scheduling checked the state it had read: two at once both made keys, and the second met the
    // unique index of (survey, segment).
    let path = format!("/api/v1/surveys/{id}/state");
    let scheduled = futures_util::future::join_all(
        (0..6).map(|_| api.api("POST", &path, &token, Some(json!({ "to": "scheduled" })))),
    )
    .await;
    let mut statuses: Vec<u16> = scheduled.iter().map(|r| r.status.as_u16()).collect();
    statuses.sort_unstable();
    assert_eq!(
        statuses,
        [200, 409, 409, 409, 409, 409],
        "{:?}",
        scheduled.iter().map(|r| &r.body).collect::<Vec<_>>()
    );
    let survey: SurveyId = id.parse().unwrap();
    assert_eq!(
        survey_server::services::issuance::keys(app.db(), survey)
            .await
            .unwrap()
            .len(),
        3
    );
    use survey_server::storage::job;
    let jobs = job::Entity::find()
        .filter(job::Column::SurveyId.eq(survey))
        .count(app.db())
        .await
        .unwrap();
    assert_eq!(jobs, 5, "open, invite, two reminders, close: once each");
    // An import now is refused: the roster is frozen.
    let r = api
        .send_raw(
            "PUT",
            &format!("/api/v1/surveys/{id}/roster"),
            &token,
            "text/csv",
            roster().into_bytes(),
        )
        .await;
    assert_eq!(r.status.as_u16(), 409, "{}", r.body);
}
