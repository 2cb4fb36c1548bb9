//! The real `survey` binary, each test in its own temporary folder.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking, helpers included

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn templates() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../survey-templates")
}

fn survey(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_survey"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

const BROKEN: &str = r#"id = "broken"
version = 1
languages = ["ja", "en"]
default_language = "ja"
title = { ja = "壊れた調査" }
anonymity_statement = { ja = "{k}人未満は示しません。", en = "Nothing for fewer than {k}." }

[[sections]]
id = "s"
title = { ja = "節", en = "Section" }

[[sections.questions]]
id = "q1"
type = "single_choice"
requried = true
text = { ja = "質問", en = "Question" }
options = []
"#;

#[test]
fn validate_accepts_the_bundled_templates() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<String> = ["alumni-network-opinion.toml", "alumni-survey.toml", "alumni-pulse.toml"]
        .iter()
        .map(|f| templates().join(f).display().to_string())
        .collect();
    let args: Vec<&str> = ["template", "validate"]
        .into_iter()
        .chain(files.iter().map(String::as_str))
        .collect();
    let out = survey(dir.path(), &args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).lines().filter(|l| l.contains(": ok (")).count(),
        3,
        "{}",
        stdout(&out)
    );
}

#[test]
fn validate_prints_every_problem_like_a_compiler_and_exits_with_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.toml"), BROKEN).unwrap();
    let out = survey(dir.path(), &["template", "validate", "broken.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "broken.toml:5:9: text is missing `en`\n  \
         hint: every text needs all languages declared in `languages` (`ja`, `en`): add `en = \"…\"`\n\
         broken.toml:15:1: unknown key `requried` in question `q1`\n  hint: did you mean `required`?\n\
         broken.toml:17:11: question `q1` has an empty option list\n  \
         hint: add `options = [ { id = \"…\", label = { ja = \"…\", en = \"…\" } } ]`\n\
         3 problems in 1 template(s)\n"
    );
}

#[test]
fn validate_reports_good_and_bad_files_together_and_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.toml"), BROKEN).unwrap();
    let pulse = templates().join("alumni-pulse.toml").display().to_string();
    let out = survey(
        dir.path(),
        &["template", "validate", &pulse, "broken.toml", "missing.toml"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("alumni-pulse.toml: ok ("));
    let err = stderr(&out);
    assert!(
        err.contains("missing.toml:1:1: cannot read the template: No such file or directory"),
        "{err}"
    );
    assert!(err.ends_with("4 problems in 2 template(s)\n"), "{err}");
}

#[test]
fn show_prints_the_questionnaire_in_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = templates().join("alumni-network-opinion.toml").display().to_string();
    let en = survey(dir.path(), &["template", "show", &file, "--lang", "en"]);
    assert!(en.status.success(), "{}", stderr(&en));
    let text = stdout(&en);
    assert!(
        text.starts_with("Employee survey on introducing an alumni network\n"),
        "{text}"
    );
    assert!(text.contains("About anonymity") && text.contains("· required"));
    assert!(!text.contains("アルムナイ"), "Japanese in the English rendering");
    let ja = stdout(&survey(dir.path(), &["template", "show", &file]));
    assert!(
        ja.starts_with("アルムナイネットワーク導入に関する社員意識調査\n"),
        "{ja}"
    );
    assert!(ja.contains("匿名性について") && ja.contains("表示条件: support ≤ 2"));
}

#[test]
fn show_refuses_a_malformed_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = templates().join("alumni-pulse.toml").display().to_string();
    let out = survey(dir.path(), &["template", "show", &file, "--lang", "Japanese"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: `Japanese` is not a language tag; write a code such as `ja`, `en` or `pt-BR`\n"
    );
}

#[test]
fn schema_prints_a_json_schema() {
    let dir = tempfile::tempdir().unwrap();
    let out = survey(dir.path(), &["template", "schema"]);
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert!(schema["$defs"]["question"].is_object());
}

