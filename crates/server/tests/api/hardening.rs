//! What the hostile review of issue 13 found besides anonymity (its part 9), and opening a survey
//! by hand (part 10): each test plays the attacker or shows the bug as it was.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use futures_util::future::join_all;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, Statement, TransactionTrait};
use serde_json::json;
use survey_server::config::Secret;
use survey_server::domain::{JobKind, JobState, SurveyId};
use survey_server::jobs::run_due;
use survey_server::services::auth::Role;
use survey_server::services::surveys::{self, State};
use survey_server::storage::{audit_log, job, user};

use crate::helpers::{Browser, PASSWORD, TestApp, spawn_app, spawn_on, spawn_with};
use crate::hostile::json;
use crate::jobs::make_due;
use crate::respondent::{Client, open_survey, questionnaire, valid_answers};
use crate::surveys::{change_state, create_organisation, operator, ready_survey};

// --- The login limit -------------------------------------------------------------------------

/// A login from `forwarded` (the `X-Forwarded-For` a proxy would set), with a CSRF pair of its own.
async fn login_via_proxy(app: &TestApp, forwarded: &str, email: &str, password: &str) -> u16 {
    awc::Client::builder()
        .disable_redirects()
        .finish()
        .post(format!("{}/login", app.address))
        .insert_header(("cookie", "survey_login_csrf=proxy-test"))
        .insert_header(("x-forwarded-for", forwarded))
        .send_form(&[("csrf", "proxy-test"), ("email", email), ("password", password)])
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[actix_web::test]
async fn a_burst_of_wrong_passwords_for_one_account_lets_at_most_the_allowance_reach_the_check() {
    let app = spawn_with(|s| s.session.login_attempts = 3).await;
    app.user("ana@firm.example", Role::Analyst, None).await;
    let b = app.browser();
    let csrf = b.get("/login").await.csrf();
    let form = [
        ("csrf", csrf.as_str()),
        ("email", "ana@firm.example"),
        ("password", "wrong password!!"),
    ];
    // 20 at once: counted only after argon2, they all passed a check that saw no failure yet.
    let statuses: Vec<u16> = join_all((0..20).map(|_| b.post_form("/login", &form)))
        .await
        .iter()
        .map(|r| r.status.as_u16())
        .collect();
    let checked = statuses.iter().filter(|s| **s == 401).count();
    assert!(checked <= 3, "{checked} passwords were checked: {statuses:?}");
    assert_eq!(
        statuses.iter().filter(|s| **s == 429).count(),
        20 - checked,
        "{statuses:?}"
    );
    assert_eq!(b.login("ana@firm.example", PASSWORD).await.status.as_u16(), 429);
}

#[actix_web::test]
async fn an_overlong_e_mail_or_password_is_refused_before_anything_else() {
    let app = spawn_app().await;
    app.user("ana@firm.example", Role::Analyst, None).await;
    let b = app.browser();
    let long_email = format!("{}@firm.example", "a".repeat(242));
    assert_eq!(long_email.len(), 255);
    let r = b.login(&long_email, PASSWORD).await;
    assert_eq!(r.status.as_u16(), 400, "{}", r.body);
    assert!(r.body.contains("at most 254"), "{}", r.body);
    let r = b.login("ana@firm.example", &"p".repeat(1025)).await;
    assert_eq!(r.status.as_u16(), 400, "{}", r.body);
    // At the limits the password is checked (and is wrong).
    assert_eq!(b.login(&long_email[1..], PASSWORD).await.status.as_u16(), 401);
    assert_eq!(
        b.login("ana@firm.example", &"p".repeat(1024)).await.status.as_u16(),
        401
    );
    let login = b.get("/login").await.body;
    assert!(
        login.contains("maxlength=\"254\"") && login.contains("maxlength=\"1024\""),
        "{login}"
    );
}

#[actix_web::test]
async fn one_address_trying_many_accounts_is_limited_and_others_are_not() {
    let app = spawn_with(|s| s.session.login_attempts_per_address = 3).await;
    app.user("ana@firm.example", Role::Analyst, None).await;
    let b = app.browser();
    for i in 0..3 {
        let r = b.login(&format!("guess{i}@firm.example"), "wrong password!!").await;
        assert_eq!(r.status.as_u16(), 401);
    }
    // A fourth account from the same address: refused before any check, the right password too.
    assert_eq!(b.login("ana@firm.example", PASSWORD).await.status.as_u16(), 429);

    // Behind a proxy, the address it forwards is the one counted (the last of the header).
    let proxied = spawn_with(|s| {
        s.session.login_attempts_per_address = 3;
        s.session.client_address_header = Some("X-Forwarded-For".into());
    })
    .await;
    proxied.user("ana@firm.example", Role::Analyst, None).await;
    for i in 0..3 {
        let status = login_via_proxy(
            &proxied,
            "198.51.100.7, 203.0.113.1",
            &format!("g{i}@firm.example"),
            "wrong",
        )
        .await;
        assert_eq!(status, 401);
    }
    assert_eq!(
        login_via_proxy(&proxied, "203.0.113.1", "ana@firm.example", PASSWORD).await,
        429
    );
    assert_eq!(
        login_via_proxy(&proxied, "203.0.113.2", "ana@firm.example", PASSWORD).await,
        303,
        "another client behind the same proxy is not locked out"
    );
}

// --- The questionnaire cache -----------------------------------------------------------------

#[actix_web::test]
async fn a_questionnaire_replaced_after_going_back_to_draft_is_served_once_scheduled_again_on_every_server() {
    let app = spawn_app().await;
    let (b, _, survey) = ready_survey(&app).await;
    let old_title = "Employee survey on introducing an alumni network";
    let new_title = "Second wave: the alumni network";
    assert_eq!(change_state(&b, survey, "scheduled").await.status.as_u16(), 303);
    // Both servers have parsed (and kept) the scheduled questionnaire.
    let other = spawn_on(&app, |_| {}).await;
    for server in [&app, &other] {
        let page = server.browser().get(&format!("/s/{survey}?lang=en")).await;
        assert!(page.body.contains(old_title), "{}", page.body);
    }
    assert_eq!(change_state(&b, survey, "draft").await.status.as_u16(), 303);
    let s = surveys::find(app.db(), survey).await.unwrap();
    let source = s.template_source.replace(old_title, new_title);
    surveys::replace_questionnaire(app.db(), "test", survey, source)
        .await
        .unwrap();
    assert_eq!(change_state(&b, survey, "scheduled").await.status.as_u16(), 303);
    for server in [&app, &other] {
        let page = server.browser().get(&format!("/s/{survey}?lang=en")).await;
        assert!(
            page.body.contains(new_title) && !page.body.contains(old_title),
            "the old questionnaire is served: {}",
            page.body
        );
    }
}

// --- Receipts after the close ----------------------------------------------------------------

async fn index_names(app: &TestApp) -> Vec<String> {
    let backend = app.db().get_database_backend();
    let sql = match backend {
        DatabaseBackend::Postgres => "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'responses'",
        _ => "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'responses'",
    };
    app.db()
        .query_all_raw(Statement::from_string(backend, sql))
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get::<String>("", "name").unwrap())
        .collect()
}

