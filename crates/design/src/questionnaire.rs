//! The questionnaire model. Values of these types come only from the template loader
//! ([`crate::Questionnaire::from_toml`]), which has checked every rule of the format, so code that reads
//! them never re-checks: a likert scale has a label per point, a condition names an earlier question,
//! `min <= max`, and so on.

use rand::Rng;
use rand::seq::SliceRandom;

use crate::condition::Condition;
use crate::id::{ItemId, OptionId, QuestionId, QuestionnaireId, SectionId, TopicId};
use crate::text::{Lang, Text};

#[derive(Debug, Clone)]
pub struct Questionnaire {
    pub(crate) id: QuestionnaireId,
    pub(crate) version: u32,
    pub(crate) languages: Vec<Lang>,
    pub(crate) default_language: Lang,
    pub(crate) title: Text,
    pub(crate) introduction: Option<Text>,
    pub(crate) anonymity_statement: Text,
    pub(crate) thanks: Option<Text>,
    pub(crate) topics: Vec<Topic>,
    pub(crate) sections: Vec<Section>,
    pub(crate) index: QuestionIndex,
}

/// Where each question is, by id: answers are looked up by question id for every response, so
/// the lookup must not walk the questionnaire.
#[derive(Debug, Clone, Default)]
pub(crate) struct QuestionIndex(std::collections::HashMap<QuestionId, (usize, usize, usize)>);

impl QuestionIndex {
    /// Section, question within it, and position in the questionnaire's order.
    pub(crate) fn of(sections: &[Section]) -> Self {
        let mut at = std::collections::HashMap::new();
        let mut position = 0;
        for (s, section) in sections.iter().enumerate() {
            for (q, question) in section.questions.iter().enumerate() {
                at.insert(question.id.clone(), (s, q, position));
                position += 1;
            }
        }
        Self(at)
    }
}

impl Questionnaire {
    pub fn id(&self) -> &QuestionnaireId {
        &self.id
    }
    pub fn version(&self) -> u32 {
        self.version
    }
    /// The languages every text is given in; the first is not special, see [`Self::default_language`].
    pub fn languages(&self) -> &[Lang] {
        &self.languages
    }
    pub fn default_language(&self) -> &Lang {
        &self.default_language
    }
    /// `lang` if the questionnaire offers it, else the default language.
    pub fn language_or_default<'a>(&'a self, lang: &'a Lang) -> &'a Lang {
        if self.languages.contains(lang) {
            lang
        } else {
            &self.default_language
        }
    }
    pub fn title(&self) -> &Text {
        &self.title
    }
    pub fn introduction(&self) -> Option<&Text> {
        self.introduction.as_ref()
    }
    /// What the firm and the company can and cannot see, as the template writes it: with the
    /// placeholders `{k}` and `{comment_k}` where the survey's thresholds go. Respondents read
    /// [`Self::anonymity_statement_for`].
    pub fn anonymity_statement(&self) -> &Text {
        &self.anonymity_statement
    }
    /// The anonymity statement as respondents read it: the survey's own thresholds in place of
    /// `{k}` and `{comment_k}`, so it cannot promise other numbers than the survey applies.
    ///
    /// ```
    /// # let template = r#"
    /// # id = "pulse"
    /// # version = 1
    /// # languages = ["en"]
    /// # default_language = "en"
    /// # title = { en = "Pulse" }
    /// anonymity_statement = { en = "Results only for groups of at least {k} people." }
    /// # [[sections]]
    /// # id = "main"
    /// # title = { en = "Questions" }
    /// # [[sections.questions]]
    /// # id = "recommend"
    /// # type = "rating"
    /// # text = { en = "Would you recommend us?" }
    /// # low_label = { en = "No" }
    /// # high_label = { en = "Yes" }
    /// # "#;
    /// # let q = survey_design::Questionnaire::from_toml(template, "pulse.toml").unwrap();
    /// use survey_design::{Lang, Thresholds};
    /// let statement = q.anonymity_statement_for(Thresholds { k: 7, comment_k: 12 });
    /// assert_eq!(statement.get(&Lang::english()), "Results only for groups of at least 7 people.");
    /// ```
    pub fn anonymity_statement_for(&self, thresholds: crate::statement::Thresholds) -> Text {
        crate::statement::fill(&self.anonymity_statement, thresholds)
    }
    pub fn thanks(&self) -> Option<&Text> {
        self.thanks.as_ref()
    }
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }
    /// All questions, in the order a respondent meets them.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }
    pub fn question(&self, id: &str) -> Option<&Question> {
        let &(s, q, _) = self.index.0.get(id)?;
        self.sections.get(s)?.questions.get(q)
    }
    /// A question's position in [`Self::questions`].
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.0.get(id).map(|&(_, _, position)| position)
    }
    /// How many questions there are.
    pub fn len(&self) -> usize {
        self.index.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.index.0.is_empty()
    }
    pub fn topic(&self, id: &TopicId) -> Option<&Topic> {
        self.topics.iter().find(|t| &t.id == id)
    }
}