#[test]
fn plan_prints_a_table_json_and_an_ics_file() {
    let dir = tempfile::tempdir().unwrap();
    let base = ["plan", "--start", "2027-04-01", "--not-before", "2026-11-23"];
    let table = survey(dir.path(), &base);
    assert!(table.status.success(), "{}", stderr(&table));
    let lines: Vec<String> = stdout(&table).lines().map(str::to_owned).collect();
    assert_eq!(lines.first().unwrap(), "2027-01-18  Mon  従業員への説明");
    assert_eq!(lines.last().unwrap(), "2027-04-01  Thu  アルムナイ制度の開始");

    let json = survey(dir.path(), &[&base[..], &["--format", "json", "--lang", "en"]].concat());
    let doc: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(doc["steps"][2]["milestone"], "fieldwork_open");
    assert_eq!(doc["steps"][2]["label"], "Fieldwork opens");
    assert_eq!(doc["lead_times"]["fieldwork_days"], 10);

    let ics = survey(
        dir.path(),
        &[&base[..], &["--format", "ics", "--name", "Pilot"]].concat(),
    );
    let text = stdout(&ics);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), lines.len());
}

#[test]
fn plan_takes_lead_times_and_holidays_from_flags_and_a_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("holidays.txt"),
        "# company days off\n2027-03-31 # foundation day\n\n",
    )
    .unwrap();
    let out = survey(
        dir.path(),
        &[
            "plan",
            "--start",
            "2027-04-01",
            "--not-before",
            "2026-11-23",
            "--lang",
            "en",
            "--debrief-days",
            "1",
            "--report-days",
            "1",
            "--holidays-file",
            "holidays.txt",
            "--holiday",
            "2027-03-30",
            "--reminder",
            "3",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    // 03-31 and 03-30 are off: the debrief moves back to Monday 03-29, the report to Friday 03-26.
    assert!(text.contains("2027-03-29  Mon  Debrief meeting"), "{text}");
    assert!(text.contains("2027-03-26  Fri  Report delivery"), "{text}");
    assert_eq!(text.matches("Reminder").count(), 1);
}

#[test]
fn plan_refuses_a_bad_holiday_file_line_by_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("holidays.txt"), "2027-03-31\n31/03/2027\n").unwrap();
    let out = survey(
        dir.path(),
        &["plan", "--start", "2027-04-01", "--holidays-file", "holidays.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: holidays.txt:2: `31/03/2027` is not a date; write YYYY-MM-DD\n"
    );
}

