//! The TOML document as a tree of spanned nodes, so every problem found later can point at the exact
//! line and column. Parsing is done by the `toml` crate; this module only copies its spanned values
//! into a shape the loader can walk without caring about the crate's types.

use std::ops::Range;

use survey_i18n::{Message, msg};
use toml::de::{DeTable, DeValue};

pub(crate) type Span = Range<usize>;

#[derive(Debug)]
pub(crate) struct Node {
    pub span: Span,
    pub value: Value,
}

#[derive(Debug)]
pub(crate) enum Value {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// Dates have no place in a template; kept only to say so.
    Datetime,
    Array(Vec<Node>),
    Table(Vec<Entry>),
}

#[derive(Debug)]
pub(crate) struct Entry {
    pub key: String,
    pub key_span: Span,
    pub node: Node,
}

impl Value {
    /// What the value is, for "expected X, found Y" messages.
    pub fn kind(&self) -> Message {
        match self {
            Self::Str(_) => msg!("design-kind-string"),
            Self::Int(_) => msg!("design-kind-integer"),
            Self::Float(_) => msg!("design-kind-decimal"),
            Self::Bool(_) => msg!("design-kind-boolean"),
            Self::Datetime => msg!("design-kind-date"),
            Self::Array(_) => msg!("design-kind-array"),
            Self::Table(_) => msg!("design-kind-table"),
        }
    }
}

/// A syntax error, already positioned.
pub(crate) struct SyntaxError {
    pub span: Span,
    pub message: Message,
}

/// Parses `text`, recovering after syntax errors so that all of them are reported at once.
pub(crate) fn parse(text: &str) -> Result<Node, Vec<SyntaxError>> {
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        return Err(errors
            .into_iter()
            .map(|e| SyntaxError {
                span: e.span().unwrap_or(0..0),
                // The parser's own words, in English: the `toml` crate has no others.
                message: msg!("design-invalid-toml", error = first_line(e.message())),
            })
            .collect());
    }
    let span = root.span();
    let mut bad_integers = Vec::new();
    let value = convert_table(root.into_inner(), &mut bad_integers);
    if bad_integers.is_empty() {
        Ok(Node { span, value })
    } else {
        Err(bad_integers)
    }
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_owned()
}

fn convert_table(table: DeTable<'_>, errors: &mut Vec<SyntaxError>) -> Value {
    let mut entries: Vec<Entry> = table
        .into_iter()
        .map(|(key, node)| Entry {
            key_span: key.span(),
            key: key.into_inner().into_owned(),
            node: convert(node, errors),
        })
        .collect();
    // Source order, so problems come out in reading order.
    entries.sort_by_key(|e| e.key_span.start);
    Value::Table(entries)
}

fn convert(node: toml::Spanned<DeValue<'_>>, errors: &mut Vec<SyntaxError>) -> Node {
    let span = node.span();
    let value = match node.into_inner() {
        DeValue::String(s) => Value::Str(s.into_owned()),
        DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => Value::Int(n),
            Err(_) => {
                errors.push(SyntaxError {
                    span: span.clone(),
                    message: msg!("design-integer-too-large"),
                });
                Value::Int(0)
            }
        },
        DeValue::Float(f) => Value::Float(parse_float(f.as_str())),
        DeValue::Boolean(b) => Value::Bool(b),
        DeValue::Datetime(_) => Value::Datetime,
        DeValue::Array(items) => Value::Array(items.into_iter().map(|n| convert(n, errors)).collect()),
        DeValue::Table(t) => convert_table(t, errors),
    };
    Node { span, value }
}

fn parse_float(s: &str) -> f64 {
    match s {
        "inf" | "+inf" => f64::INFINITY,
        "-inf" => f64::NEG_INFINITY,
        "nan" | "+nan" | "-nan" => f64::NAN,
        _ => s.replace('_', "").parse().unwrap_or(f64::NAN),
    }
}

/// Turns byte offsets into 1-based line and column (columns count characters, as editors do).
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { text, line_starts }
    }

    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let index = LineIndex::new("a = 1\nタイトル = 2\n");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(6), (2, 1));
        // "タイトル" is four characters but twelve bytes.
        assert_eq!(index.position(6 + 12 + 1), (2, 6));
    }
}
