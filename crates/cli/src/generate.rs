//! `survey generate`: synthetic responses for trying reports and measuring them. Each segment has
//! an attitude of its own and each respondent one near it, so answers are skewed and segments
//! differ, as in a real survey; comments are in the respondent's language.

use std::io::Write;

use rand::{Rng, SeedableRng};
use survey_design::Questionnaire;
use survey_design::answer::sample::{comment, sample_leaning};

use crate::cli::GenerateArgs;
use crate::error::CliError;

pub fn run(args: &GenerateArgs, out: &mut impl Write) -> Result<(), CliError> {
    let q = Questionnaire::load(&args.questionnaire).map_err(CliError::Template)?;
    let segments = parse_segments(&args.segments)?;
    let total_weight: f64 = segments.iter().map(|(_, w)| w).sum();
    let mut rng = rand::rngs::StdRng::seed_from_u64(args.seed);
    let attitudes: Vec<f64> = segments.iter().map(|_| rng.random_range(0.3..0.75)).collect();
    let languages = q.languages().to_vec();
    let mut out = std::io::BufWriter::new(out);
    for _ in 0..args.responses {
        let mut pick = rng.random_range(0.0..total_weight);
        let index = segments
            .iter()
            .position(|(_, w)| {
                pick -= w;
                pick < 0.0
            })
            .unwrap_or(segments.len() - 1);
        // Most answer in the first language, some in the others.
        let language = if languages.len() > 1 && rng.random_bool(0.3) {
            &languages[rng.random_range(1..languages.len())]
        } else {
            &languages[0]
        };
        let lean = (attitudes[index] + rng.random_range(-0.2..0.2)).clamp(0.0, 1.0);
        let answers = sample_leaning(&q, &mut rng, 0.75, Some(lean), &mut |rng, max| {
            comment(language, rng, max)
        });
        let line =
            serde_json::json!({ "segment": segments[index].0, "language": language.as_str(), "answers": answers });
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(())
}

/// `name:weight,name:weight`, weights positive numbers.
fn parse_segments(spec: &str) -> Result<Vec<(String, f64)>, CliError> {
    let segments: Vec<(String, f64)> = spec
        .split(',')
        .filter(|part| !part.trim().is_empty())
        .map(|part| {
            let (name, weight) = part.rsplit_once(':').unwrap_or((part, "1"));
            match weight.trim().parse::<f64>() {
                Ok(w) if w > 0.0 && w.is_finite() => Ok((name.trim().to_owned(), w)),
                _ => Err(CliError::Usage(format!(
                    "`{part}`: write a segment as NAME:WEIGHT with a positive weight"
                ))),
            }
        })
        .collect::<Result<_, _>>()?;
    if segments.is_empty() {
        return Err(CliError::Usage(
            "name at least one segment, e.g. department=Sales:10".into(),
        ));
    }
    Ok(segments)
}
