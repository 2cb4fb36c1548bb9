//! Pieces every page reuses: a survey's state, a segment's name, the response-rate table and the
//! list of published files.

use maud::{Markup, html};

use super::UiLang;
use crate::domain::SurveyState;
use crate::services::live_figures::ClientFigures;
use crate::services::roster::{Rates, percent};

/// A survey's state as a small label, in the interface language.
pub fn state_badge(lang: UiLang, state: SurveyState) -> Markup {
    html! { span.state { (state.label(lang)) } }
}

/// A segment as people read it: `department: Sales · tenure: other (merged: too few)`.
pub fn segment_name(lang: UiLang, label: &str) -> String {
    crate::services::roster::describe(label, lang.t("その他（少人数のため統合）", "other (merged: too few)"))
}

/// Ballots taken per segment, as the research firm sees them: every segment's size, and the rate
/// of those of at least k invitees.
pub fn rate_table(lang: UiLang, rates: &Rates, k: i32) -> Markup {
    html! {
        table {
            thead { tr {
                th { (lang.t("セグメント", "Segment")) }
                th.num { (lang.t("対象者", "Invitees")) }
                th.num { (lang.t("発行率", "Rate")) }
            } }
            tbody {
                @for r in &rates.segments {
                    tr {
                        td { (segment_name(lang, &r.segment)) }
                        td.num { (r.invitees) }
                        @if r.invitees >= i64::from(k) { td.num { (percent(r.tokens_issued, r.invitees)) } }
                        @else { td.num.muted { (lang.t("非表示（k 未満）", "hidden (below k)")) } }
                    }
                }
            }
        }
    }
}

/// Ballots taken per segment, as management sees them: only the segments that may be shown.
pub fn client_rate_table(lang: UiLang, figures: &ClientFigures) -> Markup {
    html! {
        table {
            thead { tr { th { (lang.t("セグメント", "Segment")) } th.num { (lang.t("発行率", "Rate")) } } }
            tbody {
                @for (segment, percent) in &figures.segments {
                    tr { td { (segment_name(lang, segment)) } td.num { (percent) "%" } }
                }
            }
        }
    }
}

/// The published files as a list of links, with their hashes.
pub fn file_list(files: &[(String, String, String)], href: impl Fn(&str) -> String, lang: UiLang) -> Markup {
    html! {
        @if files.is_empty() {
            p.muted { (lang.t("報告書は公開され次第ここに表示されます。", "Reports appear here once they are published.")) }
        } @else {
            table {
                thead { tr { th { (lang.t("ファイル", "File")) } th { "SHA-256" } } }
                tbody {
                    @for (format, name, sha) in files {
                        tr { td { a href=(href(format)) { (name) } } td { code.fingerprint { (sha) } } }
                    }
                }
            }
        }
    }
}
