//! The page frame shared by the operator UI and the management portal.

use actix_web::http::StatusCode;
use maud::{DOCTYPE, Markup, html};
use survey_i18n::t;

use super::UiLang;
use crate::web::extract::CurrentUser;

/// A whole page: header with navigation for the user's role, the content, and the language switch.
pub fn page(lang: UiLang, title: &str, user: Option<&CurrentUser>, content: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — " (t!(lang, "common-anonymous-employee-survey")) }
                link rel="stylesheet" href="/static/app.css";
            }
            body {
                header.top {
                    a.brand href="/" { (t!(lang, "common-anonymous-employee-survey")) }
                    @if let Some(user) = user {
                        nav {
                            @if user.role.is_operator() {
                                a href="/operator" { (t!(lang, "common-surveys")) }
                                a href="/operator/organisations" { (t!(lang, "common-clients")) }
                                a href="/operator/users" { (t!(lang, "common-operators")) }
                                a href="/operator/audit" { (t!(lang, "common-audit-log")) }
                            } @else {
                                a href="/portal" { (t!(lang, "common-results")) }
                            }
                        }
                        form.logout method="post" action="/logout" {
                            input type="hidden" name="csrf" value=(user.csrf);
                            a.who href="/account/password" { (user.user.name) }
                            button type="submit" { (t!(lang, "common-log-out")) }
                        }
                    }
                    @for other in UiLang::all().iter().filter(|o| **o != lang) {
                        form.lang method="post" action="/lang" {
                            input type="hidden" name="lang" value=(other.code());
                            button type="submit" lang=(other.code()) { (survey_i18n::language_name(other.code())) }
                        }
                    }
                }
                main { h1 { (title) } (content) }
            }
        }
    }
}

/// A page for an error, its message in every language of the interface (the page cannot rely on
/// the page that led to it).
pub fn error_page(status: StatusCode, message: impl Fn(UiLang) -> String) -> Markup {
    html! {
        (DOCTYPE)
        html {
            head {
                meta charset="utf-8";
                title { (status.as_u16()) }
                link rel="stylesheet" href="/static/app.css";
            }
            body {
                main.error {
                    h1 { (status.as_u16()) " " (status.canonical_reason().unwrap_or("")) }
                    @for lang in UiLang::all() {
                        p.message lang=(lang.code()) { (message(*lang)) }
                    }
                    p { a href="/" { "← " (UiLang::all().iter().map(|l| t!(l, "common-home")).collect::<Vec<_>>().join(" / ")) } }
                }
            }
        }
    }
}

/// A hidden CSRF field for a form of a logged-in user.
pub fn csrf_field(user: &CurrentUser) -> Markup {
    html! { input type="hidden" name="csrf" value=(user.csrf); }
}

pub fn html_response(markup: Markup) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(markup.into_string())
}
