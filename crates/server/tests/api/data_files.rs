//! The firm's anonymous data file: a row per response with the answers as given, every value of the
//! group column standing for at least k responses, for operators only, after the close.

use std::collections::BTreeMap;

use serde_json::Value as Json;

use crate::helpers::{TestApp, spawn_app};
use crate::respondent::{Client, open_survey, questionnaire, valid_answers};
use crate::surveys::change_state;

/// A closed survey: six answers from Sales, six from Engineering, two from the Support segment.
/// Returns the operator's browser, the survey and the answers sent.
async fn closed_survey(app: &TestApp) -> (crate::helpers::Browser, survey_server::domain::SurveyId, Vec<Json>) {
    let (b, survey, codes) = open_survey(app).await;
    let q = questionnaire(app, survey).await;
    let client = Client::new(app, survey);
    let mut sent = Vec::new();
    for (prefix, take) in [("sales", 6), ("engineering", 6), ("support", 2)] {
        for (_, code) in codes.iter().filter(|(to, _)| to.starts_with(prefix)).take(take) {
            let token = client.token(code).await;
            let answers = valid_answers(&q, &mut rand::rng());
            assert_eq!(client.submit(&token, "ja", &answers).await.status.as_u16(), 201);
            sent.push(answers);
        }
    }
    let early = b.get(&format!("/operator/surveys/{survey}/data?format=csv")).await;
    assert_eq!(early.status.as_u16(), 409, "no data file during fieldwork");
    assert_eq!(change_state(&b, survey, "closed").await.status.as_u16(), 303);
    (b, survey, sent)
}

/// The CSV as rows of cells under its header's names.
fn rows(csv: &str) -> Vec<BTreeMap<String, String>> {
    let text = csv.strip_prefix('\u{feff}').expect("a BOM for Excel");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

/// Each distinct value of a column with how often it occurs.
fn tally<'a>(values: impl Iterator<Item = &'a str>) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for v in values {
        *out.entry(v.to_owned()).or_default() += 1;
    }
    out
}

#[actix_web::test]
async fn the_data_file_holds_each_answer_as_given_and_no_group_smaller_than_k() {
    let app = spawn_app().await;
    let (b, survey, sent) = closed_survey(&app).await;
    let q = questionnaire(&app, survey).await;

    let csv = b
        .get(&format!("/operator/surveys/{survey}/data?format=csv&lang=en"))
        .await;
    assert_eq!(csv.status.as_u16(), 200, "{}", csv.body);
    assert!(
        csv.headers
            .get("content-disposition")
            .unwrap()
            .to_str()
            .unwrap()
            .contains(&format!("data-{survey}.en.csv"))
    );
    let data = rows(&csv.body);
    assert_eq!(data.len(), sent.len(), "a row per response");

    // Sales keeps its value (6 ≥ 5); Support's 2 are merged, and with them the smaller of the
    // others, so that no value of the column stands for fewer than 5.
    let groups = tally(data.iter().map(|r| r["group"].as_str()));
    assert_eq!(groups.values().copied().collect::<Vec<_>>(), [6, 8], "{groups:?}");
    let codebook = b
        .get(&format!("/operator/surveys/{survey}/data/codebook?lang=en"))
        .await;
    assert_eq!(codebook.status.as_u16(), 200);
    let book = rows(&codebook.body);
    let group = book.iter().find(|r| r["Variable"] == "group").unwrap();
    assert!(
        group["Codes"].contains("department: Sales") && group["Codes"].contains("other groups (merged"),
        "{group:?}"
    );

    // Each question's column holds the answers sent, in some order: the scale points, the 0–10
    // ratings, the chosen options' positions, a 0/1 per option of a multiple choice.
    for question in q.questions() {
        let id = question.id().as_str();
        let given = |value: &dyn Fn(&Json) -> Option<String>| -> BTreeMap<String, usize> {
            tally(
                sent.iter()
                    .map(|a| a.get(id).and_then(value).unwrap_or_default())
                    .collect::<Vec<_>>()
                    .iter()
                    .map(String::as_str),
            )
        };
        match question.kind() {
            survey_design::QuestionKind::Likert { .. } | survey_design::QuestionKind::Rating { .. } => {
                let expected = given(&|v| match v {
                    Json::String(s) if s == "n/a" => Some("99".to_owned()),
                    v => v.as_u64().map(|n| n.to_string()),
                });
                assert_eq!(tally(data.iter().map(|r| r[id].as_str())), expected, "{id}");
            }
            survey_design::QuestionKind::SingleChoice(choices) => {
                let expected = given(&|v| {
                    let position = match v {
                        Json::String(o) => choices.options().iter().position(|x| x.id().as_str() == o),
                        _ => Some(choices.options().len()),
                    };
                    position.map(|p| (p + 1).to_string())
                });
                assert_eq!(tally(data.iter().map(|r| r[id].as_str())), expected, "{id}");
            }
            survey_design::QuestionKind::MultipleChoice { choices, .. } => {
                for option in choices.options() {
                    let column = format!("{id}.{}", option.id());
                    let expected = given(&|v| {
                        v.as_array().map(|chosen| {
                            let hit = chosen.iter().any(|c| c.as_str() == Some(option.id().as_str()));
                            if hit { "1" } else { "0" }.to_owned()
                        })
                    });
                    assert_eq!(tally(data.iter().map(|r| r[&column].as_str())), expected, "{column}");
                }
            }
            survey_design::QuestionKind::LongText { .. } | survey_design::QuestionKind::ShortText { .. } => {
                assert!(!data[0].contains_key(id), "free texts stay out unless asked for");
            }
            _ => {}
        }
    }

    // Asked for, the free texts come with the rest: every comment sent is in the file.
    let with_texts = b
        .get(&format!("/operator/surveys/{survey}/data?format=csv&free_text=on"))
        .await;
    let with_texts = rows(&with_texts.body);
    for question in q
        .questions()
        .filter(|x| matches!(x.kind(), survey_design::QuestionKind::LongText { .. }))
    {
        let id = question.id().as_str();
        let mut expected: Vec<&str> = sent.iter().filter_map(|a| a.get(id).and_then(Json::as_str)).collect();
        let mut found: Vec<&str> = with_texts
            .iter()
            .map(|r| r[id].as_str())
            .filter(|t| !t.is_empty())
            .collect();
        expected.sort_unstable();
        found.sort_unstable();
        assert_eq!(found, expected, "{id}");
    }

    let bad = b.get(&format!("/operator/surveys/{survey}/data?format=xls")).await;
    assert_eq!(bad.status.as_u16(), 400);
    let french = b.get(&format!("/operator/surveys/{survey}/data?lang=fr")).await;
    assert_eq!(french.status.as_u16(), 400);

    // Management never gets response-level data.
    let org = survey_server::services::surveys::find(app.db(), survey)
        .await
        .unwrap()
        .organisation_id;
    app.user(
        "boss@client.example",
        survey_server::services::auth::Role::Management,
        Some(org),
    )
    .await;
    let boss = app.login("boss@client.example").await;
    let refused = boss.get(&format!("/operator/surveys/{survey}/data?format=csv")).await;
    assert!(
        refused.status.is_client_error() || refused.status.is_redirection(),
        "{}",
        refused.status
    );
    assert!(!refused.body.contains("group,"), "{}", refused.body);

    let audit = b.get("/operator/audit").await;
    assert!(audit.body.contains("anonymous data exported"), "{}", audit.body);
}

