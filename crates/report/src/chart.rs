//! Charts of the report, drawn with plotters: SVG for the screen, PNG for the PDF and the workbook.
//!
//! Each chart stays readable in black and white: the diverging bars put the negative side left of
//! the zero line and the positive side right of it, darker the further from neutral; every bar and
//! cell carries its figure as text; a hidden heat-map cell is hatched and says so in words.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::font;

/// A chart, with its figures already suppressed by the report model and its labels in the
/// reader's language.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// Shares of each scale point per row (everyone, a group or a statement), centred on neutral.
    Diverging {
        points: Vec<String>,
        rows: Vec<DivergingRow>,
    },
    /// A horizontal bar per row; `None` is a hidden figure.
    Bars {
        rows: Vec<(String, Option<f64>)>,
        unit: Unit,
    },
    /// Counts of each answer 0–10 with the eNPS bands.
    Histogram {
        counts: [u64; 11],
        enps: f64,
        bands: [String; 3],
    },
    /// Favourable share of each scale measure (rows) by group (columns); `None` is hidden.
    HeatMap {
        columns: Vec<String>,
        rows: Vec<(String, Vec<Option<f64>>)>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct DivergingRow {
    pub label: String,
    /// One share per scale point, low to high; `None` when the row is hidden.
    pub shares: Option<Vec<f64>>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unit {
    Share,
    Count,
}

#[derive(Debug, Clone, thiserror::Error)]
#[error("the chart could not be drawn: {0}")]
pub struct ChartError(String);

impl ChartError {
    pub(crate) fn new(why: &str) -> Self {
        Self(why.to_owned())
    }
}

/// What a chart writes in words: where a figure is hidden, and its figures in the language's digits.
pub struct ChartWords {
    pub hidden: String,
    pub lang: String,
}

impl ChartWords {
    /// A share as a whole percentage.
    fn percent(&self, share: f64) -> String {
        format!("{}%", survey_i18n::number(&self.lang, share * 100.0, 0))
    }

    fn count(&self, n: f64) -> String {
        survey_i18n::number(&self.lang, n, 0)
    }
}

const WIDTH: u32 = 760;
const LABEL_WIDTH: f64 = 230.0;
const ROW: f64 = 30.0;
const FONT_SIZE: f64 = 13.0;

const INK: RGBColor = RGBColor(33, 37, 41);
const MUTED: RGBColor = RGBColor(108, 117, 125);
pub(crate) const BAR_COLOR: RGBColor = RGBColor(62, 94, 150);
pub(crate) const HIDDEN_FILL: RGBColor = RGBColor(236, 236, 236);

impl Chart {
    /// Width and height in CSS pixels.
    pub fn size(&self) -> (u32, u32) {
        let rows = match self {
            Self::Diverging { rows, .. } => rows.len() + 2,
            Self::Bars { rows, .. } => rows.len(),
            Self::Histogram { .. } => 8,
            Self::HeatMap { rows, .. } => rows.len() + 2,
        };
        (WIDTH, (rows as f64 * ROW + 2.0 * PAD) as u32)
    }

    pub fn svg(&self, words: &ChartWords) -> Result<String, ChartError> {
        // Browsers draw text smaller than plotters measures it; larger type keeps labels legible.
        self.svg_with_text(1.24, words)
    }

    fn svg_with_text(&self, text: f64, words: &ChartWords) -> Result<String, ChartError> {
        font::register();
        let (w, h) = self.size();
        let mut out = String::new();
        {
            let area = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
            self.draw(&area, 1.0, text, words)
                .map_err(|e| ChartError(e.to_string()))?;
            area.present().map_err(|e| ChartError(e.to_string()))?;
        }
        Ok(out)
    }

    /// The chart as a PNG at `scale` times its size (2 is sharp in print at A4 width), drawn by
    /// resvg from the SVG: it shapes text (Devanagari needs it) and takes each character from the
    /// first of the compiled-in fonts that has it, so a label in any offered language, or a
    /// Japanese group name in a Nepali report, never turns into boxes.
    pub fn png(&self, scale: u32, words: &ChartWords) -> Result<Vec<u8>, ChartError> {
        let svg = self.svg_with_text(1.0, words)?;
        let options = resvg::usvg::Options {
            fontdb: font::database(),
            font_family: font::FAMILY.to_owned(),
            ..resvg::usvg::Options::default()
        };
        let tree = resvg::usvg::Tree::from_str(&svg, &options).map_err(|e| ChartError(e.to_string()))?;
        let (w, h) = self.size();
        let mut pixmap = resvg::tiny_skia::Pixmap::new(w * scale, h * scale)
            .ok_or_else(|| ChartError(format!("a chart of {w}×{h} at {scale}× has no pixels")))?;
        pixmap.fill(resvg::tiny_skia::Color::WHITE);
        #[allow(clippy::cast_precision_loss)]
        let zoom = scale as f32;
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::from_scale(zoom, zoom),
            &mut pixmap.as_mut(),
        );
        pixmap.encode_png().map_err(|e| ChartError(e.to_string()))
    }

    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        s: f64,
        text: f64,
        words: &ChartWords,
    ) -> Drawn<DB> {
        area.fill(&WHITE)?;
        let pen = Pen { area, s, text };
        match self {
            Self::Diverging { points, rows } => pen.diverging(points, rows, words),
            Self::Bars { rows, unit } => pen.bars(rows, *unit, words),
            Self::Histogram { counts, enps, bands } => pen.histogram(counts, *enps, bands),
            Self::HeatMap { columns, rows } => pen.heat_map(columns, rows, words),
        }
    }
}

