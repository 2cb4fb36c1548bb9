//! The debrief deck as its readers get it: python-pptx opens it (`tests/report/read_deck.py`) and
//! reads back every slide, table, native chart and embedded workbook. Without python-pptx these
//! tests fail, never skip.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking, helpers included

use std::io::Read;
use std::path::Path;
use std::process::Command;

use serde_json::Value;
use survey_analysis::{Aggregate, report};
use survey_design::Questionnaire;
use survey_report::chart::Chart;
use survey_report::document::CommentBlock;
use survey_report::{Document, Format, Meta, Words};

mod common;
use common::TEMPLATE;

fn hidden_group_report(lang: &str) -> (Questionnaire, survey_analysis::Report, Document) {
    let meta = Meta {
        organisation: "株式会社サンプル".into(),
        period: "2026-10-01 – 2026-10-14".into(),
        issued: "2026年10月20日".into(),
        tally: None,
    };
    common::hidden_group_report(lang, meta)
}

fn deck_of(q: &Questionnaire, r: &survey_analysis::Report, doc: &Document) -> Vec<u8> {
    survey_report::render(Format::Pptx, q, r, doc, &doc.title).unwrap()
}

/// The deck as python-pptx reads it.
fn read(deck: &[u8], name: &str) -> Value {
    let python = Command::new("python3").args(["-c", "import pptx"]).output();
    assert!(
        python.is_ok_and(|o| o.status.success()),
        "these tests read the deck with python-pptx, which is missing: pip install python-pptx"
    );
    let dir = std::env::temp_dir().join(format!("survey-deck-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("deck.pptx");
    std::fs::write(&path, deck).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/report/read_deck.py");
    let out = Command::new("python3").arg(script).arg(&path).output().unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        out.status.success(),
        "python-pptx cannot read the deck: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn slides(deck: &Value) -> &Vec<Value> {
    deck["slides"].as_array().unwrap()
}

fn title(slide: &Value) -> &str {
    slide["title"].as_str().unwrap_or("")
}

/// The one slide titled `title`.
fn slide<'a>(deck: &'a Value, title: &str) -> &'a Value {
    let found: Vec<&Value> = slides(deck).iter().filter(|s| self::title(s) == title).collect();
    assert_eq!(found.len(), 1, "one slide titled {title}");
    found[0]
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

/// A series' values, read from the text Python wrote them as.
fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().parse().unwrap())
        .collect()
}

/// A chart as the deck must have it: its type, its shown rows' labels and each series' values.
fn expected(chart: &Chart) -> (&'static str, Vec<String>, Vec<Vec<f64>>) {
    match chart {
        Chart::Diverging { points, rows } => {
            let shown: Vec<_> = rows
                .iter()
                .filter_map(|r| Some((r.label.clone(), r.shares.clone()?)))
                .collect();
            let series = (0..points.len())
                .map(|p| shown.iter().map(|(_, s)| s[p]).collect())
                .collect();
            ("BAR_STACKED_100", shown.into_iter().map(|(l, _)| l).collect(), series)
        }
        Chart::Bars { rows, .. } => {
            let shown: Vec<_> = rows.iter().filter_map(|(l, v)| Some((l.clone(), (*v)?))).collect();
            let values = shown.iter().map(|(_, v)| *v).collect();
            (
                "BAR_CLUSTERED",
                shown.into_iter().map(|(l, _)| l).collect(),
                vec![values],
            )
        }
        Chart::Histogram { counts, .. } => (
            "COLUMN_CLUSTERED",
            (0..=10).map(|s: u8| s.to_string()).collect(),
            vec![counts.iter().map(|&c| c as f64).collect()],
        ),
        Chart::HeatMap { .. } => panic!("the heat map is a table"),
    }
}

