//! The report laid out once for reading — sections with their titles, notes, tables of text and
//! charts, in the report's language — so that the HTML page and the PDF show the same document.

use survey_analysis::{Distribution, Figure, Measure, Report};
use survey_design::{QuestionKind, Questionnaire};

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

pub fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
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
                invited.to_string(),
                shown(responses, &words, u64::to_string),
                shown(rate, &words, |r| percent(*r)),
            ]
        };
        let rates = Table {
            head: vec![
                words.t("グループ", "Group").into(),
                words.t("対象者", "Invited").into(),
                words.t("回答", "Responses").into(),
                words.t("回答率", "Rate").into(),
            ],
            rows: std::iter::once(rate_row(
                words.everyone().into(),
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
                    t.figure.invited.to_string(),
                    t.figure.responses.to_string(),
                    t.figure.rate.map_or_else(|| NONE.to_owned(), percent),
                ]
            }))
            .collect(),
        };
        let topics = (!report.topics.is_empty()).then(|| {
            let mut head = vec![words.t("トピック", "Topic").to_owned(), words.everyone().to_owned()];
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
                    row.push(shown(&t.overall, &words, |x| percent(x.favourable.share)));
                    row.extend(
                        t.by_segment
                            .iter()
                            .map(|(_, f)| shown(f, &words, |x| percent(x.favourable.share))),
                    );
                    if together {
                        row.push(
                            t.together
                                .as_ref()
                                .map_or_else(|| NONE.to_owned(), |x| percent(x.figure.favourable.share)),
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
                    format!("{} {}", c.total, words.t("件（順不同）", "comments, in random order"))
                } else {
                    match words.is_japanese() {
                        true => format!("{}件から無作為に選んだ{}件（順不同）", c.total, c.texts.len()),
                        false => format!(
                            "{} of {} comments, drawn at random, in random order",
                            c.texts.len(),
                            c.total
                        ),
                    }
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
            rate: shown(&report.rate, &words, |r| percent(*r)),
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
fn headline(d: &Distribution) -> String {
    match (d.favourable, d.enps, d.moments) {
        (Some(f), _, _) => percent(f.share),
        (None, Some(e), _) => format!("{e:+.0}"),
        (None, None, Some(m)) => format!("{:.2}", m.mean),
        _ => String::new(),
    }
}

fn describe(d: &Distribution, words: &Words) -> String {
    let mut parts = vec![format!("n = {}", d.n)];
    if let Some(f) = d.favourable {
        parts.push(format!(
            "{} {} (95% CI {}–{})",
            words.t("肯定的回答率", "favourable"),
            percent(f.share),
            percent(f.low),
            percent(f.high)
        ));
    }
    if let Some(m) = d.moments {
        parts.push(format!(
            "{} {:.2}, {} {}, {} {:.2}",
            words.t("平均", "mean"),
            m.mean,
            words.t("中央値", "median"),
            m.median,
            words.t("標準偏差", "sd"),
            m.sd
        ));
    }
    if let Some(e) = d.enps {
        parts.push(format!("eNPS {e:+.0}"));
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
    let differences = any_difference.then(|| {
        words
            .t(
                "▲▼: 他の回答者との差が統計的に有意（Holm 法で補正した p < 0.05）",
                "▲▼: differs from everyone else significantly (p < 0.05 after Holm's correction)",
            )
            .to_owned()
    });
    if let QuestionKind::Matrix { .. } = question.kind() {
        // A row per statement; the groups' favourable shares side by side.
        let table = Table {
            head: vec![
                words.t("項目", "Statement").into(),
                "n".into(),
                words.t("肯定的回答率", "Favourable").into(),
                "95% CI".into(),
                words.t("平均", "Mean").into(),
            ],
            rows: measures
                .iter()
                .map(|m| {
                    let mut row = vec![words.measure(q, m)];
                    match m.overall.shown() {
                        None => row.extend([words.hidden().to_owned(), String::new(), String::new(), String::new()]),
                        Some(d) => {
                            row.push(d.n.to_string());
                            row.push(d.favourable.map_or(String::new(), |f| percent(f.share)));
                            row.push(
                                d.favourable
                                    .map_or(String::new(), |f| format!("{}–{}", percent(f.low), percent(f.high))),
                            );
                            row.push(d.moments.map_or(String::new(), |m| format!("{:.2}", m.mean)));
                        }
                    }
                    row
                })
                .collect(),
        };
        let groups = (first.by_segment.len() > 1).then(|| {
            let mut head = vec![words.t("項目（肯定的回答率）", "Statement (favourable)").to_owned()];
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
                            .map(|(s, f)| shown(f, words, |d| format!("{}{}", headline(d), marks(m, s)))),
                    );
                    if together {
                        row.push(
                            m.together
                                .as_ref()
                                .map_or_else(|| NONE.to_owned(), |t| headline(&t.figure)),
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
            words.t("回答", "Answer").to_owned(),
            if ranking {
                words.t("1位に選んだ件数", "Ranked first")
            } else {
                words.t("件数", "Count")
            }
            .to_owned(),
            words.t("割合", "Share").to_owned(),
            "95% CI".to_owned(),
        ];
        if ranking {
            head.push(
                words
                    .t("平均順位（選んだ人の中で）", "Mean rank (of those ranking it)")
                    .to_owned(),
            );
        }
        let rows = d
            .categories
            .iter()
            .map(|(key, share)| {
                let mut row = vec![
                    words.category(question.kind(), key),
                    share.count.to_string(),
                    percent(share.share),
                    format!("{}–{}", percent(share.low), percent(share.high)),
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
        QuestionKind::Likert { .. } => Some(words.t("肯定的回答率", "Favourable")),
        QuestionKind::Rating { .. } => Some("eNPS"),
        QuestionKind::Number { .. } => Some(words.t("平均", "Mean")),
        _ => None,
    };
    let groups = (first.by_segment.len() > 1).then(|| {
        let mut head = vec![words.t("グループ", "Group").to_owned(), "n".to_owned()];
        head.extend(headline_name.map(str::to_owned));
        let rows = first
            .by_segment
            .iter()
            .map(|(segment, figure)| {
                let mut row = vec![words.segment(segment), shown(figure, words, |d| d.n.to_string())];
                if headline_name.is_some() {
                    row.push(shown(figure, words, |d| {
                        format!("{}{}", headline(d), marks(first, segment))
                    }));
                }
                row
            })
            .chain(first.together.as_ref().map(|t| {
                let mut row = vec![words.together().to_owned(), t.figure.n.to_string()];
                if headline_name.is_some() {
                    row.push(headline(&t.figure));
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
        title: words.t("回答状況", "Responses").into(),
        items: vec![match (report.responses.shown(), report.rate.shown()) {
            (Some(n), Some(r)) => match words.is_japanese() {
                true => format!(
                    "対象者{}人のうち{}人が回答しました（回答率{}）。",
                    report.invited,
                    n,
                    percent(*r)
                ),
                false => format!(
                    "{n} of {} invited employees answered ({}).",
                    report.invited,
                    percent(*r)
                ),
            },
            (Some(n), None) => format!("{n} {}", words.t("件の回答", "responses")),
            _ => words
                .t("回答が少ないため表示しません。", "Too few responses to show.")
                .into(),
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
                percent(f.favourable.share)
            ))
        })
        .collect();
    if !topics.is_empty() {
        blocks.push(Block {
            title: words.t("トピック別の肯定的回答率", "Favourable share by topic").into(),
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
            .map(|(text, share, _)| format!("{} — {}", percent(*share), text))
            .collect()
    };
    for (reverse, title) in [
        (
            false,
            words.t(
                "賛同の多い項目（期待される効果など）",
                "Most agreed statements (expected benefits and the like)",
            ),
        ),
        (true, words.t("賛同の多い懸念", "Most shared worries")),
    ] {
        let items = top(reverse);
        if !items.is_empty() {
            blocks.push(Block {
                title: title.into(),
                items,
            });
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
                words.t("肯定的回答率", "favourable"),
                percent(d.segment_share),
                if d.segment_share > d.rest_share { "▲" } else { "▼" },
                words.t("他", "others"),
                percent(d.rest_share),
                words.measure(q, m)
            )
        })
        .collect();
    blocks.push(Block {
        title: words
            .t("グループ間の有意な差", "Significant differences between groups")
            .into(),
        items: if differences.is_empty() {
            vec![words.t("ありません。", "None.").into()]
        } else {
            differences
        },
    });
    blocks
}

fn trends(q: &Questionnaire, report: &Report, words: &Words) -> Option<Trends> {
    let show = |v: &Figure<f64>, rating: bool, change: bool| match v.shown() {
        Some(v) if rating => format!("{v:+.0}"),
        Some(v) if change => format!("{:+.1} pt", v * 100.0),
        Some(v) => percent(*v),
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
        note: words
            .t(
                "前回調査と同じ設問の全体の数値（尺度は肯定的回答率、0〜10 は eNPS）。どちらかの回で非表示なら差も示しません。",
                "Everyone's figure on the questions the earlier wave shared (favourable share; eNPS for 0–10). Where either wave's figure is hidden, so is the change.",
            )
            .to_owned(),
        table: Table {
            head: vec![
                words.t("設問", "Question").into(),
                words.t("前回", "Earlier wave").into(),
                words.t("今回", "This wave").into(),
                words.t("変化", "Change").into(),
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
    let ja = words.is_japanese();
    let mut paragraphs = vec![
        Paragraph {
            title: words.t("匿名性のしきい値", "Anonymity thresholds").into(),
            text: if ja {
                format!(
                    "回答者が{k}人未満のグループ（全体、または部署などのグループ）の数値は、回答数も含めて一切表示しません。設問ごとにも、その設問に答えた人が{k}人未満なら表示しません。自由記述は全体で{c}人以上の回答がある場合にのみ、グループに分けずに無作為な順序で示し、頻出語は{c}件以上の異なる回答に現れる語だけを示します。自由記述が{n}件を超える設問では、無作為に選んだ{n}件を示し、頻出語もその中で数えます。",
                    k = report.k,
                    c = report.comment_k,
                    n = survey_analysis::aggregate::COMMENT_SAMPLE,
                )
            } else {
                format!(
                    "No figure — not even the number of responses — is shown for a group (everyone, or a group such as a department) of fewer than {k} respondents, and per question none for fewer than {k} who answered it. Comments appear only when at least {c} people responded, never by group and in random order; frequent terms only when they occur in at least {c} different comments. Where a question has more than {n} comments, {n} drawn at random are shown and their terms counted.",
                    k = report.k,
                    c = report.comment_k,
                    n = survey_analysis::aggregate::COMMENT_SAMPLE,
                )
            },
        },
        Paragraph {
            title: words.t("補完的な秘匿", "Complementary suppression").into(),
            text: words
                .t(
                    "全体から表示されたグループを差し引くと、非表示のグループの合計が分かります。そのため、非表示のグループの合計がしきい値に満たないときは、表示できる最も小さいグループも非表示にします（同じ大きさならグループ名のバイト順で先のもの）。どの表・ファイル・画面でも同じグループを非表示にします。差し引きで分かる非表示のグループの合計は、回答のある2つ以上のグループをまとめる場合に「非表示のグループ計」として示します。設問別・トピック別の数値にも、前回調査との比較にも同じ規則を適用し、どちらかの回で非表示の数値との差は示しません。",
                    "The total minus the shown groups is the figure of the hidden ones together; so while the hidden groups together fall short of the threshold, the smallest shown group is hidden as well (of equal ones, the one whose name comes first in byte order), and every table, file and page hides the same groups. That figure of the hidden groups together, which subtraction gives anyway, is shown as \"Hidden groups together\" where it sums up at least two groups with answers. The same rule holds per question and per topic, and a change against an earlier wave is shown only where both waves show the figure.",
                )
                .into(),
        },
        Paragraph {
            title: words.t("統計", "Statistics").into(),
            text: words
                .t(
                    "肯定的回答率は尺度の上位2段階（逆転項目は下位2段階）の割合で、「該当しない」を除きます。割合の95%信頼区間はWilson法。eNPSは0〜10の回答のうち9〜10の割合から0〜6の割合を引いた値です。グループ間の差は、各グループとそれ以外の回答者の肯定的回答率を2標本の比率の検定で比べ、報告書全体の検定についてHolm法で補正しています。",
                    "The favourable share is the share of the top two points of a scale (the bottom two for reverse-worded statements), not counting \"not applicable\". 95% intervals of shares are Wilson intervals. eNPS is the share of 9–10 minus the share of 0–6 on a 0–10 question. Each group is compared with everyone else by a two-proportion z-test on the favourable share, with Holm's correction over every test in the report.",
                )
                .into(),
        },
        Paragraph {
            title: words.t("匿名トークン", "Anonymous tokens").into(),
            text: words
                .t(
                    "回答者は招待メールのリンクから、ブラウザの中で作った匿名トークン（RFC 9474 のブラインド署名、RFC 9578 の形式）を受け取り、そのトークンで回答しました。サーバーはトークンに署名するとき中身を見ておらず、回答と招待を結びつけることはできません。1つの招待から1つのトークン、1つのトークンから1つの回答だけが受け付けられます。",
                    "Respondents took an anonymous token (an RFC 9474 blind signature in the RFC 9578 format) made in their own browser from their invitation link, and answered with it. The server signs the token without seeing it, so no response can be linked to an invitation; one invitation yields one token, and one token one response.",
                )
                .into(),
        },
    ];
    if let Some(tally) = &meta.tally {
        paragraphs.push(Paragraph {
            title: words.t("集計の検証", "Checking the count").into(),
            text: if ja {
                format!(
                    "締切時に、数えた{}件の回答すべてのレシートに対するMerkleルートを公開しました: {}。回答者は自分のレシートが含まれていることを、監査人はすべての回答が有効で重複のないトークンを持つことを確認できます。",
                    tally.count, tally.root
                )
            } else {
                format!(
                    "At close, the Merkle root over the receipts of all {} counted responses was published: {}. Each respondent can check that their receipt is included, and an auditor that every counted response carries a valid token, none twice.",
                    tally.count, tally.root
                )
            },
        });
    }
    paragraphs
}

impl Document {
    pub fn chart_words(&self) -> crate::chart::ChartWords {
        crate::chart::ChartWords {
            hidden: self.words.hidden(),
        }
    }
}
