//! The report model, with the anonymity rules applied once, here, so that no renderer can leak:
//!
//! - a group (everyone, or one segment) with fewer than *k* responses shows no figure — neither its
//!   response count nor any answer — and the same holds per measure for the respondents who
//!   answered it;
//! - complementary suppression: the total minus the shown segments is the figure of the hidden
//!   ones together, so they must reach *k* together as well; while they do not, the smallest shown
//!   segment is hidden with them;
//! - free-text comments only for a group of at least the comment threshold, never by segment.

use serde::Serialize;
use survey_design::{QuestionKind, Questionnaire};

use crate::aggregate::{Aggregate, MeasureId, Tally};
use crate::stats::{Moments, Share, enps, moments};
use crate::terms::TermCounter;

/// A figure, or the fact that it is hidden to protect a small group.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", content = "value", rename_all = "snake_case")]
pub enum Figure<T> {
    Shown(T),
    Hidden,
}

impl<T> Figure<T> {
    pub fn shown(&self) -> Option<&T> {
        match self {
            Self::Shown(value) => Some(value),
            Self::Hidden => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub k: u64,
    pub comment_k: u64,
    pub responses: Figure<u64>,
    pub invited: u64,
    pub rate: Figure<f64>,
    pub segments: Vec<SegmentRow>,
    pub measures: Vec<Measure>,
    /// Topic indices: the favourable share over every scale answer tagged with the topic.
    pub topics: Vec<TopicIndex>,
    /// Long free texts by question; none when everyone together is below the comment threshold.
    pub comments: Vec<Comments>,
    /// Everyone's figures against an earlier wave of the questionnaire (see [`compare`]).
    pub trends: Vec<Trend>,
}

/// One question's comments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comments {
    pub question: String,
    /// How many comments there are; `texts` holds them all or a random sample of them.
    pub total: u64,
    /// Shuffled, so their order says nothing about arrival.
    pub texts: Vec<String>,
    /// Terms in at least the comment threshold of distinct comments of `texts`, most frequent
    /// first, with the number of those comments holding each. When `texts` is a sample, a term
    /// counted in it occurs in at least as many comments of all, so the threshold still holds.
    pub terms: Vec<(String, u64)>,
}

/// A measure's headline figure (favourable share, or eNPS for 0–10) now and in an earlier wave.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trend {
    pub question: String,
    pub item: Option<String>,
    pub earlier: Figure<f64>,
    pub now: Figure<f64>,
    /// Shown only when both waves show their figure: otherwise it would give the hidden one away.
    pub change: Figure<f64>,
    /// eNPS points rather than a share.
    pub rating: bool,
}

