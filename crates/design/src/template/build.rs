//! Builds a [`Questionnaire`] from the spanned tree, checking every rule of the template format.

use std::collections::{BTreeMap, HashMap};

use super::Problem;
use super::reader::{Problems, Table, closest, list};
use super::source::{Node, Span, Value};
use crate::condition::{Comparison, Condition, Operand};
use crate::id::{IdError, ItemId, OptionId, QuestionId, QuestionnaireId, SectionId, TopicId};
use crate::questionnaire::{
    ChoiceOption, Choices, Decimal, MatrixItem, Other, Question, QuestionIndex, QuestionKind, Questionnaire, Scale,
    Section, Topic,
};
use crate::text::{Lang, Text};

const QUESTION_TYPES: [&str; 9] = [
    "single_choice",
    "multiple_choice",
    "likert",
    "rating",
    "number",
    "short_text",
    "long_text",
    "matrix",
    "ranking",
];
/// Longest free text a template may allow; a respondent's essay fits, a pasted document does not.
const MAX_TEXT_LENGTH: u32 = 20_000;
const DEFAULT_SHORT_TEXT: u32 = 200;
const DEFAULT_LONG_TEXT: u32 = 2_000;
const DEFAULT_OTHER_TEXT: u32 = 200;
const MAX_DECIMALS: u32 = 6;

pub(super) fn build(root: &Node, source: &str) -> Result<Questionnaire, Vec<Problem>> {
    let mut loader = Loader {
        source,
        ..Loader::default()
    };
    let questionnaire = loader.questionnaire(root);
    match questionnaire {
        Some(q) if loader.problems.0.is_empty() => Ok(q),
        _ => Err(loader.problems.0),
    }
}

#[derive(Default)]
struct Loader<'t> {
    /// The template's text, to point into a string at the character a problem is about.
    source: &'t str,
    problems: Problems,
    languages: Vec<Lang>,
    fallback: Option<Lang>,
    topics: Vec<TopicId>,
    scales: BTreeMap<String, Option<Scale>>,
}

/// A list of tables with ids, as [`Loader::id_list`] reads it.
struct ListOf {
    key: &'static str,
    noun: &'static str,
    when_empty: &'static str,
}

const OPTIONS: ListOf = ListOf {
    key: "options",
    noun: "option",
    when_empty: "has an empty option list",
};
const ITEMS: ListOf = ListOf {
    key: "items",
    noun: "item",
    when_empty: "has no items",
};

/// A section read in the first pass, with its questions still to be resolved.
struct SectionDraft<'a> {
    shell: Option<Section>,
    questions: Vec<Draft<'a>>,
}

/// A question read in the first pass; its condition is resolved once every question is known.
struct Draft<'a> {
    question: Question,
    id_span: Span,
    show_if: Option<&'a Node>,
}