const PAD: f64 = 8.0;

type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws in CSS pixels on an area `s` times larger.
struct Pen<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    s: f64,
    /// plotters writes SVG font sizes divided by 1.24 (its pixel-to-point factor); the SVG pen
    /// multiplies by it so text has the same size in both formats.
    text: f64,
}

impl<DB: DrawingBackend> Pen<'_, DB> {
    fn px(&self, x: f64, y: f64) -> (i32, i32) {
        ((x * self.s).round() as i32, (y * self.s).round() as i32)
    }

    fn rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor) -> Drawn<DB> {
        self.area
            .draw(&Rectangle::new([self.px(x0, y0), self.px(x1, y1)], color.filled()))
    }

    fn line(&self, from: (f64, f64), to: (f64, f64), color: RGBColor) -> Drawn<DB> {
        let style = ShapeStyle::from(color).stroke_width(self.s.round().max(1.0) as u32);
        self.area.draw(&PathElement::new(
            vec![self.px(from.0, from.1), self.px(to.0, to.1)],
            style,
        ))
    }

    fn style(&self, size: f64, color: RGBColor, h: HPos) -> TextStyle<'static> {
        TextStyle {
            font: (font::FAMILY, size * self.s * self.text).into_font(),
            color: color.to_backend_color(),
            pos: Pos::new(h, VPos::Center),
        }
    }

    fn width(&self, text: &str, style: &TextStyle) -> f64 {
        self.area
            .estimate_text_size(text, style)
            .map_or(0.0, |(w, _)| f64::from(w) / self.s)
    }

    /// Text anchored at (x, y middle), cut with an ellipsis to fit `max` pixels.
    fn text(&self, text: &str, x: f64, y: f64, max: f64, style: &TextStyle) -> Drawn<DB> {
        let mut shown = text.to_owned();
        if self.width(&shown, style) > max {
            let chars: Vec<char> = text.chars().collect();
            let mut keep = chars.len();
            while keep > 1 {
                keep -= 1;
                shown = chars[..keep].iter().collect::<String>() + "…";
                if self.width(&shown, style) <= max {
                    break;
                }
            }
        }
        self.area.draw(&Text::new(shown, self.px(x, y), style.clone()))
    }

    fn label(&self, text: &str, y: f64) -> Drawn<DB> {
        let style = self.style(FONT_SIZE, INK, HPos::Right);
        self.text(text, LABEL_WIDTH - 8.0, y, LABEL_WIDTH - PAD - 8.0, &style)
    }

    /// A figure written on a filled box, dark or light to contrast with it.
    fn figure_on(&self, text: &str, x: f64, y: f64, fill: RGBColor, room: f64) -> Drawn<DB> {
        let ink = if luminance(fill) < 0.5 { WHITE } else { INK };
        let style = self.style(FONT_SIZE - 2.0, ink, HPos::Center);
        if self.width(text, &style) + 4.0 <= room {
            self.area.draw(&Text::new(text.to_owned(), self.px(x, y), style))?;
        }
        Ok(())
    }

    fn hidden_row(&self, x: f64, y: f64, words: &ChartWords) -> Drawn<DB> {
        let style = self.style(FONT_SIZE - 1.0, MUTED, HPos::Left);
        self.text(&words.hidden, x, y, 200.0, &style)
    }

    fn diverging(&self, points: &[String], rows: &[DivergingRow], words: &ChartWords) -> Drawn<DB> {
        let colors = likert_colors(points.len());
        let left = LABEL_WIDTH;
        let right = f64::from(WIDTH) - PAD;
        let zero = (left + right) / 2.0;
        let half = (right - left) / 2.0;
        let middle = points.len() / 2;
        let odd = points.len() % 2 == 1;
        let axis_bottom = PAD + rows.len() as f64 * ROW;
        // Under the bars, so the neutral point's figure stays readable.
        self.line((zero, PAD), (zero, axis_bottom), INK)?;
        for (r, row) in rows.iter().enumerate() {
            let top = PAD + r as f64 * ROW + 4.0;
            let bottom = top + ROW - 8.0;
            let centre = (top + bottom) / 2.0;
            self.label(&row.label, centre)?;
            let Some(shares) = &row.shares else {
                self.hidden_row(left + 4.0, centre, words)?;
                continue;
            };
            // The neutral point straddles the zero line; the others stack outwards from it.
            let neutral = if odd { shares[middle] } else { 0.0 };
            let mut x = zero - neutral / 2.0 * half;
            for p in (0..middle).rev() {
                let w = shares[p] * half;
                // A white hairline between neighbours keeps them apart without colour.
                self.rect(x - w, top, (x - 1.0).max(x - w), bottom, colors[p])?;
                self.figure_on(&words.percent(shares[p]), x - w / 2.0, centre, colors[p], w)?;
                x -= w;
            }
            let mut x = zero - neutral / 2.0 * half;
            // From the neutral point (straddling zero) when there is one, else the first positive.
            for p in middle..points.len() {
                let w = shares[p] * half;
                self.rect(x, top, (x + w - 1.0).max(x), bottom, colors[p])?;
                self.figure_on(&words.percent(shares[p]), x + w / 2.0, centre, colors[p], w)?;
                x += w;
            }
        }
        // The legend: one swatch per point, low to high.
        let y = axis_bottom + ROW / 2.0 + 4.0;
        let slot = (right - PAD) / points.len() as f64;
        let style = self.style(FONT_SIZE - 2.0, INK, HPos::Left);
        for (p, name) in points.iter().enumerate() {
            let x = PAD + p as f64 * slot;
            self.rect(x, y - 6.0, x + 12.0, y + 6.0, colors[p])?;
            self.text(name, x + 16.0, y, slot - 20.0, &style)?;
        }
        Ok(())
    }

    fn bars(&self, rows: &[(String, Option<f64>)], unit: Unit, words: &ChartWords) -> Drawn<DB> {
        let left = LABEL_WIDTH;
        let room = f64::from(WIDTH) - PAD - left - 56.0;
        let max = match unit {
            Unit::Share => 1.0,
            Unit::Count => rows.iter().filter_map(|(_, v)| *v).fold(1.0, f64::max),
        };
        let style = self.style(FONT_SIZE - 1.0, INK, HPos::Left);
        for (r, (label, value)) in rows.iter().enumerate() {
            let top = PAD + r as f64 * ROW + 5.0;
            let centre = top + (ROW - 10.0) / 2.0;
            self.label(label, centre)?;
            match value {
                None => self.hidden_row(left + 4.0, centre, words)?,
                Some(v) => {
                    let w = v / max * room;
                    self.rect(left, top, left + w, top + ROW - 10.0, BAR_COLOR)?;
                    let text = match unit {
                        Unit::Share => words.percent(*v),
                        Unit::Count => words.count(*v),
                    };
                    self.text(&text, left + w + 4.0, centre, 52.0, &style)?;
                }
            }
        }
        self.line((left, PAD), (left, PAD + rows.len() as f64 * ROW), INK)
    }

    fn histogram(&self, counts: &[u64; 11], enps: f64, bands: &[String; 3]) -> Drawn<DB> {
        let (w, h) = (f64::from(WIDTH), 8.0 * ROW + 2.0 * PAD);
        let (left, right) = (PAD + 16.0, w - PAD - 16.0);
        let (top, base) = (PAD + ROW * 1.6, h - PAD - ROW);
        let slot = (right - left) / 11.0;
        let max = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
        let band_of = |score: usize| match score {
            0..=6 => 0,
            7..=8 => 1,
            _ => 2,
        };
        let band_colors = BAND_COLORS;
        let small = self.style(FONT_SIZE - 1.0, INK, HPos::Center);
        for (score, &count) in counts.iter().enumerate() {
            let x = left + score as f64 * slot;
            let bar_top = base - count as f64 / max * (base - top);
            let color = band_colors[band_of(score)];
            self.rect(x + 4.0, bar_top, x + slot - 4.0, base, color)?;
            self.text(&count.to_string(), x + slot / 2.0, bar_top - 9.0, slot, &small)?;
            self.text(&score.to_string(), x + slot / 2.0, base + ROW / 2.0, slot, &small)?;
        }
        self.line((left, base), (right, base), INK)?;
        // The bands over the bars, each with its name, so they read without colour too.
        let spans = [(0.0, 7.0), (7.0, 9.0), (9.0, 11.0)];
        let head = self.style(FONT_SIZE, INK, HPos::Center);
        for ((from, to), name) in spans.iter().zip(bands) {
            let (x0, x1) = (left + from * slot + 4.0, left + to * slot - 4.0);
            self.line((x0, PAD + ROW * 0.9), (x1, PAD + ROW * 0.9), INK)?;
            self.line((x0, PAD + ROW * 0.9), (x0, PAD + ROW * 1.15), INK)?;
            self.line((x1, PAD + ROW * 0.9), (x1, PAD + ROW * 1.15), INK)?;
            self.text(name, (x0 + x1) / 2.0, PAD + ROW * 0.45, x1 - x0, &head)?;
        }
        let style = self.style(FONT_SIZE + 1.0, INK, HPos::Right);
        self.text(&format!("eNPS {enps:+.0}"), right, top, 160.0, &style)
    }

    fn heat_map(&self, columns: &[String], rows: &[(String, Vec<Option<f64>>)], words: &ChartWords) -> Drawn<DB> {
        let left = LABEL_WIDTH;
        let width = (f64::from(WIDTH) - PAD - left) / columns.len().max(1) as f64;
        let head = self.style(FONT_SIZE - 2.0, INK, HPos::Center);
        for (c, name) in columns.iter().enumerate() {
            let x = left + c as f64 * width + width / 2.0;
            self.text(name, x, PAD + ROW / 2.0, width - 4.0, &head)?;
        }
        for (r, (label, cells)) in rows.iter().enumerate() {
            let top = PAD + (r + 1) as f64 * ROW;
            let centre = top + ROW / 2.0;
            self.label(label, centre)?;
            for (c, cell) in cells.iter().enumerate() {
                let (x0, x1) = (left + c as f64 * width + 1.0, left + (c + 1) as f64 * width - 1.0);
                let (y0, y1) = (top + 1.0, top + ROW - 1.0);
                match cell {
                    Some(share) => {
                        let fill = sequential(*share);
                        self.rect(x0, y0, x1, y1, fill)?;
                        self.figure_on(&words.percent(*share), (x0 + x1) / 2.0, centre, fill, x1 - x0)?;
                    }
                    None => {
                        self.rect(x0, y0, x1, y1, HIDDEN_FILL)?;
                        let mut x = x0;
                        while x < x1 {
                            let run = (x1 - x).min(y1 - y0);
                            self.line((x, y1), (x + run, y1 - run), RGBColor(200, 200, 200))?;
                            x += 8.0;
                        }
                        let style = self.style(FONT_SIZE - 3.0, MUTED, HPos::Center);
                        self.text(&words.hidden, (x0 + x1) / 2.0, centre, x1 - x0 - 2.0, &style)?;
                    }
                }
            }
        }
        // The scale: 0% to 100%.
        let y = PAD + (rows.len() + 1) as f64 * ROW + ROW / 2.0;
        for step in 0..=10 {
            let share = f64::from(step) / 10.0;
            let x = left + share * (f64::from(WIDTH) - PAD - left - 40.0);
            self.rect(x, y - 8.0, x + 36.0, y + 8.0, sequential(share))?;
            if step % 2 == 0 {
                self.figure_on(&words.percent(share), x + 18.0, y, sequential(share), 36.0)?;
            }
        }
        Ok(())
    }
}

