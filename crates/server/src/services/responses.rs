//! Responses: redeemed with a token, validated, stored under a unique nonce; rewritten in random
//! order and tallied at close.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::seq::SliceRandom;
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Set, SqlErr};
use serde::Deserialize;
use survey_analysis::HiddenGroups;
use survey_design::{AnswerErrors, Lang};
use survey_i18n::msg;
use survey_token::tally::{Counted, SALT_LEN, Salt, Tally, answers_digest, hex, parse_salt, receipt, unhex};
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
    /// The response's salt, 32 random bytes in base64url, drawn by the client; hashed into the answers
    /// digest and never stored. A client that sends none gets one derived by the server (see
    /// [`derived_salt`]).
    #[serde(default)]
    pub salt: Option<String>,
}

/// What the server acknowledges for a stored response, so that the client can recompute the receipt:
/// `receipt = SHA-256(RECEIPT_LABEL || token || SHA-256(ANSWERS_LABEL || salt || canonical_answers))`.
#[derive(Debug, Clone)]
pub struct Stored {
    /// Hex.
    pub receipt: String,
    /// Base64url: the salt sent (or derived), echoed.
    pub salt: String,
    /// The canonical answer bytes as stored (UTF-8 JSON text, `survey_design::Answers::canonical_bytes`).
    pub canonical_answers: String,
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
    #[error("this response is stored already; its receipt is {}", .0.receipt)]
    AlreadyStored(Stored),
}

impl From<sea_orm::DbErr> for SubmitError {
    fn from(e: sea_orm::DbErr) -> Self {
        Self::Refused(e.into())
    }
}

