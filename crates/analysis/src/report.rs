//! The report model, with the anonymity rules applied once, here, so that no renderer can leak:
//!
//! - a group (everyone, or one segment) with fewer than *k* responses shows no figure — neither its
//!   response count nor any answer — and the same holds per measure for the respondents who
//!   answered it;
//! - complementary suppression ([`HiddenGroups`]): the total minus the shown segments is the figure
//!   of the hidden ones together, so they must reach *k* together as well; while they do not, the
//!   smallest shown segment (of equal ones, the smallest label in byte order) is hidden with them.
//!   The segments' set is [`Report::hidden`]; a caller that stored it passes it back in
//!   ([`build_with`]) so that every view hides the same groups;
//! - that figure of the hidden groups together, which subtraction gives anyway, is shown as such
//!   ([`Together`]) where it is at least *k* and sums up at least two hidden groups that have any
//!   count in it: never the figure of one hidden group;
//! - free-text comments only for a group of at least the comment threshold, never by segment.

use serde::Serialize;
use survey_design::{QuestionKind, Questionnaire};

use crate::aggregate::{Aggregate, MeasureId, Tally, TopicTally};
use crate::stats::{Moments, Share, enps, moments};
use crate::suppression::HiddenGroups;
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
    /// The segments hidden in the response counts; each measure and topic hides these and, by its
    /// own counts, maybe more. What the server stores at the close and passes to [`build_with`].
    pub hidden: HiddenGroups,
    /// The hidden segments' responses together, when [`Together`]'s rule allows.
    pub segments_together: Option<Together<GroupRate>>,
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

/// The figure of a breakdown's hidden groups taken together: the total minus the shown groups,
/// which subtraction reveals anyway, so nothing new is disclosed. There is one only where everyone's
/// figure is shown, at least one group is shown, at least two hidden groups have a count in it,
/// and it counts at least *k* (which complementary suppression always gives).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Together<T> {
    /// The hidden groups it sums up, in byte order (those with no count in it included).
    pub groups: Vec<String>,
    pub figure: T,
}

