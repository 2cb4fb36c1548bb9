//! The near-linear `segment_roster` gives exactly what the quadratic one of before gave — the same
//! label for every row, and the same refusal — on rosters of every shape: missing attributes,
//! values written `*` or holding `|`, ties between equally small groups, no breakdowns at all.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking, helpers included

mod quadratic;

use std::collections::BTreeMap;

use proptest::prelude::*;
use survey_analysis::segment::segment_roster;

const NAMES: [&str; 4] = ["department", "tenure", "site", "grade"];
const VALUES: [&str; 9] = ["Sales", "Dev", "Legal", "HR", "*", "", "R&D|Ops", "営業", "x"];

fn roster() -> impl Strategy<Value = (Vec<BTreeMap<String, String>>, Vec<String>, usize)> {
    let row = proptest::collection::vec(proptest::option::weighted(0.9, 0..VALUES.len()), NAMES.len());
    (
        proptest::collection::vec(row, 0..160),
        proptest::sample::subsequence(NAMES.to_vec(), 0..=3),
        1usize..9,
        0usize..VALUES.len(),
    )
        .prop_map(|(rows, breakdowns, k, skew)| {
            let rows = rows
                .into_iter()
                .enumerate()
                .map(|(i, cells)| {
                    NAMES
                        .iter()
                        .zip(cells)
                        .filter_map(|(name, v)| {
                            // Every third row leans to one value, so large and small groups mix.
                            let v = if i % 3 == 0 { skew } else { v? };
                            Some(((*name).to_owned(), VALUES[v].to_owned()))
                        })
                        .collect()
                })
                .collect();
            (rows, breakdowns.into_iter().map(str::to_owned).collect(), k)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_same_labels_and_refusals_as_before((rows, breakdowns, k) in roster()) {
        prop_assert_eq!(
            segment_roster(&rows, &breakdowns, k),
            quadratic::segment_roster_quadratic(&rows, &breakdowns, k)
        );
    }
}

#[test]
fn the_same_labels_as_before_on_a_large_skewed_roster() {
    let rows: Vec<BTreeMap<String, String>> = (0..5000u64)
        .map(|i| {
            let h = i.wrapping_mul(2654435761) % 1_000_003;
            BTreeMap::from([
                ("department".to_owned(), format!("d{}", (h % 97) * (h % 5))),
                ("tenure".to_owned(), format!("t{}", h % 7)),
                ("site".to_owned(), format!("s{}", (h / 7) % 23)),
            ])
        })
        .collect();
    let breakdowns: Vec<String> = ["department", "tenure", "site"].map(str::to_owned).to_vec();
    for k in [3, 5, 10] {
        assert_eq!(
            segment_roster(&rows, &breakdowns, k).unwrap(),
            quadratic::segment_roster_quadratic(&rows, &breakdowns, k).unwrap(),
            "k = {k}"
        );
    }
}
