//! Sending the outbox: a worker claims due emails, renders each in its language from the
//! locale files (`csp_core::mail`), sends it through lettre (SMTP or a folder of `.eml`
//! files) and marks it sent, or schedules another try with a doubling delay. A send the SMTP
//! server refused for good (5xx) is given up at once; anything else is tried again. Delivery
//! is at least once: a crash between the server's "250 OK" and the mark sends it again, with
//! the same `Message-ID`, so the mailbox can tell.

use crate::config::MailConfig;
use crate::rows::OutboxRow;
use crate::state::{now, Shared};
use csp_core::mail::{language, render, Brand, Mail};
use csp_core::messages::Messages;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::sync::OnceLock;
use std::time::Duration;

/// A claim lasts this long: longer than the SMTP timeout, so a live worker finishes first.
const LEASE_SECS: i64 = 120;
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);
/// Tries before an email is given up (about 14 hours with the default 5 s start).
pub const MAX_ATTEMPTS: i64 = 18;
const MAX_DELAY_SECS: i64 = 3600;
/// How often a worker looks for emails other instances queued, or retries came due.
const POLL: Duration = Duration::from_secs(2);

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Dir(AsyncFileTransport<Tokio1Executor>),
}

pub struct Mailer {
    transport: Transport,
    from: Mailbox,
    brand: Brand,
    retry_base: i64,
}

/// Why one email was not sent.
#[derive(Debug)]
pub enum SendError {
    /// Trying again will not help (a malformed address, a 5xx answer).
    Permanent(String),
    Transient(String),
}

fn locales() -> &'static [(&'static str, Messages)] {
    static LOCALES: OnceLock<Vec<(&'static str, Messages)>> = OnceLock::new();
    LOCALES.get_or_init(|| {
        vec![
            (
                "en",
                Messages::parse(include_str!("../../../static/locales/en.ftl")),
            ),
            (
                "ru",
                Messages::parse(include_str!("../../../static/locales/ru.ftl")),
            ),
            (
                "zh-CN",
                Messages::parse(include_str!("../../../static/locales/zh-CN.ftl")),
            ),
            (
                "fr",
                Messages::parse(include_str!("../../../static/locales/fr.ftl")),
            ),
        ]
    })
}

fn messages(tag: &str) -> &'static Messages {
    let tag = language(tag);
    let all = locales();
    &all.iter().find(|(t, _)| *t == tag).unwrap_or(&all[0]).1
}

/// The delay before try number `attempts + 1`: the base, doubled for each try so far.
pub fn retry_delay(base: i64, attempts: i64) -> i64 {
    let doublings = (attempts - 1).clamp(0, 20) as u32;
    base.saturating_mul(1 << doublings).min(MAX_DELAY_SECS)
}

