//! Compiles every catalog under the repository's `locales/` folder into the crate, so that adding a
//! language is adding a folder: `locales/{locale}/{area}.ftl` becomes one entry of `SOURCES`.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    let mut locales: Vec<_> = std::fs::read_dir(&root)
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    locales.sort();
    for dir in locales {
        let Some(locale) = dir.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
            continue;
        };
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        for file in files {
            if file.extension().and_then(|e| e.to_str()) != Some("ftl") {
                continue;
            }
            let Some(area) = file.file_stem().and_then(|n| n.to_str()).map(str::to_owned) else {
                continue;
            };
            let path = file.canonicalize().unwrap_or(file);
            entries.push((locale.clone(), area, path));
        }
    }
    let mut out = String::from("/// (locale, area, catalog text) of every `locales/{locale}/{area}.ftl`.\n");
    out.push_str("pub(crate) const SOURCES: &[(&str, &str, &str)] = &[\n");
    for (locale, area, path) in entries {
        let _ = writeln!(
            out,
            "    ({locale:?}, {area:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("sources.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        println!("cargo:warning=cannot write {}: {e}", dest.display());
        std::process::exit(1);
    }
}
