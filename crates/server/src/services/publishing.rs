//! Publishing from the operator's page runs in the background of the server that was asked: the
//! report of a large survey takes a while to count and typeset, so the page answers at once and then
//! shows how far publishing is (refreshing itself) instead of hanging on one long request. The
//! counting awaits the database and runs on threads of its own, the typesetting off the async
//! workers, so the server keeps serving meanwhile.
//!
//! What a server is publishing is known to that server: another one shows the survey closed until
//! the files are stored, and a second "publish" there is refused by the state change, as any move
//! made meanwhile is. The API's move to `published` answers when the files are stored.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use survey_design::Lang;
use survey_i18n::{Message, msg};

use crate::domain::{SurveyId, SurveyState as State};
use crate::error::AppError;
use crate::services::{reports, surveys};
use crate::state::AppState;

/// Where publishing a survey is.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    /// Counting the responses: `done` of `of`.
    Counting { done: u64, of: u64 },
    /// Writing the files of one language.
    Writing { language: String },
    /// Stopped with this message (shown once on the survey page).
    Failed(Message),
}

/// The surveys this server is publishing.
#[derive(Clone, Default)]
pub struct Publishing(Arc<Mutex<HashMap<SurveyId, Progress>>>);

impl Publishing {
    fn with<T>(&self, work: impl FnOnce(&mut HashMap<SurveyId, Progress>) -> T) -> T {
        work(&mut self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }

    pub(crate) fn set(&self, id: SurveyId, progress: Progress) {
        self.with(|all| all.insert(id, progress));
    }

    /// Where publishing `id` is; a failure is told once and then forgotten.
    pub fn take(&self, id: SurveyId) -> Option<Progress> {
        self.with(|all| match all.get(&id) {
            Some(Progress::Failed(_)) => all.remove(&id),
            other => other.cloned(),
        })
    }

    fn running(&self, id: SurveyId) -> bool {
        self.with(|all| matches!(all.get(&id), Some(Progress::Counting { .. } | Progress::Writing { .. })))
    }

    fn done(&self, id: SurveyId) {
        self.with(|all| all.remove(&id));
    }
}

/// Checks that survey `id` can be published in `languages` (the questionnaire's default when
/// `None`), then publishes it in the background; refusals come back at once.
pub async fn start(state: &AppState, actor: &str, id: SurveyId, languages: Option<Vec<Lang>>) -> Result<(), AppError> {
    let s = surveys::find(&state.db, id).await?;
    if s.state != State::Closed {
        return Err(surveys::cannot_become(s.state, State::Published));
    }
    let q = state.questionnaires.get(&s)?;
    let languages = match languages {
        Some(asked) => reports::languages_asked(&q, &asked)?,
        None => reports::default_languages(&q),
    };
    if state.publishing.running(id) {
        return Err(AppError::Conflict(msg!("error-publishing-already")));
    }
    state.publishing.set(id, Progress::Counting { done: 0, of: 0 });
    let (state, actor) = (state.clone(), actor.to_owned());
    actix_web::rt::spawn(async move {
        let choices = surveys::Choices {
            report_languages: Some(languages),
            progress: Some(state.publishing.clone()),
            ..surveys::Choices::default()
        };
        match surveys::transition_with(&state, &actor, id, State::Published, choices).await {
            Ok(_) => state.publishing.done(id),
            Err(e) => {
                let message = match &e {
                    AppError::BadRequest(m) | AppError::Conflict(m) => m.clone(),
                    other => {
                        tracing::error!(survey = %id, error = %crate::error::chain(other), "publishing failed");
                        msg!("error-internal")
                    }
                };
                state.publishing.set(id, Progress::Failed(message));
            }
        }
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_told_while_it_runs_and_a_failure_once() {
        let publishing = Publishing::default();
        let (id, other) = (SurveyId::new(), SurveyId::new());
        publishing.set(id, Progress::Counting { done: 3, of: 9 });
        assert!(publishing.running(id) && !publishing.running(other));
        assert_eq!(publishing.take(id), Some(Progress::Counting { done: 3, of: 9 }));
        assert_eq!(
            publishing.take(id),
            Some(Progress::Counting { done: 3, of: 9 }),
            "still running"
        );
        publishing.set(id, Progress::Failed(msg!("error-publishing-already")));
        assert!(!publishing.running(id), "a failed one can be started again");
        assert!(matches!(publishing.take(id), Some(Progress::Failed(_))));
        assert_eq!(publishing.take(id), None, "told once");
        publishing.set(other, Progress::Writing { language: "ja".into() });
        publishing.done(other);
        assert_eq!(publishing.take(other), None);
    }
}