/// How many frequent terms a question's comments report.
pub const TERMS: usize = 15;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SegmentRow {
    pub segment: String,
    pub invited: u64,
    pub responses: Figure<u64>,
    pub rate: Figure<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measure {
    pub question: String,
    pub item: Option<String>,
    pub kind: &'static str,
    pub overall: Figure<Distribution>,
    pub by_segment: Vec<(String, Figure<Distribution>)>,
    /// Scales: each shown segment's favourable share against everyone else's.
    pub differences: Vec<Difference>,
}

/// A segment's favourable share against the rest of the respondents: a two-proportion z-test, its
/// p-value adjusted (Holm) over every test of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    pub segment: String,
    pub segment_share: f64,
    pub rest_share: f64,
    pub p: f64,
    pub p_adjusted: f64,
    /// Adjusted p below 0.05.
    pub significant: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicIndex {
    pub topic: String,
    pub overall: Figure<TopicFigure>,
    pub by_segment: Vec<(String, Figure<TopicFigure>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TopicFigure {
    /// Respondents who answered at least one of the topic's statements.
    pub respondents: u64,
    /// Favourable answers of all answers on the scale.
    pub favourable: Share,
}

/// The answers of one group to one measure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Distribution {
    pub n: u64,
    /// By category (option, point, rating, `other`, `n/a`), in the questionnaire's order.
    pub categories: Vec<(String, Share)>,
    /// Scales: the favourable share (top-2 box, reverse coding honoured) of answers on the scale.
    pub favourable: Option<Share>,
    pub moments: Option<Moments>,
    /// 0–10 ratings.
    pub enps: Option<f64>,
    /// Rankings: each option's mean rank among those who ranked it (1 = best).
    pub mean_rank: Vec<(String, f64)>,
}

impl Distribution {
    /// Answers on each point `1..=points` of a scale, in order ("not applicable" left out).
    pub fn point_counts(&self, points: u8) -> Vec<u64> {
        (1..=points)
            .map(|p| {
                let key = p.to_string();
                self.categories
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map_or(0, |(_, s)| s.count)
            })
            .collect()
    }
}

/// Segments and the invitees in each (from the roster).
pub type Invited = Vec<(String, u64)>;

/// Builds the report of an aggregate. `shuffle` orders each question's comments (a random
/// permutation in production, so the order says nothing about arrival).
pub fn build(
    q: &Questionnaire,
    data: &Aggregate,
    invited: &Invited,
    k: u64,
    comment_k: u64,
    shuffle: &mut dyn FnMut(&mut Vec<String>),
) -> Report {
    // Every segment with responses is a row, invited or not: the total minus the shown rows must
    // be the hidden rows, never responses of a segment the breakdown left out.
    let mut invited = invited.clone();
    for segment in data.responses.keys() {
        if !invited.iter().any(|(s, _)| s == segment) {
            invited.push((segment.clone(), 0));
        }
    }
    let invited = &invited;
    let total: u64 = data.responses.values().sum();
    let invited_total: u64 = invited.iter().map(|(_, n)| n).sum();
    let responses_of = |segment: &str| data.responses.get(segment).copied().unwrap_or(0);
    let segment_counts: Vec<u64> = invited.iter().map(|(s, _)| responses_of(s)).collect();
    let segment_hidden = hidden_groups(&segment_counts, k, total >= k);
    let segments = invited
        .iter()
        .zip(&segment_hidden)
        .map(|((segment, n_invited), hidden)| {
            let responses = responses_of(segment);
            SegmentRow {
                segment: segment.clone(),
                invited: *n_invited,
                responses: figure(!hidden, || responses),
                rate: figure(!hidden && *n_invited > 0, || responses as f64 / *n_invited as f64),
            }
        })
        .collect();
    let empty = Tally::default();
    let mut measures = data
        .measures
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let overall = &data.overall[i];
            let tallies: Vec<&Tally> = invited
                .iter()
                .map(|(s, _)| data.by_segment.get(s).map_or(&empty, |t| &t[i]))
                .collect();
            let ns: Vec<u64> = tallies.iter().map(|t| t.n).collect();
            let hidden = hidden_within(&ns, k, overall.n >= k, &segment_hidden);
            Measure {
                question: id.question.clone(),
                item: id.item.clone(),
                kind: q.question(&id.question).map_or("", |q| q.kind().type_name()),
                overall: figure(overall.n >= k, || distribution(q, id, overall)),
                by_segment: invited
                    .iter()
                    .zip(tallies)
                    .zip(&hidden)
                    .map(|(((s, _), t), h)| (s.clone(), figure(!h, || distribution(q, id, t))))
                    .collect(),
                differences: Vec::new(),
            }
        })
        .collect::<Vec<Measure>>();
    test_differences(&mut measures);
    let empty_topic = crate::aggregate::TopicTally::default();
    let topics = data
        .topics
        .iter()
        .enumerate()
        .map(|(t, topic)| {
            let overall = data.topic_overall[t];
            let tallies: Vec<crate::aggregate::TopicTally> = invited
                .iter()
                .map(|(s, _)| data.topic_by_segment.get(s).map_or(empty_topic, |g| g[t]))
                .collect();
            let ns: Vec<u64> = tallies.iter().map(|x| x.n).collect();
            let hidden = hidden_within(&ns, k, overall.n >= k, &segment_hidden);
            let shown = |x: crate::aggregate::TopicTally| TopicFigure {
                respondents: x.n,
                favourable: Share::new(x.favourable, x.on_scale),
            };
            TopicIndex {
                topic: topic.clone(),
                overall: figure(overall.n >= k, || shown(overall)),
                by_segment: invited
                    .iter()
                    .zip(tallies)
                    .zip(&hidden)
                    .map(|(((s, _), x), h)| (s.clone(), figure(!h, || shown(x))))
                    .collect(),
            }
        })
        .collect();
    let comments = if total >= comment_k {
        data.comments
            .iter()
            .map(|(question, pool)| {
                let mut texts = pool.sample.clone();
                shuffle(&mut texts);
                let mut terms = TermCounter::new();
                for text in &pool.sample {
                    terms.add(text);
                }
                Comments {
                    question: question.clone(),
                    total: pool.total,
                    texts,
                    terms: terms.frequent(comment_k, TERMS),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    Report {
        k,
        comment_k,
        responses: figure(total >= k, || total),
        invited: invited_total,
        rate: figure(total >= k && invited_total > 0, || total as f64 / invited_total as f64),
        segments,
        measures,
        topics,
        comments,
        trends: Vec::new(),
    }
}

/// Compares a report with the report of an earlier wave on the measures both have (matching
/// question and statement ids), each figure as its own wave's rules show it.
pub fn compare(report: &mut Report, earlier: &Report) {
    let headline = |f: &Figure<Distribution>| {
        let value = f.shown().and_then(|d| d.favourable.map(|s| s.share).or(d.enps));
        figure(value.is_some(), || value.unwrap_or_default())
    };
    report.trends = report
        .measures
        .iter()
        .filter(|m| m.kind == "likert" || m.kind == "matrix" || m.kind == "rating")
        .filter_map(|m| {
            let before = earlier
                .measures
                .iter()
                .find(|b| b.question == m.question && b.item == m.item)?;
            let now = headline(&m.overall);
            let earlier = headline(&before.overall);
            let change = match (now.shown(), earlier.shown()) {
                (Some(a), Some(b)) => Figure::Shown(a - b),
                _ => Figure::Hidden,
            };
            Some(Trend {
                question: m.question.clone(),
                item: m.item.clone(),
                earlier,
                now,
                change,
                rating: m.kind == "rating",
            })
        })
        .collect();
}

fn figure<T>(show: bool, value: impl FnOnce() -> T) -> Figure<T> {
    if show { Figure::Shown(value()) } else { Figure::Hidden }
}

/// Compares each shown segment's favourable share with the rest, for every scale measure whose
/// overall figure is shown, and adjusts the p-values over the whole report.
fn test_differences(measures: &mut [Measure]) {
    let mut tests = Vec::new();
    for (i, m) in measures.iter().enumerate() {
        let Some(overall) = m.overall.shown().and_then(|d| d.favourable) else {
            continue;
        };
        for (segment, figure) in &m.by_segment {
            let Some(f) = figure.shown().and_then(|d| d.favourable) else {
                continue;
            };
            let (rest_count, rest_of) = (overall.count - f.count, overall.of - f.of);
            if rest_of == 0 || f.of == 0 {
                continue;
            }
            let p = crate::stats::two_proportion_p(f.count, f.of, rest_count, rest_of);
            tests.push((i, segment.clone(), f.share, rest_count as f64 / rest_of as f64, p));
        }
    }
    let adjusted = crate::stats::holm(&tests.iter().map(|t| t.4).collect::<Vec<_>>());
    for ((i, segment, segment_share, rest_share, p), p_adjusted) in tests.into_iter().zip(adjusted) {
        measures[i].differences.push(Difference {
            segment,
            segment_share,
            rest_share,
            p,
            p_adjusted,
            significant: p_adjusted < 0.05,
        });
    }
}

/// Which groups of a breakdown to hide, given their counts: those below `k` (all of them when the
/// total is hidden), then more until the hidden ones together reach `k` (see [`complement`]).
pub fn hidden_groups(counts: &[u64], k: u64, total_shown: bool) -> Vec<bool> {
    let mut hidden = below(counts, k, total_shown);
    complement(&mut hidden, counts, k);
    hidden
}

/// The same for one measure (or topic) of the breakdown, whose counts are its answerers: a segment
/// hidden as a whole stays hidden here too.
fn hidden_within(counts: &[u64], k: u64, total_shown: bool, segment_hidden: &[bool]) -> Vec<bool> {
    let mut hidden: Vec<bool> = below(counts, k, total_shown)
        .into_iter()
        .zip(segment_hidden)
        .map(|(small, whole)| small || *whole)
        .collect();
    complement(&mut hidden, counts, k);
    hidden
}

fn below(counts: &[u64], k: u64, total_shown: bool) -> Vec<bool> {
    counts.iter().map(|n| !total_shown || *n < k).collect()
}

/// Complementary suppression. The total minus the shown groups is the figure of the hidden groups
/// taken together — itself a group, which must reach `k` too (a lone hidden group, or hidden
/// groups with no answers at all, would be exposed). So while it does not, the smallest shown group
/// is hidden as well.
fn complement(hidden: &mut [bool], counts: &[u64], k: u64) {
    loop {
        let hidden_sum: u64 = (0..counts.len()).filter(|&i| hidden[i]).map(|i| counts[i]).sum();
        let any_hidden = hidden.iter().any(|h| *h);
        if !any_hidden || hidden_sum >= k {
            return;
        }
        match (0..counts.len()).filter(|&i| !hidden[i]).min_by_key(|&i| counts[i]) {
            Some(partner) => hidden[partner] = true,
            None => return,
        }
    }
}

fn distribution(q: &Questionnaire, id: &MeasureId, t: &Tally) -> Distribution {
    let kind = q.question(&id.question).map(|q| q.kind());
    let order = category_order(kind);
    let mut categories: Vec<(String, Share)> = order
        .iter()
        .map(|key| (key.clone(), Share::new(t.count(key), t.n)))
        .collect();
    // Anything counted outside the declared order (none in valid data) is still shown, last.
    for (key, count) in &t.categories {
        if !order.contains(key) {
            categories.push((key.clone(), Share::new(*count, t.n)));
        }
    }
    let histogram = t.numbers();
    let is_scale = matches!(kind, Some(QuestionKind::Likert { .. } | QuestionKind::Matrix { .. }));
    let enps = match kind {
        Some(QuestionKind::Rating { .. }) => {
            let mut counts = [0u64; 11];
            for (value, count) in &histogram {
                if let Some(slot) = counts.get_mut(*value as usize) {
                    *slot += count;
                }
            }
            enps(&counts)
        }
        _ => None,
    };
    Distribution {
        n: t.n,
        categories,
        favourable: is_scale.then(|| Share::new(t.favourable, t.on_scale)),
        moments: moments(&histogram),
        enps,
        mean_rank: t
            .rank_sums
            .iter()
            .map(|(option, sum)| {
                let times = t.rank_counts.get(option).copied().unwrap_or(1).max(1);
                (option.clone(), *sum as f64 / times as f64)
            })
            .collect(),
    }
}

/// The categories of a question in the order a reader expects: options as written, scale points
/// low to high, 0–10.
fn category_order(kind: Option<&QuestionKind>) -> Vec<String> {
    let scale_keys = |points: u8, na: bool| {
        let mut keys: Vec<String> = (1..=points).map(|p| p.to_string()).collect();
        if na {
            keys.push(crate::aggregate::NOT_APPLICABLE.to_owned());
        }
        keys
    };
    match kind {
        Some(QuestionKind::SingleChoice(c) | QuestionKind::MultipleChoice { choices: c, .. }) => {
            let mut keys: Vec<String> = c.options().iter().map(|o| o.id().as_str().to_owned()).collect();
            if c.other().is_some() {
                keys.push(crate::aggregate::OTHER.to_owned());
            }
            keys
        }
        Some(QuestionKind::Likert { scale, .. } | QuestionKind::Matrix { scale, .. }) => {
            scale_keys(scale.points(), scale.not_applicable().is_some())
        }
        Some(QuestionKind::Rating { .. }) => (0..=10).map(|p: u8| p.to_string()).collect(),
        Some(QuestionKind::Ranking { options, .. }) => options.iter().map(|o| o.id().as_str().to_owned()).collect(),
        _ => Vec::new(),
    }
}
