//! The writer's files read back by readers that share no code with it: pyreadstat (ReadStat),
//! required, through `tests/data/read_sav.py`; and GNU PSPP (`pspp-convert`, `pspp`) when it is
//! installed. Every value and every label is compared, not a sample.
#![allow(clippy::unwrap_used)] // a test fails by panicking, helpers included

use std::cell::Cell;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;

use serde_json::Value as Json;
use survey_data::Error;
use survey_data::sav::{Kind, Measure, Value, Variable, Writer};

const READER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/read_sav.py");

fn numeric(name: &str, label: &str, decimals: u8, measure: Measure) -> Variable {
    Variable {
        name: name.into(),
        label: label.into(),
        kind: Kind::Numeric { decimals },
        measure,
        value_labels: Vec::new(),
        missing: Vec::new(),
    }
}

fn text(name: &str, label: &str, width: usize) -> Variable {
    Variable {
        name: name.into(),
        label: label.into(),
        kind: Kind::Text { width },
        measure: Measure::Nominal,
        value_labels: Vec::new(),
        missing: Vec::new(),
    }
}

fn number(x: f64) -> Value {
    Value::Number(x)
}

fn words(s: &str) -> Value {
    Value::Text(s.into())
}

/// Writes the file into `dir` and returns its path and the names the writer reported.
fn write(dir: &Path, file_label: &str, variables: &[Variable], rows: &[Vec<Value>]) -> (PathBuf, Vec<String>) {
    let path = dir.join("data.sav");
    let file = std::fs::File::create(&path).unwrap();
    let mut writer = Writer::new(BufWriter::new(file), file_label, variables).unwrap();
    let names = writer.names().to_vec();
    for row in rows {
        writer.case(row).unwrap();
    }
    writer.finish().unwrap().into_inner().unwrap().sync_all().unwrap();
    (path, names)
}

/// The file as pyreadstat reads it. Fails, never skips, when pyreadstat is missing.
fn pyreadstat(path: &Path) -> Json {
    let output = Command::new("python3")
        .arg(READER)
        .arg(path)
        .output()
        .unwrap_or_else(|e| {
            panic!("python3 could not be run ({e}); install Python 3 and then `pip install pyreadstat`")
        });
    if output.status.code() == Some(3) {
        panic!(
            "pyreadstat is not installed; it is the reader these tests check the files with: \
             run `pip install pyreadstat` (add --break-system-packages if pip refuses)"
        );
    }
    assert!(
        output.status.success(),
        "pyreadstat could not read the file:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// What PSPP reads: its dictionary tables and the cases as CSV. `None` when PSPP is not installed
/// (pyreadstat is the required reader; PSPP is a second opinion where it is available).
struct Pspp {
    dictionary: Vec<csv::StringRecord>,
    cases: Vec<csv::StringRecord>,
}

fn pspp(path: &Path, dir: &Path) -> Option<Pspp> {
    let csv_path = dir.join("cases.csv");
    let convert = match Command::new("pspp-convert").arg(path).arg(&csv_path).output() {
        Ok(output) => output,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            eprintln!("PSPP is not installed (apt-get install pspp): checked with pyreadstat only");
            return None;
        }
        Err(e) => panic!("pspp-convert could not be run: {e}"),
    };
    let stderr = String::from_utf8_lossy(&convert.stderr);
    assert!(
        convert.status.success() && stderr.is_empty(),
        "pspp-convert complained:\n{stderr}"
    );

    let syntax = dir.join("dictionary.sps");
    let listing = dir.join("dictionary.csv");
    std::fs::write(
        &syntax,
        format!("GET FILE='{}'.\nDISPLAY DICTIONARY.\n", path.display()),
    )
    .unwrap();
    let run = Command::new("pspp")
        .arg("-o")
        .arg(&listing)
        .arg(&syntax)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success() && stderr.is_empty(), "pspp complained:\n{stderr}");
    let dictionary = std::fs::read_to_string(&listing).unwrap();
    assert!(
        !dictionary.contains("warning"),
        "pspp warned about the file:\n{dictionary}"
    );
    Some(Pspp {
        dictionary: records(dictionary.as_bytes()),
        cases: records(&std::fs::read(&csv_path).unwrap()),
    })
}

fn records(bytes: &[u8]) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
        .records()
        .collect::<Result<_, _>>()
        .unwrap()
}

