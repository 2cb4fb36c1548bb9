//! A closed survey's report, built by `survey-analysis` from the stored responses: the server only
//! reads them, the analysis crate counts and applies the anonymity rules.

use rand::seq::SliceRandom;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use survey_analysis::{Aggregate, Report, report};

use crate::entities::{response, survey};
use crate::error::AppError;
use crate::state::AppState;
use crate::surveys::{self, State};

/// The report of a closed or published survey.
pub async fn build(state: &AppState, s: &survey::Model) -> Result<Report, AppError> {
    if !matches!(surveys::state_of(s), State::Closed | State::Published) {
        return Err(AppError::conflict(
            "a report is made once the survey is closed",
            "報告は調査の締切後に作られます",
        ));
    }
    let q = state.questionnaires.get(s)?;
    let segments: std::collections::HashMap<String, String> = crate::issuance::keys(&state.db, s.id)
        .await?
        .into_iter()
        .map(|k| (k.key_id, k.segment))
        .collect();
    let mut data = Aggregate::new(&q);
    let rows = response::Entity::find()
        .filter(response::Column::SurveyId.eq(s.id))
        .all(&state.db)
        .await?;
    for row in rows {
        let raw: serde_json::Value = serde_json::from_str(&row.answers).map_err(AppError::internal)?;
        // Stored answers were validated on arrival and the questionnaire is frozen: this holds.
        let answers = q.validate_answers(&raw).map_err(AppError::internal)?;
        let segment = segments.get(&row.key_id).map_or("", String::as_str);
        data.add(&q, segment, &answers);
    }
    let invited: Vec<(String, u64)> = crate::roster::rates(&state.db, s.id)
        .await?
        .segments
        .into_iter()
        .map(|r| (r.segment, u64::try_from(r.invitees).unwrap_or(0)))
        .collect();
    let k = u64::try_from(s.k_threshold).unwrap_or(u64::MAX);
    let comment_k = u64::try_from(s.comment_threshold).unwrap_or(u64::MAX);
    Ok(report::build(&q, &data, &invited, k, comment_k, &mut |texts| {
        texts.shuffle(&mut rand::rng())
    }))
}
