//! The documents as their readers get them: the tidy CSV, the workbook, the charts (Japanese
//! drawn with the shipped font, hidden cells marked) and the PDF.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking, helpers included

use survey_analysis::{Aggregate, report};
use survey_design::Questionnaire;
use survey_report::chart::{Chart, ChartWords, Unit};
use survey_report::{Document, Format, Meta, Words};

mod common;
use common::TEMPLATE;

#[test]
fn the_csv_has_a_bom_a_row_per_figure_and_hidden_groups_without_numbers() {
    let q = Questionnaire::from_toml(TEMPLATE, "t.toml").unwrap();
    let mut data = Aggregate::new(&q);
    for (segment, rating) in [
        ("営業", 9),
        ("営業", 10),
        ("営業", 3),
        ("営業", 7),
        ("営業", 9),
        ("法務", 2),
    ] {
        let answers = q
            .validate_answers(&serde_json::json!({ "rating": rating, "pick": "a" }))
            .unwrap();
        data.add(&q, segment, &answers);
    }
    let invited = vec![("営業".to_owned(), 8), ("法務".to_owned(), 3)];
    let r = report::build(&q, &data, &invited, 5, 10, &mut |_| {});
    let csv = survey_report::csv::render(&r);
    assert!(csv.starts_with("\u{feff}question,item,category,segment,n,count,share"));
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines.contains(&"rating,,9,all,6,2,0.3333,0.0968,0.7000,"), "{csv}");
    assert!(lines.contains(&"rating,,,法務,,,,,,hidden"), "{csv}");
    // 営業 is hidden with 法務, or 法務 would be all minus 営業.
    assert!(lines.contains(&"rating,,,営業,,,,,,hidden"), "{csv}");
    assert!(!csv.contains("法務,1"), "{csv}");
}

#[test]
fn the_workbook_has_japanese_sheet_names_numbers_as_numbers_and_hidden_cells_in_words() {
    use std::io::Read;
    let q = Questionnaire::from_toml(TEMPLATE, "t.toml").unwrap();
    let mut data = Aggregate::new(&q);
    for (segment, n) in [("営業", 12), ("法務", 2)] {
        for i in 0..n {
            let answers = serde_json::json!({ "rating": 7, "agree": 1 + i % 5 });
            data.add(&q, segment, &q.validate_answers(&answers).unwrap());
        }
    }
    let invited = vec![("営業".to_owned(), 20), ("法務".to_owned(), 4)];
    let r = report::build(&q, &data, &invited, 5, 10, &mut |_| {});
    let bytes = {
        let doc = Document::new(
            &q,
            &r,
            Meta::default(),
            Words::new(&survey_design::Lang::parse("ja").unwrap()),
        );
        survey_report::xlsx::render(&q, &r, &doc).unwrap()
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        text
    };
    let workbook = read("xl/workbook.xml");
    for sheet in ["回答数", "設問別", "トピック指標"] {
        assert!(workbook.contains(&format!("name=\"{sheet}\"")), "{workbook}");
    }
    let strings = read("xl/sharedStrings.xml");
    assert!(strings.contains("非表示") && strings.contains("全体"), "{strings}");
    let responses = read("xl/worksheets/sheet1.xml");
    assert!(
        responses.contains("<c r=\"C2\"><v>14</v></c>"),
        "the total is a number: {responses}"
    );
    // 法務 (2) is hidden and 営業 with it: their response cells hold the word, not a number.
    assert!(
        responses.contains("<c r=\"C3\" t=\"s\">") && responses.contains("<c r=\"C4\" t=\"s\">"),
        "{responses}"
    );
}

/// Dark pixels of a chart's PNG (its text and bars).
fn ink(chart: &Chart) -> usize {
    let png = chart
        .png(
            1,
            &ChartWords {
                hidden: "非表示".to_owned(),
                lang: "ja".to_owned(),
            },
        )
        .unwrap();
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
    pixmap
        .pixels()
        .iter()
        .filter(|p| p.red() < 128 && p.green() < 128 && p.blue() < 128)
        .count()
}

fn bars(label: &str) -> Chart {
    Chart::Bars {
        rows: vec![(label.to_owned(), None)],
        unit: Unit::Share,
    }
}

