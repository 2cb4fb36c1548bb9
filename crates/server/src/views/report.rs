//! A report as HTML: the tables of every figure the analysis shows, hidden groups marked. The
//! operator's preview shows it in the page frame; publishing stores it as one self-contained file.

use maud::{DOCTYPE, Markup, PreEscaped, html};
use survey_analysis::{Distribution, Figure, Measure, Report};
use survey_design::{Lang, QuestionKind, Questionnaire};

use super::UiLang;

/// Every table of the report.
pub fn body(q: &Questionnaire, report: &Report, lang: UiLang) -> Markup {
    let ui = lang.design();
    let hidden_text = lang.t("非表示", "hidden");
    let percent = |share: f64| format!("{:.1}%", share * 100.0);
    let describe = |segment: &str| crate::roster::describe(segment, lang.t("その他", "other"));
    html! {
        p.muted {
            (lang.pick(
                format!("回答者が{}人未満のグループの数値は表示しません。全体から差し引いて分からないよう、隠したグループの合計も{}人に満たないときは別のグループも隠します。自由記述は{}人以上の場合のみ表示します。", report.k, report.k, report.comment_k),
                format!("No figure is shown for a group of fewer than {} respondents; so that nothing follows by subtraction from the total, further groups are hidden until the hidden ones together reach {}. Comments appear only from {} responses.", report.k, report.k, report.comment_k),
            ))
        }
        h2 { (lang.t("回答数", "Responses")) }
        table {
            thead { tr { th { (lang.t("グループ", "Group")) } th.num { (lang.t("対象者", "Invited")) } th.num { (lang.t("回答", "Responses")) } th.num { (lang.t("回答率", "Rate")) } } }
            tbody {
                tr {
                    td { strong { (lang.t("全体", "Everyone")) } }
                    td.num { (report.invited) }
                    (cell(&report.responses, |n| n.to_string(), hidden_text))
                    (cell(&report.rate, |r| percent(*r), hidden_text))
                }
                @for row in &report.segments {
                    tr {
                        td { (describe(&row.segment)) }
                        td.num { (row.invited) }
                        (cell(&row.responses, |n| n.to_string(), hidden_text))
                        (cell(&row.rate, |r| percent(*r), hidden_text))
                    }
                }
            }
        }
        @if !report.topics.is_empty() {
            h2 { (lang.t("トピック指標（肯定的回答率）", "Topic indices (favourable share)")) }
            table.topics {
                thead {
                    tr {
                        th { (lang.t("トピック", "Topic")) }
                        th.num { (lang.t("全体", "Everyone")) }
                        @for row in &report.segments { th.num { (describe(&row.segment)) } }
                    }
                }
                tbody {
                    @for t in &report.topics {
                        tr {
                            td { (q.topics().iter().find(|x| x.id().as_str() == t.topic).map_or(t.topic.clone(), |x| x.label().get(&ui).to_owned())) }
                            (cell(&t.overall, |x| percent(x.favourable.share), hidden_text))
                            @for (_, figure) in &t.by_segment { (cell(figure, |x| percent(x.favourable.share), hidden_text)) }
                        }
                    }
                }
            }
        }
        @for m in &report.measures {
            (measure(q, &ui, lang, m, hidden_text, &describe))
        }
        @if !report.comments.is_empty() {
            h2 { (lang.t("自由記述", "Comments")) }
            @for (question, texts) in &report.comments {
                h3 { (q.question(question).map_or(question.as_str(), |x| x.text().get(&ui))) }
                ul { @for t in texts { li { (t) } } }
            }
        }
    }
}

/// The report as one self-contained page (its stylesheet inline), for download and printing.
pub fn standalone(title: &str, lang: UiLang, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(include_str!("../../static/app.css"))) }
            }
            body { main { h1 { (title) } (body) } }
        }
    }
    .into_string()
}

fn cell<T>(figure: &Figure<T>, show: impl Fn(&T) -> String, hidden: &str) -> Markup {
    match figure {
        Figure::Shown(value) => html! { td.num { (show(value)) } },
        Figure::Hidden => html! { td.num.muted { (hidden) } },
    }
}

