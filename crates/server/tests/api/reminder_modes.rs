//! Whom reminders go to, and what the database knows meanwhile: with reminders "to everyone" it
//! never records who took a ballot, not even during fieldwork.

use sea_orm::EntityTrait;
use serde_json::json;
use survey_server::storage::{invitation, invitation_code, segment_count, spent_code};

use crate::helpers::{TestApp, spawn_app};
use crate::jobs::make_due;
use crate::respondent::{Client, mailed_codes};
use crate::surveys::{change_state, ready_survey};

#[actix_web::test]
async fn with_reminders_to_everyone_the_database_never_records_who_took_a_ballot() {
    let app = spawn_app().await;
    let (b, _, survey) = ready_survey(&app).await;
    let token = b.api_token().await;
    let settings = json!({
        "name": "Alumni 2027", "languages": ["ja", "en"], "k_threshold": 5, "comment_threshold": 10,
        "breakdowns": ["department"], "allow_fallback": false, "reminder_mode": "everyone",
    });
    let r = app
        .browser()
        .api(
            "PUT",
            &format!("/api/v1/surveys/{survey}/settings"),
            &token,
            Some(settings),
        )
        .await;
    assert_eq!(r.status.as_u16(), 200, "{}", r.body);
    assert!(r.body.contains(r#""reminder_mode":"everyone""#), "{}", r.body);
    assert_eq!(change_state(&b, survey, "scheduled").await.status.as_u16(), 303);
    make_due(&app, survey, &["open", "invite"]).await;
    survey_server::jobs::run_due(&app.state).await.unwrap();
    let invited = mailed_codes(&app);
    assert_eq!(invited.len(), 60);

    let invitations = || async { invitation::Entity::find().all(app.db()).await.unwrap() };
    let opening = || async { invitation_code::Entity::find().all(app.db()).await.unwrap() };
    let (before, codes_before) = (invitations().await, opening().await);
    let client = Client::new(&app, survey);
    for (_, code) in invited.iter().take(10) {
        client.token(code).await;
    }
    let key = client.key_for(&invited[0].1).await;
    let (again, refused) = client.request(&invited[0].1, &key).await;
    assert!(again.is_none());
    assert_eq!(refused.status.as_u16(), 409, "{}", refused.body);

    // Nothing on the invitation side changed; the spent codes name a segment and nothing else.
    assert_eq!(invitations().await, before, "an invitation records a ballot");
    assert_eq!(opening().await, codes_before, "an invitation code records a ballot");
    let spent = spent_code::Entity::find().all(app.db()).await.unwrap();
    assert_eq!(spent.len(), 10);
    for s in &spent {
        assert!(
            codes_before.iter().all(|c| c.code_hmac != s.spend_hmac),
            "a spent code is kept under the hash that opens its invitation"
        );
        assert!(
            before
                .iter()
                .all(|i| !s.spend_hmac.contains(&i.id.simple().to_string()))
        );
    }
    let rates = survey_server::services::roster::rates(app.db(), survey).await.unwrap();
    assert_eq!((rates.invitees, rates.tokens_issued), (60, 10));

    // A reminder goes to everyone, with the code of their invitation.
    make_due(&app, survey, &["remind:1"]).await;
    survey_server::jobs::run_due(&app.state).await.unwrap();
    let mut sent = mailed_codes(&app);
    assert_eq!(sent.len(), 120, "a reminder for each of the 60");
    sent.sort();
    let mut twice: Vec<(String, String)> = invited.iter().flat_map(|c| [c.clone(), c.clone()]).collect();
    twice.sort();
    assert_eq!(sent, twice, "each reminder re-sends the invitation's own code");
    assert_eq!(
        opening().await.len(),
        60,
        "one opening hash per invitation, however many mails"
    );

    // The close keeps the counts and drops the spent codes.
    assert_eq!(change_state(&b, survey, "closed").await.status.as_u16(), 303);
    assert!(spent_code::Entity::find().all(app.db()).await.unwrap().is_empty());
    let kept = segment_count::Entity::find().all(app.db()).await.unwrap();
    assert_eq!(kept.iter().map(|c| c.ballots_taken).sum::<i64>(), 10);
    assert_eq!(kept.iter().map(|c| c.invitees).sum::<i64>(), 60);
    let rates = survey_server::services::roster::rates(app.db(), survey).await.unwrap();
    assert_eq!((rates.invitees, rates.tokens_issued), (60, 10));
}

#[actix_web::test]
async fn by_default_reminders_go_only_to_those_without_a_ballot_and_the_close_forgets_who() {
    let app = spawn_app().await;
    let (b, _, survey) = ready_survey(&app).await;
    assert_eq!(change_state(&b, survey, "scheduled").await.status.as_u16(), 303);
    make_due(&app, survey, &["open", "invite"]).await;
    survey_server::jobs::run_due(&app.state).await.unwrap();
    let invited = mailed_codes(&app);
    let client = Client::new(&app, survey);
    for (_, code) in invited.iter().take(10) {
        client.token(code).await;
    }
    let marked = invitations_with_ballot(&app).await;
    assert_eq!(marked, 10, "during fieldwork the default mode knows who took a ballot");
    make_due(&app, survey, &["remind:1"]).await;
    survey_server::jobs::run_due(&app.state).await.unwrap();
    assert_eq!(mailed_codes(&app).len(), 60 + 50);

    let before = survey_server::services::roster::rates(app.db(), survey).await.unwrap();
    assert_eq!(change_state(&b, survey, "closed").await.status.as_u16(), 303);
    assert_eq!(
        invitations_with_ballot(&app).await,
        0,
        "the close forgets who took a ballot"
    );
    let after = survey_server::services::roster::rates(app.db(), survey).await.unwrap();
    assert_eq!(after, before, "the rates stay as they were");
    let kept = segment_count::Entity::find().all(app.db()).await.unwrap();
    assert_eq!(kept.iter().map(|c| c.reminders_sent).sum::<i64>(), 50);
}

async fn invitations_with_ballot(app: &TestApp) -> usize {
    invitation::Entity::find()
        .all(app.db())
        .await
        .unwrap()
        .iter()
        .filter(|i| i.token_issued)
        .count()
}
