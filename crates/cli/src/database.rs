//! What the commands that use the server's configuration and database share (`serve`, `migrate`,
//! `admin`, `roster`, `keys`, `report --survey`): the settings, an async runtime, and finding a
//! survey by id.

use std::path::Path;

use survey_server::Settings;
use survey_server::domain::SurveyId;
use survey_server::error::AppError;
use survey_server::storage::survey;

use crate::error::CliError;

/// The server's settings: defaults, then `--config`, then `SURVEY__…` variables.
pub fn settings(config: Option<&Path>) -> Result<Settings, CliError> {
    Ok(Settings::load(config)?)
}

/// Runs `work` on actix's runtime, which the server needs (a tokio runtime per worker thread) and
/// the other commands can share.
pub fn block_on<T>(work: impl std::future::Future<Output = T>) -> T {
    actix_web::rt::System::new().block_on(work)
}

/// A survey by id, or a message naming the id that is not there.
pub async fn find_survey(db: &sea_orm::DatabaseConnection, id: SurveyId) -> Result<survey::Model, CliError> {
    survey_server::services::surveys::find(db, id)
        .await
        .map_err(|e| match e {
            AppError::NotFound => CliError::Usage(format!("no survey {id} in the database")),
            e => CliError::server(format!("read survey {id}"), e),
        })
}
