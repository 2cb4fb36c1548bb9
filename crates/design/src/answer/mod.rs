//! Answers: parsed from the JSON a respondent's browser sends, validated against the questionnaire
//! (one error per question), and encoded canonically for receipts.

mod canonical;
mod entries;
mod error;
pub mod sample;
mod validate;

pub use entries::Entries;
pub use error::{AnswerError, AnswerErrorKind, AnswerErrors};
pub use validate::NOT_APPLICABLE;

use crate::id::{ItemId, OptionId, QuestionId};
use crate::questionnaire::Decimal;

/// The validated answers of one respondent, in questionnaire order. Only questions that were shown
/// and answered appear. Built only by [`crate::Questionnaire::validate_answers`].
#[derive(Debug, Clone, PartialEq)]
pub struct Answers {
    pub(crate) answers: Vec<(QuestionId, Answer)>,
}

impl Answers {
    pub fn get(&self, question: &QuestionId) -> Option<&Answer> {
        self.answers.iter().find(|(id, _)| id == question).map(|(_, a)| a)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&QuestionId, &Answer)> {
        self.answers.iter().map(|(id, a)| (id, a))
    }

    pub fn len(&self) -> usize {
        self.answers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }
}

/// One validated answer; its shape follows the question's type.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// Single choice.
    Choice(Choice),
    /// Multiple choice, in the questionnaire's option order, "other" last.
    Choices(Vec<Choice>),
    /// Likert.
    Scale(ScaleAnswer),
    /// 0–10.
    Rating(u8),
    Number(Decimal),
    /// Short or long text, NFC-normalised, never empty.
    Text(String),
    /// Matrix: the answered items, in the questionnaire's item order.
    Matrix(Vec<(ItemId, ScaleAnswer)>),
    /// Ranking: best first.
    Ranking(Vec<OptionId>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Option(OptionId),
    /// "Other, please specify", with what was specified.
    Other(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScaleAnswer {
    /// 1-based point of the scale.
    Point(u8),
    /// "Not applicable / don't know", outside the scale.
    NotApplicable,
}
