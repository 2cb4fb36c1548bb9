//! Receipts and the published tally: what lets anyone check the count.
//!
//! A respondent's **receipt** is `SHA-256(RECEIPT_LABEL || token || answers_digest)`, where `token` is
//! the RFC 9578 token they redeemed and `answers_digest` is
//! `SHA-256(ANSWERS_LABEL || salt || canonical answer bytes)`. The **salt** is 32 random bytes drawn
//! for this one response by the respondent's browser (by the server on the no-JavaScript path); it
//! travels with the submission and comes back with the receipt, and the server never stores it. It
//! keeps the published digests from confirming guesses: without it, an auditor could hash every
//! possible answer set of a closed-form questionnaire and read each response's answers off the
//! tally. The server returns the receipt when it stores the response, with the salt and the canonical
//! answers it stored, so the browser can recompute the receipt and refuse one that does not match.
//!
//! At close the **tally** lists every counted response as its token and answers digest, the survey's
//! keys and challenge, the count, and the Merkle root (RFC 6962) over the receipts sorted by value —
//! sorted, so the order of the leaves says nothing about the order of arrival. [`Tally::verify`] is
//! the auditor's check: every token valid under a published key and bound to the survey's challenge,
//! no nonce twice, and the count and root as stated. [`Tally::proof`] gives a receipt's inclusion
//! proof, and [`Tally::holds_answers`] lets a respondent who kept their salt check that their entry
//! commits to their answers.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};

use crate::merkle::{self, Hash};
use crate::rsabssa::PublicKey;
use crate::wire::{Token, TokenChallenge, sha256};

pub const RECEIPT_LABEL: &[u8] = b"anonymous-employee-survey/receipt/v1";
/// Version 2: salted. (Version 1, `SHA-256("…/answers/v1" || canonical answers)`, had no salt.)
pub const ANSWERS_LABEL: &[u8] = b"anonymous-employee-survey/answers/v2";
/// Bytes of a response's salt.
pub const SALT_LEN: usize = 32;

/// A response's salt: 32 random bytes only its respondent keeps.
pub type Salt = [u8; SALT_LEN];

/// `SHA-256(ANSWERS_LABEL || salt || canonical answers)`. The salt has a fixed length, so the
/// concatenation is unambiguous.
pub fn answers_digest(salt: &Salt, canonical_answers: &[u8]) -> Hash {
    sha256(&[ANSWERS_LABEL, &salt[..], canonical_answers].concat())
}

pub fn receipt(token: &[u8], answers_digest: &Hash) -> Hash {
    sha256(&[RECEIPT_LABEL, token, &answers_digest[..]].concat())
}

/// A fresh random salt.
pub fn fresh_salt(rng: &mut impl rand::RngCore) -> Salt {
    let mut salt = [0u8; SALT_LEN];
    rng.fill_bytes(&mut salt);
    salt
}

/// Reads a salt sent as base64url (padding allowed, as for tokens): exactly 32 bytes.
pub fn parse_salt(text: &str) -> Result<Salt, crate::TokenError> {
    // 32 bytes are 43 characters (44 with padding): anything much longer is not worth decoding.
    if text.trim().len() > 48 {
        return Err(crate::TokenError::Malformed("salt (32 bytes of base64url)"));
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(text.trim().trim_end_matches('='))
        .map_err(|_| crate::TokenError::Malformed("salt (base64url)"))?;
    bytes.as_slice().try_into().map_err(|_| crate::TokenError::Length {
        expected: SALT_LEN,
        got: bytes.len(),
    })
}

/// An exported tally, as JSON: byte strings in base64url without padding, hashes in lower-case hex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub survey: String,
    /// The survey's `TokenChallenge` (RFC 9577 encoding).
    pub challenge: String,
    pub keys: Vec<TallyKey>,
    pub count: u64,
    pub root: String,
    /// In receipt order.
    pub responses: Vec<TallyEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TallyKey {
    /// The key in the RFC 9578 SPKI encoding.
    #[serde(rename = "token-key")]
    pub token_key: String,
    pub segment: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TallyEntry {
    pub token: String,
    pub answers_digest: String,
}

/// The inclusion proof of one receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InclusionProof {
    pub receipt: String,
    pub index: usize,
    pub count: usize,
    pub root: String,
    /// Audit path, leaf to root, hex.
    pub path: Vec<String>,
}

/// Why a tally does not check out; each names the entry (0-based, in the file's order).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TallyError {
    #[error("{field} is not valid {encoding}")]
    Encoding { field: String, encoding: &'static str },
    #[error("key {index} cannot be read: {reason}")]
    Key { index: usize, reason: crate::TokenError },
    #[error("response {index}: {reason}")]
    Response { index: usize, reason: crate::TokenError },
    #[error("response {index} reuses the nonce of response {first}")]
    DuplicateNonce { index: usize, first: usize },
    #[error("the tally states {stated} responses but lists {listed}")]
    Count { stated: u64, listed: usize },
    #[error("the stated root {stated} differs from the root of the listed responses, {computed}")]
    Root { stated: String, computed: String },
    #[error("the responses are not in receipt order (first out of place: response {index})")]
    Order { index: usize },
}

/// What a verified tally holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub count: usize,
    pub root: Hash,
    /// Responses per segment label, in the order of the keys.
    pub per_segment: Vec<(String, usize)>,
}

