//! `survey keys reseal`: master key rotation, every issuer key sealed again under a new master key.

use std::io::Write;
use std::path::Path;

use base64::Engine;
use survey_server::startup;

use crate::cli::KeysCommand;
use crate::database::{block_on, settings};
use crate::error::CliError;

pub fn run(command: KeysCommand, config: Option<&Path>, out: &mut impl Write) -> Result<(), CliError> {
    match command {
        KeysCommand::Reseal => reseal(config, out),
    }
}

fn reseal(config: Option<&Path>, out: &mut impl Write) -> Result<(), CliError> {
    let settings = settings(config)?;
    let engine = base64::engine::general_purpose::STANDARD;
    let usage = || {
        CliError::Usage(
            "set SURVEY_NEW_MASTER_KEY to the new master key: base64 of 32 random bytes (`openssl rand -base64 32`)"
                .into(),
        )
    };
    let new_text = std::env::var("SURVEY_NEW_MASTER_KEY").map_err(|_| usage())?;
    let new_bytes = engine.decode(new_text.trim()).map_err(|_| usage())?;
    let new = survey_token::issuer::MasterKey::from_bytes(&new_bytes).map_err(|_| usage())?;
    let file = settings.data_dir.join(startup::MASTER_KEY_FILE);
    let in_file = settings.secrets.master_key.is_none();
    if in_file && !file.exists() {
        return Err(CliError::Usage(format!(
            "no current master key: SURVEY__SECRETS__MASTER_KEY is not set and {} does not exist",
            file.display()
        )));
    }
    let old = startup::master_key(&settings)?;
    block_on(async {
        let db = startup::connect(&settings).await?;
        // The new key is on disk beside the old one before any issuer key depends on it.
        let staged = file.with_extension("key.new");
        if in_file {
            use std::os::unix::fs::OpenOptionsExt;
            std::fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .mode(0o600)
                .open(&staged)
                .and_then(|mut f| f.write_all(engine.encode(&new_bytes).as_bytes()))
                .map_err(|source| CliError::WriteFile {
                    path: staged.clone(),
                    source,
                })?;
        }
        let resealed = match survey_server::services::issuance::reseal(&db, "survey keys reseal", &old, &new).await {
            Ok(n) => n,
            Err(e) => {
                std::fs::remove_file(&staged).ok();
                return Err(CliError::server("reseal the issuer keys", e));
            }
        };
        if in_file {
            std::fs::rename(&staged, &file).map_err(|source| CliError::WriteFile {
                path: file.clone(),
                source,
            })?;
        }
        writeln!(out, "resealed {resealed} issuer keys under the new master key")?;
        if in_file {
            writeln!(out, "{} now holds the new key", file.display())?;
        } else {
            writeln!(
                out,
                "set SURVEY__SECRETS__MASTER_KEY to the new key on every server before starting them again"
            )?;
        }
        Ok(())
    })
}
