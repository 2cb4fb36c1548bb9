//! The anonymity rules before any answer exists: the lowest threshold a survey may set, and the
//! segments of a roster — the groups its breakdown attributes make, with every group smaller than
//! *k* merged — named by a [`SegmentLabel`].
//!
//! A segment's label is the text stored with its invitations and its issuer key, and carried by
//! every response signed with that key, so the reports group by it: `all` when the survey has no
//! breakdowns, else `name=value` per breakdown joined by `|` (`department=Sales|tenure=*`), where
//! [`MERGED`] (`*`) stands for "merged with other small groups".
//!
//! ```
//! use std::collections::BTreeMap;
//! use survey_analysis::segment::{SegmentLabel, segment_roster};
//!
//! let row = |department: &str| BTreeMap::from([("department".to_owned(), department.to_owned())]);
//! let roster: Vec<_> = ["Sales"; 6].into_iter().chain(["Legal"; 2]).chain(["HR"; 3]).map(row).collect();
//! let labels = segment_roster(&roster, &["department".to_owned()], 5).unwrap();
//! // Legal (2) and HR (3) are too small alone: together they are "other".
//! assert_eq!(labels[0].as_str(), "department=Sales");
//! assert_eq!(labels[6].as_str(), "department=*");
//! assert_eq!(labels[6].describe("other"), "department: other");
//! assert_eq!(SegmentLabel::parse("department=*").unwrap(), labels[6]);
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The lowest anonymity threshold *k* a survey may set, for figures and for comments alike.
pub const MIN_THRESHOLD: i32 = 3;

/// The value of a roster attribute whose small groups were merged before the keys were made.
pub const MERGED: &str = "*";

/// The label of everyone: a survey without breakdowns has this one segment.
const ALL: &str = "all";

/// A segment's label, well formed: `all`, or `|`-separated parts, each `name=value` (the value may
/// be empty or [`MERGED`]) or a bare value (a group named directly, as offline response files do:
/// `Sales`). Made by [`SegmentLabel::new`] or [`SegmentLabel::parse`]; serialised as its text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SegmentLabel(String);

/// Why a text is not a segment label, or values cannot be written as one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LabelError {
    #[error("a segment label cannot be empty; everyone is `all`")]
    Empty,
    #[error("segment label `{label}` has an empty part; parts are separated by one `|`")]
    EmptyPart { label: String },
    #[error("segment label `{label}` has a part without a name before `=`: `{part}`")]
    EmptyName { label: String, part: String },
    #[error("`{name}` cannot name an attribute of a segment: it is empty or holds `=` or `|`")]
    Name { name: String },
    #[error("the value `{value}` of `{name}` holds `|`, which separates the attributes of a segment label")]
    Value { name: String, value: String },
    #[error("a segment label needs one value per breakdown: {names} breakdowns, {values} values")]
    Count { names: usize, values: usize },
}

impl SegmentLabel {
    /// The one segment of a survey without breakdowns.
    pub fn all() -> Self {
        Self(ALL.to_owned())
    }

    /// The label of the segment whose breakdown attributes `names` have `values` (in the same
    /// order): `all` when there are no breakdowns. Refuses what would read back differently: a name
    /// that is empty or holds `=` or `|`, a value that holds `|`.
    pub fn new<N: AsRef<str>, V: AsRef<str>>(names: &[N], values: &[V]) -> Result<Self, LabelError> {
        if names.len() != values.len() {
            return Err(LabelError::Count {
                names: names.len(),
                values: values.len(),
            });
        }
        if names.is_empty() {
            return Ok(Self::all());
        }
        let mut parts = Vec::with_capacity(names.len());
        for (name, value) in names.iter().zip(values) {
            let (name, value) = (name.as_ref(), value.as_ref());
            if name.is_empty() || name.contains(['=', '|']) {
                return Err(LabelError::Name { name: name.to_owned() });
            }
            if value.contains('|') {
                return Err(LabelError::Value {
                    name: name.to_owned(),
                    value: value.to_owned(),
                });
            }
            parts.push(format!("{name}={value}"));
        }
        Ok(Self(parts.join("|")))
    }