/// `n` responses to an open survey; their receipts.
async fn answer(app: &TestApp, survey: SurveyId, codes: &[(String, String)], n: usize) -> Vec<String> {
    let client = Client::new(app, survey);
    let q = questionnaire(app, survey).await;
    let mut receipts = Vec::new();
    for (_, code) in codes.iter().take(n) {
        let token = client.token(code).await;
        let r = client.submit(&token, "ja", &valid_answers(&q, &mut rand::rng())).await;
        assert_eq!(r.status.as_u16(), 201, "{}", r.body);
        receipts.push(json(&r)["receipt"].as_str().unwrap().to_owned());
    }
    receipts
}

#[actix_web::test]
async fn receipts_are_found_by_an_index_and_after_the_close_from_a_tally_built_once() {
    let app = spawn_app().await;
    let (_, survey, codes) = open_survey(&app).await;
    assert!(
        index_names(&app).await.contains(&"responses_receipt".to_owned()),
        "no index on the receipts: {:?}",
        index_names(&app).await
    );
    let receipts = answer(&app, survey, &codes, 7).await;
    surveys::transition(&app.state, "test", survey, State::Closed)
        .await
        .unwrap();
    let s = surveys::find(app.db(), survey).await.unwrap();
    let kept = app
        .state
        .closed_tallies
        .get(app.db(), &app.state.settings, &s)
        .await
        .unwrap();
    let published = s.tally.as_ref().unwrap()["root"].as_str().unwrap().to_owned();
    let rebuilt = survey_server::services::responses::tally(app.db(), &app.state.settings, &s)
        .await
        .unwrap();
    assert_eq!(kept.tally, rebuilt, "the kept tally is the tally");
    for receipt in &receipts {
        let page = app
            .browser()
            .get(&format!("/s/{survey}/receipt?r={receipt}&lang=en"))
            .await;
        assert!(
            page.body.contains("is included in the published tally"),
            "{}",
            page.body
        );
        let proof = kept.proof(receipt).unwrap();
        assert_eq!(
            proof,
            rebuilt.proof(receipt).unwrap(),
            "the same audit path as the token crate's"
        );
        assert!(proof.verify(&published));
        for hash in &proof.path {
            assert!(page.body.contains(hash.as_str()), "the page shows the audit path");
        }
    }
    let again = app
        .state
        .closed_tallies
        .get(app.db(), &app.state.settings, &s)
        .await
        .unwrap();
    assert!(Arc::ptr_eq(&kept, &again), "the tally was built again");
}

