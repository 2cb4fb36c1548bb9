//! The anonymous-token protocol of the survey platform: RSA blind signatures (RFC 9474,
//! RSABSSA-SHA384-PSS-Deterministic) carried in the Privacy Pass token format (RFC 9578, token type
//! 0x0002).
//!
//! This crate holds the parts every party shares:
//! - [`rsabssa`]: the client's side of RFC 9474 (blind, finalise, verify), which the browser client
//!   mirrors in JavaScript and which tests, load tools and auditors use from Rust;
//! - [`client`]: a token request and the token finished from the issuer's response (RFC 9578 §6);
//! - [`issuer`]: key pairs, BlindSign (OpenSSL's raw RSA operation — why is written there) and
//!   private keys sealed at rest with AES-256-GCM;
//! - [`spki`]: the issuer key's RFC 9578 encoding and key id;
//! - [`wire`]: the messages of RFC 9577/9578 and each survey's challenge (its exact bytes are
//!   documented at [`wire::survey_challenge`]);
//! - [`tally`] and [`merkle`]: receipts, the published tally and its RFC 6962 Merkle tree.
//!
//! Verification uses ring's RSA-PSS-SHA384. This crate never logs token values, signatures or
//! invitation codes.
//!
//! ```
//! use survey_token::rsabssa::{PublicKey, emsa_pss_encode};
//!
//! // EMSA-PSS of RFC 8017 with SHA-384: the encoded message ends with 0xbc.
//! let em = emsa_pss_encode(b"hello", 2047, &[7u8; 48]).unwrap();
//! assert_eq!(em.len(), 256);
//! assert_eq!(em[255], 0xbc);
//! # let _ = PublicKey::from_be_bytes;
//! ```

pub mod client;
pub mod issuer;
pub mod merkle;
pub mod rsabssa;
pub mod spki;
pub mod tally;
pub mod wire;

/// Why a token operation failed, for logs and error messages (never with the values involved).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    #[error("the RSA modulus must be at least 2048 bits")]
    WeakKey,
    #[error("the message is too long for this key")]
    MessageTooLong,
    #[error("expected {expected} bytes, got {got}")]
    Length { expected: usize, got: usize },
    #[error("the value is not below the RSA modulus")]
    OutOfRange,
    #[error("the blinding value has no inverse; blind again")]
    NotInvertible,
    #[error("the signature does not verify against the public key")]
    Verification,
    #[error("the {0} is not well-formed")]
    Malformed(&'static str),
    #[error("the {0} is cut short")]
    Truncated(&'static str),
    #[error("the {0} has bytes after its end")]
    TrailingBytes(&'static str),
    #[error("the token type is not 0x0002 (publicly verifiable RSA blind signature)")]
    TokenType,
    #[error("the token was made for another challenge (another survey or server)")]
    Challenge,
    #[error("the token was signed with a key that is not this survey's")]
    UnknownKey,
    #[error("OpenSSL failed during {0}")]
    Backend(&'static str),
    #[error("the sealed key does not open with this master key (wrong master key, or the key was altered)")]
    Sealed,
}
