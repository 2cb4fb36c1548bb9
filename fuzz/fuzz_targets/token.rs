//! The token protocol's untrusted inputs, all from the same bytes:
//! - the RFC 9577/9578 wire messages (TokenChallenge, TokenRequest, TokenResponse, Token) and the
//!   issuer key's SPKI encoding; whatever parses must encode back to the same bytes (the key only
//!   when its encoding was already the canonical one);
//! - a parsed Token is verified against the fixed RFC 9578 test-vector key and challenge (it must
//!   return an error, never panic; and only the vector's own token may pass);
//! - a parsed TokenRequest is blind-signed with a fixed 2048-bit test key (`fuzz/keys`), as the
//!   server does with a respondent's request, and the signature checked;
//! - the bytes as JSON: a published tally (`Tally::verify`, `Tally::proof`) and an inclusion proof.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use survey_token::issuer::IssuerKey;
use survey_token::rsabssa::PublicKey;
use survey_token::tally::{InclusionProof, Tally};
use survey_token::wire::{Token, TokenChallenge, TokenRequest, TokenResponse};

struct Fixed {
    key: PublicKey,
    challenge_digest: [u8; 32],
    token: Vec<u8>,
    issuer: IssuerKey,
}

static FIXED: LazyLock<Fixed> = LazyLock::new(|| {
    let vector: serde_json::Value =
        serde_json::from_str(include_str!("../../crates/token/tests/vectors/rfc9578-type2.json")).unwrap_or_default();
    let field = |name: &str| unhex(vector[name].as_str().unwrap_or_default());
    let key = PublicKey::from_spki(&field("pkS")).unwrap_or_else(|e| panic!("the vector's key: {e}"));
    let challenge =
        TokenChallenge::parse(&field("token_challenge")).unwrap_or_else(|e| panic!("the vector's challenge: {e}"));
    let issuer = IssuerKey::from_pkcs1_der(include_bytes!("../keys/issuer-test-2048.der"))
        .unwrap_or_else(|e| panic!("the test issuer key: {e}"));
    Fixed {
        key,
        challenge_digest: challenge.digest(),
        token: field("token"),
        issuer,
    }
});

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len() / 2)
        .filter_map(|i| u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok())
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let fixed = &*FIXED;

    if let Ok(challenge) = TokenChallenge::parse(data) {
        assert_eq!(challenge.to_bytes(), data, "a token challenge does not encode back");
        let _ = challenge.digest();
    }

    if let Ok(token) = Token::parse(data) {
        assert_eq!(token.to_bytes(), data, "a token does not encode back");
        let verified = token.verify(&fixed.key, &fixed.challenge_digest);
        if verified.is_ok() {
            assert_eq!(data, fixed.token, "a token other than the vector's verifies");
        }
    }

    if let Ok(request) = TokenRequest::parse(data) {
        assert_eq!(request.to_bytes(), data, "a token request does not encode back");
        if let Ok(blind_sig) = fixed.issuer.blind_sign(&request.blinded_msg) {
            assert_eq!(blind_sig.len(), 256);
            assert!(TokenResponse::parse(&blind_sig).is_ok());
        }
    }

    if let Ok(response) = TokenResponse::parse(data) {
        assert_eq!(response.blind_sig, data);
        let _ = fixed.issuer.blind_sign(data);
    }

    if let Ok(key) = PublicKey::from_spki(data) {
        // DER allows one encoding; a key read from another (long-form lengths, leading zeros) is
        // accepted but re-encoded canonically, so only the canonical one must come back unchanged.
        let spki = key.to_spki();
        if let Ok(again) = PublicKey::from_spki(&spki) {
            assert_eq!(again, key, "the canonical encoding reads back as another key");
        } else {
            panic!("the canonical encoding of a key does not read back");
        }
        let _ = key.key_id();
        let _ = key.verify(data, data);
    }

    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(tally) = serde_json::from_str::<Tally>(text) {
            let verified = tally.verify();
            if let Some(entry) = tally.responses.first() {
                let _ = tally.proof(&entry.answers_digest);
            }
            if let Ok(checked) = verified {
                assert_eq!(checked.count as u64, tally.count);
                for entry in &tally.responses {
                    // Every counted response has a proof that checks against the stated root.
                    let token = base64_url(&entry.token);
                    let digest = survey_token::tally::unhex(&entry.answers_digest, "");
                    if let (Some(token), Ok(digest)) = (token, digest) {
                        let receipt = survey_token::tally::hex(&survey_token::tally::receipt(&token, &digest));
                        let proof = tally.proof(&receipt);
                        assert!(
                            proof.is_some_and(|p| p.verify(&tally.root)),
                            "a counted receipt has no valid proof"
                        );
                    }
                }
            }
        }
        if let Ok(proof) = serde_json::from_str::<InclusionProof>(text) {
            let _ = proof.verify(&proof.root);
        }
    }
});

/// Base64url without padding (the tally's encoding), decoded here so the target needs no crate.
fn base64_url(text: &str) -> Option<Vec<u8>> {
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for c in text.trim_end_matches('=').bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        bits = (bits << 6) | u32::from(v);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    Some(out)
}
