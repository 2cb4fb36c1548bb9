//! Who is asking: operator and management logins (argon2id passwords, database sessions, CSRF
//! tokens), API tokens, and the login rate limit. The extractors that use them are in
//! `web::extract`.

mod limiter;
pub mod password;
pub mod session;

pub use crate::domain::Role;
pub use limiter::LoginLimiter;

/// SHA-256 in hex: how session ids and API tokens are stored, so the database never holds a usable
/// credential.
pub fn digest_hex(value: &str) -> String {
    ring::digest::digest(&ring::digest::SHA256, value.as_bytes())
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether a secret sent back (a CSRF token) equals the expected one, in time that does not depend on
/// where they differ, so it cannot be guessed byte by byte. (ring's own helper is deprecated.)
pub fn same_secret(expected: &str, sent: &str) -> bool {
    let (a, b) = (expected.as_bytes(), sent.as_bytes());
    !a.is_empty() && a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A random URL-safe token of 32 bytes.
pub fn random_token() -> String {
    use base64::Engine;
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}