/// Verifies the token, validates the answers and stores the response; returns the receipt (hex) with
/// the salt and canonical answers it was computed from.
pub async fn submit(state: &AppState, s: &survey::Model, submission: Submission) -> Result<Stored, SubmitError> {
    issuance::require_open(s.state)?;
    let questionnaire = state.questionnaires.get(s)?;
    let offered = crate::services::surveys::languages(s);
    let language = Lang::parse(&submission.language)
        .ok()
        .filter(|l| offered.iter().any(|o| o == l.as_str()))
        .ok_or_else(|| AppError::BadRequest(msg!("error-answer-language-not-offered", offered = offered.join(", "))))?;
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
    let salt = salt_of(state, submission.salt.as_deref(), &bytes)?;
    let digest = answers_digest(&salt, &canonical);
    let receipt = hex(&receipt(&bytes, &digest));
    let stored = Stored {
        receipt: receipt.clone(),
        salt: URL_SAFE_NO_PAD.encode(salt),
        canonical_answers: String::from_utf8_lossy(&canonical).into_owned(),
    };
    let row = response::ActiveModel {
        id: Set(Uuid::new_v4()),
        survey_id: Set(s.id),
        key_id: Set(key_id),
        nonce: Set(hex(&token.nonce)),
        token: Set(URL_SAFE_NO_PAD.encode(&bytes)),
        answers: Set(String::from_utf8_lossy(&canonical).into_owned()),
        answers_digest: Set(hex(&digest)),
        receipt: Set(receipt.clone()),
    };
    match store(&state.db, s, row).await {
        Ok(()) => Ok(stored),
        Err(SubmitError::Refused(AppError::Database(e)))
            if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) =>
        {
            // The receipt binds the ballot and the answers, so a stored receipt is this response.
            if is_stored(&state.db, s, &receipt).await? {
                return Err(SubmitError::AlreadyStored(stored));
            }
            Err(AppError::Conflict(msg!("error-ballot-has-already-been-used")).into())
        }
        Err(e) => Err(e),
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

/// The response's salt: the client's (32 bytes of base64url), or for a client that sends none, one
/// derived from the token.
fn salt_of(state: &AppState, given: Option<&str>, token: &[u8]) -> Result<Salt, SubmitError> {
    match given.map(str::trim).filter(|g| !g.is_empty()) {
        Some(text) => parse_salt(text)
            .map_err(|e| AppError::BadRequest(msg!("error-salt-must-32-random-bytes", e = e.to_string())).into()),
        None => Ok(derived_salt(&state.hmac_key, token)),
    }
}

/// Label of the server-derived salt.
const DERIVED_SALT_LABEL: &[u8] = b"anonymous-employee-survey/derived-salt/v1";

/// The salt of a submission that brings none: `HMAC(server key, label || token)`, cut to 32 bytes.
/// Unguessable without the server's key, like a random salt to the auditor, and the same for a resend
/// of the same submission, so that it gets its receipt back. Never stored.
pub fn derived_salt(key: &ring::hmac::Key, token: &[u8]) -> Salt {
    let tag = ring::hmac::sign(key, &[DERIVED_SALT_LABEL, token].concat());
    let mut salt = [0u8; SALT_LEN];
    salt.copy_from_slice(&tag.as_ref()[..SALT_LEN]);
    salt
}

fn bad_token(why: &str) -> SubmitError {
    AppError::BadRequest(msg!("error-ballot-token-not-valid", why = why.to_string())).into()
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

/// How long PostgreSQL's compaction waits for the readers of `responses` to let go before it fails
/// (and is retried later), instead of queueing every later reader of the table behind it.
const COMPACT_LOCK_TIMEOUT: &str = "SET lock_timeout = '5s'";

/// After the close is committed: compacts the storage, so that no page keeps the old rows in
/// arrival order — `VACUUM FULL` of the responses, invitations and codes on PostgreSQL, and on SQLite `VACUUM` then a checkpoint
/// that empties the write-ahead log (which a reader still holding it makes impossible: that is a
/// failure here, not a silent half-compaction).
///
/// Why not fail the close when this fails: neither database can compact inside a transaction
/// (PostgreSQL refuses `VACUUM` in one, SQLite's needs no transaction open on its connection), so
/// compaction can only follow the close's commit, and a close refused after it committed would be a
/// lie. Instead the close records, in its own transaction, a `compact` job for the survey
/// (`jobs::queue::add_compaction`). The close then calls this at once and marks the job done when
/// it succeeds; when it fails, the error is returned (and logged by the close), the job stays
/// pending, and the scheduler runs it again with its backoff on whichever server claims it, after a
/// restart too, until the storage is compacted. The survey page lists the job with its last error.
pub async fn compact(db: &sea_orm::DatabaseConnection) -> Result<(), AppError> {
    match db.get_database_backend() {
        DbBackend::Postgres => {
            use sea_orm::sqlx::Executor;
            // One connection of its own, closed afterwards, so its lock timeout stays with it.
            let mut conn = db
                .get_postgres_connection_pool()
                .acquire()
                .await
                .map_err(AppError::internal)?;
            conn.close_on_drop();
            conn.execute(COMPACT_LOCK_TIMEOUT).await.map_err(AppError::internal)?;
            // The invitations and their codes too: the close rewrote them so that their order no
            // longer follows the order ballots were taken, and their old pages still do.
            for vacuum in [
                "VACUUM FULL responses",
                "VACUUM FULL invitations",
                "VACUUM FULL invitation_codes",
            ] {
                conn.execute(vacuum)
                    .await
                    .map_err(|e| AppError::internal(Compaction(format!("{vacuum}: {e}"))))?;
            }
        }
        _ => {
            db.execute_unprepared("VACUUM").await?;
            let checkpoint = db
                .query_one_raw(sea_orm::Statement::from_string(
                    DbBackend::Sqlite,
                    "PRAGMA wal_checkpoint(TRUNCATE)",
                ))
                .await?;
            let busy: i32 = checkpoint.map_or(Ok(1), |row| row.try_get_by_index(0))?;
            if busy != 0 {
                return Err(AppError::internal(Compaction(
                    "the write-ahead log could not be emptied: a reader still holds it".into(),
                )));
            }
        }
    }
    Ok(())
}

/// Why the storage could not be compacted after a close.
#[derive(Debug, thiserror::Error)]
#[error("the storage could not be compacted after the close: {0}")]
pub struct Compaction(String);

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

/// What the close publishes: the count, the root, the segments' counts that may be shown, and the
/// hidden set of the segment breakdown (below k, and with partners until the hidden ones together
/// reach k), computed here once so that the public page, the portal, the API and every report file
/// hide the same segments.
fn summary(
    s: &survey::Model,
    tally: &Tally,
    keys: &[issuer_key::Model],
    rows: &[response::Model],
) -> serde_json::Value {
    let mut counts: Vec<(String, u64)> = keys
        .iter()
        .map(|k| {
            (
                k.segment.clone(),
                rows.iter().filter(|r| r.key_id == k.key_id).count() as u64,
            )
        })
        .collect();
    // Byte order, like every other view of the segments.
    counts.sort();
    // The count is published whatever it is (the tally must be checkable), so the segments follow
    // the reports' rule with the total shown.
    let hidden = HiddenGroups::compute(&counts, u64::try_from(s.k_threshold).unwrap_or(u64::MAX));
    let shown: Vec<&(String, u64)> = counts.iter().filter(|(label, _)| !hidden.contains(label)).collect();
    serde_json::json!({
        "count": tally.count,
        "root": tally.root,
        "segments": shown,
        "hidden": hidden,
    })
}

/// The hidden segments a closed survey published with its tally.
pub fn hidden_segments(s: &survey::Model) -> Option<HiddenGroups> {
    serde_json::from_value(s.tally.as_ref()?.get("hidden")?.clone()).ok()
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