#[derive(Debug, Clone)]
pub struct Topic {
    pub(crate) id: TopicId,
    pub(crate) label: Text,
}

impl Topic {
    pub fn id(&self) -> &TopicId {
        &self.id
    }
    pub fn label(&self) -> &Text {
        &self.label
    }
}

/// A page of the questionnaire.
#[derive(Debug, Clone)]
pub struct Section {
    pub(crate) id: SectionId,
    pub(crate) title: Text,
    pub(crate) description: Option<Text>,
    pub(crate) questions: Vec<Question>,
}

impl Section {
    pub fn id(&self) -> &SectionId {
        &self.id
    }
    pub fn title(&self) -> &Text {
        &self.title
    }
    pub fn description(&self) -> Option<&Text> {
        self.description.as_ref()
    }
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }
}

#[derive(Debug, Clone)]
pub struct Question {
    pub(crate) id: QuestionId,
    pub(crate) text: Text,
    pub(crate) help: Option<Text>,
    pub(crate) required: bool,
    pub(crate) topics: Vec<TopicId>,
    pub(crate) show_if: Option<Condition>,
    pub(crate) kind: QuestionKind,
}

impl Question {
    pub fn id(&self) -> &QuestionId {
        &self.id
    }
    pub fn text(&self) -> &Text {
        &self.text
    }
    pub fn help(&self) -> Option<&Text> {
        self.help.as_ref()
    }
    /// Must be answered when shown.
    pub fn required(&self) -> bool {
        self.required
    }
    pub fn topics(&self) -> &[TopicId] {
        &self.topics
    }
    pub fn show_if(&self) -> Option<&Condition> {
        self.show_if.as_ref()
    }
    pub fn kind(&self) -> &QuestionKind {
        &self.kind
    }
}

#[derive(Debug, Clone)]
pub enum QuestionKind {
    SingleChoice(Choices),
    MultipleChoice {
        choices: Choices,
        /// Fewest selections when answered (an "other" text counts as one).
        min: u32,
        /// Most selections; never above the number of choices.
        max: u32,
    },
    Likert {
        scale: Scale,
        reverse: bool,
    },
    /// A 0–10 rating (eNPS style).
    Rating {
        low_label: Text,
        high_label: Text,
    },
    Number {
        min: Option<Decimal>,
        max: Option<Decimal>,
        decimals: u8,
        unit: Option<Text>,
    },
    ShortText {
        max_length: u32,
    },
    LongText {
        max_length: u32,
    },
    Matrix {
        scale: Scale,
        items: Vec<MatrixItem>,
        randomize: bool,
    },
    Ranking {
        options: Vec<ChoiceOption>,
        /// How many options are ranked: all of them, or the first N.
        top: u32,
        randomize: bool,
    },
}

impl QuestionKind {
    /// The name used for this type in templates (`single_choice`, `likert`, ...).
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::SingleChoice(_) => "single_choice",
            Self::MultipleChoice { .. } => "multiple_choice",
            Self::Likert { .. } => "likert",
            Self::Rating { .. } => "rating",
            Self::Number { .. } => "number",
            Self::ShortText { .. } => "short_text",
            Self::LongText { .. } => "long_text",
            Self::Matrix { .. } => "matrix",
            Self::Ranking { .. } => "ranking",
        }
    }
}

