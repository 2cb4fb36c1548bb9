//! Every sentence a person reads comes from a Project Fluent catalog under the repository's
//! `locales/{locale}/{area}.ftl`, compiled into this crate (see `build.rs`): adding a language is
//! adding a folder. English (`en`) is the reference: every other catalog of an area holds the same
//! keys, and a message missing in a language falls back to English (the catalog test keeps that from
//! happening in what ships).
//!
//! Code asks for a message with [`t!`] (now, in a language) or [`msg!`] (a [`Message`] to be worded
//! later, in whatever language its reader has). Both take the key as a literal and the arguments by
//! name, so that the catalog test (`tests/catalogs.rs`) can read every use from the source and check
//! that each key exists and each placeholder is given.

mod catalog;
mod number;

use std::borrow::Cow;
use std::fmt;

pub use catalog::{has_area, locales_with, sources};

/// The reference language: every key exists in it, and every lookup falls back to it.
pub const REFERENCE: &str = "en";

/// Anything that names the language to word a message in (`ja`, `en`, `pt-BR`, …).
pub trait Locale {
    fn locale(&self) -> &str;
}

impl Locale for str {
    fn locale(&self) -> &str {
        self
    }
}

impl Locale for String {
    fn locale(&self) -> &str {
        self
    }
}

impl<T: Locale + ?Sized> Locale for &T {
    fn locale(&self) -> &str {
        (**self).locale()
    }
}

/// A value given to a message's placeholder. Numbers stay numbers, so that Fluent chooses the
/// plural form and writes them with the language's separators.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(f64),
    /// A message worded in the same language as the one it is part of.
    Message(Box<Message>),
    /// Messages worded in that language, one per line (a list of problems).
    Lines(Vec<Message>),
}

impl From<Message> for Arg<'_> {
    fn from(m: Message) -> Self {
        Self::Message(Box::new(m))
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Self::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Self::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Self::Text(Cow::Owned(s))
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(n: $t) -> Self {
                Self::Number(n as f64)
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i8, i16, i32, i64, f32, f64);

impl Arg<'_> {
    fn into_owned(self) -> Arg<'static> {
        match self {
            Self::Text(t) => Arg::Text(Cow::Owned(t.into_owned())),
            Self::Number(n) => Arg::Number(n),
            Self::Message(m) => Arg::Message(m),
            Self::Lines(m) => Arg::Lines(m),
        }
    }
}

/// The message `key` in `locale` (or in English when that language lacks it), its placeholders
/// filled from `args`. Never fails: a key missing everywhere reads as the key itself, which the
/// catalog test prevents from shipping.
pub fn message(locale: &str, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    catalog::format(locale, key, args)
}

/// A message to be worded later, in its reader's language: an error made in a service and shown on
/// an operator's page, written to the log in English. Built with [`msg!`].
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    key: &'static str,
    args: Vec<(&'static str, Arg<'static>)>,
}

impl Message {
    #[doc(hidden)]
    pub fn new(key: &'static str, args: Vec<(&'static str, Arg<'_>)>) -> Self {
        Self {
            key,
            args: args
                .into_iter()
                .map(|(name, value)| (name, value.into_owned()))
                .collect(),
        }
    }

    /// The message in `locale`.
    pub fn get(&self, locale: impl Locale) -> String {
        message(locale.locale(), self.key, &self.args)
    }
}

/// In English, the language of logs and of programs reading an error.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.get(REFERENCE))
    }
}

/// The message `key` in a language: `t!(lang, "login-title")`, `t!(lang, "rate", done = 3, of = 10)`.
#[macro_export]
macro_rules! t {
    ($locale:expr, $key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::message(
            $crate::Locale::locale(&$locale),
            $key,
            &[$((stringify!($name), $crate::Arg::from($value))),*],
        )
    };
}

/// A [`Message`] to word later: `msg!("survey-not-draft", state = s.state.as_str())`.
#[macro_export]
macro_rules! msg {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::Message::new($key, vec![$((stringify!($name), $crate::Arg::from($value))),*])
    };
}

/// The language's own name in its own script (`日本語`, `Tiếng Việt`), for language switchers; a
/// language without catalogs by its tag.
pub fn language_name(locale: &str) -> String {
    if has_area(locale, "locale") {
        t!(locale, "language-name")
    } else {
        locale.to_owned()
    }
}

