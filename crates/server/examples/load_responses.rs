//! Loads a JSON Lines file of responses (`survey generate`) into a database as a closed survey, for
//! the report benchmark from the database (`crates/report/benches/report.py --database URL`).
//!
//! ```text
//! load_responses DATABASE_URL QUESTIONNAIRE.toml RESPONSES.jsonl
//! ```
//! Prints the survey's id. The database is migrated as the server migrates it; the survey has one
//! issuer key row per segment of the file (no key material: a report never signs) and every line
//! validated and stored in its canonical form, as a submission stores it, in random id order as the
//! close leaves it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a preparation tool fails by panicking

use std::collections::HashMap;
use std::io::BufRead;

use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set, TransactionTrait};
use survey_server::Settings;
use survey_server::config::Secret;
use survey_server::domain::SurveyState;
use survey_server::services::{organisations, surveys};
use survey_server::storage::{issuer_key, response};

/// Rows per INSERT statement, and statements per transaction.
const ROWS: usize = 500;
const STATEMENTS: usize = 20;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [url, questionnaire, responses] = args.as_slice() else {
        eprintln!("usage: load_responses DATABASE_URL QUESTIONNAIRE.toml RESPONSES.jsonl");
        std::process::exit(2);
    };
    actix_web::rt::System::new().block_on(load(url, questionnaire, responses));
}

async fn load(url: &str, questionnaire: &str, responses: &str) {
    let mut settings = Settings::load(None).unwrap();
    settings.database.url = Some(Secret::new(url));
    let db = survey_server::startup::connect(&settings).await.unwrap();
    survey_server::startup::migrate(&db).await.unwrap();
    let source = std::fs::read_to_string(questionnaire).unwrap();
    let q = survey_design::Questionnaire::from_toml(&source, questionnaire).unwrap();
    let actor = "load_responses";
    let name = format!("ベンチマーク {}", uuid::Uuid::new_v4().simple());
    let org = organisations::create(&db, actor, &name).await.unwrap();
    let s = surveys::create(
        &db,
        actor,
        surveys::NewSurvey {
            organisation_id: org.id,
            name: "ベンチマーク".into(),
            template_source: source,
        },
    )
    .await
    .unwrap();
    let mut closed = s.clone().into_active_model();
    closed.state = Set(SurveyState::Closed);
    closed.breakdowns = Set(serde_json::json!(["department"]));
    closed.update(&db).await.unwrap();

    // Nonces and receipts are unique across surveys: this load's own prefix keeps them so.
    let prefix = uuid::Uuid::new_v4().simple().to_string();
    let mut keys: HashMap<String, String> = HashMap::new();
    let mut batch = Vec::with_capacity(ROWS);
    let mut txn = db.begin().await.unwrap();
    let (mut statements, mut stored) = (0, 0u64);
    let file = std::io::BufReader::new(std::fs::File::open(responses).unwrap());
    for line in file.lines() {
        let line: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let segment = line["segment"].as_str().unwrap_or("").to_owned();
        let key_id = match keys.get(&segment) {
            Some(k) => k.clone(),
            None => {
                let key_id = uuid::Uuid::new_v4().simple().to_string();
                issuer_key::ActiveModel {
                    key_id: Set(key_id.clone()),
                    survey_id: Set(s.id),
                    segment: Set(segment.clone()),
                    public_key: Set(Vec::new()),
                    sealed_private_key: Set(Vec::new()),
                }
                .insert(&txn)
                .await
                .unwrap();
                keys.insert(segment, key_id.clone());
                key_id
            }
        };
        let answers = q.validate_answers(&line["answers"]).unwrap();
        stored += 1;
        batch.push(response::ActiveModel {
            id: Set(uuid::Uuid::new_v4()),
            survey_id: Set(s.id),
            key_id: Set(key_id),
            nonce: Set(format!("{prefix}{stored:x}")),
            token: Set(String::new()),
            answers: Set(String::from_utf8(answers.canonical_bytes()).unwrap()),
            answers_digest: Set(String::new()),
            receipt: Set(format!("{prefix}{stored:x}")),
        });
        if batch.len() == ROWS {
            response::Entity::insert_many(std::mem::take(&mut batch))
                .exec_without_returning(&txn)
                .await
                .unwrap();
            statements += 1;
            if statements % STATEMENTS == 0 {
                txn.commit().await.unwrap();
                txn = db.begin().await.unwrap();
                eprint!("\r{stored} responses stored");
            }
        }
    }
    if !batch.is_empty() {
        response::Entity::insert_many(batch)
            .exec_without_returning(&txn)
            .await
            .unwrap();
    }
    txn.commit().await.unwrap();
    eprintln!("\r{stored} responses stored");
    println!("{}", s.id);
}
