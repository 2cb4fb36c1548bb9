//! The issuer public key in the encoding of RFC 9578 §6.5: a SubjectPublicKeyInfo whose algorithm
//! is RSASSA-PSS with SHA-384, MGF1-SHA-384 and a 48-byte salt. Its SHA-256 is the token key id.
//!
//! (Browsers' WebCrypto refuses this encoding; the browser client imports the key as JWK and only
//! hashes these bytes for the key id.)

use num_bigint::BigUint;

use crate::TokenError;
use crate::rsabssa::PublicKey;

/// The DER of `AlgorithmIdentifier { id-RSASSA-PSS, { sha384, mgf1(sha384), saltLength 48 } }`.
const ALGORITHM: [u8; 63] = [
    0x30, 0x3d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a, 0x30, 0x30, 0xa0, 0x0d, 0x30, 0x0b,
    0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0xa1, 0x1a, 0x30, 0x18, 0x06, 0x09, 0x2a, 0x86,
    0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08, 0x30, 0x0b, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
    0x02, 0xa2, 0x03, 0x02, 0x01, 0x30,
];

impl PublicKey {
    /// Reads a key in the RFC 9578 encoding; any other algorithm or parameters are refused.
    pub fn from_spki(der: &[u8]) -> Result<Self, TokenError> {
        let malformed = || TokenError::Malformed("public key");
        let mut outer = Der::new(der);
        let mut spki = Der::new(outer.take(0x30).ok_or_else(malformed)?);
        if !outer.rest.is_empty() || spki.rest.get(..ALGORITHM.len()) != Some(&ALGORITHM[..]) {
            return Err(malformed());
        }
        spki.rest = &spki.rest[ALGORITHM.len()..];
        let bits = spki.take(0x03).ok_or_else(malformed)?;
        let (&unused, rsa_key) = bits.split_first().ok_or_else(malformed)?;
        if unused != 0 || !spki.rest.is_empty() {
            return Err(malformed());
        }
        let mut key = Der::new(Der::new(rsa_key).take(0x30).ok_or_else(malformed)?);
        let n = key.take(0x02).ok_or_else(malformed)?;
        let e = key.take(0x02).ok_or_else(malformed)?;
        if !key.rest.is_empty() {
            return Err(malformed());
        }
        Self::from_be_bytes(n, e)
    }

    /// The key in the RFC 9578 encoding.
    pub fn to_spki(&self) -> Vec<u8> {
        let rsa_key = tlv(0x30, &[integer(self.modulus()), integer(self.exponent())].concat());
        let bits = tlv(0x03, &[&[0u8][..], &rsa_key].concat());
        tlv(0x30, &[&ALGORITHM[..], &bits].concat())
    }

    /// SHA-256 of the RFC 9578 encoding: the `token_key_id` of tokens signed with this key.
    pub fn key_id(&self) -> [u8; 32] {
        let digest = ring::digest::digest(&ring::digest::SHA256, &self.to_spki());
        let mut id = [0u8; 32];
        id.copy_from_slice(digest.as_ref());
        id
    }
}

fn integer(value: &BigUint) -> Vec<u8> {
    let mut bytes = value.to_bytes_be();
    // A DER INTEGER is signed: a leading 1 bit needs a zero byte before it.
    if bytes.first().is_some_and(|b| b & 0x80 != 0) {
        bytes.insert(0, 0);
    }
    tlv(0x02, &bytes)
}

fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let len = content.len();
    let mut out = vec![tag];
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len.to_be_bytes().into_iter().skip_while(|b| *b == 0).collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend_from_slice(content);
    out
}

/// A cursor over DER bytes that takes one element at a time.
struct Der<'a> {
    rest: &'a [u8],
}

impl<'a> Der<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self { rest: bytes }
    }

    /// The content of the next element if it has `tag`.
    fn take(&mut self, tag: u8) -> Option<&'a [u8]> {
        let (&found, rest) = self.rest.split_first()?;
        if found != tag {
            return None;
        }
        let (&first, mut rest) = rest.split_first()?;
        let len = if first < 0x80 {
            usize::from(first)
        } else {
            let count = usize::from(first & 0x7f);
            if count == 0 || count > 4 || rest.len() < count {
                return None;
            }
            let (len_bytes, after) = rest.split_at(count);
            rest = after;
            len_bytes.iter().fold(0usize, |acc, b| (acc << 8) | usize::from(*b))
        };
        if rest.len() < len {
            return None;
        }
        let (content, after) = rest.split_at(len);
        self.rest = after;
        Some(content)
    }
}
