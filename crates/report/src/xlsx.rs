//! The report as an Excel workbook: a sheet per part (responses, every figure by question, topic
//! indices, comments), sheet names and labels in the report's language, numbers as numbers
//! (shares formatted as percentages), hidden figures marked in words, never as numbers.

use rust_xlsxwriter::{
    Chart as Native, ChartPoint, ChartSolidFill, ChartType, Color, ConditionalFormat2ColorScale, ConditionalFormatType,
    Format, Workbook, Worksheet, XlsxError,
};
use survey_design::Questionnaire;
use survey_i18n::t;

use survey_analysis::{Figure, Report};

use crate::chart::{BAND_COLORS, Chart, DivergingRow, Unit, likert_colors};
use crate::document::Document;
use crate::error::Error;

/// Words of the workbook, in the report's language.
struct Words {
    responses: String,
    by_question: String,
    topics: String,
    comments: String,
    charts: String,
    trends: String,
    terms: String,
    header_trends: [String; 5],
    hidden: String,
    everyone: String,
    header_groups: [String; 4],
    header_figures: [String; 11],
    header_topics: [String; 6],
}

impl Words {
    fn new(l: &survey_design::Lang) -> Self {
        Self {
            responses: t!(l, "report-sheet-responses"),
            by_question: t!(l, "report-sheet-by-question"),
            topics: t!(l, "report-sheet-topics"),
            comments: t!(l, "report-sheet-comments"),
            charts: t!(l, "report-sheet-charts"),
            trends: t!(l, "report-sheet-trends"),
            terms: t!(l, "report-frequent-terms-count"),
            header_trends: [
                t!(l, "report-column-question"),
                t!(l, "report-column-item"),
                t!(l, "report-column-earlier-wave"),
                t!(l, "report-column-this-wave"),
                t!(l, "report-column-change"),
            ],
            hidden: t!(l, "report-hidden"),
            everyone: t!(l, "report-everyone"),
            header_groups: [
                t!(l, "report-column-group"),
                t!(l, "report-column-invited"),
                t!(l, "report-column-responses"),
                t!(l, "report-column-rate"),
            ],
            header_figures: [
                t!(l, "report-column-question"),
                t!(l, "report-column-text"),
                t!(l, "report-column-item"),
                t!(l, "report-column-answer"),
                t!(l, "report-column-group"),
                "n".to_owned(),
                t!(l, "report-column-count"),
                t!(l, "report-column-share"),
                t!(l, "report-column-low"),
                t!(l, "report-column-high"),
                t!(l, "report-column-note"),
            ],
            header_topics: [
                t!(l, "report-column-topic"),
                t!(l, "report-column-group"),
                t!(l, "report-column-respondents"),
                t!(l, "report-column-favourable"),
                t!(l, "report-column-on-scale"),
                t!(l, "report-column-favourable-share"),
            ],
        }
    }
}

