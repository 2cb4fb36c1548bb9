//! Answer validation against a fixed questionnaire (`survey-templates/alumni-network-opinion.toml`):
//! what the server does with every submission a browser (or anyone) sends.
//!
//! Each input is used twice:
//! - as raw bytes: if they are JSON, they are validated as the submission's answers;
//! - as the source of a structured answer set (question ids, option ids, points, texts near their
//!   limits, and junk of every JSON shape), so the fuzzer reaches the checks behind the shape checks
//!   without having to guess ids.
//!
//! Validation must never panic, and must agree with itself: the entry-wise form gives the same
//! result, accepted answers re-validate from their canonical bytes to the same bytes, and a draft of
//! accepted answers keeps them all.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value as Json, json};
use survey_design::{Lang, Question, QuestionKind, Questionnaire, Scale};

static QUESTIONNAIRE: LazyLock<Questionnaire> = LazyLock::new(|| {
    let text = include_str!("../../survey-templates/alumni-network-opinion.toml");
    match Questionnaire::from_toml(text, "alumni-network-opinion.toml") {
        Ok(q) => q,
        Err(e) => panic!("the fixed questionnaire does not load: {e}"),
    }
});

fuzz_target!(|data: &[u8]| {
    let q = &*QUESTIONNAIRE;
    if let Ok(raw) = serde_json::from_slice::<Json>(data) {
        check(q, &raw);
    }
    let mut u = Unstructured::new(data);
    if let Ok(raw) = structured(q, &mut u) {
        check(q, &raw);
    }
});

fn check(q: &Questionnaire, raw: &Json) {
    let result = q.validate_answers(raw);
    if let Json::Object(map) = raw {
        let entries = q.validate_entries(map.iter().map(|(k, v)| (k.as_str(), v)));
        assert_eq!(
            result.as_ref().map(|a| a.canonical_bytes()).map_err(|e| e.to_string()),
            entries.as_ref().map(|a| a.canonical_bytes()).map_err(|e| e.to_string()),
            "validate_answers and validate_entries disagree"
        );
    }
    let draft = q.draft_answers(raw);
    match result {
        Ok(answers) => {
            assert_eq!(draft, answers, "a draft of valid answers differs from them");
            let bytes = answers.canonical_bytes();
            let again: Json = match serde_json::from_slice(&bytes) {
                Ok(json) => json,
                Err(e) => panic!(
                    "canonical bytes are not JSON ({e}): {}",
                    String::from_utf8_lossy(&bytes)
                ),
            };
            match q.validate_answers(&again) {
                Ok(second) => assert_eq!(second.canonical_bytes(), bytes, "canonical bytes are not stable"),
                Err(e) => panic!(
                    "canonical answers do not validate: {e}\n{}",
                    String::from_utf8_lossy(&bytes)
                ),
            }
        }
        Err(errors) => {
            assert!(!errors.errors.is_empty());
            let _ = errors.to_string();
            for lang in q.languages() {
                for error in &errors.errors {
                    let _ = error.message(lang);
                }
            }
            if let (Some(first), Ok(other)) = (errors.errors.first(), Lang::parse("fr")) {
                let _ = first.message(&other);
                let _ = errors.for_question(first.question.as_deref().unwrap_or(""));
            }
        }
    }
}

/// An answer set built from the questionnaire's own ids, mostly well-formed, sometimes not.
fn structured(q: &Questionnaire, u: &mut Unstructured) -> Result<Json> {
    let mut map = Map::new();
    for question in q.questions() {
        if u.ratio(2, 3)? {
            map.insert(question.id().to_string(), answer(question, u)?);
        }
    }
    if u.ratio(1, 8)? {
        let key: String = u.arbitrary()?;
        map.insert(key, any(u, 2)?);
    }
    Ok(Json::Object(map))
}

