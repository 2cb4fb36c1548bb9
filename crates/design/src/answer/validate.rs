//! Raw answers (JSON) → typed [`Answers`], or an error per question.

use serde_json::Value as Json;
use unicode_normalization::UnicodeNormalization;

use super::{Answer, AnswerError, AnswerErrorKind as Kind, AnswerErrors, Answers, Choice, ScaleAnswer};
use crate::questionnaire::{ChoiceOption, Choices, Decimal, Question, QuestionKind, Questionnaire, Scale};

/// The JSON spelling of a scale's "not applicable".
pub const NOT_APPLICABLE: &str = "n/a";

impl Questionnaire {
    /// Validates a respondent's raw answers: a JSON object from question id to answer, in the shapes
    /// of `docs/template-format.md`. Hidden questions must be unanswered, required shown questions
    /// answered; every problem is reported, one per question.
    pub fn validate_answers(&self, raw: &Json) -> Result<Answers, AnswerErrors> {
        let (answers, errors) = self.check(raw, true);
        Self::finished(answers, errors)
    }

    /// The same from the entries of the answers object, for a caller that reads them without
    /// building a map (the report command, a million lines at a time).
    pub fn validate_entries<'a>(
        &self,
        entries: impl IntoIterator<Item = (&'a str, &'a Json)>,
    ) -> Result<Answers, AnswerErrors> {
        let (answers, errors) = self.check_entries(entries, true);
        Self::finished(answers, errors)
    }

    fn finished(answers: Answers, errors: Vec<AnswerError>) -> Result<Answers, AnswerErrors> {
        if errors.is_empty() {
            Ok(answers)
        } else {
            Err(AnswerErrors { errors })
        }
    }

    /// The answers of an unfinished submission that are valid and shown so far, for deciding which
    /// questions to show next while a respondent is still answering. Nothing is required yet.
    pub fn draft_answers(&self, raw: &Json) -> Answers {
        self.check(raw, false).0
    }

    fn check(&self, raw: &Json, complete: bool) -> (Answers, Vec<AnswerError>) {
        let Json::Object(raw) = raw else {
            let errors = vec![AnswerError {
                question: None,
                kind: Kind::NotAnObject,
            }];
            return (Answers { answers: Vec::new() }, errors);
        };
        self.check_entries(raw.iter().map(|(k, v)| (k.as_str(), v)), complete)
    }

    fn check_entries<'a>(
        &self,
        entries: impl IntoIterator<Item = (&'a str, &'a Json)>,
        complete: bool,
    ) -> (Answers, Vec<AnswerError>) {
        let mut answers = Answers {
            answers: Vec::with_capacity(self.len()),
        };
        let mut errors = Vec::new();
        let mut failed: Vec<&str> = Vec::new();

        // The submitted values by the position of their question; keys that name none are errors.
        let mut by_position: Vec<Option<&Json>> = vec![None; self.len()];
        let mut unknown = Vec::new();
        for (key, value) in entries {
            match self.position(key).and_then(|p| by_position.get_mut(p)) {
                Some(slot) => *slot = Some(value),
                None => unknown.push(key),
            }
        }
        for (question, given) in self.questions().zip(by_position) {
            let id = question.id.as_str();
            let given = given.filter(|v| !is_empty(v));
            let error = |kind| AnswerError {
                question: Some(id.to_owned()),
                kind,
            };
            let condition = question.show_if.as_ref();
            // Whether the question was shown cannot be known when an answer it depends on is wrong or
            // missing; the respondent fixes that one first.
            let undecidable = condition.is_some_and(|c| c.questions().iter().any(|q| failed.contains(&q.as_str())));
            let shown = condition.is_none_or(|c| c.holds(&|q| answers.get(q)));
            match given {
                None if complete && question.required && shown && !undecidable => {
                    failed.push(id);
                    errors.push(error(Kind::Required));
                }
                None => {}
                Some(_) if !shown && !undecidable => {
                    failed.push(id);
                    errors.push(error(Kind::Hidden));
                }
                Some(value) => match parse(question, value) {
                    Ok(answer) if shown => answers.answers.push((question.id.clone(), answer)),
                    Ok(_) => {}
                    Err(kind) => {
                        failed.push(id);
                        errors.push(error(kind));
                    }
                },
            }
        }
        for key in unknown {
            errors.push(AnswerError {
                question: Some(key.to_owned()),
                kind: Kind::UnknownQuestion,
            });
        }
        (answers, errors)
    }
}

