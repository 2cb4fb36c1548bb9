//! A report as HTML: the same laid-out document as the PDF ([`Document`]), its charts as inline
//! SVG. The operator's preview shows [`body`] in its page frame; publishing and the CLI write
//! [`standalone`], one self-contained, printable file.
//!
//! Built with maud (the server's HTML library too), without its actix-web feature: this crate
//! serves nothing.

use maud::{DOCTYPE, Markup, PreEscaped, html};
use survey_i18n::t;

use crate::chart::Chart;
use crate::document::{Document, Table};

/// The stylesheet of every page, the same bytes as the server's `/static/app.css`: the standalone
/// report holds it inline, so that a downloaded report looks as it does on screen.
pub const STYLESHEET: &str = include_str!("../static/app.css");

/// Every part of the report.
pub fn body(doc: &Document) -> Markup {
    let words = &doc.words;
    html! {
        section.summary {
            h2 { (t!(words.lang(), "report-executive-summary")) }
            @for block in &doc.summary {
                h3 { (block.title) }
                ul { @for item in &block.items { li { (item) } } }
            }
        }
        h2 { (t!(words.lang(), "report-response-rate")) }
        (chart(&doc.rates_chart, doc, &t!(words.lang(), "report-response-rate-group")))
        (table(&doc.rates, doc))
        @if let Some(topics) = &doc.topics {
            h2 { (t!(words.lang(), "report-topic-indices-favourable-share")) }
            (table(topics, doc))
        }
        @for s in &doc.sections {
            section.measure {
                h2 { (s.title) }
                @if let Some(note) = &s.note { p { (note) } }
                @if let Some(c) = &s.chart { (chart(c, doc, &s.title)) }
                @if let Some(t) = &s.table { (table(t, doc)) }
                @if let Some(t) = &s.groups { (table(t, doc)) }
                @if let Some(d) = &s.differences { p.muted { (d) } }
            }
        }
        @if let Some(heat) = &doc.heat_map {
            h2 { (t!(words.lang(), "report-favourable-share-group")) }
            p.muted { (t!(words.lang(), "report-hatched-cells-figures-hidden-protect")) }
            (chart(heat, doc, &t!(words.lang(), "report-favourable-share-group")))
        }
        @if let Some(trends) = &doc.trends {
            h2 { (t!(words.lang(), "report-against-earlier-wave")) }
            p.muted { (trends.note) }
            (table(&trends.table, doc))
        }
        h2 { (t!(words.lang(), "report-comments")) }
        @if doc.comments.is_empty() {
            p.muted { (t!(words.lang(), "report-too-few-responses-show-comments")) }
        }
        @for c in &doc.comments {
            h3 { (c.question) }
            p.muted { (c.note) }
            @if let Some(terms) = &c.terms {
                (chart(terms, doc, &t!(words.lang(), "report-frequent-terms-comments-holding-them")))
            }
            ul.comments { @for t in &c.texts { li { (t) } } }
        }
        h2 { (t!(words.lang(), "report-methodology-anonymity")) }
        @for p in &doc.methodology {
            h3 { (p.title) }
            p { (p.text) }
        }
    }
}

fn table(t: &Table, doc: &Document) -> Markup {
    let hidden = doc.words.hidden();
    html! {
        table {
            thead { tr { @for (i, h) in t.head.iter().enumerate() { th.num[i > 0] { (h) } } } }
            tbody {
                @for row in &t.rows {
                    tr {
                        @for (i, cell) in row.iter().enumerate() {
                            td.num[i > 0].muted[*cell == hidden] { (cell) }
                        }
                    }
                }
            }
        }
    }
}

/// A chart as inline SVG, named for screen readers (its figures are in the table beside it).
fn chart(c: &Chart, doc: &Document, name: &str) -> Markup {
    match c.svg(&doc.chart_words()) {
        Ok(svg) => html! { figure.chart role="img" aria-label=(name) { (PreEscaped(svg)) } },
        Err(e) => {
            tracing::warn!("{e}");
            html! {}
        }
    }
}

/// The report as one self-contained page (its stylesheet inline), for download and printing.
/// `title` is the page's title and heading; the page's language is the report's, Japanese or
/// English.
pub fn standalone(title: &str, doc: &Document) -> String {
    let lang = doc.words.lang().as_str();
    html! {
        (DOCTYPE)
        html lang=(lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(STYLESHEET)) }
            }
            body { main { h1 { (title) } (body(doc)) } }
        }
    }
    .into_string()
}
