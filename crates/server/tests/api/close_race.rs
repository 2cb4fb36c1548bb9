//! Submissions racing the close: each is either in the tally or refused as closed, never
//! acknowledged and then lost or kept outside the tally (SQLite here; the same suite runs on
//! PostgreSQL in CI).

use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::Value as Json;
use survey_server::domain::SurveyState;
use survey_server::services::{responses, surveys};
use survey_server::storage::response;

use crate::helpers::spawn_app;
use crate::respondent::{Client, open_survey, questionnaire, valid_answers};

#[actix_web::test]
async fn a_submission_racing_the_close_is_in_the_tally_or_refused_as_closed() {
    for delay_ms in [0, 15, 40] {
        let app = spawn_app().await;
        let (_, survey, codes) = open_survey(&app).await;
        let client = Client::new(&app, survey);
        let q = questionnaire(&app, survey).await;
        let mut tokens = Vec::new();
        for (_, code) in codes.iter().take(30) {
            tokens.push(client.token(code).await);
        }
        let answers: Vec<Json> = tokens.iter().map(|_| valid_answers(&q, &mut rand::rng())).collect();

        let submissions =
            futures_util::future::join_all(tokens.iter().zip(&answers).map(|(t, a)| client.submit(t, "ja", a)));
        let close = async {
            tokio::time::sleep(std::time::Duration::from_millis(delay_ms)).await;
            surveys::transition(&app.state, "test", survey, SurveyState::Closed).await
        };
        let (results, closed) = tokio::join!(submissions, close);
        closed.unwrap();

        let mut receipts = Vec::new();
        for r in &results {
            match r.status.as_u16() {
                201 => {
                    let body: Json = serde_json::from_str(&r.body).unwrap();
                    receipts.push(body["receipt"].as_str().unwrap().to_owned());
                }
                409 => assert!(r.body.contains("締め切られました"), "{}", r.body),
                other => panic!("{other}: {}", r.body),
            }
        }
        let stored = response::Entity::find().count(app.db()).await.unwrap();
        assert_eq!(
            stored,
            receipts.len() as u64,
            "acknowledged = stored (close after {delay_ms} ms)"
        );
        let s = surveys::find(app.db(), survey).await.unwrap();
        let summary = s.tally.clone().unwrap();
        assert_eq!(summary["count"], receipts.len(), "acknowledged = counted");
        let tally = responses::tally(app.db(), &app.state.settings, &s).await.unwrap();
        let checked = tally.verify().unwrap();
        assert_eq!(
            survey_token::tally::hex(&checked.root),
            summary["root"].as_str().unwrap()
        );
        for receipt in &receipts {
            assert!(tally.proof(receipt).unwrap().verify(summary["root"].as_str().unwrap()));
        }
    }
}
