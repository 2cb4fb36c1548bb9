//! The respondent's protocol over HTTP, with the Rust client of the token crate standing in for the
//! browser: one invitation, one token; one token, one response; clear refusals; the tally at close.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value as Json, json};
use survey_design::answer::sample::{comment, sample_answers};
use survey_design::{QuestionKind, Questionnaire};
use survey_server::domain::SurveyId;
use survey_token::client::PendingToken;
use survey_token::rsabssa::PublicKey;
use survey_token::wire::{Token, survey_challenge};
use uuid::Uuid;

use crate::helpers::{Browser, TestApp, spawn_app};
use crate::jobs::make_due;
use crate::surveys::change_state;

pub const REQUEST_TYPE: &str = "application/private-token-request";

/// An open survey whose 60 invitations went out; returns the operator, the survey and each
/// invitee's (e-mail, code).
pub async fn open_survey(app: &TestApp) -> (Browser, SurveyId, Vec<(String, String)>) {
    open_survey_from(app, None).await
}

/// (recipient, invitation code) of every mail in the outbox.
pub fn mailed_codes(app: &TestApp) -> Vec<(String, String)> {
    app.mails()
        .iter()
        .map(|m| {
            let (to, body) = crate::helpers::read_mail(m);
            let code = body
                .split("/i/")
                .nth(1)
                .unwrap()
                .split_whitespace()
                .next()
                .unwrap()
                .to_owned();
            (to, code)
        })
        .collect()
}

/// The code mailed to `{prefix}{i}@…` (the roster's addresses are a department and a number).
pub fn code_of(codes: &[(String, String)], prefix: &str, i: usize) -> String {
    codes
        .iter()
        .find(|(to, _)| to.starts_with(&format!("{prefix}{i}@")))
        .map(|(_, code)| code.clone())
        .unwrap()
}

/// The same, from an uploaded questionnaire.
pub async fn open_survey_from(app: &TestApp, upload: Option<&[u8]>) -> (Browser, SurveyId, Vec<(String, String)>) {
    let (b, _, survey) = crate::surveys::ready_survey_from(app, upload).await;
    assert_eq!(change_state(&b, survey, "scheduled").await.status.as_u16(), 303);
    make_due(app, survey, &["open", "invite"]).await;
    survey_server::jobs::run_due(&app.state).await.unwrap();
    let codes = mailed_codes(app);
    (b, survey, codes)
}

/// The browser client's work, in Rust: reads the key directory, blinds, asks for the signature,
/// finalises. Returns the token's bytes, or the refused response.
pub struct Client {
    pub browser: Browser,
    pub survey: SurveyId,
}

impl Client {
    pub fn new(app: &TestApp, survey: SurveyId) -> Self {
        Self {
            browser: app.browser(),
            survey,
        }
    }

    /// The key of the invitation's segment, as the invitation page names it.
    pub async fn key_for(&self, code: &str) -> PublicKey {
        let page = self.browser.get(&format!("/i/{code}")).await;
        assert_eq!(page.status.as_u16(), 200, "{}", page.body);
        let key_id = attribute(&page.body, "data-key-id");
        let directory = self.browser.get(&format!("/s/{}/token-keys", self.survey)).await;
        let directory: Json = serde_json::from_str(&directory.body).unwrap();
        directory["token-keys"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| PublicKey::from_spki(&URL_SAFE_NO_PAD.decode(k["token-key"].as_str().unwrap()).unwrap()).unwrap())
            .find(|k| URL_SAFE_NO_PAD.encode(k.key_id()) == key_id)
            .expect("the page's key is in the published directory")
    }

    /// Requests a token; returns it (when the issuer signed) with the server's response.
    pub async fn request(&self, code: &str, key: &PublicKey) -> (Option<Token>, crate::helpers::Response) {
        let challenge = survey_challenge("127.0.0.1", self.survey.0.as_bytes());
        let (pending, request) = PendingToken::new(key, challenge.digest(), &mut rand::rng()).unwrap();
        let response = self
            .browser
            .post_body(&format!("/i/{code}/token-request"), REQUEST_TYPE, request.to_bytes())
            .await;
        if response.status.as_u16() != 200 {
            return (None, response);
        }
        assert_eq!(
            response.headers.get("content-type").unwrap(),
            "application/private-token-response"
        );
        (Some(pending.finish(&response.bytes).unwrap()), response)
    }

