//! What every request handler shares: the database, the configuration and the keys.

use std::sync::Arc;

use sea_orm::DatabaseConnection;

use crate::config::Settings;
use crate::mail::Mailer;
use crate::metrics::Metrics;
use crate::services::auth::LoginLimiter;
use crate::services::issuance::Issuers;
use crate::templates::Template;

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
    /// Key of the HMAC under which invitation codes are stored.
    pub hmac_key: Arc<ring::hmac::Key>,
    /// The survey segments' issuer keys, opened under the master key when first used.
    pub issuers: Issuers,
    pub mailer: Mailer,
    pub login_limiter: LoginLimiter,
    pub metrics: Metrics,
    /// Questionnaires of scheduled and later surveys, parsed once.
    pub questionnaires: crate::services::surveys::Questionnaires,
    /// Tallies of closed surveys, built once, for the receipt check.
    pub closed_tallies: crate::services::closed_tallies::ClosedTallies,
    /// The bundled templates, read from `templates_dir` at start.
    pub templates: Arc<Vec<Template>>,
    /// The surveys this server is publishing in the background, with how far each is.
    pub publishing: crate::services::publishing::Publishing,
}
