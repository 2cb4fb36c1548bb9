//! The questionnaire as an HTML form, one `<section>` per questionnaire section and one `<fieldset>`
//! per question, and the way back from its fields to the answers JSON of `docs/template-format.md`.
//!
//! Field names: a question's own value is named by its id; "other" text `{id}.other`; a matrix item
//! `{id}.{item}`; a ranking option's rank `{id}.{option}`. `answer.js` reads the fields by the same
//! rules (so the page works with its script, and the operator-trusted fallback without one).

use maud::{Markup, html};
use serde_json::{Map, Value as Json, json};
use survey_design::answer::NOT_APPLICABLE;
use survey_design::questionnaire::display_order;
use survey_design::{AnswerErrors, ChoiceOption, Choices, Lang, Question, QuestionKind, Questionnaire, Scale};
use survey_i18n::t;

/// The value of the "other" choice.
const OTHER: &str = "__other";

/// Everything needed to draw the form: what was answered (to refill it) and what was wrong.
pub struct Filled<'a> {
    pub answers: &'a Json,
    pub errors: Option<&'a AnswerErrors>,
}

impl Filled<'_> {
    pub const EMPTY: Filled<'static> = Filled {
        answers: &Json::Null,
        errors: None,
    };
}

pub fn sections(q: &Questionnaire, lang: &Lang, filled: &Filled) -> Markup {
    let total = q.sections().len();
    let mut rng = rand::rng();
    html! {
        @for (i, section) in q.sections().iter().enumerate() {
            section.page data-page=(i) aria-labelledby={ "section-" (i) } {
                h2 id={ "section-" (i) } {
                    span.step { (i + 1) " / " (total) } " " (section.title().get(lang))
                }
                @if let Some(d) = section.description() { p.muted { (d.get(lang)) } }
                @for question in section.questions() {
                    (question_field(question, lang, filled, &mut rng))
                }
            }
        }
    }
}

fn question_field(question: &Question, lang: &Lang, filled: &Filled, rng: &mut impl rand::Rng) -> Markup {
    let id = question.id().as_str();
    let given = filled.answers.get(id).unwrap_or(&Json::Null);
    let error = filled.errors.and_then(|e| e.for_question(id)).map(|e| e.message(lang));
    let show_if = question.show_if().map(|c| c.to_json().to_string());
    let described = format!("help-{id} err-{id}");
    // Single-value inputs get a <label>; groups of radios or boxes a <fieldset> with a <legend>.
    let grouped = !matches!(
        question.kind(),
        QuestionKind::Number { .. } | QuestionKind::ShortText { .. } | QuestionKind::LongText { .. }
    );
    // A group cannot say it is required (aria-required is not allowed on a fieldset, and the
    // asterisk is hidden from screen readers), so its legend says so in words they read.
    let required_words = t!(lang, "respondent-required-in-words");
    let heading = html! {
        span.qtext { (question.text().get(lang)) }
        @if question.required() {
            " " span.required aria-hidden="true" { "*" }
            @if grouped { span.offscreen { (required_words) } }
        }
    };
    html! {
        div.question id={ "q-" (id) } data-question=(id) data-type=(question.kind().type_name())
            data-required[question.required()] data-show-if=[show_if.as_deref()] {
            @if grouped {
                fieldset aria-describedby=(described) {
                    legend { (heading) }
                    (help(question, lang))
                    (input(question, lang, given, rng))
                }
            } @else {
                label for={ "f-" (id) } { (heading) }
                (help(question, lang))
                (input(question, lang, given, rng))
            }
            p.error id={ "err-" (id) } role="alert" hidden[error.is_none()] { @if let Some(e) = &error { (e) } }
        }
    }
}

fn help(question: &Question, lang: &Lang) -> Markup {
    let id = question.id().as_str();
    html! {
        p.help id={ "help-" (id) } {
            @if let Some(help) = question.help() { (help.get(lang)) }
        }
    }
}

