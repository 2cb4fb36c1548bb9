//! `survey tally verify`: the auditor's check of an exported tally, needing nothing but the file
//! (and, to tie it to what was published, the root from the survey's public page). A respondent adds
//! their receipt to see it listed, and with their salt and canonical answers checks that their entry
//! commits to those answers. The digests are salted, so the file alone confirms no guessed answers.

use std::io::Write;
use std::path::Path;

use survey_token::tally::{Tally, TallyError, hex, parse_salt};

use crate::cli::TallyCommand;
use crate::error::CliError;

pub fn run(command: TallyCommand, out: &mut impl Write) -> Result<(), CliError> {
    match command {
        TallyCommand::Verify {
            file,
            root,
            receipt,
            salt,
            answers,
        } => {
            let tally = verify(&file, root.as_deref(), out)?;
            match receipt {
                Some(receipt) => own_entry(&tally, &receipt, salt.as_deref().zip(answers.as_deref()), out),
                None => Ok(()),
            }
        }
    }
}

/// A respondent's check: the receipt is listed, and (given the salt and the canonical answers) its
/// entry's answers digest is theirs.
fn own_entry(
    tally: &Tally,
    receipt: &str,
    salted: Option<(&str, &Path)>,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let receipt = receipt.trim().to_ascii_lowercase();
    if tally.entry(&receipt).is_none() {
        return Err(CliError::OwnEntry(format!(
            "the tally does not list the receipt {receipt}"
        )));
    }
    writeln!(out, "ok: the receipt {receipt} is in the tally")?;
    let Some((salt, answers)) = salted else {
        return Ok(());
    };
    let salt = parse_salt(salt).map_err(|e| CliError::Usage(format!("--salt: {e}")))?;
    let text = std::fs::read_to_string(answers).map_err(|source| CliError::Read {
        path: answers.to_owned(),
        source,
    })?;
    // Canonical answers are one line of compact JSON; an editor's final newline is not part of them.
    let canonical = text.trim_end_matches(['\n', '\r']);
    if !tally.holds_answers(&receipt, &salt, canonical.as_bytes()) {
        return Err(CliError::OwnEntry(format!(
            "the receipt's entry does not hold these answers under this salt (the answers must be \
             exactly the canonical text the server echoed, in {})",
            answers.display()
        )));
    }
    writeln!(
        out,
        "ok: its entry commits to the answers in {} under your salt",
        answers.display()
    )?;
    Ok(())
}

fn verify(file: &Path, published_root: Option<&str>, out: &mut impl Write) -> Result<Tally, CliError> {
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
    Ok(tally)
}