#[test]
fn plan_refuses_a_schedule_that_does_not_fit_and_says_when_it_would() {
    let dir = tempfile::tempdir().unwrap();
    let out = survey(
        dir.path(),
        &["plan", "--start", "2027-01-05", "--not-before", "2026-11-23"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: the plan does not fit: it would start with the employee briefing on 2026-10-22, before 2026-11-23, \
         22 working days too early; shorten lead times or move the programme start to 2027-02-04 or later\n"
    );
}

#[test]
fn plan_refuses_a_zero_lead_time() {
    let dir = tempfile::tempdir().unwrap();
    let out = survey(
        dir.path(),
        &[
            "plan",
            "--start",
            "2027-04-01",
            "--not-before",
            "2026-11-23",
            "--fieldwork-days",
            "0",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: lead time `fieldwork_days` must be at least 1 working day\n"
    );
}

#[test]
fn a_file_that_cannot_be_read_exits_with_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = survey(
        dir.path(),
        &["plan", "--start", "2027-04-01", "--holidays-file", "nope.txt"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "error: cannot read nope.txt: No such file or directory (os error 2)\n"
    );
}

#[test]
fn a_malformed_date_argument_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = survey(dir.path(), &["plan", "--start", "2027-13-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: invalid value '2027-13-01' for '--start <START>'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn output_that_cannot_be_written_is_an_error_with_its_cause() {
    let dir = tempfile::tempdir().unwrap();
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_survey"))
        .current_dir(dir.path())
        .args(["template", "schema"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "error: cannot write the output: No space left on device (os error 28)\n"
    );
}

/// A tally of three real tokens under a fresh key, as the server exports it.
fn tally_file(dir: &Path) -> (PathBuf, survey_token::tally::Tally) {
    use survey_token::client::PendingToken;
    use survey_token::issuer::IssuerKey;
    use survey_token::tally::{Counted, Tally, answers_digest};
    use survey_token::wire::survey_challenge;
    let key = IssuerKey::generate().unwrap();
    let public = key.public_key();
    let challenge = survey_challenge("survey.example.com", &[9; 16]);
    let tokens: Vec<Vec<u8>> = (0..3)
        .map(|_| {
            let (pending, request) = PendingToken::new(public, challenge.digest(), &mut rand::rng()).unwrap();
            pending
                .finish(&key.blind_sign(&request.blinded_msg).unwrap())
                .unwrap()
                .to_bytes()
        })
        .collect();
    let tally = Tally::build(
        "survey-9",
        &challenge,
        &[(public.clone(), "department=営業".to_owned())],
        tokens.iter().enumerate().map(|(i, t)| Counted {
            token: t,
            answers_digest: answers_digest(&[i as u8; 32], format!("{{\"q\":{i}}}").as_bytes()),
        }),
    );
    let path = dir.join("tally.json");
    std::fs::write(&path, serde_json::to_string_pretty(&tally).unwrap()).unwrap();
    (path, tally)
}

#[test]
fn tally_verify_checks_an_honest_tally_and_names_what_is_wrong_with_a_forged_one() {
    let dir = tempfile::tempdir().unwrap();
    let (path, tally) = tally_file(dir.path());
    let ok = survey(dir.path(), &["tally", "verify", "tally.json", "--root", &tally.root]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    let text = stdout(&ok);
    assert!(text.contains("survey survey-9: 3 responses"), "{text}");
    assert!(text.contains("department=営業: 3"), "{text}");
    assert!(text.contains("as published"), "{text}");

    let other_root = survey(
        dir.path(),
        &["tally", "verify", "tally.json", "--root", &"00".repeat(32)],
    );
    assert_eq!(other_root.status.code(), Some(2));
    assert!(
        stderr(&other_root).contains("differs from the root"),
        "{}",
        stderr(&other_root)
    );

    let mut forged = tally.clone();
    forged.responses.push(forged.responses[1].clone());
    forged.count = 4;
    std::fs::write(&path, serde_json::to_string(&forged).unwrap()).unwrap();
    let twice = survey(dir.path(), &["tally", "verify", "tally.json"]);
    assert_eq!(twice.status.code(), Some(2));
    assert!(stderr(&twice).contains("reuses the nonce"), "{}", stderr(&twice));

    std::fs::write(&path, "{ not json").unwrap();
    let garbled = survey(dir.path(), &["tally", "verify", "tally.json"]);
    assert_eq!(garbled.status.code(), Some(2));
    assert!(
        stderr(&garbled).contains("tally.json is not a tally file"),
        "{}",
        stderr(&garbled)
    );
}

#[test]
fn tally_verify_lets_a_respondent_check_their_own_entry_with_receipt_salt_and_answers() {
    use survey_token::tally::{hex, receipt};
    let dir = tempfile::tempdir().unwrap();
    let (_, tally) = tally_file(dir.path());
    // Response 1 of tally_file: salt [1; 32], answers {"q":1}.
    let digest = survey_token::tally::answers_digest(&[1; 32], br#"{"q":1}"#);
    let entry = tally
        .responses
        .iter()
        .find(|e| e.answers_digest == hex(&digest))
        .unwrap();
    let token = base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, &entry.token).unwrap();
    let mine = hex(&receipt(&token, &digest));
    let salt = base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, [1u8; 32]);
    std::fs::write(dir.path().join("mine.json"), "{\"q\":1}\n").unwrap();
    std::fs::write(dir.path().join("other.json"), "{\"q\":2}").unwrap();
    let check = |receipt: &str, answers: &str| {
        survey(
            dir.path(),
            &[
                "tally",
                "verify",
                "tally.json",
                "--receipt",
                receipt,
                "--salt",
                &salt,
                "--answers",
                answers,
            ],
        )
    };
    let ok = check(&mine, "mine.json");
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(
        stdout(&ok).contains("commits to the answers in mine.json"),
        "{}",
        stdout(&ok)
    );
    let listed = survey(dir.path(), &["tally", "verify", "tally.json", "--receipt", &mine]);
    assert!(stdout(&listed).contains("is in the tally"), "{}", stdout(&listed));

    let other = check(&mine, "other.json");
    assert_eq!(other.status.code(), Some(2));
    assert!(
        stderr(&other).contains("does not hold these answers"),
        "{}",
        stderr(&other)
    );
    let unknown = check(&"ab".repeat(32), "mine.json");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("does not list the receipt"),
        "{}",
        stderr(&unknown)
    );
    let no_answers = survey(
        dir.path(),
        &["tally", "verify", "tally.json", "--receipt", &mine, "--salt", &salt],
    );
    assert_eq!(no_answers.status.code(), Some(2), "--salt needs --answers");
}

#[test]
fn report_renders_a_responses_file_with_the_published_rules_and_names_a_bad_line() {
    use rand::SeedableRng;
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../design/tests/fixtures/every-type.toml");
    let q = survey_design::Questionnaire::load(&fixture).unwrap();
    let japanese = survey_design::Lang::parse("ja").unwrap();
    let mut rng = rand::rngs::StdRng::seed_from_u64(3);
    let mut lines = String::new();
    // 12 in Sales, 2 in Legal: Legal is hidden, and Sales with it.
    for i in 0..14 {
        let answers = survey_design::answer::sample::sample_answers(&q, &mut rng, 0.8, &mut |rng, max| {
            survey_design::answer::sample::comment(&japanese, rng, max)
        });
        let segment = if i < 12 { "department=Sales" } else { "department=Legal" };
        lines.push_str(&serde_json::json!({ "segment": segment, "answers": answers }).to_string());
        lines.push('\n');
    }
    std::fs::write(dir.path().join("responses.jsonl"), &lines).unwrap();
    std::fs::write(
        dir.path().join("invited.csv"),
        "segment,invited\ndepartment=Sales,20\ndepartment=Legal,4\n",
    )
    .unwrap();
    let q_path = fixture.display().to_string();
    let args = [
        "report",
        "--questionnaire",
        &q_path,
        "--responses",
        "responses.jsonl",
        "--invited",
        "invited.csv",
    ];
    let csv = survey(dir.path(), &args);
    assert!(csv.status.success(), "{}", stderr(&csv));
    let text = stdout(&csv);
    assert!(text.starts_with('\u{feff}'));
    assert!(text.contains(",all,14,"), "{text}");
    assert!(text.contains("join,,,department=Legal,,,,,,hidden"), "{text}");
    assert!(text.contains("join,,,department=Sales,,,,,,hidden"), "{text}");

    let html = survey(dir.path(), &[&args[..], &["--format", "html"]].concat());
    assert!(html.status.success(), "{}", stderr(&html));
    assert!(
        stdout(&html).contains("全種類"),
        "the questionnaire's title, in its language"
    );

    let pdf = survey(
        dir.path(),
        &[&args[..], &["--format", "pdf", "-o", "report.pdf"]].concat(),
    );
    assert!(pdf.status.success(), "{}", stderr(&pdf));
    assert!(
        std::fs::read(dir.path().join("report.pdf"))
            .unwrap()
            .starts_with(b"%PDF-")
    );
    let all = survey(
        dir.path(),
        &[
            &args[..],
            &["--format", "all", "--output", "out", "--previous", "responses.jsonl"],
        ]
        .concat(),
    );
    assert!(all.status.success(), "{}", stderr(&all));
    for name in ["report.pdf", "report.html", "report.xlsx", "report.csv"] {
        assert!(dir.path().join("out").join(name).exists(), "{name}");
    }
    let page = std::fs::read_to_string(dir.path().join("out/report.html")).unwrap();
    assert!(page.contains("前回調査との比較"), "an earlier wave gives trends");
    let nowhere = survey(dir.path(), &[&args[..], &["--format", "all"]].concat());
    assert_eq!(nowhere.status.code(), Some(2));
    assert!(stderr(&nowhere).contains("--output"), "{}", stderr(&nowhere));

    let low = survey(dir.path(), &[&args[..], &["--k", "2"]].concat());
    assert_eq!(low.status.code(), Some(2));
    assert!(stderr(&low).contains("cannot be below 3"), "{}", stderr(&low));

    lines.push_str("{\"segment\": \"department=Sales\", \"answers\": {\"join\": 11}}\n");
    std::fs::write(dir.path().join("responses.jsonl"), &lines).unwrap();
    let bad = survey(dir.path(), &args);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("responses.jsonl:15: "), "{}", stderr(&bad));
    assert!(stderr(&bad).contains("join"), "{}", stderr(&bad));
}

#[test]
fn generate_writes_reproducible_valid_responses_that_report_reads() {
    let dir = tempfile::tempdir().unwrap();
    let q = templates().join("alumni-network-opinion.toml").display().to_string();
    let args = ["generate", "--questionnaire", &q, "--responses", "200", "--seed", "7"];
    let first = survey(dir.path(), &args);
    assert!(first.status.success(), "{}", stderr(&first));
    let text = stdout(&first);
    assert_eq!(text.lines().count(), 200);
    assert_eq!(stdout(&survey(dir.path(), &args)), text, "the same seed, the same data");
    for segment in [
        "department=Sales",
        "department=Engineering",
        "department=Support",
        "department=Legal",
    ] {
        assert!(text.contains(segment), "{segment} never drawn");
    }
    assert!(text.contains("\"language\":\"en\"") && text.contains("\"language\":\"ja\""));
    std::fs::write(dir.path().join("r.jsonl"), &text).unwrap();
    let report = survey(dir.path(), &["report", "--questionnaire", &q, "--responses", "r.jsonl"]);
    assert!(
        report.status.success(),
        "every generated line validates: {}",
        stderr(&report)
    );
    assert!(stdout(&report).contains(",all,200,"));

    let bad = survey(
        dir.path(),
        &["generate", "--questionnaire", &q, "--segments", "Sales:0"],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("positive weight"), "{}", stderr(&bad));
}

#[test]
fn report_from_the_database_names_a_survey_it_does_not_hold() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_survey"))
            .current_dir(dir.path())
            .env("SURVEY__DATA_DIR", dir.path().join("data"))
            .env("SURVEY__TEMPLATES_DIR", templates())
            .args(args)
            .output()
            .unwrap()
    };
    let migrated = run(&["migrate"]);
    assert!(migrated.status.success(), "{}", stderr(&migrated));
    let id = "8d6c2f3e-2f0b-4c7e-9a51-0d2c7b1e4f60";
    let missing = run(&["report", "--survey", id, "--format", "pdf"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains(&format!("no survey {id} in the database")),
        "{}",
        stderr(&missing)
    );
    let both = run(&["report", "--survey", id, "--responses", "r.jsonl"]);
    assert_eq!(both.status.code(), Some(2), "{}", stderr(&both));
}

#[test]
fn a_bad_line_deep_in_a_large_file_is_named_by_its_number() {
    // Several megabytes: read in chunks and counted on every core, the line number still holds.
    let dir = tempfile::tempdir().unwrap();
    let q = templates().join("alumni-network-opinion.toml").display().to_string();
    let generated = survey(
        dir.path(),
        &["generate", "--questionnaire", &q, "--responses", "6000", "--seed", "3"],
    );
    assert!(generated.status.success(), "{}", stderr(&generated));
    let mut lines: Vec<String> = stdout(&generated).lines().map(str::to_owned).collect();
    lines[4320] = r#"{"segment": "department=Sales", "answers": {"support": 9}}"#.to_owned();
    std::fs::write(dir.path().join("r.jsonl"), lines.join("\n")).unwrap();
    assert!(std::fs::metadata(dir.path().join("r.jsonl")).unwrap().len() > 3 << 20);
    let report = survey(dir.path(), &["report", "--questionnaire", &q, "--responses", "r.jsonl"]);
    assert_eq!(report.status.code(), Some(2));
    assert!(stderr(&report).contains("r.jsonl:4321: "), "{}", stderr(&report));
    assert!(stderr(&report).contains("support"), "{}", stderr(&report));
}

/// The binary with its database on a PostgreSQL port where nothing listens, given up on after a
/// second (the driver retries a refused connection until then).
fn survey_without_database(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_survey"))
        .current_dir(dir)
        .env("SURVEY__DATA_DIR", dir.join("data"))
        .env("SURVEY__DATABASE__URL", "postgres://postgres@127.0.0.1:9/nothing")
        .env("SURVEY__DATABASE__ACQUIRE_TIMEOUT_SECONDS", "1")
        .args(args)
        .output()
        .unwrap()
}

/// The one line a database out of reach is reported with: what could not be done, then its cause.
fn assert_names_the_unreachable_database(out: &Output) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.starts_with("error: cannot open the database: "), "{err}");
    assert_eq!(err.lines().count(), 1, "the causes are on the error's line: {err}");
    assert!(
        err.contains("connect") || err.contains("refused"),
        "the cause is lost: {err}"
    );
    assert!(!err.contains("something went wrong"), "{err}");
}

