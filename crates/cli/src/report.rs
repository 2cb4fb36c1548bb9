//! `survey report`: the report of a questionnaire and a JSON Lines file of responses, offline, with
//! the same analysis and anonymity rules as the published reports. Memory follows the
//! questionnaire, not the file: the responses are read line by line.

use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::path::Path;

use survey_analysis::{Aggregate, report};
use survey_design::Questionnaire;

use crate::cli::{ReportArgs, ReportFormat};
use crate::error::CliError;

pub fn run(args: &ReportArgs, out: &mut impl Write) -> Result<(), CliError> {
    if args.k < 3 {
        return Err(CliError::Usage(format!(
            "the anonymity threshold cannot be below 3 (asked: {})",
            args.k
        )));
    }
    let q = Questionnaire::load(&args.questionnaire).map_err(CliError::Template)?;
    let data = count(&q, &args.responses)?;
    let invited = match &args.invited {
        Some(path) => read_invited(path)?,
        None => Vec::new(),
    };
    let report = report::build(&q, &data, &invited, args.k, args.comment_k.max(args.k), &mut |_| {});
    match args.format {
        ReportFormat::Csv => out.write_all(survey_analysis::csv::render(&report).as_bytes())?,
        ReportFormat::Xlsx => {
            let bytes = survey_analysis::xlsx::render(&q, &report, q.default_language())
                .map_err(|e| CliError::Usage(format!("cannot write the workbook: {e}")))?;
            out.write_all(&bytes)?;
        }
        ReportFormat::Html => {
            let lang = if q.default_language().is_japanese() {
                survey_server::views::UiLang::Ja
            } else {
                survey_server::views::UiLang::En
            };
            let title = q.title().get(q.default_language()).to_owned();
            let body = survey_server::views::report::body(&q, &report, lang);
            out.write_all(survey_server::views::report::standalone(&title, lang, body).as_bytes())?;
        }
    }
    Ok(())
}

/// Reads and counts every response, showing progress on a terminal.
fn count(q: &Questionnaire, path: &Path) -> Result<Aggregate, CliError> {
    let read_error = |source| CliError::Read {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut progress = Progress::new(size);
    let mut data = Aggregate::new(q);
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(read_error)?;
        progress.advance(line.len() as u64 + 1);
        if line.trim().is_empty() {
            continue;
        }
        let problem = |message: String| CliError::Response {
            path: path.to_owned(),
            line: i + 1,
            message,
        };
        let value: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| problem(format!("not a JSON object: {e}")))?;
        let segment = value.get("segment").and_then(|s| s.as_str()).unwrap_or("");
        let answers = q
            .validate_answers(value.get("answers").unwrap_or(&serde_json::Value::Null))
            .map_err(|e| problem(e.to_string()))?;
        data.add(q, segment, &answers);
    }
    progress.finish();
    Ok(data)
}

/// `segment,count` lines; a header line or blank lines are skipped.
fn read_invited(path: &Path) -> Result<Vec<(String, u64)>, CliError> {
    let text = std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.to_owned(),
        source,
    })?;
    let mut invited = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let Some((segment, count)) = line.rsplit_once(',') else {
            continue;
        };
        match count.trim().parse::<u64>() {
            Ok(n) => invited.push((segment.trim().to_owned(), n)),
            Err(_) if i == 0 => {}
            Err(_) => {
                return Err(CliError::Response {
                    path: path.to_owned(),
                    line: i + 1,
                    message: format!("`{}` is not a number of invitees", count.trim()),
                });
            }
        }
    }
    Ok(invited)
}

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
struct Progress {
    total: u64,
    done: u64,
    drawn: u64,
    on: bool,
}

impl Progress {
    fn new(total: u64) -> Self {
        Self {
            total,
            done: 0,
            drawn: 0,
            on: std::io::stderr().is_terminal() && total > 0,
        }
    }

    fn advance(&mut self, bytes: u64) {
        self.done += bytes;
        let percent = (self.done * 100 / self.total.max(1)).min(100);
        if self.on && percent > self.drawn {
            self.drawn = percent;
            let bar = "#".repeat(percent as usize / 4);
            eprint!("\rreading responses [{bar:<25}] {percent:>3}%");
        }
    }

    fn finish(&self) {
        if self.on {
            eprintln!();
        }
    }
}
