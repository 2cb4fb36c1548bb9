//! The deck's tables: the document's tables (topic indices, trends) and the heat map as native
//! tables (`a:tbl`), split over as many slides as their rows need with the head row on each.

use super::Deck;
use super::slide::{BODY, CELL_X, CELL_Y, Cell, INCH, Layout, Rect};
use super::text::{self, MUTED, Para, Style, hex};
use crate::chart::{HIDDEN_FILL, luminance, sequential};
use crate::document::Table;
use survey_i18n::t;

const HEAD_FILL: &str = "E3E8F0";
const BAND_FILL: &str = "F8F9FA";

impl Deck<'_> {
    /// A table of the document as cells: a shaded head row, figures right-aligned, banded rows,
    /// hidden figures in grey.
    pub(super) fn grid(&self, table: &Table) -> (Vec<Cell>, Vec<Vec<Cell>>) {
        let hidden = self.doc.words.hidden();
        let head = table
            .head
            .iter()
            .enumerate()
            .map(|(i, h)| Cell {
                fill: Some(HEAD_FILL.to_owned()),
                bold: true,
                algn: if i == 0 { "l" } else { "r" },
                ..Cell::new(h)
            })
            .collect();
        let rows = table
            .rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                row.iter()
                    .enumerate()
                    .map(|(i, v)| Cell {
                        fill: (r % 2 == 1).then(|| BAND_FILL.to_owned()),
                        color: if *v == hidden { MUTED } else { text::INK }.to_owned(),
                        algn: if i == 0 { "l" } else { "r" },
                        ..Cell::new(v)
                    })
                    .collect()
            })
            .collect();
        (head, rows)
    }

    /// A table over as many slides of `title` as its rows need, its head on each, `note` above
    /// it; a point or two smaller where that saves a slide, the rows spread evenly over the slides.
    pub(super) fn tables(&mut self, title: &str, note: Option<&str>, head: Vec<Cell>, rows: Vec<Vec<Cell>>) {
        let columns = head.len().max(1);
        let largest = match columns {
            0..=5 => 14.0,
            6..=8 => 12.0,
            _ => 10.0,
        };
        let widths = column_widths(columns, BODY.w);
        let note = note.map(|n| vec![Para::new(Style::Muted, n)]);
        let layout = |size: f64| {
            let row_height = |row: &[Cell]| {
                let lines = row
                    .iter()
                    .zip(&widths)
                    .map(|(c, w)| text::lines_in(&c.text, *w, CELL_X, size))
                    .max()
                    .unwrap_or(1);
                text::lines_height(lines, size) + 2 * CELL_Y + 2 * 12_700
            };
            let note_h = note.as_ref().map_or(0, |n| text::height(n, BODY.w, size) + INCH / 10);
            let head_h = row_height(&head);
            let heights: Vec<i64> = rows.iter().map(|r| row_height(r)).collect();
            let pages = balanced(&heights, BODY.h - note_h - head_h);
            (size, note_h, head_h, heights, pages)
        };
        let Some((size, note_h, head_h, heights, pages)) = [largest, largest - 1.0, largest - 2.0]
            .into_iter()
            .map(layout)
            .min_by_key(|(_, _, _, _, pages)| pages.len())
        else {
            return;
        };
        for (i, range) in pages.into_iter().enumerate() {
            let mut slide = self.titled(Layout::TitleOnly, &self.continued(title, i));
            if let Some(note) = &note {
                let at = Rect { h: note_h, ..BODY };
                slide.text(&self.ink, at, note, size, None, "t");
            }
            let all: Vec<Vec<Cell>> = std::iter::once(head.clone())
                .chain(rows[range.clone()].iter().cloned())
                .collect();
            let heights: Vec<i64> = std::iter::once(head_h).chain(heights[range].iter().copied()).collect();
            let at = Rect {
                y: BODY.y + note_h,
                h: heights.iter().sum(),
                ..BODY
            };
            slide.table(&self.ink, at, &widths, &all, &heights, size);
            self.slides.push(slide);
        }
    }

    /// The heat map as a table: each shown share on a fill from light to dark by its value, each
    /// hidden cell grey with the word for hidden.
    pub(super) fn heat_map(&mut self, columns: &[String], rows: &[(String, Vec<Option<f64>>)]) {
        let words = &self.doc.words;
        let head = std::iter::once(String::new())
            .chain(columns.iter().cloned())
            .map(|h| Cell {
                fill: Some(HEAD_FILL.to_owned()),
                bold: true,
                algn: "ctr",
                ..Cell::new(h)
            })
            .collect();
        let rows = rows
            .iter()
            .map(|(label, cells)| {
                std::iter::once(Cell::new(label))
                    .chain(cells.iter().map(|cell| match cell {
                        Some(share) => {
                            let fill = sequential(*share);
                            Cell {
                                fill: Some(hex(fill)),
                                color: if luminance(fill) < 0.5 { "FFFFFF" } else { text::INK }.to_owned(),
                                algn: "ctr",
                                ..Cell::new(words.percent(*share))
                            }
                        }
                        None => Cell {
                            fill: Some(hex(HIDDEN_FILL)),
                            color: MUTED.to_owned(),
                            algn: "ctr",
                            ..Cell::new(words.hidden())
                        },
                    }))
                    .collect()
            })
            .collect();
        let lang = self.lang();
        self.tables(
            &t!(lang, "report-favourable-share-group"),
            Some(&t!(lang, "report-deck-heat-map-note")),
            head,
            rows,
        );
    }
}

/// The widths of a table's columns across `width`: the labels' column wider than the figures'.
fn column_widths(columns: usize, width: i64) -> Vec<i64> {
    if columns <= 1 {
        return vec![width];
    }
    let n = i64::try_from(columns).unwrap_or(1);
    let first = if columns <= 3 {
        width / 2
    } else {
        (width * 34 / 100).max(width / n)
    };
    let rest = (width - first) / (n - 1);
    let first = width - rest * (n - 1);
    std::iter::once(first)
        .chain(std::iter::repeat_n(rest, columns - 1))
        .collect()
}

/// Rows `heights` high over as few pages `room` high as they fit on, as evenly as they go: no page
/// takes more rows than its share. Every page has a row, and a table without rows one page.
fn balanced(heights: &[i64], room: i64) -> Vec<std::ops::Range<usize>> {
    let fill = |most: usize| {
        let mut pages = Vec::new();
        let (mut start, mut used) = (0, 0);
        for (i, h) in heights.iter().enumerate() {
            if i > start && (used + h > room || i - start >= most) {
                pages.push(start..i);
                start = i;
                used = 0;
            }
            used += h;
        }
        pages.push(start..heights.len());
        pages
    };
    let greedy = fill(usize::MAX);
    let even = fill(heights.len().div_ceil(greedy.len()).max(1));
    if even.len() == greedy.len() { even } else { greedy }
}
