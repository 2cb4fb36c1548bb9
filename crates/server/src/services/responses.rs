//! Responses: redeemed with a token, validated, stored under a unique nonce; rewritten in random
//! order and tallied at close.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::seq::SliceRandom;
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Set, SqlErr};
use serde::Deserialize;
use survey_design::{AnswerErrors, Lang};
use survey_token::tally::{Counted, Tally, answers_digest, hex, receipt, unhex};
use survey_token::wire::Token;
use uuid::Uuid;

use crate::error::AppError;
use crate::services::issuance;
use crate::state::AppState;
use crate::storage::{issuer_key, response, survey};

/// What the respondent's browser sends.
#[derive(Debug, Deserialize)]
pub struct Submission {
    /// The RFC 9578 token, base64url.
    pub token: String,
    /// The language the respondent answered in.
    pub language: String,
    pub answers: serde_json::Value,
}

#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    #[error(transparent)]
    Refused(#[from] AppError),
    /// The answers do not fit the questionnaire; one error per question, in this language.
    #[error("{0}")]
    Answers(AnswerErrors, Lang),
    /// This very response (same ballot, same answers) is stored already: a retry after its
    /// acknowledgement was lost (a dropped connection, a server that died after the commit). It is
    /// refused like any second use, but its sender gets the receipt back.
    #[error("this response is stored already; its receipt is {0}")]
    AlreadyStored(String),
}

impl From<sea_orm::DbErr> for SubmitError {
    fn from(e: sea_orm::DbErr) -> Self {
        Self::Refused(e.into())
    }
}

/// Verifies the token, validates the answers and stores the response; returns the receipt (hex).
pub async fn submit(state: &AppState, s: &survey::Model, submission: Submission) -> Result<String, SubmitError> {
    issuance::require_open(s.state)?;
    let questionnaire = state.questionnaires.get(s)?;
    let offered = crate::services::surveys::languages(s);
    let language = Lang::parse(&submission.language)
        .ok()
        .filter(|l| offered.iter().any(|o| o == l.as_str()))
        .ok_or_else(|| {
            AppError::bad(
                format!("answer in one of this survey's languages: {}", offered.join(", ")),
                format!("この調査の言語で回答してください: {}", offered.join(", ")),
            )
        })?;
    let bytes = URL_SAFE_NO_PAD
        .decode(submission.token.trim_end_matches('='))
        .map_err(|_| bad_token("it is not base64url"))?;
    let token = Token::parse(&bytes).map_err(|e| bad_token(&e.to_string()))?;
    let key_id = hex(&token.token_key_id);
    let public = match state.issuers.public_key(&state.db, &key_id).await? {
        Some((survey_id, public)) if survey_id == s.id => public,
        _ => return Err(bad_token("it was not issued for this survey")),
    };
    token
        .verify(&public, &issuance::challenge(&state.settings, s.id).digest())
        .map_err(|e| bad_token(&e.to_string()))?;
    let answers = questionnaire
        .validate_answers(&submission.answers)
        .map_err(|errors| SubmitError::Answers(errors, language.clone()))?;
    let canonical = answers.canonical_bytes();
    let digest = answers_digest(&canonical);
    let receipt = hex(&receipt(&bytes, &digest));
    let row = response::ActiveModel {
        id: Set(Uuid::new_v4()),
        survey_id: Set(s.id),
        key_id: Set(key_id),
        nonce: Set(hex(&token.nonce)),
        token: Set(URL_SAFE_NO_PAD.encode(&bytes)),
        answers: Set(String::from_utf8_lossy(&canonical).into_owned()),
        answers_digest: Set(hex(&digest)),
        language: Set(language.as_str().to_owned()),
        receipt: Set(receipt.clone()),
    };
    match store(&state.db, s, row).await {
        Ok(()) => Ok(receipt),
        Err(SubmitError::Refused(AppError::Database(e)))
            if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) =>
        {
            // The receipt binds the ballot and the answers, so a stored receipt is this response.
            if is_stored(&state.db, s, &receipt).await? {
                return Err(SubmitError::AlreadyStored(receipt));
            }
            Err(AppError::conflict(
                "this ballot has already been used: a response with it is stored, and each ballot counts once",
                "この回答券はすでに使われています。回答は保存済みで、回答券1枚につき1回だけ数えられます。",
            )
            .into())
        }
        Err(e) => Err(e.into()),
    }
}

/// Stores a response only if its survey is still open when it commits. The insert comes first, so
/// on SQLite the transaction takes the write lock at once (and waits for a close in progress); then
/// the survey's row is read under a shared lock, which the close's exclusive hold of that row (its
/// first statement) excludes. A submission therefore commits before the close begins, and the close
/// rewrites and counts it, or it finds the survey closed and leaves nothing: never a receipt for a
/// response outside the tally.
async fn store(
    db: &sea_orm::DatabaseConnection,
    s: &survey::Model,
    row: response::ActiveModel,
) -> Result<(), SubmitError> {
    use sea_orm::{QuerySelect, TransactionTrait};
    let txn = db.begin().await?;
    response::Entity::insert(row).exec_without_returning(&txn).await?;
    let now = survey::Entity::find_by_id(s.id)
        .lock_shared()
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    issuance::require_open(now.state)?;
    txn.commit().await?;
    Ok(())
}

