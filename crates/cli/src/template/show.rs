//! A questionnaire as readable text in a terminal, in one language.

use std::fmt::Write;

use survey_i18n::t;

use survey_design::{Comparison, Condition, Lang, Operand, Question, QuestionKind, Questionnaire, Scale, Text};

/// Words of the layout itself, which templates do not carry.
struct Words {
    required: String,
    optional: String,
    shown_if: String,
    anonymity: String,
    topics: String,
    other: String,
    randomized: String,
    choose: String,
    rank: String,
    characters: String,
    reverse: String,
    favourable: String,
}

impl Words {
    fn new(l: &Lang) -> Self {
        Self {
            required: t!(l, "show-required"),
            optional: t!(l, "show-optional"),
            shown_if: t!(l, "show-shown-if"),
            anonymity: t!(l, "show-anonymity"),
            topics: t!(l, "show-topics"),
            other: t!(l, "show-other"),
            randomized: t!(l, "show-randomized"),
            choose: t!(l, "show-choose"),
            rank: t!(l, "show-rank"),
            characters: t!(l, "show-characters"),
            reverse: t!(l, "show-reverse"),
            favourable: t!(l, "show-favourable"),
        }
    }
}

pub fn render(q: &Questionnaire, lang: &Lang) -> String {
    let lang = q.language_or_default(lang);
    let w = &Words::new(lang);
    let t = |text: &Text| text.get(lang).to_owned();
    let langs: Vec<&str> = q.languages().iter().map(Lang::as_str).collect();
    let mut out = String::new();
    let _ = writeln!(out, "{}", t(q.title()));
    let _ = writeln!(out, "[{} v{} · {}]\n", q.id(), q.version(), langs.join(", "));
    if let Some(intro) = q.introduction() {
        let _ = writeln!(out, "{}\n", t(intro));
    }
    let _ = writeln!(out, "{}\n{}\n", w.anonymity, indent(&t(q.anonymity_statement()), 2));

    let mut number = 0;
    for (i, section) in q.sections().iter().enumerate() {
        let heading = format!("── {}. {} ({}) ", i + 1, t(section.title()), section.id());
        let _ = writeln!(
            out,
            "{heading}{}",
            "─".repeat(72usize.saturating_sub(heading.chars().count()))
        );
        if let Some(d) = section.description() {
            let _ = writeln!(out, "{}", indent(&t(d), 2));
        }
        out.push('\n');
        for question in section.questions() {
            number += 1;
            question_block(&mut out, number, question, lang, w);
        }
    }
    if let Some(thanks) = q.thanks() {
        let _ = writeln!(out, "{}", t(thanks));
    }
    out
}