#[test]
fn a_report_from_an_unreachable_database_exits_with_1_and_prints_the_cause() {
    let dir = tempfile::tempdir().unwrap();
    let id = "8d6c2f3e-2f0b-4c7e-9a51-0d2c7b1e4f60";
    let out = survey_without_database(dir.path(), &["report", "--survey", id]);
    assert_names_the_unreachable_database(&out);
    assert!(out.stdout.is_empty());
}

#[test]
fn a_data_export_from_an_unreachable_database_exits_with_1_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let id = "8d6c2f3e-2f0b-4c7e-9a51-0d2c7b1e4f60";
    let file = dir.path().join("data.sav");
    let args = [
        "data",
        "export",
        "--survey",
        id,
        "--format",
        "sav",
        "-o",
        file.to_str().unwrap(),
    ];
    let out = survey_without_database(dir.path(), &args);
    assert_names_the_unreachable_database(&out);
    assert!(!file.exists() && !dir.path().join("data.codebook.csv").exists());
}

#[test]
fn a_roster_purge_on_an_unreachable_database_exits_with_1_and_prints_the_cause() {
    let dir = tempfile::tempdir().unwrap();
    let id = "8d6c2f3e-2f0b-4c7e-9a51-0d2c7b1e4f60";
    let out = survey_without_database(dir.path(), &["roster", "purge", "--survey", id]);
    assert_names_the_unreachable_database(&out);
}

