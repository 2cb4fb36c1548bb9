//! Compiles the IPADIC sources (Debian's `mecab-ipadic`: CSV and .def files in EUC-JP) into the
//! lindera dictionary that `survey_analysis::terms` embeds, gzipped file by file.
//!
//! ```text
//! apt-get install mecab-ipadic
//! cargo run --release -p survey-analysis --example build_ipadic -- \
//!     /usr/share/mecab/dic/ipadic crates/analysis/dictionary/ipadic
//! ```
//!
//! lindera's own `embed-ipadic` feature downloads the sources at build time; this runs once, by
//! hand, and its output is committed, so a build needs neither the network nor the package.

use std::error::Error;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::write::GzEncoder;
use lindera::dictionary::{DictionaryBuilder, Metadata};

/// lindera-ipadic 6.2's `metadata.json`, but for sources in EUC-JP as MeCab ships them.
const METADATA: &str = r#"{
  "name": "ipadic",
  "encoding": "EUC-JP",
  "default_word_cost": -10000,
  "default_left_context_id": 0,
  "default_right_context_id": 0,
  "default_field_value": "*",
  "flexible_csv": true,
  "skip_invalid_cost_or_id": false,
  "normalize_details": true,
  "dictionary_schema": {
    "fields": [
      "surface", "left_context_id", "right_context_id", "cost",
      "part_of_speech", "part_of_speech_subcategory_1", "part_of_speech_subcategory_2",
      "part_of_speech_subcategory_3", "conjugation_form", "conjugation_type",
      "base_form", "reading", "pronunciation"
    ]
  },
  "user_dictionary_schema": { "fields": ["surface", "part_of_speech", "reading"] }
}"#;

/// The files lindera writes, in the order `terms.rs` includes them.
const FILES: [&str; 9] = [
    "metadata.json",
    "char_def.bin",
    "unk.bin",
    "matrix.mtx",
    "dict.trie",
    "dict.valsidx",
    "dict.vals",
    "dict.wordsidx",
    "dict.words",
];

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [source, output] = args.as_slice() else {
        return Err("usage: build_ipadic SOURCE_DIR (e.g. /usr/share/mecab/dic/ipadic) OUTPUT_DIR".into());
    };
    let staging = output.join(".build");
    let metadata: Metadata = serde_json::from_str(METADATA)?;
    DictionaryBuilder::new(metadata.clone()).build_dictionary(source, &staging)?;
    // The built dictionary holds UTF-8 whatever its sources were; the recorded encoding is what a
    // user dictionary compiled against it would be read as.
    let mut utf8 = metadata;
    utf8.encoding = "UTF-8".to_owned();
    DictionaryBuilder::new(utf8).build_metadata(&staging, None)?;
    for name in FILES {
        compress(&staging.join(name), &output.join(format!("{name}.gz")))?;
    }
    fs::remove_dir_all(&staging)?;
    Ok(())
}

fn compress(from: &Path, to: &Path) -> Result<(), Box<dyn Error>> {
    let raw = fs::read(from)?;
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(&raw)?;
    let packed = encoder.finish()?;
    fs::write(to, &packed)?;
    println!("{name}: {} → {} bytes", raw.len(), packed.len(), name = to.display());
    Ok(())
}
