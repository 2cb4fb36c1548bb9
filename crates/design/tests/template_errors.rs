//! Every template error: its message, its hint and where it points.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking, helpers included

use survey_design::{Diagnostic, Questionnaire};

const HEAD: &str = r#"id = "t"
version = 1
languages = ["ja", "en"]
default_language = "ja"
title = { ja = "題", en = "Title" }
anonymity_statement = { ja = "匿名です。{k}人未満は示さず、コメントは{comment_k}人から。", en = "Anonymous. Nothing for fewer than {k}; comments from {comment_k}." }

[scales.agree5]
points = 5
labels = [{ ja = "1", en = "1" }, { ja = "2", en = "2" }, { ja = "3", en = "3" }, { ja = "4", en = "4" }, { ja = "5", en = "5" }]

[[sections]]
id = "s"
title = { ja = "節", en = "Section" }
"#;

const CHOICE: &str = r#"
[[sections.questions]]
id = "aware"
type = "single_choice"
text = { ja = "知っていますか。", en = "Aware?" }
options = [{ id = "yes", label = { ja = "はい", en = "Yes" } }, { id = "no", label = { ja = "いいえ", en = "No" } }]
"#;

fn errors(source: &str) -> Vec<Diagnostic> {
    match Questionnaire::from_toml(source, "t.toml") {
        Ok(_) => panic!("expected errors, the template loaded:\n{source}"),
        Err(e) => e.diagnostics,
    }
}

/// Line and column (1-based, in characters) of the `nth` occurrence of `needle`.
fn at(source: &str, needle: &str, nth: usize) -> (usize, usize) {
    let offset = source
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("no `{needle}`"));
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, column)
}

fn hint_of(d: &Diagnostic) -> Option<String> {
    d.hint.as_ref().map(ToString::to_string)
}

fn assert_one(source: &str, needle: &str, message: &str, hint: Option<&str>) {
    let diagnostics = errors(source);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let d = &diagnostics[0];
    assert_eq!(d.message.to_string(), message);
    assert_eq!(hint_of(d).as_deref(), hint);
    assert_eq!((d.line, d.column), at(source, needle, 0), "position of {message}");
    assert_eq!(d.file, "t.toml");
}

#[test]
fn the_base_template_loads() {
    let q = Questionnaire::from_toml(&format!("{HEAD}{CHOICE}"), "t.toml").unwrap();
    assert_eq!(q.questions().count(), 1);
}

#[test]
fn an_unknown_key_suggests_the_closest_known_key() {
    let source = format!("{HEAD}{}", CHOICE.replace("text =", "requried = true\ntext ="));
    assert_one(
        &source,
        "requried",
        "unknown key `requried` in question `aware`",
        Some("did you mean `required`?"),
    );
}

#[test]
fn an_unknown_key_far_from_every_known_key_lists_the_allowed_ones() {
    let source = format!("{HEAD}{}", CHOICE.replace("text =", "colour = \"red\"\ntext ="));
    assert_one(
        &source,
        "colour",
        "unknown key `colour` in question `aware`",
        Some(
            "the keys allowed here are: id, type, text, help, required, topics, show_if, options, other, \
             randomize",
        ),
    );
}

#[test]
fn an_unknown_top_level_key_is_reported() {
    let source = format!("titel = 1\n{HEAD}{CHOICE}");
    assert_one(
        &source,
        "titel",
        "unknown key `titel` in the questionnaire",
        Some("did you mean `title`?"),
    );
}

#[test]
fn a_key_of_another_question_type_is_unknown_here() {
    let source = format!("{HEAD}{}", CHOICE.replace("text =", "max_length = 10\ntext ="));
    let d = &errors(&source)[0];
    assert_eq!(d.message.to_string(), "unknown key `max_length` in question `aware`");
}

#[test]
fn a_duplicate_question_id_points_at_the_second_and_names_the_first() {
    let source = format!("{HEAD}{CHOICE}{CHOICE}");
    let diagnostics = errors(&source);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let first_line = at(&source, "\"aware\"", 0).0;
    assert_eq!(diagnostics[0].message.to_string(), "duplicate question id `aware`");
    assert_eq!(
        hint_of(&diagnostics[0]).as_deref(),
        Some(format!("ids must be unique; rename this one or the first `aware` (line {first_line})").as_str())
    );
    assert_eq!(
        (diagnostics[0].line, diagnostics[0].column),
        at(&source, "\"aware\"", 1)
    );
}

