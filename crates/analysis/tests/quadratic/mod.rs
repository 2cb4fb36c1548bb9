//! `segment_roster` as it was before it was made near-linear (issue 13): `targets.contains(row)`
//! for every row in every round, each row's values cloned into the count map. Kept as the reference
//! the new one must agree with (`tests/segments_same_as_before.rs`) and the baseline of
//! `examples/segment_speed.rs`.
#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};

use survey_analysis::segment::{LabelError, MERGED, SegmentLabel};

/// The segment of each roster row, by the quadratic algorithm of before.
pub fn segment_roster_quadratic(
    attributes: &[BTreeMap<String, String>],
    breakdowns: &[String],
    k: usize,
) -> Result<Vec<SegmentLabel>, LabelError> {
    let mut values: Vec<Vec<String>> = attributes
        .iter()
        .map(|a| {
            breakdowns
                .iter()
                .map(|b| a.get(b).cloned().unwrap_or_default())
                .collect()
        })
        .collect();
    for column in 0..breakdowns.len() {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for row in &values {
            *counts.entry(row[column].clone()).or_default() += 1;
        }
        for row in &mut values {
            if counts[&row[column]] < k {
                row[column] = MERGED.to_owned();
            }
        }
    }
    loop {
        let mut counts: HashMap<Vec<String>, usize> = HashMap::new();
        for row in &values {
            *counts.entry(row.clone()).or_default() += 1;
        }
        let coarsenable = |t: &Vec<String>| t.iter().any(|v| v != MERGED);
        let small: Vec<Vec<String>> = counts.iter().filter(|(_, n)| **n < k).map(|(t, _)| t.clone()).collect();
        if small.is_empty() || counts.len() == 1 {
            break;
        }
        // A fully merged group that is still small takes in the smallest other group.
        let targets: Vec<Vec<String>> = if small.iter().any(coarsenable) {
            small.into_iter().filter(coarsenable).collect()
        } else {
            let smallest = counts
                .iter()
                .filter(|(t, _)| coarsenable(t))
                .min_by_key(|(t, n)| (**n, (*t).clone()));
            smallest.map(|(t, _)| vec![t.clone()]).unwrap_or_default()
        };
        if targets.is_empty() {
            break;
        }
        for row in values.iter_mut().filter(|r| targets.contains(r)) {
            if let Some(last) = row.iter_mut().rev().find(|v| *v != MERGED) {
                *last = MERGED.to_owned();
            }
        }
    }
    values.iter().map(|row| SegmentLabel::new(breakdowns, row)).collect()
}
