//! The anonymity rule as an attacker sees it: random data sets and breakdowns, and for every
//! figure the report shows, whether a number for fewer than k respondents could be worked out from
//! the total and the shown groups. In one breakdown what the shown figures reveal about the hidden
//! groups is the figure of all of them together, so that union must reach k as well.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking, helpers included

use proptest::prelude::*;
use rand::rngs::SmallRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use survey_analysis::{Aggregate, Figure, HiddenGroups, report};
use survey_design::Questionnaire;

const TEMPLATE: &str = include_str!("fixtures/three-questions.toml");

/// Segment sizes, k, and a seed for the answers.
fn data_sets() -> impl Strategy<Value = (Vec<u64>, u64, u64)> {
    (prop::collection::vec(0u64..14, 1..7), 3u64..7, any::<u64>())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn no_hidden_group_can_be_worked_out_from_what_is_shown((sizes, k, seed) in data_sets()) {
        let q = Questionnaire::from_toml(TEMPLATE, "t.toml").unwrap();
        let mut rng = SmallRng::seed_from_u64(seed);
        let mut data = Aggregate::new(&q);
        let invited: Vec<(String, u64)> =
            sizes.iter().enumerate().map(|(i, n)| (format!("s{i}"), n + 3)).collect();
        for (i, n) in sizes.iter().enumerate() {
            for _ in 0..*n {
                let mut answers = serde_json::json!({ "rating": rng.random_range(0..=10) });
                if rng.random_bool(0.6) {
                    answers["agree"] = serde_json::json!(rng.random_range(1..=5));
                }
                if rng.random_bool(0.5) {
                    answers["pick"] = serde_json::json!(["a", "b"][rng.random_range(0..2)]);
                }
                data.add(&q, &format!("s{i}"), &q.validate_answers(&answers).unwrap());
            }
        }
        let r = report::build(&q, &data, &invited, k, k + 5, &mut |_| {});

        // The response counts: the total and the segments.
        if r.responses.shown().is_some() {
            let hidden: Vec<u64> = r.segments.iter().zip(&sizes)
                .filter(|(row, _)| row.responses == Figure::Hidden)
                .map(|(_, n)| *n)
                .collect();
            let together: u64 = hidden.iter().sum();
            prop_assert!(hidden.is_empty() || together >= k, "total − shown segments = {} responses", together);
        }
        for (row, n) in r.segments.iter().zip(&sizes) {
            if let Some(shown) = row.responses.shown() {
                prop_assert!(*shown >= k && *shown == *n);
            }
        }
        // Every measure: the shown groups are at least k, and no hidden group stands alone.
        for m in &r.measures {
            let overall = m.overall.shown();
            if let Some(d) = overall {
                prop_assert!(d.n >= k);
            }
            let mut hidden = Vec::new();
            for (segment, figure) in &m.by_segment {
                let tally_n = data.by_segment.get(segment).map_or(0, |t| {
                    let i = data.measures.iter().position(|x| x.question == m.question).unwrap();
                    t[i].n
                });
                match figure {
                    Figure::Shown(d) => prop_assert!(d.n >= k, "{} {} shows n = {}", m.question, segment, d.n),
                    Figure::Hidden => hidden.push(tally_n),
                }
            }
            // The overall figure minus the shown segments is the figure of the hidden ones together.
            if overall.is_some() {
                let together: u64 = hidden.iter().sum();
                prop_assert!(hidden.is_empty() || together >= k,
                    "{}: total − shown segments = {} answers", m.question, together);
            } else {
                prop_assert!(m.by_segment.iter().all(|(_, f)| *f == Figure::Hidden));
            }
        }
        // Topic indices follow the same rule, counted in respondents.
        for t in &r.topics {
            let i = data.topics.iter().position(|x| *x == t.topic).unwrap();
            let mut hidden = Vec::new();
            for (segment, figure) in &t.by_segment {
                let n = data.topic_by_segment.get(segment).map_or(0, |g| g[i].n);
                match figure {
                    Figure::Shown(x) => prop_assert!(x.respondents >= k && x.respondents == n),
                    Figure::Hidden => hidden.push(n),
                }
            }
            if t.overall.shown().is_some() {
                let together: u64 = hidden.iter().sum();
                prop_assert!(hidden.is_empty() || together >= k, "topic: total − shown = {}", together);
            }
        }
        // Comments never appear below the comment threshold (there are none in this questionnaire,
        // and a group too small shows none).
        if r.responses.shown().is_none() {
            prop_assert!(r.comments.is_empty());
        }

        // The hidden groups together: exactly the total minus the shown groups, at least k, and
        // never the figure of one group.
        let n_of = |segment: &str| sizes[segment[1..].parse::<usize>().unwrap()];
        match &r.segments_together {
            Some(t) => {
                let shown: u64 = r.segments.iter().filter_map(|s| s.responses.shown()).sum();
                prop_assert_eq!(t.figure.responses, r.responses.shown().unwrap() - shown);
                prop_assert!(t.figure.responses >= k);
                prop_assert!(t.groups.iter().filter(|g| n_of(g) > 0).count() >= 2, "{:?}", t.groups);
                let hidden: Vec<&str> = r.segments.iter().filter(|s| s.responses == Figure::Hidden)
                    .map(|s| s.segment.as_str()).collect();
                prop_assert_eq!(t.groups.iter().map(String::as_str).collect::<Vec<_>>(), hidden);
                let invited: u64 = r.segments.iter().filter(|s| s.responses == Figure::Hidden).map(|s| s.invited).sum();
                prop_assert_eq!(t.figure.invited, invited);
            }
            None => {
                // Only missing where there is nothing to show: no total, nothing hidden, nothing
                // shown, or fewer than two hidden groups with responses.
                let hidden: Vec<u64> = r.segments.iter().zip(&sizes)
                    .filter(|(row, _)| row.responses == Figure::Hidden).map(|(_, n)| *n).collect();
                prop_assert!(r.responses.shown().is_none() || hidden.len() == r.segments.len()
                    || hidden.iter().filter(|n| **n > 0).count() < 2);
            }
        }
        for m in &r.measures {
            let Some(t) = &m.together else { continue };
            let overall = m.overall.shown().unwrap();
            let shown: Vec<_> = m.by_segment.iter().filter_map(|(_, f)| f.shown()).collect();
            prop_assert!(!shown.is_empty());
            prop_assert_eq!(t.figure.n, overall.n - shown.iter().map(|d| d.n).sum::<u64>());
            prop_assert!(t.figure.n >= k);
            for (category, share) in &t.figure.categories {
                let count = |d: &survey_analysis::Distribution| {
                    d.categories.iter().find(|(c, _)| c == category).map_or(0, |(_, s)| s.count)
                };
                prop_assert_eq!(share.count, count(overall) - shown.iter().map(|d| count(d)).sum::<u64>());
            }
            let hidden: Vec<&str> = m.by_segment.iter().filter(|(_, f)| *f == Figure::Hidden)
                .map(|(s, _)| s.as_str()).collect();
            prop_assert_eq!(t.groups.iter().map(String::as_str).collect::<Vec<_>>(), hidden);
            let i = data.measures.iter().position(|x| x.question == m.question).unwrap();
            let answered = |g: &String| data.by_segment.get(g).map_or(0, |t| t[i].n);
            prop_assert!(t.groups.iter().filter(|g| answered(g) > 0).count() >= 2);
        }
        for t in &r.topics {
            let Some(together) = &t.together else { continue };
            let overall = t.overall.shown().unwrap();
            let shown: Vec<_> = t.by_segment.iter().filter_map(|(_, f)| f.shown()).collect();
            prop_assert_eq!(together.figure.respondents,
                overall.respondents - shown.iter().map(|x| x.respondents).sum::<u64>());
            prop_assert_eq!(together.figure.favourable.count,
                overall.favourable.count - shown.iter().map(|x| x.favourable.count).sum::<u64>());
            prop_assert!(together.figure.respondents >= k);
        }

        // The same report from the invitees listed in another order, and from the stored set.
        let mut reversed = invited.clone();
        reversed.reverse();
        let again = report::build(&q, &data, &reversed, k, k + 5, &mut |_| {});
        prop_assert_eq!(&again.hidden, &r.hidden);
        let stored: HiddenGroups = serde_json::from_str(&serde_json::to_string(&r.hidden).unwrap()).unwrap();
        let from_stored = report::build_with(&q, &data, &invited, k, k + 5, &stored, &mut |_| {});
        prop_assert_eq!(from_stored, r);
    }

    /// The rule that makes every view hide the same groups: the hidden set depends on the (label,
    /// count) pairs only. Below k is hidden; partners are taken smallest count first, and of equal
    /// counts smallest label (bytes) first — so every shown group comes after every partner in
    /// (count, label bytes) order.
    #[test]
    fn the_hidden_set_depends_on_labels_and_counts_never_on_their_order(
        counts in prop::collection::vec(0u64..12, 1..9),
        k in 3u64..8,
        order in any::<u64>(),
    ) {
        const LABELS: [&str; 9] = ["b", "a", "B", "営業", "Ärger", "ab", "法務", "z", "department=Legal"];
        let groups: Vec<(String, u64)> = counts.iter().zip(LABELS).map(|(n, l)| (l.to_owned(), *n)).collect();
        let hidden = HiddenGroups::compute(&groups, k);
        let mut shuffled = groups.clone();
        shuffled.shuffle(&mut SmallRng::seed_from_u64(order));
        prop_assert_eq!(&HiddenGroups::compute(&shuffled, k), &hidden);
        prop_assert_eq!(hidden.within(&shuffled, k), hidden.clone());

        let total: u64 = counts.iter().sum();
        let together: u64 = groups.iter().filter(|(l, _)| hidden.contains(l)).map(|(_, n)| n).sum();
        prop_assert!(hidden.is_empty() || together >= k || hidden.len() == groups.len());
        prop_assert!(total < k || hidden.is_empty() || together >= k);
        for (label, n) in &groups {
            prop_assert!(*n >= k || hidden.contains(label), "{} ({}) below k is shown", label, n);
        }
        let partners = groups.iter().filter(|(l, n)| hidden.contains(l) && *n >= k);
        for (partner, pn) in partners {
            for (shown, sn) in groups.iter().filter(|(l, _)| !hidden.contains(l)) {
                prop_assert!((pn, partner.as_bytes()) < (sn, shown.as_bytes()),
                    "{} ({}) hidden while {} ({}) is shown", partner, pn, shown, sn);
            }
        }
    }
}