    /// A token for the invitation, which must succeed.
    pub async fn token(&self, code: &str) -> Vec<u8> {
        let key = self.key_for(code).await;
        let (token, response) = self.request(code, &key).await;
        token
            .unwrap_or_else(|| panic!("no token: {}", response.body))
            .to_bytes()
    }

    pub async fn submit(&self, token: &[u8], language: &str, answers: &Json) -> crate::helpers::Response {
        let body = json!({ "token": URL_SAFE_NO_PAD.encode(token), "language": language, "answers": answers });
        self.browser
            .post_body(
                &format!("/s/{}/responses", self.survey),
                "application/json",
                body.to_string().into_bytes(),
            )
            .await
    }
}

pub fn attribute(html: &str, name: &str) -> String {
    let at = html
        .find(&format!("{name}=\""))
        .unwrap_or_else(|| panic!("no {name} in the page"))
        + name.len()
        + 2;
    html[at..].split('"').next().unwrap().to_owned()
}

/// A random valid set of answers, with Japanese comments.
pub fn valid_answers(q: &Questionnaire, rng: &mut impl rand::Rng) -> Json {
    let japanese = survey_design::Lang::parse("ja").unwrap();
    Json::Object(sample_answers(q, rng, 0.8, &mut |rng, max| {
        comment(&japanese, rng, max)
    }))
}

pub async fn questionnaire(app: &TestApp, survey: SurveyId) -> Questionnaire {
    let s = survey_server::services::surveys::find(app.db(), survey).await.unwrap();
    survey_server::services::surveys::questionnaire(&s).unwrap()
}

#[actix_web::test]
async fn an_invitee_takes_one_token_answers_once_and_checks_the_receipt() {
    let app = spawn_app().await;
    let (_, survey, codes) = open_survey(&app).await;
    let client = Client::new(&app, survey);
    let (_, code) = &codes[0];
    let unused = client.browser.get(&format!("/i/{code}?lang=en")).await;
    let token = client.token(code).await;
    let q = questionnaire(&app, survey).await;
    let answers = valid_answers(&q, &mut rand::rng());

    let stored = client.submit(&token, "ja", &answers).await;
    assert_eq!(stored.status.as_u16(), 201, "{}", stored.body);
    let body: Json = serde_json::from_str(&stored.body).unwrap();
    let receipt = body["receipt"].as_str().unwrap();
    assert_eq!(receipt.len(), 64);
    let check = client.browser.get(body["check"].as_str().unwrap()).await;
    assert!(check.body.contains("この回答は保存されています"), "{}", check.body);

    // The same response again (its first answer lost on the way): refused, not counted twice, but
    // with its receipt, so the browser can show it.
    let again = client.submit(&token, "en", &answers).await;
    assert_eq!(again.status.as_u16(), 409);
    assert!(again.body.contains("stored already"), "{}", again.body);
    let again: Json = serde_json::from_str(&again.body).unwrap();
    assert_eq!(again["receipt"], receipt);

    // The same token with other answers: refused, clearly, in the respondent's language, and
    // without the stored response's receipt.
    let mut other_answers = valid_answers(&q, &mut rand::rng());
    while other_answers == answers {
        other_answers = valid_answers(&q, &mut rand::rng());
    }
    let second_use = client.submit(&token, "en", &other_answers).await;
    assert_eq!(second_use.status.as_u16(), 409);
    assert!(second_use.body.contains("already been used"), "{}", second_use.body);
    assert!(!second_use.body.contains(receipt), "{}", second_use.body);

    // The invitation is used, but its page does not tell whoever holds the link: it is the page of
    // an unused one. Only a second token request is refused.
    let page = client.browser.get(&format!("/i/{code}?lang=en")).await;
    assert_eq!(
        page.body, unused.body,
        "the used invitation's page differs from the unused one's"
    );
    let key = client.key_for(&codes[1].1).await;
    let (_, second) = client.request(code, &key).await;
    assert_eq!(second.status.as_u16(), 409, "{}", second.body);
    assert!(second.body.contains("already been used"), "{}", second.body);
}

