//! The RFC 9474 Appendix A test vectors (see `vectors/README.md` for their source): the client's
//! Blind, Finalize and Verify reproduce them byte for byte.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking, helpers included

use num_bigint::BigUint;
use survey_token::TokenError;
use survey_token::rsabssa::{PublicKey, blind, blind_with_inverse, emsa_pss_encode, finalize};

struct Vector {
    name: String,
    n: BigUint,
    e: BigUint,
    d: BigUint,
    input_msg: Vec<u8>,
    salt: Vec<u8>,
    /// Not published for every variant.
    encoded_msg: Option<Vec<u8>>,
    inv: BigUint,
    blinded_msg: Vec<u8>,
    blind_sig: Vec<u8>,
    sig: Vec<u8>,
}

fn hex(s: &str) -> Vec<u8> {
    let s = s.trim_start_matches("0x");
    let s = if s.len() % 2 == 1 {
        format!("0{s}")
    } else {
        s.to_owned()
    };
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn vectors() -> Vec<Vector> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/rfc9474.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let field = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap_or_else(|| panic!("no {k}")).to_owned();
    json.as_array()
        .unwrap()
        .iter()
        .map(|v| Vector {
            name: field(v, "name"),
            n: BigUint::from_bytes_be(&hex(&field(v, "n"))),
            e: BigUint::from_bytes_be(&hex(&field(v, "e"))),
            d: BigUint::from_bytes_be(&hex(&field(v, "d"))),
            input_msg: hex(&field(v, "input_msg")),
            salt: hex(&field(v, "salt")),
            encoded_msg: v["encoded_msg"].as_str().map(hex),
            inv: BigUint::from_bytes_be(&hex(&field(v, "inv"))),
            blinded_msg: hex(&field(v, "blinded_msg")),
            blind_sig: hex(&field(v, "blind_sig")),
            sig: hex(&field(v, "sig")),
        })
        .collect()
}

/// The variants with a 48-byte PSS salt: the ones the platform uses (and ring can verify).
fn pss_vectors() -> Vec<Vector> {
    let all = vectors();
    assert_eq!(all.len(), 4, "the vector file changed");
    let pss: Vec<Vector> = all.into_iter().filter(|v| v.salt.len() == 48).collect();
    assert_eq!(pss.len(), 2);
    pss
}

fn key(v: &Vector) -> PublicKey {
    PublicKey::from_be_bytes(&v.n.to_bytes_be(), &v.e.to_bytes_be()).unwrap()
}

#[test]
fn emsa_pss_encoding_matches_the_vectors() {
    let mut compared = 0;
    for v in pss_vectors() {
        let encoded = emsa_pss_encode(&v.input_msg, v.n.bits() - 1, &v.salt).unwrap();
        if let Some(expected) = &v.encoded_msg {
            assert_eq!(&encoded, expected, "{}", v.name);
            compared += 1;
        }
    }
    assert_eq!(compared, 1, "the deterministic vector publishes its encoded message");
}

#[test]
fn blinding_finalising_and_verifying_reproduce_the_vectors() {
    for v in pss_vectors() {
        let pk = key(&v);
        let (blinded, secret) = blind_with_inverse(&pk, &v.input_msg, &v.salt, &v.inv).unwrap();
        assert_eq!(blinded, v.blinded_msg, "{}: blinded message", v.name);
        // The issuer's operation, done here with the vector's private exponent to tie the two ends.
        let blind_sig = BigUint::from_bytes_be(&blinded).modpow(&v.d, &v.n).to_bytes_be();
        assert_eq!(blind_sig, v.blind_sig, "{}: blind signature", v.name);
        let sig = finalize(&pk, &v.input_msg, &v.blind_sig, &secret).unwrap();
        assert_eq!(sig, v.sig, "{}: signature", v.name);
        pk.verify(&v.input_msg, &v.sig).unwrap();
    }
}

#[test]
fn a_changed_message_or_signature_does_not_verify() {
    let v = &pss_vectors()[1];
    let pk = key(v);
    let mut other = v.input_msg.clone();
    other[0] ^= 1;
    assert_eq!(pk.verify(&other, &v.sig), Err(TokenError::Verification));
    let mut sig = v.sig.clone();
    sig[10] ^= 0x80;
    assert_eq!(pk.verify(&v.input_msg, &sig), Err(TokenError::Verification));
}

#[test]
fn finalising_a_wrong_blind_signature_is_refused() {
    let v = &pss_vectors()[1];
    let pk = key(v);
    let (_, secret) = blind_with_inverse(&pk, &v.input_msg, &v.salt, &v.inv).unwrap();
    let mut forged = v.blind_sig.clone();
    forged[5] ^= 1;
    assert_eq!(
        finalize(&pk, &v.input_msg, &forged, &secret),
        Err(TokenError::Verification)
    );
    // The vectors' key has 4096 bits: 512-byte signatures.
    assert_eq!(
        finalize(&pk, &v.input_msg, &v.blind_sig[1..], &secret),
        Err(TokenError::Length {
            expected: 512,
            got: 511
        })
    );
    assert_eq!(
        finalize(&pk, &v.input_msg, &[0xff; 512], &secret),
        Err(TokenError::OutOfRange)
    );
}

#[test]
fn a_fresh_random_blinding_round_trips_with_the_issuer_operation() {
    let v = &pss_vectors()[1];
    let pk = key(v);
    let mut rng = rand::rng();
    let msg = b"token input";
    let (blinded, secret) = blind(&pk, msg, &mut rng).unwrap();
    assert_ne!(blinded, v.blinded_msg);
    let blind_sig = BigUint::from_bytes_be(&blinded).modpow(&v.d, &v.n);
    let mut bytes = blind_sig.to_bytes_be();
    while bytes.len() < pk.modulus_len() {
        bytes.insert(0, 0);
    }
    let sig = finalize(&pk, msg, &bytes, &secret).unwrap();
    pk.verify(msg, &sig).unwrap();
}

#[test]
fn keys_below_2048_bits_are_refused() {
    assert_eq!(
        PublicKey::from_be_bytes(&[0xff; 128], &[1, 0, 1]),
        Err(TokenError::WeakKey)
    );
}