#[test]
fn of_two_equal_partners_the_smaller_label_in_bytes_is_hidden() {
    // "Z" (0x5A) < "a" (0x61) < "営" in bytes, whatever a collation would say.
    for groups in [
        vec![("a", 9u64), ("Z", 9), ("営業", 9), ("small", 2)],
        vec![("営業", 9), ("small", 2), ("a", 9), ("Z", 9)],
    ] {
        let hidden = HiddenGroups::compute(&groups, 5);
        assert_eq!(hidden.iter().collect::<Vec<_>>(), ["Z", "small"]);
    }
}

#[test]
fn the_hidden_groups_together_are_one_row_and_no_hidden_group_stands_alone() {
    let q = Questionnaire::from_toml(TEMPLATE, "t.toml").unwrap();
    let mut data = Aggregate::new(&q);
    for (segment, n, point) in [("large", 40, 5), ("mid", 12, 4), ("small", 2, 1), ("other", 12, 2)] {
        for _ in 0..n {
            let answers = serde_json::json!({ "rating": 7, "agree": point });
            data.add(&q, segment, &q.validate_answers(&answers).unwrap());
        }
    }
    let invited = vec![
        ("large".to_owned(), 50),
        ("mid".to_owned(), 20),
        ("small".to_owned(), 4),
        ("other".to_owned(), 20),
    ];
    let r = report::build(&q, &data, &invited, 5, 10, &mut |_| {});
    // small (2) is hidden; of mid and other (12 each), "mid" < "other" in bytes.
    assert_eq!(r.hidden.iter().collect::<Vec<_>>(), ["mid", "small"]);
    let t = r.segments_together.as_ref().unwrap();
    assert_eq!(
        (t.groups.as_slice(), t.figure.responses, t.figure.invited),
        (&["mid".to_owned(), "small".to_owned()][..], 14, 24)
    );
    let agree = r.measures.iter().find(|m| m.question == "agree").unwrap();
    let together = agree.together.as_ref().unwrap();
    // 12 answers of 4 and 2 answers of 1: the total minus large and other.
    let counts: Vec<(&str, u64)> = together
        .figure
        .categories
        .iter()
        .map(|(c, s)| (c.as_str(), s.count))
        .collect();
    assert_eq!(counts, [("1", 2), ("2", 0), ("3", 0), ("4", 12), ("5", 0)]);
    assert_eq!(together.figure.favourable.unwrap().count, 12);

    // One hidden group with answers and one without: their "together" would be the one group's.
    let mut data = Aggregate::new(&q);
    for (segment, n) in [("large", 40), ("mid", 9)] {
        for _ in 0..n {
            data.add(
                &q,
                segment,
                &q.validate_answers(&serde_json::json!({ "rating": 7 })).unwrap(),
            );
        }
    }
    let invited = vec![("large".to_owned(), 50), ("mid".to_owned(), 10), ("none".to_owned(), 4)];
    let r = report::build(&q, &data, &invited, 5, 10, &mut |_| {});
    assert_eq!(r.hidden.iter().collect::<Vec<_>>(), ["mid", "none"]);
    assert!(r.segments_together.is_none());
    assert!(r.measures.iter().all(|m| m.together.is_none()));
}

