//! Which groups of a breakdown are hidden, decided once and the same in every view.
//!
//! The rule, for groups with their counts and the threshold *k*:
//!
//! 1. every group with fewer than *k* is hidden (so all of them when everyone together is below
//!    *k*);
//! 2. complementary suppression: the total minus the shown groups is the figure of the hidden ones
//!    together, so while the hidden groups (if any) together fall short of *k*, one more is hidden:
//!    the shown group with the **smallest count**, and of equal counts the one whose label is
//!    **smallest in byte order** (Rust's `str` order, not a database collation).
//!
//! The outcome depends only on the (label, count) pairs, never on the order they come in: two views
//! that list the groups differently (the report by label bytes, a page by a database's collation)
//! hide the same ones, so subtracting one view from another reveals nothing. [`HiddenGroups`] is
//! serialisable so that the server can compute it once at the close and every view, file and API
//! use the stored set.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// The hidden groups of one breakdown, by label. Serialised as a JSON array of labels in byte
/// order: `["department=Legal","department=Sales"]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct HiddenGroups(BTreeSet<String>);

impl HiddenGroups {
    /// The hidden groups of a breakdown with these (label, count) pairs, by the rule of this
    /// module. A label given twice is one group with the sum of its counts.
    ///
    /// ```
    /// use survey_analysis::HiddenGroups;
    /// // Legal (2) is below 5; Sales and Support tie at 9, and "department=Sales" < "department=Support".
    /// let groups = [("department=Support", 9), ("department=Legal", 2), ("department=Sales", 9)];
    /// let hidden = HiddenGroups::compute(&groups, 5);
    /// assert_eq!(hidden.iter().collect::<Vec<_>>(), ["department=Legal", "department=Sales"]);
    /// assert_eq!(serde_json::to_string(&hidden).unwrap(), r#"["department=Legal","department=Sales"]"#);
    /// ```
    pub fn compute<S: AsRef<str>>(groups: &[(S, u64)], k: u64) -> Self {
        Self::default().within(groups, k)
    }

    /// This set for a figure of the same breakdown counted otherwise (the answerers of one
    /// question, a stored set against the report's counts): every group hidden here stays hidden,
    /// and the rule then hides more where these counts need it. Never fewer: a set computed from
    /// the same counts comes back unchanged.
    pub fn within<S: AsRef<str>>(&self, groups: &[(S, u64)], k: u64) -> Self {
        let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
        for (label, n) in groups {
            *counts.entry(label.as_ref()).or_default() += n;
        }
        let mut hidden = self.0.clone();
        hidden.extend(counts.iter().filter(|(_, n)| **n < k).map(|(l, _)| (*l).to_owned()));
        loop {
            let (any_hidden, together) = counts
                .iter()
                .filter(|(l, _)| hidden.contains(**l))
                .fold((false, 0u64), |(_, sum), (_, n)| (true, sum + n));
            if !any_hidden || together >= k {
                break;
            }
            let partner = counts
                .iter()
                .filter(|(l, _)| !hidden.contains(**l))
                .min_by_key(|(l, n)| (**n, l.as_bytes()));
            match partner {
                Some((label, _)) => hidden.insert((*label).to_owned()),
                None => break,
            };
        }
        Self(hidden)
    }

    pub fn contains(&self, label: &str) -> bool {
        self.0.contains(label)
    }

    /// The labels, in byte order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<String> for HiddenGroups {
    /// A stored set read back.
    fn from_iter<I: IntoIterator<Item = String>>(labels: I) -> Self {
        Self(labels.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_computed_from_the_same_counts_comes_back_unchanged() {
        let groups = [("a", 2u64), ("b", 4), ("c", 9), ("d", 30)];
        let hidden = HiddenGroups::compute(&groups, 5);
        assert_eq!(hidden.iter().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(hidden.within(&groups, 5), hidden);
        // Groups with nothing hidden, and a breakdown whose total is below k.
        assert!(HiddenGroups::compute(&[("a", 5u64), ("b", 6)], 5).is_empty());
        assert_eq!(HiddenGroups::compute(&[("a", 1u64), ("b", 2)], 5).len(), 2);
    }

    #[test]
    fn an_empty_group_is_hidden_and_needs_a_partner() {
        let hidden = HiddenGroups::compute(&[("a", 0u64), ("b", 12), ("c", 12)], 5);
        assert_eq!(hidden.iter().collect::<Vec<_>>(), ["a", "b"]);
    }
}
