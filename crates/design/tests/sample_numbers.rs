//! Regression tests from fuzzing (fuzz/, target `template`): random answers to a number question
//! with only a negative `max`, or with a bound near the largest exactly held number, are drawn
//! without panicking and pass the questionnaire's own validation.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

use rand::SeedableRng;
use rand::rngs::SmallRng;
use serde_json::Value;
use survey_design::Questionnaire;
use survey_design::answer::sample::sample_answers;

fn number_question(bounds: &str) -> Questionnaire {
    let template = format!(
        r#"
id = "numbers"
version = 1
languages = ["en"]
default_language = "en"
title = {{ en = "Numbers" }}
anonymity_statement = {{ en = "Your answers are anonymous; nothing is shown for fewer than {{k}}." }}

[[sections]]
id = "main"
title = {{ en = "Questions" }}

[[sections.questions]]
id = "change"
type = "number"
required = true
{bounds}
text = {{ en = "By how much?" }}
"#
    );
    Questionnaire::from_toml(&template, "numbers.toml").unwrap()
}

/// Draws answers and returns the numbers, each checked by validation.
fn draws(q: &Questionnaire) -> Vec<f64> {
    let mut rng = SmallRng::seed_from_u64(6);
    (0..200)
        .map(|_| {
            let raw = Value::Object(sample_answers(q, &mut rng, 1.0, &mut |_, _| "x".to_owned()));
            if let Err(e) = q.validate_answers(&raw) {
                panic!("drawn answers do not validate: {e}: {raw}");
            }
            raw["change"].as_f64().unwrap()
        })
        .collect()
}

#[test]
fn a_negative_max_without_min_draws_below_it() {
    // Drawing from 0 up to -5 panicked ("cannot sample empty range").
    let drawn = draws(&number_question("max = -5"));
    assert!(drawn.iter().all(|n| (-1005.0..=-5.0).contains(n)), "{drawn:?}");
}

#[test]
fn a_negative_max_with_decimals_draws_below_it() {
    let drawn = draws(&number_question("max = -0.25\ndecimals = 2"));
    assert!(drawn.iter().all(|n| (-1000.25..=-0.25).contains(n)), "{drawn:?}");
}

#[test]
fn a_min_near_the_largest_exact_number_draws_valid_answers() {
    // min + 1000 went past 2^53, where validation refuses the number.
    let drawn = draws(&number_question("min = 9007199254740990"));
    assert!(drawn.iter().all(|n| *n >= 9_007_199_254_740_990.0), "{drawn:?}");
    draws(&number_question("max = -9007199254740990"));
    draws(&number_question("min = 9007199254.740990\ndecimals = 6"));
}

#[test]
fn bounds_as_before_are_kept() {
    let drawn = draws(&number_question("min = 1\nmax = 3"));
    assert!(drawn.iter().all(|n| [1.0, 2.0, 3.0].contains(n)), "{drawn:?}");
    let drawn = draws(&number_question("max = 45.5\ndecimals = 1"));
    assert!(drawn.iter().all(|n| (0.0..=45.5).contains(n)), "{drawn:?}");
    assert!(drawn.iter().any(|n| n.fract() != 0.0));
    let drawn = draws(&number_question("min = -3"));
    assert!(drawn.iter().all(|n| (-3.0..=997.0).contains(n)), "{drawn:?}");
}