#[test]
fn the_statistics_match_worked_examples() {
    use survey_analysis::stats::{Share, enps, moments};
    // Wilson 95% interval of 5 out of 10 (textbook value 0.2366–0.7634).
    let s = Share::new(5, 10);
    assert!((s.low - 0.2366).abs() < 1e-4 && (s.high - 0.7634).abs() < 1e-4, "{s:?}");
    assert_eq!(Share::new(0, 0).share, 0.0);
    // 1, 2, 2, 3, 10: mean 3.6, median 2, sample sd √(53.2 / 4).
    let m = moments(&[(1.0, 1), (2.0, 2), (3.0, 1), (10.0, 1)]).unwrap();
    assert!(
        (m.mean - 3.6).abs() < 1e-12 && m.median == 2.0 && (m.sd - 13.3f64.sqrt()).abs() < 1e-12,
        "{m:?}"
    );
    // An even count takes the middle pair: 1, 2, 3, 4 → 2.5.
    assert_eq!(moments(&[(1.0, 1), (2.0, 1), (3.0, 1), (4.0, 1)]).unwrap().median, 2.5);
    // Promoters 9–10 minus detractors 0–6: 3 promoters, 1 passive, 2 detractors of 6 → +16.7.
    let mut counts = [0u64; 11];
    counts[10] = 2;
    counts[9] = 1;
    counts[8] = 1;
    counts[0] = 1;
    counts[6] = 1;
    assert!((enps(&counts).unwrap() - 100.0 / 6.0).abs() < 1e-9);
}

