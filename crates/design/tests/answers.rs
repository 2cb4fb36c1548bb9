//! Answer validation and the canonical encoding, on a questionnaire with every question type.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking, helpers included

use serde_json::{Value, json};
use survey_design::{AnswerErrorKind as Kind, Lang, Questionnaire};

fn questionnaire() -> Questionnaire {
    Questionnaire::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/every-type.toml"))
        .unwrap()
}

fn full() -> Value {
    json!({
        "aware": "yes",
        "channels": ["web", {"other": "社内報"}],
        "support": 2,
        "why_not": "  コストが心配です  ",
        "join": 5,
        "years": 12.5,
        "nickname": "ok",
        "worries": {"motivation": 4, "leaks": 2},
        "conditions": ["role", "pay"],
    })
}

/// The single error of a submission, as (question, kind).
fn error(answers: Value) -> (Option<String>, Kind) {
    let errors = questionnaire().validate_answers(&answers).unwrap_err().errors;
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = errors.into_iter().next().unwrap();
    (e.question, e.kind)
}

fn with(key: &str, value: Value) -> Value {
    let mut answers = full();
    answers[key] = value;
    answers
}

fn without(key: &str) -> Value {
    let mut answers = full();
    answers.as_object_mut().unwrap().remove(key);
    answers
}

#[test]
fn a_complete_valid_submission_gives_typed_answers_in_questionnaire_order() {
    let answers = questionnaire().validate_answers(&full()).unwrap();
    let order: Vec<&str> = answers.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        order,
        [
            "aware",
            "channels",
            "support",
            "why_not",
            "join",
            "years",
            "nickname",
            "worries",
            "conditions"
        ]
    );
}

#[test]
fn the_canonical_encoding_is_byte_exact() {
    let answers = questionnaire().validate_answers(&full()).unwrap();
    let expected = r#"{"aware":"yes","channels":["web",{"other":"社内報"}],"conditions":["role","pay"],"join":5,"nickname":"ok","support":2,"why_not":"コストが心配です","worries":{"leaks":2,"motivation":4},"years":12.5}"#;
    assert_eq!(String::from_utf8(answers.canonical_bytes()).unwrap(), expected);
}

#[test]
fn equal_answers_encode_equally_whatever_the_order_and_normalisation_of_the_input() {
    let q = questionnaire();
    let a = q.validate_answers(&with("channels", json!(["web", "sns"]))).unwrap();
    // Same choices clicked in another order; "ｶ" composed differently is not at stake here, but a
    // decomposed "が" (か + combining dakuten) must equal the composed one.
    let mut b = with("channels", json!(["sns", "web"]));
    b["why_not"] = json!("コストか\u{3099}心配です");
    let b = q.validate_answers(&b).unwrap();
    assert_eq!(a.canonical_bytes(), b.canonical_bytes());
}

