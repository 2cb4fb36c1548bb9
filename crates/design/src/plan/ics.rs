//! The plan as an iCalendar file (RFC 5545): one all-day event per step, with stable ids so that
//! importing a revised plan updates the events instead of duplicating them.

use chrono::{DateTime, Days, Utc};

use super::Plan;
use crate::text::Lang;

/// Longest line in octets before folding (RFC 5545 §3.1).
const FOLD_AT: usize = 75;

impl Plan {
    /// `name` identifies the survey in event titles and ids; `stamp` is the creation time.
    pub fn to_ics(&self, name: &str, lang: &Lang, stamp: DateTime<Utc>) -> String {
        let mut lines = vec![
            "BEGIN:VCALENDAR".to_owned(),
            "VERSION:2.0".to_owned(),
            "PRODID:-//anonymous-employee-survey//fieldwork planner//EN".to_owned(),
            "CALSCALE:GREGORIAN".to_owned(),
            "METHOD:PUBLISH".to_owned(),
        ];
        let slug: String = name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        for step in &self.steps {
            let end = step.date.checked_add_days(Days::new(1)).unwrap_or(step.date);
            lines.extend([
                "BEGIN:VEVENT".to_owned(),
                format!("UID:{}-{}@survey-planner", slug, step.milestone.key()),
                format!("DTSTAMP:{}", stamp.format("%Y%m%dT%H%M%SZ")),
                format!("DTSTART;VALUE=DATE:{}", step.date.format("%Y%m%d")),
                format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")),
                format!(
                    "SUMMARY:{}",
                    escape(&format!("{} — {}", step.milestone.label(lang), name))
                ),
                "TRANSP:TRANSPARENT".to_owned(),
                "END:VEVENT".to_owned(),
            ]);
        }
        lines.push("END:VCALENDAR".to_owned());
        lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("")
    }
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Ends the line with CRLF, folding it into continuation lines (leading space) of at most 75 octets
/// without splitting a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > FOLD_AT {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let line = format!("SUMMARY:{}", "報告会".repeat(20));
        let folded = fold(&line);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= FOLD_AT, "{} octets: {physical}", physical.len());
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
    }

    #[test]
    fn text_values_escape_separators() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
