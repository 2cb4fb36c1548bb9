//! Pieces every page reuses: a survey's state, a segment's name, the response-rate table and the
//! list of published files.

use maud::{Markup, html};
use survey_i18n::t;

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
    let words = crate::services::roster::GroupWords {
        merged: t!(lang, "operator-other-merged-too-few"),
        everyone: t!(lang, "operator-group-everyone"),
    };
    crate::services::roster::describe(label, &words)
}

/// Ballots taken per segment, as the research firm sees them: every segment's size, and the rate
/// of those of at least k invitees.
pub fn rate_table(lang: UiLang, rates: &Rates, k: i32) -> Markup {
    html! {
        table {
            thead { tr {
                th { (t!(lang, "operator-segment")) }
                th.num { (t!(lang, "operator-invitees")) }
                th.num { (t!(lang, "operator-rate")) }
            } }
            tbody {
                @for r in &rates.segments {
                    tr {
                        td { (segment_name(lang, &r.segment)) }
                        td.num { (r.invitees) }
                        @if r.invitees >= i64::from(k) { td.num { (percent(r.tokens_issued, r.invitees)) } }
                        @else { td.num.muted { (t!(lang, "operator-hidden-below-k")) } }
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
            thead { tr { th { (t!(lang, "operator-segment")) } th.num { (t!(lang, "operator-rate")) } } }
            tbody {
                @for (segment, percent) in &figures.segments {
                    tr { td { (segment_name(lang, segment)) } td.num { (percent) "%" } }
                }
            }
        }
    }
}

/// The published files as a list of links, with their hashes.
pub fn file_list(
    files: &[crate::services::reports::PublishedFile],
    href: impl Fn(&str, &str) -> String,
    lang: UiLang,
) -> Markup {
    html! {
        @if files.is_empty() {
            p.muted { (t!(lang, "operator-reports-appear-here-once-they")) }
        } @else {
            table {
                thead { tr { th { (t!(lang, "operator-language")) } th { (t!(lang, "operator-file")) } th { "SHA-256" } } }
                tbody {
                    @for f in files {
                        tr {
                            td lang=(f.language) { (survey_i18n::language_name(&f.language)) }
                            td { a href=(href(&f.language, &f.format)) { (f.file_name) } }
                            td { code.fingerprint { (f.sha256) } }
                        }
                    }
                }
            }
        }
    }
}