#[test]
fn a_duplicate_option_id_is_reported() {
    let source = format!("{HEAD}{}", CHOICE.replace("{ id = \"no\"", "{ id = \"yes\""));
    let d = errors(&source);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].message.to_string(), "duplicate option id `yes`");
    assert_eq!((d[0].line, d[0].column), at(&source, "\"yes\"", 1));
}

#[test]
fn a_condition_naming_an_unknown_question_suggests_the_closest() {
    let source = format!(
        "{HEAD}{CHOICE}{}",
        CHOICE.replace(
            "id = \"aware\"",
            "id = \"follow\"\nshow_if = { question = \"awrae\", equals = \"yes\" }"
        )
    );
    assert_one(
        &source,
        "\"awrae\"",
        "the condition names an unknown question `awrae`",
        Some("did you mean `aware`?"),
    );
}

#[test]
fn a_condition_naming_a_later_question_is_refused() {
    let follow = CHOICE.replace("id = \"aware\"", "id = \"later\"");
    let first = CHOICE.replace("text =", "show_if = { question = \"later\", equals = \"yes\" }\ntext =");
    let source = format!("{HEAD}{first}{follow}");
    assert_one(
        &source,
        "\"later\", equals",
        "the condition names question `later`, which comes later",
        Some("a condition can only look at questions answered before this one; move it earlier or drop the condition"),
    );
}

#[test]
fn a_condition_naming_its_own_question_is_refused() {
    let source = format!(
        "{HEAD}{}",
        CHOICE.replace("text =", "show_if = { question = \"aware\", equals = \"no\" }\ntext =")
    );
    let d = errors(&source);
    assert_eq!(d[0].message.to_string(), "the condition names the question itself");
}

#[test]
fn a_condition_with_an_option_the_question_lacks_suggests_one() {
    let source = format!(
        "{HEAD}{CHOICE}{}",
        CHOICE.replace(
            "id = \"aware\"",
            "id = \"follow\"\nshow_if = { question = \"aware\", one_of = [\"yes\", \"nope\"] }"
        )
    );
    assert_one(
        &source,
        "\"nope\"",
        "`nope` is not an option of question `aware`",
        Some("did you mean `no`?"),
    );
}

#[test]
fn a_condition_with_two_operators_asks_for_and() {
    let rating = r#"
[[sections.questions]]
id = "join"
type = "rating"
text = { ja = "参加", en = "Join" }
low_label = { ja = "低", en = "Low" }
high_label = { ja = "高", en = "High" }
"#;
    let follow = CHOICE.replace(
        "id = \"aware\"",
        "id = \"follow\"\nshow_if = { question = \"join\", gt = 3, lt = 8 }",
    );
    let source = format!("{HEAD}{rating}{follow}");
    assert_one(
        &source,
        "8 }",
        "the condition on `join` has both `gt` and `lt`",
        Some("one operator per condition; combine them with `and = [ … ]`"),
    );
}

#[test]
fn a_numeric_comparison_on_a_choice_question_is_refused() {
    let follow = CHOICE.replace(
        "id = \"aware\"",
        "id = \"follow\"\nshow_if = { question = \"aware\", gte = 2 }",
    );
    let source = format!("{HEAD}{CHOICE}{follow}");
    assert_one(
        &source,
        "2 }",
        "`gte` compares numbers, but `aware` is a choice question",
        Some("use `equals` or `one_of` with option ids"),
    );
}

#[test]
fn a_condition_cannot_look_at_a_free_text_question() {
    let text = r#"
[[sections.questions]]
id = "comment"
type = "short_text"
text = { ja = "一言", en = "Comment" }
"#;
    let follow = CHOICE.replace(
        "id = \"aware\"",
        "id = \"follow\"\nshow_if = { question = \"comment\", equals = \"x\" }",
    );
    let source = format!("{HEAD}{text}{follow}");
    assert_one(
        &source,
        "\"comment\", equals",
        "a condition cannot look at `comment`, a short_text question",
        Some("conditions look at single or multiple choice, likert, rating or number questions"),
    );
}

