//! Issuer keys and token issuance.
//!
//! Each segment of a survey gets its own RSA-2048 key pair when the survey is scheduled; the private
//! half is stored sealed under the master key and opened into memory the first time it signs.
//! `POST /i/{code}/token-request` signs the blinded message and marks the invitation as having taken
//! its token with one conditional statement; the signature leaves the server only once that mark is
//! committed, so one invitation yields one signature however many requests race for it.

use std::sync::Arc;
use survey_i18n::msg;

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use survey_token::client::PendingToken;
use survey_token::issuer::{IssuerKey, MasterKey};
use survey_token::rsabssa::PublicKey;
use survey_token::tally::hex;
use survey_token::wire::{TokenChallenge, TokenRequest, survey_challenge};
use uuid::Uuid;

use crate::domain::ReminderMode;
use crate::error::AppError;
use crate::memo::Memo;
use crate::services::surveys::{self, State};
use crate::storage::{invitation, invitation_code, issuer_key, spent_code, survey};

/// The issuer keys in use, kept in memory and shared by every worker: signing keys by survey and
/// segment (opened from their sealed form the first time they sign), public keys by key id.
///
/// A survey's keys are made at scheduling and only dropped if it goes back to draft, which an open
/// survey cannot: keys are looked up here only for open surveys, so an entry never goes stale.
#[derive(Clone)]
pub struct Issuers {
    master: Arc<MasterKey>,
    signing: Memo<(crate::domain::SurveyId, String), Arc<IssuerKey>>,
    public: Memo<String, (crate::domain::SurveyId, PublicKey)>,
}

impl Issuers {
    pub fn new(master: MasterKey) -> Self {
        Self {
            master: Arc::new(master),
            signing: Memo::default(),
            public: Memo::default(),
        }
    }

    /// The signing key of the invitee's segment.
    async fn signing_key(
        &self,
        db: &impl ConnectionTrait,
        survey_id: crate::domain::SurveyId,
        segment: &str,
    ) -> Result<Arc<IssuerKey>, AppError> {
        let slot = (survey_id, segment.to_owned());
        if let Some(key) = self.signing.get(&slot) {
            return Ok(key);
        }
        let row = key_for(db, survey_id, segment).await?;
        let id = key_id_bytes(&row.key_id)?;
        let key = Arc::new(IssuerKey::open(&self.master, &id, &row.sealed_private_key).map_err(AppError::internal)?);
        self.signing.put(slot, key.clone());
        Ok(key)
    }

    /// The public key with this id (hex), with the survey it belongs to.
    pub async fn public_key(
        &self,
        db: &impl ConnectionTrait,
        key_id: &str,
    ) -> Result<Option<(crate::domain::SurveyId, PublicKey)>, AppError> {
        if let Some(found) = self.public.get(&key_id.to_owned()) {
            return Ok(Some(found));
        }
        let Some(row) = issuer_key::Entity::find_by_id(key_id.to_owned()).one(db).await? else {
            return Ok(None);
        };
        let found = (row.survey_id, public_key(&row)?);
        self.public.put(key_id.to_owned(), found.clone());
        Ok(Some(found))
    }
}

/// Master key rotation: every issuer key opened with `old` and sealed again with `new`, in one
/// transaction, so the database never holds keys under a mix of the two. Returns how many.
pub async fn reseal(
    db: &sea_orm::DatabaseConnection,
    actor: &str,
    old: &MasterKey,
    new: &MasterKey,
) -> Result<usize, AppError> {
    use sea_orm::{ActiveModelTrait, IntoActiveModel, TransactionTrait};
    let txn = db.begin().await?;
    let rows = issuer_key::Entity::find().all(&txn).await?;
    let count = rows.len();
    for row in rows {
        let key = IssuerKey::open(old, &key_id_bytes(&row.key_id)?, &row.sealed_private_key).map_err(|e| {
            AppError::BadRequest(msg!(
                "error-issuer-key-sealed-otherwise",
                key = row.key_id.as_str(),
                e = e.to_string()
            ))
        })?;
        let sealed = key.seal(new).map_err(AppError::internal)?;
        let mut active = row.into_active_model();
        active.sealed_private_key = Set(sealed);
        active.update(&txn).await?;
    }
    crate::services::audit::record(&txn, actor, "master key rotated", &format!("{count} issuer keys")).await?;
    txn.commit().await?;
    Ok(count)
}

