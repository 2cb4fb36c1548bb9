//! RFC 9578 Appendix A.2 test vector 1 (see `vectors/README.md`): the key encoding and id, the
//! challenge digest and the token's signature, and the parsers' refusals.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking, helpers included

use survey_token::TokenError;
use survey_token::rsabssa::PublicKey;
use survey_token::wire::{Token, TokenChallenge, TokenRequest, TokenResponse};

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

struct Vector {
    spki: Vec<u8>,
    challenge: Vec<u8>,
    token: Vec<u8>,
}

fn vector() -> Vector {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/rfc9578-type2.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let field = |k: &str| hex(json[k].as_str().unwrap());
    Vector {
        spki: field("pkS"),
        challenge: field("token_challenge"),
        token: field("token"),
    }
}

#[test]
fn the_issuer_key_reads_and_writes_back_byte_for_byte_and_gives_the_token_key_id() {
    let v = vector();
    let key = PublicKey::from_spki(&v.spki).unwrap();
    assert_eq!(key.modulus_len(), 256);
    assert_eq!(key.to_spki(), v.spki);
    let token = Token::parse(&v.token).unwrap();
    assert_eq!(key.key_id(), token.token_key_id);
}

#[test]
fn the_challenge_parses_re_encodes_and_its_digest_is_in_the_token() {
    let v = vector();
    let challenge = TokenChallenge::parse(&v.challenge).unwrap();
    assert_eq!(challenge.token_type, 2);
    assert_eq!(challenge.issuer_name, b"issuer.example");
    assert_eq!(challenge.origin_info, b"origin.example");
    assert_eq!(challenge.redemption_context.len(), 32);
    assert_eq!(challenge.to_bytes(), v.challenge);
    assert_eq!(Token::parse(&v.token).unwrap().challenge_digest, challenge.digest());
}

#[test]
fn the_vector_token_verifies_and_a_changed_one_does_not() {
    let v = vector();
    let key = PublicKey::from_spki(&v.spki).unwrap();
    let digest = TokenChallenge::parse(&v.challenge).unwrap().digest();
    let token = Token::parse(&v.token).unwrap();
    assert_eq!(token.to_bytes(), v.token);
    token.verify(&key, &digest).unwrap();

    let mut other_nonce = token.clone();
    other_nonce.nonce[0] ^= 1;
    assert_eq!(other_nonce.verify(&key, &digest), Err(TokenError::Verification));
    assert_eq!(token.verify(&key, &[0; 32]), Err(TokenError::Challenge));
    let mut other_key = token.clone();
    other_key.token_key_id[31] ^= 1;
    assert_eq!(other_key.verify(&key, &digest), Err(TokenError::UnknownKey));
}

#[test]
fn malformed_input_is_refused_with_what_is_wrong() {
    let v = vector();
    assert_eq!(
        Token::parse(&v.token[..100]).unwrap_err().to_string(),
        "the token is cut short"
    );
    let mut long = v.token.clone();
    long.push(0);
    assert_eq!(
        Token::parse(&long).unwrap_err().to_string(),
        "the token has bytes after its end"
    );
    let mut type1 = v.token.clone();
    type1[1] = 1;
    assert_eq!(Token::parse(&type1), Err(TokenError::TokenType));
    assert_eq!(
        TokenChallenge::parse(&v.challenge[..20]).unwrap_err().to_string(),
        "the token challenge is cut short"
    );
    let mut spki = v.spki.clone();
    spki[10] ^= 1;
    assert_eq!(
        PublicKey::from_spki(&spki).unwrap_err().to_string(),
        "the public key is not well-formed"
    );
    assert_eq!(
        PublicKey::from_spki(&[]).unwrap_err(),
        TokenError::Malformed("public key")
    );
    assert_eq!(
        TokenResponse::parse(&[0; 10]),
        Err(TokenError::Length { expected: 256, got: 10 })
    );
    assert_eq!(
        TokenRequest::parse(&[0, 2, 7]).unwrap_err().to_string(),
        "the token request is cut short"
    );
}

#[test]
fn a_token_request_round_trips() {
    let request = TokenRequest {
        truncated_token_key_id: 0x08,
        blinded_msg: vec![7; 256],
    };
    let bytes = request.to_bytes();
    assert_eq!(bytes.len(), 259);
    assert_eq!(&bytes[..3], &[0, 2, 8]);
    assert_eq!(TokenRequest::parse(&bytes).unwrap(), request);
}

#[test]
fn each_survey_has_its_own_challenge_with_documented_bytes() {
    use survey_token::wire::survey_challenge;
    let a = survey_challenge("survey.example.com", &[1; 16]);
    let b = survey_challenge("survey.example.com", &[2; 16]);
    assert_ne!(a.digest(), b.digest());
    assert_ne!(a.digest(), survey_challenge("other.example.com", &[1; 16]).digest());
    let bytes = a.to_bytes();
    // type, issuer name (2-byte length), 32-byte context (1-byte length), origin (2-byte length).
    assert_eq!(&bytes[..4], &[0x00, 0x02, 0x00, 18]);
    assert_eq!(&bytes[4..22], b"survey.example.com");
    assert_eq!(bytes[22], 32);
    assert_eq!(bytes.len(), 2 + 2 + 18 + 1 + 32 + 2 + 18);
    assert_eq!(TokenChallenge::parse(&bytes).unwrap(), a);
}
