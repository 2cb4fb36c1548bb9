//! Regression test from fuzzing (fuzz/, target `token`): a tally whose tokens carry base64 padding
//! verifies (`Tally::verify` allows `=`), so each of its receipts must also have an inclusion proof;
//! `Tally::proof` used to refuse the padded token and find none.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

use survey_token::rsabssa::PublicKey;
use survey_token::tally::{Counted, Tally, answers_digest, hex, receipt};
use survey_token::wire::TokenChallenge;

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len() / 2)
        .map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

#[test]
fn a_padded_token_that_verifies_has_a_proof() {
    // The RFC 9578 test vector: its key, challenge and token.
    let vector: serde_json::Value = serde_json::from_str(include_str!("vectors/rfc9578-type2.json")).unwrap();
    let field = |name: &str| unhex(vector[name].as_str().unwrap());
    let key = PublicKey::from_spki(&field("pkS")).unwrap();
    let challenge = TokenChallenge::parse(&field("token_challenge")).unwrap();
    let token = field("token");
    let digest = answers_digest(&[9; 32], br#"{"support":4}"#);
    let mut tally = Tally::build(
        "survey-1",
        &challenge,
        &[(key, "all".into())],
        [Counted {
            token: &token,
            answers_digest: digest,
        }],
    );
    // 354 bytes need no padding; an exporter that writes it anyway (or a hand edit) adds `=`.
    tally.responses[0].token.push('=');
    assert_eq!(tally.verify().unwrap().count, 1);
    let proof = tally.proof(&hex(&receipt(&token, &digest))).unwrap();
    assert!(proof.verify(&tally.root));
}