impl Pspp {
    /// The rows of one of PSPP's tables ("Variables", "Value Labels"), without its heading row.
    fn table(&self, title: &str) -> Vec<Vec<String>> {
        let heading = format!("Table: {title}");
        self.dictionary
            .iter()
            .skip_while(|record| record.get(0) != Some(heading.as_str()))
            .skip(2)
            .take_while(|record| !record.get(0).unwrap_or("").starts_with("Table:"))
            .filter(|record| !record.get(0).unwrap_or("").starts_with("Footnote:"))
            .map(|record| record.iter().map(str::to_owned).collect())
            .collect()
    }
}

/// One value as pyreadstat gave it: numbers exactly, system-missing as null, text without the
/// format's padding (an unanswered text is blank).
fn assert_read(read: &Json, written: &Value, kind: Kind, at: &str) {
    match (written, kind) {
        (Value::Number(x), _) => assert_eq!(read.as_f64(), Some(*x), "{at}"),
        (Value::SystemMissing, Kind::Numeric { .. }) => assert!(read.is_null(), "{at}: {read}"),
        (Value::SystemMissing, Kind::Text { .. }) => assert_eq!(read.as_str(), Some(""), "{at}"),
        (Value::Text(s), _) => assert_eq!(read.as_str(), Some(s.as_str()), "{at}"),
    }
}

/// One value as PSPP wrote it to CSV: numbers to its precision, system-missing as a blank.
fn assert_pspp(read: &str, written: &Value, kind: Kind, at: &str) {
    match (written, kind) {
        (Value::Number(x), _) => {
            let read: f64 = read
                .trim()
                .parse()
                .unwrap_or_else(|_| panic!("{at}: `{read}` is not a number"));
            assert!((read - x).abs() <= 1e-9 * x.abs().max(1.0), "{at}: {read} for {x}");
        }
        (Value::SystemMissing, _) => assert_eq!(read.trim(), "", "{at}"),
        (Value::Text(s), _) => assert_eq!(read, s, "{at}"),
    }
}

fn assert_cases(variables: &[Variable], rows: &[Vec<Value>], read: &Json, pspp: Option<&Pspp>) {
    let read_rows = read["rows"].as_array().unwrap();
    assert_eq!(read_rows.len(), rows.len(), "pyreadstat's cases");
    assert_eq!(read["number_rows"].as_u64(), Some(rows.len() as u64));
    for (r, (row, read_row)) in rows.iter().zip(read_rows).enumerate() {
        for (c, (value, variable)) in row.iter().zip(variables).enumerate() {
            assert_read(
                &read_row[c],
                value,
                variable.kind,
                &format!("pyreadstat, case {r}, {}", variable.name),
            );
        }
    }
    if let Some(pspp) = pspp {
        assert_eq!(pspp.cases.len(), rows.len() + 1, "PSPP's cases and the names' row");
        for (r, (row, record)) in rows.iter().zip(&pspp.cases[1..]).enumerate() {
            for (c, (value, variable)) in row.iter().zip(variables).enumerate() {
                assert_pspp(
                    &record[c],
                    value,
                    variable.kind,
                    &format!("PSPP, case {r}, {}", variable.name),
                );
            }
        }
    }
}