pub fn render(q: &Questionnaire, report: &Report, doc: &Document) -> Result<Vec<u8>, Error> {
    let lang = doc.words.lang();
    let words = &Words::new(lang);
    let together_word = doc.words.together();
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0.0%");
    let mut workbook = Workbook::new();

    let sheet = named(&mut workbook, &words.responses)?;
    header(sheet, &words.header_groups, &bold)?;
    let together = report.segments_together.as_ref().map(|t| {
        let rate = t.figure.rate.map_or(Figure::Hidden, Figure::Shown);
        (t.figure.invited, Figure::Shown(t.figure.responses), rate)
    });
    let groups = std::iter::once((words.everyone.as_str(), report.invited, &report.responses, &report.rate))
        .chain(
            report
                .segments
                .iter()
                .map(|s| (s.segment.as_str(), s.invited, &s.responses, &s.rate)),
        )
        .chain(
            together
                .as_ref()
                .map(|(invited, responses, rate)| (together_word.as_str(), *invited, responses, rate)),
        );
    for (row, (group, invited, responses, rate)) in (1..).zip(groups) {
        sheet.write_string(row, 0, group)?;
        sheet.write_number(row, 1, invited as f64)?;
        cell(sheet, row, 2, responses.shown().map(|n| *n as f64), None, words)?;
        cell(sheet, row, 3, rate.shown().copied(), Some(&percent), words)?;
    }

    let sheet = named(&mut workbook, &words.by_question)?;
    header(sheet, &words.header_figures, &bold)?;
    sheet.set_freeze_panes(1, 0)?;
    let mut row = 1;
    for m in &report.measures {
        let text = q.question(&m.question).map_or("", |x| x.text().get(lang));
        let item = m.item.as_deref().unwrap_or("");
        let together = m.together.as_ref().map(|t| Figure::Shown(t.figure.clone()));
        let groups = std::iter::once((words.everyone.as_str(), &m.overall))
            .chain(m.by_segment.iter().map(|(s, f)| (s.as_str(), f)))
            .chain(together.as_ref().map(|f| (together_word.as_str(), f)));
        for (group, figure) in groups {
            let lead = [m.question.as_str(), text, item];
            match figure {
                Figure::Hidden => {
                    strings(sheet, row, &lead)?;
                    sheet.write_string(row, 4, group)?;
                    sheet.write_string(row, 10, &words.hidden)?;
                    row += 1;
                }
                Figure::Shown(d) => {
                    let rows = d
                        .categories
                        .iter()
                        .map(|(c, s)| (c.as_str(), *s))
                        .chain(d.favourable.map(|f| ("favourable", f)));
                    for (category, share) in rows {
                        strings(sheet, row, &lead)?;
                        sheet.write_string(row, 3, category)?;
                        sheet.write_string(row, 4, group)?;
                        sheet.write_number(row, 5, share.of as f64)?;
                        sheet.write_number(row, 6, share.count as f64)?;
                        sheet.write_number_with_format(row, 7, share.share, &percent)?;
                        sheet.write_number_with_format(row, 8, share.low, &percent)?;
                        sheet.write_number_with_format(row, 9, share.high, &percent)?;
                        row += 1;
                    }
                }
            }
        }
    }

    if !report.topics.is_empty() {
        let sheet = named(&mut workbook, &words.topics)?;
        header(sheet, &words.header_topics, &bold)?;
        let mut row = 1;
        for t in &report.topics {
            let label = q
                .topics()
                .iter()
                .find(|x| x.id().as_str() == t.topic)
                .map_or(t.topic.as_str(), |x| x.label().get(lang));
            let together = t.together.as_ref().map(|x| Figure::Shown(x.figure));
            let groups = std::iter::once((words.everyone.as_str(), &t.overall))
                .chain(t.by_segment.iter().map(|(s, f)| (s.as_str(), f)))
                .chain(together.as_ref().map(|f| (together_word.as_str(), f)));
            for (group, figure) in groups {
                sheet.write_string(row, 0, label)?;
                sheet.write_string(row, 1, group)?;
                match figure {
                    Figure::Shown(x) => {
                        sheet.write_number(row, 2, x.respondents as f64)?;
                        sheet.write_number(row, 3, x.favourable.count as f64)?;
                        sheet.write_number(row, 4, x.favourable.of as f64)?;
                        sheet.write_number_with_format(row, 5, x.favourable.share, &percent)?;
                    }
                    Figure::Hidden => {
                        sheet.write_string(row, 2, &words.hidden)?;
                    }
                }
                row += 1;
            }
        }
    }

    if !report.trends.is_empty() {
        let sheet = named(&mut workbook, &words.trends)?;
        header(sheet, &words.header_trends, &bold)?;
        for (row, t) in (1..).zip(&report.trends) {
            strings(sheet, row, &[t.question.as_str(), t.item.as_deref().unwrap_or("")])?;
            let format = (!t.rating).then_some(&percent);
            cell(sheet, row, 2, t.earlier.shown().copied(), format, words)?;
            cell(sheet, row, 3, t.now.shown().copied(), format, words)?;
            cell(sheet, row, 4, t.change.shown().copied(), format, words)?;
        }
    }

    if !report.comments.is_empty() {
        let sheet = named(&mut workbook, &words.comments)?;
        let mut row = 0;
        for c in &report.comments {
            let text = q
                .question(&c.question)
                .map_or(c.question.as_str(), |x| x.text().get(lang));
            sheet.write_string_with_format(row, 0, text, &bold)?;
            row += 1;
            if !c.terms.is_empty() {
                sheet.write_string(row, 0, &words.terms)?;
                row += 1;
                for (term, n) in &c.terms {
                    sheet.write_string(row, 0, term)?;
                    sheet.write_number(row, 1, *n as f64)?;
                    row += 1;
                }
                row += 1;
            }
            for comment in &c.texts {
                sheet.write_string(row, 0, comment)?;
                row += 1;
            }
            row += 1;
        }
    }

    // The charts, native: each one's figures in a table on the charts sheet and an Excel chart
    // drawn over those cells beside it, so the firm can restyle and relabel it. Hidden rows are
    // listed under the plotted ones, in words, outside every range a chart reads.
    let sheet = named(&mut workbook, &words.charts)?;
    sheet.set_column_width(0, 48)?;
    let charts = std::iter::once((t!(doc.words.lang(), "report-response-rate"), Some(&doc.rates_chart)))
        .chain(
            doc.heat_map
                .as_ref()
                .map(|c| (t!(doc.words.lang(), "report-favourable-share-group-2"), Some(c))),
        )
        .chain(doc.sections.iter().map(|s| (s.title.clone(), s.chart.as_ref())));
    let mut row = 0;
    for (title, chart) in charts {
        let Some(chart) = chart else { continue };
        sheet.write_string_with_format(row, 0, &title, &bold)?;
        let table = Table {
            sheet: &words.charts,
            top: row + 1,
            percent: &percent,
            hidden: &words.hidden,
        };
        let drawn = table.write(sheet, chart)?;
        let mut height = drawn.rows;
        if let Some(mut native) = drawn.chart {
            native.title().set_name(&title);
            native.set_width(640).set_height(drawn.height);
            sheet.insert_chart(table.top, drawn.columns + 1, &native)?;
            // Default rows are 20 pixels high.
            height = height.max(drawn.height.div_ceil(20));
        }
        row = table.top + height + 2;
    }
    Ok(workbook.save_to_buffer()?)
}

