//! The Privacy Pass client's side of issuance (RFC 9578 §6): make a token request for a key and a
//! challenge, then finish the token from the issuer's response. The browser does the same in
//! `token.js`; this one serves load tools, tests, auditors and the server's no-JavaScript fallback.

use rand::RngCore;

use crate::TokenError;
use crate::rsabssa::{BlindingSecret, PublicKey, blind, finalize};
use crate::wire::{NONCE_LEN, Token, TokenRequest};

/// What the client keeps between its request and the issuer's response.
pub struct PendingToken {
    key: PublicKey,
    token: Token,
    secret: BlindingSecret,
}

impl PendingToken {
    /// A fresh nonce, the token input for `key` and the challenge, blinded: returns the request
    /// to send and what finishing needs.
    pub fn new(
        key: &PublicKey,
        challenge_digest: [u8; 32],
        rng: &mut impl RngCore,
    ) -> Result<(Self, TokenRequest), TokenError> {
        let mut nonce = [0u8; NONCE_LEN];
        rng.fill_bytes(&mut nonce);
        let token = Token {
            nonce,
            challenge_digest,
            token_key_id: key.key_id(),
            authenticator: Vec::new(),
        };
        let (blinded_msg, secret) = blind(key, &token.token_input(), rng)?;
        let request = TokenRequest {
            truncated_token_key_id: token.token_key_id[31],
            blinded_msg,
        };
        Ok((
            Self {
                key: key.clone(),
                token,
                secret,
            },
            request,
        ))
    }

    /// The token, from the issuer's blind signature; refused unless it verifies under the key.
    pub fn finish(self, blind_sig: &[u8]) -> Result<Token, TokenError> {
        let mut token = self.token;
        token.authenticator = finalize(&self.key, &token.token_input(), blind_sig, &self.secret)?;
        Ok(token)
    }
}