#[test]
fn every_value_and_label_in_japanese_comes_back_from_pyreadstat_and_pspp() {
    let dir = tempfile::tempdir().unwrap();
    let long_id = format!("a_question_id_that_runs_on_{}", "x".repeat(43));
    let colliding_id = format!("{}y", &long_id[..69]);
    let comment = format!("x{}", "あ".repeat(333)); // 1,000 bytes, a character split at each 255
    let long_label = format!("Q{}", "あ".repeat(100)); // 301 bytes
    let long_value_label = format!("x{}", "い".repeat(50)); // 151 bytes

    let variables = vec![
        Variable {
            value_labels: vec![
                (1.0, "全くそう思わない".into()),
                (2.0, "そう思わない".into()),
                (3.0, "どちらともいえない".into()),
                (4.0, "そう思う".into()),
                (5.0, "とてもそう思う".into()),
                (99.0, "わからない".into()),
            ],
            missing: vec![99.0],
            ..numeric("q1", "私は自分の仕事に誇りを持っている", 0, Measure::Ordinal)
        },
        numeric("score", "点数", 2, Measure::Scale),
        Variable {
            value_labels: vec![
                (0.0, "いいえ".into()),
                (1.0, "はい".into()),
                (-1.0, long_value_label.clone()),
            ],
            missing: vec![-9.0, 98.0, 99.0],
            ..numeric("benefit.network", "福利厚生：ネットワーク", 0, Measure::Nominal)
        },
        text("reason_other", "その他の理由", 60),
        text("comment", &long_label, 1000),
        numeric("1st", "", 3, Measure::Scale),
        text("with", "With", 8),
        numeric(&long_id, "long id", 0, Measure::Scale),
        numeric(&colliding_id, "colliding id", 0, Measure::Scale),
        numeric("満足度", "満足度（0〜10）", 1, Measure::Scale),
    ];
    let rows = vec![
        vec![
            number(1.0),
            number(0.0),
            number(1.0),
            words("通勤手当"),
            words(&comment),
            number(-0.125),
            words("abc"),
            number(0.0),
            number(-1.0),
            number(10.0),
        ],
        vec![
            number(99.0),
            number(-3.25),
            number(-9.0),
            words(""),
            words("コメント、ありがとうございます。\"引用\", comma"),
            number(1234567.891),
            Value::SystemMissing,
            number(-42.0),
            number(1e10),
            number(7.5),
        ],
        vec![
            Value::SystemMissing,
            number(1234.56),
            Value::SystemMissing,
            words(&"週".repeat(20)),
            Value::SystemMissing,
            Value::SystemMissing,
            words("12345678"),
            Value::SystemMissing,
            Value::SystemMissing,
            Value::SystemMissing,
        ],
        vec![
            number(5.0),
            number(-0.01),
            number(0.0),
            words("x"),
            words("短い"),
            number(0.001),
            words(""),
            number(3.0),
            number(4.0),
            number(0.0),
        ],
    ];
    let file_label = format!("x{}", "調".repeat(30)); // 91 bytes
    let (path, names) = write(dir.path(), &file_label, &variables, &rows);

    let long_name = long_id[..64].to_owned();
    let colliding_name = format!("{}_2", &long_id[..62]);
    let expected_names = [
        "q1",
        "score",
        "benefit.network",
        "reason_other",
        "comment",
        "v1st",
        "with_",
        &long_name,
        &colliding_name,
        "満足度",
    ];
    assert_eq!(names, expected_names);
    let cut_label = format!("Q{}", "あ".repeat(84)); // 253 of 255 bytes: the 85th would be split
    let labels = [
        Json::from("私は自分の仕事に誇りを持っている"),
        "点数".into(),
        "福利厚生：ネットワーク".into(),
        "その他の理由".into(),
        cut_label.clone().into(),
        Json::Null,
        "With".into(),
        "long id".into(),
        "colliding id".into(),
        "満足度（0〜10）".into(),
    ];
    let formats = [
        "F8.0", "F8.2", "F8.0", "A60", "A1000", "F8.3", "A8", "F8.0", "F8.0", "F8.1",
    ];
    let measures = [
        "ordinal", "scale", "nominal", "nominal", "nominal", "scale", "nominal", "scale", "scale", "scale",
    ];
    let cut_value_label = format!("x{}", "い".repeat(39)); // 118 of 120 bytes

    let read = pyreadstat(&path);
    eprintln!("read back with pyreadstat {}", read["pyreadstat"]);
    assert_eq!(read["encoding"], "UTF-8");
    assert_eq!(read["file_label"], format!("x{}", "調".repeat(21)));
    assert_eq!(read["names"], Json::from(expected_names.to_vec()));
    assert_eq!(read["labels"], Json::from(labels.to_vec()));
    assert_eq!(read["formats"], Json::from(formats.to_vec()));
    assert_eq!(read["measures"], Json::from(measures.to_vec()));
    assert_eq!(
        read["value_labels"],
        serde_json::json!({
            "q1": [[1.0, "全くそう思わない"], [2.0, "そう思わない"], [3.0, "どちらともいえない"],
                   [4.0, "そう思う"], [5.0, "とてもそう思う"], [99.0, "わからない"]],
            "benefit.network": [[0.0, "いいえ"], [1.0, "はい"], [-1.0, cut_value_label]],
        })
    );
    assert_eq!(
        read["missing"],
        serde_json::json!({
            "q1": [[99.0, 99.0]],
            "benefit.network": [[-9.0, -9.0], [98.0, 98.0], [99.0, 99.0]],
        })
    );
    let pspp = pspp(&path, dir.path());
    assert_cases(&variables, &rows, &read, pspp.as_ref());

    let Some(pspp) = pspp else { return };
    let header: Vec<&str> = pspp.cases[0].iter().collect();
    assert_eq!(header, expected_names);
    // Name, Position, Label, Measurement Level, Role, Width, Alignment, Print Format, Write
    // Format, Missing Values.
    let table = pspp.table("Variables");
    let seen: Vec<[&str; 6]> = table
        .iter()
        .map(|r| [&*r[0], &*r[2], &*r[3], &*r[6], &*r[7], &*r[9]])
        .collect();
    assert_eq!(
        seen,
        [
            [
                "q1",
                "私は自分の仕事に誇りを持っている",
                "Ordinal",
                "Right",
                "F8.0",
                "99"
            ],
            ["score", "点数", "Scale", "Right", "F8.2", ""],
            [
                "benefit.network",
                "福利厚生：ネットワーク",
                "Nominal",
                "Right",
                "F8.0",
                "-9; 98; 99"
            ],
            ["reason_other", "その他の理由", "Nominal", "Left", "A60", ""],
            ["comment", &cut_label, "Nominal", "Left", "A1000", ""],
            ["v1st", "", "Scale", "Right", "F8.3", ""],
            ["with_", "With", "Nominal", "Left", "A8", ""],
            [&long_name, "long id", "Scale", "Right", "F8.0", ""],
            [&colliding_name, "colliding id", "Scale", "Right", "F8.0", ""],
            ["満足度", "満足度（0〜10）", "Scale", "Right", "F8.1", ""],
        ]
    );
    // Variable (its label), Value (user-missing ones marked [a]), Label.
    let value_labels: Vec<[String; 3]> = pspp
        .table("Value Labels")
        .into_iter()
        .map(|r| [r[0].clone(), r[1].replace("[a]", ""), r[2].clone()])
        .collect();
    let expected: Vec<[String; 3]> = [
        ["私は自分の仕事に誇りを持っている", "1", "全くそう思わない"],
        ["", "2", "そう思わない"],
        ["", "3", "どちらともいえない"],
        ["", "4", "そう思う"],
        ["", "5", "とてもそう思う"],
        ["", "99", "わからない"],
        ["福利厚生：ネットワーク", "-1", &cut_value_label],
        ["", "0", "いいえ"],
        ["", "1", "はい"],
    ]
    .iter()
    .map(|r| r.map(str::to_owned))
    .collect();
    assert_eq!(value_labels, expected);
}

