//! The operator's report preview and CSV of a closed survey: figures as the respondents gave them,
//! small segments hidden (with a partner), nothing before the close.

use serde_json::Value as Json;
use survey_design::QuestionKind;

use crate::helpers::spawn_app;
use crate::respondent::{Client, open_survey, questionnaire, valid_answers};
use crate::surveys::change_state;

#[actix_web::test]
async fn a_closed_survey_reports_what_was_answered_and_hides_small_segments() {
    let app = spawn_app().await;
    let (b, survey, codes) = open_survey(&app).await;
    let q = questionnaire(&app, survey).await;
    let rating = q
        .questions()
        .find(|x| matches!(x.kind(), QuestionKind::Rating { .. }))
        .unwrap()
        .id()
        .as_str()
        .to_owned();
    let early = b.get(&format!("/operator/surveys/{survey}/report")).await;
    assert_eq!(early.status.as_u16(), 409, "no report while the survey is open");

    // Six from Sales, six from Engineering, two from the merged Support + Legal segment.
    let client = Client::new(&app, survey);
    let mut given = [0u64; 11];
    let mut answered = 0;
    for prefix in ["sales", "engineering", "support"] {
        let take = if prefix == "support" { 2 } else { 6 };
        for (_, code) in codes.iter().filter(|(to, _)| to.starts_with(prefix)).take(take) {
            let token = client.token(code).await;
            let answers = valid_answers(&q, &mut rand::rng());
            if let Some(score) = answers.get(&rating).and_then(Json::as_u64) {
                given[score as usize] += 1;
                answered += 1;
            }
            assert_eq!(client.submit(&token, "ja", &answers).await.status.as_u16(), 201);
        }
    }
    assert_eq!(change_state(&b, survey, "closed").await.status.as_u16(), 303);

    let csv = b.get(&format!("/operator/surveys/{survey}/report.csv")).await;
    assert_eq!(csv.status.as_u16(), 200);
    assert!(csv.body.starts_with('\u{feff}'), "a BOM for Excel");
    for (score, count) in given.iter().enumerate() {
        let row = format!("{rating},,{score},all,{answered},{count},");
        assert!(csv.body.contains(&row), "{row} not in\n{}", csv.body);
    }
    let merged = csv
        .body
        .lines()
        .filter(|l| l.starts_with(&format!("{rating},,")) && l.contains("department=*"))
        .collect::<Vec<_>>();
    assert_eq!(merged, [format!("{rating},,,department=*,,,,,,hidden")], "{}", csv.body);
    let hidden_rows = csv
        .body
        .lines()
        .filter(|l| l.starts_with(&format!("{rating},,")) && l.ends_with("hidden"))
        .count();
    assert_eq!(hidden_rows, 2, "the 2-response segment and one partner: {}", csv.body);

    // `survey report --survey ID` counts from the database alone, to the same figures.
    let s = survey_server::services::surveys::find(app.db(), survey).await.unwrap();
    let offline =
        survey_server::services::reports::build_from(app.db(), &std::sync::Arc::new(q.clone()), &s, &mut |_, _| {})
            .await
            .unwrap();
    assert_eq!(survey_report::csv::render(&offline), csv.body);

    let pdf = b.get(&format!("/operator/surveys/{survey}/report.pdf")).await;
    assert_eq!(pdf.status.as_u16(), 200);
    assert!(pdf.bytes.starts_with(b"%PDF-"), "the PDF preview");

    let page = b.get(&format!("/operator/surveys/{survey}/report")).await;
    assert_eq!(page.status.as_u16(), 200);
    assert!(
        page.body.contains("<td class=\"num muted\">非表示</td>"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains(
            q.question(&rating)
                .unwrap()
                .text()
                .get(&survey_design::Lang::parse("ja").unwrap())
        )
    );
}

#[actix_web::test]
async fn publishing_stores_the_files_that_management_of_that_organisation_alone_downloads() {
    use survey_server::services::auth::Role;
    let app = spawn_app().await;
    let (b, survey, codes) = open_survey(&app).await;
    let q = questionnaire(&app, survey).await;
    let client = Client::new(&app, survey);
    for (_, code) in codes.iter().take(12) {
        let token = client.token(code).await;
        assert_eq!(
            client
                .submit(&token, "ja", &valid_answers(&q, &mut rand::rng()))
                .await
                .status
                .as_u16(),
            201
        );
    }
    assert_eq!(change_state(&b, survey, "closed").await.status.as_u16(), 303);
    let preview_csv = b.get(&format!("/operator/surveys/{survey}/report.csv")).await.body;
    assert_eq!(change_state(&b, survey, "published").await.status.as_u16(), 303);

    let org = survey_server::services::surveys::find(app.db(), survey)
        .await
        .unwrap()
        .organisation_id;
    let other_org = crate::surveys::create_organisation(&b, "Other Co").await;
    app.user("boss@client.example", Role::Management, Some(org)).await;
    app.user("boss@other.example", Role::Management, Some(other_org)).await;
    let boss = app.login("boss@client.example").await;
    let page = boss.get(&format!("/portal/surveys/{survey}")).await;
    assert!(
        page.body.contains(&format!("/portal/surveys/{survey}/files/ja/csv")),
        "{}",
        page.body
    );
    assert!(page.body.contains(&format!("/portal/surveys/{survey}/files/ja/html")));
    let xlsx = boss.get(&format!("/portal/surveys/{survey}/files/ja/xlsx")).await;
    assert_eq!(xlsx.status.as_u16(), 200);
    assert!(xlsx.bytes.starts_with(b"PK"), "a workbook (zip)");
    assert!(
        xlsx.headers
            .get("content-disposition")
            .unwrap()
            .to_str()
            .unwrap()
            .contains(".xlsx")
    );

    let csv = boss.get(&format!("/portal/surveys/{survey}/files/ja/csv")).await;
    assert_eq!(csv.status.as_u16(), 200);
    assert_eq!(
        csv.body, preview_csv,
        "management gets the report the operator previewed"
    );
    let sha = survey_token::tally::hex(ring::digest::digest(&ring::digest::SHA256, &csv.bytes).as_ref());
    assert_eq!(csv.headers.get("x-content-sha256").unwrap().to_str().unwrap(), sha);
    assert!(page.body.contains(&sha), "the page lists the file's hash");
    let operators = b.get(&format!("/operator/surveys/{survey}/files/ja/csv")).await;
    assert_eq!(operators.bytes, csv.bytes, "the operator downloads the very same file");

    let html = boss.get(&format!("/portal/surveys/{survey}/files/ja/html")).await;
    assert_eq!(html.status.as_u16(), 200);
    assert!(html.body.contains("<style>"), "self-contained");
    assert!(
        html.headers
            .get("content-security-policy")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("default-src 'none'")
    );
    assert!(html.body.contains("回答数"), "in the questionnaire's language");

    let outsider = app.login("boss@other.example").await;
    assert_eq!(
        outsider
            .get(&format!("/portal/surveys/{survey}/files/ja/csv"))
            .await
            .status
            .as_u16(),
        404
    );
    let pdf = boss.get(&format!("/portal/surveys/{survey}/files/ja/pdf")).await;
    assert_eq!(pdf.status.as_u16(), 200);
    assert!(pdf.bytes.starts_with(b"%PDF-"), "a PDF");
    assert_eq!(
        pdf.headers.get("content-type").unwrap().to_str().unwrap(),
        "application/pdf"
    );
    assert!(html.body.contains("<svg"), "the page draws its charts inline");
}

/// A survey closed after `n` answers, with the operator's browser.
async fn closed_with_answers(
    app: &crate::helpers::TestApp,
    n: usize,
) -> (crate::helpers::Browser, survey_server::domain::SurveyId) {
    let (b, survey, codes) = open_survey(app).await;
    let q = questionnaire(app, survey).await;
    let client = Client::new(app, survey);
    for (_, code) in codes.iter().take(n) {
        let token = client.token(code).await;
        let sent = client.submit(&token, "ja", &valid_answers(&q, &mut rand::rng())).await;
        assert_eq!(sent.status.as_u16(), 201);
    }
    assert_eq!(change_state(&b, survey, "closed").await.status.as_u16(), 303);
    (b, survey)
}

#[actix_web::test]
async fn a_report_is_published_in_each_language_the_operator_ticks() {
    let app = spawn_app().await;
    let (b, survey) = closed_with_answers(&app, 6).await;
    let page = b.get(&format!("/operator/surveys/{survey}")).await;
    // The publishing form offers the questionnaire's languages, its default ticked.
    assert!(
        page.body.contains(r#"name="report_language" value="ja" checked>"#),
        "{}",
        page.body
    );
    assert!(page.body.contains(r#"name="report_language" value="en">"#));
    let publish = |languages: &'static [&'static str]| {
        let (b, csrf) = (&b, page.csrf());
        async move {
            let mut form = vec![
                ("csrf", csrf.as_str()),
                ("to", "published"),
                ("report_languages", "offered"),
            ];
            form.extend(languages.iter().map(|l| ("report_language", *l)));
            b.post_form(&format!("/operator/surveys/{survey}/state"), &form).await
        }
    };
    // None ticked, or a language the questionnaire has no texts in: refused, and nothing published.
    let none = publish(&[]).await;
    assert_eq!(none.status.as_u16(), 422);
    assert!(
        none.body.contains("報告書の言語を1つ以上選んでください"),
        "{}",
        none.body
    );
    let french = publish(&["ja", "fr"]).await;
    assert_eq!(french.status.as_u16(), 422);
    assert!(french.body.contains("`fr` では報告書を作れません"), "{}", french.body);
    assert!(
        !french.body.contains("/files/ja/"),
        "nothing published: {}",
        french.body
    );

    assert_eq!(publish(&["ja", "en"]).await.status.as_u16(), 303);
    let page = crate::surveys::published(&b, survey).await;
    for language in ["ja", "en"] {
        for format in ["csv", "html", "pdf", "xlsx"] {
            let link = format!("/operator/surveys/{survey}/files/{language}/{format}");
            assert!(page.body.contains(&link), "{link} in {}", page.body);
        }
    }
    assert!(
        page.body.contains(&format!("report-{survey}.en.pdf")),
        "the file names say the language"
    );
    let english = b.get(&format!("/operator/surveys/{survey}/files/en/html")).await;
    assert!(english.body.contains(r#"<html lang="en">"#) && english.body.contains("Executive summary"));
    let japanese = b.get(&format!("/operator/surveys/{survey}/files/ja/html")).await;
    assert!(japanese.body.contains(r#"<html lang="ja">"#) && japanese.body.contains("回答数"));
    let missing = b.get(&format!("/operator/surveys/{survey}/files/vi/html")).await;
    assert_eq!(missing.status.as_u16(), 404, "a language not published");
}

#[actix_web::test]
async fn files_published_before_reports_had_languages_keep_theirs_across_the_migration() {
    use survey_migration::{Migrator, MigratorTrait};
    let app = spawn_app().await;
    let (b, survey) = closed_with_answers(&app, 6).await;
    assert_eq!(change_state(&b, survey, "published").await.status.as_u16(), 303);
    let before = b.get(&format!("/operator/surveys/{survey}/files/ja/pdf")).await;
    assert_eq!(before.status.as_u16(), 200);

    // Back to the table keyed by survey and format, as a database of the earlier version has it,
    // then forward again: the files come back under the questionnaire's default language, whole.
    Migrator::down(app.db(), Some(1)).await.unwrap();
    Migrator::up(app.db(), None).await.unwrap();
    let after = b.get(&format!("/operator/surveys/{survey}/files/ja/pdf")).await;
    assert_eq!(after.status.as_u16(), 200);
    assert_eq!(after.bytes, before.bytes);
    assert_eq!(
        after.headers.get("x-content-sha256"),
        before.headers.get("x-content-sha256")
    );
}

/// More responses than a page of the database read: the report from the database counts each
/// once, as the same answers counted directly do.
#[actix_web::test]
async fn the_report_from_the_database_counts_every_page_of_responses_once() {
    use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
    use survey_server::storage::{response, survey};
    let app = spawn_app().await;
    let (_, id, _) = open_survey(&app).await;
    let q = std::sync::Arc::new(questionnaire(&app, id).await);
    let keys = survey_server::services::issuance::keys(app.db(), id).await.unwrap();
    let mut direct = survey_analysis::Aggregate::new(&q);
    let mut rng = rand::rng();
    let mut rows = Vec::new();
    for i in 0..4500 {
        let key = &keys[i % keys.len()];
        let answers = q.validate_answers(&valid_answers(&q, &mut rng)).unwrap();
        direct.add(&q, &key.segment, &answers);
        rows.push(response::ActiveModel {
            id: Set(uuid::Uuid::new_v4()),
            survey_id: Set(id),
            key_id: Set(key.key_id.clone()),
            nonce: Set(format!("{i:064x}")),
            token: Set(String::new()),
            answers: Set(String::from_utf8(answers.canonical_bytes()).unwrap()),
            answers_digest: Set(String::new()),
            receipt: Set(format!("{i:064x}")),
        });
    }
    for chunk in rows.chunks(300) {
        response::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(app.db())
            .await
            .unwrap();
    }
    let s = survey::Entity::find_by_id(id).one(app.db()).await.unwrap().unwrap();
    let mut closed = s.into_active_model();
    closed.state = Set(survey_server::domain::SurveyState::Closed);
    let s = closed.update(app.db()).await.unwrap();

    let mut told = Vec::new();
    let from_database = survey_server::services::reports::build_from(app.db(), &q, &s, &mut |done, of| {
        told.push((done, of));
    })
    .await
    .unwrap();
    assert_eq!(told.last(), Some(&(4500, 4500)), "progress reaches the total");
    assert!(told.len() >= 3, "told page by page: {told:?}");
    let invited: Vec<(String, u64)> = survey_server::services::roster::rates(app.db(), id)
        .await
        .unwrap()
        .segments
        .into_iter()
        .map(|r| (r.segment, u64::try_from(r.invitees).unwrap()))
        .collect();
    let counted = survey_analysis::report::build(
        &q,
        &direct,
        &invited,
        u64::try_from(s.k_threshold).unwrap(),
        u64::try_from(s.comment_threshold).unwrap(),
        &mut |_| {},
    );
    assert_eq!(
        survey_report::csv::render(&from_database),
        survey_report::csv::render(&counted)
    );
}
