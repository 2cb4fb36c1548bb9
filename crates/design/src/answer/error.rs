//! Answer errors, one per question, worded for the respondent in their language.

use std::fmt;

use survey_i18n::t;

use crate::text::Lang;

/// Every problem with one submission.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct AnswerErrors {
    pub errors: Vec<AnswerError>,
}

impl fmt::Display for AnswerErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.errors.iter().map(ToString::to_string).collect();
        f.write_str(&parts.join("; "))
    }
}

impl AnswerErrors {
    /// The error about `question`, if there is one.
    pub fn for_question(&self, question: &str) -> Option<&AnswerError> {
        self.errors.iter().find(|e| e.question.as_deref() == Some(question))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerError {
    /// The question (as the submission named it); `None` when the submission as a whole is wrong.
    pub question: Option<String>,
    pub kind: AnswerErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerErrorKind {
    /// The answers are not a JSON object keyed by question id.
    NotAnObject,
    UnknownQuestion,
    /// Required, shown, and not answered.
    Required,
    /// Answered, but its condition hides it for the earlier answers.
    Hidden,
    /// The JSON value has the wrong shape for this question type.
    WrongShape {
        expected: &'static str,
    },
    UnknownOption {
        option: String,
    },
    DuplicateOption {
        option: String,
    },
    /// "Other" was answered but the question offers none.
    NoOther,
    /// "Other" was chosen with nothing specified.
    OtherEmpty,
    TooFewChoices {
        min: u32,
        got: usize,
    },
    TooManyChoices {
        max: u32,
        got: usize,
    },
    /// An exclusive option ("none of these") was combined with others.
    ExclusiveCombined {
        option: String,
    },
    OutOfRange {
        min: String,
        max: String,
        got: String,
    },
    TooManyDecimals {
        decimals: u8,
    },
    /// "n/a" given on a scale that does not offer it.
    NoNotApplicable,
    TooLong {
        max: u32,
        got: usize,
    },
    UnknownItem {
        item: String,
    },
    /// A required matrix with unanswered items.
    MissingItems {
        items: Vec<String>,
    },
    RankingLength {
        expected: u32,
        got: usize,
    },
}

impl AnswerError {
    /// The message for the respondent, in their language (English where the catalogs have none).
    pub fn message(&self, lang: &Lang) -> String {
        self.kind.message(lang)
    }
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let english = self.kind.message(&Lang::english());
        match &self.question {
            Some(q) => write!(f, "{q}: {english}"),
            None => f.write_str(&english),
        }
    }
}

impl AnswerErrorKind {
    fn message(&self, l: &Lang) -> String {
        match self {
            Self::NotAnObject => t!(l, "validation-not-an-object"),
            Self::UnknownQuestion => t!(l, "validation-unknown-question"),
            Self::Required => t!(l, "validation-required"),
            Self::Hidden => t!(l, "validation-hidden"),
            Self::WrongShape { expected } => t!(l, "validation-wrong-shape", expected = *expected),
            Self::UnknownOption { option } => t!(l, "validation-unknown-option", option = option),
            Self::DuplicateOption { option } => t!(l, "validation-duplicate-option", option = option),
            Self::NoOther => t!(l, "validation-no-other"),
            Self::OtherEmpty => t!(l, "validation-other-empty"),
            Self::TooFewChoices { min, got } => t!(l, "validation-too-few-choices", min = *min, got = *got),
            Self::TooManyChoices { max, got } => t!(l, "validation-too-many-choices", max = *max, got = *got),
            Self::ExclusiveCombined { option } => t!(l, "validation-exclusive-combined", option = option),
            Self::OutOfRange { min, max, got } => t!(l, "validation-out-of-range", min = min, max = max, got = got),
            Self::TooManyDecimals { decimals: 0 } => t!(l, "validation-whole-number"),
            Self::TooManyDecimals { decimals } => t!(l, "validation-too-many-decimals", decimals = *decimals),
            Self::NoNotApplicable => t!(l, "validation-no-not-applicable"),
            Self::TooLong { max, got } => t!(l, "validation-too-long", max = *max, got = *got),
            Self::UnknownItem { item } => t!(l, "validation-unknown-item", item = item),
            Self::MissingItems { items } => t!(l, "validation-missing-items", items = items.join(", ")),
            Self::RankingLength { expected, got } => {
                t!(l, "validation-ranking-length", expected = *expected, got = *got)
            }
        }
    }
}