    /// Reads a label as stored, refusing an empty text, an empty part (`a=1||b=2`, or a leading or
    /// trailing `|`) and a part without a name (`=Sales`).
    pub fn parse(text: &str) -> Result<Self, LabelError> {
        if text.is_empty() {
            return Err(LabelError::Empty);
        }
        for part in text.split('|') {
            if part.is_empty() {
                return Err(LabelError::EmptyPart { label: text.to_owned() });
            }
            if part.starts_with('=') {
                return Err(LabelError::EmptyName {
                    label: text.to_owned(),
                    part: part.to_owned(),
                });
            }
        }
        Ok(Self(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is everyone's label, `all`.
    pub fn is_all(&self) -> bool {
        self.0 == ALL
    }

    /// The attributes: each name (none for a bare value) and its value as written, [`MERGED`]
    /// included. Everyone (`all`) has none.
    pub fn parts(&self) -> impl Iterator<Item = (Option<&str>, &str)> {
        let text = if self.is_all() { "" } else { self.0.as_str() };
        text.split('|')
            .filter(|part| !part.is_empty())
            .map(|part| match part.split_once('=') {
                Some((name, value)) => (Some(name), value),
                None => (None, part),
            })
    }

    /// The group as people read it: `department: Sales · tenure: other` with `merged_word` for a
    /// merged value; `all` for everyone.
    pub fn describe(&self, merged_word: &str) -> String {
        if self.is_all() {
            return ALL.to_owned();
        }
        self.parts()
            .map(|(name, value)| match name {
                Some(name) => format!("{name}: {}", shown(value, merged_word)),
                None => value.to_owned(),
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// The group by its values only (`Sales · other`), for narrow column heads; `all` for everyone.
    pub fn describe_values(&self, merged_word: &str) -> String {
        if self.is_all() {
            return ALL.to_owned();
        }
        self.parts()
            .map(|(name, value)| match name {
                Some(_) => shown(value, merged_word),
                None => value,
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// A named attribute's value for people; only a named value can be merged.
fn shown<'a>(value: &'a str, merged_word: &'a str) -> &'a str {
    if value == MERGED { merged_word } else { value }
}

impl fmt::Display for SegmentLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for SegmentLabel {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl FromStr for SegmentLabel {
    type Err = LabelError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

impl TryFrom<String> for SegmentLabel {
    type Error = LabelError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)?;
        Ok(Self(text))
    }
}

impl From<SegmentLabel> for String {
    fn from(label: SegmentLabel) -> Self {
        label.0
    }
}

/// The segment of each roster row (its attributes) for `breakdowns`, merging every group of fewer
/// than `k` rows: first the rare values of each attribute become [`MERGED`], then small
/// combinations are coarsened from the last attribute backwards, until every segment has at least
/// `k` rows (or only one segment is left, which holds every row). A row without one of the
/// attributes has the empty value for it.
///
/// Refuses only a roster whose labels would not read back: a breakdown name that is empty or holds
/// `=` or `|`, or a value holding `|` that is common enough to stay unmerged.
///
/// Near-linear in the roster: the values are numbered once per attribute, the rows are grouped by
/// their combination once, and the merging rounds work on those groups (at most a few per
/// breakdown), each through hash maps. It runs inside the transaction that holds the survey, so it
/// must not grow with the square of the roster (see docs/BENCHMARKS.md).
pub fn segment_roster(
    attributes: &[BTreeMap<String, String>],
    breakdowns: &[String],
    k: usize,
) -> Result<Vec<SegmentLabel>, LabelError> {
    let width = breakdowns.len();
    if width == 0 {
        return Ok(vec![SegmentLabel::all(); attributes.len()]);
    }
    // Per attribute, its values numbered in order of appearance; 0 is MERGED (and a value written
    // as `*`, which reads the same).
    let mut names: Vec<Vec<&str>> = vec![vec![MERGED]; width];
    let mut numbers: Vec<HashMap<&str, u32>> = (0..width).map(|_| HashMap::from([(MERGED, 0)])).collect();
    let mut cells: Vec<u32> = Vec::with_capacity(attributes.len() * width);
    for row in attributes {
        for (column, breakdown) in breakdowns.iter().enumerate() {
            let value = row.get(breakdown).map_or("", String::as_str);
            let next = u32::try_from(names[column].len()).unwrap_or(u32::MAX);
            let number = *numbers[column].entry(value).or_insert_with(|| {
                names[column].push(value);
                next
            });
            cells.push(number);
        }
    }
    // The rare values of each attribute are merged.
    for column in 0..width {
        let mut counts = vec![0usize; names[column].len()];
        for row in cells.chunks_exact(width) {
            counts[row[column] as usize] += 1;
        }
        for row in cells.chunks_exact_mut(width) {
            if counts[row[column] as usize] < k {
                row[column] = 0;
            }
        }
    }
    // The rows grouped by their combination: each row's group, and each group's combination (as it
    // is coarsened) and size.
    let mut group_of_row = Vec::with_capacity(attributes.len());
    let mut groups: Vec<(Vec<u32>, usize)> = Vec::new();
    {
        let mut index: HashMap<&[u32], usize> = HashMap::new();
        for row in cells.chunks_exact(width) {
            let next = groups.len();
            let group = *index.entry(row).or_insert_with(|| {
                groups.push((row.to_vec(), 0));
                next
            });
            groups[group].1 += 1;
            group_of_row.push(group);
        }
    }
    let coarsenable = |t: &[u32]| t.iter().any(|v| *v != 0);
    // Combinations in the order of their values as text, for a deterministic choice among equals.
    let text_order = |a: &[u32], b: &[u32]| {
        a.iter()
            .zip(b)
            .enumerate()
            .map(|(column, (x, y))| names[column][*x as usize].cmp(names[column][*y as usize]))
            .find(|o| o.is_ne())
            .unwrap_or(std::cmp::Ordering::Equal)
    };
    loop {
        let mut counts: HashMap<&[u32], usize> = HashMap::new();
        for (combination, size) in &groups {
            *counts.entry(combination.as_slice()).or_default() += size;
        }
        let small: Vec<&[u32]> = counts.iter().filter(|(_, n)| **n < k).map(|(t, _)| *t).collect();
        if small.is_empty() || counts.len() == 1 {
            break;
        }
        // A fully merged group that is still small takes in the smallest other group.
        let targets: std::collections::HashSet<Vec<u32>> = if small.iter().any(|t| coarsenable(t)) {
            small
                .into_iter()
                .filter(|t| coarsenable(t))
                .map(<[u32]>::to_vec)
                .collect()
        } else {
            counts
                .iter()
                .filter(|(t, _)| coarsenable(t))
                .min_by(|(a, m), (b, n)| m.cmp(n).then_with(|| text_order(a, b)))
                .map(|(t, _)| t.to_vec())
                .into_iter()
                .collect()
        };
        if targets.is_empty() {
            break;
        }
        for (combination, _) in groups.iter_mut().filter(|(t, _)| targets.contains(t)) {
            if let Some(last) = combination.iter_mut().rev().find(|v| **v != 0) {
                *last = 0;
            }
        }
    }
    let labels: Vec<Result<SegmentLabel, LabelError>> = groups
        .iter()
        .map(|(combination, _)| {
            let values: Vec<&str> = combination
                .iter()
                .enumerate()
                .map(|(column, v)| names[column][*v as usize])
                .collect();
            SegmentLabel::new(breakdowns, &values)
        })
        .collect();
    group_of_row.into_iter().map(|g| labels[g].clone()).collect()
}
