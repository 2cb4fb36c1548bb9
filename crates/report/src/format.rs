//! The one entry point for every file a report is published as: a [`Format`] and [`render`], so
//! that the server's publishing and the CLI write the same bytes.

use std::fmt;
use std::str::FromStr;

use survey_analysis::Report;
use survey_design::Questionnaire;

use crate::document::Document;
use crate::error::Error;

/// A file format of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Pdf,
    Html,
    Pptx,
    Xlsx,
    Csv,
}

impl Format {
    /// Every format, in the order a whole report is written.
    pub const ALL: [Format; 5] = [Format::Pdf, Format::Html, Format::Pptx, Format::Xlsx, Format::Csv];

    /// The file name extension, also the format's name: `pdf`, `html`, `pptx`, `xlsx`, `csv`.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Html => "html",
            Self::Pptx => "pptx",
            Self::Xlsx => "xlsx",
            Self::Csv => "csv",
        }
    }

    /// The media type a download is served with.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Html => "text/html; charset=utf-8",
            Self::Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Self::Csv => "text/csv; charset=utf-8",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

impl FromStr for Format {
    type Err = Error;

    /// A format by its name, `pdf`, `html`, `pptx`, `xlsx` or `csv`.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|f| f.extension() == name)
            .ok_or_else(|| Error::UnknownFormat(name.to_owned()))
    }
}

/// The report as a file of `format`. `title` is the HTML page's title and heading (the other
/// formats' title is `doc.title`): the CLI gives `doc.title`, the server adds the survey's name.
pub fn render(
    format: Format,
    q: &Questionnaire,
    report: &Report,
    doc: &Document,
    title: &str,
) -> Result<Vec<u8>, Error> {
    Ok(match format {
        Format::Pdf => crate::pdf::render(doc)?.bytes,
        Format::Html => crate::html::standalone(title, doc).into_bytes(),
        Format::Pptx => crate::pptx::render(doc)?,
        Format::Xlsx => crate::xlsx::render(q, report, doc)?,
        Format::Csv => crate::csv::render(report).into_bytes(),
    })
}
