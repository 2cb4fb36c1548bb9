//! What management sees of a survey before its report: ballots taken, overall and per segment.
//! A segment's figure is shown only where the segment has at least *k* ballots, with partners
//! hidden as in the reports (`survey_analysis::HiddenGroups`), rounded to 5 %; during fieldwork
//! the figures are taken at most once a day (UTC) and kept, so every server shows the same ones and
//! nothing finer than a day — who acted, and when — can be read from them.

use chrono::{NaiveDate, Utc};
use sea_orm::{ConnectionTrait, EntityTrait, Set};
use serde::{Deserialize, Serialize};
use survey_analysis::HiddenGroups;

use crate::domain::SurveyState;
use crate::error::AppError;
use crate::services::responses;
use crate::services::roster::{self, Rates};
use crate::storage::{live_figures, survey};

/// Management's figures of one survey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientFigures {
    /// The overall share of invitees who took a ballot, or a dash below *k* invitees.
    pub overall: String,
    /// (segment label, percent rounded to 5) of the segments that may be shown, in label order.
    pub segments: Vec<(String, u32)>,
    /// The day the figures were taken, during fieldwork.
    pub day: Option<NaiveDate>,
}

pub async fn client_figures(db: &impl ConnectionTrait, s: &survey::Model) -> Result<ClientFigures, AppError> {
    if s.state != SurveyState::Open {
        // After the close, at least the segments the tally hid stay hidden here too.
        let hidden = responses::hidden_segments(s).unwrap_or_default();
        return Ok(figures(&roster::rates(db, s.id).await?, s.k_threshold, &hidden, None));
    }
    let today = Utc::now().date_naive();
    if let Some(kept) = live_figures::Entity::find_by_id((s.id, today)).one(db).await? {
        return serde_json::from_value(kept.figures).map_err(AppError::internal);
    }
    let taken = figures(
        &roster::rates(db, s.id).await?,
        s.k_threshold,
        &HiddenGroups::default(),
        Some(today),
    );
    let row = live_figures::ActiveModel {
        survey_id: Set(s.id),
        day: Set(today),
        figures: Set(serde_json::to_value(&taken).map_err(AppError::internal)?),
    };
    // Two servers taking today's figures at once: the first one kept is the one shown.
    live_figures::Entity::insert(row)
        .on_conflict_do_nothing_on([live_figures::Column::SurveyId, live_figures::Column::Day])
        .exec(db)
        .await?;
    let kept = live_figures::Entity::find_by_id((s.id, today))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    serde_json::from_value(kept.figures).map_err(AppError::internal)
}

fn figures(rates: &Rates, k: i32, hidden: &HiddenGroups, day: Option<NaiveDate>) -> ClientFigures {
    let k_u64 = u64::try_from(k).unwrap_or(u64::MAX);
    let ballots: Vec<(&str, u64)> = rates
        .segments
        .iter()
        .map(|r| (r.segment.as_str(), u64::try_from(r.tokens_issued).unwrap_or(0)))
        .collect();
    let hidden = hidden.within(&ballots, k_u64);
    let segments = rates
        .segments
        .iter()
        .filter(|r| !hidden.contains(&r.segment) && r.invitees > 0)
        .map(|r| (r.segment.clone(), rounded_to_5(r.tokens_issued, r.invitees)))
        .collect();
    ClientFigures {
        overall: rates.overall_shown(k),
        segments,
        day,
    }
}

/// `part` of `whole` in percent, to the nearest multiple of 5.
fn rounded_to_5(part: i64, whole: i64) -> u32 {
    let percent = part as f64 * 100.0 / whole as f64;
    ((percent / 5.0).round() * 5.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::roster::SegmentRate;

    fn rates(rows: &[(&str, i64, i64)]) -> Rates {
        let segments: Vec<SegmentRate> = rows
            .iter()
            .map(|(s, invitees, taken)| SegmentRate {
                segment: (*s).to_owned(),
                invitees: *invitees,
                tokens_issued: *taken,
            })
            .collect();
        Rates {
            invitees: segments.iter().map(|r| r.invitees).sum(),
            tokens_issued: segments.iter().map(|r| r.tokens_issued).sum(),
            segments,
        }
    }

    #[test]
    fn a_segment_with_fewer_than_k_ballots_is_hidden_with_a_partner() {
        // One of six took a ballot in Legal: showing Legal, or Sales and the total, would tell.
        let rates = rates(&[("d=Legal", 6, 1), ("d=Sales", 40, 23), ("d=Dev", 50, 31)]);
        let shown = figures(&rates, 5, &HiddenGroups::default(), None);
        assert_eq!(shown.segments, [("d=Dev".to_owned(), 60)]);
    }

    #[test]
    fn after_the_close_the_segments_the_tally_hid_stay_hidden() {
        let rates = rates(&[("d=Legal", 20, 19), ("d=Sales", 40, 23), ("d=Dev", 50, 31)]);
        let stored: HiddenGroups = ["d=Legal".to_owned(), "d=Sales".to_owned()].into_iter().collect();
        let shown = figures(&rates, 5, &stored, None);
        assert_eq!(shown.segments, [("d=Dev".to_owned(), 60)]);
    }

    #[test]
    fn shares_are_rounded_to_five_percent() {
        assert_eq!(rounded_to_5(23, 40), 60);
        assert_eq!(rounded_to_5(31, 50), 60);
        assert_eq!(rounded_to_5(1, 40), 5);
        assert_eq!(rounded_to_5(0, 40), 0);
    }
}
