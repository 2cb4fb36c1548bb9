//! HTML built with maud: the page layout, the pieces every page reuses ([`components`]) and the
//! questionnaire as a form ([`questionnaire_form`], the respondent's and the operator's preview).

pub mod components;
pub mod layout;
pub mod questionnaire_form;

use actix_web::{FromRequest, HttpRequest};
use std::future::{Ready, ready};

/// The language of the operator's and management's interface (not of a questionnaire): one of the
/// locales whose catalogs have the operator and portal areas, from the `lang` cookie, else the
/// browser's `Accept-Language`, else Japanese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UiLang(&'static str);

impl UiLang {
    pub const COOKIE: &'static str = "lang";
    pub const JAPANESE: Self = Self("ja");

    /// Every language the interface is offered in (the catalogs are compiled in: found once).
    pub fn all() -> &'static [Self] {
        static ALL: std::sync::LazyLock<Vec<UiLang>> = std::sync::LazyLock::new(|| {
            survey_i18n::locales_with("operator")
                .into_iter()
                .filter(|l| survey_i18n::has_area(l, "portal"))
                .map(UiLang)
                .collect()
        });
        &ALL
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::all().iter().copied().find(|l| l.0 == s)
    }

    pub fn code(self) -> &'static str {
        self.0
    }

    /// The same language for the design crate's messages.
    pub fn design(self) -> survey_design::Lang {
        survey_design::Lang::parse(self.0).unwrap_or_else(|_| survey_design::Lang::english())
    }

    fn from_headers(req: &HttpRequest) -> Self {
        if let Some(chosen) = req.cookie(Self::COOKIE).and_then(|c| Self::parse(c.value())) {
            return chosen;
        }
        let offered: Vec<&str> = Self::all().iter().map(|l| l.0).collect();
        browser_language(req, &offered)
            .and_then(Self::parse)
            .unwrap_or(Self::JAPANESE)
    }
}

impl survey_i18n::Locale for UiLang {
    fn locale(&self) -> &str {
        self.0
    }
}

impl FromRequest for UiLang {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        ready(Ok(Self::from_headers(req)))
    }
}

/// The best of `offered` for the browser's `Accept-Language`, if any fits.
pub fn browser_language<'a>(req: &HttpRequest, offered: &[&'a str]) -> Option<&'a str> {
    req.headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|accept| survey_i18n::negotiate(accept, offered))
}
