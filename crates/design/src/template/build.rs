//! Builds a [`Questionnaire`] from the spanned tree, checking every rule of the template format.

use std::collections::{BTreeMap, HashMap};

use survey_i18n::{Message, msg, t};

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

/// A list of tables with ids, as [`Loader::id_list`] reads it, and how messages name its parts: each
/// message is its own sentence, as languages word them differently.
struct ListOf {
    key: &'static str,
    /// The list is empty, in the table `what`.
    when_empty: fn(Message) -> Message,
    /// An entry of `what` whose id is not known.
    entry: fn(Message) -> Message,
    /// The entry `id` of `what`.
    named: fn(&str, Message) -> Message,
    /// A second entry with the id `id`.
    duplicate: fn(&str) -> Message,
}

const OPTIONS: ListOf = ListOf {
    key: "options",
    when_empty: |what| msg!("design-options-empty", what = what),
    entry: |of| msg!("design-what-option", of = of),
    named: |id, of| msg!("design-what-option-named", id = id, of = of),
    duplicate: |id| msg!("design-duplicate-option", id = id),
};
const ITEMS: ListOf = ListOf {
    key: "items",
    when_empty: |what| msg!("design-items-empty", what = what),
    entry: |of| msg!("design-what-item", of = of),
    named: |id, of| msg!("design-what-item-named", id = id, of = of),
    duplicate: |id| msg!("design-duplicate-item", id = id),
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
        let top = self.problems.table(root, msg!("design-what-questionnaire"))?;
        let id = top
            .require("id", &mut self.problems, msg!("design-hint-questionnaire-id"))
            .and_then(|n| self.id(n, QuestionnaireId::parse));
        let version = top
            .require("version", &mut self.problems, msg!("design-hint-version"))
            .and_then(|n| self.problems.count(n, "version", 1..=u32::MAX));
        self.languages(&top);
        let title = self.required_text(&top, "title", msg!("design-meaning-title"));
        let introduction = self.optional_text(&top, "introduction");
        let anonymity_statement =
            self.required_text(&top, "anonymity_statement", msg!("design-meaning-anonymity-statement"));
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
                    .report(&node.span, e.message(), Some(msg!("design-hint-id-example")))
            })
            .ok()
    }

    fn languages(&mut self, top: &Table<'_>) {
        let hint = msg!("design-hint-languages");
        if let Some(node) = top.require("languages", &mut self.problems, hint.clone())
            && let Some(items) = self.problems.array(node)
        {
            if items.is_empty() {
                self.problems
                    .report(&node.span, msg!("design-key-empty", key = "languages"), Some(hint));
            }
            for item in items {
                let Some(s) = self.problems.string(item) else { continue };
                match Lang::parse(s) {
                    Ok(lang) if self.languages.contains(&lang) => {
                        self.problems
                            .report(&item.span, msg!("design-language-twice", lang = lang.as_str()), None);
                    }
                    Ok(lang) => self.languages.push(lang),
                    Err(e) => self.problems.report(&item.span, e.message(), None),
                }
            }
        }
        let hint = msg!("design-hint-default-language");
        if let Some(node) = top.require("default_language", &mut self.problems, hint)
            && let Some(s) = self.problems.string(node)
        {
            match Lang::parse(s) {
                Ok(lang) if self.languages.contains(&lang) => self.fallback = Some(lang),
                Ok(lang) => self.problems.report(
                    &node.span,
                    msg!("design-default-language-undeclared", lang = lang.as_str()),
                    Some(msg!(
                        "design-hint-default-language-undeclared",
                        lang = lang.as_str(),
                        declared = self.language_list()
                    )),
                ),
                Err(e) => self.problems.report(&node.span, e.message(), None),
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
                msg!(
                    "design-expected",
                    expected = msg!("design-kind-text"),
                    found = node.value.kind()
                ),
                Some(msg!("design-hint-text-form", form = self.text_hint())),
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
                            msg!("design-language-undeclared", lang = lang.as_str()),
                            Some(msg!("design-hint-language-undeclared", declared = self.language_list())),
                        );
                    }
                    ok = false;
                    continue;
                }
                Err(e) => {
                    self.problems.report(&entry.key_span, e.message(), None);
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
                        .report(&entry.node.span, msg!("design-text-empty", lang = lang.as_str()), None);
                    ok = false;
                }
                _ => {
                    self.problems.expected(&entry.node, msg!("design-kind-string"));
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
                msg!("design-text-missing-languages", languages = names),
                Some(msg!(
                    "design-hint-text-missing-languages",
                    declared = self.language_list(),
                    first = first
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
        let braced = |name: &str| format!("{{{name}}}");
        for entry in entries {
            let Value::Str(text) = &entry.node.value else { continue };
            let lang = entry.key.as_str();
            let found = placeholders(text);
            for (span, name) in &found {
                if *name == K || *name == COMMENT_K {
                    continue;
                }
                let hint = match closest(name, [K, COMMENT_K]) {
                    Some(near) => msg!("design-did-you-mean", suggestion = braced(near)),
                    None => msg!(
                        "design-hint-statement-placeholders",
                        k = braced(K),
                        comment_k = braced(COMMENT_K)
                    ),
                };
                let at = self.inside(&entry.node, text, span.clone());
                self.problems.report(
                    &at,
                    msg!(
                        "design-statement-unknown-placeholder",
                        placeholder = braced(name),
                        lang = lang
                    ),
                    Some(hint),
                );
            }
            let numbers = literal_numbers(text);
            for span in &numbers {
                let at = self.inside(&entry.node, text, span.clone());
                self.problems.report(
                    &at,
                    msg!("design-statement-number", lang = lang, number = &text[span.clone()]),
                    Some(msg!(
                        "design-hint-statement-number",
                        k = braced(K),
                        comment_k = braced(COMMENT_K)
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
            // The sentence to add is written in the statement's own language, not the reader's:
            // it goes into the template. A language without catalogs is given English.
            let written_in =
                survey_i18n::negotiate(lang, &survey_i18n::locales_with("design")).unwrap_or(survey_i18n::REFERENCE);
            let examples: Vec<String> = missing
                .iter()
                .map(|name| match *name {
                    K => t!(written_in, "design-example-statement-k", k = braced(K)),
                    _ => t!(
                        written_in,
                        "design-example-statement-comment-k",
                        comment_k = braced(COMMENT_K)
                    ),
                })
                .collect();
            let names: Vec<String> = missing.iter().map(|name| braced(name)).collect();
            let (examples, count) = (examples.join(" "), missing.len());
            let hint = if missing.contains(&COMMENT_K) {
                msg!(
                    "design-hint-statement-thresholds-comments",
                    examples = examples,
                    count = count
                )
            } else {
                msg!("design-hint-statement-thresholds", examples = examples, count = count)
            };
            self.problems.report(
                &entry.node.span,
                msg!(
                    "design-statement-no-thresholds",
                    lang = lang,
                    placeholders = list(names.iter().map(String::as_str))
                ),
                Some(hint),
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

    /// A localised text that must be present; `meaning` says, in the hint, what it is for.
    fn required_text(&mut self, table: &Table<'_>, key: &'static str, meaning: Message) -> Option<Text> {
        let hint = msg!(
            "design-hint-add-text",
            key = key,
            form = self.text_hint(),
            meaning = meaning
        );
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
        let table = self.problems.table(node, msg!("design-what-key", key = "topics"))?;
        let mut topics = Vec::new();
        for entry in table.entries() {
            let id = TopicId::parse(&entry.key)
                .map_err(|e| self.problems.report(&entry.key_span, e.message(), None))
                .ok();
            let Some(t) = self
                .problems
                .table(&entry.node, msg!("design-what-topic", topic = &entry.key))
            else {
                continue;
            };
            let label = self.required_text(&t, "label", msg!("design-meaning-topic-label"));
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
                        Some(near) => msg!("design-did-you-mean", suggestion = near),
                        None => msg!("design-hint-declare-topic", topic = name),
                    };
                    self.problems
                        .report(&item.span, msg!("design-unknown-topic", topic = name), Some(hint));
                }
            }
        }
        tags
    }

    fn scales(&mut self, top: &Table<'_>) {
        let Some(node) = top.get("scales") else { return };
        let Some(table) = self.problems.table(node, msg!("design-what-key", key = "scales")) else {
            return;
        };
        for entry in table.entries() {
            if let Err(e) = crate::id::check_id(&entry.key) {
                self.problems.report(&entry.key_span, e.scale_name_message(), None);
            }
            let what = msg!("design-what-scale", scale = &entry.key);
            let scale = self.scale(&entry.node, what, Some(entry.key.clone()));
            self.scales.insert(entry.key.clone(), scale);
        }
    }

    fn scale(&mut self, node: &Node, what: Message, name: Option<String>) -> Option<Scale> {
        let t = self.problems.table(node, what)?;
        let points = t
            .require("points", &mut self.problems, msg!("design-hint-points"))
            .and_then(|n| {
                let p = self.problems.integer(n)?;
                match p {
                    5 | 7 => Some(p as u8),
                    _ => {
                        self.problems.report(
                            &n.span,
                            msg!("design-scale-points", points = p.to_string()),
                            Some(msg!("design-hint-scale-points")),
                        );
                        None
                    }
                }
            });
        let labels_hint = msg!("design-hint-labels", form = self.text_hint());
        let labels = match t.get("labels") {
            None => {
                self.problems.report(
                    &t.span,
                    msg!("design-no-labels", what = t.what.clone()),
                    Some(labels_hint),
                );
                None
            }
            Some(n) => self.problems.array(n).and_then(|items| {
                if items.is_empty() {
                    self.problems.report(
                        &n.span,
                        msg!("design-no-labels", what = t.what.clone()),
                        Some(labels_hint),
                    );
                    return None;
                }
                let labels: Vec<Option<Text>> = items.iter().map(|i| self.text(i)).collect();
                if let Some(p) = points
                    && labels.len() != usize::from(p)
                {
                    self.problems.report(
                        &n.span,
                        msg!(
                            "design-labels-per-point",
                            what = t.what.clone(),
                            points = p,
                            labels = labels.len()
                        ),
                        Some(msg!("design-hint-labels-per-point")),
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
                        msg!("design-key-empty", key = "favourable"),
                        Some(msg!("design-hint-favourable")),
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
                                msg!("design-favourable-off-scale", point = p.to_string(), points = max),
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
                        Some(near) => msg!("design-did-you-mean", suggestion = near),
                        None => msg!("design-hint-declare-scale", scale = name),
                    };
                    self.problems
                        .report(&node.span, msg!("design-unknown-scale", scale = name), Some(hint));
                    None
                }
            },
            _ => self.scale(
                node,
                msg!("design-what-question-scale", question = question.as_str()),
                None,
            ),
        }
    }

    fn sections(&mut self, top: &Table<'_>) -> Option<Vec<Section>> {
        let hint = msg!("design-hint-sections");
        let node = top.require("sections", &mut self.problems, hint.clone())?;
        let items = self.problems.array(node)?;
        if items.is_empty() {
            self.problems.report(&node.span, msg!("design-no-sections"), Some(hint));
        }
        let mut seen_sections: HashMap<String, Span> = HashMap::new();
        let mut sections = Vec::new();
        // Section shells with the questions' drafts, so conditions can be resolved across sections.
        let mut drafts: Vec<SectionDraft<'_>> = Vec::new();
        for item in items {
            let Some(mut t) = self.problems.table(item, msg!("design-what-section-unnamed")) else {
                continue;
            };
            let id_node = t.require("id", &mut self.problems, msg!("design-hint-id"));
            let id = id_node.and_then(|n| self.id(n, SectionId::parse));
            if let (Some(id), Some(n)) = (&id, id_node) {
                t.what = msg!("design-what-section", section = id.as_str());
                if let Some(first) = seen_sections.insert(id.to_string(), n.span.clone()) {
                    let message = msg!("design-duplicate-section", id = id.as_str());
                    self.duplicate(&n.span, message, id.as_str(), &first);
                }
            }
            let title = self.required_text(&t, "title", msg!("design-meaning-section-title"));
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
                let message = msg!("design-duplicate-question", id = &id);
                self.duplicate(&draft.id_span, message, &id, &first);
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
                    let what = msg!("design-what-condition", question = draft.question.id.as_str());
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

    /// A second `id` where `message` says what it names; the hint points at the `first`.
    fn duplicate(&mut self, span: &Span, message: Message, id: &str, first: &Span) {
        self.problems.0.push(Problem {
            span: span.clone(),
            message,
            hint: Some(msg!("design-hint-duplicate", id = id)),
            related: Some(first.clone()),
        });
    }

    fn questions<'a>(&mut self, section: &Table<'a>) -> Vec<Draft<'a>> {
        let hint = msg!("design-hint-questions");
        let Some(node) = section.require("questions", &mut self.problems, hint.clone()) else {
            return Vec::new();
        };
        let Some(items) = self.problems.array(node) else {
            return Vec::new();
        };
        if items.is_empty() {
            self.problems.report(
                &node.span,
                msg!("design-no-questions", what = section.what.clone()),
                Some(hint),
            );
        }
        items.iter().filter_map(|item| self.question(item)).collect()
    }

    fn question<'a>(&mut self, node: &'a Node) -> Option<Draft<'a>> {
        let mut t = self.problems.table(node, msg!("design-what-question-unnamed"))?;
        let id_node = t.require("id", &mut self.problems, msg!("design-hint-question-id"));
        let id = id_node.and_then(|n| self.id(n, QuestionId::parse));
        if let Some(id) = &id {
            t.what = msg!("design-what-question", question = id.as_str());
        }
        let type_hint = msg!("design-hint-type", types = list(QUESTION_TYPES));
        let type_node = t.require("type", &mut self.problems, type_hint);
        let text = self.required_text(&t, "text", msg!("design-meaning-question-text"));
        let help = self.optional_text(&t, "help");
        let required = self.flag(&t, "required");
        let topics = self.topic_tags(&t);
        let show_if = t.get("show_if");

        let kind_name = type_node.and_then(|n| self.problems.string(n).map(|s| (s, n)));
        let kind = match kind_name {
            Some((name, n)) if !QUESTION_TYPES.contains(&name) => {
                let hint = match closest(name, QUESTION_TYPES) {
                    Some(near) => msg!("design-did-you-mean", suggestion = near),
                    None => msg!("design-hint-use-one-of", choices = list(QUESTION_TYPES)),
                };
                self.problems
                    .report(&n.span, msg!("design-unknown-type", name = name), Some(hint));
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
                let scale = t.require("scale", &mut self.problems, msg!("design-hint-scale"));
                let reverse = self.flag(t, "reverse");
                QuestionKind::Likert {
                    scale: scale.and_then(|n| self.scale_ref(n, id))?,
                    reverse,
                }
            }
            "rating" => {
                let low = self.required_text(t, "low_label", msg!("design-meaning-low-label"));
                let high = self.required_text(t, "high_label", msg!("design-meaning-high-label"));
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
                let scale = t.require("scale", &mut self.problems, msg!("design-hint-scale"));
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
                        msg!("design-ranking-too-few", what = t.what.clone()),
                        Some(msg!("design-hint-ranking-too-few")),
                    );
                    return None;
                }
                let n = options.len() as u32;
                let top = match t.get("top") {
                    None => n,
                    Some(node) => self.problems.count(node, "top", 1..=n)?,
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
            Some(n) => self.problems.count(n, "max_length", 1..=MAX_TEXT_LENGTH),
        }
    }

    fn options(&mut self, t: &Table<'_>, multiple: bool) -> Option<Vec<ChoiceOption>> {
        let snippet = format!("options = [ {{ id = \"…\", label = {} }} ]", self.text_hint());
        let hint = msg!("design-hint-add", snippet = snippet);
        self.id_list(t, &OPTIONS, hint, OptionId::parse, |this, o, id| {
            let label = this.required_text(o, "label", msg!("design-meaning-option-label"));
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
        list: &ListOf,
        hint: Message,
        parse: fn(&str) -> Result<I, IdError>,
        mut read: impl FnMut(&mut Self, &Table<'_>, Option<I>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let node = t.require(list.key, &mut self.problems, hint.clone())?;
        let items = self.problems.array(node)?;
        if items.is_empty() {
            self.problems
                .report(&node.span, (list.when_empty)(t.what.clone()), Some(hint));
            return None;
        }
        let mut seen: HashMap<String, Span> = HashMap::new();
        let mut entries = Vec::new();
        let mut ok = true;
        for item in items {
            let Some(mut entry) = self.problems.table(item, (list.entry)(t.what.clone())) else {
                ok = false;
                continue;
            };
            let id_node = entry.require("id", &mut self.problems, msg!("design-hint-id"));
            let id = id_node.and_then(|n| self.id(n, parse));
            if let (Some(id), Some(n)) = (&id, id_node) {
                let id = id.to_string();
                entry.what = (list.named)(&id, t.what.clone());
                if let Some(first) = seen.insert(id.clone(), n.span.clone()) {
                    self.duplicate(&n.span, (list.duplicate)(&id), &id, &first);
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
                let o = self
                    .problems
                    .table(node, msg!("design-what-other", of = t.what.clone()))?;
                let label = self.required_text(&o, "label", msg!("design-meaning-other-label"));
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
            Some(node) => self.problems.count(node, "min", 0..=u32::MAX)?,
        };
        let max = match max_node {
            None => n,
            Some(node) => {
                let max = self.problems.count(node, "max", 1..=u32::MAX)?;
                if max > n {
                    self.problems.report(
                        &node.span,
                        msg!("design-max-above-choices", max = max.to_string(), choices = n),
                        Some(msg!("design-hint-max-above-choices", choices = n)),
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
                msg!("design-min-above-max", min = min.to_string(), max = max.to_string()),
                Some(msg!("design-hint-min-above-max")),
            );
            return None;
        }
        Some(QuestionKind::MultipleChoice { choices, min, max })
    }

    fn number(&mut self, t: &Table<'_>) -> Option<QuestionKind> {
        let decimals = match t.get("decimals") {
            None => 0,
            Some(n) => self.problems.count(n, "decimals", 0..=MAX_DECIMALS)? as u8,
        };
        let bound = |key: &'static str, this: &mut Self| -> Result<Option<(Decimal, Span)>, ()> {
            let Some(node) = t.get(key) else { return Ok(None) };
            let value = this.problems.number(node).ok_or(())?;
            match Decimal::from_f64(value, decimals) {
                Some(d) => Ok(Some((d, node.span.clone()))),
                None => {
                    this.problems.report(
                        &node.span,
                        msg!("design-bound-decimals", key = key, decimals = decimals),
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
                msg!("design-min-above-max", min = lo.to_string(), max = hi.to_string()),
                Some(msg!("design-hint-min-above-max")),
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
        let snippet = format!("items = [ {{ id = \"…\", text = {} }} ]", self.text_hint());
        let hint = msg!("design-hint-add", snippet = snippet);
        self.id_list(t, &ITEMS, hint, ItemId::parse, |this, it, id| {
            let text = this.required_text(it, "text", msg!("design-meaning-item-text"));
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
        what: &Message,
        order: &HashMap<String, (usize, QuestionKind)>,
        position: usize,
    ) -> Option<Condition> {
        let t = self.problems.table(node, what.clone())?;
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
                            msg!("design-no-conditions", key = *key),
                            Some(msg!("design-hint-no-conditions")),
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
        let q_node = t.require("question", &mut self.problems, msg!("design-hint-condition-question"))?;
        let name = self.problems.string(q_node)?;
        let operators = ["equals", "one_of", "gt", "gte", "lt", "lte"];
        let present: Vec<(&str, &Node)> = operators.iter().filter_map(|op| t.get(op).map(|n| (*op, n))).collect();
        let kind = match order.get(name) {
            None => {
                let hint = match closest(name, order.keys().map(String::as_str)) {
                    Some(near) => msg!("design-did-you-mean", suggestion = near),
                    None => msg!("design-hint-condition-names-id"),
                };
                self.problems.report(
                    &q_node.span,
                    msg!("design-condition-unknown-question", question = name),
                    Some(hint),
                );
                return None;
            }
            Some((p, _)) if *p >= position => {
                let message = if *p == position {
                    msg!("design-condition-names-itself")
                } else {
                    msg!("design-condition-names-later", question = name)
                };
                self.problems
                    .report(&q_node.span, message, Some(msg!("design-hint-condition-earlier")));
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
                    msg!("design-condition-wrong-type", question = name, kind = other.type_name()),
                    Some(msg!("design-hint-condition-types")),
                );
                return None;
            }
        };
        let (op, value) = match present.as_slice() {
            [] => {
                self.problems.report(
                    &t.span,
                    msg!("design-condition-no-operator", question = name),
                    Some(msg!("design-hint-add-one-of", choices = list(operators))),
                );
                return None;
            }
            [one] => *one,
            [first, second, ..] => {
                self.problems.report(
                    &second.1.span,
                    msg!(
                        "design-condition-two-operators",
                        question = name,
                        first = first.0,
                        second = second.0
                    ),
                    Some(msg!("design-hint-condition-one-operator")),
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
                            Some(near) => msg!("design-did-you-mean", suggestion = near),
                            None => msg!(
                                "design-hint-options-are",
                                options = list(options.iter().map(|o| o.id.as_str()))
                            ),
                        };
                        self.problems.report(
                            &n.span,
                            msg!("design-condition-unknown-option", option = s.as_str(), question = name),
                            Some(hint),
                        );
                        None
                    }
                },
                (Some(_), _) => {
                    self.problems
                        .expected(n, msg!("design-kind-option-id", question = name));
                    None
                }
                (None, Value::Int(_) | Value::Float(_)) => self.problems.number(n).map(Operand::Number),
                (None, _) => {
                    self.problems
                        .expected(n, msg!("design-kind-number-to-compare", question = name));
                    None
                }
            }
        };
        match op {
            "equals" => operand(value).map(|value| Condition::Equals { question, value }),
            "one_of" => {
                let Value::Array(items) = &value.value else {
                    self.problems.expected(value, msg!("design-kind-array"));
                    return None;
                };
                if items.is_empty() {
                    self.problems.report(
                        &value.span,
                        msg!("design-key-empty", key = "one_of"),
                        Some(msg!("design-hint-one-of-empty")),
                    );
                    return None;
                }
                let values: Option<Vec<Operand>> = items.iter().map(&mut operand).collect();
                values.map(|values| Condition::OneOf { question, values })
            }
            cmp => {
                if choice_options.is_some() {
                    self.problems.report(
                        &value.span,
                        msg!("design-condition-compare-choice", operator = cmp, question = name),
                        Some(msg!("design-hint-condition-compare-choice")),
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
