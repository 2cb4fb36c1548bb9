//! Scheduled jobs: opening, invitations, reminders to those without a token, closing — persistent,
//! and never run twice when two servers share one database.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, sea_query::Expr};
use survey_server::domain::SurveyId;
use survey_server::jobs::run_due;
use survey_server::storage::{invitation, invitation_code, job, survey};
use uuid::Uuid;

use crate::helpers::{TestApp, spawn_app};
use crate::surveys::{change_state, ready_survey};

/// Makes every pending job of the survey due now, or only those of `kind`.
pub async fn make_due(app: &TestApp, survey: SurveyId, kinds: &[&str]) {
    job::Entity::update_many()
        .col_expr(
            job::Column::RunAt,
            Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)),
        )
        .filter(job::Column::SurveyId.eq(survey))
        .filter(job::Column::Kind.is_in(kinds.iter().copied()))
        .exec(app.db())
        .await
        .unwrap();
}

async fn survey_state(app: &TestApp, id: SurveyId) -> String {
    survey::Entity::find_by_id(id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .state
        .as_str()
        .to_owned()
}

#[actix_web::test]
async fn the_scheduler_opens_invites_each_invitee_once_reminds_only_those_without_a_token_and_closes() {
    let app = spawn_app().await;
    let (b, _, survey) = ready_survey(&app).await;
    change_state(&b, survey, "scheduled").await;
    assert_eq!(run_due(&app.state).await.unwrap(), 0, "nothing is due yet");

    make_due(&app, survey, &["open", "invite"]).await;
    assert_eq!(run_due(&app.state).await.unwrap(), 2);
    assert_eq!(survey_state(&app, survey).await, "open");
    let mails = app.mails();
    assert_eq!(mails.len(), 60);
    let japanese = mails.iter().find(|m| m.contains("To: sales1@client.example")).unwrap();
    assert!(
        japanese.contains("=?utf-8?b?"),
        "a Japanese subject is encoded: {japanese}"
    );
    let english = mails.iter().find(|m| m.contains("To: sales0@client.example")).unwrap();
    assert!(english.contains("Subject: Invitation: Alumni 2027"), "{english}");
    // The link's code is stored only as an HMAC.
    let code = english
        .split("/i/")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(code.len(), 22, "128 bits in base64url");
    let stored: Vec<String> = invitation_code::Entity::find()
        .select_only()
        .column(invitation_code::Column::CodeHmac)
        .into_tuple()
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(stored.len(), 60);
    assert!(stored.iter().all(|h| h.len() == 64 && !h.contains(&code)));

    // 20 employees took a token; the reminder goes to the other 40 only, once.
    let took: Vec<Uuid> = invitation::Entity::find()
        .filter(invitation::Column::SurveyId.eq(survey))
        .limit(20)
        .all(app.db())
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.id)
        .collect();
    invitation::Entity::update_many()
        .col_expr(invitation::Column::TokenIssued, Expr::value(true))
        .filter(invitation::Column::Id.is_in(took.clone()))
        .exec(app.db())
        .await
        .unwrap();
    let rates = survey_server::services::roster::rates(app.db(), survey).await.unwrap();
    assert_eq!((rates.invitees, rates.tokens_issued), (60, 20));
    assert_eq!(rates.segments.iter().map(|r| r.tokens_issued).sum::<i64>(), 20);
    // The operator sends the first reminder now rather than on its planned morning.
    let page = b.get(&format!("/operator/surveys/{survey}")).await;
    let action = page
        .body
        .split("action=\"")
        .filter_map(|a| a.split('"').next())
        .find(|a| a.ends_with("/now"))
        .expect("a send-now button on the pending reminder")
        .to_owned();
    let sent = b.post_form(&action, &[("csrf", &page.csrf())]).await;
    assert_eq!(sent.status.as_u16(), 303, "{}", sent.body);
    run_due(&app.state).await.unwrap();
    assert_eq!(app.mails().len() - 60, 40);
    let again = b.post_form(&action, &[("csrf", &page.csrf())]).await;
    assert!(
        again.body.contains("not been sent") || again.body.contains("まだ送っていない"),
        "a sent reminder cannot be sent again: {}",
        again.body
    );
    make_due(&app, survey, &["remind:1"]).await;
    assert_eq!(run_due(&app.state).await.unwrap(), 0, "a reminder job runs once");
    for id in took {
        let i = invitation::Entity::find_by_id(id).one(app.db()).await.unwrap().unwrap();
        assert_eq!(i.reminders_sent, 0, "an invitee with a token got a reminder");
    }
    make_due(&app, survey, &["close"]).await;
    run_due(&app.state).await.unwrap();
    assert_eq!(survey_state(&app, survey).await, "closed");
}

#[actix_web::test]
async fn two_schedulers_on_one_database_send_every_invitation_exactly_once() {
    let first = spawn_app().await;
    let (b, _, survey) = ready_survey(&first).await;
    change_state(&b, survey, "scheduled").await;
    // A second server on the same database, with the same outbox.
    let outbox = first.outbox.clone();
    let second = crate::helpers::spawn_on(&first, move |s| s.mail.outbox = Some(outbox)).await;
    make_due(&first, survey, &["open", "invite"]).await;
    let (a, b2) = futures_util::future::join(run_due(&first.state), run_due(&second.state)).await;
    assert_eq!(a.unwrap() + b2.unwrap(), 2, "each job ran once");
    assert_eq!(first.mails().len(), 60);
    let done = job::Entity::find()
        .filter(job::Column::State.eq("done"))
        .count(first.db())
        .await
        .unwrap();
    assert_eq!(done, 2);
}

#[actix_web::test]
async fn jobs_survive_a_restart() {
    let first = spawn_app().await;
    let (b, _, survey) = ready_survey(&first).await;
    change_state(&b, survey, "scheduled").await;
    make_due(&first, survey, &["open"]).await;
    let restarted = crate::helpers::spawn_on(&first, |_| {}).await;
    // The opening, then the invitations it brought forward (they were planned for the same time).
    assert_eq!(run_due(&restarted.state).await.unwrap(), 2);
    assert_eq!(survey_state(&restarted, survey).await, "open");
}

#[actix_web::test]
async fn a_job_whose_server_died_is_taken_up_when_its_lease_expires() {
    let app = spawn_app().await;
    let (b, _, survey) = ready_survey(&app).await;
    change_state(&b, survey, "scheduled").await;
    make_due(&app, survey, &["open"]).await;
    job::Entity::update_many()
        .col_expr(job::Column::State, Expr::value("running"))
        .col_expr(
            job::Column::LockedUntil,
            Expr::value(chrono::Utc::now() + chrono::Duration::minutes(5)),
        )
        .filter(job::Column::Kind.eq("open"))
        .exec(app.db())
        .await
        .unwrap();
    assert_eq!(run_due(&app.state).await.unwrap(), 0, "a live lease is respected");
    job::Entity::update_many()
        .col_expr(
            job::Column::LockedUntil,
            Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)),
        )
        .filter(job::Column::Kind.eq("open"))
        .exec(app.db())
        .await
        .unwrap();
    // The opening, then the invitations it brought forward.
    assert_eq!(run_due(&app.state).await.unwrap(), 2);
}