/// One counted response, as the server holds it.
pub struct Counted<'a> {
    pub token: &'a [u8],
    pub answers_digest: Hash,
}

impl Tally {
    /// Builds the tally of `responses`, sorting them by receipt.
    pub fn build<'a>(
        survey: &str,
        challenge: &TokenChallenge,
        keys: &[(PublicKey, String)],
        responses: impl IntoIterator<Item = Counted<'a>>,
    ) -> Self {
        let mut entries: Vec<(Hash, TallyEntry)> = responses
            .into_iter()
            .map(|r| {
                let entry = TallyEntry {
                    token: URL_SAFE_NO_PAD.encode(r.token),
                    answers_digest: hex(&r.answers_digest),
                };
                (receipt(r.token, &r.answers_digest), entry)
            })
            .collect();
        entries.sort_by_key(|a| a.0);
        let leaves: Vec<Vec<u8>> = entries.iter().map(|(r, _)| r.to_vec()).collect();
        Self {
            survey: survey.to_owned(),
            challenge: URL_SAFE_NO_PAD.encode(challenge.to_bytes()),
            keys: keys
                .iter()
                .map(|(key, segment)| TallyKey {
                    token_key: URL_SAFE_NO_PAD.encode(key.to_spki()),
                    segment: segment.clone(),
                })
                .collect(),
            count: entries.len() as u64,
            root: hex(&merkle::root(&leaves)),
            responses: entries.into_iter().map(|(_, e)| e).collect(),
        }
    }

    /// The auditor's check of everything the tally states.
    pub fn verify(&self) -> Result<Checked, TallyError> {
        let challenge = b64(&self.challenge, "challenge")?;
        TokenChallenge::parse(&challenge).map_err(|reason| TallyError::Response { index: 0, reason })?;
        let digest = sha256(&challenge);
        let mut keys = Vec::new();
        for (index, key) in self.keys.iter().enumerate() {
            let der = b64(&key.token_key, &format!("keys[{index}].token-key"))?;
            let public = PublicKey::from_spki(&der).map_err(|reason| TallyError::Key { index, reason })?;
            keys.push((public.key_id(), public, 0usize));
        }
        let mut nonces = std::collections::HashMap::new();
        let mut receipts = Vec::with_capacity(self.responses.len());
        for (index, entry) in self.responses.iter().enumerate() {
            let bytes = b64(&entry.token, &format!("responses[{index}].token"))?;
            let token = Token::parse(&bytes).map_err(|reason| TallyError::Response { index, reason })?;
            let Some((_, key, count)) = keys.iter_mut().find(|(id, _, _)| *id == token.token_key_id) else {
                return Err(TallyError::Response {
                    index,
                    reason: crate::TokenError::UnknownKey,
                });
            };
            token
                .verify(key, &digest)
                .map_err(|reason| TallyError::Response { index, reason })?;
            *count += 1;
            if let Some(first) = nonces.insert(token.nonce, index) {
                return Err(TallyError::DuplicateNonce { index, first });
            }
            let answers = unhex(&entry.answers_digest, &format!("responses[{index}].answers_digest"))?;
            let r = receipt(&bytes, &answers);
            if receipts.last().is_some_and(|last: &Hash| *last >= r) {
                return Err(TallyError::Order { index });
            }
            receipts.push(r);
        }
        if self.count != receipts.len() as u64 {
            return Err(TallyError::Count {
                stated: self.count,
                listed: receipts.len(),
            });
        }
        let leaves: Vec<Vec<u8>> = receipts.iter().map(|r| r.to_vec()).collect();
        let root = merkle::root(&leaves);
        if hex(&root) != self.root.to_ascii_lowercase() {
            return Err(TallyError::Root {
                stated: self.root.clone(),
                computed: hex(&root),
            });
        }
        Ok(Checked {
            count: receipts.len(),
            root,
            per_segment: self
                .keys
                .iter()
                .zip(&keys)
                .map(|(k, (_, _, n))| (k.segment.clone(), *n))
                .collect(),
        })
    }

    /// The inclusion proof of `receipt` (hex), or `None` when the tally does not hold it.
    pub fn proof(&self, receipt_hex: &str) -> Option<InclusionProof> {
        let receipts: Vec<Vec<u8>> = self
            .responses
            .iter()
            .map(|e| {
                // Decoded as `verify` decodes it (padding allowed), so every token it counts has a proof.
                let token = b64(&e.token, "").ok()?;
                let answers = unhex(&e.answers_digest, "").ok()?;
                Some(receipt(&token, &answers).to_vec())
            })
            .collect::<Option<_>>()?;
        let wanted = unhex(receipt_hex.trim(), "").ok()?;
        let index = receipts.iter().position(|r| r[..] == wanted[..])?;
        let path = merkle::inclusion_proof(&receipts, index)?;
        Some(InclusionProof {
            receipt: hex(&wanted),
            index,
            count: receipts.len(),
            root: self.root.clone(),
            path: path.iter().map(|h| hex(h)).collect(),
        })
    }
}

