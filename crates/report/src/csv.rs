//! The report as tidy CSV: one row per (measure, category, group), then one per (topic, group) with
//! the topic index as `topic:NAME` (its `n` counts respondents); UTF-8 with a byte-order mark so that
//! Excel in Japan opens it as UTF-8. Hidden groups are rows with a `hidden` flag and no numbers; the
//! hidden groups' figure together (which the total minus the shown groups gives) has the segment
//! [`TOGETHER`]; a segment's favourable row is flagged `higher` or `lower` when it differs
//! significantly from the rest.

use survey_analysis::stats::Share;
use survey_analysis::{Figure, Report};

/// The group label of everyone.
pub const ALL: &str = "all";
/// The group label of the hidden groups together ([`survey_analysis::Together`]).
pub const TOGETHER: &str = "hidden_together";

pub fn render(report: &Report) -> String {
    let mut out = String::from("\u{feff}question,item,category,segment,n,count,share,ci_low,ci_high,flag\r\n");
    for m in &report.measures {
        let item = m.item.as_deref().unwrap_or("");
        let together = m.together.as_ref().map(|t| Figure::Shown(t.figure.clone()));
        let groups = std::iter::once((ALL, &m.overall))
            .chain(m.by_segment.iter().map(|(s, f)| (s.as_str(), f)))
            .chain(together.as_ref().map(|f| (TOGETHER, f)));
        for (segment, figure) in groups {
            let lead = [m.question.as_str(), item];
            match figure {
                Figure::Shown(d) => {
                    for (category, share) in &d.categories {
                        share_row(&mut out, lead, category, segment, d.n, share, "");
                    }
                    if let Some(f) = &d.favourable {
                        let flag = match m.differences.iter().find(|x| x.segment == segment && x.significant) {
                            Some(x) if x.segment_share > x.rest_share => "higher",
                            Some(_) => "lower",
                            None => "",
                        };
                        share_row(&mut out, lead, "favourable", segment, f.of, f, flag);
                    }
                }
                Figure::Hidden => hidden_row(&mut out, lead, segment),
            }
        }
    }
    for t in &report.topics {
        let question = format!("topic:{}", t.topic);
        let lead = [question.as_str(), ""];
        let together = t.together.as_ref().map(|x| Figure::Shown(x.figure));
        let groups = std::iter::once((ALL, &t.overall))
            .chain(t.by_segment.iter().map(|(s, f)| (s.as_str(), f)))
            .chain(together.as_ref().map(|f| (TOGETHER, f)));
        for (segment, figure) in groups {
            match figure {
                Figure::Shown(x) => share_row(&mut out, lead, "favourable", segment, x.respondents, &x.favourable, ""),
                Figure::Hidden => hidden_row(&mut out, lead, segment),
            }
        }
    }
    out
}

/// One figure: `lead` is (question, item), `n` the group's size for this figure.
fn share_row(out: &mut String, lead: [&str; 2], category: &str, segment: &str, n: u64, share: &Share, flag: &str) {
    row(
        out,
        &[
            lead[0],
            lead[1],
            category,
            segment,
            &n.to_string(),
            &share.count.to_string(),
            &format!("{:.4}", share.share),
            &format!("{:.4}", share.low),
            &format!("{:.4}", share.high),
            flag,
        ],
    );
}

fn hidden_row(out: &mut String, lead: [&str; 2], segment: &str) {
    row(out, &[lead[0], lead[1], "", segment, "", "", "", "", "", "hidden"]);
}

fn row(out: &mut String, fields: &[&str]) {
    let quoted: Vec<String> = fields.iter().map(|f| quote(f)).collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

/// RFC 4180 quoting, and a leading `'` before what a spreadsheet would run as a formula.
fn quote(field: &str) -> String {
    let field = if field.starts_with(['=', '+', '-', '@']) && field.parse::<f64>().is_err() {
        format!("'{field}")
    } else {
        field.to_owned()
    };
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}
