//! `survey template validate | show | schema`.

mod show;

use std::io::Write;

use survey_design::{Lang, Questionnaire, TemplateErrors};

use crate::cli::TemplateCommand;
use crate::error::CliError;

pub fn run(command: TemplateCommand, out: &mut impl Write) -> Result<(), CliError> {
    match command {
        TemplateCommand::Validate { files } => {
            let mut diagnostics = Vec::new();
            for file in &files {
                match Questionnaire::load(file) {
                    Ok(q) => writeln!(
                        out,
                        "{}: ok ({} questions in {} sections; {})",
                        file.display(),
                        q.questions().count(),
                        q.sections().len(),
                        q.languages().iter().map(Lang::as_str).collect::<Vec<_>>().join(", ")
                    )?,
                    Err(errors) => diagnostics.extend(errors.diagnostics),
                }
            }
            if diagnostics.is_empty() {
                Ok(())
            } else {
                Err(CliError::Template(TemplateErrors { diagnostics }))
            }
        }
        TemplateCommand::Show { file, lang } => {
            let q = Questionnaire::load(&file).map_err(CliError::Template)?;
            let lang = match lang {
                Some(l) => Lang::parse(&l)?,
                None => q.default_language().clone(),
            };
            out.write_all(show::render(&q, &lang).as_bytes())?;
            Ok(())
        }
        TemplateCommand::Schema => {
            writeln!(out, "{}", survey_design::template::SCHEMA.trim_end())?;
            Ok(())
        }
    }
}