#[actix_web::test]
async fn respondent_pages_set_no_cookie_send_no_referrer_and_are_not_cached() {
    let app = spawn_app().await;
    let (_, survey, codes) = open_survey(&app).await;
    let b = app.browser();
    for path in [
        format!("/i/{}", codes[0].1),
        format!("/s/{survey}/answer"),
        format!("/s/{survey}"),
        format!("/s/{survey}/token-keys"),
        format!("/s/{survey}/receipt?r={}", "0".repeat(64)),
        "/static/token.js".to_owned(),
    ] {
        let r = b.get(&path).await;
        assert_eq!(r.status.as_u16(), 200, "{path}: {}", r.body);
        assert_eq!(r.headers.get("referrer-policy").unwrap(), "no-referrer", "{path}");
        assert_eq!(r.headers.get("cache-control").unwrap(), "no-store", "{path}");
        assert!(r.headers.get("set-cookie").is_none(), "{path} sets a cookie");
    }
    let answer = b.get(&format!("/s/{survey}/answer")).await;
    assert!(!answer.body.contains(&codes[0].1));
    assert!(
        answer.headers.get("content-encoding").is_none(),
        "pages are not compressed (BREACH)"
    );
    // The page is light: the HTML with its scripts and stylesheet, as a browser transfers them.
    let mut weight = answer.bytes.len();
    for asset in ["/static/token.js", "/static/answer.js", "/static/app.css"] {
        let r = b.get_transferred(asset).await;
        assert_eq!(r.headers.get("content-encoding").unwrap(), "gzip", "{asset}");
        weight += r.bytes.len();
    }
    assert!(weight <= 60 * 1024, "the answer page weighs {weight} bytes");
}

#[actix_web::test]
async fn malformed_token_requests_and_submissions_get_clear_4xx_and_change_nothing() {
    let app = spawn_app().await;
    let (_, survey, codes) = open_survey(&app).await;
    let client = Client::new(&app, survey);
    let code = &codes[2].1;
    let path = format!("/i/{code}/token-request");
    let b = &client.browser;

    let r = b.post_body(&path, "application/json", b"{}".to_vec()).await;
    assert_eq!(r.status.as_u16(), 400);
    assert!(r.body.contains("application/private-token-request"), "{}", r.body);
    let r = b.post_body(&path, REQUEST_TYPE, vec![0, 2, 7]).await;
    assert_eq!(r.status.as_u16(), 400);
    assert!(r.body.contains("cut short"), "{}", r.body);
    let r = b.post_body(&path, REQUEST_TYPE, vec![0; 4096]).await;
    assert_eq!(r.status.as_u16(), 413, "{}", r.body);
    let r = b
        .post_body("/i/not-a-code/token-request", REQUEST_TYPE, vec![0; 259])
        .await;
    assert!(r.status.is_client_error(), "{}", r.body);
    // A request for another key than the invitee's.
    let key = client.key_for(code).await;
    let mut request = vec![0, 2, key.key_id()[31] ^ 1];
    request.extend([1u8; 256]);
    let r = b.post_body(&path, REQUEST_TYPE, request).await;
    assert_eq!(r.status.as_u16(), 400);
    assert!(r.body.contains("another key"), "{}", r.body);
    // None of that used the invitation up.
    let token = client.token(code).await;

    let q = questionnaire(&app, survey).await;
    let answers = valid_answers(&q, &mut rand::rng());
    let submit = format!("/s/{survey}/responses");
    let r = b
        .post_body(&submit, "application/json", b"{\"token\": 3".to_vec())
        .await;
    assert_eq!(r.status.as_u16(), 400, "{}", r.body);
    let r = client.submit(b"garbage", "en", &answers).await;
    assert_eq!(r.status.as_u16(), 400);
    assert!(r.body.contains("ballot (token) is not valid"), "{}", r.body);
    let mut forged = token.clone();
    let last = forged.len() - 1;
    forged[last] ^= 1;
    let r = client.submit(&forged, "en", &answers).await;
    assert_eq!(r.status.as_u16(), 400, "{}", r.body);
    let r = client.submit(&token, "fr", &answers).await;
    assert_eq!(r.status.as_u16(), 400);
    assert!(r.body.contains("ja, en"), "{}", r.body);
    let r = client.submit(&token, "ja", &json!({ "support": 99 })).await;
    assert_eq!(r.status.as_u16(), 422, "{}", r.body);
    let body: Json = serde_json::from_str(&r.body).unwrap();
    assert!(body["errors"]["support"].is_string(), "{body}");
    assert!(
        body["errors"].as_object().unwrap().len() > 1,
        "every problem is named: {body}"
    );

    // The token still counts once the answers are right.
    let r = client.submit(&token, "ja", &answers).await;
    assert_eq!(r.status.as_u16(), 201, "{}", r.body);

    // A token of another survey is refused.
    let r = b
        .post_body(
            &format!("/s/{}/responses", Uuid::new_v4()),
            "application/json",
            json!({ "token": URL_SAFE_NO_PAD.encode(&token), "language": "ja", "answers": answers })
                .to_string()
                .into_bytes(),
        )
        .await;
    assert_eq!(r.status.as_u16(), 404);
}