/// Responses of a set of groups against their invitees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GroupRate {
    pub invited: u64,
    pub responses: u64,
    /// `None` when none of them was invited.
    pub rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measure {
    pub question: String,
    pub item: Option<String>,
    pub kind: &'static str,
    pub overall: Figure<Distribution>,
    pub by_segment: Vec<(String, Figure<Distribution>)>,
    /// The hidden segments' answers together.
    pub together: Option<Together<Distribution>>,
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
    /// The hidden segments' figure together.
    pub together: Option<Together<TopicFigure>>,
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

/// Builds the report of an aggregate, deciding which segments to hide from its counts. `shuffle`
/// orders each question's comments (a random permutation in production, so the order says nothing
/// about arrival).
pub fn build(
    q: &Questionnaire,
    data: &Aggregate,
    invited: &Invited,
    k: u64,
    comment_k: u64,
    shuffle: &mut dyn FnMut(&mut Vec<String>),
) -> Report {
    build_with(q, data, invited, k, comment_k, &HiddenGroups::default(), shuffle)
}

/// The same with the segments' hidden set decided before (stored at the close, see
/// [`HiddenGroups`]): the report hides those, and more only where its counts need it
/// ([`HiddenGroups::within`]), so for the counts the set was computed from it hides exactly those.
pub fn build_with(
    q: &Questionnaire,
    data: &Aggregate,
    invited: &Invited,
    k: u64,
    comment_k: u64,
    hidden: &HiddenGroups,
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
    let segment_counts: Vec<(&str, u64)> = invited.iter().map(|(s, _)| (s.as_str(), responses_of(s))).collect();
    let segment_hidden = hidden.within(&segment_counts, k);
    let segments: Vec<SegmentRow> = invited
        .iter()
        .map(|(segment, n_invited)| {
            let responses = responses_of(segment);
            let shown = !segment_hidden.contains(segment);
            SegmentRow {
                segment: segment.clone(),
                invited: *n_invited,
                responses: figure(shown, || responses),
                rate: figure(shown && *n_invited > 0, || responses as f64 / *n_invited as f64),
            }
        })
        .collect();
    let segments_together = together(&segment_hidden, &segment_counts, total >= k, k, || {
        let (invited, responses) = invited
            .iter()
            .filter(|(s, _)| segment_hidden.contains(s))
            .fold((0, 0), |(i, r), (s, n)| (i + n, r + responses_of(s)));
        GroupRate {
            invited,
            responses,
            rate: (invited > 0).then(|| responses as f64 / invited as f64),
        }
    });
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
            let ns: Vec<(&str, u64)> = invited
                .iter()
                .zip(&tallies)
                .map(|((s, _), t)| (s.as_str(), t.n))
                .collect();
            let hidden = segment_hidden.within(&ns, k);
            let combined = together(&hidden, &ns, overall.n >= k, k, || {
                let mut sum = Tally::default();
                for ((s, _), t) in invited.iter().zip(&tallies) {
                    if hidden.contains(s) {
                        sum.merge((*t).clone());
                    }
                }
                distribution(q, id, &sum)
            });
            Measure {
                question: id.question.clone(),
                item: id.item.clone(),
                kind: q.question(&id.question).map_or("", |q| q.kind().type_name()),
                overall: figure(overall.n >= k, || distribution(q, id, overall)),
                by_segment: invited
                    .iter()
                    .zip(tallies)
                    .map(|((s, _), t)| (s.clone(), figure(!hidden.contains(s), || distribution(q, id, t))))
                    .collect(),
                together: combined,
                differences: Vec::new(),
            }
        })
        .collect::<Vec<Measure>>();
    test_differences(&mut measures);
    let empty_topic = TopicTally::default();
    let topics = data
        .topics
        .iter()
        .enumerate()
        .map(|(t, topic)| {
            let overall = data.topic_overall[t];
            let tallies: Vec<TopicTally> = invited
                .iter()
                .map(|(s, _)| data.topic_by_segment.get(s).map_or(empty_topic, |g| g[t]))
                .collect();
            let ns: Vec<(&str, u64)> = invited
                .iter()
                .zip(&tallies)
                .map(|((s, _), x)| (s.as_str(), x.n))
                .collect();
            let hidden = segment_hidden.within(&ns, k);
            let shown = |x: TopicTally| TopicFigure {
                respondents: x.n,
                favourable: Share::new(x.favourable, x.on_scale),
            };
            let combined = together(&hidden, &ns, overall.n >= k, k, || {
                let mut sum = TopicTally::default();
                for ((s, _), x) in invited.iter().zip(&tallies) {
                    if hidden.contains(s) {
                        sum.merge(*x);
                    }
                }
                shown(sum)
            });
            TopicIndex {
                topic: topic.clone(),
                overall: figure(overall.n >= k, || shown(overall)),
                by_segment: invited
                    .iter()
                    .zip(tallies)
                    .map(|((s, _), x)| (s.clone(), figure(!hidden.contains(s), || shown(x))))
                    .collect(),
                together: combined,
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
        hidden: segment_hidden,
        segments_together,
        measures,
        topics,
        comments,
        trends: Vec::new(),
    }
}

/// The figure of the hidden groups of one breakdown (its (label, count) pairs) together, made by
/// `make` (which sums up the groups `hidden` holds), where [`Together`]'s rule allows it.
fn together<T>(
    hidden: &HiddenGroups,
    counts: &[(&str, u64)],
    overall_shown: bool,
    k: u64,
    make: impl FnOnce() -> T,
) -> Option<Together<T>> {
    let mut rows: Vec<(&str, u64)> = counts.iter().copied().filter(|(s, _)| hidden.contains(s)).collect();
    let any_shown = rows.len() < counts.len();
    rows.sort_unstable();
    let n: u64 = rows.iter().map(|(_, n)| n).sum();
    let mut groups: Vec<&str> = rows.iter().map(|(s, _)| *s).collect();
    groups.dedup();
    let mut with_a_count: Vec<&str> = rows.iter().filter(|(_, n)| *n > 0).map(|(s, _)| *s).collect();
    with_a_count.dedup();
    if !overall_shown || !any_shown || with_a_count.len() < 2 {
        return None;
    }
    // Complementary suppression made the hidden groups reach k together; should they not, their
    // figure stays hidden.
    debug_assert!(n >= k, "hidden groups together count {n}, below k = {k}");
    (n >= k).then(|| Together {
        groups: groups.into_iter().map(str::to_owned).collect(),
        figure: make(),
    })
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
