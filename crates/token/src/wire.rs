//! The wire formats: the token challenge of RFC 9577 and the token type 0x0002 messages of RFC 9578
//! (TokenRequest, TokenResponse, Token). Parsing checks every length and says what is wrong.

use crate::TokenError;

/// Token type 0x0002: publicly verifiable, RSABSSA-SHA384-PSS-Deterministic with a 2048-bit key.
pub const TOKEN_TYPE: u16 = 0x0002;
/// Bytes of an RSA-2048 blinded message, blind signature or authenticator.
pub const NK: usize = 256;
pub const NONCE_LEN: usize = 32;

/// RFC 9577 §2.1: what a token is bound to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenChallenge {
    pub token_type: u16,
    pub issuer_name: Vec<u8>,
    /// Empty, or 32 bytes.
    pub redemption_context: Vec<u8>,
    pub origin_info: Vec<u8>,
}

impl TokenChallenge {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = self.token_type.to_be_bytes().to_vec();
        out.extend((self.issuer_name.len() as u16).to_be_bytes());
        out.extend(&self.issuer_name);
        out.push(self.redemption_context.len() as u8);
        out.extend(&self.redemption_context);
        out.extend((self.origin_info.len() as u16).to_be_bytes());
        out.extend(&self.origin_info);
        out
    }

    pub fn parse(bytes: &[u8]) -> Result<Self, TokenError> {
        let mut r = Reader::new(bytes, "token challenge");
        let token_type = r.u16()?;
        let issuer_len = usize::from(r.u16()?);
        let issuer_name = r.bytes(issuer_len)?.to_vec();
        let context_len = usize::from(r.u8()?);
        if context_len != 0 && context_len != 32 {
            return Err(TokenError::Malformed("token challenge"));
        }
        let redemption_context = r.bytes(context_len)?.to_vec();
        let origin_len = usize::from(r.u16()?);
        let origin_info = r.bytes(origin_len)?.to_vec();
        r.end()?;
        Ok(Self {
            token_type,
            issuer_name,
            redemption_context,
            origin_info,
        })
    }

    /// SHA-256 of the encoding: the `challenge_digest` of tokens for this challenge.
    pub fn digest(&self) -> [u8; 32] {
        sha256(&self.to_bytes())
    }
}

/// RFC 9578 §6.1: the client's request, carrying only the blinded message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRequest {
    /// The last byte of the token key id.
    pub truncated_token_key_id: u8,
    pub blinded_msg: Vec<u8>,
}

impl TokenRequest {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = TOKEN_TYPE.to_be_bytes().to_vec();
        out.push(self.truncated_token_key_id);
        out.extend(&self.blinded_msg);
        out
    }

    pub fn parse(bytes: &[u8]) -> Result<Self, TokenError> {
        let mut r = Reader::new(bytes, "token request");
        if r.u16()? != TOKEN_TYPE {
            return Err(TokenError::TokenType);
        }
        let truncated_token_key_id = r.u8()?;
        let blinded_msg = r.bytes(NK)?.to_vec();
        r.end()?;
        Ok(Self {
            truncated_token_key_id,
            blinded_msg,
        })
    }
}

/// RFC 9578 §6.2: the issuer's answer, the blind signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenResponse {
    pub blind_sig: Vec<u8>,
}

impl TokenResponse {
    pub fn parse(bytes: &[u8]) -> Result<Self, TokenError> {
        if bytes.len() != NK {
            return Err(TokenError::Length {
                expected: NK,
                got: bytes.len(),
            });
        }
        Ok(Self {
            blind_sig: bytes.to_vec(),
        })
    }
}

/// RFC 9578 §6.3: the token a respondent redeems with their answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub nonce: [u8; NONCE_LEN],
    pub challenge_digest: [u8; 32],
    pub token_key_id: [u8; 32],
    pub authenticator: Vec<u8>,
}

impl Token {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = self.token_input();
        out.extend(&self.authenticator);
        out
    }

    pub fn parse(bytes: &[u8]) -> Result<Self, TokenError> {
        let mut r = Reader::new(bytes, "token");
        if r.u16()? != TOKEN_TYPE {
            return Err(TokenError::TokenType);
        }
        let nonce = r.array()?;
        let challenge_digest = r.array()?;
        let token_key_id = r.array()?;
        let authenticator = r.bytes(NK)?.to_vec();
        r.end()?;
        Ok(Self {
            nonce,
            challenge_digest,
            token_key_id,
            authenticator,
        })
    }

    /// What the issuer signed: token type, nonce, challenge digest and key id.
    pub fn token_input(&self) -> Vec<u8> {
        let mut out = TOKEN_TYPE.to_be_bytes().to_vec();
        out.extend(self.nonce);
        out.extend(self.challenge_digest);
        out.extend(self.token_key_id);
        out
    }

    /// Checks the token against the issuer's key and the challenge it must be bound to.
    pub fn verify(&self, key: &crate::rsabssa::PublicKey, challenge_digest: &[u8; 32]) -> Result<(), TokenError> {
        if &self.challenge_digest != challenge_digest {
            return Err(TokenError::Challenge);
        }
        if self.token_key_id != key.key_id() {
            return Err(TokenError::UnknownKey);
        }
        key.verify(&self.token_input(), &self.authenticator)
    }
}

pub(crate) fn sha256(bytes: &[u8]) -> [u8; 32] {
    let digest = ring::digest::digest(&ring::digest::SHA256, bytes);
    let mut out = [0u8; 32];
    out.copy_from_slice(digest.as_ref());
    out
}

/// Reads fields in order, refusing short and overlong input.
struct Reader<'a> {
    rest: &'a [u8],
    what: &'static str,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8], what: &'static str) -> Self {
        Self { rest: bytes, what }
    }

    fn bytes(&mut self, n: usize) -> Result<&'a [u8], TokenError> {
        if self.rest.len() < n {
            return Err(TokenError::Truncated(self.what));
        }
        let (head, rest) = self.rest.split_at(n);
        self.rest = rest;
        Ok(head)
    }

    fn u8(&mut self) -> Result<u8, TokenError> {
        Ok(self.bytes(1)?[0])
    }

    fn u16(&mut self) -> Result<u16, TokenError> {
        let b = self.bytes(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], TokenError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.bytes(N)?);
        Ok(out)
    }

    fn end(&self) -> Result<(), TokenError> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(TokenError::TrailingBytes(self.what))
        }
    }
}

/// Label hashed into every survey's redemption context, so the contexts are this platform's own.
pub const REDEMPTION_CONTEXT_LABEL: &[u8] = b"anonymous-employee-survey/redemption-context/v1";

/// The challenge all tokens of one survey are bound to: token type 0x0002, issuer name and origin
/// both the server's public host (e.g. `survey.example.com`), and a redemption context of
/// `SHA-256(REDEMPTION_CONTEXT_LABEL || survey_id)`, the survey id as its 16 UUID bytes. A token made
/// for one survey, or for another server, therefore fails the challenge check of any other.
pub fn survey_challenge(public_host: &str, survey_id: &[u8; 16]) -> TokenChallenge {
    let context = sha256(&[REDEMPTION_CONTEXT_LABEL, &survey_id[..]].concat());
    TokenChallenge {
        token_type: TOKEN_TYPE,
        issuer_name: public_host.as_bytes().to_vec(),
        redemption_context: context.to_vec(),
        origin_info: public_host.as_bytes().to_vec(),
    }
}