fn answer(question: &Question, u: &mut Unstructured) -> Result<Json> {
    if u.ratio(1, 10)? {
        return any(u, 3);
    }
    Ok(match question.kind() {
        QuestionKind::SingleChoice(c) => {
            if c.other().is_some() && u.ratio(1, 5)? {
                json!({ "other": text(u, c.other().map_or(100, |o| o.max_length()))? })
            } else {
                option_id(c.options().iter().map(|o| o.id().to_string()).collect(), u)?
            }
        }
        QuestionKind::MultipleChoice { choices, .. } => {
            let ids: Vec<String> = choices.options().iter().map(|o| o.id().to_string()).collect();
            let mut picked = Vec::new();
            for _ in 0..u.int_in_range(0..=ids.len() + 1)? {
                if choices.other().is_some() && u.ratio(1, 6)? {
                    picked.push(json!({ "other": text(u, choices.other().map_or(100, |o| o.max_length()))? }));
                } else {
                    picked.push(option_id(ids.clone(), u)?);
                }
            }
            Json::Array(picked)
        }
        QuestionKind::Likert { scale, .. } => point(scale, u)?,
        QuestionKind::Rating { .. } => match u.int_in_range(0u8..=3)? {
            0 => json!(u.int_in_range(-2i64..=12)?),
            1 => json!(f64::from(u.int_in_range(-20i32..=120)?) / 10.0),
            _ => json!(u.int_in_range(0i64..=10)?),
        },
        QuestionKind::Number { .. } => match u.int_in_range(0u8..=2)? {
            0 => json!(u.arbitrary::<i64>()?),
            1 => json!(u.arbitrary::<f64>()?),
            _ => json!(f64::from(u.arbitrary::<i32>()?) / 100.0),
        },
        QuestionKind::ShortText { max_length } | QuestionKind::LongText { max_length } => json!(text(u, *max_length)?),
        QuestionKind::Matrix { scale, items, .. } => {
            let mut map = Map::new();
            for item in items {
                if u.ratio(4, 5)? {
                    map.insert(item.id().to_string(), point(scale, u)?);
                }
            }
            if u.ratio(1, 10)? {
                map.insert(u.arbitrary()?, point(scale, u)?);
            }
            Json::Object(map)
        }
        QuestionKind::Ranking { options, .. } => {
            let ids: Vec<String> = options.iter().map(|o| o.id().to_string()).collect();
            let mut ranked = Vec::new();
            for _ in 0..u.int_in_range(0..=ids.len() + 1)? {
                ranked.push(option_id(ids.clone(), u)?);
            }
            Json::Array(ranked)
        }
    })
}

fn option_id(ids: Vec<String>, u: &mut Unstructured) -> Result<Json> {
    if ids.is_empty() || u.ratio(1, 12)? {
        return Ok(json!(u.arbitrary::<String>()?));
    }
    Ok(json!(u.choose(&ids)?))
}

fn point(scale: &Scale, u: &mut Unstructured) -> Result<Json> {
    Ok(match u.int_in_range(0u8..=7)? {
        0 => json!("n/a"),
        1 => json!(u.int_in_range(-1i64..=i64::from(scale.points()) + 1)?),
        2 => json!(f64::from(u.int_in_range(0u8..=80)?) / 10.0),
        _ => json!(u.int_in_range(1..=scale.points())?),
    })
}

/// A text of about `max` characters (either side of the limit), or an arbitrary one.
fn text(u: &mut Unstructured, max: u32) -> Result<String> {
    if u.ratio(1, 2)? {
        return u.arbitrary();
    }
    let len = u.int_in_range(max.saturating_sub(2)..=max.saturating_add(2))? as usize;
    // Characters that NFC normalisation or trimming changes, besides plain ones.
    let pieces = [
        "a",
        "あ",
        " ",
        "\u{3000}",
        "e\u{301}",
        "\u{1100}\u{1161}",
        "\n",
        "🙂",
        "\u{0}",
    ];
    let mut out = String::new();
    for _ in 0..len {
        out.push_str(u.choose(&pieces)?);
    }
    Ok(out)
}

fn any(u: &mut Unstructured, depth: u8) -> Result<Json> {
    let most = if depth == 0 { 4 } else { 6 };
    Ok(match u.int_in_range(0u8..=most)? {
        0 => Json::Null,
        1 => json!(u.arbitrary::<bool>()?),
        2 => json!(u.arbitrary::<i64>()?),
        3 => json!(u.arbitrary::<f64>()?),
        4 => json!(u.arbitrary::<String>()?),
        5 => {
            let mut items = Vec::new();
            for _ in 0..u.int_in_range(0u8..=3)? {
                items.push(any(u, depth - 1)?);
            }
            Json::Array(items)
        }
        _ => {
            let mut map = Map::new();
            for _ in 0..u.int_in_range(0u8..=3)? {
                map.insert(u.arbitrary()?, any(u, depth - 1)?);
            }
            Json::Object(map)
        }
    })
}
