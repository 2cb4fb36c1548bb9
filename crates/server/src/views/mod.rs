//! HTML built with maud: the page layout, the pieces every page reuses ([`components`]) and the
//! questionnaire as a form ([`questionnaire_form`], the respondent's and the operator's preview).

pub mod components;
pub mod layout;
pub mod questionnaire_form;

use actix_web::{FromRequest, HttpRequest};
use std::future::{Ready, ready};

/// The language of the interface (not of a questionnaire): from the `lang` cookie, Japanese by
/// default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UiLang {
    Ja,
    En,
}

impl UiLang {
    pub const COOKIE: &'static str = "lang";

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "ja" => Some(Self::Ja),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Ja => "ja",
            Self::En => "en",
        }
    }

    /// The same language for the design crate's messages.
    pub fn design(self) -> survey_design::Lang {
        survey_design::Lang::parse(self.code()).unwrap_or_else(|_| survey_design::Lang::english())
    }

    /// Picks the value of this language, for texts made at run time.
    pub fn pick<T>(self, ja: T, en: T) -> T {
        match self {
            Self::Ja => ja,
            Self::En => en,
        }
    }

    /// Picks the text of this language: `lang.t("ログイン", "Log in")`.
    pub fn t(self, ja: &'static str, en: &'static str) -> &'static str {
        match self {
            Self::Ja => ja,
            Self::En => en,
        }
    }
}

impl FromRequest for UiLang {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let lang = req
            .cookie(Self::COOKIE)
            .and_then(|c| Self::parse(c.value()))
            .unwrap_or(Self::Ja);
        ready(Ok(lang))
    }
}
