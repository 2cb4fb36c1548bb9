//! Who is asking: operator and management logins (argon2id passwords, database sessions, CSRF
//! tokens), API tokens, and the login rate limit.

pub mod account;
mod extract;
mod limiter;
pub mod password;
pub mod routes;
pub mod session;

pub use extract::{ApiUser, CurrentUser};
pub use limiter::LoginLimiter;

/// What a user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The research firm's administrator: everything, including users and organisations.
    Admin,
    /// The research firm's analyst: surveys, rosters, plans; not users.
    Analyst,
    /// A client's manager: read-only portal of one organisation.
    Management,
}

impl Role {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "admin" => Some(Self::Admin),
            "analyst" => Some(Self::Analyst),
            "management" => Some(Self::Management),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Analyst => "analyst",
            Self::Management => "management",
        }
    }

    pub fn is_operator(self) -> bool {
        matches!(self, Self::Admin | Self::Analyst)
    }
}

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
