//! Numbers as each language writes them. The separators are the catalog's own messages
//! (`number-decimal-separator`, `number-group-separator` in `locale.ftl`), so a new language brings
//! its own; Fluent asks for them through its formatter hook whenever a placeholder holds a number.

use fluent_bundle::FluentValue;
use intl_memoizer::Memoizable;
use intl_memoizer::concurrent::IntlLangMemoizer;
use unic_langid::LanguageIdentifier;

use crate::t;

#[derive(Debug, Clone)]
struct Separators {
    decimal: String,
    group: String,
}

impl Separators {
    fn of(locale: &str) -> Self {
        Self {
            decimal: t!(locale, "number-decimal-separator"),
            group: t!(locale, "number-group-separator"),
        }
    }

    fn write(&self, value: f64, decimals: usize) -> String {
        let fixed = format!("{:.*}", decimals, value.abs());
        let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
        let mut out = String::new();
        // `-0.0` and values that round to zero carry no sign.
        if value < 0.0 && fixed.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
            out.push('-');
        }
        let digits = whole.len();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (digits - i) % 3 == 0 {
                out.push_str(&self.group);
            }
            out.push(c);
        }
        if !fraction.is_empty() {
            out.push_str(&self.decimal);
            out.push_str(fraction);
        }
        out
    }
}

impl Memoizable for Separators {
    type Args = ();
    type Error = ();

    fn construct(lang: LanguageIdentifier, (): ()) -> Result<Self, ()> {
        Ok(Self::of(&lang.to_string()))
    }
}

pub(crate) fn format(locale: &str, value: f64, decimals: usize) -> String {
    Separators::of(locale).write(value, decimals)
}

/// Fluent's hook: every number placeholder, with as many decimals as it has (up to the ones
/// `NUMBER(…, minimumFractionDigits: n)` asks for).
pub(crate) fn fluent_formatter(value: &FluentValue<'_>, memo: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(n) = value else { return None };
    let shown = n.as_string();
    let decimals = shown.split_once('.').map_or(0, |(_, f)| f.len());
    memo.with_try_get::<Separators, _, _>((), |s| s.write(n.value, decimals))
        .ok()
}
