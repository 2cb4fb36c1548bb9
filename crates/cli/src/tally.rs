//! `survey tally verify`: the auditor's check of an exported tally, needing nothing but the file
//! (and, to tie it to what was published, the root from the survey's public page).

use std::io::Write;
use std::path::Path;

use survey_token::tally::{Tally, TallyError, hex};

use crate::cli::TallyCommand;
use crate::error::CliError;

pub fn run(command: TallyCommand, out: &mut impl Write) -> Result<(), CliError> {
    match command {
        TallyCommand::Verify { file, root } => verify(&file, root.as_deref(), out),
    }
}

fn verify(file: &Path, published_root: Option<&str>, out: &mut impl Write) -> Result<(), CliError> {
    let text = std::fs::read_to_string(file).map_err(|source| CliError::Read {
        path: file.to_owned(),
        source,
    })?;
    let tally: Tally = serde_json::from_str(&text).map_err(|source| CliError::TallyFile {
        path: file.to_owned(),
        source,
    })?;
    let checked = tally.verify()?;
    let root = hex(&checked.root);
    if let Some(published) = published_root
        && !published.trim().eq_ignore_ascii_case(&root)
    {
        return Err(TallyError::Root {
            stated: published.trim().to_owned(),
            computed: root,
        }
        .into());
    }
    writeln!(out, "survey {}: {} responses", tally.survey, checked.count)?;
    writeln!(out, "Merkle root {root}")?;
    for (segment, n) in &checked.per_segment {
        writeln!(out, "  {segment}: {n}")?;
    }
    writeln!(
        out,
        "ok: every token is valid under the listed keys and bound to this survey, no nonce is used twice, \
         and the count and root are as stated{}",
        if published_root.is_some() {
            " and as published"
        } else {
            ""
        }
    )?;
    Ok(())
}
