//! Reading values out of the spanned tree while collecting problems instead of stopping at the first.
//!
//! A [`Table`] remembers which keys the loader asked for; whatever else the table holds is reported
//! as an unknown key, with the closest known key as a suggestion. So the list of allowed keys is the
//! loader's code itself and cannot drift from it.

use std::cell::RefCell;

use survey_i18n::{Message, msg};

use super::Problem;
use super::source::{Entry, Node, Span, Value};

#[derive(Default)]
pub(crate) struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn report(&mut self, span: &Span, message: Message, hint: Option<Message>) {
        self.0.push(Problem {
            span: span.clone(),
            message,
            hint,
            related: None,
        });
    }

    pub fn expected(&mut self, node: &Node, what: Message) {
        self.report(
            &node.span,
            msg!("design-expected", expected = what, found = node.value.kind()),
            None,
        );
    }

    pub fn string<'a>(&mut self, node: &'a Node) -> Option<&'a str> {
        match &node.value {
            Value::Str(s) => Some(s),
            _ => {
                self.expected(node, msg!("design-kind-string"));
                None
            }
        }
    }

    pub fn integer(&mut self, node: &Node) -> Option<i64> {
        match node.value {
            Value::Int(n) => Some(n),
            _ => {
                self.expected(node, msg!("design-kind-integer"));
                None
            }
        }
    }

    /// An integer in `range`, for counts and lengths, under `key`.
    pub fn count(&mut self, node: &Node, key: &str, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
        let n = self.integer(node)?;
        match u32::try_from(n) {
            Ok(n) if range.contains(&n) => Some(n),
            _ => {
                // As the template writes numbers: `20000`, not `20,000`.
                let (min, max, value) = (range.start().to_string(), range.end().to_string(), n.to_string());
                let message = if *range.end() == u32::MAX {
                    msg!("design-count-at-least", key = key, min = min, value = value)
                } else {
                    msg!("design-count-between", key = key, min = min, max = max, value = value)
                };
                self.report(&node.span, message, None);
                None
            }
        }
    }

    pub fn number(&mut self, node: &Node) -> Option<f64> {
        match node.value {
            Value::Int(n) => Some(n as f64),
            Value::Float(f) if f.is_finite() => Some(f),
            _ => {
                self.expected(node, msg!("design-kind-number"));
                None
            }
        }
    }

    pub fn boolean(&mut self, node: &Node) -> Option<bool> {
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                self.expected(node, msg!("design-kind-true-or-false"));
                None
            }
        }
    }

    pub fn array<'a>(&mut self, node: &'a Node) -> Option<&'a [Node]> {
        match &node.value {
            Value::Array(items) => Some(items),
            _ => {
                self.expected(node, msg!("design-kind-array"));
                None
            }
        }
    }

    /// A value that must be a table, read as one; `what` names it in messages ("question `q1`").
    pub fn table<'a>(&mut self, node: &'a Node, what: Message) -> Option<Table<'a>> {
        match &node.value {
            Value::Table(entries) => Some(Table::new(entries, node.span.clone(), what)),
            _ => {
                self.expected(node, msg!("design-kind-table"));
                None
            }
        }
    }
}

pub(crate) struct Table<'a> {
    entries: &'a [Entry],
    pub span: Span,
    pub what: Message,
    asked: RefCell<Vec<&'static str>>,
}

impl<'a> Table<'a> {
    fn new(entries: &'a [Entry], span: Span, what: Message) -> Self {
        Self {
            entries,
            span,
            what,
            asked: RefCell::default(),
        }
    }

    pub fn get(&self, key: &'static str) -> Option<&'a Node> {
        let mut asked = self.asked.borrow_mut();
        if !asked.contains(&key) {
            asked.push(key);
        }
        drop(asked);
        self.entries.iter().find(|e| e.key == key).map(|e| &e.node)
    }

    /// A key that must be present; `hint` says what to add.
    pub fn require(&self, key: &'static str, problems: &mut Problems, hint: Message) -> Option<&'a Node> {
        let node = self.get(key);
        if node.is_none() {
            problems.report(
                &self.span,
                msg!("design-missing-key", what = self.what.clone(), key = key),
                Some(hint),
            );
        }
        node
    }

    /// Reports every key nobody asked for.
    pub fn finish(self, problems: &mut Problems) {
        let asked = self.asked.into_inner();
        for entry in self.entries.iter().filter(|e| !asked.contains(&e.key.as_str())) {
            let hint = match closest(&entry.key, asked.iter().copied()) {
                Some(near) => msg!("design-did-you-mean", suggestion = near),
                None => msg!("design-hint-allowed-keys", keys = asked.join(", ")),
            };
            problems.report(
                &entry.key_span,
                msg!("design-unknown-key", key = &entry.key, what = self.what.clone()),
                Some(hint),
            );
        }
    }

    /// The entries as written, for tables whose keys are names (`[scales.NAME]`, `[topics.NAME]`).
    pub fn entries(self) -> &'a [Entry] {
        self.entries
    }
}

/// The candidate closest to `word`, if any is close enough to be what was meant.
pub(crate) fn closest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Formats a list of names as `a`, `b`, `c` for messages.
pub(crate) fn list<'c>(names: impl IntoIterator<Item = &'c str>) -> String {
    names
        .into_iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