fn named<'a>(workbook: &'a mut Workbook, name: &str) -> Result<&'a mut Worksheet, XlsxError> {
    let sheet = workbook.add_worksheet();
    sheet.set_name(name)?;
    Ok(sheet)
}

fn header(sheet: &mut Worksheet, titles: &[String], bold: &Format) -> Result<(), XlsxError> {
    for (col, title) in titles.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, title, bold)?;
    }
    Ok(())
}

fn strings(sheet: &mut Worksheet, row: u32, values: &[&str]) -> Result<(), XlsxError> {
    for (col, value) in values.iter().enumerate() {
        sheet.write_string(row, col as u16, *value)?;
    }
    Ok(())
}

/// A number, or the word for hidden.
fn cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<f64>,
    format: Option<&Format>,
    words: &Words,
) -> Result<(), XlsxError> {
    match (value, format) {
        (Some(v), Some(f)) => sheet.write_number_with_format(row, col, v, f)?,
        (Some(v), None) => sheet.write_number(row, col, v)?,
        (None, _) => sheet.write_string(row, col, &words.hidden)?,
    };
    Ok(())
}

/// A chart's figures as a table on the charts sheet, at `top`.
struct Table<'a> {
    sheet: &'a str,
    top: u32,
    percent: &'a Format,
    hidden: &'a str,
}

/// What a table took: its rows and columns, and the native chart over it with its height in pixels
/// (none for the heat map, which is its table coloured by value, or when every row is hidden).
struct Drawn {
    rows: u32,
    columns: u16,
    chart: Option<Native>,
    height: u32,
}

/// The height of a bar chart of `bars` bars, in pixels.
fn bars_height(bars: usize) -> u32 {
    160 + 24 * u32::try_from(bars.min(30)).unwrap_or(30)
}

