//! Conditional display: a question is shown only when its `show_if` holds for the earlier answers.

use crate::answer::{Answer, Choice, ScaleAnswer};
use crate::id::{OptionId, QuestionId};

#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// The answer is (single choice) or includes (multiple choice) the value.
    Equals {
        question: QuestionId,
        value: Operand,
    },
    /// The answer is or includes one of the values.
    OneOf {
        question: QuestionId,
        values: Vec<Operand>,
    },
    /// The numeric answer (likert point, rating, number) compares so with the value.
    Compare {
        question: QuestionId,
        op: Comparison,
        value: f64,
    },
    Not(Box<Condition>),
    And(Vec<Condition>),
    Or(Vec<Condition>),
}

/// What a condition compares an answer with: an option of a choice question, or a number for a
/// likert, rating or number question. The loader has checked it fits the question.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    Option(OptionId),
    Number(f64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    Gt,
    Gte,
    Lt,
    Lte,
}

impl Comparison {
    /// The key used in templates.
    pub fn key(self) -> &'static str {
        match self {
            Self::Gt => "gt",
            Self::Gte => "gte",
            Self::Lt => "lt",
            Self::Lte => "lte",
        }
    }

    fn holds(self, a: f64, b: f64) -> bool {
        match self {
            Self::Gt => a > b,
            Self::Gte => a >= b,
            Self::Lt => a < b,
            Self::Lte => a <= b,
        }
    }
}

impl Condition {
    /// Whether the condition holds, given the answers so far. A condition on a question that was not
    /// answered (or was hidden) does not hold.
    pub fn holds<'a>(&self, answer: &impl Fn(&QuestionId) -> Option<&'a Answer>) -> bool {
        match self {
            Self::Equals { question, value } => answer(question).is_some_and(|a| matches(a, value)),
            Self::OneOf { question, values } => answer(question).is_some_and(|a| values.iter().any(|v| matches(a, v))),
            Self::Compare { question, op, value } => {
                answer(question).and_then(numeric).is_some_and(|n| op.holds(n, *value))
            }
            Self::Not(inner) => !inner.holds(answer),
            Self::And(all) => all.iter().all(|c| c.holds(answer)),
            Self::Or(any) => any.iter().any(|c| c.holds(answer)),
        }
    }

    /// The condition in the template's spelling, as JSON (for the answer page's script, which
    /// shows and hides questions by the same rules).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        let operand = |o: &Operand| match o {
            Operand::Option(id) => json!(id.as_str()),
            Operand::Number(n) => json!(n),
        };
        match self {
            Self::Equals { question, value } => json!({ "question": question.as_str(), "equals": operand(value) }),
            Self::OneOf { question, values } => {
                json!({ "question": question.as_str(), "one_of": values.iter().map(operand).collect::<Vec<_>>() })
            }
            Self::Compare { question, op, value } => json!({ "question": question.as_str(), op.key(): value }),
            Self::Not(inner) => json!({ "not": inner.to_json() }),
            Self::And(all) => json!({ "and": all.iter().map(Self::to_json).collect::<Vec<_>>() }),
            Self::Or(any) => json!({ "or": any.iter().map(Self::to_json).collect::<Vec<_>>() }),
        }
    }

    /// Every question the condition looks at.
    pub fn questions(&self) -> Vec<&QuestionId> {
        match self {
            Self::Equals { question, .. } | Self::OneOf { question, .. } | Self::Compare { question, .. } => {
                vec![question]
            }
            Self::Not(inner) => inner.questions(),
            Self::And(all) | Self::Or(all) => all.iter().flat_map(Self::questions).collect(),
        }
    }
}

fn matches(answer: &Answer, operand: &Operand) -> bool {
    match operand {
        Operand::Option(id) => match answer {
            Answer::Choice(Choice::Option(chosen)) => chosen == id,
            Answer::Choices(chosen) => chosen.iter().any(|c| matches!(c, Choice::Option(o) if o == id)),
            _ => false,
        },
        Operand::Number(n) => numeric(answer).is_some_and(|a| a == *n),
    }
}

fn numeric(answer: &Answer) -> Option<f64> {
    match answer {
        Answer::Scale(ScaleAnswer::Point(p)) => Some(f64::from(*p)),
        Answer::Rating(r) => Some(f64::from(*r)),
        Answer::Number(d) => Some(d.to_f64()),
        _ => None,
    }
}