fn input(question: &Question, lang: &Lang, given: &Json, rng: &mut impl rand::Rng) -> Markup {
    let id = question.id().as_str();
    let required = question.required();
    match question.kind() {
        QuestionKind::SingleChoice(choices) => choice_list(id, "radio", choices, lang, given, rng),
        QuestionKind::MultipleChoice { choices, .. } => choice_list(id, "checkbox", choices, lang, given, rng),
        QuestionKind::Likert { scale, .. } => scale_row(id, id, scale, lang, given),
        QuestionKind::Rating { low_label, high_label } => html! {
            div.rating {
                span.end { (low_label.get(lang)) }
                @for point in 0..=10u8 {
                    label.point {
                        input type="radio" name=(id) value=(point) checked[given.as_u64() == Some(u64::from(point))];
                        span { (point) }
                    }
                }
                span.end { (high_label.get(lang)) }
            }
        },
        QuestionKind::Number { unit, decimals, .. } => html! {
            input id={ "f-" (id) } name=(id) type="text" inputmode=(if *decimals > 0 { "decimal" } else { "numeric" })
                value=(number_text(given)) aria-describedby={ "help-" (id) " err-" (id) } required[required];
            @if let Some(unit) = unit { " " span.unit { (unit.get(lang)) } }
        },
        QuestionKind::ShortText { max_length } => html! {
            input id={ "f-" (id) } name=(id) type="text" maxlength=(max_length) value=(given.as_str().unwrap_or(""))
                aria-describedby={ "help-" (id) " err-" (id) } required[required];
        },
        QuestionKind::LongText { max_length } => html! {
            textarea id={ "f-" (id) } name=(id) rows="5" maxlength=(max_length)
                aria-describedby={ "help-" (id) " err-" (id) } required[required] { (given.as_str().unwrap_or("")) }
        },
        QuestionKind::Matrix {
            scale,
            items,
            randomize,
        } => html! {
            @for item in display_order(items, *randomize, |_| false, rng) {
                @let name = format!("{id}.{}", item.id().as_str());
                fieldset.item {
                    legend { (item.text().get(lang)) }
                    (scale_row(id, &name, scale, lang, given.get(item.id().as_str()).unwrap_or(&Json::Null)))
                }
            }
        },
        QuestionKind::Ranking {
            options,
            top,
            randomize,
        } => {
            let ranks = options.len().min(*top as usize);
            let order: Vec<&str> = given
                .as_array()
                .map(|a| a.iter().filter_map(Json::as_str).collect())
                .unwrap_or_default();
            html! {
                @for option in display_order(options, *randomize, ChoiceOption::fixed, rng) {
                    @let name = format!("{id}.{}", option.id().as_str());
                    @let rank = order.iter().position(|o| *o == option.id().as_str()).map(|p| p + 1);
                    label.rank {
                        select name=(name) {
                            option value="" { "—" }
                            @for r in 1..=ranks {
                                option value=(r) selected[rank == Some(r)] { (r) }
                            }
                        }
                        " " (option.label().get(lang))
                    }
                }
            }
        }
    }
}

fn choice_list(id: &str, kind: &str, choices: &Choices, lang: &Lang, given: &Json, rng: &mut impl rand::Rng) -> Markup {
    let chosen: Vec<&Json> = match given {
        Json::Array(items) => items.iter().collect(),
        Json::Null => Vec::new(),
        one => vec![one],
    };
    let picked = |option: &str| chosen.iter().any(|c| c.as_str() == Some(option));
    let other_text = chosen.iter().find_map(|c| c.get("other").and_then(Json::as_str));
    html! {
        div.choices {
            @for option in choices.display_order(rng) {
                label.choice {
                    input type=(kind) name=(id) value=(option.id().as_str()) checked[picked(option.id().as_str())]
                        data-exclusive[option.exclusive()];
                    " " (option.label().get(lang))
                }
            }
            @if let Some(other) = choices.other() {
                label.choice {
                    input type=(kind) name=(id) value=(OTHER) checked[other_text.is_some()];
                    " " (other.label().get(lang))
                }
                input.other type="text" name={ (id) ".other" } maxlength=(other.max_length())
                    aria-label=(other.label().get(lang)) value=(other_text.unwrap_or(""));
            }
        }
    }
}