#[test]
fn reverse_coded_statements_count_the_low_end_as_favourable() {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/../design/tests/fixtures/every-type.toml");
    let q = Questionnaire::load(std::path::Path::new(fixture)).unwrap();
    let reversed = q
        .questions()
        .find_map(|question| match question.kind() {
            survey_design::QuestionKind::Matrix { items, .. } => items
                .iter()
                .find(|i| i.reverse())
                .map(|i| (question.id().as_str().to_owned(), i.id().as_str().to_owned())),
            _ => None,
        })
        .expect("the fixture has a reverse-coded matrix statement");
    let mut data = Aggregate::new(&q);
    let mut rng = SmallRng::seed_from_u64(7);
    let japanese = survey_design::Lang::parse("ja").unwrap();
    for i in 0..20 {
        let mut answers = survey_design::answer::sample::sample_answers(&q, &mut rng, 1.0, &mut |rng, max| {
            survey_design::answer::sample::comment(&japanese, rng, max)
        });
        let rows = answers
            .entry(reversed.0.clone())
            .or_insert_with(|| serde_json::json!({}));
        rows[reversed.1.as_str()] = serde_json::json!(if i < 15 { 1 } else { 5 });
        let valid = q.validate_answers(&serde_json::Value::Object(answers)).unwrap();
        data.add(&q, "all", &valid);
    }
    let r = report::build(&q, &data, &vec![("all".to_owned(), 20)], 5, 10, &mut |_| {});
    let item = r
        .measures
        .iter()
        .find(|m| m.question == reversed.0 && m.item.as_deref() == Some(reversed.1.as_str()))
        .unwrap();
    let d = item.overall.shown().unwrap();
    let favourable = d.favourable.unwrap();
    // Disagreeing (1) with a reverse-coded statement is favourable.
    assert_eq!((favourable.count, favourable.of), (15, d.n));
}

