//! The analysis of a survey and its anonymity rules, in one crate: the segments of the roster,
//! with every group smaller than *k* merged before any key is made, and the lowest *k* a survey
//! may set ([`segment`]); one pass over the responses into counts ([`aggregate`]); then the report
//! model with its statistics ([`stats`]) and the suppression of small groups applied once
//! ([`report`], hiding the groups [`suppression`] picks), so that every renderer of `survey-report` (HTML, PDF, XLSX, CSV) works from
//! figures that are safe to show.
//!
//! It never touches a database: it takes the roster's attributes, a questionnaire, the responses
//! (segment and validated answers) and the invitees per segment, so the server, the CLI and
//! offline files share it.
//!
//! ```
//! use survey_analysis::{Aggregate, report};
//! use survey_design::Questionnaire;
//!
//! let q = Questionnaire::from_toml(r#"
//! id = "pulse"
//! version = 1
//! languages = ["en"]
//! default_language = "en"
//! title = { en = "Pulse" }
//! anonymity_statement = { en = "Anonymous. Nothing is shown for fewer than {k} people." }
//! [[sections]]
//! id = "main"
//! title = { en = "Questions" }
//! [[sections.questions]]
//! id = "recommend"
//! type = "rating"
//! text = { en = "Would you recommend us?" }
//! low_label = { en = "No" }
//! high_label = { en = "Yes" }
//! "#, "pulse.toml").unwrap();
//! let mut data = Aggregate::new(&q);
//! for (segment, score) in [("Sales", 10), ("Sales", 9), ("Sales", 3), ("Sales", 8), ("Sales", 10), ("Legal", 0)] {
//!     let answers = q.validate_answers(&serde_json::json!({ "recommend": score })).unwrap();
//!     data.add(&q, segment, &answers);
//! }
//! let invited = vec![("Legal".to_owned(), 4), ("Sales".to_owned(), 12)];
//! let report = report::build(&q, &data, &invited, 5, 10, &mut |_| {});
//! let recommend = &report.measures[0];
//! assert_eq!(recommend.overall.shown().unwrap().n, 6);
//! // Legal has one response: hidden, and Sales with it, or Legal would be the total minus Sales.
//! assert!(recommend.by_segment.iter().all(|(_, figure)| figure.shown().is_none()));
//! ```

pub mod aggregate;
pub mod report;
pub mod segment;
pub mod stats;
pub mod suppression;
pub mod terms;

pub use aggregate::Aggregate;
pub use report::{
    Comments, Difference, Distribution, Figure, GroupRate, Measure, Report, SegmentRow, Together, TopicFigure,
    TopicIndex, Trend,
};
pub use segment::{LabelError, MERGED, MIN_THRESHOLD, SegmentLabel, segment_roster};
pub use suppression::HiddenGroups;