pub(crate) fn luminance(c: RGBColor) -> f64 {
    (0.2126 * f64::from(c.0) + 0.7152 * f64::from(c.1) + 0.0722 * f64::from(c.2)) / 255.0
}

fn mix(a: (f64, f64, f64), b: (f64, f64, f64), t: f64) -> RGBColor {
    let m = |x: f64, y: f64| (x + (y - x) * t).round().clamp(0.0, 255.0) as u8;
    RGBColor(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// The colours of the eNPS bands: detractors (0–6), passives (7–8), promoters (9–10).
pub(crate) const BAND_COLORS: [RGBColor; 3] = [RGBColor(179, 88, 6), RGBColor(200, 200, 200), RGBColor(84, 39, 136)];

/// Orange for the low points, purple for the high ones, grey for neutral: darker further out, so
/// the two ends differ in position and the points on one side in lightness.
pub(crate) fn likert_colors(points: usize) -> Vec<RGBColor> {
    let side = points / 2;
    // Greys of 100, 170 | 235 | 150, 55: every point differs in black and white as well.
    let (low_dark, low_light) = ((179.0, 88.0, 6.0), (241.0, 163.0, 64.0));
    let (high_dark, high_light) = ((84.0, 39.0, 136.0), (153.0, 142.0, 195.0));
    let step = |i: usize| if side > 1 { i as f64 / (side - 1) as f64 } else { 0.0 };
    let mut colors: Vec<RGBColor> = (0..side).map(|i| mix(low_dark, low_light, step(i))).collect();
    if points % 2 == 1 {
        colors.push(RGBColor(235, 235, 235));
    }
    colors.extend((0..side).map(|i| mix(high_light, high_dark, step(i))));
    colors
}

/// Light to dark blue as the share grows.
pub(crate) fn sequential(share: f64) -> RGBColor {
    mix((239.0, 243.0, 255.0), (8.0, 48.0, 107.0), share.clamp(0.0, 1.0))
}
