//! The segments of a roster: no group smaller than k, whatever the roster, and labels that read
//! back as they were written.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking, helpers included

use std::collections::BTreeMap;

use proptest::prelude::*;
use survey_analysis::segment::{LabelError, MERGED, SegmentLabel, segment_roster};

fn attrs(rows: &[(&str, &str)]) -> Vec<BTreeMap<String, String>> {
    rows.iter()
        .map(|(d, t)| {
            BTreeMap::from([
                ("department".to_owned(), (*d).to_owned()),
                ("tenure".to_owned(), (*t).to_owned()),
            ])
        })
        .collect()
}

fn count(labels: &[SegmentLabel]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for l in labels {
        *counts.entry(l.as_str().to_owned()).or_default() += 1;
    }
    counts
}

fn segments(rows: &[(&str, &str)], breakdowns: &[&str], k: usize) -> BTreeMap<String, usize> {
    let breakdowns: Vec<String> = breakdowns.iter().map(|b| (*b).to_owned()).collect();
    count(&segment_roster(&attrs(rows), &breakdowns, k).unwrap())
}

#[test]
fn a_department_smaller_than_k_is_merged_into_other() {
    let mut rows = vec![("Sales", "a"); 6];
    rows.extend(vec![("Dev", "a"); 5]);
    rows.extend(vec![("Legal", "a"); 2]);
    rows.extend(vec![("HR", "a"); 3]);
    let counts = segments(&rows, &["department"], 5);
    assert_eq!(counts.get("department=Sales"), Some(&6));
    assert_eq!(counts.get("department=Dev"), Some(&5));
    assert_eq!(counts.get("department=*"), Some(&5));
    assert!(counts.values().all(|n| *n >= 5));
}

#[test]
fn a_merged_group_still_too_small_takes_in_the_smallest_other_group() {
    let mut rows = vec![("Sales", "a"); 9];
    rows.extend(vec![("Dev", "a"); 6]);
    rows.extend(vec![("Legal", "a"); 2]);
    let counts = segments(&rows, &["department"], 5);
    assert_eq!(
        counts,
        BTreeMap::from([("department=*".to_owned(), 8), ("department=Sales".to_owned(), 9)])
    );
}

#[test]
fn small_combinations_are_coarsened_from_the_last_attribute() {
    let mut rows = vec![("Sales", "new"); 5];
    rows.extend(vec![("Sales", "old"); 5]);
    rows.extend(vec![("Dev", "new"); 3]);
    rows.extend(vec![("Dev", "old"); 3]);
    let counts = segments(&rows, &["department", "tenure"], 5);
    assert_eq!(counts.get("department=Sales|tenure=new"), Some(&5));
    assert_eq!(counts.get("department=Dev|tenure=*"), Some(&6));
    assert!(counts.values().all(|n| *n >= 5), "{counts:?}");
}

#[test]
fn every_segment_has_at_least_k_invitees_whatever_the_roster() {
    let departments = ["A", "B", "C", "D", "E", "F", "G"];
    let tenures = ["x", "y", "z"];
    for seed in 0..200u64 {
        let n = 5 + (seed % 60) as usize;
        let rows: Vec<(&str, &str)> = (0..n)
            .map(|i| {
                let h = (i as u64).wrapping_mul(2654435761).wrapping_add(seed * 97);
                (departments[(h % 7) as usize], tenures[((h / 7) % 3) as usize])
            })
            .collect();
        let counts = segments(&rows, &["department", "tenure"], 5);
        assert!(counts.values().all(|c| *c >= 5), "seed {seed}: {counts:?}");
    }
}

#[test]
fn a_survey_without_breakdowns_has_one_segment_all() {
    let counts = segments(&[("Sales", "a"), ("Dev", "b")], &[], 5);
    assert_eq!(counts, BTreeMap::from([("all".to_owned(), 2)]));
    assert!(SegmentLabel::parse("all").unwrap().is_all());
}

#[test]
fn a_row_without_a_breakdown_attribute_has_the_empty_value() {
    let rows: Vec<BTreeMap<String, String>> = vec![BTreeMap::new(); 4];
    let labels = segment_roster(&rows, &["site".to_owned()], 3).unwrap();
    assert!(labels.iter().all(|l| l.as_str() == "site="), "{labels:?}");
    assert_eq!(SegmentLabel::parse("site=").unwrap(), labels[0]);
}

#[test]
fn a_shown_value_holding_a_bar_is_refused_and_a_merged_one_is_not() {
    let mut rows = vec![("R&D|Ops", "a"); 5];
    rows.extend(vec![("Sales", "a"); 5]);
    let refused = segment_roster(&attrs(&rows), &["department".to_owned()], 5).unwrap_err();
    assert_eq!(
        refused,
        LabelError::Value {
            name: "department".into(),
            value: "R&D|Ops".into()
        }
    );
    rows.truncate(2);
    rows.extend(vec![("Sales", "a"); 5]);
    let counts = segments(&rows, &["department"], 5);
    assert_eq!(counts, BTreeMap::from([("department=*".to_owned(), 7)]));
}

