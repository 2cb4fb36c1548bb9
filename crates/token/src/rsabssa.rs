//! RFC 9474 RSABSSA-SHA384-PSS-Deterministic, the client's side: Blind, Finalize, and Verify.
//!
//! Deterministic: the message is signed as given (no random prefix); the PSS salt is 48 random bytes
//! chosen by the client. Arithmetic is on public values and the client's own blinding factor, so
//! plain big-integer arithmetic is fine here; the issuer's private operation is not in this module.

use num_bigint::BigUint;
use rand::RngCore;
use ring::digest::{SHA384, digest};

use crate::TokenError;

/// Length of SHA-384, and of the PSS salt of RSABSSA-SHA384-PSS.
pub const HASH_LEN: usize = 48;
const MIN_MODULUS_BITS: u64 = 2048;

/// An issuer's RSA public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    n: BigUint,
    e: BigUint,
}

impl PublicKey {
    /// From the big-endian modulus and exponent; refuses moduli below 2048 bits.
    pub fn from_be_bytes(n: &[u8], e: &[u8]) -> Result<Self, TokenError> {
        let n = BigUint::from_bytes_be(n);
        if n.bits() < MIN_MODULUS_BITS {
            return Err(TokenError::WeakKey);
        }
        Ok(Self {
            n,
            e: BigUint::from_bytes_be(e),
        })
    }

    pub fn modulus(&self) -> &BigUint {
        &self.n
    }

    pub fn exponent(&self) -> &BigUint {
        &self.e
    }

    /// Bytes of the modulus: the length of blinded messages and signatures (256 for RSA-2048).
    pub fn modulus_len(&self) -> usize {
        self.n.bits().div_ceil(8) as usize
    }

    fn to_bytes(&self, value: &BigUint) -> Vec<u8> {
        let raw = value.to_bytes_be();
        let mut out = vec![0; self.modulus_len().saturating_sub(raw.len())];
        out.extend(raw);
        out
    }

    fn int(&self, bytes: &[u8]) -> Result<BigUint, TokenError> {
        if bytes.len() != self.modulus_len() {
            return Err(TokenError::Length {
                expected: self.modulus_len(),
                got: bytes.len(),
            });
        }
        let value = BigUint::from_bytes_be(bytes);
        if value >= self.n {
            Err(TokenError::OutOfRange)
        } else {
            Ok(value)
        }
    }

    /// RSASSA-PSS verification with SHA-384, MGF1-SHA-384 and a 48-byte salt (RFC 9474 Verify).
    pub fn verify(&self, msg: &[u8], sig: &[u8]) -> Result<(), TokenError> {
        let n = self.n.to_bytes_be();
        let e = self.e.to_bytes_be();
        ring::signature::RsaPublicKeyComponents { n: &n, e: &e }
            .verify(&ring::signature::RSA_PSS_2048_8192_SHA384, msg, sig)
            .map_err(|_| TokenError::Verification)
    }
}

/// The client's secret from blinding: the inverse of the blinding factor, needed to finalise.
#[derive(Clone)]
pub struct BlindingSecret {
    inv: BigUint,
}

impl std::fmt::Debug for BlindingSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BlindingSecret(***)")
    }
}

/// RFC 9474 Blind: a fresh salt and blinding factor from `rng`; returns the blinded message to send
/// and the secret to finalise with.
pub fn blind(pk: &PublicKey, msg: &[u8], rng: &mut impl RngCore) -> Result<(Vec<u8>, BlindingSecret), TokenError> {
    let mut salt = [0u8; HASH_LEN];
    rng.fill_bytes(&mut salt);
    loop {
        let mut bytes = vec![0u8; pk.modulus_len()];
        rng.fill_bytes(&mut bytes);
        let r = BigUint::from_bytes_be(&bytes) % &pk.n;
        match blind_with(pk, msg, &salt, &r) {
            Err(TokenError::NotInvertible) => continue,
            other => return other,
        }
    }
}

/// Blind with a given salt and blinding factor `r`: for test vectors and reproducible clients.
pub fn blind_with(
    pk: &PublicKey,
    msg: &[u8],
    salt: &[u8],
    r: &BigUint,
) -> Result<(Vec<u8>, BlindingSecret), TokenError> {
    let em_bits = pk.n.bits() - 1;
    let encoded = emsa_pss_encode(msg, em_bits, salt)?;
    let m = BigUint::from_bytes_be(&encoded);
    let one = BigUint::from(1u8);
    if gcd(&m, &pk.n) != one {
        return Err(TokenError::NotInvertible);
    }
    let inv = r.modinv(&pk.n).ok_or(TokenError::NotInvertible)?;
    let x = r.modpow(&pk.e, &pk.n);
    let z = (m * x) % &pk.n;
    Ok((pk.to_bytes(&z), BlindingSecret { inv }))
}

/// Blind with the blinding factor given by its inverse, as the RFC 9474 vectors publish it.
pub fn blind_with_inverse(
    pk: &PublicKey,
    msg: &[u8],
    salt: &[u8],
    inv: &BigUint,
) -> Result<(Vec<u8>, BlindingSecret), TokenError> {
    let r = inv.modinv(&pk.n).ok_or(TokenError::NotInvertible)?;
    blind_with(pk, msg, salt, &r)
}

/// RFC 9474 Finalize: unblinds the issuer's blind signature and verifies the result.
pub fn finalize(pk: &PublicKey, msg: &[u8], blind_sig: &[u8], secret: &BlindingSecret) -> Result<Vec<u8>, TokenError> {
    let z = pk.int(blind_sig)?;
    let s = (z * &secret.inv) % &pk.n;
    let sig = pk.to_bytes(&s);
    pk.verify(msg, &sig)?;
    Ok(sig)
}

/// EMSA-PSS-ENCODE of RFC 8017 §9.1.1 with SHA-384 and MGF1-SHA-384.
pub fn emsa_pss_encode(msg: &[u8], em_bits: u64, salt: &[u8]) -> Result<Vec<u8>, TokenError> {
    let em_len = em_bits.div_ceil(8) as usize;
    if em_len < HASH_LEN + salt.len() + 2 {
        return Err(TokenError::MessageTooLong);
    }
    let m_hash = digest(&SHA384, msg);
    let mut m_prime = vec![0u8; 8];
    m_prime.extend_from_slice(m_hash.as_ref());
    m_prime.extend_from_slice(salt);
    let h = digest(&SHA384, &m_prime);
    let db_len = em_len - HASH_LEN - 1;
    let mut db = vec![0u8; db_len - salt.len() - 1];
    db.push(0x01);
    db.extend_from_slice(salt);
    for (byte, mask) in db.iter_mut().zip(mgf1(h.as_ref(), db_len)) {
        *byte ^= mask;
    }
    let unused_bits = 8 * em_len as u64 - em_bits;
    db[0] &= 0xff >> unused_bits;
    db.extend_from_slice(h.as_ref());
    db.push(0xbc);
    Ok(db)
}

fn mgf1(seed: &[u8], len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + HASH_LEN);
    let mut counter: u32 = 0;
    while out.len() < len {
        let mut input = seed.to_vec();
        input.extend_from_slice(&counter.to_be_bytes());
        out.extend_from_slice(digest(&SHA384, &input).as_ref());
        counter += 1;
    }
    out.truncate(len);
    out
}

fn gcd(a: &BigUint, b: &BigUint) -> BigUint {
    let (mut a, mut b) = (a.clone(), b.clone());
    while b != BigUint::ZERO {
        let t = &a % &b;
        a = b;
        b = t;
    }
    a
}
