//! The report as the debrief deck (PPTX), which the client goes on editing after the meeting:
//! a title slide, the executive summary, response rates, topic indices, a slide per question with
//! its chart as a native PowerPoint chart and its key figures, the heat map as a table coloured
//! by value, the comments and the methodology, in the report's language, 16:9.
//!
//! Written by hand (Office Open XML over `zip`): no maintained crate writes presentations with
//! native charts. Like every other format it is drawn from the [`Document`] alone, so a hidden
//! group is a word on a slide and never a figure a chart could plot.

mod chart;
mod package;
mod slide;
mod table;
mod text;

use survey_i18n::t;

use crate::chart::Chart;
use crate::document::{Document, Section};
use crate::error::Error;
use chart::{Names, Plotted};
use slide::{BODY, COVER_NOTE, COVER_SUBTITLE, COVER_TITLE, INCH, Layout, Rect, Slide, TITLE};
use text::{Ink, Para, Style, fitting, hex};

/// Comments quoted per question: a debrief reads them out, the workbook and the page hold all.
const DECK_COMMENTS: usize = 40;
/// Rows of a question's table among its key figures.
const KEY_ROWS: usize = 6;
const TITLE_SIZES: [f64; 7] = [28.0, 26.0, 24.0, 22.0, 20.0, 18.0, 16.0];
const PANEL_SIZES: [f64; 7] = [16.0, 15.0, 14.0, 13.0, 12.0, 11.0, 10.0];
/// The width of a chart beside its key figures.
const CHART_WIDTH: i64 = 7_132_320;
const GAP: i64 = INCH / 4;
const PANEL_FILL: &str = "F1F4F9";

pub fn render(doc: &Document) -> Result<Vec<u8>, Error> {
    let lang = doc.words.lang();
    let mut deck = Deck {
        doc,
        ink: Ink {
            lang: language_tag(lang.as_str()).to_owned(),
        },
        slides: Vec::new(),
    };
    deck.cover();
    deck.summary();
    deck.rates()?;
    if let Some(topics) = &doc.topics {
        let (head, rows) = deck.grid(topics);
        deck.tables(&t!(lang, "report-topic-indices-favourable-share"), None, head, rows);
    }
    for section in &doc.sections {
        deck.question(section)?;
    }
    if let Some(Chart::HeatMap { columns, rows }) = &doc.heat_map {
        deck.heat_map(columns, rows);
    }
    if let Some(trends) = &doc.trends {
        let (head, rows) = deck.grid(&trends.table);
        deck.tables(&t!(lang, "report-against-earlier-wave"), Some(&trends.note), head, rows);
    }
    deck.comments()?;
    deck.methodology();
    let footer = format!("{} · {}", t!(lang, "report-confidential"), doc.title);
    package::write(
        &deck.slides,
        &package::Deck {
            title: &doc.title,
            footer: &footer,
            ink: &deck.ink,
            lang: lang.as_str(),
        },
    )
}

/// The language tag PowerPoint spells and breaks lines by.
fn language_tag(lang: &str) -> &str {
    match lang {
        "ja" => "ja-JP",
        "en" => "en-US",
        "zh-Hans" => "zh-CN",
        "ko" => "ko-KR",
        "vi" => "vi-VN",
        "id" => "id-ID",
        "ne" => "ne-NP",
        other => other,
    }
}

struct Deck<'a> {
    doc: &'a Document,
    ink: Ink,
    slides: Vec<Slide>,
}

