//! One pass over the responses: running counts per measure (a question, or one statement of a
//! matrix) for everyone and per segment. Memory grows with measures × categories × segments, and
//! with the free-text comments; never with the number of responses otherwise.

use std::collections::BTreeMap;

use survey_design::{Answer, Answers, Choice, QuestionKind, Questionnaire, ScaleAnswer};

/// Category key of "other, please specify" and of "not applicable".
pub const OTHER: &str = "other";
pub const NOT_APPLICABLE: &str = "n/a";

/// What is counted for one measure, in one group.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// Respondents who answered.
    pub n: u64,
    /// By category: option id, scale point, rating, `other`, `n/a`.
    pub categories: BTreeMap<String, u64>,
    /// Numeric answers (scale points, ratings, numbers) by value, for mean, median and spread.
    pub values: BTreeMap<OrderedValue, u64>,
    /// Answers on a scale that count as favourable, and answers on the scale at all (not `n/a`).
    pub favourable: u64,
    pub on_scale: u64,
    /// Ranking: per option the sum of its ranks (1 = best) and how often it was ranked, for its
    /// mean rank among those who ranked it.
    pub rank_sums: BTreeMap<String, u64>,
    pub rank_counts: BTreeMap<String, u64>,
}

/// An f64 that orders totally (numbers in answers are finite).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OrderedValue(pub f64);

impl Eq for OrderedValue {}

impl PartialOrd for OrderedValue {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrderedValue {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// A measure of the questionnaire: a question, or (`item`) one statement of a matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureId {
    pub question: String,
    pub item: Option<String>,
}

/// Favourable answers of one topic in one group, over every scale measure tagged with it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TopicTally {
    /// Respondents who answered at least one of its measures.
    pub n: u64,
    pub favourable: u64,
    pub on_scale: u64,
}

/// Running counts of a whole data set.
#[derive(Debug, Clone)]
pub struct Aggregate {
    pub measures: Vec<MeasureId>,
    /// The questionnaire's topics, and per measure the topics it counts towards.
    pub topics: Vec<String>,
    measure_topics: Vec<Vec<usize>>,
    pub topic_overall: Vec<TopicTally>,
    pub topic_by_segment: BTreeMap<String, Vec<TopicTally>>,
    /// Per measure: everyone, and by segment label.
    pub overall: Vec<Tally>,
    pub by_segment: BTreeMap<String, Vec<Tally>>,
    /// Responses by segment.
    pub responses: BTreeMap<String, u64>,
    /// Long free texts by question id, in arrival order (shuffled when reported).
    pub comments: BTreeMap<String, Vec<String>>,
}

