//! Invitation codes and e-mails. A code is 128 random bits, given to the invitee once in an e-mail
//! and stored only as its HMAC, so the database cannot be used to open someone's link.

use base64::Engine;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use survey_i18n::t;

use crate::error::AppError;
use crate::mail::Mail;
use crate::storage::{invitation, invitation_code, survey};

/// A fresh code, stored (as its HMAC) for `invitation`; returns the code for the e-mail.
pub async fn new_code(
    db: &impl ConnectionTrait,
    key: &ring::hmac::Key,
    invitation: &invitation::Model,
) -> Result<String, AppError> {
    let bytes: [u8; 16] = rand::random();
    let code = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    invitation_code::ActiveModel {
        code_hmac: Set(code_hmac(key, &code)),
        invitation_id: Set(invitation.id),
    }
    .insert(db)
    .await?;
    Ok(code)
}

/// The keyed hash an invitation is opened by.
pub fn code_hmac(key: &ring::hmac::Key, code: &str) -> String {
    hex(ring::hmac::sign(key, code.as_bytes()).as_ref())
}

/// The keyed hash a spent code is kept under when reminders go to everyone: another domain of the
/// same key, so it cannot be computed from the hash that opens the invitation, only from the code.
pub fn spend_hmac(key: &ring::hmac::Key, code: &str) -> String {
    let mut message = b"spent code\0".to_vec();
    message.extend_from_slice(code.as_bytes());
    hex(ring::hmac::sign(key, &message).as_ref())
}

/// The one code of an invitation when reminders go to everyone: derived from the key and the
/// invitation, so every reminder re-sends the same code without the database storing it. (Someone
/// holding both the key and the database during fieldwork could derive it; the close rewrites the
/// invitations under fresh ids and drops the spent codes, after which nothing can.)
pub fn lasting_code(key: &ring::hmac::Key, invitation: &invitation::Model) -> String {
    let mut message = b"invitation code\0".to_vec();
    message.extend_from_slice(invitation.id.as_bytes());
    let tag = ring::hmac::sign(key, &message);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&tag.as_ref()[..16])
}

/// Stores the opening hash of a lasting code once (a reminder finds it stored already).
pub async fn keep_lasting_code(
    db: &impl ConnectionTrait,
    key: &ring::hmac::Key,
    invitation: &invitation::Model,
) -> Result<String, AppError> {
    use sea_orm::EntityTrait;
    let code = lasting_code(key, invitation);
    let row = invitation_code::ActiveModel {
        code_hmac: Set(code_hmac(key, &code)),
        invitation_id: Set(invitation.id),
    };
    invitation_code::Entity::insert(row)
        .on_conflict_do_nothing_on([invitation_code::Column::CodeHmac])
        .exec(db)
        .await?;
    Ok(code)
}

fn hex(bytes: &[u8]) -> String {
    survey_token::tally::hex(bytes)
}

/// The invitation or reminder e-mail, in the invitee's language.
pub fn mail(
    s: &survey::Model,
    invitee: &invitation::Model,
    public_url: &str,
    code: &str,
    reminder: bool,
) -> Option<Mail> {
    let to = invitee.email.clone()?;
    let link = format!("{}/i/{code}", public_url.trim_end_matches('/'));
    let l = invitee.language.as_str();
    let (subject, body) = if reminder {
        (
            t!(l, "mail-reminder-subject", survey = s.name.as_str()),
            t!(l, "mail-reminder-body", link = link.as_str()),
        )
    } else {
        (
            t!(l, "mail-invitation-subject", survey = s.name.as_str()),
            t!(l, "mail-invitation-body", link = link.as_str()),
        )
    };
    Some(Mail {
        to,
        subject,
        body,
        survey: Some(s.id),
    })
}