/// The options of a single or multiple choice question.
#[derive(Debug, Clone)]
pub struct Choices {
    pub(crate) options: Vec<ChoiceOption>,
    pub(crate) other: Option<Other>,
    pub(crate) randomize: bool,
}

impl Choices {
    pub fn options(&self) -> &[ChoiceOption] {
        &self.options
    }
    pub fn other(&self) -> Option<&Other> {
        self.other.as_ref()
    }
    pub fn randomize(&self) -> bool {
        self.randomize
    }
    pub fn option(&self, id: &str) -> Option<&ChoiceOption> {
        self.options.iter().find(|o| o.id.as_str() == id)
    }
    /// The options in the order one respondent sees them: shuffled when the question asks for it,
    /// with `fixed` options kept in their places.
    pub fn display_order<R: Rng + ?Sized>(&self, rng: &mut R) -> Vec<&ChoiceOption> {
        display_order(&self.options, self.randomize, |o| o.fixed, rng)
    }
}

#[derive(Debug, Clone)]
pub struct ChoiceOption {
    pub(crate) id: OptionId,
    pub(crate) label: Text,
    pub(crate) fixed: bool,
    pub(crate) exclusive: bool,
}

impl ChoiceOption {
    pub fn id(&self) -> &OptionId {
        &self.id
    }
    pub fn label(&self) -> &Text {
        &self.label
    }
    /// Keeps its place when options are shuffled.
    pub fn fixed(&self) -> bool {
        self.fixed
    }
    /// Cannot be combined with other choices ("none of these").
    pub fn exclusive(&self) -> bool {
        self.exclusive
    }
}

/// "Other, please specify".
#[derive(Debug, Clone)]
pub struct Other {
    pub(crate) label: Text,
    pub(crate) max_length: u32,
}

impl Other {
    pub fn label(&self) -> &Text {
        &self.label
    }
    pub fn max_length(&self) -> u32 {
        self.max_length
    }
}

/// A labelled 5- or 7-point scale.
#[derive(Debug, Clone)]
pub struct Scale {
    pub(crate) name: Option<String>,
    pub(crate) labels: Vec<Text>,
    pub(crate) favourable: Vec<u8>,
    pub(crate) not_applicable: Option<Text>,
}

impl Scale {
    /// The `[scales.NAME]` it came from, if it was not written inline.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }
    /// 5 or 7.
    pub fn points(&self) -> u8 {
        // The loader accepts 5 or 7 labels only.
        self.labels.len() as u8
    }
    /// Label of point `p` (1-based).
    pub fn label(&self, p: u8) -> Option<&Text> {
        self.labels.get(usize::from(p).checked_sub(1)?)
    }
    pub fn labels(&self) -> &[Text] {
        &self.labels
    }
    /// Points (1-based) that count as favourable for a statement that is not reverse-coded.
    pub fn favourable(&self) -> &[u8] {
        &self.favourable
    }
    /// Whether answering `point` is favourable; a reverse-coded statement mirrors the scale first.
    pub fn is_favourable(&self, point: u8, reverse: bool) -> bool {
        let p = if reverse {
            (self.points() + 1).saturating_sub(point)
        } else {
            point
        };
        self.favourable.contains(&p)
    }
    pub fn not_applicable(&self) -> Option<&Text> {
        self.not_applicable.as_ref()
    }
}

#[derive(Debug, Clone)]
pub struct MatrixItem {
    pub(crate) id: ItemId,
    pub(crate) text: Text,
    pub(crate) reverse: bool,
    pub(crate) topics: Vec<TopicId>,
}

impl MatrixItem {
    pub fn id(&self) -> &ItemId {
        &self.id
    }
    pub fn text(&self) -> &Text {
        &self.text
    }
    /// Reverse-coded: agreeing is unfavourable.
    pub fn reverse(&self) -> bool {
        self.reverse
    }
    pub fn topics(&self) -> &[TopicId] {
        &self.topics
    }
}

/// The order in which a respondent sees a list: as written, or shuffled with the `fixed` entries
/// kept where they are (so "none of these" stays last).
pub fn display_order<'a, T, R: Rng + ?Sized>(
    items: &'a [T],
    randomize: bool,
    fixed: impl Fn(&T) -> bool,
    rng: &mut R,
) -> Vec<&'a T> {
    let mut ordered: Vec<&T> = items.iter().collect();
    if randomize {
        let movable: Vec<usize> = (0..items.len()).filter(|&i| !fixed(&items[i])).collect();
        let mut shuffled = movable.clone();
        shuffled.shuffle(rng);
        for (slot, from) in movable.iter().zip(shuffled) {
            ordered[*slot] = &items[from];
        }
    }
    ordered
}

