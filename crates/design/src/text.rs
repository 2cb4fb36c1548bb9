//! Languages and localised text.

use std::collections::BTreeMap;
use std::fmt;

/// A language tag such as `ja`, `en` or `pt-BR` (a primary language of two or three lowercase
/// letters, then optional subtags).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Lang(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LangError(pub String);

impl LangError {
    /// Why, to be worded in the reader's language.
    pub fn message(&self) -> survey_i18n::Message {
        survey_i18n::msg!("design-lang-invalid", tag = &self.0)
    }
}

/// In English, for logs and the CLI.
impl fmt::Display for LangError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.message(), f)
    }
}

impl Lang {
    pub fn parse(s: &str) -> Result<Self, LangError> {
        let mut parts = s.split('-');
        let primary_ok = parts
            .next()
            .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
        let rest_ok = parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if primary_ok && rest_ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(LangError(s.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// English, the language of messages meant for logs and programs.
    pub fn english() -> Self {
        Self("en".to_owned())
    }

    /// Whether this is Japanese, for the few places (messages, layout) that are written per language
    /// in code rather than in a template.
    pub fn is_japanese(&self) -> bool {
        self.0 == "ja" || self.0.starts_with("ja-")
    }
}

impl survey_i18n::Locale for Lang {
    fn locale(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A text given in every language of its questionnaire. Built only by the template loader, which
/// refuses a text that misses a declared language, so [`Text::get`] always has something to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    by_lang: BTreeMap<Lang, String>,
    fallback: Lang,
}

impl Text {
    /// `by_lang` must hold `fallback`; the loader guarantees it.
    pub(crate) fn new(by_lang: BTreeMap<Lang, String>, fallback: Lang) -> Self {
        debug_assert!(by_lang.contains_key(&fallback));
        Self { by_lang, fallback }
    }

    /// The text in `lang`, or in the questionnaire's default language when `lang` is not offered.
    pub fn get(&self, lang: &Lang) -> &str {
        self.by_lang
            .get(lang)
            .or_else(|| self.by_lang.get(&self.fallback))
            .map_or("", String::as_str)
    }

    pub fn languages(&self) -> impl Iterator<Item = &Lang> {
        self.by_lang.keys()
    }

    /// The same text with `change` applied in every language.
    pub(crate) fn map(&self, change: impl Fn(&str) -> String) -> Text {
        Self {
            by_lang: self.by_lang.iter().map(|(l, t)| (l.clone(), change(t))).collect(),
            fallback: self.fallback.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_with_region_subtags_parse() {
        for ok in ["ja", "en", "fil", "pt-BR", "zh-Hant-TW"] {
            assert!(Lang::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn malformed_language_tags_are_refused_with_an_example() {
        for bad in ["", "J", "JA", "japanese", "en_US", "en-", "ja-toolongsubtag"] {
            assert_eq!(
                Lang::parse(bad).unwrap_err().to_string(),
                format!("`{bad}` is not a language tag; write a code such as `ja`, `en` or `pt-BR`")
            );
        }
    }

    #[test]
    fn a_text_falls_back_to_the_default_language() {
        let ja = Lang::parse("ja").unwrap();
        let en = Lang::parse("en").unwrap();
        let text = Text::new(
            BTreeMap::from([(ja.clone(), "はい".to_owned()), (en.clone(), "Yes".to_owned())]),
            ja,
        );
        assert_eq!(text.get(&en), "Yes");
        assert_eq!(text.get(&Lang::parse("fr").unwrap()), "はい");
    }
}
