//! The statistics of the report, from counts: shares with Wilson intervals, and mean, median and
//! standard deviation from a histogram (so memory follows the number of distinct values, not of
//! responses).

use serde::Serialize;

/// z for a two-sided 95% interval.
const Z95: f64 = 1.959_963_984_540_054;

/// A share of a group with its 95% Wilson score interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Share {
    pub count: u64,
    pub of: u64,
    pub share: f64,
    pub low: f64,
    pub high: f64,
}

impl Share {
    pub fn new(count: u64, of: u64) -> Self {
        let (low, high) = wilson(count, of);
        Self {
            count,
            of,
            share: if of == 0 { 0.0 } else { count as f64 / of as f64 },
            low,
            high,
        }
    }
}

/// The Wilson score interval of `successes` out of `n` (95%); `(0, 0)` when `n` is 0.
pub fn wilson(successes: u64, n: u64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 0.0);
    }
    let n = n as f64;
    let p = successes as f64 / n;
    let z2 = Z95 * Z95;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = Z95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / (1.0 + z2 / n);
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

/// Mean, median and sample standard deviation of a histogram of (value, count), values ascending.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Moments {
    pub mean: f64,
    pub median: f64,
    pub sd: f64,
}

pub fn moments(histogram: &[(f64, u64)]) -> Option<Moments> {
    let n: u64 = histogram.iter().map(|(_, c)| c).sum();
    if n == 0 {
        return None;
    }
    let mean = histogram.iter().map(|(v, c)| v * *c as f64).sum::<f64>() / n as f64;
    let squares = histogram
        .iter()
        .map(|(v, c)| (v - mean).powi(2) * *c as f64)
        .sum::<f64>();
    let sd = if n > 1 { (squares / (n - 1) as f64).sqrt() } else { 0.0 };
    Some(Moments {
        mean,
        median: (nth(histogram, (n - 1) / 2) + nth(histogram, n / 2)) / 2.0,
        sd,
    })
}

/// The value at 0-based rank `i` of the sorted data the histogram stands for.
fn nth(histogram: &[(f64, u64)], i: u64) -> f64 {
    let mut seen = 0;
    for (value, count) in histogram {
        seen += count;
        if i < seen {
            return *value;
        }
    }
    histogram.last().map_or(0.0, |(v, _)| *v)
}

/// The employee net promoter score of a 0–10 histogram: % promoters (9–10) − % detractors (0–6).
pub fn enps(counts: &[u64; 11]) -> Option<f64> {
    let n: u64 = counts.iter().sum();
    if n == 0 {
        return None;
    }
    let promoters: u64 = counts[9..].iter().sum();
    let detractors: u64 = counts[..7].iter().sum();
    Some(100.0 * (promoters as f64 - detractors as f64) / n as f64)
}

/// The two-sided p-value of the difference between two proportions (pooled z-test); 1 when either
/// group is empty or there is no variation at all.
pub fn two_proportion_p(x1: u64, n1: u64, x2: u64, n2: u64) -> f64 {
    if n1 == 0 || n2 == 0 {
        return 1.0;
    }
    let (n1f, n2f) = (n1 as f64, n2 as f64);
    let pooled = (x1 + x2) as f64 / (n1f + n2f);
    let se = (pooled * (1.0 - pooled) * (1.0 / n1f + 1.0 / n2f)).sqrt();
    if se == 0.0 {
        return 1.0;
    }
    let z = (x1 as f64 / n1f - x2 as f64 / n2f).abs() / se;
    erfc(z / std::f64::consts::SQRT_2)
}

/// Holm–Bonferroni: the adjusted p-values, in the order given, so that "adjusted < 0.05" controls
/// the chance of any false finding among all of them at 5%.
pub fn holm(p: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..p.len()).collect();
    order.sort_by(|&a, &b| p[a].total_cmp(&p[b]));
    let m = p.len() as f64;
    let mut adjusted = vec![0.0; p.len()];
    let mut running: f64 = 0.0;
    for (rank, &i) in order.iter().enumerate() {
        running = running.max(((m - rank as f64) * p[i]).min(1.0));
        adjusted[i] = running;
    }
    adjusted
}

/// The complementary error function, by the Chebyshev fit of Numerical Recipes (`erfcc`): relative
/// error below 1.2e-7, plenty for a p-value.
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let r = t
        * (-z * z - 1.265_512_23
            + t * (1.000_023_68
                + t * (0.374_091_96
                    + t * (0.096_784_18
                        + t * (-0.186_288_06
                            + t * (0.278_868_07
                                + t * (-1.135_203_98
                                    + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77)))))))))
            .exp();
    if x >= 0.0 { r } else { 2.0 - r }
}