#[actix_web::test]
async fn fifty_simultaneous_token_requests_for_one_invitation_get_exactly_one_signature() {
    let app = spawn_app().await;
    let (_, survey, codes) = open_survey(&app).await;
    let client = Client::new(&app, survey);
    let code = &codes[5].1;
    let key = client.key_for(code).await;
    let requests = (0..50).map(|_| client.request(code, &key));
    let results = futures_util::future::join_all(requests).await;
    let signed = results.iter().filter(|(_, r)| r.status.as_u16() == 200).count();
    let refused = results.iter().filter(|(_, r)| r.status.as_u16() == 409).count();
    assert_eq!(
        (signed, refused),
        (1, 49),
        "{:?}",
        results.iter().map(|(_, r)| r.status).collect::<Vec<_>>()
    );
}

#[actix_web::test]
async fn a_hundred_simultaneous_submissions_of_one_token_count_once() {
    let app = spawn_app().await;
    let (_, survey, codes) = open_survey(&app).await;
    let client = Client::new(&app, survey);
    let token = client.token(&codes[7].1).await;
    let answers = valid_answers(&questionnaire(&app, survey).await, &mut rand::rng());
    let results = futures_util::future::join_all((0..100).map(|_| client.submit(&token, "ja", &answers))).await;
    let stored = results.iter().filter(|r| r.status.as_u16() == 201).count();
    let refused = results.iter().filter(|r| r.status.as_u16() == 409).count();
    assert_eq!((stored, refused), (1, 99));
    use sea_orm::{EntityTrait, PaginatorTrait};
    assert_eq!(
        survey_server::storage::response::Entity::find()
            .count(app.db())
            .await
            .unwrap(),
        1
    );
}

#[actix_web::test]
async fn a_closed_survey_refuses_answers_and_publishes_a_tally_that_proves_every_receipt() {
    let app = spawn_app().await;
    let (b, survey, codes) = open_survey(&app).await;
    let client = Client::new(&app, survey);
    let q = questionnaire(&app, survey).await;
    let mut receipts = Vec::new();
    for (_, code) in codes.iter().take(12) {
        let token = client.token(code).await;
        let r = client.submit(&token, "ja", &valid_answers(&q, &mut rand::rng())).await;
        assert_eq!(r.status.as_u16(), 201, "{}", r.body);
        let body: Json = serde_json::from_str(&r.body).unwrap();
        receipts.push(body["receipt"].as_str().unwrap().to_owned());
    }
    let late = client.token(&codes[20].1).await;
    assert_eq!(change_state(&b, survey, "closed").await.status.as_u16(), 303);

    let r = client.submit(&late, "en", &valid_answers(&q, &mut rand::rng())).await;
    assert_eq!(r.status.as_u16(), 409);
    assert!(r.body.contains("closed"), "{}", r.body);

    let public = client.browser.get(&format!("/s/{survey}?lang=en")).await;
    assert!(public.body.contains("Counted responses"), "{}", public.body);
    let s = survey_server::services::surveys::find(app.db(), survey).await.unwrap();
    let summary = s.tally.clone().unwrap();
    assert_eq!(summary["count"], 12);
    for seg in summary["segments"].as_array().unwrap() {
        assert!(seg[1].as_u64().unwrap() >= 5, "a segment below k is shown: {summary}");
    }
    let tally = survey_server::services::responses::tally(app.db(), &app.state.settings, &s)
        .await
        .unwrap();
    let checked = tally.verify().unwrap();
    assert_eq!(checked.count, 12);
    assert_eq!(
        survey_token::tally::hex(&checked.root),
        summary["root"].as_str().unwrap()
    );
    for receipt in &receipts {
        let page = client
            .browser
            .get(&format!("/s/{survey}/receipt?r={receipt}&lang=en"))
            .await;
        assert!(
            page.body.contains("is included in the published tally"),
            "{}",
            page.body
        );
        assert!(tally.proof(receipt).unwrap().verify(summary["root"].as_str().unwrap()));
    }
    let unknown = client
        .browser
        .get(&format!("/s/{survey}/receipt?r={}&lang=en", "ab".repeat(32)))
        .await;
    assert!(unknown.body.contains("not in the tally"), "{}", unknown.body);
    let malformed = client.browser.get(&format!("/s/{survey}/receipt?r=xyz&lang=en")).await;
    assert!(malformed.body.contains("64 hexadecimal digits"), "{}", malformed.body);
}