impl Tally {
    /// The entry whose receipt is `receipt_hex`, if the tally lists one.
    pub fn entry(&self, receipt_hex: &str) -> Option<&TallyEntry> {
        let wanted = unhex(receipt_hex.trim(), "").ok()?;
        self.responses.iter().find(|e| {
            let (Ok(token), Ok(digest)) = (b64(&e.token, ""), unhex(&e.answers_digest, "")) else {
                return false;
            };
            receipt(&token, &digest) == wanted
        })
    }

    /// The respondent's check of their own entry: the tally lists `receipt_hex`, and its answers
    /// digest is that of these canonical answers under this salt.
    pub fn holds_answers(&self, receipt_hex: &str, salt: &Salt, canonical_answers: &[u8]) -> bool {
        self.entry(receipt_hex)
            .and_then(|e| unhex(&e.answers_digest, "").ok())
            .is_some_and(|digest| digest == answers_digest(salt, canonical_answers))
    }
}

impl InclusionProof {
    /// Checks the proof against a root the checker trusts (the published one).
    pub fn verify(&self, root_hex: &str) -> bool {
        let (Ok(leaf), Ok(root)) = (unhex(&self.receipt, ""), unhex(root_hex, "")) else {
            return false;
        };
        let path: Option<Vec<Hash>> = self.path.iter().map(|h| unhex(h, "").ok()).collect();
        match path {
            Some(path) => merkle::verify_inclusion(&leaf, self.index, self.count, &path, &root),
            None => false,
        }
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads 32 bytes of hex.
pub fn unhex(text: &str, field: &str) -> Result<Hash, TallyError> {
    let err = || TallyError::Encoding {
        field: field.to_owned(),
        encoding: "hex of 32 bytes",
    };
    if text.len() != 64 || !text.is_ascii() {
        return Err(err());
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).map_err(|_| err())?;
    }
    Ok(out)
}

fn b64(text: &str, field: &str) -> Result<Vec<u8>, TallyError> {
    URL_SAFE_NO_PAD
        .decode(text.trim_end_matches('='))
        .map_err(|_| TallyError::Encoding {
            field: field.to_owned(),
            encoding: "base64url",
        })
}