#[test]
fn three_hundred_variables_come_back_in_order_with_every_value() {
    let dir = tempfile::tempdir().unwrap();
    let variables: Vec<Variable> = (0..300)
        .map(|i| match i % 3 {
            2 => text(&format!("q{i}.text"), &format!("質問{i}の自由記述"), 20 + i % 50),
            _ => numeric(&format!("q{i}"), &format!("質問{i}"), (i % 4) as u8, Measure::Scale),
        })
        .collect();
    let rows: Vec<Vec<Value>> = (0..5)
        .map(|r| {
            (0..300)
                .map(|i| match (i % 3, (i + r) % 7) {
                    (_, 0) => Value::SystemMissing,
                    (2, _) => words(&format!("回答{r}-{i}")),
                    _ => number((i as f64 - 150.0) * 1.25 + r as f64 / 8.0),
                })
                .collect()
        })
        .collect();
    let (path, names) = write(dir.path(), "300", &variables, &rows);
    let expected: Vec<String> = variables.iter().map(|v| v.name.clone()).collect();
    assert_eq!(names, expected);

    let read = pyreadstat(&path);
    assert_eq!(read["names"], Json::from(expected.clone()));
    let labels: Vec<String> = variables.iter().map(|v| v.label.clone()).collect();
    assert_eq!(read["labels"], Json::from(labels));
    let pspp = pspp(&path, dir.path());
    if let Some(pspp) = &pspp {
        let header: Vec<&str> = pspp.cases[0].iter().collect();
        assert_eq!(header, expected);
    }
    assert_cases(&variables, &rows, &read, pspp.as_ref());
}

