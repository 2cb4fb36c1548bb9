//! One pass over the responses: running counts per measure (a question, or one statement of a
//! matrix) for everyone and per segment. Memory grows with measures × categories × segments, and
//! with the free-text comments; never with the number of responses otherwise.

use std::collections::BTreeMap;

use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};

use survey_design::{Answer, Answers, Choice, QuestionKind, Questionnaire, ScaleAnswer};

/// Category key of "other, please specify" and of "not applicable".
pub const OTHER: &str = "other";
pub const NOT_APPLICABLE: &str = "n/a";

/// What is counted for one measure, in one group.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// Respondents who answered.
    pub n: u64,
    /// By category: option id, `other`, `n/a` (scale points and ratings are in `points`).
    pub categories: BTreeMap<String, u64>,
    /// Scale points and 0–10 ratings by value: counted for nearly every answer, so in place.
    pub points: [u64; 11],
    /// Other numeric answers (numbers) by value.
    pub values: BTreeMap<OrderedValue, u64>,
    /// Answers on a scale that count as favourable, and answers on the scale at all (not `n/a`).
    pub favourable: u64,
    pub on_scale: u64,
    /// Ranking: per option the sum of its ranks (1 = best) and how often it was ranked, for its
    /// mean rank among those who ranked it.
    pub rank_sums: BTreeMap<String, u64>,
    pub rank_counts: BTreeMap<String, u64>,
}

impl Tally {
    /// The count of a category key: an option id, `other`, `n/a`, or a point or rating.
    pub fn count(&self, key: &str) -> u64 {
        match key.parse::<usize>().ok().and_then(|p| self.points.get(p)) {
            Some(n) => *n,
            None => self.categories.get(key).copied().unwrap_or(0),
        }
    }

    /// Every numeric answer by value (points, ratings and numbers), ascending.
    pub fn numbers(&self) -> Vec<(f64, u64)> {
        let mut all: Vec<(f64, u64)> = (0..self.points.len())
            .filter(|&p| self.points[p] > 0)
            .map(|p| (p as f64, self.points[p]))
            .chain(self.values.iter().map(|(v, n)| (v.0, *n)))
            .collect();
        all.sort_by(|a, b| a.0.total_cmp(&b.0));
        all
    }

    pub(crate) fn merge(&mut self, other: Tally) {
        self.n += other.n;
        for (mine, theirs) in self.points.iter_mut().zip(other.points) {
            *mine += theirs;
        }
        self.favourable += other.favourable;
        self.on_scale += other.on_scale;
        for (key, n) in other.categories {
            bump(&mut self.categories, &key, n);
        }
        for (value, n) in other.values {
            *self.values.entry(value).or_default() += n;
        }
        for (key, n) in other.rank_sums {
            bump(&mut self.rank_sums, &key, n);
        }
        for (key, n) in other.rank_counts {
            bump(&mut self.rank_counts, &key, n);
        }
    }
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

impl TopicTally {
    pub(crate) fn merge(&mut self, other: TopicTally) {
        self.n += other.n;
        self.favourable += other.favourable;
        self.on_scale += other.on_scale;
    }
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
    /// Per measure, the position of its question in the questionnaire.
    measure_position: Vec<usize>,
    pub topic_overall: Vec<TopicTally>,
    pub topic_by_segment: BTreeMap<String, Vec<TopicTally>>,
    /// Per measure: everyone, and by segment label.
    pub overall: Vec<Tally>,
    pub by_segment: BTreeMap<String, Vec<Tally>>,
    /// Responses by segment.
    pub responses: BTreeMap<String, u64>,
    /// Long free texts by question id.
    pub comments: BTreeMap<String, CommentPool>,
}

/// The comments a report can show of one question: at most this many, drawn at random.
pub const COMMENT_SAMPLE: usize = 1000;

/// One question's comments: how many there are and a uniform random sample of them, so memory
/// and the time to find their frequent terms do not grow with the responses.
#[derive(Debug, Clone)]
pub struct CommentPool {
    pub total: u64,
    pub sample: Vec<String>,
    rng: SmallRng,
}

impl Default for CommentPool {
    fn default() -> Self {
        Self {
            total: 0,
            sample: Vec::new(),
            // The sample only bounds memory; which comments it keeps carries no meaning, and the
            // report shuffles them, so a fixed seed keeps reports reproducible.
            rng: SmallRng::seed_from_u64(0x5eed),
        }
    }
}

impl CommentPool {
    /// Joins two pools: the sample keeps each side's comments in proportion to its total, so it
    /// stays a uniform sample of all of them.
    pub fn merge(&mut self, other: CommentPool) {
        let total = self.total + other.total;
        let room = COMMENT_SAMPLE.min(self.sample.len() + other.sample.len());
        let mine = if total == 0 {
            0
        } else {
            ((room as u64 * self.total).div_ceil(total) as usize).min(self.sample.len())
        };
        let theirs = (room - mine).min(other.sample.len());
        self.sample.truncate(mine);
        self.sample.extend(other.sample.into_iter().take(theirs));
        self.total = total;
    }

