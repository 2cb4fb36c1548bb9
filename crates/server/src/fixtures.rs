//! Surveys with hundreds of invitees, made through the same functions the operator's pages call, for
//! the load benchmark and the whole-system tests (crash, scale-out, outage) that need them without
//! driving the pages. Nothing in the server itself uses this module.

use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set, TransactionTrait};
use survey_design::answer::sample::{comment, sample_answers};
use survey_token::client::PendingToken;
use survey_token::rsabssa::PublicKey;
use survey_token::wire::Token;

use crate::error::AppError;
use crate::services::surveys::{self, NewSurvey, State};
use crate::state::AppState;
use crate::storage::{invitation, survey};

/// The bundled template every fixture survey uses: all question types, two languages.
pub const TEMPLATE: &str = "alumni-network-opinion";
/// Roster departments, dealt round-robin; each holds at least k invitees from 20 invitees up.
pub const DEPARTMENTS: usize = 4;

/// A scheduled survey of `invitees` (`e{i}@load.example`, Japanese and English alternately, in
/// [`DEPARTMENTS`] departments), broken down by department, with fieldwork from `open` to `close`
/// and a reminder the day before `close`: the scheduler opens it and sends the invitations once
/// `open` has come.
pub async fn scheduled_survey(
    state: &AppState,
    invitees: usize,
    open: NaiveDate,
    close: NaiveDate,
) -> Result<survey::Model, AppError> {
    let actor = format!("load-{}", uuid::Uuid::new_v4().simple());
    let org = crate::services::organisations::create(&state.db, &actor, "負荷試験 株式会社").await?;
    let path = state.settings.templates_dir.join(format!("{TEMPLATE}.toml"));
    let template_source = std::fs::read_to_string(&path)
        .map_err(|e| AppError::internal(format!("cannot read {}: {e}", path.display())))?;
    let s = surveys::create(
        &state.db,
        &actor,
        NewSurvey {
            organisation_id: org.id,
            name: "負荷試験".into(),
            template_source,
        },
    )
    .await?;
    let mut csv = String::from("email,language,department\n");
    for i in 0..invitees {
        csv.push_str(&format!(
            "e{i}@load.example,{},d{}\n",
            ["ja", "en"][i % 2],
            i % DEPARTMENTS
        ));
    }
    let mut active = s.into_active_model();
    active.breakdowns = Set(serde_json::json!(["department"]));
    active.plan = Set(Some(serde_json::json!([
        { "milestone": "fieldwork_open", "date": open },
        { "milestone": "fieldwork_close", "date": close },
        { "milestone": "reminder_1", "date": close.pred_opt().unwrap_or(close) },
    ])));
    let s = active.update(&state.db).await?;
    crate::services::roster::import(&state.db, &actor, s.id, csv.as_bytes())
        .await
        .map_err(|e| AppError::internal(format!("the fixture roster was not imported: {e:?}")))?;
    surveys::transition(state, &actor, s.id, State::Scheduled).await
}

/// A survey open for answers now, with one invitation code per invitee (as the e-mails would carry
/// them) and the published keys: what a population of respondents needs.
pub struct OpenSurvey {
    pub survey: survey::Model,
    /// `(code, segment)` per invitee.
    pub codes: Vec<(String, String)>,
    /// `(segment, key)` as published on the survey's page.
    pub keys: Vec<(String, PublicKey)>,
    pub challenge_digest: [u8; 32],
}

/// [`scheduled_survey`] with fieldwork far in the future, opened by hand; the scheduler is not
/// needed, and no e-mail is sent.
pub async fn open_survey(state: &AppState, invitees: usize) -> Result<OpenSurvey, AppError> {
    let far = |day| NaiveDate::from_ymd_opt(2099, 1, day).unwrap_or_default();
    let s = scheduled_survey(state, invitees, far(5), far(20)).await?;
    let s = surveys::transition(state, "fixtures", s.id, State::Open).await?;
    let invitations = invitation::Entity::find()
        .filter(invitation::Column::SurveyId.eq(s.id))
        .all(&state.db)
        .await?;
    // One transaction, not one commit (and one sync to disk) per code.
    let txn = state.db.begin().await?;
    let mut codes = Vec::with_capacity(invitations.len());
    for invitee in &invitations {
        let code = crate::services::invitations::new_code(&txn, &state.hmac_key, invitee).await?;
        codes.push((code, invitee.segment.clone()));
    }
    txn.commit().await?;
    let keys = crate::services::issuance::keys(&state.db, s.id)
        .await?
        .iter()
        .map(|k| Ok((k.segment.clone(), crate::services::issuance::public_key(k)?)))
        .collect::<Result<_, AppError>>()?;
    let challenge_digest = crate::services::issuance::challenge(&state.settings, s.id).digest();
    Ok(OpenSurvey {
        survey: s,
        codes,
        keys,
        challenge_digest,
    })
}

impl OpenSurvey {
    /// The blinded token request for invitee `i`'s code, and what finishes it.
    pub fn token_request(&self, i: usize) -> Result<(PendingToken, Vec<u8>), AppError> {
        let segment = &self.codes[i].1;
        let key = self
            .keys
            .iter()
            .find(|(s, _)| s == segment)
            .map(|(_, k)| k)
            .ok_or_else(|| AppError::internal(format!("no key for segment {segment}")))?;
        let (pending, request) =
            PendingToken::new(key, self.challenge_digest, &mut rand::rng()).map_err(AppError::internal)?;
        Ok((pending, request.to_bytes()))
    }

    /// A respondent's submission body (JSON) with plausible answers in Japanese.
    pub fn submission(&self, state: &AppState, token: &Token) -> Result<String, AppError> {
        let questionnaire = state.questionnaires.get(&self.survey)?;
        let japanese = survey_design::Lang::parse("ja").map_err(AppError::internal)?;
        let answers = sample_answers(&questionnaire, &mut rand::rng(), 0.7, &mut |rng, max| {
            comment(&japanese, rng, max)
        });
        Ok(serde_json::json!({
            "token": base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, token.to_bytes()),
            "language": "ja",
            "answers": answers,
        })
        .to_string())
    }
}
