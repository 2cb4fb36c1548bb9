//! Variable names SPSS accepts, made from the product's question ids.
//!
//! A system file holds two names per variable: the long name people see (up to 64 bytes, in the
//! long variable names record) and an 8-byte upper-case short name in the variable record, which
//! old readers show and every reader uses to tie the extension records to a variable. Both must be
//! unique without regard to case, or SPSS refuses the file.

use std::collections::HashSet;

use super::cut;

/// Words SPSS syntax reserves: a variable with one of these names could not be named in a command.
const RESERVED: [&str; 13] = [
    "ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH",
];
const LONG_MAX: usize = 64;
const SHORT_MAX: usize = 8;

/// Valid long names for the names as given, in order, each unique without regard to case. A name
/// that is already valid and unused is kept as it is, so ids like `benefit.network` survive.
pub(crate) fn long_names<'a>(given: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut taken = HashSet::new();
    given
        .into_iter()
        .map(|name| unique(valid_long(name), LONG_MAX, &mut taken))
        .collect()
}

/// Hands out the short names of one file, each unique without regard to case.
#[derive(Default)]
pub(crate) struct ShortNames {
    taken: HashSet<String>,
}

impl ShortNames {
    /// A short name resembling `long` (its ASCII letters and digits, upper-cased), so that a
    /// reader that ignores long names still shows something recognisable.
    pub(crate) fn make(&mut self, long: &str) -> String {
        unique(short_base(long), SHORT_MAX, &mut self.taken)
    }
}

fn valid_long(given: &str) -> String {
    let mut name: String = given
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if !name.starts_with(char::is_alphabetic) {
        name.insert(0, 'v');
    }
    name.truncate(cut(&name, LONG_MAX).len());
    // A name may not end in a period: SPSS would read it as the end of the command.
    if name.ends_with('.') {
        name.pop();
        name.push('_');
    }
    if is_reserved(&name) {
        name.push('_');
    }
    name
}

fn short_base(long: &str) -> String {
    let mut name: String = long
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
        // A period would be valid inside, but not at the end, where cutting may leave it.
        .map(|c| if c == '.' { '_' } else { c.to_ascii_uppercase() })
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name.insert(0, 'V');
    }
    name.truncate(SHORT_MAX);
    // Dropping the non-ASCII letters can leave a reserved word (`to予定` → `TO`).
    if is_reserved(&name) {
        name.push('_');
    }
    name
}

fn is_reserved(name: &str) -> bool {
    RESERVED.iter().any(|word| word.eq_ignore_ascii_case(name))
}

/// `name`, or if it is taken, `name` cut to make room for `_2`, `_3`, … and the first free one.
fn unique(name: String, max: usize, taken: &mut HashSet<String>) -> String {
    if taken.insert(name.to_lowercase()) {
        return name;
    }
    let mut n = 2u64;
    loop {
        let suffix = format!("_{n}");
        let candidate = format!("{}{suffix}", cut(&name, max.saturating_sub(suffix.len())));
        if taken.insert(candidate.to_lowercase()) {
            return candidate;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn longs(given: &[&str]) -> Vec<String> {
        long_names(given.iter().copied())
    }

    #[test]
    fn valid_names_are_kept_as_given() {
        assert_eq!(
            longs(&["q1", "benefit.network", "reason_other", "満足度", "Q2"]),
            ["q1", "benefit.network", "reason_other", "満足度", "Q2"]
        );
    }

    #[test]
    fn invalid_characters_become_underscores_and_a_leading_non_letter_gets_a_v() {
        assert_eq!(
            longs(&["1st", "reason other", "a-b/c", "_x", "#tmp", ""]),
            ["v1st", "reason_other", "a_b_c", "v_x", "v_tmp", "v"]
        );
    }

    #[test]
    fn reserved_words_and_a_final_period_are_avoided() {
        assert_eq!(
            longs(&["with", "To", "withdrawn", "end.", "a.b"]),
            ["with_", "To_", "withdrawn", "end_", "a.b"]
        );
    }

    #[test]
    fn a_long_name_is_cut_to_64_bytes_on_a_character_boundary() {
        let ascii = "a".repeat(70);
        assert_eq!(longs(&[&ascii]), ["a".repeat(64)]);
        // 22 three-byte characters are 66 bytes: 21 fit.
        let japanese = "質".repeat(22);
        assert_eq!(longs(&[&japanese]), ["質".repeat(21)]);
    }

    #[test]
    fn names_that_collide_after_cutting_or_by_case_get_numbered() {
        let first = format!("{}x", "a".repeat(64));
        let second = format!("{}y", "a".repeat(64));
        assert_eq!(
            longs(&[&first, &second, "q1", "Q1", "q1_2", "q 1"]),
            [
                "a".repeat(64),
                format!("{}_2", "a".repeat(62)),
                "q1".into(),
                "Q1_2".into(),
                "q1_2_2".into(),
                "q_1".into()
            ]
        );
    }

    #[test]
    fn short_names_are_upper_case_ascii_of_at_most_8_bytes_and_unique() {
        let mut shorts = ShortNames::default();
        let made: Vec<String> = [
            "q1",
            "benefit.network",
            "benefit.salary",
            "満足度",
            "理由",
            "1st",
            "to予定",
            "Q1",
        ]
        .iter()
        .map(|long| shorts.make(long))
        .collect();
        assert_eq!(made, ["Q1", "BENEFIT_", "BENEFI_2", "V", "V_2", "V1ST", "TO_", "Q1_2"]);
    }
}