#[test]
fn a_usage_error_still_exits_with_2_before_the_database_is_tried() {
    let dir = tempfile::tempdir().unwrap();
    let role = survey_without_database(
        dir.path(),
        &[
            "admin",
            "create",
            "--email",
            "a@example.com",
            "--name",
            "A",
            "--role",
            "boss",
        ],
    );
    assert_eq!(role.status.code(), Some(2));
    assert_eq!(
        stderr(&role),
        "error: `boss` is not an operator role; use admin or analyst\n"
    );
    let id = survey_without_database(dir.path(), &["roster", "purge", "--survey", "42"]);
    assert_eq!(id.status.code(), Some(2));
    assert!(
        stderr(&id).starts_with("error: invalid value '42' for '--survey <ID>'"),
        "{}",
        stderr(&id)
    );
}

/// `survey serve` on a fresh database with its stdout a pipe (as under systemd, in a container or
/// CI, where whatever it prints is kept in a log): the first admin's one-time password is not
/// printed but written to a file of the data folder that only this user can read, and that
/// password logs in.
#[actix_web::test]
async fn the_first_admins_password_goes_to_a_private_file_when_stdout_is_not_a_terminal() {
    use std::io::BufRead;
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut server = Command::new(env!("CARGO_BIN_EXE_survey"))
        .current_dir(dir.path())
        .env("SURVEY__DATA_DIR", &data)
        .env("SURVEY__TEMPLATES_DIR", templates())
        .env("SURVEY__SERVER__PORT", "0")
        .env("SURVEY__SCHEDULER__ENABLED", "false")
        .env("SURVEY_LOG", "warn")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let out = server.stdout.take().unwrap();
    let (lines, printed) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    while !seen.iter().any(|l: &String| l.contains("first operator admin created")) {
        match printed.recv_timeout(std::time::Duration::from_secs(60)) {
            Ok(line) => seen.push(line),
            Err(e) => {
                server.kill().unwrap();
                panic!("no first admin line ({e}); printed: {seen:?}");
            }
        }
    }
    let file = data.join("first-admin-password.txt");
    let text = std::fs::read_to_string(&file).unwrap();
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    let (email, password) = text.trim_end().split_once('\n').unwrap();
    assert_eq!(email, "admin@survey.local");
    assert_eq!(mode, 0o600, "{file:?} is readable by others");
    assert!(password.len() >= 32, "{password}");
    let said = seen.join("\n");
    assert!(!said.contains(password), "the password was printed: {said}");
    assert!(said.contains(&file.display().to_string()), "{said}");

    let port: u16 = seen
        .iter()
        .find_map(|l| l.strip_prefix("survey server listening on port "))
        .and_then(|rest| rest.split(';').next())
        .unwrap()
        .parse()
        .unwrap();
    let login = awc::Client::builder()
        .disable_redirects()
        .finish()
        .post(format!("http://127.0.0.1:{port}/login"))
        .insert_header(("cookie", "survey_login_csrf=cli-test"))
        .send_form(&[("csrf", "cli-test"), ("email", email), ("password", password)])
        .await
        .unwrap();
    server.kill().unwrap();
    server.wait().unwrap();
    assert_eq!(login.status().as_u16(), 303, "the password in the file logs in");
}
