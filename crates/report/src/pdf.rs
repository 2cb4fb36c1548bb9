//! The report as an A4 PDF, typeset by typst used as a library.
//!
//! Why typst rather than printpdf: the report is pages of headings, wrapped Japanese paragraphs,
//! tables that break across pages and charts. typst breaks Japanese lines by the usual rules
//! (kinsoku), lays out tables and pages and embeds a subset of the font; with printpdf all of that
//! would be ours to write. Its cost is build time (a few minutes more on a clean build) and a
//! larger binary, not run time: a whole report compiles in well under a second.
//!
//! The layout is `report.typ`; the figures reach it as `/data.json` and the charts as PNG files,
//! so no respondent's text is ever parsed as typst markup.

use std::collections::HashMap;

use survey_i18n::t;

use serde_json::{Value, json};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::chart::Chart;
use crate::document::{Document, Table};
use crate::error::Error;
use crate::font;

const TEMPLATE: &str = include_str!("report.typ");

/// Comments quoted per question in the PDF.
const PDF_COMMENTS: usize = 60;

/// A typeset report.
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

pub fn render(doc: &Document) -> Result<Pdf, Error> {
    let mut charts = Charts::default();
    let data = data(doc, &mut charts)?;
    let world = ReportWorld::new(data, charts.files)?;
    let document = typst::compile::<typst_layout::PagedDocument>(&world)
        .output
        .map_err(|errors| Error::Typeset(describe(&errors)))?;
    let bytes = typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map_err(|errors| Error::Typeset(describe(&errors)))?;
    Ok(Pdf {
        bytes,
        pages: document.pages().len(),
    })
}

fn describe(errors: &[SourceDiagnostic]) -> String {
    errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join("; ")
}

/// The charts' PNG files, named as the template asks for them.
#[derive(Default)]
struct Charts {
    files: HashMap<String, Vec<u8>>,
}

impl Charts {
    fn add(&mut self, chart: Option<&Chart>, doc: &Document) -> Result<Value, Error> {
        let Some(chart) = chart else {
            return Ok(Value::Null);
        };
        let name = format!("{}.png", self.files.len());
        self.files.insert(name.clone(), doc.png(chart)?.to_vec());
        Ok(Value::String(name))
    }
}

fn table(t: &Table) -> Value {
    json!({ "head": t.head, "rows": t.rows })
}

fn data(doc: &Document, charts: &mut Charts) -> Result<Value, Error> {
    let words = &doc.words;
    let mut sections = Vec::new();
    if let Some(topics) = &doc.topics {
        sections.push(json!({
            "title": t!(words.lang(), "report-topic-indices-favourable-share"),
            "note": null, "chart": null, "table": table(topics), "groups": null, "differences": null,
        }));
    }
    for s in &doc.sections {
        sections.push(json!({
            "title": s.title,
            "note": s.note,
            "chart": charts.add(s.chart.as_ref(), doc)?,
            "table": s.table.as_ref().map(table),
            "groups": s.groups.as_ref().map(table),
            "differences": s.differences,
        }));
    }
    let mut comments = Vec::new();
    for c in &doc.comments {
        // A debrief document quotes; the workbook and the page hold the rest.
        let shown = c.texts.len().min(PDF_COMMENTS);
        let note = if shown < c.texts.len() {
            t!(
                words.lang(),
                "report-comments-some-shown",
                note = c.note.as_str(),
                shown = shown
            )
        } else {
            c.note.clone()
        };
        comments.push(json!({
            "question": c.question,
            "note": note,
            "terms_chart": charts.add(c.terms.as_ref(), doc)?,
            "texts": &c.texts[..shown],
        }));
    }
    Ok(json!({
        // typst knows languages by their ISO 639 code, and the fonts by family.
        "lang": words.lang().as_str().split('-').next().unwrap_or("en"),
        "fonts": font::families(words.lang().as_str()),
        "title": doc.title,
        "organisation": doc.meta.organisation,
        "period": doc.meta.period,
        "issued": doc.meta.issued,
        "responses": doc.responses,
        "rate": doc.rate,
        "cover_note": t!(words.lang(), "report-prepared-independent-research-firm-figures"),
        "summary": doc.summary.iter().map(|b| json!({ "title": b.title, "items": b.items })).collect::<Vec<_>>(),
        "rates_chart": charts.add(Some(&doc.rates_chart), doc)?,
        "rates": table(&doc.rates),
        "sections": sections,
        "heat_map": charts.add(doc.heat_map.as_ref(), doc)?,
        "trends": doc.trends.as_ref().map(|x| json!({ "note": x.note, "head": x.table.head, "rows": x.table.rows })),
        "comments": comments,
        "methodology": doc.methodology.iter().map(|p| json!({ "title": p.title, "text": p.text })).collect::<Vec<_>>(),
        "words": {
            "report_kind": t!(words.lang(), "report-employee-survey-results"),
            "organisation": t!(words.lang(), "report-organisation"),
            "fieldwork": t!(words.lang(), "report-fieldwork"),
            "responses": t!(words.lang(), "report-responses-3"),
            "rate": t!(words.lang(), "report-response-rate-2"),
            "issued": t!(words.lang(), "report-issued"),
            "confidential": t!(words.lang(), "report-confidential"),
            "summary": t!(words.lang(), "report-executive-summary-2"),
            "response_rate": t!(words.lang(), "report-response-rate-3"),
            "by_group": t!(words.lang(), "report-group-2"),
            "heat_map": t!(words.lang(), "report-favourable-share-group-3"),
            "heat_map_note": t!(words.lang(), "report-hatched-cells-figures-hidden-protect-2"),
            "trends": t!(words.lang(), "report-against-earlier-wave-2"),
            "comments": t!(words.lang(), "report-comments-2"),
            "no_comments": t!(words.lang(), "report-too-few-responses-show-comments-2"),
            "frequent_terms": t!(words.lang(), "report-frequent-terms-comments-holding-them-2"),
            "methodology": t!(words.lang(), "report-methodology-anonymity-2"),
            "hidden": words.hidden(),
        },
    }))
}

/// Everything typst may read: the template, the data, the charts and the fonts.
struct ReportWorld {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: &'static [Font],
    main: FileId,
    source: Source,
    files: HashMap<FileId, Bytes>,
}

fn file_id(path: &str) -> Result<FileId, Error> {
    let vpath = VirtualPath::new(path).map_err(|e| Error::Typeset(format!("{path}: {e:?}")))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl ReportWorld {
    fn new(data: Value, charts: HashMap<String, Vec<u8>>) -> Result<Self, Error> {
        // The compiled-in fonts are the same for every document: read once per process.
        static FONTS: std::sync::LazyLock<(Vec<Font>, FontBook)> = std::sync::LazyLock::new(|| {
            let fonts: Vec<Font> = font::FONTS
                .iter()
                .filter_map(|(_, bytes)| Font::new(Bytes::new(*bytes), 0))
                .collect();
            let book = FontBook::from_fonts(fonts.iter());
            (fonts, book)
        });
        let (fonts, book) = &*FONTS;
        let main = file_id("/report.typ")?;
        let mut files = HashMap::new();
        files.insert(file_id("/data.json")?, Bytes::new(data.to_string().into_bytes()));
        for (name, png) in charts {
            files.insert(file_id(&format!("/charts/{name}"))?, Bytes::new(png));
        }
        Ok(Self {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(book.clone()),
            fonts,
            main,
            source: Source::new(main, TEMPLATE.to_owned()),
            files,
        })
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main {
            Ok(self.source.clone())
        } else {
            Err(FileError::NotFound(id.get().vpath().get_with_slash().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
