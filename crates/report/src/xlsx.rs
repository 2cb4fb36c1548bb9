//! The report as an Excel workbook: a sheet per part (responses, every figure by question, topic
//! indices, comments), sheet names and labels in the report's language, numbers as numbers
//! (shares formatted as percentages), hidden figures marked in words, never as numbers.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use survey_design::Questionnaire;
use survey_i18n::t;

use rust_xlsxwriter::Image;
use survey_analysis::{Figure, Report};

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

    // The charts as pictures, one under the other (PNG at twice the size, shown at half).
    let sheet = named(&mut workbook, &words.charts)?;
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
        let png = doc.png(chart)?;
        sheet.write_string_with_format(row, 0, &title, &bold)?;
        let image = Image::new_from_buffer(png)?.set_scale_width(0.5).set_scale_height(0.5);
        sheet.insert_image(row + 1, 0, &image)?;
        // Default rows are 20 pixels high.
        row += chart.size().1.div_ceil(20) + 3;
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
