//! What management sees during fieldwork: no segment with fewer than k ballots (nor, so that
//! subtraction cannot reveal it, a partner), shares rounded to 5 %, taken once a day.

use survey_server::services::auth::Role;

use crate::helpers::spawn_app;
use crate::respondent::{Client, code_of, open_survey};

#[actix_web::test]
async fn the_portal_hides_segments_below_k_ballots_with_a_partner_and_keeps_the_days_figures() {
    let app = spawn_app().await;
    let (_, survey, codes) = open_survey(&app).await;
    let s = survey_server::services::surveys::find(app.db(), survey).await.unwrap();
    app.user("boss@client.example", Role::Management, Some(s.organisation_id))
        .await;
    let boss = app.login("boss@client.example").await;
    let client = Client::new(&app, survey);
    // Segments: Sales (22), Engineering (20), and Support with Legal merged (18). One salesperson,
    // ten engineers and nine of the merged group take a ballot.
    client.token(&code_of(&codes, "sales", 0)).await;
    for i in 0..10 {
        client.token(&code_of(&codes, "engineering", i)).await;
    }
    for i in 0..9 {
        client.token(&code_of(&codes, "support", i)).await;
    }

    let page = boss.get(&format!("/portal/surveys/{survey}")).await;
    assert_eq!(page.status.as_u16(), 200, "{}", page.body);
    assert!(
        !page.body.contains("department: Sales"),
        "one ballot in Sales is shown: {}",
        page.body
    );
    // Sales is hidden, so the smallest other segment goes with it: the total minus Engineering
    // would otherwise give Sales away.
    assert!(
        !page.body.contains("その他"),
        "the partner of Sales is shown: {}",
        page.body
    );
    assert!(page.body.contains("department: Engineering"), "{}", page.body);
    assert!(page.body.contains("50%"), "{}", page.body);

    // Later the same day, more ballots: management still sees the day's figures.
    for i in 1..12 {
        client.token(&code_of(&codes, "sales", i)).await;
    }
    let again = boss.get(&format!("/portal/surveys/{survey}")).await;
    assert!(
        !again.body.contains("department: Sales"),
        "the figures changed within the day"
    );
    let kept = |body: &str| {
        body.split("<table>")
            .last()
            .unwrap()
            .split("</table>")
            .next()
            .unwrap()
            .to_owned()
    };
    assert_eq!(kept(&again.body), kept(&page.body));
}
