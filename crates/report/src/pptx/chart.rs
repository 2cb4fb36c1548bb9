//! The deck's charts as native PowerPoint charts (DrawingML chart parts), so the firm can restyle
//! and relabel them: each chart's figures are cached in its XML, which is what PowerPoint draws,
//! and kept in an embedded workbook, which is what "Edit Data" opens. Rows whose figure is hidden
//! are in neither the plotted range nor the cache: the caller lists them in words under the chart,
//! and the workbook lists them below its plotted rows, as the report's own workbook does.

use std::fmt::Write as _;

use plotters::style::RGBColor;
use rust_xlsxwriter::{Format, Workbook};

use super::slide::INCH;
use super::text::{self, Ink, esc, hex, hundredths};
use crate::chart::{BAND_COLORS, BAR_COLOR, Chart, Unit, likert_colors, luminance};
use crate::error::Error;

/// A chart to be placed: its figures, and the workbook they are kept in.
pub(super) struct Part {
    plot: Plot,
    ink: Ink,
    workbook: Vec<u8>,
}

/// A chart placed on a slide: its part and its workbook.
pub(super) struct Placed {
    pub xml: String,
    pub workbook: Vec<u8>,
}

impl Part {
    /// The height in EMU at which the chart's bars are neither squeezed nor bloated (`None`: a
    /// column chart takes the room it is given).
    pub fn height(&self) -> Option<i64> {
        let rows = i64::try_from(self.plot.categories.len()).unwrap_or(i64::MAX / INCH);
        match self.plot.kind {
            Kind::Stacked => Some((LEGEND + INCH / 4 + rows * INCH * 6 / 10).max(3 * INCH)),
            Kind::Bars { .. } => Some((INCH / 2 + rows * INCH / 2).max(5 * INCH / 2)),
            Kind::Columns => None,
        }
    }

    /// The chart drawn `width` × `height` EMU.
    pub fn place(self, width: i64, height: i64) -> Placed {
        Placed {
            xml: xml(&self.plot, &self.ink, width, height),
            workbook: self.workbook,
        }
    }
}

/// Room for a stacked chart's legend under its bars.
const LEGEND: i64 = INCH * 65 / 100;
/// The size of a chart's labels, in points.
const LABEL_SIZE: f64 = 11.0;

/// A chart as the deck shows it: the native chart of its shown rows (none when every row is
/// hidden) and the labels of the hidden ones.
pub(super) struct Plotted {
    pub part: Option<Part>,
    pub hidden: Vec<String>,
}

/// The words a chart's workbook and series are named with.
pub(super) struct Names<'a> {
    pub ink: &'a Ink,
    pub hidden: &'a str,
    /// A series of shares (a bar chart's one series).
    pub share: &'a str,
    /// A series of counts.
    pub count: &'a str,
}

/// The sheet every chart's formulas point into (PowerPoint's own name for it, in every language).
const SHEET: &str = "Sheet1";

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// Horizontal bars, each row's shares stacked to 100 %.
    Stacked,
    /// Horizontal bars side by side; `max` fixes the value axis (1 for shares).
    Bars { max: Option<f64> },
    /// Vertical columns.
    Columns,
}

struct Series {
    name: String,
    values: Vec<f64>,
    fill: RGBColor,
    /// A colour per point, where the points differ (the eNPS bands).
    points: Vec<RGBColor>,
}

struct Plot {
    kind: Kind,
    categories: Vec<String>,
    series: Vec<Series>,
    /// The values' number format: `0%` for shares.
    format: &'static str,
}