#[actix_web::test]
async fn without_javascript_the_fallback_is_offered_only_where_allowed_and_labelled_weaker() {
    let app = spawn_app().await;
    let (_, survey, codes) = open_survey(&app).await;
    let b = app.browser();
    let code = &codes[9].1;
    let page = b.get(&format!("/i/{code}?lang=en")).await;
    assert!(page.body.contains("<noscript>"), "{}", page.body);
    assert!(!page.body.contains("/fallback"), "the fallback is off by default");
    let r = b.post_form(&format!("/i/{code}/fallback"), &[("lang", "en")]).await;
    assert_eq!(r.status.as_u16(), 403);

    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
    let s = survey_server::services::surveys::find(app.db(), survey).await.unwrap();
    let mut active = s.into_active_model();
    active.allow_fallback = Set(true);
    active.update(app.db()).await.unwrap();

    let page = b.get(&format!("/i/{code}?lang=en")).await;
    assert!(page.body.contains("Weaker option"), "{}", page.body);
    let form = b.post_form(&format!("/i/{code}/fallback"), &[("lang", "en")]).await;
    assert_eq!(form.status.as_u16(), 200, "{}", form.body);
    assert!(form.body.contains("Weaker anonymity"), "{}", form.body);
    let token = attribute(&form.body, "name=\"token\" value");
    // A plain form post with a missing required answer comes back with the problem at its question.
    let r = b
        .post_form(
            &format!("/s/{survey}/responses/form"),
            &[("token", &token), ("language", "en"), ("support", "4")],
        )
        .await;
    assert_eq!(r.status.as_u16(), 200);
    assert!(r.body.contains("Please check your answers"), "{}", r.body);
    assert!(
        r.body.contains("value=\"4\" checked"),
        "the given answer is kept: {}",
        r.body
    );
}

#[actix_web::test]
async fn an_acknowledged_response_is_on_disk_the_database_syncs_every_commit() {
    use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};
    let app = spawn_app().await;
    let db = app.db();
    let backend = db.get_database_backend();
    let one = |sql: &'static str| async move {
        let row = db
            .query_one_raw(Statement::from_string(backend, sql))
            .await
            .unwrap()
            .unwrap();
        row.try_get_by_index::<String>(0)
            .or_else(|_| row.try_get_by_index::<i64>(0).map(|n| n.to_string()))
            .unwrap()
    };
    match backend {
        DatabaseBackend::Postgres => {
            assert_eq!(one("SHOW synchronous_commit").await, "on");
            assert_eq!(one("SHOW fsync").await, "on");
        }
        _ => {
            assert_eq!(one("PRAGMA journal_mode").await, "wal");
            assert_eq!(one("PRAGMA synchronous").await, "2", "FULL: each commit is synced");
        }
    }
}

/// The answers as the fields of the plain form (the naming of `respondent/form.rs`).
pub fn form_fields(q: &Questionnaire, answers: &Json) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    for (id, value) in answers.as_object().unwrap() {
        let mut push = |name: String, v: &Json| {
            let text = match v {
                Json::String(s) => s.clone(),
                Json::Object(o) if o.contains_key("other") => {
                    fields.push((format!("{id}.other"), o["other"].as_str().unwrap().to_owned()));
                    "__other".to_owned()
                }
                other => other.to_string(),
            };
            fields.push((name, text));
        };
        match value {
            Json::Array(items) if matches!(q.question(id).unwrap().kind(), QuestionKind::Ranking { .. }) => {
                for (rank, option) in items.iter().enumerate() {
                    push(format!("{id}.{}", option.as_str().unwrap()), &json!(rank + 1));
                }
            }
            Json::Array(items) => items.iter().for_each(|v| push(id.clone(), v)),
            Json::Object(rows) if !rows.contains_key("other") => {
                rows.iter().for_each(|(item, v)| push(format!("{id}.{item}"), v))
            }
            v => push(id.clone(), v),
        }
    }
    fields
}