#[test]
fn charts_draw_every_offered_script_and_never_boxes() {
    // A character no font has draws as the missing-glyph box: a label drawn in boxes would leave
    // exactly the ink of as many of those.
    for sample in [
        "員工の意見",
        "员工调查结果",
        "직원 의견 조사",
        "Khảo sát ý kiến",
        "Pesquisa de opinião",
        "कर्मचारी राय सर्वेक्षण",
        "営業 · कर्मचारी",
    ] {
        let boxes: String = sample
            .chars()
            .map(|c| if c == ' ' { ' ' } else { '\u{E000}' })
            .collect();
        let (drawn, missing) = (ink(&bars(sample)), ink(&bars(&boxes)));
        assert!(
            drawn > 0 && drawn != missing,
            "`{sample}` draws as boxes ({drawn} dark pixels, boxes {missing})"
        );
    }
}

#[test]
fn charts_draw_japanese_with_the_shipped_font() {
    // Were the glyphs missing, both labels would draw the same empty boxes (or nothing).
    let dense = ink(&bars("營業部門の議論"));
    let sparse = ink(&bars("一一一一一一一"));
    assert!(dense > sparse * 2 && sparse > 0, "dense {dense}, sparse {sparse}");
}

#[test]
fn a_hidden_heat_map_cell_says_so_and_shows_no_figure() {
    let chart = Chart::HeatMap {
        columns: vec!["全体".into(), "営業".into(), "法務".into()],
        rows: vec![("会社の将来に期待している".into(), vec![Some(0.62), None, None])],
    };
    let svg = chart
        .svg(&ChartWords {
            hidden: "非表示".to_owned(),
            lang: "ja".to_owned(),
        })
        .unwrap();
    assert_eq!(svg.matches("非表示").count(), 2, "{svg}");
    assert!(svg.contains("62%") && svg.contains("会社の将来"), "{svg}");
    // The only figures: the shown cell and the colour scale's steps.
    let figures: Vec<u32> = svg
        .split('>')
        .filter_map(|t| t.split('<').next()?.trim().strip_suffix('%')?.parse().ok())
        .collect();
    assert!(figures.contains(&62), "{figures:?}");
    assert!(figures.iter().all(|f| *f == 62 || f % 20 == 0), "{figures:?}");
}

#[test]
fn the_pdf_is_typeset_with_every_part() {
    let q = Questionnaire::from_toml(TEMPLATE, "t.toml").unwrap();
    let mut data = Aggregate::new(&q);
    for (segment, n) in [("department=営業", 30), ("department=法務", 2), ("department=開発", 20)] {
        for i in 0..n {
            let answers = serde_json::json!({ "rating": i % 11, "agree": 1 + i % 5, "pick": "a" });
            data.add(&q, segment, &q.validate_answers(&answers).unwrap());
        }
    }
    let invited = vec![
        ("department=営業".to_owned(), 40),
        ("department=法務".to_owned(), 4),
        ("department=開発".to_owned(), 25),
    ];
    let r = report::build(&q, &data, &invited, 5, 10, &mut |_| {});
    let doc = Document::new(
        &q,
        &r,
        Meta::default(),
        Words::new(&survey_design::Lang::parse("ja").unwrap()),
    );
    assert!(doc.heat_map.is_some() && doc.sections.len() == 3);
    let pdf = survey_report::pdf::render(&doc).unwrap();
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    // Cover, summary, three questions, heat map, comments, methodology.
    assert!(pdf.pages >= 8, "{} pages", pdf.pages);
}

fn hidden_group_report(lang: &str) -> (Questionnaire, survey_analysis::Report, Document) {
    common::hidden_group_report(lang, Meta::default())
}

#[test]
fn render_writes_every_format_as_its_own_kind_of_file() {
    let (q, r, doc) = hidden_group_report("ja");
    for format in Format::ALL {
        let bytes = survey_report::render(format, &q, &r, &doc, "報告書 — 2026年秋").unwrap();
        let start: &[u8] = match format {
            Format::Pdf => b"%PDF-",
            Format::Html => b"<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">",
            Format::Pptx | Format::Xlsx => b"PK\x03\x04",
            Format::Csv => "\u{feff}question,".as_bytes(),
        };
        assert!(
            bytes.starts_with(start),
            "{format}: {:?}",
            &bytes[..bytes.len().min(60)]
        );
    }
    let csv = survey_report::render(Format::Csv, &q, &r, &doc, "").unwrap();
    assert_eq!(csv, survey_report::csv::render(&r).into_bytes());
}

