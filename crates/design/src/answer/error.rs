//! Answer errors, one per question, worded for the respondent in their language.

use std::fmt;

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
    /// The message for the respondent, in Japanese for `ja`, otherwise in English.
    pub fn message(&self, lang: &Lang) -> String {
        if lang.is_japanese() {
            self.kind.japanese()
        } else {
            self.kind.english()
        }
    }
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.question {
            Some(q) => write!(f, "{q}: {}", self.kind.english()),
            None => f.write_str(&self.kind.english()),
        }
    }
}

impl AnswerErrorKind {
    fn english(&self) -> String {
        match self {
            Self::NotAnObject => "the answers must be a JSON object keyed by question id".into(),
            Self::UnknownQuestion => "there is no such question in this questionnaire".into(),
            Self::Required => "this question needs an answer".into(),
            Self::Hidden => "this question is not shown for your earlier answers, so it cannot be answered".into(),
            Self::WrongShape { expected } => format!("the answer has the wrong form: expected {expected}"),
            Self::UnknownOption { option } => format!("`{option}` is not one of the options"),
            Self::DuplicateOption { option } => format!("`{option}` is chosen more than once"),
            Self::NoOther => "this question has no \"other\" answer".into(),
            Self::OtherEmpty => "please specify what \"other\" means".into(),
            Self::TooFewChoices { min, got } => format!("choose at least {min} (you chose {got})"),
            Self::TooManyChoices { max, got } => format!("choose at most {max} (you chose {got})"),
            Self::ExclusiveCombined { option } => format!("`{option}` cannot be combined with other choices"),
            Self::OutOfRange { min, max, got } => format!("{got} is outside the allowed range {min} to {max}"),
            Self::TooManyDecimals { decimals: 0 } => "enter a whole number".into(),
            Self::TooManyDecimals { decimals } => format!("enter at most {decimals} digits after the decimal point"),
            Self::NoNotApplicable => "this scale has no \"not applicable\" answer".into(),
            Self::TooLong { max, got } => format!("the text is {got} characters long; at most {max} are allowed"),
            Self::UnknownItem { item } => format!("`{item}` is not one of the statements"),
            Self::MissingItems { items } => format!("answer every statement (missing: {})", items.join(", ")),
            Self::RankingLength { expected, got } => format!("rank exactly {expected} options (you ranked {got})"),
        }
    }

    fn japanese(&self) -> String {
        match self {
            Self::NotAnObject => "回答の形式が正しくありません。".into(),
            Self::UnknownQuestion => "この調査にない質問への回答です。".into(),
            Self::Required => "この質問は回答が必要です。".into(),
            Self::Hidden => "前の回答により表示されない質問のため、回答できません。".into(),
            Self::WrongShape { .. } => "回答の形式が正しくありません。".into(),
            Self::UnknownOption { option } => format!("「{option}」は選択肢にありません。"),
            Self::DuplicateOption { option } => format!("「{option}」が重複して選ばれています。"),
            Self::NoOther => "この質問には「その他」の回答はありません。".into(),
            Self::OtherEmpty => "「その他」の内容を入力してください。".into(),
            Self::TooFewChoices { min, got } => format!("{min}つ以上選んでください（現在{got}つ）。"),
            Self::TooManyChoices { max, got } => format!("{max}つまで選べます（現在{got}つ）。"),
            Self::ExclusiveCombined { option } => format!("「{option}」はほかの選択肢と同時に選べません。"),
            Self::OutOfRange { min, max, got } => format!("{got}は範囲外です。{min}から{max}の間で入力してください。"),
            Self::TooManyDecimals { decimals: 0 } => "整数で入力してください。".into(),
            Self::TooManyDecimals { decimals } => format!("小数点以下は{decimals}桁までで入力してください。"),
            Self::NoNotApplicable => "この尺度には「わからない」の回答はありません。".into(),
            Self::TooLong { max, got } => format!("{max}文字以内で入力してください（現在{got}文字）。"),
            Self::UnknownItem { item } => format!("「{item}」は項目にありません。"),
            Self::MissingItems { .. } => "すべての項目に回答してください。".into(),
            Self::RankingLength { expected, got } => format!("{expected}つを順位づけしてください（現在{got}つ）。"),
        }
    }
}
