//! Prometheus metrics (`/metrics`, text format) and the request log.
//!
//! The log line names the route *pattern* (`/i/{code}`), never the path, so invitation codes and
//! tokens in URLs never reach the log; no client address is logged.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web;

use crate::state::AppState;

#[derive(Clone, Default)]
pub struct Metrics {
    /// Responses by status class: 1xx … 5xx.
    responses: Arc<[AtomicU64; 5]>,
    mails_sent: Arc<AtomicU64>,
    jobs_run: Arc<AtomicU64>,
}

impl Metrics {
    pub fn mail_sent(&self) {
        self.mails_sent.fetch_add(1, Ordering::Relaxed);
    }

    pub fn job_run(&self) {
        self.jobs_run.fetch_add(1, Ordering::Relaxed);
    }

    pub fn render(&self) -> String {
        let mut out = String::from(
            "# HELP survey_http_responses_total HTTP responses by status class.\n# TYPE survey_http_responses_total counter\n",
        );
        for (i, count) in self.responses.iter().enumerate() {
            out.push_str(&format!(
                "survey_http_responses_total{{class=\"{}xx\"}} {}\n",
                i + 1,
                count.load(Ordering::Relaxed)
            ));
        }
        out.push_str("# HELP survey_mails_sent_total E-mails handed to the outbox or SMTP server.\n# TYPE survey_mails_sent_total counter\n");
        out.push_str(&format!(
            "survey_mails_sent_total {}\n",
            self.mails_sent.load(Ordering::Relaxed)
        ));
        out.push_str("# HELP survey_jobs_run_total Scheduled jobs completed by this process.\n# TYPE survey_jobs_run_total counter\n");
        out.push_str(&format!(
            "survey_jobs_run_total {}\n",
            self.jobs_run.load(Ordering::Relaxed)
        ));
        out
    }
}

/// Counts and logs every request.
pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let method = req.method().clone();
    let pattern = req.match_pattern().unwrap_or_else(|| "(unmatched)".to_owned());
    let metrics = req.app_data::<web::Data<AppState>>().map(|s| s.metrics.clone());
    let response = next.call(req).await?;
    let status = response.status().as_u16();
    if let Some(metrics) = metrics
        && let Some(counter) = metrics.responses.get(usize::from(status / 100).saturating_sub(1))
    {
        counter.fetch_add(1, Ordering::Relaxed);
    }
    tracing::info!(%method, route = %pattern, status, ms = started.elapsed().as_millis() as u64, "request");
    Ok(response)
}