#[test]
fn min_above_max_in_a_multiple_choice_is_refused() {
    let source = format!(
        "{HEAD}{}",
        CHOICE
            .replace("single_choice", "multiple_choice")
            .replace("text =", "min = 2\nmax = 1\ntext =")
    );
    assert_one(
        &source,
        "2\nmax",
        "`min` (2) is above `max` (1)",
        Some("lower `min` or raise `max`"),
    );
}

#[test]
fn max_above_the_number_of_choices_is_refused() {
    let source = format!(
        "{HEAD}{}",
        CHOICE
            .replace("single_choice", "multiple_choice")
            .replace("text =", "max = 3\ntext =")
    );
    assert_one(
        &source,
        "3\ntext",
        "`max` (3) is above the number of choices (2)",
        Some("lower `max` to 2 or less, or add options"),
    );
}

#[test]
fn min_above_max_in_a_number_question_is_refused() {
    let number = r#"
[[sections.questions]]
id = "years"
type = "number"
min = 10
max = 5
text = { ja = "年数", en = "Years" }
"#;
    let source = format!("{HEAD}{number}");
    assert_one(
        &source,
        "10",
        "`min` (10) is above `max` (5)",
        Some("lower `min` or raise `max`"),
    );
}

#[test]
fn a_scale_without_labels_is_refused() {
    let source = format!("{HEAD}{CHOICE}").replace(
        "labels = [{ ja = \"1\", en = \"1\" }, { ja = \"2\", en = \"2\" }, { ja = \"3\", en = \"3\" }, { ja = \"4\", en = \"4\" }, { ja = \"5\", en = \"5\" }]\n",
        "",
    );
    assert_one(
        &source,
        "[scales.agree5]",
        "scale `agree5` has no labels",
        Some("add `labels = [ … ]` with one text per point, lowest first, e.g. `{ ja = \"…\", en = \"…\" }`"),
    );
}

#[test]
fn a_scale_with_too_few_labels_or_points_other_than_5_or_7_is_refused() {
    let source = format!("{HEAD}{CHOICE}").replace("{ ja = \"5\", en = \"5\" }]", "]");
    assert_one(
        &source,
        "[{ ja = \"1\"",
        "scale `agree5` has 5 points but 4 labels",
        Some("give exactly one label per point, lowest first"),
    );
    let source = format!("{HEAD}{CHOICE}").replace("points = 5", "points = 6");
    assert_one(
        &source,
        "6",
        "a scale has 5 or 7 points, not 6",
        Some("use `points = 5` or `points = 7`"),
    );
}

#[test]
fn a_text_missing_a_declared_language_names_it() {
    let source = format!(
        "{HEAD}{}",
        CHOICE.replace(
            "{ ja = \"知っていますか。\", en = \"Aware?\" }",
            "{ ja = \"知っていますか。\" }"
        )
    );
    assert_one(
        &source,
        "{ ja = \"知っていますか。\" }",
        "text is missing `en`",
        Some("every text needs all languages declared in `languages` (`ja`, `en`): add `en = \"…\"`"),
    );
}

#[test]
fn a_text_in_an_undeclared_language_is_refused() {
    let source = format!(
        "{HEAD}{}",
        CHOICE.replace("en = \"Aware?\" }", "en = \"Aware?\", fr = \"Connu ?\" }")
    );
    assert_one(
        &source,
        "fr =",
        "language `fr` is not declared in `languages`",
        Some("add it to `languages` or remove this text; declared: `ja`, `en`"),
    );
}

#[test]
fn a_plain_string_where_a_localised_text_belongs_shows_the_form() {
    let source = format!(
        "{HEAD}{}",
        CHOICE.replace("{ ja = \"知っていますか。\", en = \"Aware?\" }", "\"Aware?\"")
    );
    assert_one(
        &source,
        "\"Aware?\"",
        "expected a localised text, found a string",
        Some("write the text in every language: `{ ja = \"…\", en = \"…\" }`"),
    );
}

#[test]
fn an_empty_option_list_is_refused() {
    let source = format!("{HEAD}{}", CHOICE.replace(
        "[{ id = \"yes\", label = { ja = \"はい\", en = \"Yes\" } }, { id = \"no\", label = { ja = \"いいえ\", en = \"No\" } }]",
        "[]",
    ));
    assert_one(
        &source,
        "[]",
        "question `aware` has an empty option list",
        Some("add `options = [ { id = \"…\", label = { ja = \"…\", en = \"…\" } } ]`"),
    );
}

