//! Which chart shows which part of the report: the report model's (already suppressed) figures
//! turned into [`Chart`]s with labels in the report's language.

use survey_analysis::{Distribution, Figure, Measure, Report};
use survey_design::{Question, QuestionKind, Questionnaire};
use survey_i18n::t;

use crate::chart::{Chart, DivergingRow, Unit};
use crate::labels::Words;

/// The chart of one question: diverging bars for a scale (everyone and each group) or a matrix
/// (a row per statement), bars for choices and rankings, the 0–10 histogram for a rating.
pub fn question(q: &Questionnaire, report: &Report, question: &Question, words: &Words) -> Option<Chart> {
    let measures: Vec<&Measure> = report
        .measures
        .iter()
        .filter(|m| m.question == question.id().as_str())
        .collect();
    let first = measures.first()?;
    match question.kind() {
        QuestionKind::Likert { scale, .. } => {
            let mut rows = vec![diverging_row(
                words.everyone().to_owned(),
                &first.overall,
                scale.points(),
            )];
            if first.by_segment.len() > 1 {
                rows.extend(
                    first
                        .by_segment
                        .iter()
                        .map(|(segment, figure)| diverging_row(words.segment_short(segment), figure, scale.points())),
                );
                rows.extend(first.together.as_ref().map(|t| {
                    let figure = Figure::Shown(t.figure.clone());
                    diverging_row(words.together().to_owned(), &figure, scale.points())
                }));
            }
            Some(Chart::Diverging {
                points: point_names(question, words),
                rows,
            })
        }
        QuestionKind::Matrix { scale, .. } => {
            let rows = measures
                .iter()
                .map(|m| diverging_row(words.measure(q, m), &m.overall, scale.points()))
                .collect();
            Some(Chart::Diverging {
                points: point_names(question, words),
                rows,
            })
        }
        QuestionKind::Rating { .. } => {
            let d = first.overall.shown()?;
            let mut counts = [0u64; 11];
            for (key, share) in &d.categories {
                if let Some(slot) = key.parse::<usize>().ok().and_then(|i| counts.get_mut(i)) {
                    *slot = share.count;
                }
            }
            Some(Chart::Histogram {
                counts,
                enps: d.enps.unwrap_or(0.0),
                bands: [
                    t!(words.lang(), "report-detractors-0-6"),
                    t!(words.lang(), "report-passives-7-8"),
                    t!(words.lang(), "report-promoters-9-10"),
                ],
            })
        }
        QuestionKind::SingleChoice(_) | QuestionKind::MultipleChoice { .. } | QuestionKind::Ranking { .. } => {
            let d = first.overall.shown()?;
            let rows = d
                .categories
                .iter()
                .map(|(key, share)| (words.category(question.kind(), key), Some(share.share)))
                .collect();
            Some(Chart::Bars {
                rows,
                unit: Unit::Share,
            })
        }
        _ => None,
    }
}

/// Favourable share of every scale measure by group, hidden cells kept as such.
pub fn heat_map(q: &Questionnaire, report: &Report, words: &Words) -> Option<Chart> {
    let scales: Vec<&Measure> = report.measures.iter().filter(|m| has_favourable(q, m)).collect();
    if scales.is_empty() {
        return None;
    }
    let mut columns = vec![words.everyone().to_owned()];
    columns.extend(report.segments.iter().map(|s| words.segment_short(&s.segment)));
    let favourable = |f: &Figure<Distribution>| f.shown().and_then(|d| d.favourable).map(|s| s.share);
    let rows = scales
        .iter()
        .map(|m| {
            let mut cells = vec![favourable(&m.overall)];
            cells.extend(report.segments.iter().map(|s| {
                m.by_segment
                    .iter()
                    .find(|(segment, _)| *segment == s.segment)
                    .and_then(|(_, f)| favourable(f))
            }));
            (words.measure(q, m), cells)
        })
        .collect();
    Some(Chart::HeatMap { columns, rows })
}

/// Response rate of each group (hidden groups say so).
pub fn response_rates(report: &Report, words: &Words) -> Chart {
    let mut rows = vec![(words.everyone().to_owned(), report.rate.shown().copied())];
    rows.extend(
        report
            .segments
            .iter()
            .map(|s| (words.segment(&s.segment), s.rate.shown().copied())),
    );
    rows.extend(
        report
            .segments_together
            .as_ref()
            .and_then(|t| Some((words.together().to_owned(), Some(t.figure.rate?)))),
    );
    Chart::Bars {
        rows,
        unit: Unit::Share,
    }
}

/// The most frequent terms of a question's comments, by the number of comments holding them.
pub fn terms(terms: &[(String, u64)]) -> Option<Chart> {
    (!terms.is_empty()).then(|| Chart::Bars {
        rows: terms.iter().map(|(t, n)| (t.clone(), Some(*n as f64))).collect(),
        unit: Unit::Count,
    })
}

fn has_favourable(q: &Questionnaire, m: &Measure) -> bool {
    q.question(&m.question)
        .is_some_and(|x| matches!(x.kind(), QuestionKind::Likert { .. } | QuestionKind::Matrix { .. }))
}

fn point_names(question: &Question, words: &Words) -> Vec<String> {
    match question.kind() {
        QuestionKind::Likert { scale, .. } | QuestionKind::Matrix { scale, .. } => (1..=scale.points())
            .map(|p| scale.label(p).map_or(p.to_string(), |t| t.get(words.lang()).to_owned()))
            .collect(),
        _ => Vec::new(),
    }
}

/// Shares of the points among the answers on the scale ("not applicable" left out).
fn diverging_row(label: String, figure: &Figure<Distribution>, points: u8) -> DivergingRow {
    let shares = figure.shown().map(|d| {
        let counts = d.point_counts(points);
        let total = counts.iter().sum::<u64>().max(1) as f64;
        counts.iter().map(|&c| c as f64 / total).collect()
    });
    DivergingRow { label, shares }
}