/// At the close, in the transaction that rewrites the responses: keeps per segment how many were
/// invited, took a ballot and were reminded; erases each invitation's ballot and reminder state; and
/// rewrites the invitations (and the codes that open them) in random order under fresh ids, so that
/// neither their contents nor their storage order (PostgreSQL `xmin` and `ctid`, SQLite `rowid`)
/// follow the order in which ballots were taken. The spent codes of a survey that reminded everyone
/// are dropped once counted.
pub async fn forget_ballots(txn: &impl ConnectionTrait, s: &survey::Model) -> Result<(), AppError> {
    use std::collections::{BTreeMap, HashMap};

    use rand::seq::SliceRandom;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    use crate::domain::ReminderMode;
    use crate::storage::{segment_count, spent_code};

    let invitations = invitation::Entity::find()
        .filter(invitation::Column::SurveyId.eq(s.id))
        .all(txn)
        .await?;
    let spent = spent_code::Entity::find()
        .filter(spent_code::Column::SurveyId.eq(s.id))
        .all(txn)
        .await?;
    let mut counts: BTreeMap<&str, (i64, i64, i64)> = BTreeMap::new();
    for i in &invitations {
        let entry = counts.entry(i.segment.as_str()).or_default();
        entry.0 += 1;
        entry.1 += i64::from(i.token_issued && s.reminder_mode == ReminderMode::WithoutBallot);
        entry.2 += i64::from(i.reminders_sent);
    }
    for code in &spent {
        counts.entry(code.segment.as_str()).or_default().1 += 1;
    }
    let rows = counts
        .iter()
        .map(|(segment, (invitees, ballots, reminders))| segment_count::ActiveModel {
            survey_id: Set(s.id),
            segment: Set((*segment).to_owned()),
            invitees: Set(*invitees),
            ballots_taken: Set(*ballots),
            reminders_sent: Set(*reminders),
        });
    if !counts.is_empty() {
        segment_count::Entity::insert_many(rows)
            .exec_without_returning(txn)
            .await?;
    }
    spent_code::Entity::delete_many()
        .filter(spent_code::Column::SurveyId.eq(s.id))
        .exec(txn)
        .await?;

    let ids: Vec<uuid::Uuid> = invitations.iter().map(|i| i.id).collect();
    let mut codes = Vec::new();
    for chunk in ids.chunks(500) {
        codes.extend(
            invitation_code::Entity::find()
                .filter(invitation_code::Column::InvitationId.is_in(chunk.iter().copied()))
                .all(txn)
                .await?,
        );
        invitation_code::Entity::delete_many()
            .filter(invitation_code::Column::InvitationId.is_in(chunk.iter().copied()))
            .exec(txn)
            .await?;
    }
    invitation::Entity::delete_many()
        .filter(invitation::Column::SurveyId.eq(s.id))
        .exec(txn)
        .await?;
    let mut invitations = invitations;
    invitations.shuffle(&mut rand::rng());
    let fresh: HashMap<uuid::Uuid, uuid::Uuid> = invitations.iter().map(|i| (i.id, uuid::Uuid::new_v4())).collect();
    for chunk in invitations.chunks(500) {
        let rows = chunk.iter().map(|i| invitation::ActiveModel {
            id: Set(fresh[&i.id]),
            survey_id: Set(i.survey_id),
            email: Set(i.email.clone()),
            language: Set(i.language.clone()),
            attributes: Set(i.attributes.clone()),
            segment: Set(i.segment.clone()),
            invited: Set(i.invited),
            reminders_sent: Set(0),
            token_issued: Set(false),
        });
        invitation::Entity::insert_many(rows)
            .exec_without_returning(txn)
            .await?;
    }
    codes.shuffle(&mut rand::rng());
    for chunk in codes.chunks(500) {
        let rows = chunk.iter().map(|c| invitation_code::ActiveModel {
            code_hmac: Set(c.code_hmac.clone()),
            invitation_id: Set(fresh[&c.invitation_id]),
        });
        invitation_code::Entity::insert_many(rows)
            .exec_without_returning(txn)
            .await?;
    }
    Ok(())
}