/// `null`, `""`, `[]` and `{}` all mean "not answered", as a form would send them.
fn is_empty(value: &Json) -> bool {
    match value {
        Json::Null => true,
        Json::String(s) => s.trim().is_empty(),
        Json::Array(a) => a.is_empty(),
        Json::Object(o) => o.is_empty(),
        _ => false,
    }
}

fn parse(question: &Question, value: &Json) -> Result<Answer, Kind> {
    match &question.kind {
        QuestionKind::SingleChoice(choices) => {
            choice(choices, value, "an option id or {\"other\": text}").map(Answer::Choice)
        }
        QuestionKind::MultipleChoice { choices, min, max } => multiple(choices, *min, *max, value),
        QuestionKind::Likert { scale, .. } => scale_answer(scale, value).map(Answer::Scale),
        QuestionKind::Rating { .. } => {
            let n = value.as_i64().ok_or(Kind::WrongShape {
                expected: "a whole number from 0 to 10",
            })?;
            u8::try_from(n)
                .ok()
                .filter(|n| *n <= 10)
                .map(Answer::Rating)
                .ok_or_else(|| Kind::OutOfRange {
                    min: "0".into(),
                    max: "10".into(),
                    got: value.to_string(),
                })
        }
        QuestionKind::Number { min, max, decimals, .. } => {
            let n = value.as_f64().ok_or(Kind::WrongShape { expected: "a number" })?;
            let d = Decimal::from_f64(n, *decimals).ok_or(Kind::TooManyDecimals { decimals: *decimals })?;
            let below = min.is_some_and(|m| d.to_f64() < m.to_f64());
            let above = max.is_some_and(|m| d.to_f64() > m.to_f64());
            if below || above {
                let show = |b: Option<Decimal>, none: &str| b.map_or(none.to_owned(), |b| b.to_string());
                return Err(Kind::OutOfRange {
                    min: show(*min, "-∞"),
                    max: show(*max, "∞"),
                    got: d.to_string(),
                });
            }
            Ok(Answer::Number(d))
        }
        QuestionKind::ShortText { max_length } | QuestionKind::LongText { max_length } => {
            let s = value.as_str().ok_or(Kind::WrongShape { expected: "a string" })?;
            text(s, *max_length).map(Answer::Text)
        }
        QuestionKind::Matrix { scale, items, .. } => {
            let Json::Object(given) = value else {
                return Err(Kind::WrongShape {
                    expected: "an object from statement id to scale point",
                });
            };
            if let Some(unknown) = given
                .keys()
                .find(|k| !items.iter().any(|i| i.id.as_str() == k.as_str()))
            {
                return Err(Kind::UnknownItem { item: unknown.clone() });
            }
            let mut answered = Vec::new();
            let mut missing = Vec::new();
            for item in items {
                match given.get(item.id.as_str()).filter(|v| !v.is_null()) {
                    Some(v) => answered.push((item.id.clone(), scale_answer(scale, v)?)),
                    None => missing.push(item.id.to_string()),
                }
            }
            if question.required && !missing.is_empty() {
                return Err(Kind::MissingItems { items: missing });
            }
            Ok(Answer::Matrix(answered))
        }
        QuestionKind::Ranking { options, top, .. } => {
            let list = value.as_array().ok_or(Kind::WrongShape {
                expected: "an array of option ids, best first",
            })?;
            let mut ranked = Vec::new();
            for v in list {
                let id = v.as_str().ok_or(Kind::WrongShape {
                    expected: "an array of option ids, best first",
                })?;
                let option = find(options, id)?;
                if ranked.contains(&option.id) {
                    return Err(Kind::DuplicateOption { option: id.to_owned() });
                }
                ranked.push(option.id.clone());
            }
            if ranked.len() != *top as usize {
                return Err(Kind::RankingLength {
                    expected: *top,
                    got: ranked.len(),
                });
            }
            Ok(Answer::Ranking(ranked))
        }
    }
}

