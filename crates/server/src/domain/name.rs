use survey_i18n::msg;

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
    /// The field, as a variant of the messages about it.
    fn field(self) -> &'static str {
        match self {
            Self::Survey => "survey",
            Self::Organisation => "organisation",
            Self::Person => "person",
        }
    }

    fn missing(self) -> AppError {
        match self {
            Self::Survey => AppError::BadRequest(msg!("error-survey-needs-name")),
            Self::Organisation => AppError::BadRequest(msg!("error-organisation-needs-name-1-200")),
            Self::Person => AppError::BadRequest(msg!("error-name-empty")),
        }
    }
}

impl Name {
    /// The longest organisation name.
    pub const MAX_CHARS: usize = 200;

    pub fn parse(value: &str, of: NameOf) -> Result<Self, AppError> {
        if let Some(c) = value.chars().find(|c| c.is_control()) {
            return Err(AppError::BadRequest(msg!(
                "error-name-control-character",
                field = of.field(),
                code = format!("U+{:04X}", u32::from(c))
            )));
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