impl Aggregate {
    pub fn new(q: &Questionnaire) -> Self {
        let mut measures = Vec::new();
        for question in q.questions() {
            let id = question.id().as_str().to_owned();
            match question.kind() {
                QuestionKind::Matrix { items, .. } => measures.extend(items.iter().map(|i| MeasureId {
                    question: id.clone(),
                    item: Some(i.id().as_str().to_owned()),
                })),
                QuestionKind::ShortText { .. } | QuestionKind::LongText { .. } => {}
                _ => measures.push(MeasureId {
                    question: id,
                    item: None,
                }),
            }
        }
        // A topic index is a favourable share, so only topics with statements on a scale get one.
        let on_a_scale = |topic: &str| {
            q.questions().any(|question| match question.kind() {
                QuestionKind::Likert { .. } => question.topics().iter().any(|t| t.as_str() == topic),
                QuestionKind::Matrix { items, .. } => {
                    question.topics().iter().any(|t| t.as_str() == topic)
                        || items.iter().any(|i| i.topics().iter().any(|t| t.as_str() == topic))
                }
                _ => false,
            })
        };
        let topics: Vec<String> = q
            .topics()
            .iter()
            .map(|t| t.id().as_str().to_owned())
            .filter(|t| on_a_scale(t))
            .collect();
        let measure_topics = measures
            .iter()
            .map(|m| {
                let Some(question) = q.question(&m.question) else {
                    return Vec::new();
                };
                let mut tags: Vec<&str> = question.topics().iter().map(|t| t.as_str()).collect();
                if let (QuestionKind::Matrix { items, .. }, Some(item)) = (question.kind(), &m.item)
                    && let Some(item) = items.iter().find(|i| i.id().as_str() == item)
                {
                    tags.extend(item.topics().iter().map(|t| t.as_str()));
                }
                topics
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| tags.contains(&t.as_str()))
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();
        Self {
            overall: vec![Tally::default(); measures.len()],
            topic_overall: vec![TopicTally::default(); topics.len()],
            topic_by_segment: BTreeMap::new(),
            topics,
            measure_topics,
            measures,
            by_segment: BTreeMap::new(),
            responses: BTreeMap::new(),
            comments: BTreeMap::new(),
        }
    }

    /// Counts one response of `segment`.
    pub fn add(&mut self, q: &Questionnaire, segment: &str, answers: &Answers) {
        *self.responses.entry(segment.to_owned()).or_default() += 1;
        let width = self.measures.len();
        let group = self
            .by_segment
            .entry(segment.to_owned())
            .or_insert_with(|| vec![Tally::default(); width]);
        let topic_group = self
            .topic_by_segment
            .entry(segment.to_owned())
            .or_insert_with(|| vec![TopicTally::default(); self.topics.len()]);
        let mut touched = vec![false; self.topics.len()];
        for (i, measure) in self.measures.iter().enumerate() {
            let Some(question) = q.question(&measure.question) else {
                continue;
            };
            let Some(answer) = answers.get(question.id()) else {
                continue;
            };
            let before = (self.overall[i].favourable, self.overall[i].on_scale);
            for tally in [&mut self.overall[i], &mut group[i]] {
                count(tally, question.kind(), measure.item.as_deref(), answer);
            }
            let favourable = self.overall[i].favourable - before.0;
            let on_scale = self.overall[i].on_scale - before.1;
            for &t in &self.measure_topics[i] {
                if on_scale > 0 {
                    touched[t] = true;
                }
                for topic in [&mut self.topic_overall[t], &mut topic_group[t]] {
                    topic.favourable += favourable;
                    topic.on_scale += on_scale;
                }
            }
        }
        for (t, _) in touched.iter().enumerate().filter(|(_, hit)| **hit) {
            self.topic_overall[t].n += 1;
            topic_group[t].n += 1;
        }
        for (id, answer) in answers.iter() {
            if let (Answer::Text(text), Some(QuestionKind::LongText { .. })) =
                (answer, q.question(id.as_str()).map(|q| q.kind()))
            {
                self.comments
                    .entry(id.as_str().to_owned())
                    .or_default()
                    .push(text.clone());
            }
        }
    }
}

fn count(tally: &mut Tally, kind: &QuestionKind, item: Option<&str>, answer: &Answer) {
    let mut category = |key: String| *tally.categories.entry(key).or_default() += 1;
    match (kind, answer) {
        (QuestionKind::SingleChoice(_), Answer::Choice(choice)) => category(choice_key(choice)),
        (QuestionKind::MultipleChoice { .. }, Answer::Choices(choices)) => {
            for choice in choices {
                category(choice_key(choice));
            }
        }
        (QuestionKind::Likert { scale, reverse }, Answer::Scale(point)) => {
            scale_point(tally, *point, |p| scale.is_favourable(p, *reverse));
            tally.n += 1;
            return;
        }
        (QuestionKind::Matrix { scale, items, .. }, Answer::Matrix(rows)) => {
            let Some(item) = items.iter().find(|i| Some(i.id().as_str()) == item) else {
                return;
            };
            let Some((_, point)) = rows.iter().find(|(id, _)| id == item.id()) else {
                return;
            };
            scale_point(tally, *point, |p| scale.is_favourable(p, item.reverse()));
            tally.n += 1;
            return;
        }
        (QuestionKind::Rating { .. }, Answer::Rating(r)) => {
            category(r.to_string());
            *tally.values.entry(OrderedValue(f64::from(*r))).or_default() += 1;
        }
        (QuestionKind::Number { .. }, Answer::Number(d)) => {
            *tally.values.entry(OrderedValue(d.to_f64())).or_default() += 1;
        }
        (QuestionKind::Ranking { .. }, Answer::Ranking(order)) => {
            for (rank, option) in order.iter().enumerate() {
                *tally.rank_sums.entry(option.as_str().to_owned()).or_default() += rank as u64 + 1;
                *tally.rank_counts.entry(option.as_str().to_owned()).or_default() += 1;
                if rank == 0 {
                    category(option.as_str().to_owned());
                }
            }
        }
        _ => return,
    }
    tally.n += 1;
}

fn choice_key(choice: &Choice) -> String {
    match choice {
        Choice::Option(id) => id.as_str().to_owned(),
        Choice::Other(_) => OTHER.to_owned(),
    }
}

fn scale_point(tally: &mut Tally, point: ScaleAnswer, favourable: impl Fn(u8) -> bool) {
    match point {
        ScaleAnswer::Point(p) => {
            *tally.categories.entry(p.to_string()).or_default() += 1;
            *tally.values.entry(OrderedValue(f64::from(p))).or_default() += 1;
            tally.on_scale += 1;
            if favourable(p) {
                tally.favourable += 1;
            }
        }
        ScaleAnswer::NotApplicable => *tally.categories.entry(NOT_APPLICABLE.to_owned()).or_default() += 1,
    }
}