fn bad_token(why: &str) -> SubmitError {
    AppError::bad(
        format!("the ballot (token) is not valid: {why}"),
        format!("回答券が正しくありません: {why}"),
    )
    .into()
}

/// At close: rewrites the survey's responses in random order under fresh ids, so that row order,
/// row ids and transaction ids no longer follow arrival, and returns the tally summary to publish.
pub async fn rewrite_and_tally(
    txn: &impl ConnectionTrait,
    settings: &crate::Settings,
    s: &survey::Model,
) -> Result<serde_json::Value, AppError> {
    let mut rows = response::Entity::find()
        .filter(response::Column::SurveyId.eq(s.id))
        .all(txn)
        .await?;
    response::Entity::delete_many()
        .filter(response::Column::SurveyId.eq(s.id))
        .exec(txn)
        .await?;
    rows.shuffle(&mut rand::rng());
    for chunk in rows.chunks(500) {
        let fresh = chunk.iter().map(|r| response::ActiveModel {
            id: Set(Uuid::new_v4()),
            ..response::ActiveModel::from(r.clone())
        });
        response::Entity::insert_many(fresh).exec_without_returning(txn).await?;
    }
    let keys = issuance::keys(txn, s.id).await?;
    let tally = tally_of(settings, s, &keys, &rows)?;
    Ok(summary(s, &tally, &keys, &rows))
}

/// After the rewrite is committed: lets the database drop the old rows' pages, which still hold
/// them in arrival order. Failing here leaves the data correct, so it is logged, not raised.
pub async fn compact(db: &impl ConnectionTrait) {
    let sql = match db.get_database_backend() {
        DbBackend::Postgres => "VACUUM FULL responses",
        _ => "VACUUM",
    };
    if let Err(e) = db.execute_unprepared(sql).await {
        tracing::warn!(error = %e, "could not compact the responses after close");
    }
    if db.get_database_backend() == DbBackend::Sqlite
        && let Err(e) = db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)").await
    {
        tracing::warn!(error = %e, "could not checkpoint the write-ahead log after close");
    }
}

/// The full tally of a survey's counted responses, for the auditor.
pub async fn tally(
    db: &impl ConnectionTrait,
    settings: &crate::Settings,
    s: &survey::Model,
) -> Result<Tally, AppError> {
    let rows = response::Entity::find()
        .filter(response::Column::SurveyId.eq(s.id))
        .all(db)
        .await?;
    tally_of(settings, s, &issuance::keys(db, s.id).await?, &rows)
}

fn tally_of(
    settings: &crate::Settings,
    s: &survey::Model,
    keys: &[issuer_key::Model],
    rows: &[response::Model],
) -> Result<Tally, AppError> {
    let keys = keys
        .iter()
        .map(|k| Ok((issuance::public_key(k)?, k.segment.clone())))
        .collect::<Result<Vec<_>, AppError>>()?;
    let tokens = rows
        .iter()
        .map(|r| {
            let token = URL_SAFE_NO_PAD.decode(&r.token).map_err(AppError::internal)?;
            let digest = unhex(&r.answers_digest, "answers digest").map_err(AppError::internal)?;
            Ok((token, digest))
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(Tally::build(
        &s.id.to_string(),
        &issuance::challenge(settings, s.id),
        &keys,
        tokens.iter().map(|(token, digest)| Counted {
            token,
            answers_digest: *digest,
        }),
    ))
}

/// What the public tally page shows: the count, the root and the segments' counts, hidden as in the
/// reports (below k, and with partners until the hidden ones together reach k).
fn summary(
    s: &survey::Model,
    tally: &Tally,
    keys: &[issuer_key::Model],
    rows: &[response::Model],
) -> serde_json::Value {
    let counts: Vec<(String, u64)> = keys
        .iter()
        .map(|k| {
            (
                k.segment.clone(),
                rows.iter().filter(|r| r.key_id == k.key_id).count() as u64,
            )
        })
        .collect();
    // The count is published whatever it is (the tally must be checkable), so the segments follow
    // the reports' rule with the total shown.
    let ns: Vec<u64> = counts.iter().map(|(_, n)| *n).collect();
    let hidden = survey_analysis::report::hidden_groups(&ns, u64::try_from(s.k_threshold).unwrap_or(u64::MAX), true);
    let counts: Vec<&(String, u64)> = counts.iter().zip(hidden).filter(|(_, h)| !h).map(|(c, _)| c).collect();
    serde_json::json!({
        "count": tally.count,
        "root": tally.root,
        "segments": counts,
    })
}

/// Whether a receipt (hex) is among the survey's stored responses.
pub async fn is_stored(db: &impl ConnectionTrait, s: &survey::Model, receipt_hex: &str) -> Result<bool, AppError> {
    Ok(response::Entity::find()
        .filter(response::Column::SurveyId.eq(s.id))
        .filter(response::Column::Receipt.eq(receipt_hex.trim().to_ascii_lowercase()))
        .one(db)
        .await?
        .is_some())
}
