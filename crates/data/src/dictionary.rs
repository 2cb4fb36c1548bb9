//! The variables of a survey's data file, one or more per question, and each response's values:
//! what the CSV, the `.sav` file and the codebook all write, so the three never disagree.
//!
//! Codes: a single choice is its option's position (1, 2, …; "other" after the last option), a
//! multiple choice one 0/1 variable per option, a scale its point with "not applicable" as
//! [`NOT_APPLICABLE_CODE`] (declared missing), a ranking one variable per option holding its rank.
//! Free texts (the "other" answers and text questions) are variables only when asked for.

use survey_design::answer::{Answer, Choice, ScaleAnswer};
use survey_design::{Answers, Lang, QuestionKind, Questionnaire, Scale};
use survey_i18n::t;

/// The code of "not applicable / don't know" on a scale, outside every scale's points.
pub const NOT_APPLICABLE_CODE: f64 = 99.0;

/// The widest text a data file holds, in bytes (SPSS's limit).
const MAX_WIDTH: usize = 32_767;

/// How a variable is measured, for statistics programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Nominal,
    Ordinal,
    Scale,
}

/// One column of the data file.
#[derive(Debug, Clone, PartialEq)]
pub struct Variable {
    /// The question id, with the statement or option after a dot (`benefits.network`).
    pub name: String,
    /// The question's text in the file's language (with the statement's or option's).
    pub label: String,
    /// Text (free answers) or a number.
    pub text: bool,
    /// The most bytes a text can take in UTF-8 (four per character of its question's limit).
    pub width: usize,
    /// Digits after the decimal point of a number.
    pub decimals: u8,
    pub measure: Measure,
    /// What each code stands for.
    pub value_labels: Vec<(f64, String)>,
    /// Codes that are answers outside the scale ("not applicable").
    pub missing: Vec<f64>,
    source: Source,
}

/// Where a variable's value comes from.
#[derive(Debug, Clone, PartialEq)]
enum Source {
    Group,
    Choice(String),
    Selected { question: String, option: Option<String> },
    OtherText(String),
    Scale(String),
    Item { question: String, item: String },
    Rating(String),
    Number(String),
    Text(String),
    Rank { question: String, option: String },
}

/// A value of one variable for one response.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(f64),
    Text(String),
    /// Not answered (or not shown).
    Missing,
}

/// The variables of `q` in `lang`: the group first, then the questions in their order.
pub fn variables(q: &Questionnaire, lang: &Lang, free_text: bool, groups: &[String]) -> Vec<Variable> {
    let mut out = vec![Variable {
        name: "group".to_owned(),
        label: t!(lang, "data-group"),
        text: false,
        width: 0,
        decimals: 0,
        measure: Measure::Nominal,
        value_labels: (1..).map(f64::from).zip(groups.iter().cloned()).collect(),
        missing: Vec::new(),
        source: Source::Group,
    }];
    let var = |name: String, label: String, measure: Measure, source: Source| Variable {
        name,
        label,
        text: false,
        width: 0,
        decimals: 0,
        measure,
        value_labels: Vec::new(),
        missing: Vec::new(),
        source,
    };
    let text_var = |name: String, label: String, max_length: u32, source: Source| Variable {
        text: true,
        width: (max_length as usize * 4).clamp(1, MAX_WIDTH),
        ..var(name, label, Measure::Nominal, source)
    };
    let other_word = t!(lang, "data-other");
    let selected = vec![(0.0, t!(lang, "data-not-selected")), (1.0, t!(lang, "data-selected"))];
    for question in q.questions() {
        let id = question.id().as_str().to_owned();
        let text = question.text().get(lang).to_owned();
        match question.kind() {
            QuestionKind::SingleChoice(choices) => {
                let mut v = var(id.clone(), text.clone(), Measure::Nominal, Source::Choice(id.clone()));
                v.value_labels = (1..)
                    .map(f64::from)
                    .zip(choices.options().iter().map(|o| o.label().get(lang).to_owned()))
                    .collect();
                if let Some(other) = choices.other() {
                    let code = v.value_labels.len() as f64 + 1.0;
                    v.value_labels.push((code, other.label().get(lang).to_owned()));
                }
                out.push(v);
                if let (true, Some(other)) = (free_text, choices.other()) {
                    out.push(text_var(
                        format!("{id}.other"),
                        format!("{text} — {other_word}"),
                        other.max_length(),
                        Source::OtherText(id.clone()),
                    ));
                }
            }
            QuestionKind::MultipleChoice { choices, .. } => {
                for o in choices.options() {
                    let mut v = var(
                        format!("{id}.{}", o.id()),
                        format!("{text} — {}", o.label().get(lang)),
                        Measure::Nominal,
                        Source::Selected {
                            question: id.clone(),
                            option: Some(o.id().as_str().to_owned()),
                        },
                    );
                    v.value_labels = selected.clone();
                    out.push(v);
                }
                if let Some(other) = choices.other() {
                    let mut v = var(
                        format!("{id}.other"),
                        format!("{text} — {}", other.label().get(lang)),
                        Measure::Nominal,
                        Source::Selected {
                            question: id.clone(),
                            option: None,
                        },
                    );
                    v.value_labels = selected.clone();
                    out.push(v);
                    if free_text {
                        out.push(text_var(
                            format!("{id}.other_text"),
                            format!("{text} — {other_word}"),
                            other.max_length(),
                            Source::OtherText(id.clone()),
                        ));
                    }
                }
            }
            QuestionKind::Likert { scale, .. } => {
                out.push(scale_var(
                    var(id.clone(), text, Measure::Ordinal, Source::Scale(id)),
                    scale,
                    lang,
                ));
            }
            QuestionKind::Matrix { scale, items, .. } => {
                for item in items {
                    let source = Source::Item {
                        question: id.clone(),
                        item: item.id().as_str().to_owned(),
                    };
                    let v = var(
                        format!("{id}.{}", item.id()),
                        format!("{text} — {}", item.text().get(lang)),
                        Measure::Ordinal,
                        source,
                    );
                    out.push(scale_var(v, scale, lang));
                }
            }
            QuestionKind::Rating { low_label, high_label } => {
                let mut v = var(id.clone(), text, Measure::Scale, Source::Rating(id));
                v.value_labels = vec![
                    (0.0, low_label.get(lang).to_owned()),
                    (10.0, high_label.get(lang).to_owned()),
                ];
                out.push(v);
            }
            QuestionKind::Number { decimals, .. } => {
                let mut v = var(id.clone(), text, Measure::Scale, Source::Number(id));
                v.decimals = *decimals;
                out.push(v);
            }
            QuestionKind::ShortText { max_length } | QuestionKind::LongText { max_length } => {
                if free_text {
                    out.push(text_var(id.clone(), text, *max_length, Source::Text(id)));
                }
            }
            QuestionKind::Ranking { options, .. } => {
                for o in options {
                    out.push(var(
                        format!("{id}.{}", o.id()),
                        format!("{text} — {}", o.label().get(lang)),
                        Measure::Ordinal,
                        Source::Rank {
                            question: id.clone(),
                            option: o.id().as_str().to_owned(),
                        },
                    ));
                }
            }
        }
    }
    out
}

