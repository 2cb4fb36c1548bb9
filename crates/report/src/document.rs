//! The report laid out once for reading — sections with their titles, notes, tables of text and
//! charts, in the report's language — so that the HTML page and the PDF show the same document.

use survey_analysis::{Distribution, Figure, Measure, Report};
use survey_design::{QuestionKind, Questionnaire};
use survey_i18n::t;

use std::sync::OnceLock;

use crate::chart::{Chart, ChartError};
use crate::figures;
use crate::labels::Words;

/// What the report model does not know: where the survey ran and what its tally is.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub organisation: String,
    /// The fieldwork period as people write it, e.g. `2026-10-01 – 2026-10-14`.
    pub period: String,
    /// The day the report was made.
    pub issued: String,
    pub tally: Option<TallyFacts>,
}

#[derive(Debug, Clone)]
pub struct TallyFacts {
    pub count: u64,
    pub root: String,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub words: Words,
    pub title: String,
    pub meta: Meta,
    pub responses: String,
    pub rate: String,
    pub summary: Vec<Block>,
    pub rates: Table,
    pub rates_chart: Chart,
    pub topics: Option<Table>,
    pub sections: Vec<Section>,
    pub heat_map: Option<Chart>,
    pub trends: Option<Trends>,
    pub comments: Vec<CommentBlock>,
    pub methodology: Vec<Paragraph>,
    /// The charts as PNG (for the PDF and the workbook), drawn once when first asked for.
    pngs: OnceLock<Vec<Result<Vec<u8>, ChartError>>>,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub title: String,
    pub items: Vec<String>,
}

/// A table of text; hidden figures read as [`Words::hidden`].
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub title: String,
    pub note: Option<String>,
    pub chart: Option<Chart>,
    pub table: Option<Table>,
    pub groups: Option<Table>,
    pub differences: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Trends {
    pub note: String,
    pub table: Table,
}

#[derive(Debug, Clone)]
pub struct CommentBlock {
    pub question: String,
    pub note: String,
    pub terms: Option<Chart>,
    pub texts: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Paragraph {
    pub title: String,
    pub text: String,
}

/// A cell with nothing to show (no hidden groups to sum up, or none invited).
const NONE: &str = "—";

fn shown<T>(figure: &Figure<T>, words: &Words, show: impl Fn(&T) -> String) -> String {
    figure.shown().map_or_else(|| words.hidden().to_owned(), show)
}

impl Document {
    pub fn new(q: &Questionnaire, report: &Report, meta: Meta, words: Words) -> Self {
        let title = q.title().get(words.lang()).to_owned();
        let rate_row = |group: String, invited: u64, responses: &Figure<u64>, rate: &Figure<f64>| {
            vec![
                group,
                words.count(invited),
                shown(responses, &words, |n| words.count(*n)),
                shown(rate, &words, |r| words.percent(*r)),
            ]
        };
        let rates = Table {
            head: vec![
                t!(words.lang(), "report-group"),
                t!(words.lang(), "report-invited"),
                t!(words.lang(), "report-responses"),
                t!(words.lang(), "report-rate"),
            ],
            rows: std::iter::once(rate_row(
                words.everyone(),
                report.invited,
                &report.responses,
                &report.rate,
            ))
            .chain(
                report
                    .segments
                    .iter()
                    .map(|s| rate_row(words.segment(&s.segment), s.invited, &s.responses, &s.rate)),
            )
            .chain(report.segments_together.as_ref().map(|t| {
                vec![
                    words.together().to_owned(),
                    words.count(t.figure.invited),
                    words.count(t.figure.responses),
                    t.figure.rate.map_or_else(|| NONE.to_owned(), |r| words.percent(r)),
                ]
            }))
            .collect(),
        };
        let topics = (!report.topics.is_empty()).then(|| {
            let mut head = vec![t!(words.lang(), "report-topic"), words.everyone().to_owned()];
            head.extend(report.segments.iter().map(|s| words.segment_short(&s.segment)));
            let together = report.topics.iter().any(|t| t.together.is_some());
            if together {
                head.push(words.together().to_owned());
            }
            let rows = report
                .topics
                .iter()
                .map(|t| {
                    let mut row = vec![topic_label(q, &t.topic, &words)];
                    row.push(shown(&t.overall, &words, |x| words.percent(x.favourable.share)));
                    row.extend(
                        t.by_segment
                            .iter()
                            .map(|(_, f)| shown(f, &words, |x| words.percent(x.favourable.share))),
                    );
                    if together {
                        row.push(
                            t.together
                                .as_ref()
                                .map_or_else(|| NONE.to_owned(), |x| words.percent(x.figure.favourable.share)),
                        );
                    }
                    row
                })
                .collect();
            Table { head, rows }
        });
        let sections = q
            .questions()
            .filter_map(|question| section(q, report, question, &words))
            .collect();
        let comments = report
            .comments
            .iter()
            .map(|c| CommentBlock {
                question: q
                    .question(&c.question)
                    .map_or(c.question.clone(), |x| x.text().get(words.lang()).to_owned()),
                note: if c.texts.len() as u64 == c.total {
                    t!(words.lang(), "report-comments-all", total = c.total)
                } else {
                    t!(
                        words.lang(),
                        "report-comments-sample",
                        shown = c.texts.len(),
                        total = c.total
                    )
                },
                terms: figures::terms(&c.terms),
                texts: c.texts.clone(),
            })
            .collect();
        Self {
            summary: summary(q, report, &words),
            rates_chart: figures::response_rates(report, &words),
            heat_map: figures::heat_map(q, report, &words),
            trends: trends(q, report, &words),
            methodology: methodology(report, &meta, &words),
            responses: shown(&report.responses, &words, u64::to_string),
            rate: shown(&report.rate, &words, |r| words.percent(*r)),
            title,
            meta,
            rates,
            topics,
            sections,
            comments,
            words,
            pngs: OnceLock::new(),
        }
    }

