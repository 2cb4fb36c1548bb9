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
    let offline = survey_server::services::reports::build_from(app.db(), &q, &s, &mut |_, _| {})
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
        page.body.contains(&format!("/portal/surveys/{survey}/files/csv")),
        "{}",
        page.body
    );
    assert!(page.body.contains(&format!("/portal/surveys/{survey}/files/html")));
    let xlsx = boss.get(&format!("/portal/surveys/{survey}/files/xlsx")).await;
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

    let csv = boss.get(&format!("/portal/surveys/{survey}/files/csv")).await;
    assert_eq!(csv.status.as_u16(), 200);
    assert_eq!(
        csv.body, preview_csv,
        "management gets the report the operator previewed"
    );
    let sha = survey_token::tally::hex(ring::digest::digest(&ring::digest::SHA256, &csv.bytes).as_ref());
    assert_eq!(csv.headers.get("x-content-sha256").unwrap().to_str().unwrap(), sha);
    assert!(page.body.contains(&sha), "the page lists the file's hash");
    let operators = b.get(&format!("/operator/surveys/{survey}/files/csv")).await;
    assert_eq!(operators.bytes, csv.bytes, "the operator downloads the very same file");

    let html = boss.get(&format!("/portal/surveys/{survey}/files/html")).await;
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
            .get(&format!("/portal/surveys/{survey}/files/csv"))
            .await
            .status
            .as_u16(),
        404
    );
    let pdf = boss.get(&format!("/portal/surveys/{survey}/files/pdf")).await;
    assert_eq!(pdf.status.as_u16(), 200);
    assert!(pdf.bytes.starts_with(b"%PDF-"), "a PDF");
    assert_eq!(
        pdf.headers.get("content-type").unwrap().to_str().unwrap(),
        "application/pdf"
    );
    assert!(html.body.contains("<svg"), "the page draws its charts inline");
}