#[actix_web::test]
async fn every_question_type_renders_as_a_form_and_its_fields_come_back_as_valid_answers() {
    let fixture = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../design/tests/fixtures/every-type.toml"
    ))
    .unwrap();
    let app = spawn_app().await;
    let (_, survey, codes) = open_survey_from(&app, Some(&fixture)).await;
    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
    let mut active = survey_server::services::surveys::find(app.db(), survey)
        .await
        .unwrap()
        .into_active_model();
    active.allow_fallback = Set(true);
    active.update(app.db()).await.unwrap();
    let q = questionnaire(&app, survey).await;
    let b = app.browser();

    let page = b.get(&format!("/s/{survey}/answer?lang=en")).await;
    for question in q.questions() {
        let marker = format!(
            "data-question=\"{}\" data-type=\"{}\"",
            question.id().as_str(),
            question.kind().type_name()
        );
        assert!(page.body.contains(&marker), "{marker} is not on the page");
    }
    let conditional = q.questions().find(|q| q.show_if().is_some()).unwrap();
    assert!(page.body.contains(&format!("id=\"q-{}\"", conditional.id().as_str())));
    assert!(
        page.body.contains("data-show-if="),
        "conditions travel to the page's script"
    );

    // Through the plain form of the fallback, several respondents' random answers come back intact.
    for (i, (_, code)) in codes.iter().take(5).enumerate() {
        let form = b.post_form(&format!("/i/{code}/fallback"), &[("lang", "en")]).await;
        assert_eq!(form.status.as_u16(), 200, "{}", form.body);
        let token = attribute(&form.body, "name=\"token\" value");
        let answers = valid_answers(&q, &mut rand::rng());
        let mut fields = vec![("token".to_owned(), token), ("language".to_owned(), "en".to_owned())];
        fields.extend(form_fields(&q, &answers));
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let done = b.post_form(&format!("/s/{survey}/responses/form"), &pairs).await;
        assert!(
            done.body.contains("Your receipt"),
            "respondent {i}: {answers}\n{}",
            done.body
        );
        let expected = q.validate_answers(&answers).unwrap().canonical_bytes();
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let receipt = done
            .body
            .split("<code class=\"receipt\">")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap();
        let stored = survey_server::storage::response::Entity::find()
            .filter(survey_server::storage::response::Column::Receipt.eq(receipt))
            .one(app.db())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stored.answers.as_bytes(), &expected[..], "respondent {i}");
    }
}

#[actix_web::test]
async fn issuer_keys_are_sealed_under_the_master_key_generated_into_the_data_folder() {
    let app = spawn_app().await;
    let (_, survey, _) = open_survey(&app).await;
    let master = std::fs::read_to_string(app.data_dir().join("master.key")).unwrap();
    let master = base64::engine::general_purpose::STANDARD.decode(master.trim()).unwrap();
    let master = survey_token::issuer::MasterKey::from_bytes(&master).unwrap();
    let other = survey_token::issuer::MasterKey::from_bytes(&[7; 32]).unwrap();
    let keys = survey_server::services::issuance::keys(app.db(), survey).await.unwrap();
    assert_eq!(
        keys.len(),
        3,
        "one key per segment: Sales, Engineering, Support + Legal merged"
    );
    for k in &keys {
        let id = survey_token::tally::unhex(&k.key_id, "key id").unwrap();
        let opened = survey_token::issuer::IssuerKey::open(&master, &id, &k.sealed_private_key).unwrap();
        assert_eq!(opened.public_key().to_spki(), k.public_key);
        assert!(survey_token::issuer::IssuerKey::open(&other, &id, &k.sealed_private_key).is_err());
        // Not a DER private key in clear.
        assert!(survey_token::issuer::IssuerKey::from_pkcs1_der(&k.sealed_private_key).is_err());
    }
}
