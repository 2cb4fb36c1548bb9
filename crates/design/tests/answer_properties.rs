//! Property tests: generated valid answer sets pass validation; each kind of corruption of a valid
//! set fails with the matching error on the corrupted question. Run over a questionnaire with every
//! question type and over the bundled templates.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking, helpers included

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use rand::rngs::SmallRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use serde_json::{Map, Value, json};
use survey_design::answer::sample::{sample_answer, sample_answers};
use survey_design::{AnswerErrorKind as Kind, Question, QuestionKind, Questionnaire};

fn questionnaires() -> Vec<Questionnaire> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("tests/fixtures/every-type.toml")];
    let mut templates: Vec<PathBuf> = std::fs::read_dir(root.join("../../survey-templates"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    templates.sort();
    assert!(templates.len() >= 3, "the bundled templates are missing");
    files.extend(templates);
    files.iter().map(|f| Questionnaire::load(f).unwrap()).collect()
}

/// Whether `question` is shown given the answers so far, judged by the crate's own conditions.
fn shown(q: &Questionnaire, question: &Question, so_far: &Map<String, Value>) -> bool {
    let answers = q.draft_answers(&Value::Object(so_far.clone()));
    question.show_if().is_none_or(|c| c.holds(&|id| answers.get(id)))
}

fn some_text(rng: &mut SmallRng, max: u32) -> String {
    let alphabet: Vec<char> = "abcxyz 日本語のテキストアルムナイ、。!\"\\\n".chars().collect();
    let len = rng.random_range(1..=max.min(40)) as usize;
    let s: String = (0..len).map(|_| *alphabet.choose(rng).unwrap()).collect();
    if s.trim().is_empty() { "x".to_owned() } else { s }
}

/// A valid answer set: every shown required question answered, some optional ones, no hidden ones.
fn valid_answers(q: &Questionnaire, rng: &mut SmallRng) -> Map<String, Value> {
    sample_answers(q, rng, 0.7, &mut some_text)
}

/// The error validation reports about `question`.
fn error_on(q: &Questionnaire, answers: &Map<String, Value>, question: &str) -> Kind {
    let errors = q
        .validate_answers(&Value::Object(answers.clone()))
        .expect_err("corruption went unnoticed");
    errors
        .for_question(question)
        .unwrap_or_else(|| panic!("no error on `{question}`: {errors}"))
        .kind
        .clone()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn generated_valid_answer_sets_pass(seed in any::<u64>()) {
        let mut rng = SmallRng::seed_from_u64(seed);
        for q in questionnaires() {
            let answers = valid_answers(&q, &mut rng);
            let validated = q.validate_answers(&Value::Object(answers.clone()));
            prop_assert!(validated.is_ok(), "{}: {:?}\n{:#}", q.id(), validated.err(), Value::Object(answers));
            prop_assert_eq!(validated.unwrap().len(), answers.len());
        }
    }

    #[test]
    fn leaving_out_a_required_shown_question_fails_with_required(seed in any::<u64>()) {
        let mut rng = SmallRng::seed_from_u64(seed);
        let mut applied = 0;
        for q in questionnaires() {
            let mut answers = valid_answers(&q, &mut rng);
            let required: Vec<String> = q.questions()
                .filter(|x| x.required() && answers.contains_key(x.id().as_str()))
                .map(|x| x.id().to_string()).collect();
            let Some(victim) = required.choose(&mut rng) else { continue };
            answers.remove(victim);
            applied += 1;
            prop_assert_eq!(error_on(&q, &answers, victim), Kind::Required);
        }
        prop_assert!(applied > 0, "the corruption found nothing to corrupt");
    }

    #[test]
    fn an_unknown_option_fails_with_unknown_option(seed in any::<u64>()) {
        let mut rng = SmallRng::seed_from_u64(seed);
        let mut applied = 0;
        for q in questionnaires() {
            let mut answers = valid_answers(&q, &mut rng);
            let choice: Vec<&Question> = q.questions()
                .filter(|x| answers.contains_key(x.id().as_str()))
                .filter(|x| matches!(x.kind(), QuestionKind::SingleChoice(_) | QuestionKind::MultipleChoice { .. } | QuestionKind::Ranking { .. }))
                .collect();
            let Some(victim) = choice.choose(&mut rng) else { continue };
            let id = victim.id().as_str();
            let bogus = json!("not_an_option");
            match &mut answers[id] {
                Value::Array(items) => items[0] = bogus,
                other => *other = bogus,
            }
            applied += 1;
            prop_assert_eq!(error_on(&q, &answers, id), Kind::UnknownOption { option: "not_an_option".into() });
        }
        prop_assert!(applied > 0, "the corruption found nothing to corrupt");
    }

    #[test]
    fn choosing_more_than_max_fails_with_too_many_choices(seed in any::<u64>()) {
        let mut rng = SmallRng::seed_from_u64(seed);
        let mut applied = 0;
        for q in questionnaires() {
            let mut answers = valid_answers(&q, &mut rng);
            let shown_now: Vec<&Question> = q.questions().filter(|x| shown(&q, x, &answers)).collect();
            for question in shown_now {
                let QuestionKind::MultipleChoice { choices, max, .. } = question.kind() else { continue };
                let plain: Vec<Value> = choices.options().iter().filter(|o| !o.exclusive()).map(|o| json!(o.id())).collect();
                if plain.len() <= *max as usize { continue }
                let got = *max as usize + 1;
                answers.insert(question.id().to_string(), Value::Array(plain.into_iter().take(got).collect()));
                applied += 1;
                prop_assert_eq!(error_on(&q, &answers, question.id().as_str()), Kind::TooManyChoices { max: *max, got });
                break;
            }
        }
        prop_assert!(applied > 0, "the corruption found nothing to corrupt");
    }

    #[test]
    fn a_value_beyond_the_scale_or_range_fails_with_out_of_range(seed in any::<u64>()) {
        let mut rng = SmallRng::seed_from_u64(seed);
        let mut applied = 0;
        for q in questionnaires() {
            let mut answers = valid_answers(&q, &mut rng);
            let numeric: Vec<&Question> = q.questions()
                .filter(|x| answers.contains_key(x.id().as_str()))
                .filter(|x| matches!(x.kind(), QuestionKind::Likert { .. } | QuestionKind::Rating { .. } | QuestionKind::Number { max: Some(_), .. }))
                .collect();
            let Some(victim) = numeric.choose(&mut rng) else { continue };
            let beyond = match victim.kind() {
                QuestionKind::Likert { scale, .. } => json!(scale.points() + rng.random_range(1..5)),
                QuestionKind::Rating { .. } => json!(rng.random_range(11..100)),
                QuestionKind::Number { max: Some(m), .. } => json!(m.to_f64() + 1.0),
                _ => unreachable!(),
            };
            answers.insert(victim.id().to_string(), beyond);
            let kind = error_on(&q, &answers, victim.id().as_str());
            applied += 1;
            prop_assert!(matches!(kind, Kind::OutOfRange { .. }), "{:?}", kind);
        }
        prop_assert!(applied > 0, "the corruption found nothing to corrupt");
    }

    #[test]
    fn text_beyond_max_length_fails_with_too_long(seed in any::<u64>(), extra in 1usize..20) {
        let mut rng = SmallRng::seed_from_u64(seed);
        let mut applied = 0;
        for q in questionnaires() {
            let mut answers = valid_answers(&q, &mut rng);
            let texts: Vec<(&Question, u32)> = q.questions()
                .filter(|x| shown(&q, x, &answers))
                .filter_map(|x| match x.kind() {
                    QuestionKind::ShortText { max_length } | QuestionKind::LongText { max_length } => Some((x, *max_length)),
                    _ => None,
                })
                .collect();
            let Some((victim, max)) = texts.choose(&mut rng) else { continue };
            let got = *max as usize + extra;
            answers.insert(victim.id().to_string(), json!("語".repeat(got)));
            applied += 1;
            prop_assert_eq!(error_on(&q, &answers, victim.id().as_str()), Kind::TooLong { max: *max, got });
        }
        prop_assert!(applied > 0, "the corruption found nothing to corrupt");
    }

    #[test]
    fn answering_a_hidden_question_fails_with_hidden(seed in any::<u64>()) {
        let mut rng = SmallRng::seed_from_u64(seed);
        let mut applied = 0;
        for q in questionnaires() {
            let mut answers = valid_answers(&q, &mut rng);
            let hidden: Vec<&Question> = q.questions()
                .filter(|x| x.show_if().is_some() && !answers.contains_key(x.id().as_str()))
                .filter(|x| !shown(&q, x, &answers))
                .collect();
            let Some(victim) = hidden.choose(&mut rng) else { continue };
            answers.insert(victim.id().to_string(), sample_answer(victim, &mut rng, &mut some_text));
            applied += 1;
            prop_assert_eq!(error_on(&q, &answers, victim.id().as_str()), Kind::Hidden);
        }
        prop_assert!(applied > 0, "the corruption found nothing to corrupt");
    }
}