#[test]
fn formats_have_their_names_extensions_and_media_types() {
    let named: Vec<(String, &str, &str)> = Format::ALL
        .iter()
        .map(|f| (f.to_string(), f.extension(), f.media_type()))
        .collect();
    assert_eq!(
        named,
        [
            ("pdf".to_owned(), "pdf", "application/pdf"),
            ("html".to_owned(), "html", "text/html; charset=utf-8"),
            (
                "pptx".to_owned(),
                "pptx",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            ),
            (
                "xlsx".to_owned(),
                "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ),
            ("csv".to_owned(), "csv", "text/csv; charset=utf-8"),
        ]
    );
    for format in Format::ALL {
        assert_eq!(format.extension().parse::<Format>().unwrap(), format);
    }
    let unknown = "docx".parse::<Format>().unwrap_err();
    assert_eq!(
        unknown.to_string(),
        "unknown report format `docx`; choose pdf, html, pptx, xlsx or csv"
    );
}

#[test]
fn the_html_page_marks_hidden_figures_in_words() {
    let (q, r, doc) = hidden_group_report("ja");
    let html = String::from_utf8(survey_report::render(Format::Html, &q, &r, &doc, &doc.title).unwrap()).unwrap();
    // 法務's row of the response rates: the invited count, then the hidden mark, greyed.
    assert!(
        html.contains(r#"<tr><td class="">department: 法務</td><td class="num">4</td><td class="num muted">非表示</td><td class="num muted">非表示</td></tr>"#),
        "{html}"
    );
    assert!(html.contains(r#"<th class="">トピック</th>"#) && html.contains("グループ別の肯定的回答率"));
    // Charts inline as SVG, named for screen readers.
    assert!(html.contains(r#"<figure class="chart" role="img" aria-label="グループ別の回答率"><svg"#));
    let english = hidden_group_report("en").2;
    let page = survey_report::html::standalone("Results <draft>", &english);
    assert!(page.starts_with(r#"<!DOCTYPE html><html lang="en">"#), "{page}");
    assert!(page.contains("<title>Results &lt;draft&gt;</title>") && page.contains("<h1>Results &lt;draft&gt;</h1>"));
    assert!(page.contains(r#"<td class="num muted">hidden</td>"#));
}

#[test]
fn the_operator_preview_gets_the_report_without_a_page_around_it() {
    let (_, _, doc) = hidden_group_report("en");
    let body = survey_report::html::body(&doc).into_string();
    assert!(
        body.starts_with(r#"<section class="summary"><h2>Executive summary</h2>"#),
        "{body}"
    );
    assert!(!body.contains("<html") && !body.contains("<style"));
    let page = survey_report::html::standalone(&doc.title, &doc);
    assert!(page.contains(&format!("<style>{}</style>", survey_report::html::STYLESHEET)));
    assert!(page.ends_with(&format!("<h1>{}</h1>{body}</main></body></html>", doc.title)));
}

#[test]
fn group_names_follow_the_segment_labels() {
    let ja = Words::new(&survey_design::Lang::parse("ja").unwrap());
    assert_eq!(
        ja.segment("department=営業|tenure=*"),
        "department: 営業 · tenure: その他"
    );
    assert_eq!(ja.segment_short("department=営業|tenure=*"), "営業 · その他");
    assert_eq!(ja.segment("all"), "all");
    // Groups named directly, as offline files do, read as they are written.
    assert_eq!(
        (ja.segment("営業"), ja.segment_short("")),
        ("営業".to_owned(), String::new())
    );
}

#[test]
fn a_render_error_keeps_its_cause_and_can_cross_threads() {
    fn crosses_threads<T: std::error::Error + Send + Sync + 'static>() {}
    crosses_threads::<survey_report::Error>();
    let error = survey_report::Error::from(rust_xlsxwriter::XlsxError::ParameterError("bad sheet".into()));
    assert_eq!(error.to_string(), "the workbook could not be written");
    let cause = std::error::Error::source(&error).map(ToString::to_string);
    assert!(cause.is_some_and(|c| c.contains("bad sheet")));
}

/// The workbook's sheets as XML, by name in the archive.
fn workbook_parts(bytes: Vec<u8>) -> impl FnMut(&str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    move |name: &str| {
        let mut text = String::new();
        archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        text
    }
}

#[test]
fn every_format_shows_the_hidden_groups_together_as_the_total_minus_the_shown_ones() {
    let (q, r, doc) = hidden_group_report("ja");
    // Everyone 52, 営業 30 shown: 法務 and 開発 together are 22 of 29 invited.
    assert_eq!(
        r.hidden.iter().collect::<Vec<_>>(),
        ["department=法務", "department=開発"]
    );
    let together = r.segments_together.as_ref().unwrap();
    let shown: u64 = r.segments.iter().filter_map(|s| s.responses.shown()).sum();
    assert_eq!(together.figure.responses, r.responses.shown().unwrap() - shown);
    assert_eq!((together.figure.responses, together.figure.invited), (22, 29));

    // HTML and PDF draw the document's tables.
    let row = ["非表示のグループ計", "29", "22", "75.9%"].map(str::to_owned).to_vec();
    assert_eq!(doc.rates.rows.last(), Some(&row));
    let rating = doc.sections.iter().find(|s| s.title == "R").unwrap();
    let groups = rating.groups.as_ref().unwrap();
    assert_eq!(
        groups.rows.last().unwrap()[..2],
        ["非表示のグループ計".to_owned(), "22".to_owned()]
    );
    let html = String::from_utf8(survey_report::render(Format::Html, &q, &r, &doc, "t").unwrap()).unwrap();
    assert!(
        html.contains(r#"<tr><td class="">非表示のグループ計</td><td class="num">29</td><td class="num">22</td><td class="num">75.9%</td></tr>"#),
        "{html}"
    );
    assert!(survey_report::pdf::render(&doc).unwrap().bytes.starts_with(b"%PDF-"));

    // CSV: the rating's 22 answers of the hidden groups, each point the total minus 営業's.
    let csv = survey_report::csv::render(&r);
    let rows: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    let count = |segment: &str, point: &str| -> u64 {
        rows.iter()
            .find(|f| f[0] == "rating" && f[2] == point && f[3] == segment)
            .map_or(0, |f| f[5].parse().unwrap())
    };
    for point in 0..=10 {
        let p = point.to_string();
        assert_eq!(
            count("hidden_together", &p),
            count("all", &p) - count("department=営業", &p),
            "point {p}"
        );
    }
    assert!(
        rows.iter()
            .any(|f| f[0] == "rating" && f[3] == "hidden_together" && f[4] == "22")
    );

    // XLSX: the responses sheet's last row, numbers as numbers.
    let bytes = survey_report::render(Format::Xlsx, &q, &r, &doc, "").unwrap();
    let mut read = workbook_parts(bytes);
    assert!(read("xl/sharedStrings.xml").contains("非表示のグループ計"));
    let responses = read("xl/worksheets/sheet1.xml");
    assert!(
        responses.contains(r#"<c r="B6"><v>29</v></c><c r="C6"><v>22</v></c>"#),
        "{responses}"
    );

    // No hidden group on its own, in any format.
    for segment in ["department=法務", "department=開発"] {
        assert!(
            rows.iter()
                .filter(|f| f.get(3) == Some(&segment))
                .all(|f| f[9] == "hidden" && f[4].is_empty()),
            "{csv}"
        );
    }
    for table in std::iter::once(&doc.rates).chain(doc.sections.iter().filter_map(|s| s.groups.as_ref())) {
        for row in &table.rows {
            if row[0].contains("法務") || row[0].contains("開発") {
                assert!(
                    row[1..].iter().all(|c| c == "非表示" || c == "4" || c == "25"),
                    "{row:?}"
                );
            }
        }
    }
}

#[test]
fn hidden_groups_together_that_would_be_one_groups_figure_are_not_shown() {
    // 法務 took part in nothing: its "together" with 開発 would be 開発's own figure.
    let q = Questionnaire::from_toml(TEMPLATE, "t.toml").unwrap();
    let mut data = Aggregate::new(&q);
    for (segment, n) in [("department=営業", 30), ("department=開発", 20)] {
        for i in 0..n {
            let answers = serde_json::json!({ "rating": i % 11, "agree": 1 + i % 5, "pick": "a" });
            data.add(&q, segment, &q.validate_answers(&answers).unwrap());
        }
    }
    let invited = vec![
        ("department=営業".to_owned(), 40),
        ("department=法務".to_owned(), 4),
        ("department=開発".to_owned(), 25),
    ];
    let r = report::build(&q, &data, &invited, 5, 10, &mut |_| {});
    assert_eq!(
        r.hidden.iter().collect::<Vec<_>>(),
        ["department=法務", "department=開発"]
    );
    assert!(r.segments_together.is_none() && r.measures.iter().all(|m| m.together.is_none()));
    let doc = Document::new(
        &q,
        &r,
        Meta::default(),
        Words::new(&survey_design::Lang::parse("ja").unwrap()),
    );
    for format in [Format::Html, Format::Csv] {
        let text = String::from_utf8(survey_report::render(format, &q, &r, &doc, "t").unwrap()).unwrap();
        // (The methodology names the row; no table holds one.)
        assert!(
            !text.contains("<td class=\"\">非表示のグループ計") && !text.contains("hidden_together"),
            "{format}"
        );
    }
    let mut read = workbook_parts(survey_report::render(Format::Xlsx, &q, &r, &doc, "").unwrap());
    assert!(!read("xl/sharedStrings.xml").contains("非表示のグループ計"));
}

#[test]
fn figures_are_written_with_the_digits_of_the_reports_language() {
    let words = |lang: &str| Words::new(&survey_design::Lang::parse(lang).unwrap());
    let (pt, ja) = (words("pt-BR"), words("ja"));
    assert_eq!(
        (pt.percent(0.4523), ja.percent(0.4523)),
        ("45,2%".to_owned(), "45.2%".to_owned())
    );
    assert_eq!(
        (pt.count(12_345), ja.count(12_345)),
        ("12.345".to_owned(), "12,345".to_owned())
    );
    assert_eq!(
        (pt.signed(3.5, 1), ja.signed(-12.0, 0)),
        ("+3,5".to_owned(), "-12".to_owned())
    );
    // 営業's response rate, 30 of 40, in the tables of a Brazilian Portuguese report.
    let (_, _, doc) = hidden_group_report("pt-BR");
    let body = survey_report::html::body(&doc).into_string();
    assert!(body.contains(r#"<td class="num">75,0%</td>"#), "{body}");
    assert!(!body.contains("75.0%"), "{body}");
}

#[test]
fn the_workbook_draws_native_charts_over_its_own_cells_and_never_plots_a_hidden_group() {
    use std::io::Read;
    let (q, r, doc) = hidden_group_report("ja");
    let bytes = survey_report::render(Format::Xlsx, &q, &r, &doc, "").unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<String> = archive.file_names().map(|n| n.unwrap().into_owned()).collect();
    let mut read = |name: &str| {
        let mut text = String::new();
        archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        text
    };
    assert!(
        !names.iter().any(|n| n.starts_with("xl/media/")),
        "no pictures: {names:?}"
    );
    let charts: Vec<String> = names
        .iter()
        .filter(|n| n.starts_with("xl/charts/chart"))
        .map(|n| read(n))
        .collect();
    let drawn = std::iter::once(&doc.rates_chart)
        .chain(doc.sections.iter().filter_map(|s| s.chart.as_ref()))
        .count();
    assert_eq!(
        charts.len(),
        drawn,
        "one native chart per chart of the document (the heat map is a table)"
    );
    assert!(
        charts
            .iter()
            .any(|c| c.contains(r#"<c:grouping val="percentStacked"/>"#)),
        "a scale's shares"
    );
    assert!(
        charts.iter().any(|c| c.contains(r#"<c:barDir val="col"/>"#)),
        "the 0–10 histogram"
    );

    // The response rates: everyone and 営業 plotted from the sheet's cells, 法務 and 開発 listed
    // under them in words, outside the range the chart reads.
    let survey_report::chart::Chart::Bars { rows, .. } = &doc.rates_chart else {
        panic!("bars")
    };
    let shown = rows.iter().filter(|(_, v)| v.is_some()).count();
    assert!(shown >= 2 && shown < rows.len(), "{rows:?}");
    let rates = &charts[0];
    assert!(rates.contains("<c:barChart>") && rates.contains("グラフ"), "{rates}");
    assert!(rates.contains(&format!("!$B$3:$B${}</c:f>", 2 + shown)), "{rates}");
    let sheet = names
        .iter()
        .filter(|n| n.starts_with("xl/worksheets/sheet"))
        .map(|n| read(n))
        .find(|x| x.contains("<drawing "))
        .unwrap();
    let first_hidden = 3 + shown;
    assert!(
        sheet.contains(&format!(r#"<c r="B{first_hidden}" t="s">"#)),
        "a hidden group's cell is a word: {sheet}"
    );
}
