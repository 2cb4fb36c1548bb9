//! How fast the frequent terms of comments are counted, in a release build:
//!
//! ```text
//! cargo run --release -p survey-analysis --example terms_speed -- [COMMENTS] [FILE]
//! ```
//!
//! Reports the dictionary's load time and memory, then counts COMMENTS (default 300,000)
//! comments on one thread and on all: the synthetic generator's Japanese and English comments, or
//! FILE's lines (one comment a line) over and over.

use std::time::Instant;

use rand::SeedableRng;
use rand::rngs::SmallRng;
use survey_analysis::terms::{self, TermCounter};
use survey_design::Lang;
use survey_design::answer::sample::comment;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map_or(Ok(300_000), |n| n.parse())?;
    let file = args.next();

    let before = rss_kib();
    let start = Instant::now();
    terms::load_dictionary()?;
    println!(
        "dictionary: loaded in {:.0?}, resident memory {} → {} MiB",
        start.elapsed(),
        before / 1024,
        rss_kib() / 1024
    );

    let mut rng = SmallRng::seed_from_u64(1);
    let batches: Vec<(String, Vec<String>)> = match file {
        Some(file) => {
            let lines: Vec<String> = std::fs::read_to_string(&file)?.lines().map(str::to_owned).collect();
            vec![(file, lines.iter().cycle().take(n).cloned().collect())]
        }
        None => ["ja", "en"]
            .into_iter()
            .map(|code| {
                let lang = Lang::parse(code).map_err(|err| err.to_string())?;
                let comments = (0..n).map(|_| comment(&lang, &mut rng, 500)).collect();
                Ok::<_, String>((code.to_owned(), comments))
            })
            .collect::<Result<_, _>>()?,
    };
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    for (name, comments) in &batches {
        let chars = comments.iter().map(|c| c.chars().count()).sum::<usize>() as f64 / comments.len() as f64;
        let start = Instant::now();
        let mut counter = TermCounter::new();
        comments.iter().for_each(|c| counter.add(c));
        let one = start.elapsed();
        let start = Instant::now();
        let chunk = comments.len().div_ceil(threads);
        let merged = std::thread::scope(|scope| {
            let parts: Vec<_> = comments
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        let mut counter = TermCounter::new();
                        part.iter().for_each(|c| counter.add(c));
                        counter
                    })
                })
                .collect();
            let mut all = TermCounter::new();
            for part in parts {
                all.merge(part.join().map_err(|_| "a counting thread panicked")?);
            }
            Ok::<_, &str>(all)
        })?;
        let all = start.elapsed();
        assert_eq!(merged, counter);
        println!(
            "{name}: {} comments of {chars:.0} characters on average: {:.2?} on 1 thread ({:.0}/s), {:.2?} on {threads} ({:.0}/s); top {:?}",
            comments.len(),
            one,
            comments.len() as f64 / one.as_secs_f64(),
            all,
            comments.len() as f64 / all.as_secs_f64(),
            counter.frequent(1, 8)
        );
    }
    println!("peak resident memory {} MiB", hwm_kib() / 1024);
    Ok(())
}

fn status(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix(field))
                .and_then(|v| v.split_whitespace().next()?.parse().ok())
        })
        .unwrap_or(0)
}

fn rss_kib() -> u64 {
    status("VmRSS:")
}

fn hwm_kib() -> u64 {
    status("VmHWM:")
}
