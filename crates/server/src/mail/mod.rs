//! Sending e-mail: into an outbox folder (each message an `.eml` file) by default, or through an
//! SMTP server when one is configured, with a few attempts per message.
//!
//! A message of a survey is written to the outbox with a first header line `X-Survey: <survey id>`
//! (the id only: nothing about the person), so that the roster purge can delete the survey's
//! messages — their addresses and invitation codes — with the roster ([`Mailer::purge_survey`]).
//! SMTP keeps nothing, so there is nothing to purge there.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use lettre::message::{Mailbox, Message, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use crate::config::Settings;
use crate::domain::SurveyId;

#[derive(Clone)]
pub enum Mailer {
    Outbox(Arc<PathBuf>),
    Smtp {
        transport: Arc<AsyncSmtpTransport<Tokio1Executor>>,
        attempts: u32,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("`{0}` is not an e-mail address")]
    Address(String),
    #[error("the message could not be built")]
    Build(#[from] lettre::error::Error),
    #[error("the message could not be written to the outbox")]
    Outbox(#[from] std::io::Error),
    #[error("the SMTP server refused the message")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("the SMTP relay `{0}` is not usable")]
    Relay(String),
}

/// A message to one person.
#[derive(Debug, Clone)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// The survey the message belongs to (its invitations and reminders), for the roster purge.
    pub survey: Option<SurveyId>,
}

/// The outbox header that names a message's survey.
const SURVEY_HEADER: &str = "X-Survey";

impl Mailer {
    pub fn from_settings(settings: &Settings) -> Result<Self, MailError> {
        let Some(smtp) = &settings.mail.smtp else {
            return Ok(Self::Outbox(Arc::new(settings.outbox())));
        };
        let builder = match smtp.security.as_str() {
            "tls" => AsyncSmtpTransport::<Tokio1Executor>::relay(&smtp.host),
            "starttls" => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host),
            "none" => Ok(AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)),
            other => return Err(MailError::Relay(format!("{other} (use none, starttls or tls)"))),
        }
        .map_err(|e| MailError::Relay(format!("{}: {e}", smtp.host)))?;
        let mut builder = builder.port(smtp.port).timeout(Some(Duration::from_secs(20)));
        if let (Some(user), Some(password)) = (&smtp.username, &smtp.password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.expose().to_owned()));
        }
        Ok(Self::Smtp {
            transport: Arc::new(builder.build()),
            attempts: smtp.attempts.max(1),
        })
    }

    pub async fn send(&self, from: &str, mail: &Mail) -> Result<(), MailError> {
        let from: Mailbox = from.parse().map_err(|_| MailError::Address(from.to_owned()))?;
        let to: Mailbox = mail.to.parse().map_err(|_| MailError::Address(mail.to.clone()))?;
        let message = Message::builder()
            .from(from)
            .to(to)
            .subject(&mail.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())?;
        match self {
            Self::Outbox(dir) => {
                tokio::fs::create_dir_all(dir.as_ref()).await?;
                let name = format!(
                    "{}-{}.eml",
                    chrono::Utc::now().format("%Y%m%dT%H%M%S%.6f"),
                    uuid::Uuid::new_v4()
                );
                let mut bytes = match mail.survey {
                    Some(survey) => format!("{SURVEY_HEADER}: {survey}\r\n").into_bytes(),
                    None => Vec::new(),
                };
                bytes.extend(message.formatted());
                // Written whole, then renamed: a reader of the outbox never sees half a message.
                let partial = dir.join(format!(".{name}.partial"));
                tokio::fs::write(&partial, bytes).await?;
                tokio::fs::rename(&partial, dir.join(name)).await?;
                Ok(())
            }
            Self::Smtp { transport, attempts } => {
                let mut tried = 0;
                loop {
                    tried += 1;
                    match transport.send(message.clone()).await {
                        Ok(_) => return Ok(()),
                        Err(e) if tried < *attempts && !e.is_permanent() => {
                            tracing::warn!(error = %e, attempt = tried, "SMTP send failed; retrying");
                            tokio::time::sleep(Duration::from_millis(250 * u64::from(tried))).await;
                        }
                        Err(e) => return Err(e.into()),
                    }
                }
            }
        }
    }

    /// Deletes every message of `survey` from the outbox (those half written included), each
    /// overwritten with zeros first; returns how many. A message is recognised by its first header
    /// line, so nothing else of the outbox is read or touched. (Zeroing is best effort: a
    /// copy-on-write or journalling file system may keep old blocks elsewhere.) With SMTP, messages
    /// leave the server and nothing is kept: 0.
    pub async fn purge_survey(&self, survey: SurveyId) -> Result<usize, MailError> {
        let Self::Outbox(dir) = self else {
            return Ok(0);
        };
        let mut entries = match tokio::fs::read_dir(dir.as_ref()).await {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e.into()),
        };
        let first_line = format!("{SURVEY_HEADER}: {survey}\r\n");
        let mut purged = 0;
        while let Some(entry) = entries.next_entry().await? {
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if !(name.ends_with(".eml") || name.ends_with(".partial")) || !entry.file_type().await?.is_file() {
                continue;
            }
            let bytes = match tokio::fs::read(&path).await {
                Ok(bytes) => bytes,
                // Sent on meanwhile (renamed or removed by another process): nothing left to purge.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e.into()),
            };
            if bytes.starts_with(first_line.as_bytes()) {
                tokio::fs::write(&path, vec![0u8; bytes.len()]).await?;
                tokio::fs::remove_file(&path).await?;
                purged += 1;
            }
        }
        Ok(purged)
    }
}