fn measure(
    q: &Questionnaire,
    ui: &Lang,
    lang: UiLang,
    m: &Measure,
    hidden_text: &str,
    describe: &dyn Fn(&str) -> String,
) -> Markup {
    let Some(question) = q.question(&m.question) else {
        return html! {};
    };
    let item = match (question.kind(), &m.item) {
        (QuestionKind::Matrix { items, .. }, Some(id)) => items.iter().find(|i| i.id().as_str() == id),
        _ => None,
    };
    let percent = |share: f64| format!("{:.1}%", share * 100.0);
    let headline = |d: &Distribution| -> String {
        match (d.favourable, d.enps, d.moments) {
            (Some(f), _, _) => percent(f.share),
            (None, Some(e), _) => format!("{e:+.0}"),
            (None, None, Some(mo)) => format!("{:.2}", mo.mean),
            _ => String::new(),
        }
    };
    // The one figure of a group that sums the question up, where there is one.
    let headline_name = match question.kind() {
        QuestionKind::Likert { .. } | QuestionKind::Matrix { .. } => Some(lang.t("肯定的回答率", "Favourable")),
        QuestionKind::Rating { .. } => Some("eNPS"),
        QuestionKind::Number { .. } => Some(lang.t("平均", "Mean")),
        _ => None,
    };
    html! {
        section.measure {
            h2 { (question.text().get(ui)) @if let Some(item) = item { " — " (item.text().get(ui)) } }
            @match &m.overall {
                Figure::Hidden => p.muted { (hidden_text) },
                Figure::Shown(d) => {
                    p {
                        "n = " (d.n)
                        @if let Some(f) = d.favourable { " · " (lang.t("肯定的回答率", "favourable")) " " (percent(f.share)) " (95% CI " (percent(f.low)) "–" (percent(f.high)) ")" }
                        @if let Some(mo) = d.moments { " · " (lang.t("平均", "mean")) " " (format!("{:.2}", mo.mean)) ", " (lang.t("中央値", "median")) " " (mo.median) ", " (lang.t("標準偏差", "sd")) " " (format!("{:.2}", mo.sd)) }
                        @if let Some(e) = d.enps { " · eNPS " (format!("{e:+.0}")) }
                    }
                    @if !d.categories.is_empty() {
                        @let ranking = matches!(question.kind(), QuestionKind::Ranking { .. });
                        table {
                            thead {
                                tr {
                                    th { (lang.t("回答", "Answer")) }
                                    th.num { (if ranking { lang.t("1位に選んだ件数", "Ranked first") } else { lang.t("件数", "Count") }) }
                                    th.num { (lang.t("割合", "Share")) }
                                    th.num { "95% CI" }
                                    @if ranking { th.num { (lang.t("平均順位（選んだ人の中で）", "Mean rank (of those ranking it)")) } }
                                }
                            }
                            tbody {
                                @for (key, share) in &d.categories {
                                    tr {
                                        td { (category_label(question.kind(), key, ui)) }
                                        td.num { (share.count) }
                                        td.num { (percent(share.share)) }
                                        td.num { (percent(share.low)) "–" (percent(share.high)) }
                                        @if ranking {
                                            td.num { (d.mean_rank.iter().find(|(o, _)| o == key).map_or(String::from("—"), |(_, r)| format!("{r:.2}"))) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if m.by_segment.len() > 1 {
                table.by-segment {
                    thead { tr { th { (lang.t("グループ", "Group")) } th.num { "n" } @if let Some(name) = headline_name { th.num { (name) } } } }
                    tbody {
                        @for (segment, figure) in &m.by_segment {
                            tr {
                                td { (describe(segment)) }
                                (cell(figure, |d| d.n.to_string(), hidden_text))
                                @if headline_name.is_some() {
                                    @let mark = m.differences.iter().find(|x| x.segment == *segment && x.significant)
                                        .map_or("", |x| if x.segment_share > x.rest_share { " ▲" } else { " ▼" });
                                    (cell(figure, |d| format!("{}{mark}", headline(d)), hidden_text))
                                }
                            }
                        }
                    }
                }
                @if m.differences.iter().any(|x| x.significant) {
                    p.muted { (lang.t("▲▼: 他の回答者との差が統計的に有意（Holm 法で補正した p < 0.05）",
                                      "▲▼: differs from everyone else significantly (p < 0.05 after Holm's correction)")) }
                }
            }
        }
    }
}

/// What a category key stands for, in the reader's language.
fn category_label(kind: &QuestionKind, key: &str, ui: &Lang) -> String {
    let option = |options: &[survey_design::ChoiceOption]| {
        options
            .iter()
            .find(|o| o.id().as_str() == key)
            .map(|o| o.label().get(ui).to_owned())
    };
    let scale = |scale: &survey_design::Scale| match key {
        survey_analysis::aggregate::NOT_APPLICABLE => scale.not_applicable().map(|t| t.get(ui).to_owned()),
        point => point
            .parse::<u8>()
            .ok()
            .and_then(|p| scale.label(p))
            .map(|t| format!("{key}. {}", t.get(ui))),
    };
    let label = match kind {
        QuestionKind::SingleChoice(c) | QuestionKind::MultipleChoice { choices: c, .. } => {
            if key == survey_analysis::aggregate::OTHER {
                c.other().map(|o| o.label().get(ui).to_owned())
            } else {
                option(c.options())
            }
        }
        QuestionKind::Likert { scale: s, .. } | QuestionKind::Matrix { scale: s, .. } => scale(s),
        QuestionKind::Ranking { options, .. } => option(options),
        _ => None,
    };
    label.unwrap_or_else(|| key.to_owned())
}
