//! The hidden segments of a closed survey are decided once, at the close, by counts and label
//! bytes alone, and every view hides the same ones: with two segments tied, the public tally page,
//! the report and the portal hide the same partner, so subtracting one view from another reveals
//! nothing.

use survey_server::services::auth::Role;

use crate::helpers::spawn_app;
use crate::respondent::{Client, open_survey, questionnaire, valid_answers};
use crate::surveys::change_state;

#[actix_web::test]
async fn with_tied_segments_every_view_hides_the_same_partner() {
    let app = spawn_app().await;
    let (b, survey, codes) = open_survey(&app).await;
    let client = Client::new(&app, survey);
    let q = questionnaire(&app, survey).await;
    // Sales and Engineering answer six times each; the merged Support-and-Legal group twice. The
    // merged group is below k; its partner is one of the tied six, "department=Engineering" being
    // the smaller label in bytes.
    let code_of = |prefix: &str, i: usize| {
        codes
            .iter()
            .find(|(to, _)| to.starts_with(&format!("{prefix}{i}@")))
            .map(|(_, code)| code.clone())
            .unwrap()
    };
    for (prefix, n) in [("sales", 6), ("engineering", 6), ("support", 2)] {
        for i in 0..n {
            let token = client.token(&code_of(prefix, i)).await;
            let r = client.submit(&token, "ja", &valid_answers(&q, &mut rand::rng())).await;
            assert_eq!(r.status.as_u16(), 201, "{}", r.body);
        }
    }
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