// --- Compaction after the close --------------------------------------------------------------

async fn jobs_of(app: &TestApp, survey: SurveyId) -> Vec<job::Model> {
    job::Entity::find()
        .filter(job::Column::SurveyId.eq(survey))
        .all(app.db())
        .await
        .unwrap()
}

#[actix_web::test]
async fn a_compaction_that_fails_after_the_close_stays_pending_and_is_retried_until_it_succeeds() {
    let app = spawn_app().await;
    let backend = app.db().get_database_backend();
    if backend == DatabaseBackend::Sqlite {
        let on = app
            .db()
            .query_one_raw(Statement::from_string(backend, "PRAGMA secure_delete"))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(on.try_get_by_index::<i32>(0).unwrap(), 1, "deleted rows are zeroed");
    }
    let (_, survey, codes) = open_survey(&app).await;
    answer(&app, survey, &codes, 3).await;
    // Someone (a backup, a report) reads the responses through another connection: on SQLite the
    // write-ahead log cannot be emptied, on PostgreSQL VACUUM FULL cannot take its lock.
    let other = sea_orm::Database::connect(&app.database_url).await.unwrap();
    let reader = other.begin().await.unwrap();
    reader
        .query_one_raw(Statement::from_string(backend, "SELECT count(*) FROM responses"))
        .await
        .unwrap();
    let closed = surveys::transition(&app.state, "test", survey, State::Closed)
        .await
        .unwrap();
    assert_eq!(closed.state, State::Closed, "the close stands");
    let compaction: Vec<job::Model> = jobs_of(&app, survey)
        .await
        .into_iter()
        .filter(|j| j.kind == JobKind::Compact)
        .collect();
    assert_eq!(compaction.len(), 1, "the failed compaction is recorded");
    assert_eq!(compaction[0].state, JobState::Pending);
    let why = compaction[0].last_error.clone().unwrap_or_default();
    assert!(why.contains("could not be compacted"), "{why}");

    // Still held: the scheduler's try fails too, and the job waits for another.
    make_due(&app, survey, &["compact"]).await;
    assert_eq!(run_due(&app.state).await.unwrap(), 1);
    let retried = job::Entity::find_by_id(compaction[0].id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!((retried.state, retried.attempts), (JobState::Pending, 1));

    reader.commit().await.unwrap();
    make_due(&app, survey, &["compact"]).await;
    assert_eq!(run_due(&app.state).await.unwrap(), 1);
    let done = job::Entity::find_by_id(compaction[0].id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(done.state, JobState::Done, "{:?}", done.last_error);

    // A close whose compaction succeeds at once leaves its job done, not for the scheduler.
    let app = spawn_app().await;
    let (_, survey, _) = open_survey(&app).await;
    surveys::transition(&app.state, "test", survey, State::Closed)
        .await
        .unwrap();
    let jobs = jobs_of(&app, survey).await;
    let compaction = jobs.iter().find(|j| j.kind == JobKind::Compact).unwrap();
    assert_eq!(compaction.state, JobState::Done);
}

// --- The outbox after the roster purge -------------------------------------------------------

#[actix_web::test]
async fn the_roster_purge_deletes_the_surveys_messages_from_the_outbox() {
    let app = spawn_app().await;
    let (_, survey, codes) = open_survey(&app).await;
    assert_eq!(app.mails().len(), 60);
    // A message of no survey, which the purge must leave alone.
    std::fs::write(
        app.outbox.join("20000101T000000.000000-other.eml"),
        "To: someone@example.com\r\nSubject: other\r\n\r\nnot a survey's",
    )
    .unwrap();
    surveys::transition(&app.state, "test", survey, State::Closed)
        .await
        .unwrap();
    let s = surveys::find(app.db(), survey).await.unwrap();
    let purged = survey_server::services::roster::purge(app.db(), &app.state.mailer, "retention", &s)
        .await
        .unwrap();
    assert_eq!((purged.invitees, purged.messages), (60, 60));
    let left: Vec<String> = std::fs::read_dir(&app.outbox)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(left[0].contains("not a survey's"));
    for (email, code) in &codes {
        assert!(!left[0].contains(code.as_str()) && !left[0].contains(email.as_str()));
    }
    let audit = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("roster purged"))
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert!(
        audit.detail.contains("60 messages deleted from the outbox"),
        "{}",
        audit.detail
    );
}

// --- Disabled accounts and revoked tokens ----------------------------------------------------

async fn user_id(app: &TestApp, email: &str) -> String {
    user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string()
}

async fn audit_actions(app: &TestApp, action: &str) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .all(app.db())
        .await
        .unwrap()
}