#[test]
fn a_segment_missing_from_the_invitees_is_still_a_row_so_it_cannot_hide_in_the_total() {
    let q = Questionnaire::from_toml(TEMPLATE, "t.toml").unwrap();
    let mut data = Aggregate::new(&q);
    for (segment, n) in [("a", 8), ("b", 2)] {
        for _ in 0..n {
            data.add(
                &q,
                segment,
                &q.validate_answers(&serde_json::json!({ "rating": 7 })).unwrap(),
            );
        }
    }
    // Only `a` was listed: `b` still becomes a (hidden) row, and `a` is hidden with it.
    let r = report::build(&q, &data, &vec![("a".to_owned(), 10)], 5, 10, &mut |_| {});
    let rows: Vec<(&str, bool)> = r
        .segments
        .iter()
        .map(|s| (s.segment.as_str(), s.responses == Figure::Hidden))
        .collect();
    assert_eq!(rows, [("a", true), ("b", true)]);
    assert_eq!(r.responses, Figure::Shown(10));
}

#[test]
fn a_topic_index_pools_the_favourable_answers_of_every_statement_tagged_with_it() {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/../design/tests/fixtures/every-type.toml");
    let q = Questionnaire::load(std::path::Path::new(fixture)).unwrap();
    let mut data = Aggregate::new(&q);
    let mut rng = SmallRng::seed_from_u64(11);
    let japanese = survey_design::Lang::parse("ja").unwrap();
    for i in 0..40 {
        let answers = survey_design::answer::sample::sample_answers(&q, &mut rng, 0.9, &mut |rng, max| {
            survey_design::answer::sample::comment(&japanese, rng, max)
        });
        let valid = q.validate_answers(&serde_json::Value::Object(answers)).unwrap();
        data.add(&q, if i % 2 == 0 { "a" } else { "b" }, &valid);
    }
    let r = report::build(
        &q,
        &data,
        &vec![("a".to_owned(), 20), ("b".to_owned(), 20)],
        5,
        10,
        &mut |_| {},
    );
    let support = r.topics.iter().find(|t| t.topic == "support").unwrap();
    // Tagged in the fixture: the likert `support` and the matrix statement `worries.leaks`.
    let tagged = |m: &survey_analysis::Measure| {
        m.question == "support" || (m.question == "worries" && m.item.as_deref() == Some("leaks"))
    };
    let (mut favourable, mut of) = (0, 0);
    for m in r.measures.iter().filter(|m| tagged(m)) {
        let f = m.overall.shown().unwrap().favourable.unwrap();
        favourable += f.count;
        of += f.of;
    }
    let index = support.overall.shown().unwrap();
    assert_eq!((index.favourable.count, index.favourable.of), (favourable, of));
    assert!(index.respondents <= 40 && index.respondents > 0);
    assert_eq!(support.by_segment.len(), 2);
}

