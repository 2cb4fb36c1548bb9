//! How long `segment_roster` takes on a large roster, against the quadratic algorithm it replaced,
//! in the same run (figures in docs/BENCHMARKS.md):
//!
//! ```text
//! cargo run -p survey-analysis --example segment_speed -- [ROWS] [K]
//! ```
//!
//! ROWS (default 50,000) invitees with three breakdowns — department (400 values, a few large and
//! many small), tenure (8 bands) and site (60 offices) — from a fixed seed; K defaults to 5. Both
//! algorithms run on the same roster, and must give the same labels.

#[path = "../tests/quadratic/mod.rs"]
mod quadratic;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};
use survey_analysis::segment::segment_roster;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map_or(Ok(50_000), |n| n.parse())?;
    let k: usize = args.next().map_or(Ok(5), |k| k.parse())?;
    let mut rng = SmallRng::seed_from_u64(13);
    let roster: Vec<BTreeMap<String, String>> = (0..n)
        .map(|_| {
            // Departments by a Zipf-like law: department d is about 1/(d+1) as common as the first.
            let department = loop {
                let d = rng.random_range(0..400u32);
                if rng.random_range(0.0..1.0) < 1.0 / f64::from(d + 1).sqrt() {
                    break d;
                }
            };
            BTreeMap::from([
                ("department".to_owned(), format!("department {department}")),
                ("tenure".to_owned(), format!("tenure {}", rng.random_range(0..8))),
                ("site".to_owned(), format!("site {}", rng.random_range(0..60))),
            ])
        })
        .collect();
    let breakdowns: Vec<String> = ["department", "tenure", "site"].map(str::to_owned).to_vec();

    let (after, new_time) = timed(|| segment_roster(&roster, &breakdowns, k));
    let (before, old_time) = timed(|| quadratic::segment_roster_quadratic(&roster, &breakdowns, k));
    let after = after?;
    if before? != after {
        return Err("the two algorithms disagree".into());
    }
    let mut segments: Vec<&str> = after.iter().map(|l| l.as_str()).collect();
    segments.sort_unstable();
    segments.dedup();
    println!("{n} invitees, 3 breakdowns, k = {k}: {} segments", segments.len());
    println!("| algorithm | time |");
    println!("|---|---:|");
    println!("| before (quadratic) | {old_time:.2?} |");
    println!("| after (hash maps) | {new_time:.2?} |");
    println!(
        "after / before: {:.2}%",
        new_time.as_secs_f64() * 100.0 / old_time.as_secs_f64()
    );
    Ok(())
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}
