//! The anonymity statement's thresholds. A template writes `{k}` (the smallest group a figure is
//! shown for) and `{comment_k}` (the smallest number of respondents for free-text comments) where
//! the statement names them, and [`crate::Questionnaire::anonymity_statement_for`] fills them with
//! the survey's own settings when the statement is shown: a survey that sets other thresholds than
//! the template's author had in mind still tells its respondents the truth. The template loader
//! refuses a statement that writes a number itself or leaves a placeholder out.

use std::ops::Range;

use crate::text::Text;

/// The placeholder of the smallest group a figure is shown for.
pub const K: &str = "k";
/// The placeholder of the smallest number of respondents for free-text comments.
pub const COMMENT_K: &str = "comment_k";

/// A survey's anonymity thresholds, which its anonymity statement is filled with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    /// No figure for a group of fewer respondents (the survey's `k_threshold`).
    pub k: u64,
    /// No comments from fewer respondents (the survey's `comment_threshold`).
    pub comment_k: u64,
}

impl Thresholds {
    /// Each placeholder's name and value.
    fn values(self) -> [(&'static str, String); 2] {
        [(K, self.k.to_string()), (COMMENT_K, self.comment_k.to_string())]
    }
}

/// The statement with the thresholds in place of the placeholders, in every language.
pub(crate) fn fill(statement: &Text, thresholds: Thresholds) -> Text {
    let values = thresholds.values();
    statement.map(|text| {
        let mut out = String::with_capacity(text.len());
        let mut rest = 0;
        for (span, name) in placeholders(text) {
            if let Some((_, value)) = values.iter().find(|(n, _)| *n == name) {
                out.push_str(&text[rest..span.start]);
                out.push_str(value);
                rest = span.end;
            }
        }
        out.push_str(&text[rest..]);
        out
    })
}

/// Every `{name}` of `text` (a name of ASCII lowercase letters and `_`): its byte range, braces
/// included, and the name. Other braces are plain text.
pub(crate) fn placeholders(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|i| from + i) {
        let name_len = text[open + 1..]
            .bytes()
            .take_while(|b| b.is_ascii_lowercase() || *b == b'_')
            .count();
        let close = open + 1 + name_len;
        if name_len > 0 && text.as_bytes().get(close) == Some(&b'}') {
            found.push((open..close + 1, &text[open + 1..close]));
            from = close + 1;
        } else {
            from = open + 1;
        }
    }
    found
}

/// English number words a threshold could be written as (one and two are never thresholds, and
/// "one" is everywhere: "no one").
const NUMBER_WORDS: [&str; 22] = [
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
];

/// Japanese (and Chinese) numerals, counted only right before a word for people (`五人`, `十名`).
const NUMERALS: &str = "〇一二三四五六七八九十百千";
const PEOPLE: [char; 2] = ['人', '名'];

/// Numbers written out in `text`, which a statement must not hold: where the survey's own
/// threshold belongs they would go stale. Found are numbers in digits of any script (`5`, `１０`),
/// Japanese numerals before `人` or `名` (`五人`; not `一人`, `二人`), and the English words for
/// three to twenty, thirty, forty, fifty and hundred. Each as its byte range.
pub(crate) fn literal_numbers(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |(at, _)| *at);
    let mut i = 0;
    while i < chars.len() {
        let run = |pred: &dyn Fn(char) -> bool| chars[i..].iter().take_while(|(_, c)| pred(*c)).count();
        let (start, c) = chars[i];
        let digits = run(&|c: char| c.is_numeric() && !NUMERALS.contains(c));
        if digits > 0 {
            found.push(start..end_of(i + digits));
            i += digits;
            continue;
        }
        let numerals = run(&|c: char| NUMERALS.contains(c));
        if numerals > 0 {
            let counted = chars.get(i + numerals).is_some_and(|(_, c)| PEOPLE.contains(c));
            let small = numerals == 1 && (c == '一' || c == '二');
            if counted && !small {
                found.push(start..end_of(i + numerals));
            }
            i += numerals;
            continue;
        }
        let letters = run(&|c: char| c.is_ascii_alphabetic());
        if letters > 0 {
            let word = &text[start..end_of(i + letters)];
            let after_letter = i > 0 && chars[i - 1].1.is_alphanumeric();
            if !after_letter && NUMBER_WORDS.iter().any(|n| n.eq_ignore_ascii_case(word)) {
                found.push(start..end_of(i + letters));
            }
            i += letters;
            continue;
        }
        i += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<&str> {
        literal_numbers(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn numbers_in_digits_numerals_before_people_and_english_words_are_found() {
        assert_eq!(numbers("5人以上、１０人以上"), ["5", "１０"]);
        assert_eq!(numbers("五人以上、十名以上、一人ひとり、二人"), ["五", "十"]);
        assert_eq!(numbers("at least Five respondents; no one; often"), ["Five"]);
        assert_eq!(numbers("{k}人以上、{comment_k} respondents"), Vec::<&str>::new());
        assert!(numbers("十分に配慮します。").is_empty());
    }

    #[test]
    fn placeholders_are_lowercase_names_in_braces() {
        let text = "{k} and {comment_k}, {K}, { k }, {}, {k";
        let names: Vec<&str> = placeholders(text).into_iter().map(|(_, n)| n).collect();
        assert_eq!(names, ["k", "comment_k"]);
    }
}
