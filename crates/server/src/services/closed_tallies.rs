//! The tallies of closed surveys, built once per survey on each server. A closed survey's responses
//! never change, so the receipt check after the close (`/s/{id}/receipt`, asked by anyone, as often
//! as they like) finds a receipt in a map and reads its audit path from the kept Merkle tree,
//! instead of reading every response and rebuilding the tally on each request.
//!
//! An entry is served only for the root the survey row publishes now, so a server never answers
//! from a tally other than the published one. At most [`KEPT`] surveys are kept; when more are
//! asked for, one is dropped and built again when next asked for.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use survey_i18n::msg;

use sea_orm::ConnectionTrait;
use survey_token::merkle::{Hash, leaf_hash};
use survey_token::tally::{InclusionProof, Tally, hex, unhex};

use crate::domain::SurveyId;
use crate::error::AppError;
use crate::services::responses;
use crate::storage::survey;

/// How many closed surveys' tallies a server keeps at once.
pub const KEPT: usize = 32;

/// A closed survey's tally with its receipts indexed and every level of its Merkle tree.
pub struct ClosedTally {
    pub tally: Tally,
    /// Receipt → its position among the leaves (the tally's receipt order).
    positions: HashMap<Hash, usize>,
    /// `levels[0]` holds the leaf hashes; each next level pairs the one below, and a last node
    /// without a partner goes up unchanged — the same tree as RFC 6962's split at the largest power
    /// of two below the size.
    levels: Vec<Vec<Hash>>,
}

impl ClosedTally {
    pub fn new(tally: Tally) -> Result<Self, AppError> {
        let receipts = tally
            .responses
            .iter()
            .map(|e| {
                let token = base64::Engine::decode(
                    &base64::engine::general_purpose::URL_SAFE_NO_PAD,
                    e.token.trim_end_matches('='),
                )
                .map_err(AppError::internal)?;
                let digest = unhex(&e.answers_digest, "answers digest").map_err(AppError::internal)?;
                Ok(survey_token::tally::receipt(&token, &digest))
            })
            .collect::<Result<Vec<Hash>, AppError>>()?;
        let positions = receipts.iter().enumerate().map(|(i, r)| (*r, i)).collect();
        let mut levels = vec![receipts.iter().map(|r| leaf_hash(r)).collect::<Vec<Hash>>()];
        while levels.last().is_some_and(|l| l.len() > 1) {
            let below = levels.last().map(Vec::as_slice).unwrap_or_default();
            let level = below
                .chunks(2)
                .map(|pair| match pair {
                    [left, right] => node_hash(left, right),
                    [single] => *single,
                    _ => unreachable!("chunks of two"),
                })
                .collect();
            levels.push(level);
        }
        Ok(Self {
            tally,
            positions,
            levels,
        })
    }

    /// The inclusion proof of `receipt_hex`, or `None` when the tally does not hold it.
    pub fn proof(&self, receipt_hex: &str) -> Option<InclusionProof> {
        let wanted = unhex(receipt_hex.trim(), "receipt").ok()?;
        let index = *self.positions.get(&wanted)?;
        let mut path = Vec::new();
        let mut at = index;
        for level in &self.levels[..self.levels.len().saturating_sub(1)] {
            if let Some(sibling) = level.get(at ^ 1) {
                path.push(hex(sibling));
            }
            at /= 2;
        }
        Some(InclusionProof {
            receipt: hex(&wanted),
            index,
            count: self.levels[0].len(),
            root: self.tally.root.clone(),
            path,
        })
    }
}

fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    ctx.update(&[0x01]);
    ctx.update(left);
    ctx.update(right);
    let mut out = [0; 32];
    out.copy_from_slice(ctx.finish().as_ref());
    out
}

/// The kept tallies, by survey, each with the root it was built for.
#[derive(Clone, Default)]
pub struct ClosedTallies(Arc<Mutex<HashMap<SurveyId, Arc<ClosedTally>>>>);

impl ClosedTallies {
    /// The tally of closed (or published) survey `s`, built on first use.
    pub async fn get(
        &self,
        db: &impl ConnectionTrait,
        settings: &crate::Settings,
        s: &survey::Model,
    ) -> Result<Arc<ClosedTally>, AppError> {
        let published = s.tally.as_ref().and_then(|t| t["root"].as_str()).map(str::to_owned);
        let Some(published) = published.filter(|_| s.state.is_closed()) else {
            return Err(AppError::Conflict(msg!("error-tally-made-when-survey-closes")));
        };
        if let Some(kept) = self.0.lock().unwrap_or_else(PoisonError::into_inner).get(&s.id)
            && kept.tally.root == published
        {
            return Ok(kept.clone());
        }
        let built = Arc::new(ClosedTally::new(responses::tally(db, settings, s).await?)?);
        let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if kept.len() >= KEPT
            && !kept.contains_key(&s.id)
            && let Some(any) = kept.keys().next().copied()
        {
            kept.remove(&any);
        }
        kept.insert(s.id, built.clone());
        Ok(built)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn tally_of(n: usize) -> Tally {
        let responses = (0..n)
            .map(|i| {
                let token = format!("token {i}");
                let digest = [u8::try_from(i % 251).unwrap(); 32];
                survey_token::tally::TallyEntry {
                    token: base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, token),
                    answers_digest: hex(&digest),
                }
            })
            .collect();
        Tally {
            survey: "s".into(),
            challenge: String::new(),
            keys: Vec::new(),
            count: n as u64,
            root: String::new(),
            responses,
        }
    }

    #[test]
    fn every_proof_is_the_rfc_6962_audit_path_of_the_token_crate() {
        for n in 1..70 {
            let mut tally = tally_of(n);
            let leaves: Vec<Vec<u8>> = tally
                .responses
                .iter()
                .map(|e| {
                    let token =
                        base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, &e.token).unwrap();
                    survey_token::tally::receipt(&token, &unhex(&e.answers_digest, "").unwrap()).to_vec()
                })
                .collect();
            tally.root = hex(&survey_token::merkle::root(&leaves));
            let closed = ClosedTally::new(tally.clone()).unwrap();
            for (i, leaf) in leaves.iter().enumerate() {
                let mine = closed.proof(&hex(leaf)).unwrap();
                let theirs = survey_token::merkle::inclusion_proof(&leaves, i).unwrap();
                assert_eq!(
                    mine.path,
                    theirs.iter().map(|h| hex(h)).collect::<Vec<_>>(),
                    "n={n} i={i}"
                );
                assert!(mine.verify(&tally.root), "n={n} i={i}");
            }
            assert!(closed.proof(&hex(&[7; 32])).is_none());
        }
    }
}