fn scale_var(mut v: Variable, scale: &Scale, lang: &Lang) -> Variable {
    v.value_labels = (1..=scale.points())
        .filter_map(|p| scale.label(p).map(|t| (f64::from(p), t.get(lang).to_owned())))
        .collect();
    if let Some(na) = scale.not_applicable() {
        v.value_labels.push((NOT_APPLICABLE_CODE, na.get(lang).to_owned()));
        v.missing.push(NOT_APPLICABLE_CODE);
    }
    v
}

impl Variable {
    /// This variable's value in one response, whose group has code `group`.
    pub fn value(&self, q: &Questionnaire, answers: &Answers, group: u32) -> Value {
        let answer = |question: &str| q.question(question).and_then(|x| answers.get(x.id()));
        let number = |n: f64| Value::Number(n);
        match &self.source {
            Source::Group => number(f64::from(group)),
            Source::Choice(question) => match (answer(question), q.question(question).map(|x| x.kind())) {
                (Some(Answer::Choice(Choice::Option(o))), Some(QuestionKind::SingleChoice(c))) => c
                    .options()
                    .iter()
                    .position(|x| x.id() == o)
                    .map_or(Value::Missing, |i| number(i as f64 + 1.0)),
                (Some(Answer::Choice(Choice::Other(_))), Some(QuestionKind::SingleChoice(c))) => {
                    number(c.options().len() as f64 + 1.0)
                }
                _ => Value::Missing,
            },
            Source::Selected { question, option } => match answer(question) {
                Some(Answer::Choices(chosen)) => {
                    let hit = chosen.iter().any(|c| match (c, option) {
                        (Choice::Option(o), Some(wanted)) => o.as_str() == wanted,
                        (Choice::Other(_), None) => true,
                        _ => false,
                    });
                    number(if hit { 1.0 } else { 0.0 })
                }
                _ => Value::Missing,
            },
            Source::OtherText(question) => {
                let other = match answer(question) {
                    Some(Answer::Choice(Choice::Other(t))) => Some(t),
                    Some(Answer::Choices(chosen)) => chosen.iter().find_map(|c| match c {
                        Choice::Other(t) => Some(t),
                        Choice::Option(_) => None,
                    }),
                    _ => None,
                };
                other.map_or(Value::Missing, |t| Value::Text(t.clone()))
            }
            Source::Scale(question) => match answer(question) {
                Some(Answer::Scale(s)) => scale_value(*s),
                _ => Value::Missing,
            },
            Source::Item { question, item } => match answer(question) {
                Some(Answer::Matrix(items)) => items
                    .iter()
                    .find(|(id, _)| id.as_str() == item)
                    .map_or(Value::Missing, |(_, s)| scale_value(*s)),
                _ => Value::Missing,
            },
            Source::Rating(question) => match answer(question) {
                Some(Answer::Rating(r)) => number(f64::from(*r)),
                _ => Value::Missing,
            },
            Source::Number(question) => match answer(question) {
                Some(Answer::Number(n)) => number(n.to_f64()),
                _ => Value::Missing,
            },
            Source::Text(question) => match answer(question) {
                Some(Answer::Text(t)) => Value::Text(t.clone()),
                _ => Value::Missing,
            },
            Source::Rank { question, option } => match answer(question) {
                Some(Answer::Ranking(ranked)) => ranked
                    .iter()
                    .position(|o| o.as_str() == option)
                    .map_or(Value::Missing, |i| number(i as f64 + 1.0)),
                _ => Value::Missing,
            },
        }
    }
}

fn scale_value(s: ScaleAnswer) -> Value {
    match s {
        ScaleAnswer::Point(p) => Value::Number(f64::from(p)),
        ScaleAnswer::NotApplicable => Value::Number(NOT_APPLICABLE_CODE),
    }
}
