//! The report's documents, drawn from the suppressed report model of `survey-analysis`: the
//! document laid out once ([`document`]) with its charts ([`figures`], drawn by [`chart`]), then
//! the PDF ([`pdf`]), the workbook ([`xlsx`]) and the tidy CSV ([`csv`]); the HTML page is the
//! server's view of the same [`document::Document`]. Every renderer takes the same
//! [`survey_analysis::Report`], so none can show what the model hid.

pub mod chart;
pub mod csv;
pub mod document;
pub mod figures;
pub mod font;
pub mod labels;
pub mod pdf;
pub mod xlsx;

pub use document::{Document, Meta, TallyFacts};
pub use labels::Words;