#[test]
fn an_unknown_question_type_suggests_the_closest() {
    let source = format!("{HEAD}{}", CHOICE.replace("single_choice", "singel_choice"));
    assert_one(
        &source,
        "\"singel_choice\"",
        "unknown question type `singel_choice`",
        Some("did you mean `single_choice`?"),
    );
}

#[test]
fn a_missing_key_points_at_its_table() {
    let source = format!("{HEAD}{}", CHOICE.replace("type = \"single_choice\"\n", ""));
    let d = errors(&source);
    assert_eq!(d[0].message.to_string(), "question `aware` is missing `type`");
    assert_eq!((d[0].line, d[0].column), at(&source, "[[sections.questions]]", 0));
}

#[test]
fn a_default_language_outside_languages_is_refused() {
    let source = format!("{HEAD}{CHOICE}").replace("default_language = \"ja\"", "default_language = \"fr\"");
    let d = errors(&source);
    assert_eq!(
        d[0].message.to_string(),
        "the default language `fr` is not one of `languages`"
    );
    assert_eq!(
        hint_of(&d[0]).as_deref(),
        Some("add `fr` to `languages` or choose one of `ja`, `en`")
    );
    assert_eq!((d[0].line, d[0].column), at(&source, "\"fr\"", 0));
}

#[test]
fn unknown_scales_and_topics_suggest_declared_ones() {
    let likert = r#"
[[sections.questions]]
id = "support"
type = "likert"
topics = ["suport"]
scale = "agree"
text = { ja = "賛成", en = "Support" }
"#;
    let source = format!("{HEAD}{likert}").replace(
        "[scales.agree5]",
        "[topics.support]\nlabel = { ja = \"支持\", en = \"Support\" }\n\n[scales.agree5]",
    );
    let d = errors(&source);
    assert_eq!(d.len(), 2, "{d:#?}");
    assert_eq!(d[0].message.to_string(), "unknown topic `suport`");
    assert_eq!(hint_of(&d[0]).as_deref(), Some("did you mean `support`?"));
    assert_eq!(d[1].message.to_string(), "unknown scale `agree`");
    assert_eq!(hint_of(&d[1]).as_deref(), Some("did you mean `agree5`?"));
    assert_eq!((d[1].line, d[1].column), at(&source, "\"agree\"", 0));
}

#[test]
fn a_wrongly_typed_value_says_what_was_expected() {
    let source = format!("{HEAD}{}", CHOICE.replace("text =", "required = \"yes\"\ntext ="));
    assert_one(&source, "\"yes\"\n", "expected `true` or `false`, found a string", None);
}

#[test]
fn a_bad_identifier_says_what_characters_are_allowed() {
    let source = format!("{HEAD}{}", CHOICE.replace("id = \"aware\"", "id = \"Aware-1\""));
    assert_one(
        &source,
        "\"Aware-1\"",
        "identifier `Aware-1` must start with a lowercase letter",
        Some("for example `support_overall`"),
    );
}

#[test]
fn invalid_toml_is_reported_with_its_position() {
    let source = format!("{HEAD}{CHOICE}").replace("version = 1", "version = ");
    let d = errors(&source);
    assert!(
        d[0].message.to_string().starts_with("invalid TOML: "),
        "{}",
        d[0].message
    );
    assert_eq!(d[0].line, 2);
}

#[test]
fn every_problem_is_reported_at_once_in_file_order() {
    let source = format!(
        "{HEAD}{}",
        CHOICE
            .replace("text =", "requried = true\ntext =")
            .replace("en = \"Aware?\" ", "")
            .replace("{ id = \"no\"", "{ id = \"yes\"")
    )
    .replace("points = 5", "points = 4");
    let d = errors(&source);
    let messages: Vec<String> = d.iter().map(|d| d.message.to_string()).collect();
    assert_eq!(
        messages,
        [
            "a scale has 5 or 7 points, not 4",
            "unknown key `requried` in question `aware`",
            "text is missing `en`",
            "duplicate option id `yes`",
        ]
    );
    let lines: Vec<usize> = d.iter().map(|d| d.line).collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{lines:?}");
}

