//! The bundled questionnaires in `survey-templates/` load without a problem, in every language they
//! declare, and are complete in Japanese and English.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking, helpers included

use std::path::{Path, PathBuf};

use survey_design::{Lang, Questionnaire};

fn templates() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../survey-templates");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_bundled_template_loads_without_a_problem() {
    let files = templates();
    let names: Vec<_> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["alumni-network-opinion.toml", "alumni-pulse.toml", "alumni-survey.toml"]
    );
    for file in files {
        if let Err(errors) = Questionnaire::load(&file) {
            panic!("{errors}");
        }
    }
}

#[test]
fn every_bundled_template_is_complete_in_japanese_and_english_with_japanese_by_default() {
    let ja = Lang::parse("ja").unwrap();
    let en = Lang::parse("en").unwrap();
    for file in templates() {
        let q = Questionnaire::load(&file).unwrap();
        assert!(
            q.languages().contains(&ja) && q.languages().contains(&en),
            "{}",
            file.display()
        );
        assert_eq!(q.default_language(), &ja);
        // The loader refuses a text that misses a declared language; spot-check it shows.
        for question in q.questions() {
            assert_ne!(
                question.text().get(&ja),
                question.text().get(&en),
                "{} is not translated",
                question.id()
            );
        }
    }
}

#[test]
fn the_opinion_survey_asks_what_the_design_requires_and_nothing_demographic() {
    let q = Questionnaire::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../survey-templates/alumni-network-opinion.toml"),
    )
    .unwrap();
    let en = Lang::parse("en").unwrap();
    let all_text: String = q
        .questions()
        .map(|x| format!("{} {}", x.id(), x.text().get(&en)))
        .collect::<Vec<_>>()
        .join("\n")
        .to_lowercase();
    for theme in [
        "support",
        "benefit",
        "worr",
        "join",
        "channel",
        "content",
        "come back",
        "referr",
        "improve",
    ] {
        assert!(all_text.contains(theme), "no question about `{theme}`:\n{all_text}");
    }
    for demographic in ["department", "age", "gender", "tenure", "years of service"] {
        assert!(
            !all_text.contains(demographic),
            "a demographic question (`{demographic}`) slipped in"
        );
    }
    assert!(
        q.questions().any(|x| x.kind().type_name() == "rating"),
        "no 0–10 question on joining"
    );
}