fn key_id_bytes(hex_id: &str) -> Result<[u8; 32], AppError> {
    survey_token::tally::unhex(hex_id, "key id").map_err(AppError::internal)
}

/// Makes one key pair per segment of the survey's roster (at scheduling), inside `txn`.
pub async fn make_keys(
    txn: &impl ConnectionTrait,
    issuers: &Issuers,
    survey_id: crate::domain::SurveyId,
) -> Result<(), AppError> {
    let segments: Vec<String> = invitation::Entity::find()
        .select_only()
        .column(invitation::Column::Segment)
        .distinct()
        .filter(invitation::Column::SurveyId.eq(survey_id))
        .order_by_asc(invitation::Column::Segment)
        .into_tuple()
        .all(txn)
        .await?;
    let master = issuers.master.clone();
    let count = segments.len();
    // Key generation is CPU work of tens of milliseconds per key: off the async workers.
    let sealed = actix_web::web::block(move || {
        (0..count)
            .map(|_| {
                let key = IssuerKey::generate()?;
                Ok((key.public_key().clone(), key.seal(&master)?))
            })
            .collect::<Result<Vec<_>, survey_token::TokenError>>()
    })
    .await
    .map_err(AppError::internal)?
    .map_err(AppError::internal)?;
    for (segment, (public, sealed)) in segments.into_iter().zip(sealed) {
        issuer_key::Entity::insert(issuer_key::ActiveModel {
            key_id: Set(hex(&public.key_id())),
            survey_id: Set(survey_id),
            segment: Set(segment),
            public_key: Set(public.to_spki()),
            sealed_private_key: Set(sealed),
        })
        .exec(txn)
        .await?;
    }
    Ok(())
}

/// Removes a survey's keys (when it goes back to draft: the roster may change).
pub async fn drop_keys(txn: &impl ConnectionTrait, survey_id: crate::domain::SurveyId) -> Result<(), AppError> {
    issuer_key::Entity::delete_many()
        .filter(issuer_key::Column::SurveyId.eq(survey_id))
        .exec(txn)
        .await?;
    Ok(())
}

/// The survey's published keys, in segment order.
pub async fn keys(
    db: &impl ConnectionTrait,
    survey_id: crate::domain::SurveyId,
) -> Result<Vec<issuer_key::Model>, AppError> {
    Ok(issuer_key::Entity::find()
        .filter(issuer_key::Column::SurveyId.eq(survey_id))
        .order_by_asc(issuer_key::Column::Segment)
        .all(db)
        .await?)
}

pub fn public_key(row: &issuer_key::Model) -> Result<PublicKey, AppError> {
    PublicKey::from_spki(&row.public_key).map_err(AppError::internal)
}

/// The challenge every token of this survey is bound to.
pub fn challenge(settings: &crate::Settings, survey_id: crate::domain::SurveyId) -> TokenChallenge {
    survey_challenge(settings.public_host(), survey_id.0.as_bytes())
}

/// The invitation an invitation code opens, with its survey.
pub async fn invitation_by_code(
    db: &impl ConnectionTrait,
    hmac_key: &ring::hmac::Key,
    code: &str,
) -> Result<(invitation::Model, survey::Model), AppError> {
    let invitee = invitation::Entity::find()
        .filter(opened_by(hmac_key, code))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let s = surveys::find(db, invitee.survey_id).await?;
    Ok((invitee, s))
}