/// The native chart of `chart` (`None` for the heat map, which the deck shows as a table).
pub(super) fn plot(chart: &Chart, names: &Names) -> Result<Option<Plotted>, Error> {
    let (plot, hidden) = match chart {
        Chart::Diverging { points, rows } => {
            let shown: Vec<(&str, &Vec<f64>)> = rows
                .iter()
                .filter_map(|r| r.shares.as_ref().map(|s| (r.label.as_str(), s)))
                .collect();
            let colors = likert_colors(points.len());
            let series = points
                .iter()
                .zip(colors)
                .enumerate()
                .map(|(p, (name, fill))| Series {
                    name: name.clone(),
                    values: shown.iter().map(|(_, s)| s.get(p).copied().unwrap_or(0.0)).collect(),
                    fill,
                    points: Vec::new(),
                })
                .collect();
            let plot = Plot {
                kind: Kind::Stacked,
                categories: shown.iter().map(|(l, _)| (*l).to_owned()).collect(),
                series,
                format: "0%",
            };
            let hidden = rows.iter().filter(|r| r.shares.is_none()).map(|r| r.label.clone());
            (plot, hidden.collect())
        }
        Chart::Bars { rows, unit } => {
            let shown: Vec<(&String, f64)> = rows.iter().filter_map(|(l, v)| v.map(|v| (l, v))).collect();
            let (name, format, max) = match unit {
                Unit::Share => (names.share, "0%", Some(1.0)),
                Unit::Count => (names.count, "General", None),
            };
            let plot = Plot {
                kind: Kind::Bars { max },
                categories: shown.iter().map(|(l, _)| (*l).clone()).collect(),
                series: vec![Series {
                    name: name.to_owned(),
                    values: shown.iter().map(|(_, v)| *v).collect(),
                    fill: BAR_COLOR,
                    points: Vec::new(),
                }],
                format,
            };
            let hidden = rows.iter().filter(|(_, v)| v.is_none()).map(|(l, _)| l.clone());
            (plot, hidden.collect())
        }
        Chart::Histogram { counts, .. } => {
            #[allow(clippy::cast_precision_loss)]
            let values = counts.iter().map(|&c| c as f64).collect();
            let plot = Plot {
                kind: Kind::Columns,
                categories: (0..=10).map(|s: u8| s.to_string()).collect(),
                series: vec![Series {
                    name: names.count.to_owned(),
                    values,
                    fill: BAND_COLORS[1],
                    points: (0..=10).map(|s| BAND_COLORS[band(s)]).collect(),
                }],
                format: "General",
            };
            (plot, Vec::new())
        }
        Chart::HeatMap { .. } => return Ok(None),
    };
    let part = if plot.categories.is_empty() {
        None
    } else {
        Some(Part {
            workbook: workbook(&plot, &hidden, names.hidden)?,
            ink: names.ink.clone(),
            plot,
        })
    };
    Ok(Some(Plotted { part, hidden }))
}

/// The eNPS band of a score: detractors, passives, promoters.
fn band(score: usize) -> usize {
    match score {
        0..=6 => 0,
        7..=8 => 1,
        _ => 2,
    }
}

/// A column's letters: 0 is `A`, 26 `AA`.
fn column(mut i: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + u8::try_from(i % 26).unwrap_or(0)));
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// A number as the cache writes it: never an exponent, never NaN.
fn number(v: f64) -> String {
    if v.is_finite() { v.to_string() } else { "0".to_owned() }
}

/// Text properties: `size` points in `color`, in the theme's fonts.
fn text_props(ink: &Ink, size: f64, color: &str) -> String {
    format!(
        r#"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{}" b="0"><a:solidFill><a:srgbClr val="{color}"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:pPr><a:endParaRPr lang="{}"/></a:p></c:txPr>"#,
        hundredths(size),
        esc(&ink.lang)
    )
}

fn fill(color: RGBColor) -> String {
    format!(
        r#"<c:spPr><a:solidFill><a:srgbClr val="{}"/></a:solidFill></c:spPr>"#,
        hex(color)
    )
}

const NO_LINE: &str = "<a:ln><a:noFill/></a:ln>";

/// Where a horizontal bar chart's bars go (`c:manualLayout` of the inner plot area), as shares of
/// the chart `width` × `height`: right of the categories' labels, which get up to 40 % of the
/// width and wrap beyond it (in PowerPoint and LibreOffice alike, which otherwise leave long
/// statements a sliver of bars), above the legend of a stacked chart.
fn plot_layout(plot: &Plot, width: i64, height: i64) -> String {
    if plot.kind == Kind::Columns || width <= 0 || height <= 0 {
        return "<c:layout/>".to_owned();
    }
    #[allow(clippy::cast_precision_loss)]
    let (w, h) = (width as f64, height as f64);
    #[allow(clippy::cast_precision_loss)]
    let longest = plot
        .categories
        .iter()
        .map(|c| text::width(c, LABEL_SIZE))
        .max()
        .unwrap_or(0) as f64;
    #[allow(clippy::cast_precision_loss)]
    let inch = INCH as f64;
    let x = ((longest + inch * 0.2) / w).clamp(0.1, 0.4);
    // The figures at the bars' ends need room on the right.
    let right = if plot.kind == Kind::Stacked {
        inch * 0.1
    } else {
        inch * 0.55
    };
    #[allow(clippy::cast_precision_loss)]
    let bottom = if plot.kind == Kind::Stacked {
        LEGEND as f64
    } else {
        inch * 0.1
    };
    let y = inch * 0.05 / h;
    let plot_w = (1.0 - x - right / w).max(0.1);
    let plot_h = (1.0 - y - bottom / h).max(0.1);
    format!(
        r#"<c:layout><c:manualLayout><c:layoutTarget val="inner"/><c:xMode val="edge"/><c:yMode val="edge"/><c:x val="{x:.4}"/><c:y val="{y:.4}"/><c:w val="{plot_w:.4}"/><c:h val="{plot_h:.4}"/></c:manualLayout></c:layout>"#
    )
}

