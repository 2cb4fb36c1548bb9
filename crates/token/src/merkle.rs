//! The tally's Merkle tree, as in RFC 6962 §2.1 (Certificate Transparency): leaves hashed with a
//! 0x00 prefix, inner nodes with 0x01, the tree split at the largest power of two below its size.
//! Anyone holding the published root and count can check an inclusion proof of their receipt.

use ring::digest::{SHA256, digest};

pub type Hash = [u8; 32];

fn sha256(parts: &[&[u8]]) -> Hash {
    let mut ctx = ring::digest::Context::new(&SHA256);
    for part in parts {
        ctx.update(part);
    }
    let mut out = [0u8; 32];
    out.copy_from_slice(ctx.finish().as_ref());
    out
}

pub fn leaf_hash(leaf: &[u8]) -> Hash {
    sha256(&[&[0x00], leaf])
}

fn node_hash(left: &Hash, right: &Hash) -> Hash {
    sha256(&[&[0x01], left, right])
}

/// The largest power of two smaller than `n` (n ≥ 2).
fn split(n: usize) -> usize {
    let mut k = 1;
    while k << 1 < n {
        k <<= 1;
    }
    k
}

/// The Merkle Tree Hash of the leaves, in the order given.
pub fn root(leaves: &[Vec<u8>]) -> Hash {
    let hashes: Vec<Hash> = leaves.iter().map(|l| leaf_hash(l)).collect();
    root_of(&hashes)
}

fn root_of(hashes: &[Hash]) -> Hash {
    match hashes.len() {
        0 => {
            let mut out = [0u8; 32];
            out.copy_from_slice(digest(&SHA256, b"").as_ref());
            out
        }
        1 => hashes[0],
        n => {
            let k = split(n);
            node_hash(&root_of(&hashes[..k]), &root_of(&hashes[k..]))
        }
    }
}

/// The audit path of leaf `index` (RFC 6962 §2.1.1), or `None` when the index is out of range.
pub fn inclusion_proof(leaves: &[Vec<u8>], index: usize) -> Option<Vec<Hash>> {
    let hashes: Vec<Hash> = leaves.iter().map(|l| leaf_hash(l)).collect();
    (index < hashes.len()).then(|| path(&hashes, index))
}

fn path(hashes: &[Hash], index: usize) -> Vec<Hash> {
    if hashes.len() <= 1 {
        return Vec::new();
    }
    let k = split(hashes.len());
    if index < k {
        let mut p = path(&hashes[..k], index);
        p.push(root_of(&hashes[k..]));
        p
    } else {
        let mut p = path(&hashes[k..], index - k);
        p.push(root_of(&hashes[..k]));
        p
    }
}

/// Whether `leaf` is at `index` of a tree of `size` leaves with this root, by its audit path.
pub fn verify_inclusion(leaf: &[u8], index: usize, size: usize, proof: &[Hash], root: &Hash) -> bool {
    if index >= size {
        return false;
    }
    // RFC 9162 §2.1.3.2: walk up from the leaf, using the bits of the index and the last index.
    let (mut f_n, mut s_n) = (index, size - 1);
    let mut r = leaf_hash(leaf);
    for p in proof {
        if s_n == 0 {
            return false;
        }
        if f_n & 1 == 1 || f_n == s_n {
            r = node_hash(p, &r);
            while f_n & 1 == 0 && f_n != 0 {
                f_n >>= 1;
                s_n >>= 1;
            }
        } else {
            r = node_hash(&r, p);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    s_n == 0 && &r == root
}