/// The invitation whose code is `code` (stored only as its HMAC).
fn opened_by(hmac_key: &ring::hmac::Key, code: &str) -> sea_orm::Condition {
    sea_orm::Condition::all().add(
        invitation::Column::Id.in_subquery(
            sea_orm::sea_query::Query::select()
                .column(invitation_code::Column::InvitationId)
                .from(invitation_code::Entity)
                .and_where(
                    invitation_code::Column::CodeHmac.eq(crate::services::invitations::code_hmac(hmac_key, code)),
                )
                .to_owned(),
        ),
    )
}

/// What a token request needs to know of its invitation and survey, read in one query: this is on
/// the path of every request.
#[derive(Debug, sea_orm::FromQueryResult)]
struct Requester {
    id: Uuid,
    survey_id: crate::domain::SurveyId,
    segment: String,
    token_issued: bool,
    state: State,
    reminder_mode: ReminderMode,
}

async fn requester(db: &impl ConnectionTrait, hmac_key: &ring::hmac::Key, code: &str) -> Result<Requester, AppError> {
    invitation::Entity::find()
        .select_only()
        .columns([
            invitation::Column::Id,
            invitation::Column::SurveyId,
            invitation::Column::Segment,
            invitation::Column::TokenIssued,
        ])
        .column_as(survey::Column::State, "state")
        .column_as(survey::Column::ReminderMode, "reminder_mode")
        .join(
            sea_orm::JoinType::InnerJoin,
            invitation::Entity::belongs_to(survey::Entity)
                .from(invitation::Column::SurveyId)
                .to(survey::Column::Id)
                .into(),
        )
        .filter(opened_by(hmac_key, code))
        .into_model::<Requester>()
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// The key of a survey segment.
pub async fn key_for(
    db: &impl ConnectionTrait,
    survey_id: crate::domain::SurveyId,
    segment: &str,
) -> Result<issuer_key::Model, AppError> {
    issuer_key::Entity::find()
        .filter(issuer_key::Column::SurveyId.eq(survey_id))
        .filter(issuer_key::Column::Segment.eq(segment))
        .one(db)
        .await?
        .ok_or_else(|| AppError::internal("a scheduled survey's segment has no issuer key"))
}

/// Refuses unless the survey takes answers now, saying when it does.
pub fn require_open(state: State) -> Result<(), AppError> {
    match state {
        State::Open => Ok(()),
        State::Draft | State::Scheduled => Err(AppError::Conflict(msg!("error-survey-not-open-yet-please"))),
        State::Closed | State::Published => Err(AppError::Conflict(msg!("error-survey-closed-no-longer-takes"))),
    }
}

/// Issues the invitation's one token: checks the request fits the invitee's key, signs, and
/// marks the invitation — only if it was not marked — before the signature leaves. Returns the
/// `TokenResponse` bytes.
pub async fn issue(
    db: &sea_orm::DatabaseConnection,
    issuers: &Issuers,
    hmac_key: &ring::hmac::Key,
    code: &str,
    body: &[u8],
) -> Result<Vec<u8>, AppError> {
    let request = TokenRequest::parse(body)
        .map_err(|e| AppError::BadRequest(msg!("error-token-request-not-valid", e = e.to_string())))?;
    let invitee = requester(db, hmac_key, code).await?;
    require_open(invitee.state)?;
    if invitee.token_issued {
        return Err(already_issued());
    }
    let key = issuers.signing_key(db, invitee.survey_id, &invitee.segment).await?;
    if request.truncated_token_key_id != key.public_key().key_id()[31] {
        return Err(AppError::BadRequest(msg!("error-token-request-names-another-key")));
    }
    let signature = sign(key, request.blinded_msg).await?;
    let ballot = Ballot {
        mode: invitee.reminder_mode,
        survey_id: invitee.survey_id,
        invitation_id: invitee.id,
        segment: &invitee.segment,
    };
    spend(db, hmac_key, &ballot, code).await?;
    Ok(signature)
}

/// The operator-trusted fallback for browsers without JavaScript: the server blinds, signs and
/// finalises the token itself. It therefore sees the token it hands out — weaker, and labelled so
/// wherever it appears. Returns the token, base64url.
pub async fn issue_on_server(
    db: &sea_orm::DatabaseConnection,
    issuers: &Issuers,
    settings: &crate::Settings,
    hmac_key: &ring::hmac::Key,
    s: &survey::Model,
    invitee: &invitation::Model,
    code: &str,
) -> Result<String, AppError> {
    if invitee.token_issued {
        return Err(already_issued());
    }
    let key = issuers.signing_key(db, invitee.survey_id, &invitee.segment).await?;
    let challenge = challenge(settings, invitee.survey_id).digest();
    let (pending, request) =
        PendingToken::new(key.public_key(), challenge, &mut rand::rng()).map_err(AppError::internal)?;
    let blind_sig = sign(key, request.blinded_msg).await?;
    let ballot = Ballot {
        mode: s.reminder_mode,
        survey_id: invitee.survey_id,
        invitation_id: invitee.id,
        segment: &invitee.segment,
    };
    spend(db, hmac_key, &ballot, code).await?;
    let token = pending.finish(&blind_sig).map_err(AppError::internal)?;
    Ok(base64::Engine::encode(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD,
        token.to_bytes(),
    ))
}

/// BlindSign, checked before it returns (see `survey_token::issuer`); about a quarter of a
/// millisecond of CPU, so off the async workers.
async fn sign(key: Arc<IssuerKey>, blinded: Vec<u8>) -> Result<Vec<u8>, AppError> {
    let signed = actix_web::web::block(move || key.blind_sign(&blinded))
        .await
        .map_err(AppError::internal)?;
    signed.map_err(|e| match e {
        survey_token::TokenError::OutOfRange | survey_token::TokenError::Length { .. } => {
            AppError::BadRequest(msg!("error-blinded-message-cannot-signed", e = e.to_string()))
        }
        other => AppError::internal(other),
    })
}

/// Marks the invitation as having taken its token, in one conditional statement: of any number of
/// racing requests exactly one changes the row, and only that one's signature is handed out. A
/// signature made for a request that loses the race is dropped unseen.
/// The invitation a ballot is taken with.
struct Ballot<'a> {
    mode: ReminderMode,
    survey_id: crate::domain::SurveyId,
    invitation_id: Uuid,
    segment: &'a str,
}

