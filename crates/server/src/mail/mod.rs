//! Sending e-mail: into an outbox folder (each message an `.eml` file) by default, or through an
//! SMTP server when one is configured, with a few attempts per message.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use lettre::message::{Mailbox, Message, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use crate::config::Settings;

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
}

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
                // Written whole, then renamed: a reader of the outbox never sees half a message.
                let partial = dir.join(format!(".{name}.partial"));
                tokio::fs::write(&partial, message.formatted()).await?;
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
}