async fn status(api: &Browser, method: &str, path: &str, token: &str) -> u16 {
    api.api(method, path, token, None).await.status.as_u16()
}

#[actix_web::test]
async fn a_disabled_account_loses_its_sessions_and_tokens_at_once_and_cannot_log_in() {
    let app = spawn_app().await;
    let admin = operator(&app).await;
    app.user("ana@firm.example", Role::Analyst, None).await;
    let ana = app.login("ana@firm.example").await;
    let ana_token = ana.api_token().await;
    let api = app.browser();
    assert_eq!(status(&api, "GET", "/api/v1/surveys", &ana_token).await, 200);
    let (ana_id, admin_id) = (
        user_id(&app, "ana@firm.example").await,
        user_id(&app, "admin@firm.example").await,
    );

    // An analyst sees the operators but cannot disable anyone.
    let page = ana.get("/operator/users").await;
    assert_eq!(page.status.as_u16(), 200);
    assert!(!page.body.contains("/disable\""), "{}", page.body);
    let r = ana
        .post_form(
            &format!("/operator/users/{admin_id}/disable"),
            &[("csrf", &page.csrf())],
        )
        .await;
    assert_eq!(r.status.as_u16(), 403);

    // An admin disables her, never themselves.
    let page = admin.get("/operator/users").await;
    let disable = format!("/operator/users/{ana_id}/disable");
    assert!(page.body.contains(&disable), "{}", page.body);
    assert!(!page.body.contains(&format!("/operator/users/{admin_id}/disable")));
    let own = admin
        .post_form(
            &format!("/operator/users/{admin_id}/disable"),
            &[("csrf", &page.csrf())],
        )
        .await;
    assert_eq!(own.status.as_u16(), 409);
    let r = admin.post_form(&disable, &[("csrf", &page.csrf())]).await;
    assert_eq!((r.status.as_u16(), r.location()), (303, "/operator/users"));
    assert_eq!(ana.get("/operator").await.location(), "/login", "her session ended");
    assert_eq!(
        status(&api, "GET", "/api/v1/surveys", &ana_token).await,
        401,
        "her token"
    );
    assert_eq!(
        app.browser().login("ana@firm.example", PASSWORD).await.status.as_u16(),
        401
    );
    let audit = audit_actions(&app, "user disabled").await;
    assert_eq!(audit.len(), 1);
    assert_eq!(
        (audit[0].actor.as_str(), audit[0].detail.as_str()),
        ("admin@firm.example", "ana@firm.example")
    );

    // Enabled again, she logs in; her old token stays revoked.
    let page = admin.get("/operator/users").await;
    let r = admin
        .post_form(&format!("/operator/users/{ana_id}/enable"), &[("csrf", &page.csrf())])
        .await;
    assert_eq!(r.status.as_u16(), 303);
    assert_eq!(
        app.browser().login("ana@firm.example", PASSWORD).await.status.as_u16(),
        303
    );
    assert_eq!(status(&api, "GET", "/api/v1/surveys", &ana_token).await, 401);

    // A management user, disabled through the API and shown so on their organisation's page.
    let org = create_organisation(&admin, "Acme").await;
    app.user("boss@acme.example", Role::Management, Some(org)).await;
    let boss = app.login("boss@acme.example").await;
    assert_eq!(boss.get("/portal").await.status.as_u16(), 200);
    let admin_token = admin.api_token().await;
    let analyst_token = app.login("ana@firm.example").await.api_token().await;
    let users = json(&api.api("GET", "/api/v1/users", &admin_token, None).await);
    let boss_id = users
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["email"] == "boss@acme.example")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/api/v1/users/{boss_id}/disable");
    assert_eq!(status(&api, "POST", &path, &analyst_token).await, 403);
    assert_eq!(status(&api, "GET", "/api/v1/users", &analyst_token).await, 403);
    let r = api.api("POST", &path, &admin_token, None).await;
    assert_eq!(r.status.as_u16(), 200, "{}", r.body);
    assert_eq!(json(&r)["disabled"], true);
    assert_eq!(boss.get("/portal").await.location(), "/login");
    let org_page = admin.get(&format!("/operator/organisations/{org}")).await;
    assert!(
        org_page.body.contains(&format!("/operator/users/{boss_id}/enable")),
        "{}",
        org_page.body
    );
    let r = api
        .api("POST", &format!("/api/v1/users/{admin_id}/disable"), &admin_token, None)
        .await;
    assert_eq!(r.status.as_u16(), 409, "{}", r.body);
    let r = api
        .api(
            "POST",
            &format!("/api/v1/users/{}/disable", uuid::Uuid::new_v4()),
            &admin_token,
            None,
        )
        .await;
    assert_eq!(r.status.as_u16(), 404);
}