impl Loader<'_> {
    fn questionnaire(&mut self, root: &Node) -> Option<Questionnaire> {
        let top = self.problems.table(root, "the questionnaire")?;
        let id = top
            .require(
                "id",
                &mut self.problems,
                "add `id = \"…\"`, e.g. `id = \"alumni_network_opinion\"`",
            )
            .and_then(|n| self.id(n, QuestionnaireId::parse));
        let version = top
            .require(
                "version",
                &mut self.problems,
                "add `version = 1` and raise it when the questions change",
            )
            .and_then(|n| self.problems.count(n, "`version`", 1..=u32::MAX));
        self.languages(&top);
        let title = self.required_text(&top, "title", "the questionnaire's title");
        let introduction = self.optional_text(&top, "introduction");
        let anonymity_statement = self.required_text(
            &top,
            "anonymity_statement",
            "what the firm and the company can and cannot see",
        );
        let thanks = self.optional_text(&top, "thanks");
        let topics = self.topics(&top);
        self.scales(&top);
        let sections = self.sections(&top);
        if anonymity_statement.is_some()
            && let Some(node) = top.get("anonymity_statement")
        {
            let comments = sections.as_ref().is_some_and(|sections| {
                sections
                    .iter()
                    .flat_map(|s| &s.questions)
                    .any(|q| matches!(q.kind, QuestionKind::LongText { .. }))
            });
            self.statement_thresholds(node, comments);
        }
        top.finish(&mut self.problems);

        let sections = sections?;
        Some(Questionnaire {
            id: id?,
            version: version?,
            languages: self.languages.clone(),
            default_language: self.fallback.clone()?,
            title: title?,
            introduction,
            anonymity_statement: anonymity_statement?,
            thanks,
            topics: topics?,
            index: QuestionIndex::of(&sections),
            sections,
        })
    }

    fn id<T>(&mut self, node: &Node, parse: fn(&str) -> Result<T, IdError>) -> Option<T> {
        let s = self.problems.string(node)?;
        parse(s)
            .map_err(|e| {
                self.problems
                    .report(&node.span, e.to_string(), Some("for example `support_overall`".into()))
            })
            .ok()
    }

    fn languages(&mut self, top: &Table<'_>) {
        let hint = "add `languages = [\"ja\", \"en\"]`: every text is then given in these languages";
        if let Some(node) = top.require("languages", &mut self.problems, hint)
            && let Some(items) = self.problems.array(node)
        {
            if items.is_empty() {
                self.problems
                    .report(&node.span, "`languages` is empty", Some(hint.into()));
            }
            for item in items {
                let Some(s) = self.problems.string(item) else { continue };
                match Lang::parse(s) {
                    Ok(lang) if self.languages.contains(&lang) => {
                        self.problems
                            .report(&item.span, format!("language `{lang}` is listed twice"), None);
                    }
                    Ok(lang) => self.languages.push(lang),
                    Err(e) => self.problems.report(&item.span, e.to_string(), None),
                }
            }
        }
        let hint = "add `default_language = \"ja\"`: it is shown when a respondent's language is not offered";
        if let Some(node) = top.require("default_language", &mut self.problems, hint)
            && let Some(s) = self.problems.string(node)
        {
            match Lang::parse(s) {
                Ok(lang) if self.languages.contains(&lang) => self.fallback = Some(lang),
                Ok(lang) => self.problems.report(
                    &node.span,
                    format!("the default language `{lang}` is not one of `languages`"),
                    Some(format!(
                        "add `{lang}` to `languages` or choose one of {}",
                        self.language_list()
                    )),
                ),
                Err(e) => self.problems.report(&node.span, e.to_string(), None),
            }
        }
    }

    fn language_list(&self) -> String {
        list(self.languages.iter().map(Lang::as_str))
    }

    fn text_hint(&self) -> String {
        let langs = if self.languages.is_empty() {
            vec![Lang::parse("ja").ok(), Lang::parse("en").ok()]
                .into_iter()
                .flatten()
                .collect()
        } else {
            self.languages.clone()
        };
        let pairs: Vec<String> = langs.iter().map(|l| format!("{l} = \"…\"")).collect();
        format!("{{ {} }}", pairs.join(", "))
    }

    /// A localised text: an inline table with exactly the declared languages.
    fn text(&mut self, node: &Node) -> Option<Text> {
        let Value::Table(entries) = &node.value else {
            self.problems.report(
                &node.span,
                format!("expected a localised text, found {}", node.value.kind()),
                Some(format!("write the text in every language: `{}`", self.text_hint())),
            );
            return None;
        };
        let mut by_lang = BTreeMap::new();
        let mut ok = true;
        for entry in entries {
            let lang = match Lang::parse(&entry.key) {
                Ok(lang) if self.languages.contains(&lang) => lang,
                Ok(lang) => {
                    // Without a valid `languages` list, the missing list is reported once, there.
                    if !self.languages.is_empty() {
                        self.problems.report(
                            &entry.key_span,
                            format!("language `{lang}` is not declared in `languages`"),
                            Some(format!(
                                "add it to `languages` or remove this text; declared: {}",
                                self.language_list()
                            )),
                        );
                    }
                    ok = false;
                    continue;
                }
                Err(e) => {
                    self.problems.report(&entry.key_span, e.to_string(), None);
                    ok = false;
                    continue;
                }
            };
            match &entry.node.value {
                Value::Str(s) if !s.trim().is_empty() => {
                    by_lang.insert(lang, s.clone());
                }
                Value::Str(_) => {
                    self.problems
                        .report(&entry.node.span, format!("the `{lang}` text is empty"), None);
                    ok = false;
                }
                _ => {
                    self.problems.expected(&entry.node, "a string");
                    ok = false;
                }
            }
        }
        let missing: Vec<&Lang> = self.languages.iter().filter(|l| !by_lang.contains_key(*l)).collect();
        let reported = missing.iter().any(|l| entries.iter().any(|e| e.key == l.as_str()));
        if !missing.is_empty() && !reported {
            let names = list(missing.iter().map(|l| l.as_str()));
            let first = missing.first().map_or("en", |l| l.as_str());
            self.problems.report(
                &node.span,
                format!("text is missing {names}"),
                Some(format!(
                    "every text needs all languages declared in `languages` ({}): add `{first} = \"…\"`",
                    self.language_list()
                )),
            );
            ok = false;
        }
        let fallback = self.fallback.clone()?;
        (ok && by_lang.contains_key(&fallback)).then(|| Text::new(by_lang, fallback))
    }

    /// The anonymity statement names the survey's thresholds only through `{k}` and, when the
    /// questionnaire asks for comments (a `long_text` question), `{comment_k}`: a number written
    /// in it would not follow the survey's settings (see [`crate::statement`]).
    fn statement_thresholds(&mut self, node: &Node, comments: bool) {
        use crate::statement::{COMMENT_K, K, literal_numbers, placeholders};
        let Value::Table(entries) = &node.value else { return };
        for entry in entries {
            let Value::Str(text) = &entry.node.value else { continue };
            let lang = &entry.key;
            let found = placeholders(text);
            for (span, name) in &found {
                if *name == K || *name == COMMENT_K {
                    continue;
                }
                let hint = match closest(name, [K, COMMENT_K]) {
                    Some(near) => format!("did you mean `{{{near}}}`?"),
                    None => format!(
                        "the placeholders are `{{{K}}}` (the smallest group results are shown for) and \
                         `{{{COMMENT_K}}}` (the fewest respondents comments are shown for)"
                    ),
                };
                let at = self.inside(&entry.node, text, span.clone());
                self.problems.report(
                    &at,
                    format!("unknown placeholder `{{{name}}}` in the `{lang}` anonymity statement"),
                    Some(hint),
                );
            }
            let numbers = literal_numbers(text);
            for span in &numbers {
                let at = self.inside(&entry.node, text, span.clone());
                self.problems.report(
                    &at,
                    format!(
                        "the `{lang}` anonymity statement writes the number `{}` itself",
                        &text[span.clone()]
                    ),
                    Some(format!(
                        "write `{{{K}}}` where the smallest group results are shown for belongs and \
                         `{{{COMMENT_K}}}` where the fewest respondents for comments does: the survey's own \
                         thresholds fill them when the statement is shown, so it never promises other numbers"
                    )),
                );
            }
            let has = |name: &str| found.iter().any(|(_, n)| *n == name);
            let missing: Vec<&str> = [(K, true), (COMMENT_K, comments)]
                .into_iter()
                .filter(|(name, needed)| *needed && !has(name))
                .map(|(name, _)| name)
                .collect();
            // A statement with numbers of its own is told above where the placeholders go.
            if missing.is_empty() || !numbers.is_empty() {
                continue;
            }
            let japanese = Lang::parse(lang).is_ok_and(|l| l.is_japanese());
            let example = |name: &str| match (name == K, japanese) {
                (true, true) => "集計結果は、{k}人以上の回答があるグループについてのみ示します。",
                (true, false) => "Results are shown only for groups of at least {k} respondents.",
                (false, true) => "自由記述は、{comment_k}人以上の回答がある場合にのみ紹介します。",
                (false, false) => "Comments are shown only when at least {comment_k} people have responded.",
            };
            let names = list(missing.iter().map(|n| match *n {
                K => "{k}",
                _ => "{comment_k}",
            }));
            let examples: Vec<&str> = missing.iter().map(|n| example(n)).collect();
            self.problems.report(
                &entry.node.span,
                format!("the `{lang}` anonymity statement does not name the survey's thresholds: it lacks {names}"),
                Some(format!(
                    "add, for example, `{}` ({} the survey's own threshold when shown{})",
                    examples.join(" "),
                    if missing.len() == 1 {
                        "it is filled with"
                    } else {
                        "they are filled with"
                    },
                    if comments && missing.contains(&COMMENT_K) {
                        "; the questionnaire asks for comments, so the statement says when they are shown"
                    } else {
                        ""
                    }
                )),
            );
        }
    }

    /// The span of `part` of a string's parsed `text`, found in the template where the string is
    /// written; the whole string when escapes or line continuations leave it ambiguous.
    fn inside(&self, node: &Node, text: &str, part: std::ops::Range<usize>) -> Span {
        let needle = &text[part.clone()];
        let raw = self.source.get(node.span.clone()).unwrap_or("");
        let nth = text[..part.start].matches(needle).count();
        let same_count = raw.matches(needle).count() == text.matches(needle).count();
        match raw.match_indices(needle).nth(nth) {
            Some((offset, _)) if same_count => {
                let start = node.span.start + offset;
                start..start + needle.len()
            }
            _ => node.span.clone(),
        }
    }

    fn required_text(&mut self, table: &Table<'_>, key: &'static str, meaning: &str) -> Option<Text> {
        let hint = format!("add `{key} = {}`: {meaning}", self.text_hint());
        let node = table.require(key, &mut self.problems, hint)?;
        self.text(node)
    }

    fn optional_text(&mut self, table: &Table<'_>, key: &'static str) -> Option<Text> {
        table.get(key).and_then(|node| self.text(node))
    }

    fn flag(&mut self, table: &Table<'_>, key: &'static str) -> bool {
        table.get(key).and_then(|n| self.problems.boolean(n)).unwrap_or(false)
    }

    fn topics(&mut self, top: &Table<'_>) -> Option<Vec<Topic>> {
        let Some(node) = top.get("topics") else {
            return Some(Vec::new());
        };
        let table = self.problems.table(node, "`topics`")?;
        let mut topics = Vec::new();
        for entry in table.entries() {
            let id = TopicId::parse(&entry.key)
                .map_err(|e| self.problems.report(&entry.key_span, e.to_string(), None))
                .ok();
            let Some(t) = self.problems.table(&entry.node, format!("topic `{}`", entry.key)) else {
                continue;
            };
            let label = self.required_text(&t, "label", "the topic's name in reports");
            t.finish(&mut self.problems);
            if let (Some(id), Some(label)) = (id, label) {
                self.topics.push(id.clone());
                topics.push(Topic { id, label });
            }
        }
        Some(topics)
    }

    fn topic_tags(&mut self, table: &Table<'_>) -> Vec<TopicId> {
        let Some(node) = table.get("topics") else {
            return Vec::new();
        };
        let Some(items) = self.problems.array(node) else {
            return Vec::new();
        };
        let mut tags = Vec::new();
        for item in items {
            let Some(name) = self.problems.string(item) else {
                continue;
            };
            match self.topics.iter().find(|t| t.as_str() == name) {
                Some(t) => tags.push(t.clone()),
                None => {
                    let hint = match closest(name, self.topics.iter().map(TopicId::as_str)) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => format!("declare it with `[topics.{name}]` and a `label`"),
                    };
                    self.problems
                        .report(&item.span, format!("unknown topic `{name}`"), Some(hint));
                }
            }
        }
        tags
    }

    fn scales(&mut self, top: &Table<'_>) {
        let Some(node) = top.get("scales") else { return };
        let Some(table) = self.problems.table(node, "`scales`") else {
            return;
        };
        for entry in table.entries() {
            if let Err(e) = crate::id::check_id(&entry.key) {
                self.problems
                    .report(&entry.key_span, e.to_string().replace("identifier", "scale name"), None);
            }
            let scale = self.scale(&entry.node, format!("scale `{}`", entry.key), Some(entry.key.clone()));
            self.scales.insert(entry.key.clone(), scale);
        }
    }

    fn scale(&mut self, node: &Node, what: String, name: Option<String>) -> Option<Scale> {
        let t = self.problems.table(node, what)?;
        let points = t
            .require("points", &mut self.problems, "add `points = 5` (or 7)")
            .and_then(|n| {
                let p = self.problems.integer(n)?;
                match p {
                    5 | 7 => Some(p as u8),
                    _ => {
                        self.problems.report(
                            &n.span,
                            format!("a scale has 5 or 7 points, not {p}"),
                            Some("use `points = 5` or `points = 7`".into()),
                        );
                        None
                    }
                }
            });
        let labels_hint = format!(
            "add `labels = [ … ]` with one text per point, lowest first, e.g. `{}`",
            self.text_hint()
        );
        let labels = match t.get("labels") {
            None => {
                self.problems
                    .report(&t.span, format!("{} has no labels", t.what), Some(labels_hint));
                None
            }
            Some(n) => self.problems.array(n).and_then(|items| {
                if items.is_empty() {
                    self.problems
                        .report(&n.span, format!("{} has no labels", t.what), Some(labels_hint));
                    return None;
                }
                let labels: Vec<Option<Text>> = items.iter().map(|i| self.text(i)).collect();
                if let Some(p) = points
                    && labels.len() != usize::from(p)
                {
                    self.problems.report(
                        &n.span,
                        format!("{} has {p} points but {} labels", t.what, labels.len()),
                        Some("give exactly one label per point, lowest first".into()),
                    );
                    return None;
                }
                labels.into_iter().collect::<Option<Vec<_>>>()
            }),
        };
        let favourable = match (t.get("favourable"), points) {
            (None, Some(p)) => Some(vec![p - 1, p]),
            (None, None) => None,
            (Some(n), points) => self.problems.array(n).and_then(|items| {
                if items.is_empty() {
                    self.problems.report(
                        &n.span,
                        "`favourable` is empty",
                        Some("list the points that count as favourable, e.g. `[4, 5]`".into()),
                    );
                }
                let mut favourable = Vec::new();
                for item in items {
                    let p = self.problems.integer(item)?;
                    match points {
                        Some(max) if (1..=i64::from(max)).contains(&p) => favourable.push(p as u8),
                        Some(max) => {
                            self.problems.report(
                                &item.span,
                                format!("favourable point {p} is not on the scale (1 to {max})"),
                                None,
                            );
                        }
                        None => {}
                    }
                }
                Some(favourable)
            }),
        };
        let not_applicable = self.optional_text(&t, "not_applicable");
        t.finish(&mut self.problems);
        Some(Scale {
            name,
            labels: labels?,
            favourable: favourable?,
            not_applicable,
        })
    }

    /// `scale = "name"` or an inline scale.
    fn scale_ref(&mut self, node: &Node, question: &QuestionId) -> Option<Scale> {
        match &node.value {
            Value::Str(name) => match self.scales.get(name) {
                Some(scale) => scale.clone(),
                None => {
                    let hint = match closest(name, self.scales.keys().map(String::as_str)) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => format!("declare it with `[scales.{name}]`, or write the scale inline"),
                    };
                    self.problems
                        .report(&node.span, format!("unknown scale `{name}`"), Some(hint));
                    None
                }
            },
            _ => self.scale(node, format!("the scale of question `{question}`"), None),
        }
    }

    fn sections(&mut self, top: &Table<'_>) -> Option<Vec<Section>> {
        let hint = "add a `[[sections]]` with an `id`, a `title` and `[[sections.questions]]`";
        let node = top.require("sections", &mut self.problems, hint)?;
        let items = self.problems.array(node)?;
        if items.is_empty() {
            self.problems
                .report(&node.span, "the questionnaire has no sections", Some(hint.into()));
        }
        let mut seen_sections: HashMap<String, Span> = HashMap::new();
        let mut sections = Vec::new();
        // Section shells with the questions' drafts, so conditions can be resolved across sections.
        let mut drafts: Vec<SectionDraft<'_>> = Vec::new();
        for item in items {
            let Some(mut t) = self.problems.table(item, "section") else {
                continue;
            };
            let id_node = t.require("id", &mut self.problems, "add `id = \"…\"`");
            let id = id_node.and_then(|n| self.id(n, SectionId::parse));
            if let (Some(id), Some(n)) = (&id, id_node) {
                t.what = format!("section `{id}`");
                if let Some(first) = seen_sections.insert(id.to_string(), n.span.clone()) {
                    self.duplicate(&n.span, "section", id.as_str(), &first);
                }
            }
            let title = self.required_text(&t, "title", "the page's heading");
            let description = self.optional_text(&t, "description");
            let questions = self.questions(&t);
            t.finish(&mut self.problems);
            let shell = match (id, title) {
                (Some(id), Some(title)) => Some(Section {
                    id,
                    title,
                    description,
                    questions: Vec::new(),
                }),
                _ => None,
            };
            drafts.push(SectionDraft { shell, questions });
        }

        // Second pass: every question is known, so conditions can name them.
        let mut order: HashMap<String, (usize, QuestionKind)> = HashMap::new();
        let mut first_seen: HashMap<String, Span> = HashMap::new();
        for (position, draft) in drafts.iter().flat_map(|d| &d.questions).enumerate() {
            let id = draft.question.id.to_string();
            if let Some(first) = first_seen.get(&id) {
                let first = first.clone();
                self.duplicate(&draft.id_span, "question", &id, &first);
            } else {
                first_seen.insert(id.clone(), draft.id_span.clone());
                order.insert(id, (position, draft.question.kind.clone()));
            }
        }
        let mut position = 0;
        for SectionDraft { shell, questions } in drafts {
            let mut resolved = Vec::new();
            for mut draft in questions {
                if let Some(node) = draft.show_if {
                    let what = format!("the condition of question `{}`", draft.question.id);
                    draft.question.show_if = self.condition(node, &what, &order, position);
                }
                position += 1;
                resolved.push(draft.question);
            }
            if let Some(section) = shell {
                sections.push(Section {
                    questions: resolved,
                    ..section
                });
            }
        }
        Some(sections)
    }

    fn duplicate(&mut self, span: &Span, what: &str, id: &str, first: &Span) {
        self.problems.0.push(Problem {
            span: span.clone(),
            message: format!("duplicate {what} id `{id}`"),
            hint: Some(format!("ids must be unique; rename this one or the first `{id}`")),
            related: Some(first.clone()),
        });
    }

    fn questions<'a>(&mut self, section: &Table<'a>) -> Vec<Draft<'a>> {
        let hint = "add `[[sections.questions]]` tables";
        let Some(node) = section.require("questions", &mut self.problems, hint) else {
            return Vec::new();
        };
        let Some(items) = self.problems.array(node) else {
            return Vec::new();
        };
        if items.is_empty() {
            self.problems.report(
                &node.span,
                format!("{} has no questions", section.what),
                Some(hint.into()),
            );
        }
        items.iter().filter_map(|item| self.question(item)).collect()
    }

    fn question<'a>(&mut self, node: &'a Node) -> Option<Draft<'a>> {
        let mut t = self.problems.table(node, "question")?;
        let id_node = t.require(
            "id",
            &mut self.problems,
            "add `id = \"…\"`, unique in the questionnaire",
        );
        let id = id_node.and_then(|n| self.id(n, QuestionId::parse));
        if let Some(id) = &id {
            t.what = format!("question `{id}`");
        }
        let type_hint = format!("add `type = \"…\"`, one of {}", list(QUESTION_TYPES));
        let type_node = t.require("type", &mut self.problems, type_hint);
        let text = self.required_text(&t, "text", "the question as the respondent reads it");
        let help = self.optional_text(&t, "help");
        let required = self.flag(&t, "required");
        let topics = self.topic_tags(&t);
        let show_if = t.get("show_if");

        let kind_name = type_node.and_then(|n| self.problems.string(n).map(|s| (s, n)));
        let kind = match kind_name {
            Some((name, n)) if !QUESTION_TYPES.contains(&name) => {
                let hint = match closest(name, QUESTION_TYPES) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("use one of {}", list(QUESTION_TYPES)),
                };
                self.problems
                    .report(&n.span, format!("unknown question type `{name}`"), Some(hint));
                // Its keys depend on the type, so they cannot be checked.
                return None;
            }
            Some((name, _)) => self.kind(name, &t, id.as_ref()),
            None => return None,
        };
        t.finish(&mut self.problems);
        Some(Draft {
            question: Question {
                id: id?,
                text: text?,
                help,
                required,
                topics,
                show_if: None,
                kind: kind?,
            },
            id_span: id_node.map(|n| n.span.clone())?,
            show_if,
        })
    }

    fn kind(&mut self, name: &str, t: &Table<'_>, id: Option<&QuestionId>) -> Option<QuestionKind> {
        let fallback_id = QuestionId::parse("question").ok()?;
        let id = id.unwrap_or(&fallback_id);
        Some(match name {
            "single_choice" => QuestionKind::SingleChoice(self.choices(t, false)?),
            "multiple_choice" => self.multiple_choice(t)?,
            "likert" => {
                let scale = t.require(
                    "scale",
                    &mut self.problems,
                    "add `scale = \"NAME\"` naming a `[scales.NAME]`, or an inline scale",
                );
                let reverse = self.flag(t, "reverse");
                QuestionKind::Likert {
                    scale: scale.and_then(|n| self.scale_ref(n, id))?,
                    reverse,
                }
            }
            "rating" => {
                let low = self.required_text(t, "low_label", "the label of 0");
                let high = self.required_text(t, "high_label", "the label of 10");
                QuestionKind::Rating {
                    low_label: low?,
                    high_label: high?,
                }
            }
            "number" => self.number(t)?,
            "short_text" => QuestionKind::ShortText {
                max_length: self.max_length(t, DEFAULT_SHORT_TEXT)?,
            },
            "long_text" => QuestionKind::LongText {
                max_length: self.max_length(t, DEFAULT_LONG_TEXT)?,
            },
            "matrix" => {
                let scale = t.require(
                    "scale",
                    &mut self.problems,
                    "add `scale = \"NAME\"` naming a `[scales.NAME]`, or an inline scale",
                );
                let scale = scale.and_then(|n| self.scale_ref(n, id));
                let items = self.items(t);
                let randomize = self.flag(t, "randomize");
                QuestionKind::Matrix {
                    scale: scale?,
                    items: items?,
                    randomize,
                }
            }
            "ranking" => {
                let options = self.options(t, false)?;
                if options.len() < 2 {
                    self.problems.report(
                        &t.span,
                        format!("{} ranks fewer than two options", t.what),
                        Some("a ranking needs at least two options".into()),
                    );
                    return None;
                }
                let n = options.len() as u32;
                let top = match t.get("top") {
                    None => n,
                    Some(node) => self.problems.count(node, "`top`", 1..=n)?,
                };
                let randomize = self.flag(t, "randomize");
                QuestionKind::Ranking {
                    options,
                    top,
                    randomize,
                }
            }
            _ => return None,
        })
    }

    fn max_length(&mut self, t: &Table<'_>, default: u32) -> Option<u32> {
        match t.get("max_length") {
            None => Some(default),
            Some(n) => self.problems.count(n, "`max_length`", 1..=MAX_TEXT_LENGTH),
        }
    }

    fn options(&mut self, t: &Table<'_>, multiple: bool) -> Option<Vec<ChoiceOption>> {
        let hint = format!("add `options = [ {{ id = \"…\", label = {} }} ]`", self.text_hint());
        self.id_list(t, &OPTIONS, hint, OptionId::parse, |this, o, id| {
            let label = this.required_text(o, "label", "the option as the respondent reads it");
            let fixed = this.flag(o, "fixed");
            let exclusive = multiple && this.flag(o, "exclusive");
            Some(ChoiceOption {
                id: id?,
                label: label?,
                fixed,
                exclusive,
            })
        })
    }

    /// A non-empty array of tables under `key`, each with an `id` unique in the list (options, matrix
    /// items); `read` reads the rest of one entry.
    fn id_list<I: std::fmt::Display, T>(
        &mut self,
        t: &Table<'_>,
        &ListOf { key, noun, when_empty }: &ListOf,
        hint: String,
        parse: fn(&str) -> Result<I, IdError>,
        mut read: impl FnMut(&mut Self, &Table<'_>, Option<I>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let node = t.require(key, &mut self.problems, hint.clone())?;
        let items = self.problems.array(node)?;
        if items.is_empty() {
            self.problems
                .report(&node.span, format!("{} {when_empty}", t.what), Some(hint));
            return None;
        }
        let mut seen: HashMap<String, Span> = HashMap::new();
        let mut entries = Vec::new();
        let mut ok = true;
        for item in items {
            let Some(mut entry) = self.problems.table(item, format!("an {noun} of {}", t.what)) else {
                ok = false;
                continue;
            };
            let id_node = entry.require("id", &mut self.problems, "add `id = \"…\"`");
            let id = id_node.and_then(|n| self.id(n, parse));
            if let (Some(id), Some(n)) = (&id, id_node) {
                entry.what = format!("{noun} `{id}` of {}", t.what);
                if let Some(first) = seen.insert(id.to_string(), n.span.clone()) {
                    self.duplicate(&n.span, noun, &id.to_string(), &first);
                    ok = false;
                }
            }
            let read = read(self, &entry, id);
            entry.finish(&mut self.problems);
            match read {
                Some(value) => entries.push(value),
                None => ok = false,
            }
        }
        ok.then_some(entries)
    }

    fn choices(&mut self, t: &Table<'_>, multiple: bool) -> Option<Choices> {
        let options = self.options(t, multiple);
        let other = match t.get("other") {
            None => None,
            Some(node) => {
                let o = self.problems.table(node, format!("the `other` of {}", t.what))?;
                let label = self.required_text(&o, "label", "e.g. \"Other (please specify)\"");
                let max_length = self.max_length(&o, DEFAULT_OTHER_TEXT);
                o.finish(&mut self.problems);
                Some(Other {
                    label: label?,
                    max_length: max_length?,
                })
            }
        };
        let randomize = self.flag(t, "randomize");
        Some(Choices {
            options: options?,
            other,
            randomize,
        })
    }

    fn multiple_choice(&mut self, t: &Table<'_>) -> Option<QuestionKind> {
        let choices = self.choices(t, true);
        let min_node = t.get("min");
        let max_node = t.get("max");
        let choices = choices?;
        let n = choices.options.len() as u32 + u32::from(choices.other.is_some());
        let min = match min_node {
            None => 0,
            Some(node) => self.problems.count(node, "`min`", 0..=u32::MAX)?,
        };
        let max = match max_node {
            None => n,
            Some(node) => {
                let max = self.problems.count(node, "`max`", 1..=u32::MAX)?;
                if max > n {
                    self.problems.report(
                        &node.span,
                        format!("`max` ({max}) is above the number of choices ({n})"),
                        Some(format!("lower `max` to {n} or less, or add options")),
                    );
                    return None;
                }
                max
            }
        };
        if min > max {
            let span = min_node.map_or(&t.span, |n| &n.span);
            self.problems.report(
                span,
                format!("`min` ({min}) is above `max` ({max})"),
                Some("lower `min` or raise `max`".into()),
            );
            return None;
        }
        Some(QuestionKind::MultipleChoice { choices, min, max })
    }

    fn number(&mut self, t: &Table<'_>) -> Option<QuestionKind> {
        let decimals = match t.get("decimals") {
            None => 0,
            Some(n) => self.problems.count(n, "`decimals`", 0..=MAX_DECIMALS)? as u8,
        };
        let bound = |key: &'static str, this: &mut Self| -> Result<Option<(Decimal, Span)>, ()> {
            let Some(node) = t.get(key) else { return Ok(None) };
            let value = this.problems.number(node).ok_or(())?;
            match Decimal::from_f64(value, decimals) {
                Some(d) => Ok(Some((d, node.span.clone()))),
                None => {
                    this.problems.report(
                        &node.span,
                        format!("`{key}` has more decimals than `decimals` ({decimals}) allows, or is too large"),
                        None,
                    );
                    Err(())
                }
            }
        };
        let min = bound("min", self);
        let max = bound("max", self);
        let unit = self.optional_text(t, "unit");
        let (Ok(min), Ok(max)) = (min, max) else { return None };
        if let (Some((lo, span)), Some((hi, _))) = (&min, &max)
            && lo.to_f64() > hi.to_f64()
        {
            self.problems.report(
                span,
                format!("`min` ({lo}) is above `max` ({hi})"),
                Some("lower `min` or raise `max`".into()),
            );
            return None;
        }
        Some(QuestionKind::Number {
            min: min.map(|m| m.0),
            max: max.map(|m| m.0),
            decimals,
            unit,
        })
    }

    fn items(&mut self, t: &Table<'_>) -> Option<Vec<MatrixItem>> {
        let hint = format!("add `items = [ {{ id = \"…\", text = {} }} ]`", self.text_hint());
        self.id_list(t, &ITEMS, hint, ItemId::parse, |this, it, id| {
            let text = this.required_text(it, "text", "the statement as the respondent reads it");
            let reverse = this.flag(it, "reverse");
            let topics = this.topic_tags(it);
            Some(MatrixItem {
                id: id?,
                text: text?,
                reverse,
                topics,
            })
        })
    }

    fn condition(
        &mut self,
        node: &Node,
        what: &str,
        order: &HashMap<String, (usize, QuestionKind)>,
        position: usize,
    ) -> Option<Condition> {
        let t = self.problems.table(node, what.to_owned())?;
        let combinators = [("not", t.get("not")), ("and", t.get("and")), ("or", t.get("or"))];
        let condition = if let Some((key, Some(inner))) = combinators.iter().find(|(_, n)| n.is_some()) {
            match *key {
                "not" => self
                    .condition(inner, what, order, position)
                    .map(|c| Condition::Not(Box::new(c))),
                _ => {
                    let items = self.problems.array(inner)?;
                    if items.is_empty() {
                        self.problems.report(
                            &inner.span,
                            format!("`{key}` has no conditions"),
                            Some("list at least one condition".into()),
                        );
                    }
                    let inner: Option<Vec<Condition>> =
                        items.iter().map(|i| self.condition(i, what, order, position)).collect();
                    let inner = inner.filter(|v| !v.is_empty())?;
                    Some(if *key == "and" {
                        Condition::And(inner)
                    } else {
                        Condition::Or(inner)
                    })
                }
            }
        } else {
            self.leaf(&t, order, position)
        };
        t.finish(&mut self.problems);
        condition
    }

    fn leaf(
        &mut self,
        t: &Table<'_>,
        order: &HashMap<String, (usize, QuestionKind)>,
        position: usize,
    ) -> Option<Condition> {
        let hint = "name an earlier question with `question = \"…\"`, or combine conditions with `not`, `and`, `or`";
        let q_node = t.require("question", &mut self.problems, hint)?;
        let name = self.problems.string(q_node)?;
        let operators = ["equals", "one_of", "gt", "gte", "lt", "lte"];
        let present: Vec<(&str, &Node)> = operators.iter().filter_map(|op| t.get(op).map(|n| (*op, n))).collect();
        let kind = match order.get(name) {
            None => {
                let hint = match closest(name, order.keys().map(String::as_str)) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => "a condition names the `id` of an earlier question".to_owned(),
                };
                self.problems.report(
                    &q_node.span,
                    format!("the condition names an unknown question `{name}`"),
                    Some(hint),
                );
                return None;
            }
            Some((p, _)) if *p >= position => {
                let whom = if *p == position {
                    "the question itself".to_owned()
                } else {
                    format!("question `{name}`, which comes later")
                };
                self.problems.report(
                    &q_node.span,
                    format!("the condition names {whom}"),
                    Some("a condition can only look at questions answered before this one; move it earlier or drop the condition".into()),
                );
                return None;
            }
            Some((_, kind)) => kind,
        };
        let choice_options = match kind {
            QuestionKind::SingleChoice(c) | QuestionKind::MultipleChoice { choices: c, .. } => Some(&c.options),
            QuestionKind::Likert { .. } | QuestionKind::Rating { .. } | QuestionKind::Number { .. } => None,
            other => {
                self.problems.report(
                    &q_node.span,
                    format!("a condition cannot look at `{name}`, a {} question", other.type_name()),
                    Some("conditions look at single or multiple choice, likert, rating or number questions".into()),
                );
                return None;
            }
        };
        let (op, value) = match present.as_slice() {
            [] => {
                self.problems.report(
                    &t.span,
                    format!("the condition on `{name}` has no operator"),
                    Some(format!("add one of {}", list(operators))),
                );
                return None;
            }
            [one] => *one,
            [first, second, ..] => {
                self.problems.report(
                    &second.1.span,
                    format!("the condition on `{name}` has both `{}` and `{}`", first.0, second.0),
                    Some("one operator per condition; combine them with `and = [ … ]`".into()),
                );
                return None;
            }
        };
        let question = QuestionId::parse(name).ok()?;
        let mut operand = |n: &Node| -> Option<Operand> {
            match (choice_options, &n.value) {
                (Some(options), Value::Str(s)) => match options.iter().find(|o| o.id.as_str() == s) {
                    Some(o) => Some(Operand::Option(o.id.clone())),
                    None => {
                        let hint = match closest(s, options.iter().map(|o| o.id.as_str())) {
                            Some(near) => format!("did you mean `{near}`?"),
                            None => format!("the options are {}", list(options.iter().map(|o| o.id.as_str()))),
                        };
                        self.problems.report(
                            &n.span,
                            format!("`{s}` is not an option of question `{name}`"),
                            Some(hint),
                        );
                        None
                    }
                },
                (Some(_), _) => {
                    self.problems.report(
                        &n.span,
                        format!("expected an option id of question `{name}`, found {}", n.value.kind()),
                        None,
                    );
                    None
                }
                (None, Value::Int(_) | Value::Float(_)) => self.problems.number(n).map(Operand::Number),
                (None, _) => {
                    self.problems.report(
                        &n.span,
                        format!("expected a number to compare with `{name}`, found {}", n.value.kind()),
                        None,
                    );
                    None
                }
            }
        };
        match op {
            "equals" => operand(value).map(|value| Condition::Equals { question, value }),
            "one_of" => {
                let Value::Array(items) = &value.value else {
                    self.problems.expected(value, "an array");
                    return None;
                };
                if items.is_empty() {
                    self.problems
                        .report(&value.span, "`one_of` is empty", Some("list at least one value".into()));
                    return None;
                }
                let values: Option<Vec<Operand>> = items.iter().map(&mut operand).collect();
                values.map(|values| Condition::OneOf { question, values })
            }
            cmp => {
                if choice_options.is_some() {
                    self.problems.report(
                        &value.span,
                        format!("`{cmp}` compares numbers, but `{name}` is a choice question"),
                        Some("use `equals` or `one_of` with option ids".into()),
                    );
                    return None;
                }
                let op = match cmp {
                    "gt" => Comparison::Gt,
                    "gte" => Comparison::Gte,
                    "lt" => Comparison::Lt,
                    _ => Comparison::Lte,
                };
                let value = self.problems.number(value)?;
                Some(Condition::Compare { question, op, value })
            }
        }
    }
}