/// A calendar date as the language writes it (`2026年12月4日`, `4 December 2026`).
pub fn date(locale: &str, year: i32, month: u32, day: u32) -> String {
    t!(
        locale,
        "date",
        year = Arg::Text(year.to_string().into()),
        month = month,
        day = day
    )
}

/// A number with `decimals` digits after the separator, as the language writes it (`1,234.5`,
/// `1.234,5`).
pub fn number(locale: &str, value: f64, decimals: usize) -> String {
    number::format(locale, value, decimals)
}

/// The best of `offered` for a browser's `Accept-Language` header: the first tag in the order of
/// its weights that an offered language serves exactly, else by its language alone (`pt-PT` is
/// served by `pt-BR`, `zh-CN` and `zh` by `zh-Hans`). `None` when nothing fits.
pub fn negotiate<'a>(accept_language: &str, offered: &[&'a str]) -> Option<&'a str> {
    let mut asked: Vec<(f32, usize, &str)> = accept_language
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            let weight = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (!tag.is_empty() && tag != "*" && weight > 0.0).then_some((weight, i, tag))
        })
        .collect();
    asked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    asked.iter().find_map(|(_, _, tag)| {
        let exact = offered.iter().find(|o| o.eq_ignore_ascii_case(tag));
        exact
            .or_else(|| offered.iter().find(|o| same_language(o, tag)))
            .copied()
    })
}

/// Whether two tags name the same written language. Chinese is written in two scripts, so a
/// region implies one: Taiwan, Hong Kong and Macao write Traditional, the rest Simplified.
fn same_language(offered: &str, asked: &str) -> bool {
    let primary = |t: &str| t.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    if primary(offered) != primary(asked) {
        return false;
    }
    if primary(asked) != "zh" {
        return true;
    }
    let script = |t: &str| {
        let lower = t.to_ascii_lowercase();
        let traditional = ["hant", "tw", "hk", "mo"]
            .iter()
            .any(|s| lower.split(['-', '_']).any(|p| p == *s));
        if traditional { "hant" } else { "hans" }
    };
    script(offered) == script(asked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_follows_weights_then_falls_back_to_the_language() {
        let offered = ["ja", "en", "zh-Hans", "pt-BR", "vi"];
        assert_eq!(negotiate("vi-VN,vi;q=0.9,en;q=0.8", &offered), Some("vi"));
        assert_eq!(negotiate("fr;q=0.9, en;q=0.8, ja;q=0.85", &offered), Some("ja"));
        assert_eq!(negotiate("zh-CN,zh;q=0.9", &offered), Some("zh-Hans"));
        assert_eq!(negotiate("zh-TW", &offered), None);
        assert_eq!(negotiate("pt-PT", &offered), Some("pt-BR"));
        assert_eq!(negotiate("de, *;q=0.1", &offered), None);
        assert_eq!(negotiate("en;q=0, ja", &offered), Some("ja"));
        assert_eq!(negotiate("", &offered), None);
        assert_eq!(negotiate(";;,q=x", &offered), None);
    }

    #[test]
    fn messages_fill_placeholders_choose_plurals_and_fall_back_to_english() {
        assert_eq!(language_name("ja"), "日本語");
        assert_eq!(language_name("vi"), "Tiếng Việt");
        assert_eq!(date("ja", 2026, 12, 4), "2026年12月4日");
        assert_eq!(date("en", 2026, 12, 4), "4 December 2026");
        assert_eq!(number("en", 1234.5, 1), "1,234.5");
        assert_eq!(number("pt-BR", 1234.5, 1), "1.234,5");
        assert_eq!(number("ja", -0.25, 2), "-0.25");
        // A language without a catalog reads English, and is named by its tag.
        assert_eq!(t!("xx", "language-name"), "English");
        assert_eq!(language_name("xx"), "xx");
        assert_eq!(message("en", "no-such-key", &[]), "no-such-key");
    }

    #[test]
    fn a_deferred_message_is_worded_in_its_readers_language() {
        let m = msg!("language-name");
        assert_eq!(m.get("ja"), "日本語");
        assert_eq!(m.to_string(), "English");
        // A list inside a message is worded in the same language, line by line.
        let list = msg!("date", year = "2026", month = 12, day = Arg::Lines(vec![m.clone(), m]));
        assert_eq!(list.get("ja"), "2026年12月日本語\n日本語日");
    }
}