#[actix_web::test]
async fn an_operator_revokes_their_own_tokens_on_the_page_and_by_the_api_and_no_one_elses() {
    let app = spawn_app().await;
    let admin = operator(&app).await;
    let first = admin.api_token().await;
    let second = admin.api_token().await;
    let api = app.browser();
    let listed = json(&api.api("GET", "/api/v1/tokens", &first, None).await);
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 2);
    let id_of = |current: bool| {
        listed.iter().find(|t| t["current"] == current).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let (first_id, second_id) = (id_of(true), id_of(false));

    let path = |id: &str| format!("/api/v1/tokens/{id}");
    assert_eq!(
        status(&api, "DELETE", &path(&first_id), &first).await,
        409,
        "a token revoking itself"
    );
    assert_eq!(status(&api, "DELETE", &path(&second_id), &first).await, 204);
    assert_eq!(
        status(&api, "GET", "/api/v1/surveys", &second).await,
        401,
        "revoked at once"
    );
    assert_eq!(status(&api, "DELETE", &path(&second_id), &first).await, 404);
    assert_eq!(status(&api, "DELETE", "/api/v1/tokens/not-a-uuid", &first).await, 400);

    // Another operator's token is not found, and keeps working.
    app.user("ana@firm.example", Role::Analyst, None).await;
    let ana_token = app.login("ana@firm.example").await.api_token().await;
    let ana_id = json(&api.api("GET", "/api/v1/tokens", &ana_token, None).await)[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(status(&api, "DELETE", &path(&ana_id), &first).await, 404);
    assert_eq!(status(&api, "GET", "/api/v1/surveys", &ana_token).await, 200);

    // On the page, an operator revokes the token in use elsewhere.
    let page = admin.get("/operator/tokens").await;
    let action = format!("/operator/tokens/{first_id}/revoke");
    assert!(page.body.contains(&action), "{}", page.body);
    assert!(!page.body.contains(&format!("/operator/tokens/{ana_id}/revoke")));
    let r = admin.post_form(&action, &[("csrf", &page.csrf())]).await;
    assert_eq!(r.status.as_u16(), 200, "{}", r.body);
    assert_eq!(status(&api, "GET", "/api/v1/surveys", &first).await, 401);
    let r = admin
        .post_form(&format!("/operator/tokens/{ana_id}/revoke"), &[("csrf", &page.csrf())])
        .await;
    assert_eq!(r.status.as_u16(), 404);
    let revoked = audit_actions(&app, "api token revoked").await;
    assert_eq!(revoked.len(), 2);
    assert!(revoked.iter().all(|a| a.actor == "admin@firm.example"));
}

#[actix_web::test]
async fn the_account_and_token_operations_answer_as_the_document_says() {
    let app = spawn_app().await;
    let token = operator(&app).await.api_token().await;
    let doc = json(&app.browser().get("/api/v1/openapi.json").await);
    let api = app.browser();
    let id = uuid::Uuid::new_v4().to_string();
    for (path, method, body) in [
        ("/api/v1/users", "get", None),
        ("/api/v1/users/{id}/disable", "post", None),
        ("/api/v1/users/{id}/enable", "post", None),
        ("/api/v1/tokens", "get", None),
        ("/api/v1/tokens/{id}", "delete", None),
        (
            "/api/v1/surveys/{id}/state",
            "post",
            Some(json!({ "to": "open", "move_reminders": true })),
        ),
    ] {
        let op = &doc["paths"][path][method];
        assert!(op.is_object(), "{method} {path} is not documented");
        let r = api
            .api(&method.to_uppercase(), &path.replace("{id}", &id), &token, body)
            .await;
        let documented: Vec<&String> = op["responses"].as_object().unwrap().keys().collect();
        assert!(
            documented.contains(&&r.status.as_u16().to_string()),
            "{method} {path} answered {} ({}), documented: {documented:?}",
            r.status,
            r.body
        );
    }
    let state =
        &doc["paths"]["/api/v1/surveys/{id}/state"]["post"]["requestBody"]["content"]["application/json"]["schema"];
    assert_eq!(state["properties"]["move_reminders"]["type"], "boolean");
}

// --- /metrics --------------------------------------------------------------------------------

#[actix_web::test]
async fn metrics_are_off_by_default_and_with_a_token_answer_only_its_bearer() {
    let app = spawn_app().await;
    assert_eq!(app.browser().get("/metrics").await.status.as_u16(), 404);
    let app = spawn_with(|s| {
        s.metrics.enabled = true;
        s.metrics.token = Some(Secret::new("metrics-secret-token"));
    })
    .await;
    let b = app.browser();
    assert_eq!(b.get("/metrics").await.status.as_u16(), 401);
    assert_eq!(status(&b, "GET", "/metrics", "metrics-secret-tokeN").await, 401);
    let r = b.api("GET", "/metrics", "metrics-secret-token", None).await;
    assert_eq!(r.status.as_u16(), 200);
    assert!(
        r.body.contains("# TYPE survey_http_responses_total counter"),
        "{}",
        r.body
    );
}

// --- Opening by hand (part 10) ---------------------------------------------------------------

/// The pending jobs of a survey: kind → when.
async fn pending(app: &TestApp, survey: SurveyId) -> Vec<(JobKind, DateTime<Utc>)> {
    let mut jobs: Vec<(JobKind, DateTime<Utc>)> = jobs_of(app, survey)
        .await
        .into_iter()
        .filter(|j| j.state == JobState::Pending)
        .map(|j| (j.kind, j.run_at))
        .collect();
    jobs.sort_by_key(|(kind, at)| (*at, kind.to_string()));
    jobs
}

fn reminders(jobs: &[(JobKind, DateTime<Utc>)]) -> Vec<(JobKind, DateTime<Utc>)> {
    jobs.iter()
        .filter(|(kind, _)| matches!(kind, JobKind::Remind(_)))
        .copied()
        .collect()
}

#[actix_web::test]
async fn opening_by_hand_before_the_plan_sends_the_invitations_now_and_reminders_keep_their_dates() {
    let app = spawn_app().await;
    let (b, _, survey) = ready_survey(&app).await;
    assert_eq!(change_state(&b, survey, "scheduled").await.status.as_u16(), 303);
    let planned = pending(&app, survey).await;
    assert!(!reminders(&planned).is_empty(), "the plan has reminders: {planned:?}");
    let page = b.get(&format!("/operator/surveys/{survey}")).await;
    assert!(page.body.contains("name=\"move_reminders\""), "the box beside Open now");
    let r = b
        .post_form(
            &format!("/operator/surveys/{survey}/state"),
            &[("csrf", &page.csrf()), ("to", "open")],
        )
        .await;
    assert_eq!(r.status.as_u16(), 303, "{}", r.body);
    // The invitations went out at once, not on the planned day.
    assert_eq!(run_due(&app.state).await.unwrap(), 1);
    assert_eq!(app.mails().len(), 60);
    let now = pending(&app, survey).await;
    assert_eq!(reminders(&now), reminders(&planned), "the reminders keep their dates");
    assert!(
        now.iter().all(|(kind, _)| *kind != JobKind::Open),
        "the planned opening is done"
    );
    assert_eq!(
        now.iter().find(|(kind, _)| *kind == JobKind::Close),
        planned.iter().find(|(kind, _)| *kind == JobKind::Close),
        "the close keeps its date"
    );
}

#[actix_web::test]
async fn opening_by_hand_can_move_the_reminders_by_as_many_days_as_the_opening() {
    let app = spawn_app().await;
    let (b, _, survey) = ready_survey(&app).await;
    let token = b.api_token().await;
    let api = app.browser();
    let path = format!("/api/v1/surveys/{survey}/state");
    let r = api.api("POST", &path, &token, Some(json!({ "to": "scheduled" }))).await;
    assert_eq!(r.status.as_u16(), 200, "{}", r.body);
    let planned = pending(&app, survey).await;
    let r = api
        .api(
            "POST",
            &path,
            &token,
            Some(json!({ "to": "closed", "move_reminders": true })),
        )
        .await;
    // Only an opening moves reminders; a move that cannot be made moves nothing.
    assert_eq!(r.status.as_u16(), 409, "{}", r.body);
    assert_eq!(pending(&app, survey).await, planned);

    let r = api
        .api(
            "POST",
            &path,
            &token,
            Some(json!({ "to": "open", "move_reminders": true })),
        )
        .await;
    assert_eq!(r.status.as_u16(), 200, "{}", r.body);
    assert_eq!(json(&r)["state"], "open");
    // The days it opened early, in the fieldwork's time zone (UTC+9 here).
    let local = |t: DateTime<Utc>| (t + chrono::Duration::hours(9)).date_naive();
    let open_at = planned.iter().find(|(kind, _)| *kind == JobKind::Open).unwrap().1;
    let days = (local(open_at) - local(Utc::now())).num_days();
    assert!(days > 100, "the plan opens in about half a year: {days}");
    let moved: Vec<(JobKind, DateTime<Utc>)> = reminders(&planned)
        .into_iter()
        .map(|(kind, at)| (kind, at - chrono::Duration::days(days)))
        .collect();
    let now = pending(&app, survey).await;
    assert_eq!(reminders(&now), moved);
    assert_eq!(run_due(&app.state).await.unwrap(), 1, "the invitations go now");
    assert_eq!(app.mails().len(), 60);
    let audit = audit_actions(&app, "survey state changed").await;
    assert!(
        audit
            .iter()
            .any(|a| a.detail.contains(&format!("opened {days} day(s) before the plan")) && a.detail.contains("moved")),
        "{audit:?}"
    );
}
