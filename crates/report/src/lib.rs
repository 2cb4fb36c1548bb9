//! Every document of a report, drawn from the suppressed report model of `survey-analysis`: the
//! document laid out once ([`document`]) with its charts ([`figures`], drawn by [`chart`]), then
//! the HTML page ([`html`]), the PDF ([`pdf`]), the debrief deck ([`pptx`]), the workbook
//! ([`xlsx`]) and the tidy CSV ([`csv`]), each reached through one entry point, [`render`] with a [`Format`]. Every renderer
//! takes the same [`survey_analysis::Report`], so none can show what the model hid; the words of
//! groups and merged values come from the anonymity rules of [`survey_analysis::segment`].
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use survey_analysis::{Aggregate, report};
//! use survey_design::Questionnaire;
//! use survey_report::{Document, Format, Meta, Words};
//!
//! let q = Questionnaire::load(std::path::Path::new("pulse.toml"))?;
//! let data = Aggregate::new(&q);
//! let report = report::build(&q, &data, &Vec::new(), 5, 10, &mut |_| {});
//! let doc = Document::new(&q, &report, Meta::default(), Words::new(q.default_language()));
//! for format in Format::ALL {
//!     let bytes = survey_report::render(format, &q, &report, &doc, &doc.title)?;
//!     std::fs::write(format!("report.{}", format.extension()), bytes)?;
//! }
//! # Ok(())
//! # }
//! ```

pub mod chart;
pub mod csv;
pub mod document;
pub mod error;
pub mod figures;
pub mod font;
pub mod format;
pub mod html;
pub mod labels;
pub mod pdf;
pub mod pptx;
pub mod xlsx;

pub use document::{Document, Meta, TallyFacts};
pub use error::Error;
pub use format::{Format, render};
pub use labels::Words;