/// The chart part, `width` × `height` EMU: a bar chart (`c:barChart`) of the plot's series over
/// its categories, every element in the order of the schema (CT_ChartSpace, CT_BarChart,
/// CT_BarSer, CT_CatAx, CT_ValAx), the figures on the bars as data labels instead of a value
/// axis.
fn xml(plot: &Plot, ink: &Ink, width: i64, height: i64) -> String {
    let n = plot.categories.len();
    let last = n + 1;
    let mut out = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
    ));
    let _ = write!(
        out,
        r#"<c:date1904 val="0"/><c:lang val="{}"/><c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea>{}<c:barChart>"#,
        esc(&ink.lang),
        plot_layout(plot, width, height)
    );
    let (dir, grouping) = match plot.kind {
        Kind::Stacked => ("bar", "percentStacked"),
        Kind::Bars { .. } => ("bar", "clustered"),
        Kind::Columns => ("col", "clustered"),
    };
    let _ = write!(
        out,
        r#"<c:barDir val="{dir}"/><c:grouping val="{grouping}"/><c:varyColors val="0"/>"#
    );
    let categories = {
        let mut cache = format!(r#"<c:ptCount val="{n}"/>"#);
        for (i, c) in plot.categories.iter().enumerate() {
            let _ = write!(cache, r#"<c:pt idx="{i}"><c:v>{}</c:v></c:pt>"#, esc(c));
        }
        format!("<c:cat><c:strRef><c:f>{SHEET}!$A$2:$A${last}</c:f><c:strCache>{cache}</c:strCache></c:strRef></c:cat>")
    };
    for (s, series) in plot.series.iter().enumerate() {
        let col = column(s + 1);
        let _ = write!(
            out,
            r#"<c:ser><c:idx val="{s}"/><c:order val="{s}"/><c:tx><c:strRef><c:f>{SHEET}!${col}$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>{}</c:v></c:pt></c:strCache></c:strRef></c:tx>{}<c:invertIfNegative val="0"/>"#,
            esc(&series.name),
            fill(series.fill)
        );
        for (i, color) in series.points.iter().enumerate() {
            let _ = write!(
                out,
                r#"<c:dPt><c:idx val="{i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>{}</c:dPt>"#,
                fill(*color)
            );
        }
        // A stacked share too thin for its figure goes without one, as in the SVG chart; the
        // figure sits on its bar in a colour that reads on it.
        out.push_str("<c:dLbls>");
        let (position, label_color) = if plot.kind == Kind::Stacked {
            for (i, v) in series.values.iter().enumerate() {
                if *v < 0.06 {
                    let _ = write!(out, r#"<c:dLbl><c:idx val="{i}"/><c:delete val="1"/></c:dLbl>"#);
                }
            }
            let ink = if luminance(series.fill) < 0.5 {
                "FFFFFF"
            } else {
                super::text::INK
            };
            ("ctr", ink)
        } else {
            ("outEnd", super::text::INK)
        };
        let _ = write!(
            out,
            r#"<c:numFmt formatCode="{}" sourceLinked="0"/><c:spPr><a:noFill/>{NO_LINE}</c:spPr>{}<c:dLblPos val="{position}"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>"#,
            plot.format,
            text_props(ink, LABEL_SIZE, label_color)
        );
        out.push_str(&categories);
        let _ = write!(
            out,
            r#"<c:val><c:numRef><c:f>{SHEET}!${col}$2:${col}${last}</c:f><c:numCache><c:formatCode>{}</c:formatCode><c:ptCount val="{n}"/>"#,
            plot.format
        );
        for (i, v) in series.values.iter().enumerate() {
            let _ = write!(out, r#"<c:pt idx="{i}"><c:v>{}</c:v></c:pt>"#, number(*v));
        }
        out.push_str("</c:numCache></c:numRef></c:val></c:ser>");
    }
    let overlap = if plot.kind == Kind::Stacked {
        r#"<c:overlap val="100"/>"#
    } else {
        ""
    };
    let gap = if plot.kind == Kind::Columns { 30 } else { 50 };
    let _ = write!(
        out,
        r#"<c:gapWidth val="{gap}"/>{overlap}<c:axId val="500001"/><c:axId val="500002"/></c:barChart>"#
    );
    // Bars read top to bottom in the table's order: PowerPoint draws a bar chart's first
    // category at the bottom unless its axis runs from the maximum.
    let (orientation, category_at, value_at) = match plot.kind {
        Kind::Columns => ("minMax", "b", "l"),
        _ => ("maxMin", "l", "b"),
    };
    let axis_line = r#"<a:ln w="9525"><a:solidFill><a:srgbClr val="ADB5BD"/></a:solidFill></a:ln>"#;
    let _ = write!(
        out,
        r#"<c:catAx><c:axId val="500001"/><c:scaling><c:orientation val="{orientation}"/></c:scaling><c:delete val="0"/><c:axPos val="{category_at}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr><a:noFill/>{axis_line}</c:spPr>{}<c:crossAx val="500002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>"#,
        text_props(ink, LABEL_SIZE, super::text::INK)
    );
    let bounds = match plot.kind {
        Kind::Bars { max: Some(max) } => format!(r#"<c:max val="{}"/><c:min val="0"/>"#, number(max)),
        _ => String::new(),
    };
    let _ = write!(
        out,
        r#"<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/>{bounds}</c:scaling><c:delete val="1"/><c:axPos val="{value_at}"/><c:numFmt formatCode="{}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>"#,
        plot.format
    );
    if plot.series.len() > 1 {
        let _ = write!(
            out,
            r#"<c:legend><c:legendPos val="b"/><c:overlay val="0"/>{}</c:legend>"#,
            text_props(ink, 11.0, super::text::INK)
        );
    }
    let _ = write!(
        out,
        r#"<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart><c:spPr><a:noFill/>{NO_LINE}</c:spPr>{}<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>"#,
        text_props(ink, 11.0, super::text::INK)
    );
    out
}

/// The workbook behind a chart: categories down column A from row 2, a series per column from B
/// with its name in row 1 — the cells the chart's formulas name — and the hidden rows below,
/// after an empty row, in words.
fn workbook(plot: &Plot, hidden: &[String], hidden_word: &str) -> Result<Vec<u8>, Error> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET)?;
    sheet.set_column_width(0, 48)?;
    let percent = Format::new().set_num_format("0.0%");
    for (row, category) in (1..).zip(&plot.categories) {
        sheet.write_string(row, 0, category)?;
    }
    for (col, series) in (1..).zip(&plot.series) {
        sheet.write_string(0, col, &series.name)?;
        for (row, v) in (1..).zip(&series.values) {
            if plot.format == "0%" {
                sheet.write_number_with_format(row, col, *v, &percent)?;
            } else {
                sheet.write_number(row, col, *v)?;
            }
        }
    }
    let below = u32::try_from(plot.categories.len())
        .unwrap_or(u32::MAX)
        .saturating_add(2);
    for (row, label) in (below..).zip(hidden) {
        sheet.write_string(row, 0, label)?;
        sheet.write_string(row, 1, hidden_word)?;
    }
    Ok(book.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        assert_eq!(
            [column(0), column(1), column(25), column(26), column(27)],
            ["A", "B", "Z", "AA", "AB"]
        );
    }

    #[test]
    fn a_hidden_row_is_neither_plotted_nor_cached() {
        let ink = Ink { lang: "ja-JP".into() };
        let names = Names {
            ink: &ink,
            hidden: "非表示",
            share: "割合",
            count: "件数",
        };
        let chart = Chart::Bars {
            rows: vec![("全体".into(), Some(0.75)), ("法務".into(), None)],
            unit: Unit::Share,
        };
        let plotted = plot(&chart, &names).unwrap().unwrap();
        assert_eq!(plotted.hidden, ["法務"]);
        let xml = plotted.part.unwrap().place(6 * INCH, 4 * INCH).xml;
        assert!(
            xml.contains("<c:v>全体</c:v>") && xml.contains("<c:v>0.75</c:v>"),
            "{xml}"
        );
        assert!(!xml.contains("法務"), "{xml}");
        assert!(xml.contains("<c:f>Sheet1!$A$2:$A$2</c:f>"), "{xml}");
        let all_hidden = Chart::Bars {
            rows: vec![("法務".into(), None)],
            unit: Unit::Share,
        };
        assert!(plot(&all_hidden, &names).unwrap().unwrap().part.is_none());
    }
}