/// The `.sav` file as SPSS's reader in Python sees it: the same rows as the CSV, the question texts
/// as variable labels, the options as value labels, "don't know" as a declared missing value.
#[actix_web::test]
async fn the_spss_file_reads_back_as_the_csv_with_its_labels() {
    let app = spawn_app().await;
    let (b, survey, _) = closed_survey(&app).await;
    let q = questionnaire(&app, survey).await;
    let sav = b.get(&format!("/operator/surveys/{survey}/data?format=sav")).await;
    assert_eq!(sav.status.as_u16(), 200);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.sav");
    std::fs::write(&path, &sav.bytes).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/read_sav.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let read: Json = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = read["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    let body = b.get(&format!("/operator/surveys/{survey}/data?format=csv")).await.body;
    let csv_header: Vec<String> = csv::Reader::from_reader(body.trim_start_matches('\u{feff}').as_bytes())
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(names.len(), csv_header.len());
    // Row by row, in the same order, each value equal to the CSV's.
    let csv = rows(&body);
    let sav_rows = read["rows"].as_array().unwrap();
    assert_eq!(sav_rows.len(), csv.len());
    for (sav_row, csv_row) in sav_rows.iter().zip(&csv) {
        for (i, name) in csv_header.iter().enumerate() {
            let expected = &csv_row[name];
            let got = match &sav_row[i] {
                Json::Null => String::new(),
                Json::Number(n) => n.as_f64().unwrap().to_string(),
                Json::String(s) => s.clone(),
                other => panic!("{other}"),
            };
            assert_eq!(&got, expected, "{name}");
        }
    }
    // Labels in the questionnaire's default language (Japanese); a scale's "don't know" is a
    // declared missing value with its label.
    let ja = survey_design::Lang::parse("ja").unwrap();
    let labels = read["labels"].as_array().unwrap();
    let support = csv_header.iter().position(|h| h == "support").unwrap();
    assert_eq!(
        labels[support].as_str().unwrap(),
        q.question("support").unwrap().text().get(&ja)
    );
    let support_labels = read["value_labels"][names[support]].as_array().unwrap();
    assert!(support_labels.iter().any(|p| p[1] == "賛成"), "{support_labels:?}");
    let (column, dont_know) = q
        .questions()
        .find_map(|x| match x.kind() {
            survey_design::QuestionKind::Matrix { scale, items, .. } => scale
                .not_applicable()
                .map(|na| (format!("{}.{}", x.id(), items[0].id()), na.get(&ja).to_owned())),
            _ => None,
        })
        .expect("a matrix whose scale offers \"don't know\"");
    let at = csv_header.iter().position(|h| *h == column).unwrap();
    let value_labels = read["value_labels"][names[at]].as_array().unwrap();
    assert!(
        value_labels.iter().any(|p| p[0] == 99.0 && p[1] == dont_know.as_str()),
        "{value_labels:?}"
    );
    assert_eq!(read["missing"][names[at]], serde_json::json!([[99.0, 99.0]]));
}