/// Records that an invitation's one ballot is taken, or refuses a second. When reminders go only
/// to those without a ballot, the invitation is marked (until the close, which forgets it); when
/// they go to everyone, the code is kept spent under its own keyed hash with the segment alone, and
/// the invitation is never touched: without the code nothing joins the two.
async fn spend(
    db: &sea_orm::DatabaseConnection,
    hmac_key: &ring::hmac::Key,
    ballot: &Ballot<'_>,
    code: &str,
) -> Result<(), AppError> {
    match ballot.mode {
        ReminderMode::WithoutBallot => mark_issued(db, ballot.invitation_id).await,
        ReminderMode::Everyone => {
            let spent = spent_code::ActiveModel {
                spend_hmac: Set(crate::services::invitations::spend_hmac(hmac_key, code)),
                survey_id: Set(ballot.survey_id),
                segment: Set(ballot.segment.to_owned()),
            };
            match spent_code::Entity::insert(spent).exec_without_returning(db).await {
                Ok(_) => Ok(()),
                Err(e) if matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
                    Err(already_issued())
                }
                Err(e) => Err(e.into()),
            }
        }
    }
}

async fn mark_issued(db: &sea_orm::DatabaseConnection, invitation_id: Uuid) -> Result<(), AppError> {
    let marked = invitation::Entity::update_many()
        .col_expr(invitation::Column::TokenIssued, Expr::value(true))
        .filter(invitation::Column::Id.eq(invitation_id))
        .filter(invitation::Column::TokenIssued.eq(false))
        .exec(db)
        .await?;
    if marked.rows_affected == 1 {
        Ok(())
    } else {
        Err(already_issued())
    }
}

pub fn already_issued() -> AppError {
    AppError::Conflict(msg!("error-invitation-has-already-been-used"))
}
