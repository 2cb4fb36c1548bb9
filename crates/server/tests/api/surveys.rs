//! The operator's workflow: client, survey from a template, settings, roster, plan, lifecycle.

use survey_server::domain::{OrganisationId, SurveyId};
use survey_server::services::auth::Role;
use uuid::Uuid;

use crate::helpers::{Browser, TestApp, spawn_app};

pub async fn operator(app: &TestApp) -> Browser {
    app.user("admin@firm.example", Role::Admin, None).await;
    app.login("admin@firm.example").await
}

pub async fn create_organisation(b: &Browser, name: &str) -> OrganisationId {
    let page = b.get("/operator/organisations").await;
    let r = b
        .post_form("/operator/organisations", &[("csrf", &page.csrf()), ("name", name)])
        .await;
    assert_eq!(r.status.as_u16(), 303, "{}", r.body);
    r.location().rsplit('/').next().unwrap().parse().unwrap()
}

pub async fn create_survey(b: &Browser, org: OrganisationId) -> SurveyId {
    create_survey_from(b, org, None).await
}

/// A survey from an uploaded questionnaire, or (`None`) from the alumni-network template.
pub async fn create_survey_from(b: &Browser, org: OrganisationId, upload: Option<&[u8]>) -> SurveyId {
    let page = b.get("/operator/surveys/new").await;
    let (template, file): (&str, &[u8]) = match upload {
        Some(bytes) => ("", bytes),
        None => ("alumni-network-opinion", b""),
    };
    let r = b
        .post_multipart(
            "/operator/surveys",
            &[
                ("csrf", &page.csrf()),
                ("organisation_id", &org.to_string()),
                ("name", "Alumni 2027"),
                ("template", template),
            ],
            &[("file", if upload.is_some() { "q.toml" } else { "" }, file)],
        )
        .await;
    assert_eq!(r.status.as_u16(), 303, "{}", r.body);
    r.location()
        .trim_start_matches("/operator/surveys/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// 60 employees in four departments, Legal (3) smaller than k = 5.
pub fn roster() -> String {
    let mut csv = String::from("email,language,department\n");
    for (dept, n) in [("Sales", 22), ("Engineering", 20), ("Support", 15), ("Legal", 3)] {
        for i in 0..n {
            let lang = if i % 3 == 0 { "en" } else { "ja" };
            csv.push_str(&format!("{}{i}@client.example,{lang},{dept}\n", dept.to_lowercase()));
        }
    }
    csv
}

pub async fn save_settings(b: &Browser, survey: SurveyId, k: &str, breakdowns: &str) -> crate::helpers::Response {
    let page = b.get(&format!("/operator/surveys/{survey}")).await;
    b.post_form(
        &format!("/operator/surveys/{survey}/settings"),
        &[
            ("csrf", &page.csrf()),
            ("name", "Alumni 2027"),
            ("languages", "ja, en"),
            ("k_threshold", k),
            ("comment_threshold", "10"),
            ("breakdowns", breakdowns),
        ],
    )
    .await
}

pub async fn upload_roster(b: &Browser, survey: SurveyId, bytes: &[u8]) -> crate::helpers::Response {
    let page = b.get(&format!("/operator/surveys/{survey}")).await;
    b.post_multipart(
        &format!("/operator/surveys/{survey}/roster"),
        &[("csrf", &page.csrf())],
        &[("file", "roster.csv", bytes)],
    )
    .await
}

pub async fn propose_plan(b: &Browser, survey: SurveyId, start: &str) -> crate::helpers::Response {
    let page = b.get(&format!("/operator/surveys/{survey}")).await;
    b.post_form(
        &format!("/operator/surveys/{survey}/plan"),
        &[
            ("csrf", &page.csrf()),
            ("start", start),
            ("fieldwork_days", "10"),
            ("holidays", ""),
        ],
    )
    .await
}

pub async fn change_state(b: &Browser, survey: SurveyId, to: &str) -> crate::helpers::Response {
    let page = b.get(&format!("/operator/surveys/{survey}")).await;
    let moved = b
        .post_form(
            &format!("/operator/surveys/{survey}/state"),
            &[("csrf", &page.csrf()), ("to", to)],
        )
        .await;
    if to == "published" && moved.status.as_u16() == 303 {
        published(b, survey).await;
    }
    moved
}

/// Waits for publishing, which goes on in the background, to end: the survey page reloads itself
/// (a `Refresh` header) while it runs. Returns the page as it is then.
pub async fn published(b: &Browser, survey: SurveyId) -> crate::helpers::Response {
    for _ in 0..600 {
        let page = b.get(&format!("/operator/surveys/{survey}")).await;
        if !page.headers.contains_key("refresh") {
            return page;
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("publishing survey {survey} did not end within a minute");
}

/// A survey with settings, roster and plan, ready to schedule.
pub async fn ready_survey(app: &TestApp) -> (Browser, OrganisationId, SurveyId) {
    ready_survey_from(app, None).await
}

/// The same, from an uploaded questionnaire (`None`: the alumni-network template).
pub async fn ready_survey_from(app: &TestApp, upload: Option<&[u8]>) -> (Browser, OrganisationId, SurveyId) {
    let b = operator(app).await;
    let org = create_organisation(&b, "Acme 株式会社").await;
    let survey = create_survey_from(&b, org, upload).await;
    assert_eq!(save_settings(&b, survey, "5", "department").await.status.as_u16(), 303);
    assert_eq!(
        upload_roster(&b, survey, roster().as_bytes()).await.status.as_u16(),
        303
    );
    let start = (chrono::Utc::now() + chrono::Duration::days(180))
        .date_naive()
        .to_string();
    assert_eq!(propose_plan(&b, survey, &start).await.status.as_u16(), 303);
    (b, org, survey)
}

#[actix_web::test]
async fn an_operator_makes_a_survey_from_a_template_with_roster_and_plan_and_schedules_it() {
    let app = spawn_app().await;
    let (b, _, survey) = ready_survey(&app).await;
    let page = b.get(&format!("/operator/surveys/{survey}")).await;
    // The small department is merged, never shown on its own.
    assert!(page.body.contains("department: Sales"), "{}", page.body);
    assert!(
        page.body.contains("department: その他（少人数のため統合）"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("department: Legal"));
    assert!(page.body.contains("従業員への説明"), "the plan is shown");
    let r = change_state(&b, survey, "scheduled").await;
    assert_eq!(r.status.as_u16(), 303, "{}", r.body);
    let page = b.get(&format!("/operator/surveys/{survey}")).await;
    assert!(page.body.contains("予定済み"));
    for kind in ["open", "invite", "close", "remind:1", "remind:2"] {
        assert!(page.body.contains(&format!("<td>{kind}</td>")), "job {kind} missing");
    }
}

#[actix_web::test]
async fn a_scheduled_survey_is_frozen_and_wrong_transitions_are_refused_clearly() {
    let app = spawn_app().await;
    let (b, _, survey) = ready_survey(&app).await;
    let r = change_state(&b, survey, "closed").await;
    assert_eq!(r.status.as_u16(), 422);
    assert!(
        r.body
            .contains("「下書き」の調査は「締切済み」にできません。移れる状態: 予定済み"),
        "{}",
        r.body
    );
    change_state(&b, survey, "scheduled").await;
    let r = save_settings(&b, survey, "5", "department").await;
    assert_eq!(r.status.as_u16(), 422);
    assert!(
        r.body
            .contains("この調査は「予定済み」のため、設定を変更できません（下書きの調査のみ可能）"),
        "{}",
        r.body
    );
    let r = upload_roster(&b, survey, crate::surveys::roster().as_bytes()).await;
    assert!(r.body.contains("名簿の取り込みはできません"), "{}", r.body);
    // The same refusal in English for an English interface.
    b.post_form("/lang", &[("lang", "en")]).await;
    let r = upload_roster(&b, survey, crate::surveys::roster().as_bytes()).await;
    assert!(
        r.body
            .contains("the survey is scheduled and only a draft survey can take a new roster"),
        "{}",
        r.body
    );
}

#[actix_web::test]
async fn scheduling_needs_a_roster_and_a_plan() {
    let app = spawn_app().await;
    let b = operator(&app).await;
    let org = create_organisation(&b, "Acme").await;
    let survey = create_survey(&b, org).await;
    let r = change_state(&b, survey, "scheduled").await;
    assert_eq!(r.status.as_u16(), 422);
    assert!(
        r.body.contains("予定に入れる前に名簿を取り込んでください"),
        "{}",
        r.body
    );
}

#[actix_web::test]
async fn a_threshold_below_3_is_refused() {
    let app = spawn_app().await;
    let b = operator(&app).await;
    let survey = create_survey(&b, create_organisation(&b, "Acme").await).await;
    let r = save_settings(&b, survey, "2", "department").await;
    assert_eq!(r.status.as_u16(), 422);
    assert!(
        r.body.contains("匿名性のしきい値は3未満にできません（指定: 2）"),
        "{}",
        r.body
    );
}

#[actix_web::test]
async fn a_roster_with_problems_is_refused_whole_with_line_numbers() {
    let app = spawn_app().await;
    let b = operator(&app).await;
    let survey = create_survey(&b, create_organisation(&b, "Acme").await).await;
    let csv = "email,language,department\na@client.example,ja,Sales\nbroken,ja,Sales\na@client.example,fr,Dev\n";
    let r = upload_roster(&b, survey, csv.as_bytes()).await;
    assert_eq!(r.status.as_u16(), 422);
    for problem in [
        "3行目: `broken` はメールアドレスではありません",
        "4行目: a@client.example は2行目と重複しています",
        "4行目: 言語 `fr` はこの調査にありません（ja, en",
    ] {
        assert!(r.body.contains(problem), "missing `{problem}`");
    }
    b.post_form("/lang", &[("lang", "en")]).await;
    let r = upload_roster(&b, survey, csv.as_bytes()).await;
    for problem in [
        "line 3: `broken` is not an e-mail address",
        "line 4: a@client.example is already on line 2",
        "line 4: language `fr` is not offered by this survey (ja, en",
    ] {
        assert!(r.body.contains(problem), "missing `{problem}`");
    }
    assert!(
        b.get(&format!("/operator/surveys/{survey}"))
            .await
            .body
            .contains("<p>0 invitees</p>"),
        "nothing imported"
    );
}

#[actix_web::test]
async fn a_shift_jis_roster_from_excel_is_read() {
    let app = spawn_app().await;
    let b = operator(&app).await;
    let survey = create_survey(&b, create_organisation(&b, "Acme").await).await;
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("email,language,部署\nyamada@client.example,ja,営業\n");
    let r = upload_roster(&b, survey, &bytes).await;
    assert_eq!(r.status.as_u16(), 303, "{}", r.body);
}

#[actix_web::test]
async fn an_uploaded_template_with_problems_is_refused_with_positions() {
    let app = spawn_app().await;
    let b = operator(&app).await;
    let org = create_organisation(&b, "Acme").await;
    let upload = async || {
        let page = b.get("/operator/surveys/new").await;
        b.post_multipart(
            "/operator/surveys",
            &[
                ("csrf", &page.csrf()),
                ("organisation_id", &org.to_string()),
                ("name", "Broken"),
                ("template", ""),
            ],
            &[("file", "broken.toml", b"id = \"x\"\nversion = 0\n")],
        )
        .await
    };
    // Every problem, with its position, in the operator's language.
    let r = upload().await;
    assert_eq!(r.status.as_u16(), 422);
    assert!(
        r.body
            .contains("template.toml:2:11: `version` は1以上にしてください（指定: 0）"),
        "{}",
        r.body
    );
    assert!(r.body.contains("template.toml:1:1: 調査票に `languages` がありません"));
    b.post_form("/lang", &[("lang", "en")]).await;
    let r = upload().await;
    assert!(
        r.body
            .contains("template.toml:2:11: `version` must be at least 1, not 0"),
        "{}",
        r.body
    );
}

#[actix_web::test]
async fn unknown_ids_and_oversized_uploads_get_clear_answers() {
    let app = spawn_app().await;
    let b = operator(&app).await;
    assert_eq!(
        b.get(&format!("/operator/surveys/{}", Uuid::new_v4()))
            .await
            .status
            .as_u16(),
        404
    );
    assert_eq!(b.get("/operator/surveys/not-a-uuid").await.status.as_u16(), 404);
    let survey = create_survey(&b, create_organisation(&b, "Acme").await).await;
    let huge = vec![b'a'; survey_server::web::body::MAX_UPLOAD_BYTES + 10];
    let r = upload_roster(&b, survey, &huge).await;
    assert_eq!(r.status.as_u16(), 413, "{}", r.body);
}

#[actix_web::test]
async fn every_operator_action_is_in_the_audit_log() {
    let app = spawn_app().await;
    let (b, _, survey) = ready_survey(&app).await;
    change_state(&b, survey, "scheduled").await;
    let log = b.get("/operator/audit").await.body;
    for action in [
        "login",
        "organisation created",
        "survey created",
        "survey settings changed",
        "roster imported",
        "plan saved",
        "survey state changed",
    ] {
        assert!(
            log.contains(&format!("<td>{action}</td>")),
            "no `{action}` in the audit log"
        );
    }
    assert!(log.contains("admin@firm.example"));
}