fn question_block(out: &mut String, number: usize, question: &Question, lang: &Lang, w: &Words) {
    let t = |text: &Text| text.get(lang).to_owned();
    let need = if question.required() { &w.required } else { &w.optional };
    let _ = writeln!(
        out,
        "Q{number} [{}] {} · {need}",
        question.id(),
        question.kind().type_name()
    );
    let _ = writeln!(out, "{}", indent(&t(question.text()), 2));
    if let Some(help) = question.help() {
        let _ = writeln!(out, "{}", indent(&format!("({})", t(help)), 2));
    }
    if let Some(condition) = question.show_if() {
        let _ = writeln!(out, "  {}: {}", w.shown_if, condition_text(condition));
    }
    if !question.topics().is_empty() {
        let topics: Vec<&str> = question.topics().iter().map(|t| t.as_str()).collect();
        let _ = writeln!(out, "  {}: {}", w.topics, topics.join(", "));
    }
    match question.kind() {
        QuestionKind::SingleChoice(c) | QuestionKind::MultipleChoice { choices: c, .. } => {
            let mark = if matches!(question.kind(), QuestionKind::SingleChoice(_)) {
                "○"
            } else {
                "□"
            };
            for o in c.options() {
                let _ = writeln!(out, "    {mark} {:<14} {}", o.id().as_str(), t(o.label()));
            }
            if let Some(other) = c.other() {
                let _ = writeln!(out, "    {mark} {:<14} {} — {}", "other", t(other.label()), w.other);
            }
            if let QuestionKind::MultipleChoice { min, max, .. } = question.kind() {
                let _ = writeln!(out, "    {}: {min}–{max}", w.choose);
            }
            if c.randomize() {
                let _ = writeln!(out, "    ({})", w.randomized);
            }
        }
        QuestionKind::Likert { scale, reverse } => {
            scale_lines(out, scale, lang, w);
            if *reverse {
                let _ = writeln!(out, "    ({})", w.reverse);
            }
        }
        QuestionKind::Rating { low_label, high_label } => {
            let _ = writeln!(out, "    0 = {} … 10 = {}", t(low_label), t(high_label));
        }
        QuestionKind::Number { min, max, unit, .. } => {
            let bound = |b: &Option<survey_design::Decimal>| b.map_or("…".to_owned(), |d| d.to_string());
            let unit = unit.as_ref().map(|u| format!(" {}", t(u))).unwrap_or_default();
            let _ = writeln!(out, "    {} – {}{unit}", bound(min), bound(max));
        }
        QuestionKind::ShortText { max_length } | QuestionKind::LongText { max_length } => {
            let _ = writeln!(out, "    ＿＿＿ ({max_length} {})", w.characters);
        }
        QuestionKind::Matrix { scale, items, .. } => {
            for item in items {
                let reverse = if item.reverse() {
                    format!(" ({})", w.reverse)
                } else {
                    String::new()
                };
                let _ = writeln!(out, "    - {:<14} {}{reverse}", item.id().as_str(), t(item.text()));
            }
            scale_lines(out, scale, lang, w);
        }
        QuestionKind::Ranking { options, top, .. } => {
            for o in options {
                let _ = writeln!(out, "    # {:<14} {}", o.id().as_str(), t(o.label()));
            }
            let _ = writeln!(out, "    {}: {top}", w.rank);
        }
    }
    out.push('\n');
}

fn scale_lines(out: &mut String, scale: &Scale, lang: &Lang, w: &Words) {
    let labels: Vec<String> = scale
        .labels()
        .iter()
        .enumerate()
        .map(|(i, l)| format!("{}={}", i + 1, l.get(lang)))
        .collect();
    let _ = writeln!(out, "    {}", labels.join(" / "));
    if let Some(na) = scale.not_applicable() {
        let _ = writeln!(out, "    n/a={}", na.get(lang));
    }
    let favourable: Vec<String> = scale.favourable().iter().map(u8::to_string).collect();
    let _ = writeln!(out, "    {}: {}", w.favourable, favourable.join(", "));
}

fn condition_text(c: &Condition) -> String {
    let operand = |o: &Operand| match o {
        Operand::Option(id) => id.to_string(),
        Operand::Number(n) => n.to_string(),
    };
    match c {
        Condition::Equals { question, value } => format!("{question} = {}", operand(value)),
        Condition::OneOf { question, values } => {
            format!(
                "{question} ∈ {{{}}}",
                values.iter().map(operand).collect::<Vec<_>>().join(", ")
            )
        }
        Condition::Compare { question, op, value } => {
            let symbol = match op {
                Comparison::Gt => ">",
                Comparison::Gte => "≥",
                Comparison::Lt => "<",
                Comparison::Lte => "≤",
            };
            format!("{question} {symbol} {value}")
        }
        Condition::Not(inner) => format!("not ({})", condition_text(inner)),
        Condition::And(all) => all
            .iter()
            .map(|c| format!("({})", condition_text(c)))
            .collect::<Vec<_>>()
            .join(" and "),
        Condition::Or(any) => any
            .iter()
            .map(|c| format!("({})", condition_text(c)))
            .collect::<Vec<_>>()
            .join(" or "),
    }
}

fn indent(text: &str, by: usize) -> String {
    let pad = " ".repeat(by);
    text.lines()
        .map(|l| format!("{pad}{}", l.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}