fn find<'a>(options: &'a [ChoiceOption], id: &str) -> Result<&'a ChoiceOption, Kind> {
    options
        .iter()
        .find(|o| o.id.as_str() == id)
        .ok_or_else(|| Kind::UnknownOption { option: id.to_owned() })
}

fn choice(choices: &Choices, value: &Json, expected: &'static str) -> Result<Choice, Kind> {
    match value {
        Json::String(id) => find(&choices.options, id).map(|o| Choice::Option(o.id.clone())),
        Json::Object(o) if o.len() == 1 && o.contains_key("other") => {
            let other = choices.other.as_ref().ok_or(Kind::NoOther)?;
            let s = o.get("other").and_then(Json::as_str).ok_or(Kind::WrongShape {
                expected: "{\"other\": text}",
            })?;
            match text(s, other.max_length)? {
                specified if specified.is_empty() => Err(Kind::OtherEmpty),
                specified => Ok(Choice::Other(specified)),
            }
        }
        _ => Err(Kind::WrongShape { expected }),
    }
}

fn multiple(choices: &Choices, min: u32, max: u32, value: &Json) -> Result<Answer, Kind> {
    let list = value.as_array().ok_or(Kind::WrongShape {
        expected: "an array of option ids",
    })?;
    let mut chosen = Vec::new();
    for v in list {
        let c = choice(choices, v, "an array of option ids and at most one {\"other\": text}")?;
        let duplicate = chosen.iter().any(|prev: &Choice| match (prev, &c) {
            (Choice::Option(a), Choice::Option(b)) => a == b,
            (Choice::Other(_), Choice::Other(_)) => true,
            _ => false,
        });
        if duplicate {
            let option = match &c {
                Choice::Option(id) => id.to_string(),
                Choice::Other(_) => "other".to_owned(),
            };
            return Err(Kind::DuplicateOption { option });
        }
        chosen.push(c);
    }
    if chosen.len() > 1
        && let Some(exclusive) = chosen.iter().find_map(|c| match c {
            Choice::Option(id) => choices.option(id.as_str()).filter(|o| o.exclusive),
            Choice::Other(_) => None,
        })
    {
        return Err(Kind::ExclusiveCombined {
            option: exclusive.id.to_string(),
        });
    }
    if chosen.len() > max as usize {
        return Err(Kind::TooManyChoices { max, got: chosen.len() });
    }
    if chosen.len() < min as usize {
        return Err(Kind::TooFewChoices { min, got: chosen.len() });
    }
    // The order of clicks says nothing; the questionnaire's order makes equal answers equal.
    let rank = |c: &Choice| match c {
        Choice::Option(id) => choices.options.iter().position(|o| &o.id == id).unwrap_or(usize::MAX),
        Choice::Other(_) => usize::MAX,
    };
    chosen.sort_by_key(rank);
    Ok(Answer::Choices(chosen))
}

fn scale_answer(scale: &Scale, value: &Json) -> Result<ScaleAnswer, Kind> {
    match value {
        Json::String(s) if s == NOT_APPLICABLE => match scale.not_applicable {
            Some(_) => Ok(ScaleAnswer::NotApplicable),
            None => Err(Kind::NoNotApplicable),
        },
        Json::Number(n) => {
            let points = scale.points();
            n.as_u64()
                .and_then(|p| u8::try_from(p).ok())
                .filter(|p| (1..=points).contains(p))
                .map(ScaleAnswer::Point)
                .ok_or_else(|| Kind::OutOfRange {
                    min: "1".into(),
                    max: points.to_string(),
                    got: n.to_string(),
                })
        }
        _ => Err(Kind::WrongShape {
            expected: "a scale point (a whole number) or \"n/a\"",
        }),
    }
}

fn text(s: &str, max_length: u32) -> Result<String, Kind> {
    let s = s.trim();
    // Most text already is NFC (browsers send it so); composing it anew would only copy it slowly.
    let normalised: String = match unicode_normalization::is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => s.to_owned(),
        _ => s.nfc().collect(),
    };
    let length = normalised.chars().count();
    if length > max_length as usize {
        return Err(Kind::TooLong {
            max: max_length,
            got: length,
        });
    }
    Ok(normalised)
}