impl Deck<'_> {
    fn lang(&self) -> &survey_design::Lang {
        self.doc.words.lang()
    }

    /// `label: value` as the report's language writes it.
    fn field(&self, label: &str, value: &str) -> String {
        t!(self.lang(), "report-deck-field", label = label, value = value)
    }

    /// The title of the `page`th slide of a part: the part's title, then "(continued)".
    fn continued(&self, title: &str, page: usize) -> String {
        if page == 0 {
            title.to_owned()
        } else {
            t!(self.lang(), "report-deck-continued", title = title)
        }
    }

    /// A slide of `layout` with `title`, as large as fits its place.
    fn titled(&self, layout: Layout, title: &str) -> Slide {
        let mut slide = Slide::new(layout);
        let size = fitting(&[Para::new(Style::Heading, title)], TITLE.w, TITLE.h, &TITLE_SIZES).unwrap_or(16.0);
        slide.title(&self.ink, title, size);
        slide
    }

    fn cover(&mut self) {
        let (doc, lang) = (self.doc, self.lang());
        let mut slide = Slide::new(Layout::Title);
        let sizes = [40.0, 36.0, 32.0, 28.0, 24.0, 20.0];
        let size = fitting(
            &[Para::new(Style::Heading, &doc.title)],
            COVER_TITLE.w,
            COVER_TITLE.h,
            &sizes,
        );
        slide.title(&self.ink, &doc.title, size.unwrap_or(20.0));
        let mut paras = vec![Para::new(Style::Heading, t!(lang, "report-deck-subtitle"))];
        let facts = [
            (t!(lang, "report-organisation"), &doc.meta.organisation),
            (t!(lang, "report-fieldwork"), &doc.meta.period),
            (t!(lang, "report-responses-3"), &doc.responses),
            (t!(lang, "report-response-rate-2"), &doc.rate),
            (t!(lang, "report-issued"), &doc.meta.issued),
        ];
        for (label, value) in facts {
            if !value.is_empty() {
                paras.push(Para::new(Style::Plain, self.field(&label, value)));
            }
        }
        let size = fitting(
            &paras,
            COVER_SUBTITLE.w,
            COVER_SUBTITLE.h,
            &[20.0, 18.0, 16.0, 14.0, 12.0],
        );
        slide.subtitle(&self.ink, &paras, size.unwrap_or(12.0));
        let note = [
            Para::new(Style::Muted, t!(lang, "report-confidential")),
            Para::new(
                Style::Muted,
                t!(lang, "report-prepared-independent-research-firm-figures"),
            ),
        ];
        let size = fitting(&note, COVER_NOTE.w, COVER_NOTE.h, &[14.0, 12.0, 11.0, 10.0]);
        slide.text(&self.ink, COVER_NOTE, &note, size.unwrap_or(10.0), None, "b");
        self.slides.push(slide);
    }

    /// Running text over as many slides of `title` as it needs, at `size` points or a point or two
    /// less where that saves a slide.
    fn running(&mut self, title: &str, paras: Vec<Para>, size: f64) {
        let (size, pages) = [size, size - 1.0, size - 2.0]
            .into_iter()
            .map(|s| (s, text::pages(paras.clone(), BODY.w, BODY.h, s)))
            .min_by_key(|(_, pages)| pages.len())
            .unwrap_or_default();
        for (i, page) in pages.iter().enumerate() {
            let mut slide = self.titled(Layout::Content, &self.continued(title, i));
            slide.body(&self.ink, page, size);
            self.slides.push(slide);
        }
    }

    fn summary(&mut self) {
        let mut paras = Vec::new();
        for block in &self.doc.summary {
            paras.push(Para::new(Style::Heading, &block.title));
            paras.extend(block.items.iter().map(|i| Para::new(Style::Bullet, i)));
        }
        self.running(&t!(self.lang(), "report-executive-summary"), paras, 16.0);
    }

    /// The native chart of `chart`, with the words it needs.
    fn plot(&self, chart: &Chart) -> Result<Option<Plotted>, Error> {
        let lang = self.lang();
        let names = Names {
            ink: &self.ink,
            hidden: &self.doc.words.hidden(),
            share: &t!(lang, "report-share"),
            count: &t!(lang, "report-count"),
        };
        chart::plot(chart, &names)
    }

    fn rates(&mut self) -> Result<(), Error> {
        let title = t!(self.lang(), "report-response-rate-group");
        let table = &self.doc.rates;
        let mut figures = vec![Para::new(Style::Heading, t!(self.lang(), "report-deck-key-figures"))];
        for row in &table.rows {
            let value: Vec<String> = table
                .head
                .iter()
                .zip(row)
                .skip(1)
                .map(|(h, v)| format!("{h} {v}"))
                .collect();
            figures.push(Para::new(
                Style::Bullet,
                self.field(row.first().map_or("", String::as_str), &value.join(" · ")),
            ));
        }
        let plotted = self.plot(&self.doc.rates_chart)?;
        let mut slide = self.titled(Layout::TitleOnly, &title);
        self.chart_and_figures(&mut slide, &title, plotted, figures, None);
        self.slides.push(slide);
        Ok(())
    }

    /// What a question's slide says beside its chart: its figures for everyone, a few rows of
    /// its table, and its headline by group (hidden groups in words).
    fn key_figures(&self, s: &Section) -> Vec<Para> {
        let lang = self.lang();
        let mut paras = vec![Para::new(Style::Heading, t!(lang, "report-deck-key-figures"))];
        if let Some(note) = &s.note {
            paras.extend(note.split(" · ").map(|part| Para::new(Style::Bullet, part)));
        }
        // A rating's table is its histogram's counts.
        let table = s
            .table
            .as_ref()
            .filter(|_| !matches!(s.chart, Some(Chart::Histogram { .. })));
        if let Some(table) = table {
            for row in table.rows.iter().take(KEY_ROWS) {
                let value = match row.get(2) {
                    Some(v) if !v.is_empty() => v.as_str(),
                    _ => row.get(1).map_or("", String::as_str),
                };
                paras.push(Para::new(
                    Style::Bullet,
                    self.field(row.first().map_or("", String::as_str), value),
                ));
            }
            if table.rows.len() > KEY_ROWS {
                paras.push(Para::new(Style::Muted, "…"));
            }
        }
        // A matrix's groups are statements by group: its chart and table already show them.
        let groups = s.groups.as_ref().filter(|g| s.note.is_some() && g.head.len() >= 3);
        if let Some(groups) = groups {
            paras.push(Para::new(
                Style::Heading,
                self.field(&t!(lang, "report-group-2"), &groups.head[2]),
            ));
            for row in &groups.rows {
                let value = row.get(2).map_or("", String::as_str);
                paras.push(Para::new(
                    Style::Bullet,
                    self.field(row.first().map_or("", String::as_str), value),
                ));
            }
        }
        if let Some(d) = &s.differences {
            paras.push(Para::new(Style::Muted, d));
        }
        paras
    }

    fn question(&mut self, s: &Section) -> Result<(), Error> {
        let plotted = match &s.chart {
            Some(chart) => self.plot(chart)?,
            None => None,
        };
        let bands = match &s.chart {
            Some(Chart::Histogram { bands, .. }) => Some(bands),
            _ => None,
        };
        let mut slide = self.titled(Layout::TitleOnly, &s.title);
        let figures = self.key_figures(s);
        self.chart_and_figures(&mut slide, &s.title, plotted, figures, bands);
        self.slides.push(slide);
        Ok(())
    }

    /// A chart on the left with the hidden rows listed under it (and the eNPS bands' legend), the
    /// key figures on the right; the figures alone across the slide when there is no chart.
    fn chart_and_figures(
        &self,
        slide: &mut Slide,
        name: &str,
        plotted: Option<Plotted>,
        figures: Vec<Para>,
        bands: Option<&[String; 3]>,
    ) {
        let Some(plotted) = plotted else {
            let (figures, size) = fit_or_cut(figures, BODY.w, BODY.h);
            slide.text(&self.ink, BODY, &figures, size, Some(PANEL_FILL), "t");
            return;
        };
        let mut under = Vec::new();
        if let Some(bands) = bands {
            under.push(Para::new(Style::Muted, bands.join("   ")));
        }
        if !plotted.hidden.is_empty() {
            let lang = self.lang();
            let list = plotted.hidden.join(&t!(lang, "report-deck-list-separator"));
            under.push(Para::new(
                Style::Muted,
                self.field(&t!(lang, "report-deck-hidden-rows"), &list),
            ));
        }
        // The chart as high as its bars need, what it leaves out in words right under it.
        let size = 13.0;
        let under_h = if under.is_empty() {
            0
        } else {
            text::height(&under, CHART_WIDTH, size).min(BODY.h / 3)
        };
        let room = BODY.h - under_h;
        let chart_h = plotted
            .part
            .as_ref()
            .map_or(0, |p| p.height().map_or(room, |h| h.min(room)));
        if let Some(part) = plotted.part {
            let at = Rect {
                h: chart_h,
                w: CHART_WIDTH,
                ..BODY
            };
            slide.chart(at, part, name);
        }
        let mut at = Rect {
            x: BODY.x,
            y: BODY.y + chart_h,
            w: CHART_WIDTH,
            h: under_h,
        };
        if let Some(bands) = bands {
            // The bands' names, each after a square of its colour.
            let legend_h = text::height(&under[..1], CHART_WIDTH, size);
            let legend = Rect { h: legend_h, ..at };
            slide.legend(
                &self.ink,
                legend,
                bands,
                &crate::chart::BAND_COLORS.map(hex),
                size * 0.85,
            );
            under.remove(0);
            at.y += legend_h;
            at.h -= legend_h;
        }
        if !under.is_empty() {
            slide.text(&self.ink, at, &under, size, None, "t");
        }
        let panel = Rect {
            x: BODY.x + CHART_WIDTH + GAP,
            w: BODY.w - CHART_WIDTH - GAP,
            ..BODY
        };
        let (figures, size) = fit_or_cut(figures, panel.w, panel.h);
        slide.text(&self.ink, panel, &figures, size, Some(PANEL_FILL), "t");
    }

    fn comments(&mut self) -> Result<(), Error> {
        let lang = self.lang().clone();
        if self.doc.comments.is_empty() {
            let paras = vec![Para::new(
                Style::Muted,
                t!(lang, "report-too-few-responses-show-comments"),
            )];
            self.running(&t!(lang, "report-comments"), paras, 16.0);
            return Ok(());
        }
        for c in &self.doc.comments {
            let title = t!(lang, "report-deck-comments-title", question = c.question.as_str());
            let shown = c.texts.len().min(DECK_COMMENTS);
            let note = if shown < c.texts.len() {
                t!(
                    lang,
                    "report-comments-some-shown",
                    note = c.note.as_str(),
                    shown = shown
                )
            } else {
                c.note.clone()
            };
            let mut paras = Vec::new();
            let mut first = 0;
            let terms = match &c.terms {
                Some(terms) => self.plot(terms)?,
                None => None,
            };
            match terms.and_then(|t| t.part) {
                Some(part) => {
                    // The frequent terms first, on a slide of their own.
                    let mut slide = self.titled(Layout::TitleOnly, &title);
                    let head = [
                        Para::new(Style::Muted, &note),
                        Para::new(Style::Heading, t!(lang, "report-frequent-terms-comments-holding-them")),
                    ];
                    let h = text::height(&head, BODY.w, 14.0);
                    slide.text(&self.ink, Rect { h, ..BODY }, &head, 14.0, None, "t");
                    let room = BODY.h - h;
                    let at = Rect {
                        y: BODY.y + h,
                        h: part.height().map_or(room, |natural| natural.min(room)),
                        ..BODY
                    };
                    slide.chart(at, part, &title);
                    self.slides.push(slide);
                    first = 1;
                }
                None => paras.push(Para::new(Style::Muted, note)),
            }
            paras.extend(c.texts[..shown].iter().map(|t| Para::new(Style::Bullet, t)));
            for (i, page) in text::pages(paras, BODY.w, BODY.h, 14.0).iter().enumerate() {
                let mut slide = self.titled(Layout::Content, &self.continued(&title, first + i));
                slide.body(&self.ink, page, 14.0);
                self.slides.push(slide);
            }
        }
        Ok(())
    }

    fn methodology(&mut self) {
        let mut paras = Vec::new();
        for p in &self.doc.methodology {
            paras.push(Para::new(Style::Heading, &p.title));
            paras.push(Para::new(Style::Plain, &p.text));
        }
        self.running(&t!(self.lang(), "report-methodology-anonymity"), paras, 14.0);
    }
}

/// `paras` at the largest size that fits a `width` × `room` box; when none does, the last of them
/// left out, and an ellipsis says so.
fn fit_or_cut(mut paras: Vec<Para>, width: i64, room: i64) -> (Vec<Para>, f64) {
    let smallest = PANEL_SIZES[PANEL_SIZES.len() - 1];
    loop {
        if let Some(size) = fitting(&paras, width, room, &PANEL_SIZES) {
            return (paras, size);
        }
        if paras.len() <= 2 {
            return (paras, smallest);
        }
        let cut = paras.last().is_some_and(|p| p.text == "…");
        paras.truncate(paras.len() - if cut { 2 } else { 1 });
        paras.push(Para::new(Style::Muted, "…"));
    }
}
