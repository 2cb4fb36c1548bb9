//! The issuer: BlindSign reproduces the RFC 9474 vectors with OpenSSL, a fresh key pair round-trips
//! with the client's side into a token the survey accepts, and sealed keys open only as sealed.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking, helpers included

use openssl::bn::{BigNum, BigNumContext};
use openssl::rsa::Rsa;
use survey_token::TokenError;
use survey_token::client::PendingToken;
use survey_token::issuer::{IssuerKey, MasterKey};
use survey_token::wire::{TOKEN_TYPE, Token, survey_challenge};

fn vectors() -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/rfc9474.json")).unwrap();
    serde_json::from_str::<Vec<serde_json::Value>>(&text).unwrap()
}

fn bn(v: &serde_json::Value, k: &str) -> BigNum {
    BigNum::from_hex_str(v[k].as_str().unwrap().trim_start_matches("0x")).unwrap()
}

fn hex(s: &str) -> Vec<u8> {
    BigNum::from_hex_str(s.trim_start_matches("0x")).unwrap().to_vec()
}

/// The vector's private key in PKCS#1, with the CRT values OpenSSL needs worked out from p, q, d.
fn vector_key(v: &serde_json::Value) -> IssuerKey {
    let (p, q, d) = (bn(v, "p"), bn(v, "q"), bn(v, "d"));
    let mut ctx = BigNumContext::new().unwrap();
    let one = BigNum::from_u32(1).unwrap();
    let (mut p1, mut q1) = (BigNum::new().unwrap(), BigNum::new().unwrap());
    p1.checked_sub(&p, &one).unwrap();
    q1.checked_sub(&q, &one).unwrap();
    let (mut dp, mut dq, mut qinv) = (BigNum::new().unwrap(), BigNum::new().unwrap(), BigNum::new().unwrap());
    dp.nnmod(&d, &p1, &mut ctx).unwrap();
    dq.nnmod(&d, &q1, &mut ctx).unwrap();
    qinv.mod_inverse(&q, &p, &mut ctx).unwrap();
    let rsa = Rsa::from_private_components(bn(v, "n"), bn(v, "e"), d, p, q, dp, dq, qinv).unwrap();
    IssuerKey::from_pkcs1_der(&rsa.private_key_to_der().unwrap()).unwrap()
}

#[test]
fn blind_sign_reproduces_every_rfc9474_vector() {
    let all = vectors();
    assert_eq!(all.len(), 4);
    for v in &all {
        let key = vector_key(v);
        let blinded = hex(v["blinded_msg"].as_str().unwrap());
        let sig = key.blind_sign(&blinded).unwrap();
        assert_eq!(sig, hex(v["blind_sig"].as_str().unwrap()), "{}", v["name"]);
    }
}

#[test]
fn blind_sign_refuses_messages_of_the_wrong_size_or_value() {
    let key = vector_key(&vectors()[0]);
    assert_eq!(
        key.blind_sign(&[1; 511]),
        Err(TokenError::Length {
            expected: 512,
            got: 511
        })
    );
    assert_eq!(key.blind_sign(&[0xff; 512]), Err(TokenError::OutOfRange));
}

#[test]
fn a_fresh_key_issues_a_token_the_survey_accepts() {
    let key = IssuerKey::generate().unwrap();
    let public = key.public_key();
    assert_eq!(public.modulus().bits(), 2048);
    assert_eq!(public.exponent(), &65537u32.into());
    let challenge = survey_challenge("survey.example.com", &[7; 16]);
    let (pending, request) = PendingToken::new(public, challenge.digest(), &mut rand::rng()).unwrap();
    assert_eq!(request.truncated_token_key_id, public.key_id()[31]);
    let token = pending.finish(&key.blind_sign(&request.blinded_msg).unwrap()).unwrap();
    assert_eq!(token.token_input()[..2], TOKEN_TYPE.to_be_bytes());
    let parsed = Token::parse(&token.to_bytes()).unwrap();
    parsed.verify(public, &challenge.digest()).unwrap();
    let other_survey = survey_challenge("survey.example.com", &[8; 16]);
    assert_eq!(
        parsed.verify(public, &other_survey.digest()),
        Err(TokenError::Challenge)
    );
}

#[test]
fn a_sealed_key_opens_only_with_its_master_key_and_key_id() {
    let key = IssuerKey::generate().unwrap();
    let id = key.public_key().key_id();
    let master = MasterKey::from_bytes(&[1; 32]).unwrap();
    let sealed = key.seal(&master).unwrap();
    let opened = IssuerKey::open(&master, &id, &sealed).unwrap();
    assert_eq!(opened.public_key(), key.public_key());

    let wrong = MasterKey::from_bytes(&[2; 32]).unwrap();
    assert_eq!(IssuerKey::open(&wrong, &id, &sealed).unwrap_err(), TokenError::Sealed);
    assert_eq!(
        IssuerKey::open(&master, &[0; 32], &sealed).unwrap_err(),
        TokenError::Sealed
    );
    let mut altered = sealed.clone();
    altered[40] ^= 1;
    assert_eq!(IssuerKey::open(&master, &id, &altered).unwrap_err(), TokenError::Sealed);
    assert_eq!(
        IssuerKey::open(&master, &id, &sealed[..20]).unwrap_err(),
        TokenError::Truncated("sealed key")
    );
    assert_eq!(
        MasterKey::from_bytes(&[1; 16]).unwrap_err(),
        TokenError::Length { expected: 32, got: 16 }
    );
}
