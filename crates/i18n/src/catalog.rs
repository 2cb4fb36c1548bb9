//! The catalogs, parsed once per process: one Fluent bundle per locale holding all its areas.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::{Arg, REFERENCE};

include!(concat!(env!("OUT_DIR"), "/sources.rs"));

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<BTreeMap<&'static str, Bundle>> = LazyLock::new(|| {
    let mut bundles = BTreeMap::new();
    for &(locale, _, text) in SOURCES {
        let bundle = bundles.entry(locale).or_insert_with(|| {
            let id: LanguageIdentifier = locale.parse().unwrap_or_default();
            let mut bundle = Bundle::new_concurrent(vec![id]);
            // Pages and mail are left to right in every language we ship; the isolation marks
            // Fluent puts around placeholders would only show up as stray characters in e-mails.
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(crate::number::fluent_formatter));
            bundle
        });
        // A catalog that does not parse keeps the messages that do; the catalog test fails on it.
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
    }
    bundles
});

/// Whether `locale` has a catalog of `area` (`respondent`, `operator`, …).
pub fn has_area(locale: &str, area: &str) -> bool {
    SOURCES.iter().any(|&(l, a, _)| l == locale && a == area)
}

/// Every locale with a catalog of `area`, in the order of their tags.
pub fn locales_with(area: &str) -> Vec<&'static str> {
    SOURCES
        .iter()
        .filter(|&&(_, a, _)| a == area)
        .map(|&(l, _, _)| l)
        .collect()
}

/// Every (locale, area, text) compiled in, for the catalog test.
#[doc(hidden)]
pub fn sources() -> &'static [(&'static str, &'static str, &'static str)] {
    SOURCES
}

pub(crate) fn format(locale: &str, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_ref())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            Arg::Message(m) => fluent_args.set(*name, FluentValue::from(m.get(locale))),
            Arg::Lines(lines) => {
                let worded: Vec<String> = lines.iter().map(|m| m.get(locale)).collect();
                fluent_args.set(*name, FluentValue::from(worded.join("\n")));
            }
        }
    }
    for candidate in [locale, REFERENCE] {
        let Some(bundle) = BUNDLES.get(candidate) else { continue };
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        return bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned();
    }
    key.to_owned()
}