#[test]
fn a_real_difference_between_segments_is_flagged_and_noise_is_not() {
    use survey_analysis::stats::{holm, two_proportion_p};
    // 45/50 against 10/50: overwhelming; 26/50 against 24/50: noise.
    assert!(two_proportion_p(45, 50, 10, 50) < 1e-10);
    assert!(two_proportion_p(26, 50, 24, 50) > 0.5);
    // Holm: sorted p × (m − rank), kept monotone, capped at 1.
    let adjusted = holm(&[0.01, 0.04, 0.03, 0.5]);
    let expected = [0.04, 0.09, 0.09, 0.5];
    for (a, e) in adjusted.iter().zip(expected) {
        assert!((a - e).abs() < 1e-12, "{adjusted:?}");
    }

    let q = Questionnaire::from_toml(TEMPLATE, "t.toml").unwrap();
    let mut data = Aggregate::new(&q);
    for (segment, agreeing) in [("keen", 45), ("sceptical", 10), ("middle", 28)] {
        for i in 0..50 {
            let point = if i < agreeing { 5 } else { 1 };
            let answers = serde_json::json!({ "rating": 5, "agree": point });
            data.add(&q, segment, &q.validate_answers(&answers).unwrap());
        }
    }
    let invited = vec![
        ("keen".to_owned(), 60),
        ("sceptical".to_owned(), 60),
        ("middle".to_owned(), 60),
    ];
    let r = report::build(&q, &data, &invited, 5, 10, &mut |_| {});
    let agree = r.measures.iter().find(|m| m.question == "agree").unwrap();
    let flag = |s: &str| {
        agree
            .differences
            .iter()
            .find(|d| d.segment == s)
            .map(|d| (d.significant, d.segment_share > d.rest_share))
    };
    assert_eq!(flag("keen"), Some((true, true)));
    assert_eq!(flag("sceptical"), Some((true, false)));
    assert_eq!(flag("middle").map(|f| f.0), Some(false));
}

#[test]
fn a_ranking_reports_first_places_and_each_options_mean_rank_among_those_who_ranked_it() {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/../design/tests/fixtures/every-type.toml");
    let q = Questionnaire::load(std::path::Path::new(fixture)).unwrap();
    let survey_design::QuestionKind::Ranking { options, .. } = q.question("conditions").unwrap().kind() else {
        panic!("the fixture's `conditions` is a ranking");
    };
    let ids: Vec<&str> = options.iter().map(|o| o.id().as_str()).collect();
    let mut data = Aggregate::new(&q);
    let mut rng = SmallRng::seed_from_u64(5);
    let japanese = survey_design::Lang::parse("ja").unwrap();
    let mut sums = std::collections::HashMap::<String, (u64, u64)>::new();
    for _ in 0..30 {
        let mut answers = survey_design::answer::sample::sample_answers(&q, &mut rng, 1.0, &mut |rng, max| {
            survey_design::answer::sample::comment(&japanese, rng, max)
        });
        let Some(order) = answers.get("conditions").and_then(|v| v.as_array()).cloned() else {
            continue;
        };
        for (rank, option) in order.iter().enumerate() {
            let entry = sums.entry(option.as_str().unwrap().to_owned()).or_default();
            entry.0 += rank as u64 + 1;
            entry.1 += 1;
        }
        answers.insert("conditions".into(), serde_json::Value::Array(order));
        data.add(
            &q,
            "all",
            &q.validate_answers(&serde_json::Value::Object(answers)).unwrap(),
        );
    }
    let r = report::build(&q, &data, &vec![("all".to_owned(), 30)], 5, 10, &mut |_| {});
    let ranking = r.measures.iter().find(|m| m.question == "conditions").unwrap();
    let d = ranking.overall.shown().unwrap();
    for (option, mean) in &d.mean_rank {
        let (sum, times) = sums[option];
        assert!((mean - sum as f64 / times as f64).abs() < 1e-12, "{option}");
        assert!(*mean >= 1.0);
    }
    let firsts: u64 = d
        .categories
        .iter()
        .filter(|(k, _)| ids.contains(&k.as_str()))
        .map(|(_, s)| s.count)
        .sum();
    assert_eq!(firsts, d.n, "each respondent ranks exactly one option first");
}

