//! The one error of the report crate: what went wrong while drawing, typesetting or writing a
//! document, with its cause kept for the log.

use crate::chart::ChartError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Chart(#[from] ChartError),
    /// typst's diagnostics are not errors of their own: their messages, `; `-separated.
    #[error("the PDF could not be typeset: {0}")]
    Typeset(String),
    #[error("the workbook could not be written")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
    /// The deck's package; a chart's workbook failing is [`Error::Workbook`].
    #[error("the deck could not be written")]
    Deck(#[from] zip::result::ZipError),
    #[error("unknown report format `{0}`; choose pdf, html, pptx, xlsx or csv")]
    UnknownFormat(String),
    #[error("a report of this questionnaire cannot be written in `{asked}`; choose one of: {offered}")]
    Language { asked: String, offered: String },
}
