//! Typed identifiers. Every id in a template follows one rule, checked once when it is parsed, so the
//! rest of the code can use an id without looking at its characters again.

use std::fmt;

use survey_i18n::{Message, msg};

/// Longest identifier accepted: long enough for a readable name, short enough for a column or a URL.
pub const MAX_ID_LEN: usize = 64;

/// Why a string is not an identifier, written for the person editing the template.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    Empty,
    TooLong(String),
    BadStart(String),
    BadChar { id: String, ch: char },
}

impl IdError {
    /// Why, to be worded in the reader's language.
    pub fn message(&self) -> Message {
        match self {
            Self::Empty => msg!("design-id-empty"),
            Self::TooLong(id) => msg!("design-id-too-long", id = id, max = MAX_ID_LEN),
            Self::BadStart(id) => msg!("design-id-bad-start", id = id),
            Self::BadChar { id, ch } => msg!("design-id-bad-char", id = id, character = ch.to_string()),
        }
    }

    /// The same of a scale's name (`[scales.NAME]`), which follows the rule of identifiers.
    pub(crate) fn scale_name_message(&self) -> Message {
        match self {
            Self::Empty => msg!("design-scale-name-empty"),
            Self::TooLong(name) => msg!("design-scale-name-too-long", name = name, max = MAX_ID_LEN),
            Self::BadStart(name) => msg!("design-scale-name-bad-start", name = name),
            Self::BadChar { id, ch } => {
                msg!("design-scale-name-bad-char", name = id, character = ch.to_string())
            }
        }
    }
}

/// In English, for logs and the CLI.
impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.message(), f)
    }
}

pub(crate) fn check_id(s: &str) -> Result<(), IdError> {
    let mut chars = s.chars();
    match chars.next() {
        None => return Err(IdError::Empty),
        Some(c) if !c.is_ascii_lowercase() => return Err(IdError::BadStart(s.to_owned())),
        Some(_) => {}
    }
    if s.len() > MAX_ID_LEN {
        return Err(IdError::TooLong(s.to_owned()));
    }
    if let Some(ch) = chars.find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')) {
        return Err(IdError::BadChar { id: s.to_owned(), ch });
    }
    Ok(())
}

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        // Shared, not owned: every validated answer names its question and options, and a
        // clone is then a count, not an allocation.
        #[derive(Debug, Clone, Eq, PartialOrd, Ord)]
        pub struct $name(std::sync::Arc<str>);

        // As the text's, so that a map keyed by ids is looked up by `&str` too.
        impl std::hash::Hash for $name {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.0.hash(state)
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                // An answer's id is the questionnaire's own, shared: equal without reading it.
                std::sync::Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl $name {
            /// Parses an identifier: a lowercase letter, then lowercase letters, digits or `_`.
            pub fn parse(s: &str) -> Result<Self, IdError> {
                check_id(s).map(|()| Self(s.into()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Self::parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}

typed_id!(
    /// Identifies a questionnaire (not a survey: one questionnaire serves many surveys and waves).
    QuestionnaireId
);
typed_id!(
    /// Identifies a section (page); unique within a questionnaire.
    SectionId
);
typed_id!(
    /// Identifies a question; unique within a questionnaire, stable across waves for trends.
    QuestionId
);
typed_id!(
    /// Identifies an option of a choice or ranking question; unique within its question.
    OptionId
);
typed_id!(
    /// Identifies a statement of a matrix question; unique within its question.
    ItemId
);
typed_id!(
    /// Names a topic tag that groups questions into an index (`support`, `concerns`, ...).
    TopicId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_of_lowercase_letters_digits_and_underscores_parses() {
        assert_eq!(QuestionId::parse("q1_support").unwrap().as_str(), "q1_support");
    }

    #[test]
    fn ids_that_break_the_rule_say_why() {
        assert_eq!(
            QuestionId::parse("").unwrap_err().to_string(),
            "an identifier cannot be empty"
        );
        assert_eq!(
            QuestionId::parse("1st").unwrap_err().to_string(),
            "identifier `1st` must start with a lowercase letter"
        );
        assert_eq!(
            QuestionId::parse("join-later").unwrap_err().to_string(),
            "identifier `join-later` contains `-`; use lowercase letters, digits and `_`"
        );
        let long = "a".repeat(MAX_ID_LEN + 1);
        assert_eq!(
            QuestionId::parse(&long).unwrap_err().to_string(),
            format!("identifier `{long}` is longer than 64 characters")
        );
    }
}