impl Mailer {
    /// The configured transport; `Ok(None)` when neither SMTP nor a folder is configured (the
    /// outbox keeps every email until one is).
    pub fn new(cfg: &MailConfig) -> Result<Option<Mailer>, String> {
        let transport = match (&cfg.smtp_url, &cfg.dir) {
            (Some(url), _) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| format!("--smtp-url: {e}"))?
                    .timeout(Some(SMTP_TIMEOUT))
                    .build(),
            ),
            (None, Some(dir)) => {
                std::fs::create_dir_all(dir)
                    .map_err(|e| format!("--mail-dir {}: {e}", dir.display()))?;
                Transport::Dir(AsyncFileTransport::<Tokio1Executor>::new(dir))
            }
            (None, None) => return Ok(None),
        };
        let from = cfg
            .from
            .parse::<Mailbox>()
            .map_err(|e| format!("--mail-from {:?}: {e}", cfg.from))?;
        Ok(Some(Mailer {
            transport,
            from,
            brand: Brand {
                product: cfg.product.clone(),
                vendor: cfg.vendor.clone(),
            },
            retry_base: cfg.retry_base.as_secs().max(1) as i64,
        }))
    }

    /// The email as it goes out: text and HTML in the row's language.
    pub fn message(&self, row: &OutboxRow) -> Result<Message, SendError> {
        let mail: Mail = serde_json::from_str(&row.mail)
            .map_err(|e| SendError::Permanent(format!("unreadable outbox row: {e}")))?;
        let to = row
            .recipient
            .parse::<Mailbox>()
            .map_err(|e| SendError::Permanent(format!("recipient: {e}")))?;
        let r = render(&mail, messages(&row.language), &self.brand);
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(r.subject)
            .message_id(Some(format!("<{}@{}>", row.id, self.from.email.domain())))
            .multipart(MultiPart::alternative_plain_html(r.text, r.html))
            .map_err(|e| SendError::Permanent(e.to_string()))
    }

    pub async fn send(&self, row: &OutboxRow) -> Result<(), SendError> {
        let message = self.message(row)?;
        match &self.transport {
            Transport::Smtp(t) => t.send(message).await.map(drop).map_err(|e| {
                if e.is_permanent() {
                    SendError::Permanent(e.to_string())
                } else {
                    SendError::Transient(e.to_string())
                }
            }),
            Transport::Dir(t) => t
                .send(message)
                .await
                .map(drop)
                .map_err(|e| SendError::Transient(e.to_string())),
        }
    }

    /// Claims and sends what is due now; the number of emails claimed.
    pub async fn run_once(&self, state: &Shared) -> Result<usize, sqlx::Error> {
        let t = now();
        let rows = state.store.claim_mail(t, t + LEASE_SECS, 10).await?;
        for row in &rows {
            let outcome = self.send(row).await;
            let t = now();
            match outcome {
                Ok(()) => {
                    state.store.mail_sent(&row.id, t).await?;
                    metrics::counter!("csp_emails_total", "outcome" => "sent").increment(1);
                    tracing::info!(mail = %row.id, attempts = row.attempts, "email sent");
                }
                Err(e) => {
                    let (error, retry) = match e {
                        SendError::Transient(e) if row.attempts < MAX_ATTEMPTS => {
                            (e, Some(t + retry_delay(self.retry_base, row.attempts)))
                        }
                        SendError::Transient(e) | SendError::Permanent(e) => (e, None),
                    };
                    let outcome = if retry.is_some() { "retry" } else { "failed" };
                    metrics::counter!("csp_emails_total", "outcome" => outcome).increment(1);
                    // The error names the server's answer, never the message or its links.
                    tracing::warn!(mail = %row.id, attempts = row.attempts, retry_at = ?retry, %error, "email not sent");
                    state.store.mail_failed(&row.id, &error, retry, t).await?;
                }
            }
        }
        Ok(rows.len())
    }
}

/// The worker: sends whatever is due, then waits for a wake-up (an email queued by this
/// instance) or the poll interval (one queued by another instance, or a retry coming due).
pub async fn worker(state: Shared, mailer: Mailer) {
    loop {
        match mailer.run_once(&state).await {
            Ok(n) if n > 0 => continue,
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "outbox unavailable"),
        }
        if let Ok((pending, failed)) = state.store.outbox_depth().await {
            metrics::gauge!("csp_outbox_pending").set(pending as f64);
            metrics::gauge!("csp_outbox_failed").set(failed as f64);
        }
        tokio::select! {
            _ = state.mail_queued.notified() => {}
            _ = tokio::time::sleep(POLL) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_double_from_the_base_up_to_an_hour() {
        assert_eq!(retry_delay(5, 1), 5);
        assert_eq!(retry_delay(5, 2), 10);
        assert_eq!(retry_delay(5, 4), 40);
        assert_eq!(retry_delay(5, 30), MAX_DELAY_SECS);
    }

    #[test]
    fn every_language_has_its_messages() {
        for tag in csp_core::mail::LANGUAGES {
            assert!(messages(tag).has("mail-confirm-subject"), "{tag}");
        }
        assert!(std::ptr::eq(messages("de"), messages("en")));
    }
}