#[test]
fn the_compiler_style_rendering_puts_the_hint_under_the_message() {
    let source = format!("{HEAD}{}", CHOICE.replace("single_choice", "singel_choice"));
    let err = Questionnaire::from_toml(&source, "t.toml").unwrap_err();
    let (line, column) = at(&source, "\"singel_choice\"", 0);
    assert_eq!(
        err.to_string(),
        format!("t.toml:{line}:{column}: unknown question type `singel_choice`\n  hint: did you mean `single_choice`?")
    );
}

#[test]
fn the_problems_are_worded_in_their_readers_language() {
    // Far down the file: a line number is a place, written without a thousands separator.
    let source = format!(
        "{}titel = 1\n{HEAD}{}",
        "\n".repeat(1200),
        CHOICE.replace("single_choice", "singel_choice")
    );
    let err = Questionnaire::from_toml(&source, "t.toml").unwrap_err();
    let (line, column) = at(&source, "\"singel_choice\"", 0);
    assert_eq!(err.message().to_string(), err.to_string());
    assert_eq!(err.diagnostics[1].worded().to_string(), err.diagnostics[1].to_string());
    assert_eq!(
        err.message().get("ja"),
        format!(
            "t.toml:1201:1: 調査票に不明なキー `titel` があります\n  ヒント: `title` のことですか？\n\
             t.toml:{line}:{column}: 設問の種類 `singel_choice` はありません\n  ヒント: `single_choice` のことですか？"
        )
    );
    let source = format!("{HEAD}{}", CHOICE.replace("text =", "requried = true\ntext ="));
    let d = &errors(&source)[0];
    assert_eq!(d.message.get("ja"), "設問 `aware` に不明なキー `requried` があります");
    let source = format!("{HEAD}{CHOICE}{CHOICE}");
    let d = &errors(&source)[0];
    let first_line = at(&source, "\"aware\"", 0).0;
    assert_eq!(
        d.hint.as_ref().unwrap().get("ja"),
        format!("ID は重複できません。これか最初の `aware` の ID を変えてください（{first_line}行目）")
    );
}

#[test]
fn a_file_that_cannot_be_read_is_one_diagnostic() {
    let err = Questionnaire::load(std::path::Path::new("/nonexistent/x.toml")).unwrap_err();
    assert_eq!(err.diagnostics.len(), 1);
    assert!(
        err.diagnostics[0]
            .message
            .to_string()
            .starts_with("cannot read the template: "),
        "{}",
        err.diagnostics[0].message
    );
}

/// The keys the loader accepts in a question of `kind`, read from its "allowed keys" hint.
fn loader_keys(kind: &str, extra: &str) -> Vec<String> {
    let source = format!(
        "{HEAD}\n[[sections.questions]]\nid = \"q\"\ntype = \"{kind}\"\ntext = {{ ja = \"質問\", en = \"Q\" }}\n{extra}\nzzzzzzzz = 1\n"
    );
    let d = errors(&source);
    let unknown = d
        .iter()
        .find(|d| d.message.to_string().starts_with("unknown key `zzzzzzzz`"))
        .unwrap();
    let hint = hint_of(unknown).unwrap();
    let mut keys: Vec<String> = hint
        .trim_start_matches("the keys allowed here are: ")
        .split(", ")
        .map(str::to_owned)
        .collect();
    keys.sort();
    keys
}