    /// Every chart of the document, in reading order.
    pub fn charts(&self) -> Vec<&Chart> {
        std::iter::once(&self.rates_chart)
            .chain(self.sections.iter().filter_map(|s| s.chart.as_ref()))
            .chain(self.heat_map.as_ref())
            .chain(self.comments.iter().filter_map(|c| c.terms.as_ref()))
            .collect()
    }

    /// One of this document's charts as a PNG at twice its size. The first call draws them all,
    /// on every core.
    pub fn png(&self, chart: &Chart) -> Result<&[u8], ChartError> {
        let charts = self.charts();
        let pngs = self.pngs.get_or_init(|| {
            let words = self.chart_words();
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
            let mut drawn: Vec<Option<Result<Vec<u8>, ChartError>>> = vec![None; charts.len()];
            std::thread::scope(|scope| {
                let parts: Vec<_> = (0..threads)
                    .map(|t| {
                        let (charts, words) = (&charts, &words);
                        scope.spawn(move || {
                            (t..charts.len())
                                .step_by(threads)
                                .map(|i| (i, charts[i].png(2, words)))
                                .collect::<Vec<_>>()
                        })
                    })
                    .collect();
                for part in parts {
                    // A drawing thread only returns; it does not panic on bad data.
                    for (i, png) in part.join().unwrap_or_default() {
                        drawn[i] = Some(png);
                    }
                }
            });
            drawn
                .into_iter()
                .map(|png| png.unwrap_or_else(|| Err(ChartError::new("not drawn"))))
                .collect()
        });
        let at = charts.iter().position(|c| std::ptr::eq(*c, chart));
        match at.and_then(|i| pngs.get(i)) {
            Some(Ok(png)) => Ok(png),
            Some(Err(e)) => Err(e.clone()),
            None => Err(ChartError::new("not a chart of this document")),
        }
    }
}

fn topic_label(q: &Questionnaire, topic: &str, words: &Words) -> String {
    q.topics()
        .iter()
        .find(|x| x.id().as_str() == topic)
        .map_or(topic.to_owned(), |x| x.label().get(words.lang()).to_owned())
}

/// The figure that sums a group's answers up: favourable share, eNPS or mean.
fn headline(d: &Distribution, words: &Words) -> String {
    match (d.favourable, d.enps, d.moments) {
        (Some(f), _, _) => words.percent(f.share),
        (None, Some(e), _) => words.signed(e, 0),
        (None, None, Some(m)) => words.number(m.mean, 2),
        _ => String::new(),
    }
}

fn describe(d: &Distribution, words: &Words) -> String {
    let mut parts = vec![format!("n = {}", words.count(d.n))];
    if let Some(f) = d.favourable {
        parts.push(format!(
            "{} {} ({})",
            t!(words.lang(), "report-favourable"),
            words.percent(f.share),
            t!(
                words.lang(),
                "report-interval",
                low = words.percent(f.low),
                high = words.percent(f.high)
            )
        ));
    }
    if let Some(m) = d.moments {
        parts.push(format!(
            "{} {}, {} {}, {} {}",
            t!(words.lang(), "report-mean"),
            words.number(m.mean, 2),
            t!(words.lang(), "report-median"),
            words.number(m.median, if m.median.fract() == 0.0 { 0 } else { 1 }),
            t!(words.lang(), "report-sd"),
            words.number(m.sd, 2)
        ));
    }
    if let Some(e) = d.enps {
        parts.push(format!("eNPS {}", words.signed(e, 0)));
    }
    parts.join(" · ")
}

fn section(q: &Questionnaire, report: &Report, question: &survey_design::Question, words: &Words) -> Option<Section> {
    let measures: Vec<&Measure> = report
        .measures
        .iter()
        .filter(|m| m.question == question.id().as_str())
        .collect();
    let first = *measures.first()?;
    let title = question.text().get(words.lang()).to_owned();
    let chart = figures::question(q, report, question, words);
    let marks = |m: &Measure, segment: &str| {
        m.differences
            .iter()
            .find(|x| x.segment == segment && x.significant)
            .map_or("", |x| if x.segment_share > x.rest_share { " ▲" } else { " ▼" })
    };
    let any_difference = measures.iter().any(|m| m.differences.iter().any(|x| x.significant));
    let differences = any_difference.then(|| t!(words.lang(), "report-differs-from-everyone-else-significantly"));
    if let QuestionKind::Matrix { .. } = question.kind() {
        // A row per statement; the groups' favourable shares side by side.
        let table = Table {
            head: vec![
                t!(words.lang(), "report-statement"),
                "n".into(),
                t!(words.lang(), "report-favourable-2"),
                "95% CI".into(),
                t!(words.lang(), "report-mean-2"),
            ],
            rows: measures
                .iter()
                .map(|m| {
                    let mut row = vec![words.measure(q, m)];
                    match m.overall.shown() {
                        None => row.extend([words.hidden().to_owned(), String::new(), String::new(), String::new()]),
                        Some(d) => {
                            row.push(words.count(d.n));
                            row.push(d.favourable.map_or(String::new(), |f| words.percent(f.share)));
                            row.push(d.favourable.map_or(String::new(), |f| {
                                format!("{}–{}", words.percent(f.low), words.percent(f.high))
                            }));
                            row.push(d.moments.map_or(String::new(), |m| words.number(m.mean, 2)));
                        }
                    }
                    row
                })
                .collect(),
        };
        let groups = (first.by_segment.len() > 1).then(|| {
            let mut head = vec![t!(words.lang(), "report-statement-favourable")];
            head.extend(first.by_segment.iter().map(|(s, _)| words.segment_short(s)));
            let together = measures.iter().any(|m| m.together.is_some());
            if together {
                head.push(words.together().to_owned());
            }
            let rows = measures
                .iter()
                .map(|m| {
                    let mut row = vec![words.measure(q, m)];
                    row.extend(
                        m.by_segment
                            .iter()
                            .map(|(s, f)| shown(f, words, |d| format!("{}{}", headline(d, words), marks(m, s)))),
                    );
                    if together {
                        row.push(
                            m.together
                                .as_ref()
                                .map_or_else(|| NONE.to_owned(), |t| headline(&t.figure, words)),
                        );
                    }
                    row
                })
                .collect();
            Table { head, rows }
        });
        return Some(Section {
            title,
            note: None,
            chart,
            table: Some(table),
            groups,
            differences,
        });
    }
    let ranking = matches!(question.kind(), QuestionKind::Ranking { .. });
    let table = first.overall.shown().filter(|d| !d.categories.is_empty()).map(|d| {
        let mut head = vec![
            t!(words.lang(), "report-answer"),
            if ranking {
                t!(words.lang(), "report-ranked-first")
            } else {
                t!(words.lang(), "report-count")
            }
            .to_owned(),
            t!(words.lang(), "report-share"),
            "95% CI".to_owned(),
        ];
        if ranking {
            head.push(t!(words.lang(), "report-mean-rank-those-ranking"));
        }
        let rows = d
            .categories
            .iter()
            .map(|(key, share)| {
                let mut row = vec![
                    words.category(question.kind(), key),
                    words.count(share.count),
                    words.percent(share.share),
                    format!("{}–{}", words.percent(share.low), words.percent(share.high)),
                ];
                if ranking {
                    row.push(
                        d.mean_rank
                            .iter()
                            .find(|(o, _)| o == key)
                            .map_or("—".to_owned(), |(_, r)| format!("{r:.2}")),
                    );
                }
                row
            })
            .collect();
        Table { head, rows }
    });
    let headline_name = match question.kind() {
        QuestionKind::Likert { .. } => Some(t!(words.lang(), "report-favourable-2")),
        QuestionKind::Rating { .. } => Some("eNPS".to_owned()),
        QuestionKind::Number { .. } => Some(t!(words.lang(), "report-mean-2")),
        _ => None,
    };
    let groups = (first.by_segment.len() > 1).then(|| {
        let mut head = vec![t!(words.lang(), "report-group"), "n".to_owned()];
        head.extend(headline_name.clone());
        let rows = first
            .by_segment
            .iter()
            .map(|(segment, figure)| {
                let mut row = vec![words.segment(segment), shown(figure, words, |d| words.count(d.n))];
                if headline_name.is_some() {
                    row.push(shown(figure, words, |d| {
                        format!("{}{}", headline(d, words), marks(first, segment))
                    }));
                }
                row
            })
            .chain(first.together.as_ref().map(|t| {
                let mut row = vec![words.together().to_owned(), words.count(t.figure.n)];
                if headline_name.is_some() {
                    row.push(headline(&t.figure, words));
                }
                row
            }))
            .collect();
        Table { head, rows }
    });
    Some(Section {
        title,
        note: Some(shown(&first.overall, words, |d| describe(d, words))),
        chart,
        table,
        groups,
        differences,
    })
}

/// What management reads first: responses, the topic indices (support, benefits, worries ...),
/// the most and least favourable statements, eNPS, and where groups differ.
fn summary(q: &Questionnaire, report: &Report, words: &Words) -> Vec<Block> {
    let mut blocks = vec![Block {
        title: t!(words.lang(), "report-responses-2"),
        items: vec![match (report.responses.shown(), report.rate.shown()) {
            (Some(n), Some(r)) => t!(
                words.lang(),
                "report-summary-responses",
                responses = *n,
                invited = report.invited,
                rate = words.percent(*r)
            ),
            (Some(n), None) => t!(words.lang(), "report-summary-responses-no-rate", responses = *n),
            _ => t!(words.lang(), "report-too-few-responses-show"),
        }],
    }];
    let topics: Vec<String> = report
        .topics
        .iter()
        .filter_map(|t| {
            let f = t.overall.shown()?;
            Some(format!(
                "{}: {}",
                topic_label(q, &t.topic, words),
                words.percent(f.favourable.share)
            ))
        })
        .collect();
    if !topics.is_empty() {
        blocks.push(Block {
            title: t!(words.lang(), "report-favourable-share-topic"),
            items: topics,
        });
    }
    // Statements by how many agree with them as worded: the positive ones are the expected
    // benefits, the reverse-worded ones the worries.
    let mut statements: Vec<(String, f64, bool)> = report
        .measures
        .iter()
        .filter_map(|m| {
            let (share, reverse) = agreement(q, m)?;
            Some((words.measure(q, m), share, reverse))
        })
        .collect();
    statements.sort_by(|a, b| b.1.total_cmp(&a.1));
    let top = |reverse: bool| -> Vec<String> {
        statements
            .iter()
            .filter(|s| s.2 == reverse)
            .take(3)
            .map(|(text, share, _)| format!("{} — {}", words.percent(*share), text))
            .collect()
    };
    for (reverse, title) in [
        (
            false,
            t!(words.lang(), "report-most-agreed-statements-expected-benefits"),
        ),
        (true, t!(words.lang(), "report-most-shared-worries")),
    ] {
        let items = top(reverse);
        if !items.is_empty() {
            blocks.push(Block { title, items });
        }
    }
    let enps: Vec<String> = report
        .measures
        .iter()
        .filter_map(|m| {
            let e = m.overall.shown()?.enps?;
            Some(format!("eNPS {e:+.0} — {}", words.measure(q, m)))
        })
        .collect();
    if !enps.is_empty() {
        blocks.push(Block {
            title: "eNPS".into(),
            items: enps,
        });
    }
    let differences: Vec<String> = report
        .measures
        .iter()
        .flat_map(|m| m.differences.iter().filter(|d| d.significant).map(move |d| (m, d)))
        .map(|(m, d)| {
            format!(
                "{}: {} {} {} ({} {}) — {}",
                words.segment(&d.segment),
                t!(words.lang(), "report-favourable"),
                words.percent(d.segment_share),
                if d.segment_share > d.rest_share { "▲" } else { "▼" },
                t!(words.lang(), "report-others"),
                words.percent(d.rest_share),
                words.measure(q, m)
            )
        })
        .collect();
    blocks.push(Block {
        title: t!(words.lang(), "report-significant-differences-between-groups"),
        items: if differences.is_empty() {
            vec![t!(words.lang(), "report-none")]
        } else {
            differences
        },
    });
    blocks
}

fn trends(q: &Questionnaire, report: &Report, words: &Words) -> Option<Trends> {
    let show = |v: &Figure<f64>, rating: bool, change: bool| match v.shown() {
        Some(v) if rating => words.signed(*v, 0),
        Some(v) if change => format!("{} pt", words.signed(v * 100.0, 1)),
        Some(v) => words.percent(*v),
        None => words.hidden().to_owned(),
    };
    let rows: Vec<Vec<String>> = report
        .trends
        .iter()
        .map(|t| {
            let title = report
                .measures
                .iter()
                .find(|m| m.question == t.question && m.item == t.item)
                .map_or(t.question.clone(), |m| words.measure(q, m));
            vec![
                title,
                show(&t.earlier, t.rating, false),
                show(&t.now, t.rating, false),
                show(&t.change, t.rating, true),
            ]
        })
        .collect();
    (!rows.is_empty()).then(|| Trends {
        note: t!(words.lang(), "report-everyones-figure-questions-earlier-wave"),
        table: Table {
            head: vec![
                t!(words.lang(), "report-question"),
                t!(words.lang(), "report-earlier-wave"),
                t!(words.lang(), "report-wave"),
                t!(words.lang(), "report-change"),
            ],
            rows,
        },
    })
}

/// The share agreeing with a scale statement as worded (its scale's favourable points before any
/// reverse coding, of the answers on the scale), and whether it is reverse-worded.
fn agreement(q: &Questionnaire, m: &Measure) -> Option<(f64, bool)> {
    let question = q.question(&m.question)?;
    let (scale, reverse) = match question.kind() {
        QuestionKind::Likert { scale, reverse } => (scale, *reverse),
        QuestionKind::Matrix { scale, items, .. } => (
            scale,
            items
                .iter()
                .find(|i| Some(i.id().as_str()) == m.item.as_deref())?
                .reverse(),
        ),
        _ => return None,
    };
    let counts = m.overall.shown()?.point_counts(scale.points());
    let on_scale: u64 = counts.iter().sum();
    let agreeing: u64 = scale
        .favourable()
        .iter()
        .filter_map(|p| counts.get(usize::from(*p).checked_sub(1)?))
        .sum();
    (on_scale > 0).then(|| (agreeing as f64 / on_scale as f64, reverse))
}

fn methodology(report: &Report, meta: &Meta, words: &Words) -> Vec<Paragraph> {
    let mut paragraphs = vec![
        Paragraph {
            title: t!(words.lang(), "report-anonymity-thresholds"),
            text: t!(
                words.lang(),
                "report-method-thresholds",
                k = report.k,
                c = report.comment_k,
                n = survey_analysis::aggregate::COMMENT_SAMPLE
            ),
        },
        Paragraph {
            title: t!(words.lang(), "report-complementary-suppression"),
            text: t!(words.lang(), "report-total-minus-shown-groups-figure"),
        },
        Paragraph {
            title: t!(words.lang(), "report-statistics"),
            text: t!(words.lang(), "report-favourable-share-share-top-two"),
        },
        Paragraph {
            title: t!(words.lang(), "report-anonymous-tokens"),
            text: t!(words.lang(), "report-respondents-took-anonymous-token-rfc"),
        },
    ];
    if let Some(tally) = &meta.tally {
        paragraphs.push(Paragraph {
            title: t!(words.lang(), "report-checking-count"),
            text: t!(
                words.lang(),
                "report-method-tally",
                count = tally.count,
                root = tally.root.as_str()
            ),
        });
    }
    paragraphs
}

impl Document {
    pub fn chart_words(&self) -> crate::chart::ChartWords {
        crate::chart::ChartWords {
            hidden: self.words.hidden(),
            lang: self.words.lang().to_string(),
        }
    }
}