/// An exact decimal number: `units / 10^decimals`. Number questions use it so that answers and
/// bounds compare and encode exactly, whatever a float would round to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    pub(crate) units: i64,
    pub(crate) decimals: u8,
}

/// Largest magnitude of `units`: the range in which an f64 holds every integer exactly.
const MAX_UNITS: f64 = 9_007_199_254_740_992.0;

impl Decimal {
    /// `value` with at most `decimals` digits after the point, or `None` if it has more, or is not a
    /// finite number of a size that can be held exactly.
    pub fn from_f64(value: f64, decimals: u8) -> Option<Self> {
        let scaled = value * 10f64.powi(i32::from(decimals));
        let rounded = scaled.round();
        let exact = (scaled - rounded).abs() <= 1e-6 * rounded.abs().max(1.0);
        // In range and integral, so the conversion is exact.
        (value.is_finite() && rounded.abs() < MAX_UNITS && exact).then_some(Self {
            units: rounded as i64,
            decimals,
        })
    }

    pub fn to_f64(self) -> f64 {
        self.units as f64 / 10f64.powi(i32::from(self.decimals))
    }
}

impl std::fmt::Display for Decimal {
    /// Plain decimal notation with exactly `decimals` digits after the point: `-12.50`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.units < 0 { "-" } else { "" };
        let abs = self.units.unsigned_abs();
        if self.decimals == 0 {
            return write!(f, "{sign}{abs}");
        }
        let div = 10u64.pow(u32::from(self.decimals));
        write!(
            f,
            "{sign}{}.{:0width$}",
            abs / div,
            abs % div,
            width = usize::from(self.decimals)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::SmallRng;

    #[test]
    fn decimals_hold_exactly_what_was_given_and_refuse_extra_digits() {
        assert_eq!(Decimal::from_f64(12.5, 1).unwrap().to_string(), "12.5");
        assert_eq!(Decimal::from_f64(-0.05, 2).unwrap().to_string(), "-0.05");
        assert_eq!(Decimal::from_f64(3.0, 0).unwrap().to_string(), "3");
        assert!(Decimal::from_f64(12.25, 1).is_none());
        assert!(Decimal::from_f64(f64::NAN, 0).is_none());
        assert!(Decimal::from_f64(1e300, 0).is_none());
    }

    #[test]
    fn shuffling_keeps_fixed_entries_in_place_and_loses_nothing() {
        let items = ["a", "b", "c", "d", "none"];
        let mut rng = SmallRng::seed_from_u64(7);
        let mut seen_other_order = false;
        for _ in 0..50 {
            let order = display_order(&items, true, |s| *s == "none", &mut rng);
            assert_eq!(*order[4], "none");
            let mut sorted: Vec<&str> = order.iter().map(|s| **s).collect();
            seen_other_order |= sorted[..4] != items[..4];
            sorted.sort_unstable();
            assert_eq!(sorted, ["a", "b", "c", "d", "none"]);
        }
        assert!(seen_other_order, "50 shuffles of four options never changed the order");
        let as_written = display_order(&items, false, |_| false, &mut rng);
        assert_eq!(as_written.into_iter().copied().collect::<Vec<_>>(), items);
    }

    #[test]
    fn reverse_coded_statements_mirror_the_favourable_points() {
        let scale = Scale {
            name: None,
            labels: (0..5).map(|_| dummy_text()).collect(),
            favourable: vec![4, 5],
            not_applicable: None,
        };
        assert!(scale.is_favourable(5, false));
        assert!(!scale.is_favourable(1, false));
        assert!(scale.is_favourable(1, true));
        assert!(scale.is_favourable(2, true));
        assert!(!scale.is_favourable(4, true));
    }

    fn dummy_text() -> Text {
        let en = Lang::parse("en").unwrap();
        Text::new([(en.clone(), "x".to_owned())].into(), en)
    }
}