fn scale_row(question: &str, name: &str, scale: &Scale, lang: &Lang, given: &Json) -> Markup {
    html! {
        div.scale data-for=(question) {
            @for (i, label) in scale.labels().iter().enumerate() {
                @let point = i + 1;
                label.point {
                    input type="radio" name=(name) value=(point) checked[given.as_u64() == Some(point as u64)];
                    span { (label.get(lang)) }
                }
            }
            @if let Some(na) = scale.not_applicable() {
                label.point.na {
                    input type="radio" name=(name) value=(NOT_APPLICABLE) checked[given.as_str() == Some(NOT_APPLICABLE)];
                    span { (na.get(lang)) }
                }
            }
        }
    }
}

fn number_text(given: &Json) -> String {
    match given {
        Json::Number(n) => n.to_string(),
        Json::String(s) => s.clone(),
        _ => String::new(),
    }
}

/// The answers JSON from submitted form fields (the fallback without script). Hidden questions are
/// not hidden without a script, so an answer to a question whose condition does not hold is dropped
/// rather than refused.
pub fn answers_from_fields(q: &Questionnaire, fields: &[(String, String)]) -> Json {
    let values = |name: &str| -> Vec<&str> {
        fields
            .iter()
            .filter(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
            .collect()
    };
    let first = |name: &str| values(name).first().map(|v| v.to_string());
    let mut answers = Map::new();
    for question in q.questions() {
        let id = question.id().as_str();
        let choice = |v: &str| {
            if v == OTHER {
                json!({ "other": first(&format!("{id}.other")).unwrap_or_default() })
            } else {
                json!(v)
            }
        };
        let point = |v: &str| v.parse::<u64>().map_or_else(|_| json!(v), |n| json!(n));
        let value = match question.kind() {
            QuestionKind::SingleChoice(_) => first(id).map(|v| choice(&v)),
            QuestionKind::MultipleChoice { .. } => {
                let picked: Vec<Json> = values(id).into_iter().map(choice).collect();
                (!picked.is_empty()).then_some(Json::Array(picked))
            }
            QuestionKind::Likert { .. } | QuestionKind::Rating { .. } => first(id).map(|v| point(&v)),
            QuestionKind::Number { .. } => first(id).map(|v| {
                let v = v.trim().replace(',', ".");
                serde_json::from_str::<serde_json::Number>(&v).map_or_else(|_| json!(v), Json::Number)
            }),
            QuestionKind::ShortText { .. } | QuestionKind::LongText { .. } => first(id).map(Json::String),
            QuestionKind::Matrix { items, .. } => {
                let rows: Map<String, Json> = items
                    .iter()
                    .filter_map(|item| {
                        let v = first(&format!("{id}.{}", item.id().as_str()))?;
                        Some((item.id().as_str().to_owned(), point(&v)))
                    })
                    .collect();
                (!rows.is_empty()).then_some(Json::Object(rows))
            }
            QuestionKind::Ranking { options, .. } => {
                let mut ranked: Vec<(u64, &str)> = options
                    .iter()
                    .filter_map(|o| {
                        let rank = first(&format!("{id}.{}", o.id().as_str()))?.parse().ok()?;
                        Some((rank, o.id().as_str()))
                    })
                    .collect();
                ranked.sort_unstable();
                (!ranked.is_empty()).then(|| json!(ranked.into_iter().map(|(_, o)| o).collect::<Vec<_>>()))
            }
        };
        if let Some(value) = value {
            answers.insert(id.to_owned(), value);
        }
    }
    // Drop what a script would have hidden: answers to questions whose condition does not hold.
    let draft = q.draft_answers(&Json::Object(answers.clone()));
    answers.retain(|id, _| {
        q.question(id)
            .and_then(Question::show_if)
            .is_none_or(|c| c.holds(&|qid| draft.get(qid)))
    });
    Json::Object(answers)
}
