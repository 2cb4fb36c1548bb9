//! The canonical byte encoding of validated answers, hashed into receipts and the tally. Two equal
//! answer sets always give the same bytes, on every machine and in every version of this crate.
//!
//! The encoding (version 1) is compact JSON with these rules:
//! - one object, keys = question ids in byte order; only answered questions appear;
//! - single choice: `"option"`; "other": `{"other":"text"}`;
//! - multiple choice: an array of option ids in byte order, then `{"other":"text"}` if given;
//! - likert and matrix points: integers; "not applicable": `"n/a"`;
//!   matrix: an object of item ids in byte order;
//! - rating: an integer; number: the exact decimal (`-12.50` with two decimals, never an exponent);
//! - text: the NFC-normalised, trimmed string;
//! - ranking: an array of option ids, best first;
//! - strings escape only `"`, `\` and U+0000–U+001F (`\n`, `\r`, `\t`, `\b`, `\f`, else
//!   `\u00xx` in lowercase hex); everything else is raw UTF-8; no whitespace anywhere.

use std::fmt::Write;

use super::validate::NOT_APPLICABLE;
use super::{Answer, Answers, Choice, ScaleAnswer};

impl Answers {
    /// The canonical encoding (version 1) described in this module.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        let mut out = String::new();
        let mut sorted: Vec<_> = self.answers.iter().collect();
        sorted.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
        out.push('{');
        for (i, (id, answer)) in sorted.into_iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            string(&mut out, id.as_str());
            out.push(':');
            encode(&mut out, answer);
        }
        out.push('}');
        out.into_bytes()
    }
}

fn encode(out: &mut String, answer: &Answer) {
    match answer {
        Answer::Choice(c) => choice(out, c),
        Answer::Choices(cs) => {
            let mut options: Vec<&str> = cs
                .iter()
                .filter_map(|c| match c {
                    Choice::Option(id) => Some(id.as_str()),
                    Choice::Other(_) => None,
                })
                .collect();
            options.sort_unstable();
            out.push('[');
            let others = cs.iter().filter(|c| matches!(c, Choice::Other(_)));
            for (i, option) in options.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(out, option);
            }
            for (i, other) in others.enumerate() {
                if i > 0 || !options.is_empty() {
                    out.push(',');
                }
                choice(out, other);
            }
            out.push(']');
        }
        Answer::Scale(s) => scale(out, *s),
        Answer::Rating(r) => {
            let _ = write!(out, "{r}");
        }
        Answer::Number(d) => {
            let _ = write!(out, "{d}");
        }
        Answer::Text(t) => string(out, t),
        Answer::Matrix(items) => {
            let mut sorted: Vec<_> = items.iter().collect();
            sorted.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
            out.push('{');
            for (i, (id, s)) in sorted.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(out, id.as_str());
                out.push(':');
                scale(out, *s);
            }
            out.push('}');
        }
        Answer::Ranking(ids) => {
            out.push('[');
            for (i, id) in ids.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(out, id.as_str());
            }
            out.push(']');
        }
    }
}

fn choice(out: &mut String, c: &Choice) {
    match c {
        Choice::Option(id) => string(out, id.as_str()),
        Choice::Other(text) => {
            out.push_str("{\"other\":");
            string(out, text);
            out.push('}');
        }
    }
}

fn scale(out: &mut String, s: ScaleAnswer) {
    match s {
        ScaleAnswer::Point(p) => {
            let _ = write!(out, "{p}");
        }
        ScaleAnswer::NotApplicable => string(out, NOT_APPLICABLE),
    }
}

fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
