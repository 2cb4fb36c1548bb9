//! The group column of a data file respects the anonymity threshold by itself: every value it holds
//! stands for at least *k* responses. A segment with fewer keeps no value of its own; the small ones
//! share one, and while they together are still fewer than *k* the smallest of the others joins
//! them (so that no group can be had by subtracting the others from the total either).

use std::collections::HashMap;

/// Each segment's code in the file and the label of each code (code `i + 1` is `labels[i]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Groups {
    pub labels: Vec<String>,
    code: HashMap<String, u32>,
}

/// The survey has fewer responses than the threshold: no data file can respect it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{responses} responses, fewer than the anonymity threshold of {k}: no data file can be made")]
pub struct TooFew {
    pub responses: u64,
    pub k: u64,
}

impl Groups {
    /// The groups of segments with `counts` responses each, named by `name` (a segment's label in
    /// the file's language); `merged` names the group of the small ones, `everyone` a single group.
    pub fn merge(
        counts: &[(String, u64)],
        k: u64,
        name: impl Fn(&str) -> String,
        merged: &str,
        everyone: &str,
    ) -> Result<Self, TooFew> {
        let responses: u64 = counts.iter().map(|(_, n)| n).sum();
        if responses < k.max(1) {
            return Err(TooFew { responses, k });
        }
        let mut by_size: Vec<&(String, u64)> = counts.iter().filter(|(_, n)| *n > 0).collect();
        by_size.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
        let mut small = by_size.iter().take_while(|(_, n)| *n < k).count();
        let mut pooled: u64 = by_size[..small].iter().map(|(_, n)| n).sum();
        while small > 0 && pooled < k && small < by_size.len() {
            pooled += by_size[small].1;
            small += 1;
        }
        let (pooled_segments, own) = by_size.split_at(small);
        let mut named: Vec<(String, &str)> = own.iter().map(|(s, _)| (name(s), s.as_str())).collect();
        named.sort();
        let mut labels: Vec<String> = named.iter().map(|(label, _)| label.clone()).collect();
        let mut code: HashMap<String, u32> = named
            .iter()
            .zip(1..)
            .map(|((_, segment), c)| ((*segment).to_owned(), c))
            .collect();
        if !pooled_segments.is_empty() {
            labels.push(if own.is_empty() { everyone } else { merged }.to_owned());
            let c = u32::try_from(labels.len()).unwrap_or(u32::MAX);
            code.extend(pooled_segments.iter().map(|(s, _)| (s.clone(), c)));
        }
        Ok(Self { labels, code })
    }

    /// The code of a response's segment (a segment without responses when the counts were taken
    /// falls in the merged group, which then exists).
    pub fn code(&self, segment: &str) -> u32 {
        self.code
            .get(segment)
            .copied()
            .unwrap_or(u32::try_from(self.labels.len()).unwrap_or(u32::MAX))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merge(counts: &[(&str, u64)], k: u64) -> Result<Groups, TooFew> {
        let counts: Vec<(String, u64)> = counts.iter().map(|(s, n)| ((*s).to_owned(), *n)).collect();
        Groups::merge(&counts, k, |s| s.to_uppercase(), "other", "all")
    }

    #[test]
    fn small_segments_share_a_value_that_reaches_k_with_the_smallest_others() {
        let g = merge(&[("sales", 30), ("legal", 2), ("hr", 1), ("it", 6), ("ops", 9)], 5).unwrap();
        // legal + hr are 3, below 5: it (6) joins them.
        assert_eq!(g.labels, ["OPS", "SALES", "other"]);
        assert_eq!((g.code("sales"), g.code("ops")), (2, 1));
        assert_eq!((g.code("legal"), g.code("hr"), g.code("it")), (3, 3, 3));
        assert_eq!(g.code("never seen"), 3);
    }

    #[test]
    fn every_value_of_the_column_holds_at_least_k() {
        let counts = [("a", 4), ("b", 4), ("c", 4), ("d", 20)];
        let g = merge(&counts, 5).unwrap();
        assert_eq!(g.labels, ["D", "other"]);
        let g = merge(&[("a", 4), ("b", 20)], 5).unwrap();
        assert_eq!(
            g.labels,
            ["all"],
            "one small one and one other: both merged, or a's would be the total minus b's"
        );
        assert_eq!(merge(&[("a", 5), ("b", 5)], 5).unwrap().labels, ["A", "B"]);
        assert_eq!(merge(&[("a", 2), ("b", 1)], 5), Err(TooFew { responses: 3, k: 5 }));
    }
}
