//! A report as HTML: the same laid-out document as the PDF ([`Document`]), its charts as inline
//! SVG. The operator's preview shows [`body`] in its page frame; publishing and the CLI write
//! [`standalone`], one self-contained, printable file.
//!
//! Built with maud (the server's HTML library too), without its actix-web feature: this crate
//! serves nothing.

use maud::{DOCTYPE, Markup, PreEscaped, html};

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
            h2 { (words.t("要旨", "Executive summary")) }
            @for block in &doc.summary {
                h3 { (block.title) }
                ul { @for item in &block.items { li { (item) } } }
            }
        }
        h2 { (words.t("回答率", "Response rate")) }
        (chart(&doc.rates_chart, doc, words.t("グループ別の回答率", "Response rate by group")))
        (table(&doc.rates, doc))
        @if let Some(topics) = &doc.topics {
            h2 { (words.t("トピック指標（肯定的回答率）", "Topic indices (favourable share)")) }
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
            h2 { (words.t("グループ別の肯定的回答率", "Favourable share by group")) }
            p.muted { (words.t("網掛けのセルは、少人数のグループを守るために表示していない数値です。", "Hatched cells are figures hidden to protect small groups.")) }
            (chart(heat, doc, words.t("グループ別の肯定的回答率", "Favourable share by group")))
        }
        @if let Some(trends) = &doc.trends {
            h2 { (words.t("前回調査との比較", "Against the earlier wave")) }
            p.muted { (trends.note) }
            (table(&trends.table, doc))
        }
        h2 { (words.t("自由記述", "Comments")) }
        @if doc.comments.is_empty() {
            p.muted { (words.t("回答数が自由記述の表示に必要な人数に達していないため、自由記述は表示しません。", "Too few responses to show comments.")) }
        }
        @for c in &doc.comments {
            h3 { (c.question) }
            p.muted { (c.note) }
            @if let Some(terms) = &c.terms {
                (chart(terms, doc, words.t("頻出語（その語を含む回答の件数）", "Frequent terms (comments holding them)")))
            }
            ul.comments { @for t in &c.texts { li { (t) } } }
        }
        h2 { (words.t("調査の方法と匿名性", "Methodology and anonymity")) }
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
                            td.num[i > 0].muted[cell == hidden] { (cell) }
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
    let lang = if doc.words.is_japanese() { "ja" } else { "en" };
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
