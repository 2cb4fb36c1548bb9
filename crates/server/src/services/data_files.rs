//! The firm's anonymous data file of a closed survey: a row per response in the random order of the
//! close, the group column merged up to *k* responses per value, labels in a chosen language, as
//! CSV or SPSS `.sav`, with its codebook. For operators only: management never gets response-level
//! data. Rows are streamed from the database in id order and written as they come.

use futures_util::StreamExt;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait};
use survey_data::{Format, Groups, Variable};
use survey_design::{Lang, Questionnaire};
use survey_i18n::{msg, t};

use crate::error::AppError;
use crate::services::audit;
use crate::services::surveys::State;
use crate::storage::{response, survey};

/// What the operator asks for.
#[derive(Debug, Clone)]
pub struct Request {
    pub format: Format,
    pub lang: Lang,
    /// The "other" answers and text questions, off unless asked for: a person's own words can name
    /// them.
    pub free_text: bool,
}

/// The variables of the file and the survey's groups, checked against the survey's state and rules.
async fn dictionary(
    db: &impl sea_orm::ConnectionTrait,
    q: &Questionnaire,
    s: &survey::Model,
    request: &Request,
) -> Result<(Vec<Variable>, Groups, std::collections::HashMap<String, String>), AppError> {
    if !matches!(s.state, State::Closed | State::Published) {
        return Err(AppError::Conflict(msg!("error-data-once-closed")));
    }
    if !q.languages().contains(&request.lang) {
        return Err(AppError::BadRequest(msg!(
            "error-data-language-not-offered",
            asked = request.lang.to_string(),
            offered = q
                .languages()
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let segments: std::collections::HashMap<String, String> = crate::services::issuance::keys(db, s.id)
        .await?
        .into_iter()
        .map(|k| (k.key_id, k.segment))
        .collect();
    let mut counts: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
    // Responses per issuer key (so per segment), counted by the database.
    let per_key: Vec<(String, i64)> = response::Entity::find()
        .select_only()
        .column(response::Column::KeyId)
        .column_as(response::Column::Id.count(), "n")
        .filter(response::Column::SurveyId.eq(s.id))
        .group_by(response::Column::KeyId)
        .into_tuple()
        .all(db)
        .await?;
    for (key, n) in per_key {
        let segment = segments.get(&key).cloned().unwrap_or_default();
        *counts.entry(segment).or_default() += u64::try_from(n).unwrap_or(0);
    }
    let counts: Vec<(String, u64)> = counts.into_iter().collect();
    let k = u64::try_from(s.k_threshold).unwrap_or(u64::MAX);
    let words = survey_report::Words::new(&request.lang);
    let groups = Groups::merge(
        &counts,
        k,
        |segment| words.segment(segment),
        &t!(request.lang, "data-merged-groups"),
        &t!(request.lang, "data-everyone"),
    )
    .map_err(|e| AppError::Conflict(msg!("error-data-too-few", responses = e.responses, k = e.k)))?;
    let responses: u64 = counts.iter().map(|(_, n)| n).sum();
    let comment_k = u64::try_from(s.comment_threshold).unwrap_or(u64::MAX);
    if request.free_text && responses < comment_k {
        return Err(AppError::Conflict(msg!(
            "error-data-free-text-too-few",
            responses = responses,
            k = comment_k
        )));
    }
    let variables = survey_data::variables(q, &request.lang, request.free_text, &groups.labels);
    Ok((variables, groups, segments))
}

/// The data file, written a page of responses at a time; the export is in the audit log.
pub async fn data_file(
    db: &sea_orm::DatabaseConnection,
    actor: &str,
    q: &Questionnaire,
    s: &survey::Model,
    request: &Request,
) -> Result<Vec<u8>, AppError> {
    let (variables, groups, segments) = dictionary(db, q, s, request).await?;
    let title = format!("{} — {}", q.title().get(&request.lang), s.name);
    let mut out =
        survey_data::Writer::new(request.format, Vec::new(), &title, &variables).map_err(AppError::internal)?;
    // One query streams the rows in id order (the random order of the close), through the index
    // on (survey, id); each row is written as it comes.
    let mut rows = response::Entity::find()
        .select_only()
        .columns([response::Column::KeyId, response::Column::Answers])
        .filter(response::Column::SurveyId.eq(s.id))
        .order_by_asc(response::Column::Id)
        .into_tuple::<(String, String)>()
        .stream(db)
        .await?;
    while let Some(row) = rows.next().await {
        let (key, text) = row?;
        let entries: survey_design::answer::Entries = serde_json::from_str(&text).map_err(AppError::internal)?;
        // Stored answers were validated on arrival and the questionnaire is frozen: this holds.
        let answers = q.validate_entries(entries.iter()).map_err(AppError::internal)?;
        let group = groups.code(segments.get(&key).map_or("", String::as_str));
        let values: Vec<survey_data::Value> = variables.iter().map(|v| v.value(q, &answers, group)).collect();
        out.row(&values).map_err(AppError::internal)?;
    }
    drop(rows);
    let bytes = out.finish().map_err(AppError::internal)?;
    let txn = db.begin().await?;
    let detail = format!(
        "{}; {} {}{}",
        audit::survey(s, None),
        request.format.extension(),
        request.lang,
        if request.free_text { ", free text" } else { "" }
    );
    audit::record(&txn, actor, "anonymous data exported", &detail).await?;
    txn.commit().await?;
    Ok(bytes)
}

/// The codebook of the data file the same request makes.
pub async fn codebook(
    db: &sea_orm::DatabaseConnection,
    q: &Questionnaire,
    s: &survey::Model,
    request: &Request,
) -> Result<Vec<u8>, AppError> {
    let (variables, _, _) = dictionary(db, q, s, request).await?;
    let mut out = Vec::new();
    survey_data::codebook(&mut out, &variables, &request.lang).map_err(AppError::internal)?;
    Ok(out)
}
