//! The issuer's side of RFC 9474: key pairs, BlindSign, and keeping private keys sealed at rest.
//!
//! # Why OpenSSL signs
//!
//! BlindSign is one raw RSA private operation (`s = m^d mod n`) followed by a check that
//! `s^e mod n = m`. Three ways to make it were measured on the 2-core machine this project runs on:
//!
//! - the `blind-rsa-signatures` crate: 1.2 ms, but it only builds against a pre-release of `rsa`
//!   (0.10.0-rc.18) pinned in Cargo.lock, which lacks the hardening of the released 0.10.0;
//! - `rsa` 0.10.0's private operation: 1.7–2.2 ms;
//! - OpenSSL's raw RSA private operation (`RSA_private_decrypt` without padding): 0.23 ms, with
//!   OpenSSL's own base blinding and constant-time CRT, byte-identical to the crate's output.
//!
//! OpenSSL is about five times faster and is the implementation auditors know best, so it signs.
//! It is built from source (the `vendored` feature of the `openssl` crate), so a fresh machine
//! builds with `cargo` alone and every deployment signs with the same OpenSSL version; it is used
//! here for this one operation and key generation, never for TLS. Verification stays with ring.
//!
//! # Keys at rest
//!
//! A private key is stored only sealed: AES-256-GCM (ring) under the master key from configuration,
//! with a random 96-bit nonce and the key id as associated data, so a sealed key cannot be swapped
//! onto another key's row without failing to open.

use openssl::bn::BigNum;
use openssl::rsa::{Padding, Rsa};
use ring::aead;

use crate::TokenError;
use crate::rsabssa::PublicKey;

/// Bits of every issuer key this platform makes (RFC 9578 type 0x0002 uses RSA-2048).
pub const KEY_BITS: u32 = 2048;

/// An issuer key pair. Its private half never leaves this value except sealed.
pub struct IssuerKey {
    rsa: Rsa<openssl::pkey::Private>,
    public: PublicKey,
}

impl std::fmt::Debug for IssuerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssuerKey")
            .field("public", &self.public)
            .finish_non_exhaustive()
    }
}

impl IssuerKey {
    /// A fresh RSA-2048 key pair with e = 65537.
    pub fn generate() -> Result<Self, TokenError> {
        let e = BigNum::from_u32(65537).map_err(|_| TokenError::Backend("key generation"))?;
        let rsa = Rsa::generate_with_e(KEY_BITS, &e).map_err(|_| TokenError::Backend("key generation"))?;
        Self::from_rsa(rsa)
    }

    /// A key from its PKCS#1 DER encoding (`RSAPrivateKey`), e.g. one made by another tool.
    pub fn from_pkcs1_der(der: &[u8]) -> Result<Self, TokenError> {
        Self::from_rsa(Rsa::private_key_from_der(der).map_err(|_| TokenError::Malformed("private key"))?)
    }

    fn from_rsa(rsa: Rsa<openssl::pkey::Private>) -> Result<Self, TokenError> {
        let public = PublicKey::from_be_bytes(&rsa.n().to_vec(), &rsa.e().to_vec())?;
        Ok(Self { rsa, public })
    }

    pub fn public_key(&self) -> &PublicKey {
        &self.public
    }

    /// RFC 9474 BlindSign: signs a blinded message of exactly the modulus length, and checks the
    /// result before returning it, so a faulty computation never leaves the server.
    pub fn blind_sign(&self, blinded_msg: &[u8]) -> Result<Vec<u8>, TokenError> {
        let len = self.public.modulus_len();
        if blinded_msg.len() != len {
            return Err(TokenError::Length {
                expected: len,
                got: blinded_msg.len(),
            });
        }
        // OpenSSL refuses m ≥ n too, but with an opaque error; say what is wrong.
        if num_bigint::BigUint::from_bytes_be(blinded_msg) >= *self.public.modulus() {
            return Err(TokenError::OutOfRange);
        }
        let mut sig = vec![0u8; len];
        let written = self
            .rsa
            .private_decrypt(blinded_msg, &mut sig, Padding::NONE)
            .map_err(|_| TokenError::Backend("signing"))?;
        if written != len {
            return Err(TokenError::Backend("signing"));
        }
        let mut back = vec![0u8; len];
        self.rsa
            .public_encrypt(&sig, &mut back, Padding::NONE)
            .map_err(|_| TokenError::Backend("signature check"))?;
        if back != blinded_msg {
            return Err(TokenError::Verification);
        }
        Ok(sig)
    }

    /// The private key, encrypted under `master` and bound to this key's id.
    pub fn seal(&self, master: &MasterKey) -> Result<Vec<u8>, TokenError> {
        let mut der = self
            .rsa
            .private_key_to_der()
            .map_err(|_| TokenError::Backend("key export"))?;
        let nonce: [u8; aead::NONCE_LEN] = rand::random();
        master
            .key
            .seal_in_place_append_tag(
                aead::Nonce::assume_unique_for_key(nonce),
                aead::Aad::from(self.public.key_id()),
                &mut der,
            )
            .map_err(|_| TokenError::Backend("key sealing"))?;
        Ok([&nonce[..], &der].concat())
    }

    /// Opens a key sealed by [`IssuerKey::seal`]; `key_id` must be the id it was sealed with.
    pub fn open(master: &MasterKey, key_id: &[u8; 32], sealed: &[u8]) -> Result<Self, TokenError> {
        if sealed.len() < aead::NONCE_LEN + aead::AES_256_GCM.tag_len() {
            return Err(TokenError::Truncated("sealed key"));
        }
        let (nonce, ciphertext) = sealed.split_at(aead::NONCE_LEN);
        let nonce = aead::Nonce::try_assume_unique_for_key(nonce).map_err(|_| TokenError::Sealed)?;
        let mut buffer = ciphertext.to_vec();
        let der = master
            .key
            .open_in_place(nonce, aead::Aad::from(*key_id), &mut buffer)
            .map_err(|_| TokenError::Sealed)?;
        let key = Self::from_pkcs1_der(der)?;
        if &key.public.key_id() != key_id {
            return Err(TokenError::Sealed);
        }
        Ok(key)
    }
}

/// The AES-256-GCM key that seals issuer keys at rest.
pub struct MasterKey {
    key: aead::LessSafeKey,
}

impl std::fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MasterKey(***)")
    }
}

impl MasterKey {
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, TokenError> {
        let unbound = aead::UnboundKey::new(&aead::AES_256_GCM, bytes).map_err(|_| TokenError::Length {
            expected: 32,
            got: bytes.len(),
        })?;
        Ok(Self {
            key: aead::LessSafeKey::new(unbound),
        })
    }
}