fn wave(q: &Questionnaire, answers: &[(&str, u8, u64)]) -> survey_analysis::Report {
    let mut data = Aggregate::new(q);
    for (segment, point, n) in answers {
        for _ in 0..*n {
            let a = q
                .validate_answers(&serde_json::json!({ "rating": 8, "agree": point }))
                .unwrap();
            data.add(q, segment, &a);
        }
    }
    report::build(q, &data, &Vec::new(), 5, 10, &mut |_| {})
}

#[test]
fn a_trend_shows_a_change_only_where_both_waves_show_their_figure() {
    let q = Questionnaire::from_toml(TEMPLATE, "t.toml").unwrap();
    let mut now = wave(&q, &[("a", 5, 6), ("a", 1, 4)]);
    let earlier = wave(&q, &[("a", 5, 3), ("a", 1, 3)]);
    report::compare(&mut now, &earlier);
    let agree = now.trends.iter().find(|t| t.question == "agree").unwrap();
    assert_eq!(agree.now, Figure::Shown(0.6));
    assert_eq!(agree.earlier, Figure::Shown(0.5));
    match agree.change {
        Figure::Shown(change) => assert!((change - 0.1).abs() < 1e-9, "{change}"),
        Figure::Hidden => panic!("both waves show their figure"),
    }
    // An earlier wave of four respondents hides its figure; the change would give it away.
    let small = wave(&q, &[("a", 5, 2), ("a", 1, 2)]);
    report::compare(&mut now, &small);
    let agree = now.trends.iter().find(|t| t.question == "agree").unwrap();
    assert_eq!((&agree.earlier, &agree.change), (&Figure::Hidden, &Figure::Hidden));
    assert_eq!(agree.now, Figure::Shown(0.6));
    let rating = now.trends.iter().find(|t| t.question == "rating").unwrap();
    assert!(rating.rating, "a 0–10 question compares its eNPS");
    assert!(
        now.trends.iter().all(|t| t.question != "pick"),
        "a choice has no headline figure"
    );
}

#[test]
fn counting_in_parts_and_merging_gives_the_same_report_as_counting_at_once() {
    let q = Questionnaire::from_toml(TEMPLATE, "t.toml").unwrap();
    let mut rng = SmallRng::seed_from_u64(11);
    let responses: Vec<(String, serde_json::Value)> = (0..300)
        .map(|i| {
            let segment = ["x", "y", "z"][i % 3].to_owned();
            let answers = serde_json::json!({
                "rating": rng.random_range(0..=10),
                "agree": rng.random_range(1..=5),
                "pick": if rng.random_bool(0.5) { "a" } else { "b" },
            });
            (segment, answers)
        })
        .collect();
    let mut whole = Aggregate::new(&q);
    let mut first = Aggregate::new(&q);
    let mut second = Aggregate::new(&q);
    for (i, (segment, answers)) in responses.iter().enumerate() {
        let answers = q.validate_answers(answers).unwrap();
        whole.add(&q, segment, &answers);
        if i < 120 {
            first.add(&q, segment, &answers);
        } else {
            second.add(&q, segment, &answers);
        }
    }
    first.merge(second);
    let build = |data: &Aggregate| report::build(&q, data, &Vec::new(), 5, 10, &mut |_| {});
    assert_eq!(build(&first), build(&whole));
}