#[test]
fn control_characters_and_quotes_are_escaped_in_the_encoding() {
    let q = questionnaire();
    let answers = q.validate_answers(&with("why_not", json!("a\"b\\c\nd\u{1}e"))).unwrap();
    let bytes = String::from_utf8(answers.canonical_bytes()).unwrap();
    assert!(bytes.contains(r#""why_not":"a\"b\\c\nd\u0001e""#), "{bytes}");
}

#[test]
fn a_required_question_left_empty_is_reported() {
    for empty in [Value::Null, json!(""), json!("   ")] {
        assert_eq!(error(with("aware", empty)), (Some("aware".into()), Kind::Required));
    }
    assert_eq!(error(without("aware")), (Some("aware".into()), Kind::Required));
}

#[test]
fn an_unknown_option_is_reported() {
    assert_eq!(
        error(with("aware", json!("maybe"))),
        (Some("aware".into()), Kind::UnknownOption { option: "maybe".into() })
    );
    assert_eq!(
        error(with("conditions", json!(["role", "bonus"]))),
        (
            Some("conditions".into()),
            Kind::UnknownOption { option: "bonus".into() }
        )
    );
}

#[test]
fn too_many_and_too_few_choices_are_reported() {
    assert_eq!(
        error(with("channels", json!(["sns", "mail", "web"]))),
        (Some("channels".into()), Kind::TooManyChoices { max: 2, got: 3 })
    );
}

#[test]
fn fewer_choices_than_min_are_reported() {
    assert_eq!(
        error(with("rewards", json!(["cash"]))),
        (Some("rewards".into()), Kind::TooFewChoices { min: 2, got: 1 })
    );
}

#[test]
fn other_is_refused_where_the_question_offers_none() {
    assert_eq!(
        error(with("rewards", json!(["cash", { "other": "stock" }]))),
        (Some("rewards".into()), Kind::NoOther)
    );
}

#[test]
fn whole_numbers_only_where_no_decimals_are_allowed_and_no_upper_bound_means_none() {
    assert_eq!(
        error(with("headcount", json!(2.5))),
        (Some("headcount".into()), Kind::TooManyDecimals { decimals: 0 })
    );
    assert_eq!(
        error(with("headcount", json!(0))),
        (
            Some("headcount".into()),
            Kind::OutOfRange {
                min: "1".into(),
                max: "∞".into(),
                got: "0".into()
            }
        )
    );
    assert!(
        questionnaire()
            .validate_answers(&with("headcount", json!(1_000_000)))
            .is_ok()
    );
}

#[test]
fn an_exclusive_option_cannot_be_combined() {
    assert_eq!(
        error(with("channels", json!(["none", "sns"]))),
        (
            Some("channels".into()),
            Kind::ExclusiveCombined { option: "none".into() }
        )
    );
}

#[test]
fn the_same_option_twice_is_reported() {
    assert_eq!(
        error(with("channels", json!(["sns", "sns"]))),
        (Some("channels".into()), Kind::DuplicateOption { option: "sns".into() })
    );
}

#[test]
fn values_out_of_range_are_reported_with_the_range() {
    let out = |min: &str, max: &str, got: &str| Kind::OutOfRange {
        min: min.into(),
        max: max.into(),
        got: got.into(),
    };
    assert_eq!(
        error(with("join", json!(11))),
        (Some("join".into()), out("0", "10", "11"))
    );
    assert_eq!(
        error(with("join", json!(-1))),
        (Some("join".into()), out("0", "10", "-1"))
    );
    assert_eq!(
        error(with("support", json!(6))),
        (Some("support".into()), out("1", "5", "6"))
    );
    assert_eq!(
        error(with("years", json!(45.6))),
        (Some("years".into()), out("0.0", "45.5", "45.6"))
    );
    assert_eq!(
        error(with("years", json!(1.25))),
        (Some("years".into()), Kind::TooManyDecimals { decimals: 1 })
    );
}

#[test]
fn text_longer_than_allowed_is_reported_in_characters() {
    // 51 Japanese characters: 153 bytes, but the limit counts characters.
    assert_eq!(
        error(with("why_not", json!("あ".repeat(51)))),
        (Some("why_not".into()), Kind::TooLong { max: 50, got: 51 })
    );
    assert!(
        questionnaire()
            .validate_answers(&with("why_not", json!("あ".repeat(50))))
            .is_ok()
    );
    assert_eq!(
        error(with("aware", json!({"other": "x".repeat(21)}))),
        (Some("aware".into()), Kind::TooLong { max: 20, got: 21 })
    );
}

#[test]
fn an_answer_to_a_question_hidden_by_its_condition_is_refused() {
    // `why_not` shows only when support <= 2.
    assert_eq!(error(with("support", json!(4))), (Some("why_not".into()), Kind::Hidden));
    // `nickname` shows only when not (join >= 7); `conditions` only when join > 3.
    let mut answers = with("join", json!(8));
    answers.as_object_mut().unwrap().remove("nickname");
    assert!(questionnaire().validate_answers(&answers).is_ok());
    assert_eq!(error(with("join", json!(8))), (Some("nickname".into()), Kind::Hidden));
}

#[test]
fn a_question_hidden_by_an_unanswered_earlier_question_may_stay_empty_even_if_required() {
    let q = questionnaire();
    // `years` depends on aware=yes or channels including sns/web.
    let mut answers = with("aware", json!("no"));
    answers["channels"] = json!(["mail"]);
    answers.as_object_mut().unwrap().remove("years");
    assert!(q.validate_answers(&answers).is_ok());
}

#[test]
fn a_wrong_answer_does_not_cascade_into_errors_on_the_questions_it_controls() {
    let errors = questionnaire()
        .validate_answers(&with("support", json!("lots")))
        .unwrap_err()
        .errors;
    let questions: Vec<_> = errors.iter().map(|e| e.question.as_deref()).collect();
    assert_eq!(questions, [Some("support")]);
}

#[test]
fn matrices_need_every_statement_when_required_and_known_statements_only() {
    assert_eq!(
        error(with("worries", json!({"motivation": 3}))),
        (
            Some("worries".into()),
            Kind::MissingItems {
                items: vec!["leaks".into()]
            }
        )
    );
    assert_eq!(
        error(with("worries", json!({"motivation": 3, "leaks": 2, "pay": 1}))),
        (Some("worries".into()), Kind::UnknownItem { item: "pay".into() })
    );
}

#[test]
fn a_ranking_must_rank_exactly_top_options_once_each() {
    assert_eq!(
        error(with("conditions", json!(["pay"]))),
        (Some("conditions".into()), Kind::RankingLength { expected: 2, got: 1 })
    );
    assert_eq!(
        error(with("conditions", json!(["pay", "pay"]))),
        (
            Some("conditions".into()),
            Kind::DuplicateOption { option: "pay".into() }
        )
    );
}

#[test]
fn not_applicable_only_where_the_scale_offers_it() {
    assert_eq!(
        error(with("worries", json!({"motivation": "n/a", "leaks": 2}))),
        (Some("worries".into()), Kind::NoNotApplicable)
    );
}

#[test]
fn other_must_be_offered_and_specified() {
    assert_eq!(
        error(with("conditions", json!(["pay", {"other": "x"}]))).1,
        Kind::WrongShape {
            expected: "an array of option ids, best first"
        }
    );
    assert_eq!(
        error(with("aware", json!({"other": " "}))),
        (Some("aware".into()), Kind::OtherEmpty)
    );
}

#[test]
fn wrong_shapes_say_what_was_expected() {
    assert_eq!(
        error(with("aware", json!(3))),
        (
            Some("aware".into()),
            Kind::WrongShape {
                expected: "an option id or {\"other\": text}"
            }
        )
    );
    assert_eq!(
        error(with("join", json!(7.5))),
        (
            Some("join".into()),
            Kind::WrongShape {
                expected: "a whole number from 0 to 10"
            }
        )
    );
}

#[test]
fn answers_to_questions_that_do_not_exist_are_reported() {
    assert_eq!(
        error(with("age", json!(40))),
        (Some("age".into()), Kind::UnknownQuestion)
    );
}

#[test]
fn a_submission_that_is_not_an_object_is_one_error() {
    assert_eq!(error(json!(["yes"])), (None, Kind::NotAnObject));
}

#[test]
fn messages_are_written_for_the_respondent_in_their_language() {
    let errors = questionnaire()
        .validate_answers(&with("why_not", json!("あ".repeat(51))))
        .unwrap_err();
    let e = errors.for_question("why_not").unwrap();
    assert_eq!(
        e.message(&Lang::parse("ja").unwrap()),
        "50文字以内で入力してください（現在51文字）。"
    );
    assert_eq!(
        e.message(&Lang::parse("en").unwrap()),
        "the text is 51 characters long; at most 50 are allowed"
    );
    assert_eq!(
        errors.to_string(),
        "why_not: the text is 51 characters long; at most 50 are allowed"
    );
}

#[test]
fn every_problem_of_a_submission_is_reported_one_per_question() {
    let mut answers = full();
    answers["aware"] = json!("maybe");
    answers["join"] = json!(99);
    answers["worries"] = json!({"motivation": 0, "leaks": 1});
    let errors = questionnaire().validate_answers(&answers).unwrap_err().errors;
    let questions: Vec<_> = errors.iter().map(|e| e.question.clone().unwrap()).collect();
    assert_eq!(questions, ["aware", "join", "worries"]);
}

#[test]
fn a_draft_keeps_the_valid_shown_answers_and_requires_nothing_yet() {
    let q = questionnaire();
    let draft = q.draft_answers(&json!({ "support": 1, "why_not": "高い", "join": 42 }));
    let ids: Vec<&str> = draft.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["support", "why_not"]);
    let hidden = q.draft_answers(&json!({ "support": 5, "why_not": "高い" }));
    assert_eq!(hidden.len(), 1);
}

#[test]
fn every_error_has_a_message_in_english_and_japanese() {
    let ja = Lang::parse("ja").unwrap();
    let en = Lang::parse("en").unwrap();
    let s = |x: &str| x.to_owned();
    let cases = [
        (
            Kind::NotAnObject,
            "the answers must be a JSON object keyed by question id",
            "回答の形式が正しくありません。",
        ),
        (
            Kind::UnknownQuestion,
            "there is no such question in this questionnaire",
            "この調査にない質問への回答です。",
        ),
        (
            Kind::Required,
            "this question needs an answer",
            "この質問は回答が必要です。",
        ),
        (
            Kind::Hidden,
            "this question is not shown for your earlier answers, so it cannot be answered",
            "前の回答により表示されない質問のため、回答できません。",
        ),
        (
            Kind::WrongShape { expected: "a string" },
            "the answer has the wrong form: expected a string",
            "回答の形式が正しくありません。",
        ),
        (
            Kind::UnknownOption { option: s("x") },
            "`x` is not one of the options",
            "「x」は選択肢にありません。",
        ),
        (
            Kind::DuplicateOption { option: s("x") },
            "`x` is chosen more than once",
            "「x」が重複して選ばれています。",
        ),
        (
            Kind::NoOther,
            "this question has no \"other\" answer",
            "この質問には「その他」の回答はありません。",
        ),
        (
            Kind::OtherEmpty,
            "please specify what \"other\" means",
            "「その他」の内容を入力してください。",
        ),
        (
            Kind::TooFewChoices { min: 2, got: 1 },
            "choose at least 2 (you chose 1)",
            "2つ以上選んでください（現在1つ）。",
        ),
        (
            Kind::TooManyChoices { max: 2, got: 3 },
            "choose at most 2 (you chose 3)",
            "2つまで選べます（現在3つ）。",
        ),
        (
            Kind::ExclusiveCombined { option: s("none") },
            "`none` cannot be combined with other choices",
            "「none」はほかの選択肢と同時に選べません。",
        ),
        (
            Kind::OutOfRange {
                min: s("0"),
                max: s("10"),
                got: s("11"),
            },
            "11 is outside the allowed range 0 to 10",
            "11は範囲外です。0から10の間で入力してください。",
        ),
        (
            Kind::TooManyDecimals { decimals: 0 },
            "enter a whole number",
            "整数で入力してください。",
        ),
        (
            Kind::TooManyDecimals { decimals: 2 },
            "enter at most 2 digits after the decimal point",
            "小数点以下は2桁までで入力してください。",
        ),
        (
            Kind::NoNotApplicable,
            "this scale has no \"not applicable\" answer",
            "この尺度には「わからない」の回答はありません。",
        ),
        (
            Kind::TooLong { max: 5, got: 6 },
            "the text is 6 characters long; at most 5 are allowed",
            "5文字以内で入力してください（現在6文字）。",
        ),
        (
            Kind::UnknownItem { item: s("pay") },
            "`pay` is not one of the statements",
            "「pay」は項目にありません。",
        ),
        (
            Kind::MissingItems {
                items: vec![s("a"), s("b")],
            },
            "answer every statement (missing: a, b)",
            "すべての項目に回答してください。",
        ),
        (
            Kind::RankingLength { expected: 3, got: 1 },
            "rank exactly 3 options (you ranked 1)",
            "3つを順位づけしてください（現在1つ）。",
        ),
    ];
    for (kind, english, japanese) in cases {
        let error = survey_design::AnswerError {
            question: Some(s("q")),
            kind,
        };
        assert_eq!(error.message(&en), english);
        assert_eq!(error.message(&ja), japanese);
        assert_eq!(error.to_string(), format!("q: {english}"));
    }
}
