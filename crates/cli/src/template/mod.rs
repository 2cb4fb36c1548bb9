//! `survey template validate | show | schema | translate`.

mod show;

use std::io::Write;

use survey_design::{Lang, Questionnaire, TemplateErrors};

use crate::cli::{TemplateCommand, TranslateCommand};
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
        TemplateCommand::Translate { command } => translate(command, out),
    }
}

fn translate(command: TranslateCommand, out: &mut impl Write) -> Result<(), CliError> {
    use survey_design::translate;
    let read = |path: &std::path::Path| {
        std::fs::read_to_string(path).map_err(|source| CliError::Read {
            path: path.to_owned(),
            source,
        })
    };
    let write = |path: &std::path::Path, text: &str| {
        std::fs::write(path, text).map_err(|source| CliError::WriteFile {
            path: path.to_owned(),
            source,
        })
    };
    match command {
        TranslateCommand::Export { file, lang, output } => {
            let original = file
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let xliff = translate::export(&read(&file)?, &lang, &original).map_err(|source| CliError::Translate {
                path: file.clone(),
                source,
            })?;
            write(&output, &xliff)?;
            writeln!(
                out,
                "{}: {} texts to translate into {lang}",
                output.display(),
                xliff.matches("<unit ").count()
            )?;
        }
        TranslateCommand::Import { file, xliff, output } => {
            let merged = translate::import(&read(&file)?, &read(&xliff)?).map_err(|source| CliError::Translate {
                path: xliff.clone(),
                source,
            })?;
            write(&output, &merged)?;
            writeln!(out, "{}: merged", output.display())?;
        }
    }
    Ok(())
}