#[test]
fn labels_are_described_as_people_read_them() {
    let label = SegmentLabel::parse("department=Sales|tenure=*").unwrap();
    assert_eq!(label.describe("other"), "department: Sales · tenure: other");
    assert_eq!(label.describe_values("その他"), "Sales · その他");
    assert_eq!(
        label.parts().collect::<Vec<_>>(),
        [(Some("department"), "Sales"), (Some("tenure"), MERGED)]
    );
    let all = SegmentLabel::all();
    assert_eq!(
        (all.describe("other"), all.describe_values("other")),
        ("all".into(), "all".into())
    );
    assert_eq!(all.parts().count(), 0);
    // A group named directly (offline response files) reads as itself; a bare `*` is no merge.
    let bare = SegmentLabel::parse("営業").unwrap();
    assert_eq!(
        (bare.describe("other"), bare.describe_values("other")),
        ("営業".into(), "営業".into())
    );
    assert_eq!(SegmentLabel::parse("*").unwrap().describe("other"), "*");
    assert_eq!(label.to_string(), "department=Sales|tenure=*");
}

#[test]
fn malformed_labels_are_refused_with_the_reason() {
    assert_eq!(SegmentLabel::parse(""), Err(LabelError::Empty));
    for text in ["a=1||b=2", "|a=1", "a=1|"] {
        assert!(
            matches!(SegmentLabel::parse(text), Err(LabelError::EmptyPart { .. })),
            "{text}"
        );
    }
    let err = SegmentLabel::parse("a=1|=Sales").unwrap_err();
    assert_eq!(
        err.to_string(),
        "segment label `a=1|=Sales` has a part without a name before `=`: `=Sales`"
    );
    assert!(matches!(
        SegmentLabel::new(&["a=b"], &["x"]),
        Err(LabelError::Name { .. })
    ));
    assert!(matches!(
        SegmentLabel::new(&["a", "b"], &["x"]),
        Err(LabelError::Count { names: 2, values: 1 })
    ));
}

#[test]
fn labels_serialise_as_their_text_and_refuse_malformed_text() {
    let label = SegmentLabel::new(&["department", "tenure"], &["Sales", "*"]).unwrap();
    let json = serde_json::to_string(&label).unwrap();
    assert_eq!(json, r#""department=Sales|tenure=*""#);
    assert_eq!(serde_json::from_str::<SegmentLabel>(&json).unwrap(), label);
    assert!(serde_json::from_str::<SegmentLabel>(r#""a||b""#).is_err());
}

/// A roster: up to three breakdowns over few values (so that some groups are small, some empty
/// values and real `*` values included), and k.
fn rosters() -> impl Strategy<Value = (Vec<BTreeMap<String, String>>, Vec<String>, usize)> {
    let names = ["department", "tenure", "site"];
    let value = prop::sample::select(vec!["A", "B", "C", "D", "営業", "", "*", "x=y"]);
    let row = prop::collection::vec(prop::option::weighted(0.9, value), 3).prop_map(move |values| {
        names
            .iter()
            .zip(values)
            .filter_map(|(n, v)| Some(((*n).to_owned(), v?.to_owned())))
            .collect::<BTreeMap<_, _>>()
    });
    (
        prop::collection::vec(row, 0..80),
        prop::sample::subsequence(names.to_vec(), 0..=3).prop_shuffle(),
        1usize..9,
    )
        .prop_map(|(rows, breakdowns, k)| (rows, breakdowns.into_iter().map(str::to_owned).collect(), k))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn every_segment_has_at_least_k_rows_and_its_label_reads_back((rows, breakdowns, k) in rosters()) {
        let labels = segment_roster(&rows, &breakdowns, k).unwrap();
        prop_assert_eq!(labels.len(), rows.len());
        let counts = count(&labels);
        if rows.len() >= k {
            prop_assert!(counts.values().all(|n| *n >= k), "k = {}: {:?}", k, counts);
        }
        for (label, row) in labels.iter().zip(&rows) {
            let read = SegmentLabel::parse(label.as_str());
            prop_assert_eq!(read.as_ref(), Ok(label));
            // Each part names its breakdown, in order, with the row's value or `*`.
            if breakdowns.is_empty() {
                prop_assert!(label.is_all());
            } else {
                let parts: Vec<_> = label.parts().collect();
                prop_assert_eq!(parts.len(), breakdowns.len());
                for ((name, value), b) in parts.into_iter().zip(&breakdowns) {
                    prop_assert_eq!(name, Some(b.as_str()));
                    prop_assert!(value == MERGED || value == row.get(b).map_or("", String::as_str));
                }
            }
        }
    }
}
