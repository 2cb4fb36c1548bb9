//! Values the browser client (`crates/server/static/token.js`) must compute byte for byte as this
//! crate does; its node tests (`crates/server/static/tests/token.test.js`) pin the same hex. If one
//! side changes, both tests fail until the other follows.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

use survey_token::tally::{Counted, Tally, answers_digest, hex, parse_salt, receipt};
use survey_token::wire::{TokenChallenge, survey_challenge};

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len() / 2)
        .map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

fn vector(name: &str) -> Vec<u8> {
    let v: serde_json::Value = serde_json::from_str(include_str!("vectors/rfc9578-type2.json")).unwrap();
    unhex(v[name].as_str().unwrap())
}

/// Salt 00 01 … 1f, as the node test draws it.
fn counting_salt() -> [u8; 32] {
    std::array::from_fn(|i| i as u8)
}

#[test]
fn the_survey_challenge_the_browser_derives_from_host_and_survey_id() {
    let id = unhex("00112233445566778899aabbccddeeff");
    let challenge = survey_challenge("survey.example.com", &id.try_into().unwrap());
    assert_eq!(
        hex(&challenge.to_bytes()),
        "000200127375727665792e6578616d706c652e636f6d20f6c64358700f1b5bc4f57f1234763fb8180cd9bc454b\
         ce08c2db4cde553d95f200127375727665792e6578616d706c652e636f6d"
    );
}

#[test]
fn the_salted_answers_digest_and_receipt_of_a_known_token() {
    let salt = counting_salt();
    assert_eq!(parse_salt("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8").unwrap(), salt);
    let digest = answers_digest(&salt, br#"{"support":4}"#);
    assert_eq!(
        hex(&digest),
        "ce9d322b5df358c08560ab4521d13ab599bd0f6983274ac1915abf84ac91c1a3"
    );
    assert_eq!(
        hex(&receipt(&vector("token"), &digest)),
        "b0b2a8904f7376d27f6102af2e724086f32712f84f603d984140746db00122db"
    );
}

#[test]
fn the_same_answers_under_another_salt_or_unsalted_give_another_digest() {
    let answers = br#"{"support":4}"#;
    let salted = answers_digest(&counting_salt(), answers);
    assert_ne!(salted, answers_digest(&[0; 32], answers));
    let unsalted = {
        let bytes = [&b"anonymous-employee-survey/answers/v1"[..], answers].concat();
        let digest = ring::digest::digest(&ring::digest::SHA256, &bytes);
        <[u8; 32]>::try_from(digest.as_ref()).unwrap()
    };
    assert_ne!(salted, unsalted);
}

#[test]
fn a_salt_is_32_bytes_of_base64url() {
    assert!(
        parse_salt("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=").is_ok(),
        "padding allowed"
    );
    assert!(
        parse_salt("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg").is_err(),
        "31 bytes"
    );
    assert!(
        parse_salt("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8AAA").is_err(),
        "34 bytes"
    );
    assert!(
        parse_salt("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwd+h8").is_err(),
        "standard alphabet"
    );
    assert!(parse_salt("").is_err());
}

#[test]
fn a_respondent_with_their_salt_checks_that_their_entry_holds_their_answers() {
    let key = survey_token::rsabssa::PublicKey::from_spki(&vector("pkS")).unwrap();
    let challenge = TokenChallenge::parse(&vector("token_challenge")).unwrap();
    let token = vector("token");
    let salt = counting_salt();
    let answers = br#"{"support":4}"#;
    let digest = answers_digest(&salt, answers);
    let tally = Tally::build(
        "survey-1",
        &challenge,
        &[(key, "all".into())],
        [Counted {
            token: &token,
            answers_digest: digest,
        }],
    );
    let mine = hex(&receipt(&token, &digest));
    assert!(tally.entry(&mine).is_some());
    assert!(tally.holds_answers(&mine, &salt, answers));
    assert!(!tally.holds_answers(&mine, &salt, br#"{"support":5}"#), "other answers");
    assert!(!tally.holds_answers(&mine, &[0; 32], answers), "another salt");
    assert!(
        !tally.holds_answers(&"ab".repeat(32), &salt, answers),
        "a receipt the tally lacks"
    );
}
