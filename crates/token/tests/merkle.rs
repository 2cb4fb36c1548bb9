//! The tally's Merkle tree against the Certificate Transparency test vectors (RFC 6962 trees of the
//! eight leaves below), and inclusion proofs for every leaf of trees of every size up to 20.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking, helpers included

use survey_token::merkle::{inclusion_proof, root, verify_inclusion};

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

const LEAVES: [&str; 8] = [
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
];

/// Roots of the first 1..=8 leaves, from the Certificate Transparency reference tests.
const ROOTS: [&str; 8] = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

#[test]
fn roots_match_the_certificate_transparency_vectors() {
    let leaves: Vec<Vec<u8>> = LEAVES.iter().map(|l| hex(l)).collect();
    for (n, expected) in ROOTS.iter().enumerate() {
        assert_eq!(root(&leaves[..=n]).to_vec(), hex(expected), "tree of {} leaves", n + 1);
    }
    assert_eq!(
        root(&[]).to_vec(),
        hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    );
}

#[test]
fn every_leaf_of_every_tree_has_a_proof_that_verifies_and_no_other_leaf_passes() {
    for size in 1..=20usize {
        let leaves: Vec<Vec<u8>> = (0..size).map(|i| format!("receipt {i}").into_bytes()).collect();
        let r = root(&leaves);
        for index in 0..size {
            let proof = inclusion_proof(&leaves, index).unwrap();
            assert!(
                verify_inclusion(&leaves[index], index, size, &proof, &r),
                "size {size}, leaf {index}"
            );
            assert!(!verify_inclusion(b"forged", index, size, &proof, &r));
            if size > 1 {
                let other = (index + 1) % size;
                assert!(
                    !verify_inclusion(&leaves[index], other, size, &proof, &r),
                    "wrong index accepted"
                );
            }
        }
        assert!(inclusion_proof(&leaves, size).is_none());
    }
}