impl Table<'_> {
    fn write(&self, sheet: &mut Worksheet, chart: &Chart) -> Result<Drawn, XlsxError> {
        match chart {
            Chart::Diverging { points, rows } => self.diverging(sheet, points, rows),
            Chart::Bars { rows, unit } => self.bars(sheet, rows, *unit),
            Chart::Histogram { counts, enps, bands } => self.histogram(sheet, counts, *enps, bands),
            Chart::HeatMap { columns, rows } => self.heat_map(sheet, columns, rows),
        }
    }

    /// The range of column `column` over the plotted rows (the first is `top + 1`).
    fn range(&self, column: u16, plotted: usize) -> (&str, u32, u16, u32, u16) {
        let last = self.top + u32::try_from(plotted).unwrap_or(u32::MAX);
        (self.sheet, self.top + 1, column, last, column)
    }

    /// Labels in the first column, the plotted rows first and the hidden ones after them.
    fn labels<'r>(&self, sheet: &mut Worksheet, shown: &[&'r str], hidden: &[&'r str]) -> Result<(), XlsxError> {
        for (row, label) in (self.top + 1..).zip(shown.iter().chain(hidden)) {
            sheet.write_string(row, 0, *label)?;
        }
        for row in self.top + 1 + u32::try_from(shown.len()).unwrap_or(0)
            ..self.top + 1 + u32::try_from(shown.len() + hidden.len()).unwrap_or(0)
        {
            sheet.write_string(row, 1, self.hidden)?;
        }
        Ok(())
    }

    fn diverging(&self, sheet: &mut Worksheet, points: &[String], rows: &[DivergingRow]) -> Result<Drawn, XlsxError> {
        let shown: Vec<(&str, &Vec<f64>)> = rows
            .iter()
            .filter_map(|r| r.shares.as_ref().map(|s| (r.label.as_str(), s)))
            .collect();
        let hidden: Vec<&str> = rows
            .iter()
            .filter(|r| r.shares.is_none())
            .map(|r| r.label.as_str())
            .collect();
        let labels: Vec<&str> = shown.iter().map(|(l, _)| *l).collect();
        self.labels(sheet, &labels, &hidden)?;
        let colors = likert_colors(points.len());
        let mut native = Native::new(ChartType::BarPercentStacked);
        for (p, point) in points.iter().enumerate() {
            let column = u16::try_from(p + 1).unwrap_or(u16::MAX);
            sheet.write_string(self.top, column, point)?;
            for (row, (_, shares)) in (self.top + 1..).zip(&shown) {
                sheet.write_number_with_format(row, column, shares.get(p).copied().unwrap_or(0.0), self.percent)?;
            }
            native
                .add_series()
                .set_name((self.sheet, self.top, column))
                .set_categories(self.range(0, shown.len()))
                .set_values(self.range(column, shown.len()))
                .set_format(&mut fill(colors[p]))
                .set_gap(60);
        }
        self.finish_bars(&mut native, true);
        Ok(Drawn {
            rows: u32::try_from(rows.len()).unwrap_or(u32::MAX) + 1,
            columns: u16::try_from(points.len() + 1).unwrap_or(u16::MAX),
            height: bars_height(shown.len()),
            chart: (!shown.is_empty()).then_some(native),
        })
    }

    fn bars(&self, sheet: &mut Worksheet, rows: &[(String, Option<f64>)], unit: Unit) -> Result<Drawn, XlsxError> {
        let shown: Vec<(&str, f64)> = rows.iter().filter_map(|(l, v)| v.map(|v| (l.as_str(), v))).collect();
        let hidden: Vec<&str> = rows
            .iter()
            .filter(|(_, v)| v.is_none())
            .map(|(l, _)| l.as_str())
            .collect();
        let labels: Vec<&str> = shown.iter().map(|(l, _)| *l).collect();
        self.labels(sheet, &labels, &hidden)?;
        for (row, (_, value)) in (self.top + 1..).zip(&shown) {
            match unit {
                Unit::Share => sheet.write_number_with_format(row, 1, *value, self.percent)?,
                Unit::Count => sheet.write_number(row, 1, *value)?,
            };
        }
        let mut native = Native::new(ChartType::Bar);
        native
            .add_series()
            .set_categories(self.range(0, shown.len()))
            .set_values(self.range(1, shown.len()))
            .set_format(&mut fill(crate::chart::BAR_COLOR))
            .set_gap(60);
        native.legend().set_hidden();
        self.finish_bars(&mut native, unit == Unit::Share);
        Ok(Drawn {
            rows: u32::try_from(rows.len()).unwrap_or(u32::MAX),
            columns: 2,
            height: bars_height(shown.len()),
            chart: (!shown.is_empty()).then_some(native),
        })
    }

    /// Rows top to bottom as in the table (Excel draws a bar chart's first category at the bottom);
    /// shares on a 0–100 % axis. A bar chart's categories are on its vertical (y) axis.
    fn finish_bars(&self, native: &mut Native, share: bool) {
        native.y_axis().set_reverse();
        if share {
            native.x_axis().set_num_format("0%").set_min(0).set_max(1);
        }
    }

    fn histogram(
        &self,
        sheet: &mut Worksheet,
        counts: &[u64; 11],
        enps: f64,
        bands: &[String; 3],
    ) -> Result<Drawn, XlsxError> {
        for (row, (score, count)) in (self.top + 1..).zip(counts.iter().enumerate()) {
            sheet.write_number(row, 0, score as f64)?;
            sheet.write_number(row, 1, *count as f64)?;
        }
        let below = self.top + 12;
        sheet.write_string(below, 0, "eNPS")?;
        sheet.write_number(below, 1, enps)?;
        for (row, band) in (below + 1..).zip(bands) {
            sheet.write_string(row, 0, band)?;
        }
        let points: Vec<ChartPoint> = (0..11)
            .map(|score| {
                let band = match score {
                    0..=6 => 0,
                    7..=8 => 1,
                    _ => 2,
                };
                ChartPoint::new().set_format(&mut fill(BAND_COLORS[band]))
            })
            .collect();
        let mut native = Native::new(ChartType::Column);
        native
            .add_series()
            .set_categories(self.range(0, 11))
            .set_values(self.range(1, 11))
            .set_points(&points)
            .set_gap(30);
        native.legend().set_hidden();
        Ok(Drawn {
            rows: 15,
            columns: 2,
            height: 300,
            chart: Some(native),
        })
    }

    /// The heat map is its table, each shown share coloured light to dark by Excel's colour scale
    /// (hidden cells are words, which a colour scale leaves alone).
    fn heat_map(
        &self,
        sheet: &mut Worksheet,
        columns: &[String],
        rows: &[(String, Vec<Option<f64>>)],
    ) -> Result<Drawn, XlsxError> {
        for (c, name) in (1..).zip(columns) {
            sheet.write_string(self.top, c, name)?;
        }
        for (row, (label, shares)) in (self.top + 1..).zip(rows) {
            sheet.write_string(row, 0, label)?;
            for (c, share) in (1..).zip(shares) {
                match share {
                    Some(v) => sheet.write_number_with_format(row, c, *v, self.percent)?,
                    None => sheet.write_string(row, c, self.hidden)?,
                };
            }
        }
        let last_row = self.top + u32::try_from(rows.len()).unwrap_or(u32::MAX);
        let last_column = u16::try_from(columns.len()).unwrap_or(u16::MAX);
        if !rows.is_empty() && last_column > 0 {
            let scale = ConditionalFormat2ColorScale::new()
                .set_minimum(ConditionalFormatType::Number, 0)
                .set_maximum(ConditionalFormatType::Number, 1)
                .set_minimum_color(Color::RGB(0xEFF3FF))
                .set_maximum_color(Color::RGB(0x6BAED6));
            sheet.add_conditional_format(self.top + 1, 1, last_row, last_column, &scale)?;
        }
        Ok(Drawn {
            rows: u32::try_from(rows.len()).unwrap_or(u32::MAX) + 1,
            columns: last_column + 1,
            height: 0,
            chart: None,
        })
    }
}

/// A solid fill of one of the SVG charts' colours, so the workbook's charts look like the PDF's.
fn fill(color: plotters::style::RGBColor) -> ChartSolidFill {
    let rgb = (u32::from(color.0) << 16) | (u32::from(color.1) << 8) | u32::from(color.2);
    ChartSolidFill::new().set_color(Color::RGB(rgb)).clone()
}
