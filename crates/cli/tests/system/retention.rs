//! `survey roster purge`: after the close, the roster's personal data goes and the counts stay.

use std::process::Command;

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use survey_server::domain::SurveyId;
use survey_server::fixtures::open_survey;
use survey_server::services::surveys::{self, State};
use survey_server::storage::{invitation, invitation_code};

use crate::site::{Backend, Site};

fn purge(site: &Site, survey: SurveyId) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_survey"))
        .args(["roster", "purge", "--survey", &survey.to_string()])
        .envs(site.env(&site.database_url))
        .output()
        .unwrap()
}

#[actix_web::test]
async fn purging_a_closed_surveys_roster_drops_addresses_and_codes_and_keeps_the_counts() {
    let site = Site::new(Backend::Sqlite).await;
    let state = site.state().await;
    let open = open_survey(&state, 40).await.unwrap();
    let id = open.survey.id;
    for i in 0..7 {
        let (_, request) = open.token_request(i).unwrap();
        survey_server::services::issuance::issue(
            &state.db,
            &state.issuers,
            &state.hmac_key,
            &open.codes[i].0,
            &request,
        )
        .await
        .unwrap();
    }

    let early = purge(&site, id);
    assert_eq!(early.status.code(), Some(2), "purging during fieldwork must be refused");
    let said = String::from_utf8_lossy(&early.stderr);
    assert!(said.contains("only after the survey has closed"), "{said}");
    let kept = invitation::Entity::find()
        .filter(invitation::Column::SurveyId.eq(id))
        .filter(invitation::Column::Email.is_not_null())
        .count(&state.db)
        .await
        .unwrap();
    assert_eq!(kept, 40, "a refused purge changed nothing");

    surveys::transition(&state, "retention test", id, State::Closed)
        .await
        .unwrap();
    let before = survey_server::services::roster::rates(&state.db, id).await.unwrap();
    let done = purge(&site, id);
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    assert!(
        String::from_utf8_lossy(&done.stdout).contains("40 invitees"),
        "{done:?}"
    );

    let rows = invitation::Entity::find()
        .filter(invitation::Column::SurveyId.eq(id))
        .all(&state.db)
        .await
        .unwrap();
    assert_eq!(rows.len(), 40, "the invitation rows stay, as counts");
    for row in &rows {
        assert_eq!(row.email, None);
        assert_eq!(row.attributes, serde_json::json!({}));
        assert!(
            row.segment.starts_with("department="),
            "the segment stays: {}",
            row.segment
        );
    }
    let codes = invitation_code::Entity::find()
        .filter(invitation_code::Column::InvitationId.is_in(rows.iter().map(|r| r.id)))
        .count(&state.db)
        .await
        .unwrap();
    assert_eq!(codes, 0, "no invitation code is left to open a link with");
    assert_eq!(
        survey_server::services::roster::rates(&state.db, id).await.unwrap(),
        before
    );
    assert!(purge(&site, id).status.success(), "purging again is harmless");
}