#[test]
fn the_json_schema_allows_exactly_the_keys_the_loader_accepts() {
    let schema: serde_json::Value = serde_json::from_str(survey_design::template::SCHEMA).unwrap();
    let options = "options = [{ id = \"a\", label = { ja = \"あ\", en = \"A\" } }, { id = \"b\", label = { ja = \"い\", en = \"B\" } }]";
    let scale = "scale = \"agree5\"";
    let items = "scale = \"agree5\"\nitems = [{ id = \"i\", text = { ja = \"項目\", en = \"Item\" } }]";
    let labels = "low_label = { ja = \"低\", en = \"Low\" }\nhigh_label = { ja = \"高\", en = \"High\" }";
    for (kind, extra) in [
        ("single_choice", options),
        ("multiple_choice", options),
        ("likert", scale),
        ("rating", labels),
        ("number", ""),
        ("short_text", ""),
        ("long_text", ""),
        ("matrix", items),
        ("ranking", options),
    ] {
        let mut from_schema: Vec<String> = schema["$defs"][format!("question_{kind}")]["propertyNames"]["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("the schema has no key list for `{kind}`"))
            .iter()
            .map(|k| k.as_str().unwrap().to_owned())
            .collect();
        from_schema.sort();
        assert_eq!(loader_keys(kind, extra), from_schema, "keys of a {kind} question");
    }
    let mut top: Vec<&str> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    top.sort_unstable();
    let d = errors(&format!("zzzzzzzz = 1\n{HEAD}{CHOICE}"));
    let hint = hint_of(&d[0]).unwrap();
    let mut loader_top: Vec<&str> = hint
        .trim_start_matches("the keys allowed here are: ")
        .split(", ")
        .collect();
    loader_top.sort_unstable();
    assert_eq!(loader_top, top);
}

const RATING: &str = r#"
[[sections.questions]]
id = "join"
type = "rating"
text = { ja = "参加", en = "Join" }
low_label = { ja = "低", en = "Low" }
high_label = { ja = "高", en = "High" }
"#;

const MATRIX: &str = r#"
[[sections.questions]]
id = "worries"
type = "matrix"
scale = "agree5"
text = { ja = "懸念", en = "Worries" }
items = [{ id = "cost", text = { ja = "費用", en = "Cost" } }, { id = "leaks", text = { ja = "漏えい", en = "Leaks" } }]
"#;

/// Each remaining error path: the template, the message, and the text its position points at.
#[test]
fn every_other_template_error_says_what_is_wrong_where() {
    let base = format!("{HEAD}{CHOICE}");
    let follow = |show_if: &str| {
        format!(
            "{HEAD}{CHOICE}{RATING}{}",
            CHOICE.replace("id = \"aware\"", &format!("id = \"follow\"\nshow_if = {show_if}"))
        )
    };
    let cases: Vec<(String, &str, &str)> = vec![
        (base.replace("[\"ja\", \"en\"]", "[]"), "`languages` is empty", "[]"),
        (base.replace("[\"ja\", \"en\"]", "[\"ja\", \"en\", \"ja\"]"), "language `ja` is listed twice", "\"ja\"]"),
        (base.replace("[\"ja\", \"en\"]", "[\"ja\", \"EN\"]"), "`EN` is not a language tag; write a code such as `ja`, `en` or `pt-BR`", "\"EN\""),
        (base.replace("en = \"Title\"", "en = \" \""), "the `en` text is empty", "\" \""),
        (base.replace("en = \"Title\"", "en = 3"), "expected a string, found an integer", "3 }"),
        (base.replace("version = 1", "version = 0"), "`version` must be at least 1, not 0", "0"),
        (base.replace("version = 1", "version = 99999999999999999999999"), "invalid TOML: integer is too large", "99999"),
        (base.replace("version = 1", "version = 1979-05-27"), "expected an integer, found a date", "1979"),
        (base.replace("[[sections]]\nid = \"s\"", "[[sections]]\nid = 7"), "expected a string, found an integer", "7\n"),
        (format!("{HEAD}{CHOICE}").replace("[scales.agree5]", "[topics.support]\n\n[scales.agree5]"), "topic `support` is missing `label`", "[topics.support]"),
        (base.replace("[scales.agree5]", "[scales.Agree5]"), "scale name `Agree5` must start with a lowercase letter", "Agree5"),
        (base.replace("points = 5", "points = 5\nfavourable = []"), "`favourable` is empty", "[]\n"),
        (base.replace("points = 5", "points = 5\nfavourable = [5, 6]"), "favourable point 6 is not on the scale (1 to 5)", "6]"),
        (format!("{HEAD}{}", CHOICE.replace("single_choice", "ranking").replace(", { id = \"no\", label = { ja = \"いいえ\", en = \"No\" } }", "")), "question `aware` ranks fewer than two options", "[[sections.questions]]"),
        (format!("{HEAD}{}", CHOICE.replace("single_choice", "ranking").replace("text =", "top = 3\ntext =")), "`top` must be between 1 and 2, not 3", "3\n"),
        (format!("{HEAD}{}", CHOICE.replace("single_choice", "short_text").replace("options = ", "max_length = 0\nx = ")), "`max_length` must be between 1 and 20000, not 0", "0\n"),
        (format!("{HEAD}\n[[sections.questions]]\nid = \"n\"\ntype = \"number\"\ndecimals = 9\ntext = {{ ja = \"数\", en = \"N\" }}\n"), "`decimals` must be between 0 and 6, not 9", "9"),
        (format!("{HEAD}\n[[sections.questions]]\nid = \"n\"\ntype = \"number\"\nmax = 2.5\ntext = {{ ja = \"数\", en = \"N\" }}\n"), "`max` has more decimals than `decimals` (0) allows, or is too large", "2.5"),
        (format!("{HEAD}{}", MATRIX.replace("[{ id = \"cost\", text = { ja = \"費用\", en = \"Cost\" } }, { id = \"leaks\", text = { ja = \"漏えい\", en = \"Leaks\" } }]", "[]")), "question `worries` has no items", "[]"),
        (format!("{HEAD}{}", MATRIX.replace("id = \"leaks\"", "id = \"cost\"")), "duplicate item id `cost`", "\"cost\", text = { ja = \"漏えい\""),
        (format!("{HEAD}{CHOICE}\n[[sections]]\nid = \"s\"\ntitle = {{ ja = \"二\", en = \"Two\" }}\n{}", CHOICE.replace("aware", "other_q")), "duplicate section id `s`", "\"s\"\ntitle = { ja = \"二\""),
        (format!("sections = []\n{}", HEAD.replace("[[sections]]\nid = \"s\"\ntitle = { ja = \"節\", en = \"Section\" }\n", "")), "the questionnaire has no sections", "[]\n"),
        (format!("sections = 1\n{}", HEAD.replace("[[sections]]\nid = \"s\"\ntitle = { ja = \"節\", en = \"Section\" }\n", "")), "expected an array, found an integer", "1\n"),
        (format!("{HEAD}questions = []\n"), "section `s` has no questions", "[]\n"),
        (follow("{ and = [] }"), "`and` has no conditions", "[] }"),
        (follow("{ question = \"aware\", one_of = [] }"), "`one_of` is empty", "[] }"),
        (follow("{ question = \"aware\", equals = 1 }"), "expected an option id of question `aware`, found an integer", "1 }"),
        (follow("{ question = \"join\", equals = \"yes\" }"), "expected a number to compare with `join`, found a string", "\"yes\" }"),
        (follow("{ question = \"join\" }"), "the condition on `join` has no operator", "{ question = \"join\" }"),
        (follow("{ not = { question = \"join\", gt = 5 }, question = \"aware\" }"), "unknown key `question` in the condition of question `follow`", "question = \"aware\""),
        (follow("{ or = [{ question = \"join\", lte = \"x\" }] }"), "expected a number, found a string", "\"x\""),
        (follow("\"join > 5\""), "expected a table, found a string", "\"join > 5\""),
    ];
    for (source, message, needle) in cases {
        let d = errors(&source);
        let found = d
            .iter()
            .find(|d| d.message.to_string() == message)
            .unwrap_or_else(|| panic!("no `{message}` in {d:#?}"));
        assert_eq!(
            (found.line, found.column),
            at(&source, needle, 0),
            "position of `{message}`"
        );
    }
}

/// HEAD with another anonymity statement.
fn with_statement(statement: &str) -> String {
    let line = HEAD.lines().find(|l| l.starts_with("anonymity_statement")).unwrap();
    HEAD.replace(line, &format!("anonymity_statement = {statement}"))
}

const COMMENT: &str = r#"
[[sections.questions]]
id = "why"
type = "long_text"
text = { ja = "理由", en = "Why?" }
"#;

#[test]
fn a_statement_that_writes_a_threshold_itself_is_refused_at_the_number() {
    let source = format!(
        "{}{CHOICE}{COMMENT}",
        with_statement(
            r#"{ ja = """\
  集計結果は、5人以上の回答があるグループについてのみ報告します。\
  自由記述は、１０人以上の回答がある場合にのみ紹介します。""", en = "Only for groups of at least five; comments from {comment_k}, shown to {k}." }"#
        )
    );
    let diagnostics = errors(&source);
    let messages: Vec<String> = diagnostics.iter().map(|d| d.message.to_string()).collect();
    let found: Vec<(&str, (usize, usize))> = diagnostics
        .iter()
        .zip(&messages)
        .map(|(d, message)| (message.as_str(), (d.line, d.column)))
        .collect();
    assert_eq!(
        found,
        [
            (
                "the `ja` anonymity statement writes the number `5` itself",
                at(&source, "5人", 0)
            ),
            (
                "the `ja` anonymity statement writes the number `１０` itself",
                at(&source, "１０", 0)
            ),
            (
                "the `en` anonymity statement writes the number `five` itself",
                at(&source, "five", 0)
            ),
        ]
    );
    assert_eq!(
        hint_of(&diagnostics[0]).as_deref(),
        Some(
            "write `{k}` where the smallest group results are shown for belongs and `{comment_k}` where the \
             fewest respondents for comments does: the survey's own thresholds fill them when the statement is \
             shown, so it never promises other numbers"
        )
    );
    assert!(
        diagnostics[0]
            .to_string()
            .starts_with(&format!("t.toml:{}:", at(&source, "5人", 0).0))
    );
}

#[test]
fn a_statement_without_its_placeholders_is_refused_with_a_sentence_to_add() {
    let source = format!(
        "{}{CHOICE}",
        with_statement(r#"{ ja = "匿名です。", en = "Anonymous." }"#)
    );
    let diagnostics = errors(&source);
    assert_eq!(diagnostics.len(), 2, "{diagnostics:#?}");
    assert_eq!(
        diagnostics[0].message.to_string(),
        "the `ja` anonymity statement does not name the survey's thresholds: it lacks `{k}`"
    );
    assert_eq!(
        hint_of(&diagnostics[0]).as_deref(),
        Some(
            "add, for example, `集計結果は、{k}人以上の回答があるグループについてのみ示します。` (it is filled with \
             the survey's own threshold when shown)"
        )
    );
    assert_eq!(
        (diagnostics[0].line, diagnostics[0].column),
        at(&source, "\"匿名です。\"", 0)
    );
    assert_eq!(
        (diagnostics[1].line, diagnostics[1].column),
        at(&source, "\"Anonymous.\"", 0)
    );
    // A questionnaire that asks for comments must say when they are shown.
    let source = format!(
        "{}{CHOICE}{COMMENT}",
        with_statement(r#"{ ja = "{k}人未満は示しません。", en = "Nothing for fewer than {k}." }"#)
    );
    let diagnostics = errors(&source);
    assert_eq!(diagnostics.len(), 2, "{diagnostics:#?}");
    assert_eq!(
        diagnostics[1].message.to_string(),
        "the `en` anonymity statement does not name the survey's thresholds: it lacks `{comment_k}`"
    );
    assert_eq!(
        hint_of(&diagnostics[1]).as_deref(),
        Some(
            "add, for example, `Comments are shown only when at least {comment_k} people have responded.` (it is \
             filled with the survey's own threshold when shown; the questionnaire asks for comments, so the \
             statement says when they are shown)"
        )
    );
}

#[test]
fn an_unknown_placeholder_in_the_statement_suggests_the_right_one() {
    let source = format!(
        "{}{CHOICE}",
        with_statement(r#"{ ja = "{k}人未満は示しません。", en = "Nothing for fewer than {k}; {comment_kk}." }"#)
    );
    assert_one(
        &source,
        "{comment_kk}",
        "unknown placeholder `{comment_kk}` in the `en` anonymity statement",
        Some("did you mean `{comment_k}`?"),
    );
}

#[test]
fn the_statement_is_shown_with_the_surveys_own_thresholds() {
    let q = Questionnaire::from_toml(&format!("{HEAD}{CHOICE}{COMMENT}"), "t.toml").unwrap();
    let ja = survey_design::Lang::parse("ja").unwrap();
    let statement = q.anonymity_statement_for(survey_design::Thresholds { k: 7, comment_k: 15 });
    assert_eq!(statement.get(&ja), "匿名です。7人未満は示さず、コメントは15人から。");
    assert_eq!(
        statement.get(&survey_design::Lang::english()),
        "Anonymous. Nothing for fewer than 7; comments from 15."
    );
    // As written, for editors and translators.
    assert!(q.anonymity_statement().get(&ja).contains("{k}"));
}

#[test]
fn the_bundled_templates_state_no_threshold_of_their_own() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../survey-templates");
    let thresholds = survey_design::Thresholds { k: 8, comment_k: 13 };
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let q = Questionnaire::load(&path).unwrap();
        for lang in q.languages() {
            let shown = q.anonymity_statement_for(thresholds);
            let text = shown.get(lang);
            assert!(text.contains('8') && text.contains("13"), "{}: {text}", path.display());
            assert!(!text.contains('{'), "{}: {text}", path.display());
        }
    }
}
