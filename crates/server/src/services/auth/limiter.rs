//! Failed-login counting per account, in memory: after too many failures in a window, further
//! tries are refused until the window passes. Each server process counts on its own, so with N
//! replicas an attacker gets at most N times the allowance.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

/// Failures per account, and when the current window began.
type Failures = HashMap<String, (u32, DateTime<Utc>)>;

#[derive(Clone)]
pub struct LoginLimiter {
    failures: Arc<Mutex<Failures>>,
    attempts: u32,
    window: Duration,
}

impl LoginLimiter {
    pub fn new(attempts: u32, window_minutes: i64) -> Self {
        Self {
            failures: Arc::default(),
            attempts,
            window: Duration::minutes(window_minutes),
        }
    }

    /// Minutes to wait if `account` is locked out now.
    pub fn locked(&self, account: &str) -> Option<i64> {
        let failures = self.failures.lock().ok()?;
        let (count, since) = failures.get(account)?;
        let until = *since + self.window;
        (*count >= self.attempts && until > Utc::now()).then(|| (until - Utc::now()).num_minutes() + 1)
    }

    pub fn failed(&self, account: &str) {
        if let Ok(mut failures) = self.failures.lock() {
            let now = Utc::now();
            let entry = failures.entry(account.to_owned()).or_insert((0, now));
            if entry.1 + self.window < now {
                *entry = (0, now);
            }
            entry.0 += 1;
        }
    }

    pub fn succeeded(&self, account: &str) {
        if let Ok(mut failures) = self.failures.lock() {
            failures.remove(account);
        }
    }
}