#[test]
fn a_case_that_does_not_fit_its_variables_is_refused_and_nothing_of_it_written() {
    let variables = [numeric("q1", "", 0, Measure::Ordinal), text("reason_other", "", 9)];
    let mut writer = Writer::new(Vec::new(), "", &variables).unwrap();
    writer.case(&[number(1.0), words("九文字")]).unwrap();

    let refused = [
        writer.case(&[number(1.0), words("十文字以上")]).unwrap_err(),
        writer.case(&[number(1.0)]).unwrap_err(),
        writer.case(&[words("1"), words("")]).unwrap_err(),
        writer.case(&[number(1.0), number(2.0)]).unwrap_err(),
        writer.case(&[number(f64::NAN), words("")]).unwrap_err(),
    ];
    let messages: Vec<String> = refused.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "variable `reason_other`: a text of 15 bytes is longer than its width of 9 bytes",
            "a case has 1 values but the file has 2 variables",
            "variable `q1` is numeric but the case gives it text",
            "variable `reason_other` is text but the case gives it a number",
            "variable `q1`: NaN is not a finite number; use Value::SystemMissing for no answer",
        ]
    );
    let header = Writer::new(Vec::new(), "", &variables).unwrap().finish().unwrap().len();
    // One case of a number and a 9-byte text (two eight-byte units) after the dictionary.
    assert_eq!(writer.finish().unwrap().len(), header + 8 + 16);
}

#[test]
fn a_dictionary_the_format_cannot_hold_is_refused_naming_the_variable() {
    let refused = |variables: &[Variable]| Writer::new(Vec::new(), "", variables).err().map(|e| e.to_string());
    let labelled_text = Variable {
        value_labels: vec![(1.0, "はい".into())],
        ..text("comment", "", 10)
    };
    let four_missing = Variable {
        missing: vec![97.0, 98.0, 99.0, 100.0],
        ..numeric("q1", "", 0, Measure::Ordinal)
    };
    let infinite_label = Variable {
        value_labels: vec![(f64::INFINITY, "∞".into())],
        ..numeric("q2", "", 0, Measure::Scale)
    };
    assert_eq!(refused(&[]).as_deref(), Some("a data file needs at least one variable"));
    assert_eq!(
        refused(&[text("comment", "", 0)]).as_deref(),
        Some("variable `comment`: a text width of 0 bytes is out of range; give 1 to 32767")
    );
    assert_eq!(
        refused(&[text("comment", "", 32768)]).as_deref(),
        Some("variable `comment`: a text width of 32768 bytes is out of range; give 1 to 32767")
    );
    assert_eq!(
        refused(&[labelled_text]).as_deref(),
        Some("variable `comment`: value labels and missing values are for numeric variables only")
    );
    assert_eq!(
        refused(&[four_missing]).as_deref(),
        Some("variable `q1`: 4 missing values given; the format holds at most 3")
    );
    assert_eq!(
        refused(&[infinite_label]).as_deref(),
        Some("variable `q2`: inf is not a finite number; use Value::SystemMissing for no answer")
    );
    assert_eq!(
        refused(&[numeric("q3", "", 17, Measure::Scale)]).as_deref(),
        Some("variable `q3`: 17 decimals are too many; give at most 16")
    );
    assert!(refused(&[text("comment", "", 32767)]).is_none());
}

/// Counts what reaches the output and keeps none of it; the count is shared to be read meanwhile.
#[derive(Clone, Default)]
struct Counter(Rc<Cell<u64>>);

impl Write for Counter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.set(self.0.get() + bytes.len() as u64);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_million_cases_stream_each_reaching_the_output_as_it_is_written() -> Result<(), Error> {
    let variables = [numeric("q1", "", 0, Measure::Ordinal), text("reason_other", "", 20)];
    let written = Counter::default();
    let mut writer = Writer::new(written.clone(), "", &variables)?;
    let header = written.0.get();
    let case = [number(3.0), words("通勤手当")];
    for n in 1..=1_000_000 {
        writer.case(&case)?;
        // A number and a 20-byte text: one and three eight-byte units, out before the next case.
        assert_eq!(written.0.get(), header + n * 32);
    }
    writer.finish()?;
    Ok(())
}
