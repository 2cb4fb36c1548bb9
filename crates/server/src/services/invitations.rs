//! Invitation codes and e-mails. A code is 128 random bits, given to the invitee once in an e-mail
//! and stored only as its HMAC, so the database cannot be used to open someone's link.

use base64::Engine;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

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

pub fn code_hmac(key: &ring::hmac::Key, code: &str) -> String {
    ring::hmac::sign(key, code.as_bytes())
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
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
    let (subject, body) = if invitee.language == "ja" {
        let subject = if reminder {
            format!("【リマインド】{}へのご協力のお願い", s.name)
        } else {
            format!("{}へのご協力のお願い", s.name)
        };
        let body = format!(
            "{intro}\n\n次のリンクから回答してください（あなた専用のリンクです。転送しないでください）。\n{link}\n\n\
             この調査は、会社から独立した調査会社が実施しています。リンクを開くと、お使いのブラウザの中で匿名の回答券が作られ、\
             回答はその回答券だけで受け付けます。会社も調査会社も、誰がどう回答したかを知ることはできません。\n",
            intro = if reminder {
                "まだ回答がお済みでないようでしたら、ご協力をお願いいたします。"
            } else {
                "従業員調査へのご協力をお願いいたします。"
            },
        );
        (subject, body)
    } else {
        let subject = if reminder {
            format!("Reminder: {}", s.name)
        } else {
            format!("Invitation: {}", s.name)
        };
        let body = format!(
            "{intro}\n\nPlease answer through this link (it is yours alone; please do not forward it):\n{link}\n\n\
             The survey is run by an independent research firm, not by the company. Opening the link makes an \
             anonymous ballot in your own browser, and your answers are accepted with that ballot only: neither \
             the company nor the firm can tell who answered what.\n",
            intro = if reminder {
                "If you have not answered yet, we would appreciate your views."
            } else {
                "You are invited to take part in an employee survey."
            },
        );
        (subject, body)
    };
    Some(Mail { to, subject, body })
}
