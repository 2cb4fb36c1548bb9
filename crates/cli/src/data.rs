//! `survey data export`: the firm's anonymous data file of a closed survey, from the database, with
//! the server's rules (the same service as the operator's download).

use std::io::Write;
use std::path::{Path, PathBuf};

use survey_design::Lang;
use survey_server::services::data_files::{self, Request};
use survey_server::services::surveys;

use crate::cli::{DataCommand, DataExportArgs, DataFormat};
use crate::error::CliError;

pub fn run(command: DataCommand, config: Option<&Path>, out: &mut impl Write) -> Result<(), CliError> {
    match command {
        DataCommand::Export(args) => export(&args, config, out),
    }
}

/// The operator running the command, as the audit log names them.
const ACTOR: &str = "survey data export (command line)";

fn export(args: &DataExportArgs, config: Option<&Path>, out: &mut impl Write) -> Result<(), CliError> {
    let settings = crate::database::settings(config)?;
    let id = args.survey;
    let (data, codebook) = crate::database::block_on(async {
        let db = survey_server::startup::connect(&settings).await?;
        let s = crate::database::find_survey(&db, id).await?;
        let failed = |e| CliError::server(format!("export the data of survey {id}"), e);
        let q = surveys::questionnaire(&s).map_err(failed)?;
        let lang = match &args.lang {
            Some(tag) => Lang::parse(tag).map_err(|e| CliError::Usage(e.to_string()))?,
            None => q.default_language().clone(),
        };
        let request = Request {
            format: match args.format {
                DataFormat::Csv => survey_data::Format::Csv,
                DataFormat::Sav => survey_data::Format::Sav,
            },
            lang,
            free_text: args.free_text,
        };
        let data = data_files::data_file(&db, ACTOR, &q, &s, &request)
            .await
            .map_err(failed)?;
        let codebook = data_files::codebook(&db, &q, &s, &request).await.map_err(failed)?;
        Ok::<_, CliError>((data, codebook))
    })?;
    let codebook_path = codebook_path(&args.output);
    for (path, bytes) in [(&args.output, &data), (&codebook_path, &codebook)] {
        std::fs::write(path, bytes).map_err(|source| CliError::WriteFile {
            path: path.clone(),
            source,
        })?;
    }
    writeln!(
        out,
        "wrote {} and its codebook {}",
        args.output.display(),
        codebook_path.display()
    )
    .map_err(CliError::Write)
}

/// `FILE.codebook.csv` beside `FILE` (its extension replaced).
fn codebook_path(data: &Path) -> PathBuf {
    data.with_extension("codebook.csv")
}
