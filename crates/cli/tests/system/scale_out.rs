//! Two `survey serve` processes on one PostgreSQL, as behind a load balancer: both schedulers run,
//! every request for a ballot and every submission goes to both at once, and still each invitee
//! gets one invitation and at most one reminder, each invitation one token, each token one response.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use chrono::Utc;
use futures_util::StreamExt;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use survey_server::fixtures::{OpenSurvey, scheduled_survey};
use survey_server::services::issuance;
use survey_server::storage::invitation;

use crate::site::{Backend, Mail, Server, Site, client, outbox, submit, take_token};

const INVITEES: usize = 120;

/// Waits until the outbox holds `n` messages, then a few scheduler rounds more, so that a
/// duplicate would have had time to appear.
async fn settled_outbox(dir: &std::path::Path, n: usize, servers: &[&Server]) -> Vec<Mail> {
    let deadline = Instant::now() + Duration::from_secs(120);
    while outbox(dir).len() < n {
        assert!(
            Instant::now() < deadline,
            "{} of {n} messages after two minutes; logs:\n{}",
            outbox(dir).len(),
            servers.iter().map(|s| s.log()).collect::<Vec<_>>().join("\n---\n")
        );
        actix_web::rt::time::sleep(Duration::from_millis(200)).await;
    }
    actix_web::rt::time::sleep(Duration::from_secs(4)).await;
    outbox(dir)
}

fn once_each(mails: &[Mail]) -> BTreeMap<String, usize> {
    let mut count = BTreeMap::new();
    for m in mails {
        *count.entry(m.to.clone()).or_default() += 1;
    }
    count
}

#[actix_web::test]
#[ignore = "needs PostgreSQL (SURVEY_TEST_DATABASE_URL); .ci/run runs it"]
async fn two_servers_on_one_postgres_issue_redeem_and_mail_exactly_once() {
    let site = Site::new(Backend::Postgres).await;
    let state = site.state().await;
    let today = Utc::now().date_naive();
    let s = scheduled_survey(
        &state,
        INVITEES,
        today - chrono::Duration::days(1),
        today + chrono::Duration::days(10),
    )
    .await
    .unwrap();
    let mail_dir = site.data_dir.join("shared-outbox");
    let shared = [
        ("SURVEY__SCHEDULER__ENABLED", "true"),
        ("SURVEY__SCHEDULER__INTERVAL_SECONDS", "1"),
        ("SURVEY__MAIL__OUTBOX", mail_dir.to_str().unwrap()),
    ];
    let a = Server::start(&site, "a", &shared).await;
    let b = Server::start(&site, "b", &shared).await;

    // Both schedulers open the survey and send the invitations: each invitee gets one.
    let invitations = settled_outbox(&mail_dir, INVITEES, &[&a, &b]).await;
    let sent = once_each(&invitations);
    assert_eq!(invitations.len(), INVITEES, "invitations sent twice: {sent:?}");
    assert_eq!(sent.len(), INVITEES);

    // The English-speaking half takes ballots, each request sent to both servers at once.
    let segments: BTreeMap<String, String> = invitation::Entity::find()
        .filter(invitation::Column::SurveyId.eq(s.id))
        .all(&state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|i| (i.email.unwrap_or_default(), i.segment))
        .collect();
    let takers: Vec<&Mail> = invitations.iter().filter(|m| !m.body.contains("次のリンク")).collect();
    let open = OpenSurvey {
        survey: survey_server::services::surveys::find(&state.db, s.id).await.unwrap(),
        codes: takers.iter().map(|m| (m.code(), segments[&m.to].clone())).collect(),
        keys: issuance::keys(&state.db, s.id)
            .await
            .unwrap()
            .iter()
            .map(|k| (k.segment.clone(), issuance::public_key(k).unwrap()))
            .collect(),
        challenge_digest: issuance::challenge(&state.settings, s.id).digest(),
    };
    let client = client();
    let tokens: Vec<_> = futures_util::stream::iter(0..open.codes.len())
        .map(|i| {
            let (open, client, a, b) = (&open, &client, &a, &b);
            async move {
                let (pending, request) = open.token_request(i).unwrap();
                let code = &open.codes[i].0;
                let (x, y) = futures_util::future::join(
                    take_token(client, &a.base, code, &request),
                    take_token(client, &b.base, code, &request),
                )
                .await;
                let (x, y) = (x.unwrap(), y.unwrap());
                let mut statuses = [x.0, y.0];
                statuses.sort_unstable();
                assert_eq!(statuses, [200, 409], "one invitation asked of both servers at once");
                let signature = if x.0 == 200 { x.1 } else { y.1 };
                pending.finish(&signature).unwrap()
            }
        })
        .buffer_unordered(16)
        .collect()
        .await;
    assert_eq!(tokens.len(), INVITEES / 2);

    // Each response is sent to both servers at once: one stores it, the other refuses it.
    let submitted: Vec<String> = futures_util::stream::iter(tokens.iter())
        .map(|token| {
            let (open, client, a, b, state) = (&open, &client, &a, &b, &state);
            async move {
                let body = open.submission(state, token).unwrap();
                let (x, y) = futures_util::future::join(
                    submit(client, &a.base, s.id, &body),
                    submit(client, &b.base, s.id, &body),
                )
                .await;
                let (x, y) = (x.unwrap(), y.unwrap());
                let mut statuses = [x.0, y.0];
                statuses.sort_unstable();
                assert_eq!(
                    statuses,
                    [201, 409],
                    "one token redeemed at both servers at once: {x:?} {y:?}"
                );
                let stored = if x.0 == 201 { x.1 } else { y.1 };
                stored["receipt"].as_str().unwrap().to_owned()
            }
        })
        .buffer_unordered(16)
        .collect()
        .await;
    let rows = site.stored(&state, s.id).await;
    assert_eq!(rows.len(), INVITEES / 2);
    for r in &submitted {
        assert_eq!(rows.iter().filter(|row| &row.receipt == r).count(), 1);
    }

    // The reminder falls due while both servers run: it goes once, to those without a ballot.
    state
        .db
        .execute_unprepared(&format!(
            "UPDATE jobs SET run_at = now() WHERE survey_id = '{}' AND kind = 'remind:1'",
            s.id
        ))
        .await
        .unwrap();
    let all = settled_outbox(&mail_dir, INVITEES + INVITEES / 2, &[&a, &b]).await;
    let reminders: Vec<Mail> = all.into_iter().filter(Mail::is_reminder).collect();
    let reminded = once_each(&reminders);
    assert_eq!(reminders.len(), INVITEES / 2, "reminders sent twice: {reminded:?}");
    for taker in &takers {
        assert!(
            !reminded.contains_key(&taker.to),
            "{} took a ballot and was reminded",
            taker.to
        );
    }
    assert!(
        !a.log().contains("panicked") && !b.log().contains("panicked"),
        "a server panicked:\n{}\n---\n{}",
        a.log(),
        b.log()
    );
}
