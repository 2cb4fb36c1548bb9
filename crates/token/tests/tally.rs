//! The tally an auditor checks: built from real tokens, it verifies; each way of cheating — a token
//! twice, a changed answer, a token of another survey, a wrong count or root — is named.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking, helpers included

use survey_token::client::PendingToken;
use survey_token::issuer::IssuerKey;
use survey_token::rsabssa::PublicKey;
use survey_token::tally::{Counted, Tally, TallyError, answers_digest, receipt};
use survey_token::wire::{TokenChallenge, survey_challenge};

fn token(key: &IssuerKey, challenge: &TokenChallenge) -> Vec<u8> {
    let (pending, request) = PendingToken::new(key.public_key(), challenge.digest(), &mut rand::rng()).unwrap();
    let blind_sig = key.blind_sign(&request.blinded_msg).unwrap();
    pending.finish(&blind_sig).unwrap().to_bytes()
}

struct Fixture {
    keys: Vec<(PublicKey, String)>,
    challenge: TokenChallenge,
    /// (token, answers digest), 3 in segment A and 2 in segment B.
    responses: Vec<(Vec<u8>, [u8; 32])>,
}

fn fixture() -> Fixture {
    let a = IssuerKey::generate().unwrap();
    let b = IssuerKey::generate().unwrap();
    let challenge = survey_challenge("survey.example.com", &[3; 16]);
    let responses = (0..5)
        .map(|i| {
            let key = if i < 3 { &a } else { &b };
            (
                token(key, &challenge),
                answers_digest(&[i; 32], format!("answers {i}").as_bytes()),
            )
        })
        .collect();
    Fixture {
        keys: vec![
            (a.public_key().clone(), "A".into()),
            (b.public_key().clone(), "B".into()),
        ],
        challenge,
        responses,
    }
}

fn build(f: &Fixture) -> Tally {
    Tally::build(
        "survey-1",
        &f.challenge,
        &f.keys,
        f.responses.iter().map(|(t, d)| Counted {
            token: t,
            answers_digest: *d,
        }),
    )
}

#[test]
fn an_honest_tally_verifies_and_proves_every_receipt() {
    let f = fixture();
    let tally = build(&f);
    let checked = tally.verify().unwrap();
    assert_eq!(checked.count, 5);
    assert_eq!(checked.per_segment, vec![("A".to_owned(), 3), ("B".to_owned(), 2)]);
    // Through JSON, as the auditor receives it.
    let json = serde_json::to_string(&tally).unwrap();
    let read: Tally = serde_json::from_str(&json).unwrap();
    assert_eq!(read.verify().unwrap(), checked);
    for (t, d) in &f.responses {
        let r = survey_token::tally::hex(&receipt(t, d));
        let proof = tally.proof(&r).unwrap();
        assert!(proof.verify(&tally.root));
        assert!(!proof.verify(&"00".repeat(32)));
    }
    assert!(tally.proof(&"ab".repeat(32)).is_none());
}

#[test]
fn the_order_of_responses_does_not_change_the_tally() {
    let mut f = fixture();
    let first = build(&f);
    f.responses.reverse();
    assert_eq!(build(&f), first);
}

#[test]
fn each_way_of_cheating_is_caught() {
    let f = fixture();
    let honest = build(&f);

    let mut twice = honest.clone();
    twice.responses.push(twice.responses[0].clone());
    twice.count += 1;
    assert!(matches!(
        twice.verify(),
        Err(TallyError::DuplicateNonce { index: 5, first: 0 })
    ));

    let mut changed = honest.clone();
    changed.responses[2].answers_digest = "00".repeat(32);
    assert!(matches!(
        changed.verify(),
        Err(TallyError::Order { .. } | TallyError::Root { .. })
    ));

    let mut counted_wrong = honest.clone();
    counted_wrong.count = 6;
    assert_eq!(counted_wrong.verify(), Err(TallyError::Count { stated: 6, listed: 5 }));

    let mut rooted_wrong = honest.clone();
    rooted_wrong.root = "11".repeat(32);
    assert!(matches!(rooted_wrong.verify(), Err(TallyError::Root { .. })));

    let mut unknown_key = honest.clone();
    unknown_key.keys.remove(1);
    assert!(matches!(
        unknown_key.verify(),
        Err(TallyError::Response {
            reason: survey_token::TokenError::UnknownKey,
            ..
        })
    ));

    let other = survey_challenge("survey.example.com", &[4; 16]);
    let mut foreign = honest.clone();
    foreign.challenge = base64_url(&other.to_bytes());
    assert!(matches!(
        foreign.verify(),
        Err(TallyError::Response {
            reason: survey_token::TokenError::Challenge,
            ..
        })
    ));

    let mut garbled = honest;
    garbled.responses[0].token = "not base64!".into();
    assert_eq!(
        garbled.verify().unwrap_err().to_string(),
        "responses[0].token is not valid base64url"
    );
}

fn base64_url(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}