    /// Reservoir sampling: after `total` comments, each is in the sample with equal chance.
    pub fn add(&mut self, text: &str) {
        if self.sample.len() < COMMENT_SAMPLE {
            self.sample.push(text.to_owned());
        } else {
            let slot = self.rng.random_range(0..=self.total) as usize;
            if let Some(kept) = self.sample.get_mut(slot) {
                *kept = text.to_owned();
            }
        }
        self.total += 1;
    }
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
        let positions: Vec<&str> = q.questions().map(|x| x.id().as_str()).collect();
        let measure_position = measures
            .iter()
            .map(|m| positions.iter().position(|p| *p == m.question).unwrap_or(usize::MAX))
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
            measure_position,
            measures,
            by_segment: BTreeMap::new(),
            responses: BTreeMap::new(),
            comments: BTreeMap::new(),
        }
    }

    /// Adds the counts of another aggregate of the same questionnaire (counted in parallel).
    pub fn merge(&mut self, other: Aggregate) {
        merge_all(&mut self.overall, other.overall, Tally::merge);
        merge_groups(&mut self.by_segment, other.by_segment, Tally::merge);
        merge_all(&mut self.topic_overall, other.topic_overall, TopicTally::merge);
        merge_groups(&mut self.topic_by_segment, other.topic_by_segment, TopicTally::merge);
        for (segment, n) in other.responses {
            bump(&mut self.responses, &segment, n);
        }
        for (question, pool) in other.comments {
            self.comments.entry(question).or_default().merge(pool);
        }
    }

    /// Counts one response of `segment`.
    pub fn add(&mut self, q: &Questionnaire, segment: &str, answers: &Answers) {
        if !self.responses.contains_key(segment) {
            self.responses.insert(segment.to_owned(), 0);
            self.by_segment
                .insert(segment.to_owned(), vec![Tally::default(); self.measures.len()]);
            self.topic_by_segment
                .insert(segment.to_owned(), vec![TopicTally::default(); self.topics.len()]);
        }
        // Inserted just above when missing.
        let (Some(responses), Some(group), Some(topic_group)) = (
            self.responses.get_mut(segment),
            self.by_segment.get_mut(segment),
            self.topic_by_segment.get_mut(segment),
        ) else {
            return;
        };
        *responses += 1;
        // Answers hold the questionnaire's order (validation builds them walking it), so one walk
        // pairs each question with its answer, without searching either by id.
        let mut given = answers.iter().peekable();
        let paired: Vec<(&survey_design::Question, Option<&Answer>)> = q
            .questions()
            .map(|question| match given.peek() {
                Some((id, answer)) if *id == question.id() => {
                    let answer = *answer;
                    given.next();
                    (question, Some(answer))
                }
                _ => (question, None),
            })
            .collect();
        let mut touched = vec![false; self.topics.len()];
        for (i, measure) in self.measures.iter().enumerate() {
            let Some((question, Some(answer))) = paired.get(self.measure_position[i]) else {
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
        for (question, answer) in &paired {
            if let (Some(Answer::Text(text)), QuestionKind::LongText { .. }) = (answer, question.kind()) {
                let id = question.id().as_str();
                match self.comments.get_mut(id) {
                    Some(pool) => pool.add(text),
                    None => self.comments.entry(id.to_owned()).or_default().add(text),
                }
            }
        }
    }
}

/// Merges counts measure by measure.
fn merge_all<T>(mine: &mut [T], theirs: Vec<T>, merge: fn(&mut T, T)) {
    for (m, t) in mine.iter_mut().zip(theirs) {
        merge(m, t);
    }
}

/// Merges counts group by group, taking over the groups only the other side has.
fn merge_groups<T>(mine: &mut BTreeMap<String, Vec<T>>, theirs: BTreeMap<String, Vec<T>>, merge: fn(&mut T, T)) {
    for (group, counts) in theirs {
        match mine.get_mut(&group) {
            Some(m) => merge_all(m, counts, merge),
            None => {
                mine.insert(group, counts);
            }
        }
    }
}

/// Adds one to `key`, allocating the key only the first time it is seen.
fn bump(map: &mut BTreeMap<String, u64>, key: &str, by: u64) {
    match map.get_mut(key) {
        Some(n) => *n += by,
        None => {
            map.insert(key.to_owned(), by);
        }
    }
}

fn count(tally: &mut Tally, kind: &QuestionKind, item: Option<&str>, answer: &Answer) {
    let mut category = |key: &str| bump(&mut tally.categories, key, 1);
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
            bump_point(tally, *r);
        }
        (QuestionKind::Number { .. }, Answer::Number(d)) => {
            *tally.values.entry(OrderedValue(d.to_f64())).or_default() += 1;
        }
        (QuestionKind::Ranking { .. }, Answer::Ranking(order)) => {
            for (rank, option) in order.iter().enumerate() {
                bump(&mut tally.rank_sums, option.as_str(), rank as u64 + 1);
                bump(&mut tally.rank_counts, option.as_str(), 1);
                if rank == 0 {
                    category(option.as_str());
                }
            }
        }
        _ => return,
    }
    tally.n += 1;
}

/// A scale point or rating (validated: at most 10).
fn bump_point(tally: &mut Tally, point: u8) {
    if let Some(n) = tally.points.get_mut(usize::from(point)) {
        *n += 1;
    }
}

fn choice_key(choice: &Choice) -> &str {
    match choice {
        Choice::Option(id) => id.as_str(),
        Choice::Other(_) => OTHER,
    }
}

fn scale_point(tally: &mut Tally, point: ScaleAnswer, favourable: impl Fn(u8) -> bool) {
    match point {
        ScaleAnswer::Point(p) => {
            bump_point(tally, p);
            tally.on_scale += 1;
            if favourable(p) {
                tally.favourable += 1;
            }
        }
        ScaleAnswer::NotApplicable => bump(&mut tally.categories, NOT_APPLICABLE, 1),
    }
}
