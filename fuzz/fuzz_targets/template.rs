//! Loading a questionnaire template from arbitrary text: what `survey template validate` and the
//! operator's template upload do. Loading must never panic; it returns the questionnaire or every
//! problem with a line and column inside the text.
//!
//! When a template loads, the loaded questionnaire is exercised too: random valid answers are drawn
//! for it (as `survey generate` and the load tools do) and must pass its own answer validation.

#![no_main]

use libfuzzer_sys::fuzz_target;
use rand::SeedableRng;
use rand::rngs::SmallRng;
use survey_design::Questionnaire;
use survey_design::answer::sample;

fuzz_target!(|data: &[u8]| {
    // Templates are read as UTF-8 (`read_to_string`); other bytes never reach the loader.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Questionnaire::from_toml(text, "fuzz.toml") {
        Err(errors) => check_diagnostics(text, &errors),
        Ok(q) => exercise(&q, data),
    }
});

fn check_diagnostics(text: &str, errors: &survey_design::TemplateErrors) {
    assert!(!errors.diagnostics.is_empty(), "an error without a diagnostic");
    let lines = text.split('\n').count();
    let mut previous = (0, 0);
    for d in &errors.diagnostics {
        assert_eq!(d.file, "fuzz.toml");
        assert!(
            d.line >= 1 && d.line <= lines,
            "line {} outside 1..={lines}: {d}",
            d.line
        );
        let line_text = text.split('\n').nth(d.line - 1).unwrap_or("");
        let width = line_text.chars().count() + 1;
        assert!(
            d.column >= 1 && d.column <= width,
            "column {} outside 1..={width}: {d}",
            d.column
        );
        assert!(!d.message.to_string().is_empty(), "a diagnostic without a message");
        // In the order they appear in the file.
        assert!((d.line, d.column) >= previous, "diagnostics out of order");
        previous = (d.line, d.column);
    }
    let _ = errors.to_string();
}

fn exercise(q: &Questionnaire, data: &[u8]) {
    assert!(q.languages().contains(q.default_language()));
    assert!(q.questions().count() == q.len());
    let seed = data
        .iter()
        .fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(*b)));
    let mut rng = SmallRng::seed_from_u64(seed);
    let lang = q.default_language().clone();
    for _ in 0..2 {
        let raw = sample::sample_answers(q, &mut rng, 0.5, &mut |rng, max| sample::comment(&lang, rng, max));
        let raw = serde_json::Value::Object(raw);
        if let Err(errors) = q.validate_answers(&raw) {
            panic!("sampled answers do not validate: {errors}\n{raw}");
        }
    }
    for question in q.questions() {
        if let survey_design::QuestionKind::SingleChoice(c)
        | survey_design::QuestionKind::MultipleChoice { choices: c, .. } = question.kind()
        {
            assert_eq!(c.display_order(&mut rng).len(), c.options().len());
        }
    }
    let _ = q.draft_answers(&serde_json::json!({}));
}
