//! The report as tidy CSV: one row per (measure, category, group), then one per (topic, group) with
//! the topic index as `topic:NAME` (its `n` counts respondents); UTF-8 with a byte-order mark so that
//! Excel in Japan opens it as UTF-8. Hidden groups are rows with a `hidden` flag and no numbers; a
//! segment's favourable row is flagged `higher` or `lower` when it differs significantly from the rest.

use crate::report::{Figure, Report};

/// The group label of everyone.
pub const ALL: &str = "all";

pub fn render(report: &Report) -> String {
    let mut out = String::from("\u{feff}question,item,category,segment,n,count,share,ci_low,ci_high,flag\r\n");
    for m in &report.measures {
        let groups = std::iter::once((ALL, &m.overall)).chain(m.by_segment.iter().map(|(s, f)| (s.as_str(), f)));
        for (segment, figure) in groups {
            let item = m.item.as_deref().unwrap_or("");
            match figure {
                Figure::Shown(d) => {
                    for (category, share) in &d.categories {
                        row(
                            &mut out,
                            &[
                                &m.question,
                                item,
                                category,
                                segment,
                                &d.n.to_string(),
                                &share.count.to_string(),
                                &format!("{:.4}", share.share),
                                &format!("{:.4}", share.low),
                                &format!("{:.4}", share.high),
                                "",
                            ],
                        );
                    }
                    if let Some(f) = d.favourable {
                        let flag = match m.differences.iter().find(|x| x.segment == segment && x.significant) {
                            Some(x) if x.segment_share > x.rest_share => "higher",
                            Some(_) => "lower",
                            None => "",
                        };
                        let (share, low, high) = (
                            format!("{:.4}", f.share),
                            format!("{:.4}", f.low),
                            format!("{:.4}", f.high),
                        );
                        row(
                            &mut out,
                            &[
                                &m.question,
                                item,
                                "favourable",
                                segment,
                                &f.of.to_string(),
                                &f.count.to_string(),
                                &share,
                                &low,
                                &high,
                                flag,
                            ],
                        );
                    }
                }
                Figure::Hidden => row(
                    &mut out,
                    &[&m.question, item, "", segment, "", "", "", "", "", "hidden"],
                ),
            }
        }
    }
    for t in &report.topics {
        let question = format!("topic:{}", t.topic);
        let groups = std::iter::once((ALL, &t.overall)).chain(t.by_segment.iter().map(|(s, f)| (s.as_str(), f)));
        for (segment, figure) in groups {
            match figure {
                Figure::Shown(x) => {
                    let f = x.favourable;
                    let (share, low, high) = (
                        format!("{:.4}", f.share),
                        format!("{:.4}", f.low),
                        format!("{:.4}", f.high),
                    );
                    row(
                        &mut out,
                        &[
                            &question,
                            "",
                            "favourable",
                            segment,
                            &x.respondents.to_string(),
                            &f.count.to_string(),
                            &share,
                            &low,
                            &high,
                            "",
                        ],
                    );
                }
                Figure::Hidden => row(&mut out, &[&question, "", "", segment, "", "", "", "", "", "hidden"]),
            }
        }
    }
    out
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
