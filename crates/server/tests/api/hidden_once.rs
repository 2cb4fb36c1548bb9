//! The hidden segments of a closed survey are decided once, at the close, by counts and label
//! bytes alone, and every view hides the same ones: with two segments tied, the public tally page,
//! the report and the portal hide the same partner, so subtracting one view from another reveals
//! nothing.

use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};
use survey_server::services::auth::Role;

use crate::helpers::spawn_app;
use crate::jobs::make_due;
use crate::respondent::{Client, code_of, mailed_codes, open_survey, questionnaire, valid_answers};
use crate::surveys::{
    change_state, create_organisation, create_survey, operator, propose_plan, save_settings, upload_roster,
};

#[actix_web::test]
async fn with_tied_segments_every_view_hides_the_same_partner() {
    let app = spawn_app().await;
    let (b, survey, codes) = open_survey(&app).await;
    let client = Client::new(&app, survey);
    let q = questionnaire(&app, survey).await;
    // Sales and Engineering answer six times each; the merged Support-and-Legal group twice. The
    // merged group is below k; its partner is one of the tied six, "department=Engineering" being
    // the smaller label in bytes.
    answer(&client, &q, &codes, &[("sales", 6), ("engineering", 6), ("support", 2)]).await;
    assert_eq!(change_state(&b, survey, "closed").await.status.as_u16(), 303);
    let s = survey_server::services::surveys::find(app.db(), survey).await.unwrap();
    let hidden = survey_server::services::responses::hidden_segments(&s).unwrap();
    assert_eq!(
        hidden.iter().collect::<Vec<_>>(),
        ["department=*", "department=Engineering"]
    );

    // The public tally page (whose key table names every segment, as it must).
    let public = client.browser.get(&format!("/s/{survey}?lang=en")).await;
    let tally = public.body.split("<h2>Tally</h2>").nth(1).unwrap();
    assert!(tally.contains("department: Sales"), "{tally}");
    assert!(!tally.contains("department: Engineering"), "{tally}");
    assert!(!tally.contains("department: other"), "{tally}");

    // The report: no figure of Engineering alone, nor of the merged group (their rows say
    // "hidden" and carry no number).
    let csv = b.get(&format!("/operator/surveys/{survey}/report.csv")).await;
    assert_eq!(csv.status.as_u16(), 200);
    for line in csv.body.lines() {
        let fields: Vec<&str> = line.split(',').collect();
        if fields
            .get(3)
            .is_some_and(|s| *s == "department=Engineering" || *s == "department=*")
        {
            assert!(
                fields[4..9].iter().all(|f| f.is_empty()),
                "the report shows a figure of a hidden segment: {line}"
            );
        }
    }
    assert!(csv.body.contains(",department=Sales,"), "{}", csv.body);

    // The portal.
    app.user("boss@client.example", Role::Management, Some(s.organisation_id))
        .await;
    let boss = app.login("boss@client.example").await;
    let portal = boss.get(&format!("/portal/surveys/{survey}?lang=en")).await;
    assert!(!portal.body.contains("department: Engineering"), "{}", portal.body);
}

/// Where a database's collation orders the segments otherwise than their bytes ("alpha" before
/// "Beta" in English, after it in bytes), the tie between them is still broken by bytes in every
/// view. On PostgreSQL the segment columns are given an ICU English collation for this test.
#[actix_web::test]
async fn a_collation_that_orders_segments_otherwise_changes_no_view() {
    let app = spawn_app().await;
    let db = app.db();
    if db.get_database_backend() == DatabaseBackend::Postgres {
        for table in ["invitations", "issuer_keys"] {
            db.execute_raw(Statement::from_string(
                DatabaseBackend::Postgres,
                format!(r#"ALTER TABLE {table} ALTER COLUMN segment TYPE text COLLATE "en-x-icu""#),
            ))
            .await
            .unwrap();
        }
    }
    let b = operator(&app).await;
    let org = create_organisation(&b, "Collation 株式会社").await;
    let survey = create_survey(&b, org).await;
    assert_eq!(save_settings(&b, survey, "5", "department").await.status.as_u16(), 303);
    let mut roster = String::from("email,language,department\n");
    for (dept, n) in [("alpha", 12), ("Beta", 12), ("gamma", 6)] {
        for i in 0..n {
            roster.push_str(&format!("{}{i}@client.example,ja,{dept}\n", dept.to_lowercase()));
        }
    }
    assert_eq!(upload_roster(&b, survey, roster.as_bytes()).await.status.as_u16(), 303);
    let start = (chrono::Utc::now() + chrono::Duration::days(180))
        .date_naive()
        .to_string();
    assert_eq!(propose_plan(&b, survey, &start).await.status.as_u16(), 303);
    assert_eq!(change_state(&b, survey, "scheduled").await.status.as_u16(), 303);
    make_due(&app, survey, &["open", "invite"]).await;
    survey_server::jobs::run_due(&app.state).await.unwrap();
    let codes = mailed_codes(&app);
    let client = Client::new(&app, survey);
    let q = questionnaire(&app, survey).await;
    // alpha and Beta answer six times each, gamma twice: gamma is below k, and its partner is the
    // tied one smaller in bytes, "department=Beta".
    answer(&client, &q, &codes, &[("alpha", 6), ("beta", 6), ("gamma", 2)]).await;
    assert_eq!(change_state(&b, survey, "closed").await.status.as_u16(), 303);
    let s = survey_server::services::surveys::find(app.db(), survey).await.unwrap();
    let hidden = survey_server::services::responses::hidden_segments(&s).unwrap();
    assert_eq!(
        hidden.iter().collect::<Vec<_>>(),
        ["department=Beta", "department=gamma"]
    );

    let public = client.browser.get(&format!("/s/{survey}?lang=en")).await;
    let tally = public.body.split("<h2>Tally</h2>").nth(1).unwrap();
    assert!(
        tally.contains("department: alpha") && !tally.contains("department: Beta"),
        "{tally}"
    );
    let csv = b.get(&format!("/operator/surveys/{survey}/report.csv")).await;
    for line in csv.body.lines() {
        let fields: Vec<&str> = line.split(',').collect();
        if fields
            .get(3)
            .is_some_and(|s| *s == "department=Beta" || *s == "department=gamma")
        {
            assert!(
                fields[4..9].iter().all(|f| f.is_empty()),
                "the report shows a hidden segment: {line}"
            );
        }
    }
    assert!(csv.body.contains(",department=alpha,"), "{}", csv.body);
}

/// `n` employees of each department (by address prefix) take a ballot and answer.
async fn answer(
    client: &Client,
    q: &survey_design::Questionnaire,
    codes: &[(String, String)],
    groups: &[(&str, usize)],
) {
    for (prefix, n) in groups {
        for i in 0..*n {
            let token = client.token(&code_of(codes, prefix, i)).await;
            let r = client.submit(&token, "ja", &valid_answers(q, &mut rand::rng())).await;
            assert_eq!(r.status.as_u16(), 201, "{}", r.body);
        }
    }
}
