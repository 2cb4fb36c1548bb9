use crate::error::AppError;

/// A name a person typed (of a survey, a client organisation or a user): one line, no control
/// character (NUL cannot even be stored in PostgreSQL), trimmed, not empty (an organisation's at most 200 characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name(String);

/// Which name is parsed, for the message that says what is wrong with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameOf {
    Survey,
    Organisation,
    Person,
}

impl NameOf {
    /// The field (English, Japanese).
    fn field(self) -> (&'static str, &'static str) {
        match self {
            Self::Survey => ("the survey's name", "調査名"),
            Self::Organisation => ("the organisation's name", "組織名"),
            Self::Person => ("the name", "名前"),
        }
    }

    fn missing(self) -> AppError {
        match self {
            Self::Survey => AppError::bad("the survey needs a name", "調査名を入力してください"),
            Self::Organisation => AppError::bad(
                "the organisation needs a name of 1 to 200 characters",
                "組織名は1〜200文字で入力してください",
            ),
            Self::Person => AppError::bad("the name is empty", "名前が空です"),
        }
    }
}

impl Name {
    /// The longest organisation name.
    pub const MAX_CHARS: usize = 200;

    pub fn parse(value: &str, of: NameOf) -> Result<Self, AppError> {
        if let Some(c) = value.chars().find(|c| c.is_control()) {
            let (en, ja) = of.field();
            return Err(AppError::bad(
                format!("{en} cannot hold control characters (U+{:04X})", u32::from(c)),
                format!("{ja}に制御文字（U+{:04X}）は使えません", u32::from(c)),
            ));
        }
        let name = value.trim();
        if name.is_empty() {
            return Err(of.missing());
        }
        // Organisations are listed by name; the others keep what was typed, as they always have.
        if of == NameOf::Organisation && value.chars().count() > Self::MAX_CHARS {
            return Err(of.missing());
        }
        Ok(Self(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