fn assert_chart(slide: &Value, chart: &Chart) {
    let charts = slide["charts"].as_array().unwrap();
    assert_eq!(charts.len(), 1, "{slide}");
    let native = &charts[0];
    let (kind, categories, series) = expected(chart);
    assert_eq!(native["type"], kind, "{native}");
    assert_eq!(strings(&native["categories"]), categories, "{native}");
    let got: Vec<Vec<f64>> = native["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| numbers(&s["values"]))
        .collect();
    assert_eq!(got, series, "the report's figures: {native}");
    assert_eq!(native["workbook"], true, "an embedded workbook for Edit Data: {native}");
}

#[test]
fn the_deck_has_every_part_and_a_native_chart_per_question_with_the_reports_own_figures() {
    let (q, r, doc) = hidden_group_report("ja");
    let deck = read(&deck_of(&q, &r, &doc), "every-part");
    assert_eq!(
        (deck["width"].as_i64(), deck["height"].as_i64()),
        (Some(12_192_000), Some(6_858_000))
    );

    // Every part in its order, each of its continuation slides after it.
    let mut parts = vec![
        doc.title.clone(),
        "要旨".to_owned(),
        "グループ別の回答率".to_owned(),
        "トピック指標（肯定的回答率）".to_owned(),
    ];
    assert!(doc.topics.is_some());
    parts.extend(doc.sections.iter().map(|s| s.title.clone()));
    parts.extend(["グループ別の肯定的回答率", "自由記述", "調査の方法と匿名性"].map(str::to_owned));
    let titles: Vec<&str> = slides(&deck).iter().map(title).collect();
    let firsts: Vec<&str> = titles.iter().copied().filter(|t| !t.ends_with("（続き）")).collect();
    assert_eq!(firsts, parts, "{titles:?}");
    for t in &titles {
        if let Some(part) = t.strip_suffix("（続き）") {
            assert!(parts.iter().any(|p| p == part), "{t}");
        }
    }
    let cover = &slides(&deck)[0];
    assert_eq!(cover["layout"], "Title Slide");
    let cover_text = cover["texts"].to_string();
    for fact in [
        "調査結果報告会",
        "組織：株式会社サンプル",
        "調査期間：2026-10-01 – 2026-10-14",
        "回答数：52",
        "作成日：2026年10月20日",
        "社外秘",
    ] {
        assert!(cover_text.contains(fact), "{fact} on the title slide: {cover_text}");
    }

    // Every question's chart, native, with the Document's figures; the response rates too.
    assert_eq!(doc.sections.len(), 3);
    for section in &doc.sections {
        assert_chart(slide(&deck, &section.title), section.chart.as_ref().unwrap());
    }
    assert_chart(slide(&deck, "グループ別の回答率"), &doc.rates_chart);

    // No hidden group is plotted: 法務 and 開発 are words under the charts, never categories.
    for s in slides(&deck) {
        for chart in s["charts"].as_array().unwrap() {
            for category in strings(&chart["categories"]) {
                assert!(!category.contains("法務") && !category.contains("開発"), "{chart}");
            }
        }
    }
    let rates = slide(&deck, "グループ別の回答率")["texts"].to_string();
    assert!(
        rates.contains("非表示（少人数のグループを守るため）：department: 法務、department: 開発"),
        "{rates}"
    );
    let agree = slide(&deck, "A")["texts"].to_string();
    assert!(
        agree.contains("非表示（少人数のグループを守るため）：法務、開発"),
        "{agree}"
    );

    // The heat map is a table whose hidden cells say so, in words and nothing else.
    let heat = slide(&deck, "グループ別の肯定的回答率");
    let table = heat["tables"][0].as_array().unwrap();
    let head = strings(&table[0]);
    assert_eq!(head, ["", "全体", "営業", "法務", "開発"]);
    for row in &table[1..] {
        let cells = strings(row);
        assert!(cells[1].ends_with('%') && cells[2].ends_with('%'), "{cells:?}");
        assert_eq!(cells[3..], ["非表示", "非表示"], "{cells:?}");
    }
    assert!(heat["texts"].to_string().contains("灰色で「非表示」とあるセル"));
    let all = deck.to_string();
    assert!(all.contains("非表示"));
}

#[test]
fn the_package_holds_each_charts_data_cached_and_as_an_embedded_workbook() {
    let (q, r, doc) = hidden_group_report("ja");
    let bytes = deck_of(&q, &r, &doc);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<String> = archive.file_names().map(|n| n.unwrap().into_owned()).collect();
    let mut read = |name: &str| {
        let mut text = String::new();
        archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        text
    };
    let types = read("[Content_Types].xml");
    let charts: Vec<&String> = names.iter().filter(|n| n.starts_with("ppt/charts/chart")).collect();
    // The response rates and the three questions.
    assert_eq!(charts.len(), 4, "{names:?}");
    for n in 1..=charts.len() {
        let chart = read(&format!("ppt/charts/chart{n}.xml"));
        assert!(types.contains(&format!(
            r#"<Override PartName="/ppt/charts/chart{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>"#
        )));
        assert!(
            chart.contains("<c:strCache>") && chart.contains("<c:numCache>"),
            "{chart}"
        );
        assert!(
            chart.contains(r#"<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData>"#),
            "{chart}"
        );
        let rels = read(&format!("ppt/charts/_rels/chart{n}.xml.rels"));
        let workbook = format!("ppt/embeddings/Microsoft_Excel_Worksheet{n}.xlsx");
        assert!(rels.contains(&format!(r#"Target="../embeddings/Microsoft_Excel_Worksheet{n}.xlsx""#)));
        assert!(names.contains(&workbook), "{names:?}");
    }
    let presentation = read("ppt/presentation.xml");
    assert!(presentation.contains(r#"<p:sldSz cx="12192000" cy="6858000"/>"#));
    let theme = read("ppt/theme/theme1.xml");
    assert!(
        theme.contains(r#"<a:ea typeface="Yu Gothic"/>"#)
            && theme.contains(r#"<a:font script="Jpan" typeface="游ゴシック"/>"#)
    );
    let slide = read("ppt/slides/slide2.xml");
    assert!(
        slide.contains(r#"lang="ja-JP""#) && slide.contains(r#"<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/>"#),
        "{slide}"
    );
}

#[test]
fn long_comments_go_on_over_continuation_slides_and_none_is_lost() {
    let (q, r, mut doc) = hidden_group_report("ja");
    let long = "退職した人とのつながりが続くのは良いと思います。".repeat(60);
    let mut texts: Vec<String> = (0..25)
        .map(|i| format!("コメント{i}：誰が費用を負担するのか明確にしてください。<b>&\"'</b>"))
        .collect();
    texts.insert(3, long.clone());
    doc.comments = vec![CommentBlock {
        question: "ご意見をお書きください。".into(),
        note: "26件（順不同）".into(),
        terms: None,
        texts: texts.clone(),
    }];
    let deck = read(&deck_of(&q, &r, &doc), "long-comments");
    let pages: Vec<&Value> = slides(&deck)
        .iter()
        .filter(|s| title(s).starts_with("自由記述：ご意見をお書きください。"))
        .collect();
    assert!(pages.len() >= 3, "{} slides", pages.len());
    assert_eq!(title(pages[1]), "自由記述：ご意見をお書きください。（続き）");
    let text: String = pages
        .iter()
        .flat_map(|s| strings(&s["texts"]).into_iter().filter(|t| t != title(s)))
        .collect::<Vec<_>>()
        .join("\n");
    // Every comment whole (the long one in pieces), markup as text.
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for t in &texts {
        assert!(flat.contains(t.as_str()), "{t}");
    }
}

#[test]
fn an_english_deck_is_worded_in_english() {
    let (q, r, doc) = hidden_group_report("en");
    let deck = read(&deck_of(&q, &r, &doc), "english");
    let titles: Vec<&str> = slides(&deck).iter().map(title).collect();
    for part in [
        "Executive summary",
        "Response rate by group",
        "Favourable share by group",
        "Methodology and anonymity",
    ] {
        assert!(titles.contains(&part), "{titles:?}");
    }
    let rates = slide(&deck, "Response rate by group")["texts"].to_string();
    assert!(
        rates.contains("Key figures")
            && rates.contains("Hidden to protect small groups: department: 法務, department: 開発"),
        "{rates}"
    );
}

#[test]
fn a_deck_of_too_few_responses_shows_no_figure_and_still_opens() {
    let q = Questionnaire::from_toml(TEMPLATE, "t.toml").unwrap();
    let mut data = Aggregate::new(&q);
    for (segment, rating) in [("department=営業", 9), ("department=営業", 3), ("department=法務", 7)] {
        let answers = q
            .validate_answers(&serde_json::json!({ "rating": rating, "agree": 4, "pick": "a" }))
            .unwrap();
        data.add(&q, segment, &answers);
    }
    let invited = vec![("department=営業".to_owned(), 8), ("department=法務".to_owned(), 3)];
    let r = report::build(&q, &data, &invited, 5, 10, &mut |_| {});
    let doc = Document::new(
        &q,
        &r,
        Meta::default(),
        Words::new(&survey_design::Lang::parse("ja").unwrap()),
    );
    let deck = read(&deck_of(&q, &r, &doc), "too-few");
    assert_eq!(title(&slides(&deck)[0]), doc.title);
    for s in slides(&deck) {
        for chart in s["charts"].as_array().unwrap() {
            assert!(
                strings(&chart["categories"])
                    .iter()
                    .all(|c| !c.contains("営業") && !c.contains("法務")),
                "{chart}"
            );
        }
    }
    let rates = slide(&deck, "グループ別の回答率")["texts"].to_string();
    assert!(
        rates.contains("department: 営業：対象者 8 · 回答 非表示 · 回答率 非表示"),
        "{rates}"
    );
}

#[test]
fn every_reports_language_makes_a_deck_python_pptx_reads() {
    for lang in ["en", "ja", "zh-Hans", "ko", "vi", "pt-BR", "id", "ne"] {
        let (q, r, doc) = hidden_group_report(lang);
        let deck = read(&deck_of(&q, &r, &doc), lang);
        let summary = survey_i18n::t!(lang, "report-executive-summary");
        assert_eq!(title(&slides(&deck)[1]), summary, "{lang}");
        let hidden = doc.words.hidden();
        let heat = slide(&deck, &survey_i18n::t!(lang, "report-favourable-share-group"));
        assert!(heat["tables"][0].to_string().contains(&hidden), "{lang}: {heat}");
    }
}
