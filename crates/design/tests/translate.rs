//! The translator's round trip through XLIFF 2.0: unchanged when nothing was translated anew, a
//! new language merged in whole, and every untranslated or changed unit named.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking, helpers included

use std::path::Path;

use survey_design::Questionnaire;
use survey_design::translate::{TranslateError, export, import, units};

fn bundled() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../survey-templates");
    let mut templates: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| (p.display().to_string(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    templates.sort();
    assert!(templates.len() >= 3);
    templates
}

/// Every target filled: the existing translation, or a made-up one for a new language.
fn filled(xliff: &str, made_up: impl Fn(&str) -> String) -> String {
    let mut out = String::new();
    let mut source = String::new();
    for line in xliff.lines() {
        if let Some(s) = line.trim().strip_prefix("<source>") {
            source = s.trim_end_matches("</source>").to_owned();
        }
        if line.trim() == "<target></target>" {
            out.push_str(&line.replace("<target></target>", &format!("<target>{}</target>", made_up(&source))));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

#[test]
fn exporting_an_existing_language_and_importing_it_gives_the_template_back_byte_for_byte() {
    for (name, toml) in bundled() {
        let xliff = export(&toml, "en", "t.toml").unwrap();
        assert_eq!(import(&toml, &xliff).unwrap(), toml, "{name}");
    }
}

#[test]
fn a_new_language_translated_whole_is_merged_and_declared() {
    for (name, toml) in bundled() {
        let xliff = export(&toml, "th", "t.toml").unwrap();
        let translated = filled(&xliff, |source| format!("[th] {source}"));
        let merged = import(&toml, &translated).unwrap();
        let q = Questionnaire::from_toml(&merged, "merged.toml").unwrap();
        assert!(q.languages().iter().any(|l| l.as_str() == "th"), "{name}");
        let th = survey_design::Lang::parse("th").unwrap();
        assert!(q.title().get(&th).starts_with("[th] "), "{name}");
        // Only the new texts and the declaration were added: the rest of the file is as it was.
        assert!(merged.len() > toml.len());
        for line in toml.lines().filter(|l| l.trim_start().starts_with('#')) {
            assert!(merged.contains(line), "{name}: the comment `{line}` was lost");
        }
    }
}

#[test]
fn untranslated_changed_and_unknown_units_are_each_named_and_nothing_is_written() {
    let (_, toml) = &bundled()[0];
    let xliff = export(toml, "th", "t.toml").unwrap();
    let (_, all) = units(toml, "th").unwrap();
    let mut translated = filled(&xliff, |source| format!("[th] {source}"));
    // One target left empty, one source edited in the template since the export, one unit that
    // the template does not have.
    let first = &all[0];
    translated = translated.replacen(
        &format!("<target>[th] {}</target>", first.source),
        "<target></target>",
        1,
    );
    let second = all
        .iter()
        .skip(1)
        .find(|u| toml.matches(&format!("\"{}\"", u.source)).count() == 1)
        .unwrap();
    let edited = toml.replacen(
        &format!("\"{}\"", second.source),
        &format!("\"{} (revised)\"", second.source),
        1,
    );
    translated = translated.replace(
        "</file>",
        "  <unit id=\"sections.99.title\"><segment><source>x</source><target>y</target></segment></unit>\n  </file>",
    );
    let Err(TranslateError::Units(problems)) = import(&edited, &translated) else {
        panic!("the import was not refused");
    };
    let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with(&format!("{}: untranslated", first.id))),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with(&format!("{}: the source changed", second.id))),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("sections.99.title: no such text")),
        "{problems:?}"
    );
}

#[test]
fn markup_characters_in_texts_survive_the_round_trip() {
    let toml = r#"id = "markup"
version = 1
languages = ["ja", "en"]
default_language = "ja"
title = { ja = "A & B <テスト> \"引用\"", en = "A & B <test> \"quoted\"" }
anonymity_statement = { ja = "{k}人未満は示しません。", en = "Nothing for fewer than {k}." }

[[sections]]
id = "s"
title = { ja = "節", en = "Section" }

[[sections.questions]]
id = "q1"
type = "single_choice"
text = { ja = "質問", en = "Question" }
options = [
  { id = "a", label = { ja = "はい", en = "Yes" } },
  { id = "b", label = { ja = "いいえ", en = "No" } },
]
"#;
    Questionnaire::from_toml(toml, "markup.toml").unwrap();
    let xliff = export(toml, "en", "markup.toml").unwrap();
    assert!(xliff.contains("A &amp; B &lt;test&gt;"), "{xliff}");
    assert_eq!(import(toml, &xliff).unwrap(), toml);
}
