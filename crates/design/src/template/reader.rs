//! Reading values out of the spanned tree while collecting problems instead of stopping at the first.
//!
//! A [`Table`] remembers which keys the loader asked for; whatever else the table holds is reported
//! as an unknown key, with the closest known key as a suggestion. So the list of allowed keys is the
//! loader's code itself and cannot drift from it.

use std::cell::RefCell;

use super::Problem;
use super::source::{Entry, Node, Span, Value};

#[derive(Default)]
pub(crate) struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn report(&mut self, span: &Span, message: impl Into<String>, hint: Option<String>) {
        self.0.push(Problem {
            span: span.clone(),
            message: message.into(),
            hint,
            related: None,
        });
    }

    pub fn expected(&mut self, node: &Node, what: &str) {
        self.report(
            &node.span,
            format!("expected {what}, found {}", node.value.kind()),
            None,
        );
    }

    pub fn string<'a>(&mut self, node: &'a Node) -> Option<&'a str> {
        match &node.value {
            Value::Str(s) => Some(s),
            _ => {
                self.expected(node, "a string");
                None
            }
        }
    }

    pub fn integer(&mut self, node: &Node) -> Option<i64> {
        match node.value {
            Value::Int(n) => Some(n),
            _ => {
                self.expected(node, "an integer");
                None
            }
        }
    }

    /// An integer in `range`, for counts and lengths; `what` names it in the message.
    pub fn count(&mut self, node: &Node, what: &str, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
        let n = self.integer(node)?;
        match u32::try_from(n) {
            Ok(n) if range.contains(&n) => Some(n),
            _ => {
                let allowed = if *range.end() == u32::MAX {
                    format!("at least {}", range.start())
                } else {
                    format!("between {} and {}", range.start(), range.end())
                };
                self.report(&node.span, format!("{what} must be {allowed}, not {n}"), None);
                None
            }
        }
    }

    pub fn number(&mut self, node: &Node) -> Option<f64> {
        match node.value {
            Value::Int(n) => Some(n as f64),
            Value::Float(f) if f.is_finite() => Some(f),
            _ => {
                self.expected(node, "a number");
                None
            }
        }
    }

    pub fn boolean(&mut self, node: &Node) -> Option<bool> {
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                self.expected(node, "`true` or `false`");
                None
            }
        }
    }

    pub fn array<'a>(&mut self, node: &'a Node) -> Option<&'a [Node]> {
        match &node.value {
            Value::Array(items) => Some(items),
            _ => {
                self.expected(node, "an array");
                None
            }
        }
    }

    /// A value that must be a table, read as one; `what` names it in messages ("question `q1`").
    pub fn table<'a>(&mut self, node: &'a Node, what: impl Into<String>) -> Option<Table<'a>> {
        match &node.value {
            Value::Table(entries) => Some(Table::new(entries, node.span.clone(), what.into())),
            _ => {
                self.expected(node, "a table");
                None
            }
        }
    }
}

pub(crate) struct Table<'a> {
    entries: &'a [Entry],
    pub span: Span,
    pub what: String,
    asked: RefCell<Vec<&'static str>>,
}

impl<'a> Table<'a> {
    fn new(entries: &'a [Entry], span: Span, what: String) -> Self {
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
    pub fn require(&self, key: &'static str, problems: &mut Problems, hint: impl Into<String>) -> Option<&'a Node> {
        let node = self.get(key);
        if node.is_none() {
            problems.report(
                &self.span,
                format!("{} is missing `{key}`", self.what),
                Some(hint.into()),
            );
        }
        node
    }

    /// Reports every key nobody asked for.
    pub fn finish(self, problems: &mut Problems) {
        let asked = self.asked.into_inner();
        for entry in self.entries.iter().filter(|e| !asked.contains(&e.key.as_str())) {
            let hint = match closest(&entry.key, asked.iter().copied()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("the keys allowed here are: {}", asked.join(", ")),
            };
            problems.report(
                &entry.key_span,
                format!("unknown key `{}` in {}", entry.key, self.what),
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
