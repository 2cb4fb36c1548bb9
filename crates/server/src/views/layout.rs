//! The page frame shared by the operator UI and the management portal.

use actix_web::http::StatusCode;
use maud::{DOCTYPE, Markup, html};

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
                title { (title) " — " (lang.t("匿名従業員調査", "Anonymous employee survey")) }
                link rel="stylesheet" href="/static/app.css";
            }
            body {
                header.top {
                    a.brand href="/" { (lang.t("匿名従業員調査", "Anonymous employee survey")) }
                    @if let Some(user) = user {
                        nav {
                            @if user.role.is_operator() {
                                a href="/operator" { (lang.t("調査", "Surveys")) }
                                a href="/operator/organisations" { (lang.t("クライアント", "Clients")) }
                                a href="/operator/users" { (lang.t("オペレーター", "Operators")) }
                                a href="/operator/audit" { (lang.t("監査ログ", "Audit log")) }
                            } @else {
                                a href="/portal" { (lang.t("調査結果", "Results")) }
                            }
                        }
                        form.logout method="post" action="/logout" {
                            input type="hidden" name="csrf" value=(user.csrf);
                            a.who href="/account/password" { (user.user.name) }
                            button type="submit" { (lang.t("ログアウト", "Log out")) }
                        }
                    }
                    form.lang method="post" action="/lang" {
                        @let other = if lang == UiLang::Ja { "en" } else { "ja" };
                        input type="hidden" name="lang" value=(other);
                        button type="submit" { (if lang == UiLang::Ja { "English" } else { "日本語" }) }
                    }
                }
                main { h1 { (title) } (content) }
            }
        }
    }
}

/// A page for an error, with the message written for its reader.
pub fn error_page(status: StatusCode, japanese: Option<&str>, message: &str) -> Markup {
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
                    @if let Some(japanese) = japanese { p.message lang="ja" { (japanese) } }
                    p.message lang="en" { (message) }
                    p { a href="/" { "← Home / ホーム" } }
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
