//! `survey report`: a report rendered from a closed survey in the database, or offline from a
//! questionnaire and a JSON Lines file of responses — the same analysis and anonymity rules and
//! the same renderers as the published reports. Memory follows the questionnaire, not the file:
//! the responses are read line by line.
//!
//! Above the usual size because the offline path (a reader thread, progress and `--timings`) lives
//! beside the database path it must match.

use std::borrow::Cow;
use std::io::{IsTerminal, Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use rand::seq::SliceRandom;
use survey_analysis::{Aggregate, Report, report};
use survey_design::{Lang, Questionnaire};
use survey_report::{Document, Format, Meta, Words};
use survey_server::domain::SurveyId;
use survey_server::services::{reports, surveys};

use crate::cli::{ReportArgs, ReportFormat};
use crate::error::CliError;

pub fn run(args: &ReportArgs, config: Option<&Path>, out: &mut impl Write) -> Result<(), CliError> {
    let mut clock = Clock::new(args.timings);
    let (q, report, doc) = match (&args.survey, &args.questionnaire, &args.responses) {
        (Some(id), _, _) => from_database(*id, args, config, &mut clock)?,
        (None, Some(questionnaire), Some(responses)) => from_files(args, questionnaire, responses, &mut clock)?,
        _ => {
            return Err(CliError::Usage(
                "say which report: --survey ID, or --questionnaire FILE with --responses FILE".into(),
            ));
        }
    };
    let formats: &[Format] = match args.format {
        ReportFormat::All => &Format::ALL,
        ReportFormat::Pdf => &[Format::Pdf],
        ReportFormat::Pptx => &[Format::Pptx],
        ReportFormat::Html => &[Format::Html],
        ReportFormat::Xlsx => &[Format::Xlsx],
        ReportFormat::Csv => &[Format::Csv],
    };
    for &format in formats {
        // The renderers the server publishes with; the HTML page's title is the document's.
        let bytes = survey_report::render(format, &q, &report, &doc, &doc.title)
            .map_err(|source| CliError::Render { format, source })?;
        let extension = format.extension();
        clock.lap(extension);
        match (&args.output, args.format) {
            (Some(folder), ReportFormat::All) => {
                std::fs::create_dir_all(folder)?;
                std::fs::write(folder.join(format!("report.{extension}")), bytes)?;
            }
            (Some(file), _) => std::fs::write(file, bytes)?,
            (None, ReportFormat::All) => {
                return Err(CliError::Usage(
                    "--format all writes several files: give --output FOLDER".into(),
                ));
            }
            (None, _) => out.write_all(&bytes)?,
        }
    }
    clock.total();
    Ok(())
}

/// Times the steps of a report, for `--timings`.
struct Clock {
    on: bool,
    start: Instant,
    last: Instant,
}

impl Clock {
    fn new(on: bool) -> Self {
        let now = Instant::now();
        Self {
            on,
            start: now,
            last: now,
        }
    }

    fn lap(&mut self, step: &str) {
        let now = Instant::now();
        if self.on {
            eprintln!("timing: {step:<8} {:>8.3} s", (now - self.last).as_secs_f64());
        }
        self.last = now;
    }

    fn total(&self) {
        if self.on {
            eprintln!("timing: {:<8} {:>8.3} s", "total", self.start.elapsed().as_secs_f64());
        }
    }
}

fn from_files(
    args: &ReportArgs,
    questionnaire: &Path,
    responses: &Path,
    clock: &mut Clock,
) -> Result<(Questionnaire, Report, Document), CliError> {
    if args.k < 3 {
        return Err(CliError::Usage(format!(
            "the anonymity threshold cannot be below 3 (asked: {})",
            args.k
        )));
    }
    let q = Questionnaire::load(questionnaire).map_err(CliError::Template)?;
    let invited = match &args.invited {
        Some(path) => read_invited(path)?,
        None => Vec::new(),
    };
    let comment_k = args.comment_k.max(args.k);
    let shuffle = &mut |texts: &mut Vec<String>| texts.shuffle(&mut rand::rng());
    let data = count(&q, responses)?;
    clock.lap("count");
    let mut report = report::build(&q, &data, &invited, args.k, comment_k, shuffle);
    if let Some(previous) = &args.previous {
        let earlier_q = match &args.previous_questionnaire {
            Some(path) => Questionnaire::load(path).map_err(CliError::Template)?,
            None => q.clone(),
        };
        let earlier = count(&earlier_q, previous)?;
        let earlier = report::build(&earlier_q, &earlier, &invited, args.k, comment_k, shuffle);
        report::compare(&mut report, &earlier);
    }
    let words = words(&q, args)?;
    let meta = Meta {
        organisation: args.organisation.clone(),
        period: args.period.clone(),
        issued: words.date(chrono::Utc::now().date_naive()),
        tally: None,
    };
    let doc = Document::new(&q, &report, meta, words);
    clock.lap("model");
    Ok((q, report, doc))
}

/// The report's language: `--lang`, else the questionnaire's default.
fn words(q: &Questionnaire, args: &ReportArgs) -> Result<Words, CliError> {
    let asked = match &args.lang {
        Some(tag) => Some(Lang::parse(tag).map_err(|e| CliError::Usage(e.to_string()))?),
        None => None,
    };
    Words::of(q, asked.as_ref()).map_err(|e| CliError::Usage(e.to_string()))
}

fn from_database(
    id: SurveyId,
    args: &ReportArgs,
    config: Option<&Path>,
    clock: &mut Clock,
) -> Result<(Questionnaire, Report, Document), CliError> {
    let settings = crate::database::settings(config)?;
    crate::database::block_on(async {
        let db = survey_server::startup::connect(&settings).await?;
        let s = crate::database::find_survey(&db, id).await?;
        let failed = |e| CliError::server(format!("build the report of survey {id}"), e);
        let q = std::sync::Arc::new(surveys::questionnaire(&s).map_err(failed)?);
        let mut progress = Progress::new(0);
        let report = reports::build_from(&db, &q, &s, &mut |done, of| {
            progress.total = of;
            progress.advance_to(done);
        })
        .await
        .map_err(failed)?;
        progress.finish();
        // Counting and the model are one step here (the model is built as the counts are merged).
        clock.lap("count");
        let doc = reports::document_from(&db, &q, &s, &report, words(&q, args)?)
            .await
            .map_err(failed)?;
        clock.lap("model");
        Ok((std::sync::Arc::unwrap_or_clone(q), report, doc))
    })
}

/// Bytes of whole lines handed to a counting thread at a time.
const CHUNK: u64 = 1 << 20;

/// A run of whole lines, numbered in reading order.
struct Chunk {
    seq: usize,
    bytes: Vec<u8>,
}

/// What a counting thread did: its counts, and how many lines each of its chunks held (to name a
/// bad line by its number without counting lines while reading).
struct Counted {
    data: Aggregate,
    lines: Vec<(usize, usize)>,
    /// The first bad line it met: chunk, line within it, what is wrong.
    problem: Option<(usize, usize, String)>,
}

/// Reads and counts every response, showing progress on a terminal. This thread reads the file
/// in chunks of whole lines and deals them out in turn; the counting threads parse, validate and
/// count them into aggregates of their own, merged at the end.
fn count(q: &Questionnaire, path: &Path) -> Result<Aggregate, CliError> {
    let read_error = |source| CliError::Read {
        path: path.to_owned(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(read_error)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let failed = AtomicBool::new(false);
    let (read, results) = std::thread::scope(|scope| {
        let (senders, counters): (Vec<_>, Vec<_>) = (0..workers)
            .map(|_| {
                let (send, receive) = mpsc::sync_channel::<Chunk>(2);
                let failed = &failed;
                (send, scope.spawn(move || count_chunks(q, receive, failed)))
            })
            .unzip();
        let mut progress = Progress::new(size);
        let mut carry: Vec<u8> = Vec::new();
        let mut read = Ok(());
        for seq in 0.. {
            if failed.load(Ordering::Relaxed) {
                break;
            }
            let mut bytes = std::mem::take(&mut carry);
            let n = match (&mut file).take(CHUNK).read_to_end(&mut bytes) {
                Ok(n) => n,
                Err(e) => {
                    read = Err(read_error(e));
                    break;
                }
            };
            progress.advance(n as u64);
            // Whole lines only; the rest waits for the next read (or is the last line).
            if n > 0 {
                match bytes.iter().rposition(|b| *b == b'\n') {
                    Some(end) => carry = bytes.split_off(end + 1),
                    None => {
                        carry = bytes;
                        continue;
                    }
                }
            }
            // A send fails only when that counter stopped on a bad line, which it reports.
            if senders[seq % workers].send(Chunk { seq, bytes }).is_err() || n == 0 {
                break;
            }
        }
        drop(senders);
        progress.finish();
        let results: Vec<_> = counters.into_iter().map(|c| c.join()).collect();
        (read, results)
    });
    read?;
    let mut total = Aggregate::new(q);
    let mut lines = Vec::new();
    let mut first_problem: Option<(usize, usize, String)> = None;
    for result in results {
        let Ok(counted) = result else {
            return Err(CliError::Usage("a counting thread stopped unexpectedly".into()));
        };
        total.merge(counted.data);
        lines.extend(counted.lines);
        if let Some(problem) = counted.problem
            && first_problem
                .as_ref()
                .is_none_or(|first| (problem.0, problem.1) < (first.0, first.1))
        {
            first_problem = Some(problem);
        }
    }
    match first_problem {
        // Every chunk before the bad one was counted, by one thread or another.
        Some((seq, within, message)) => Err(CliError::Response {
            path: path.to_owned(),
            line: lines.iter().filter(|(s, _)| *s < seq).map(|(_, n)| n).sum::<usize>() + within + 1,
            message,
        }),
        None => Ok(total),
    }
}

/// A response line: its segment and the entries of its answers, read without building a map
/// (other keys, such as the language, are skipped).
#[derive(serde::Deserialize)]
struct Line<'a> {
    #[serde(default, borrow)]
    segment: Cow<'a, str>,
    #[serde(borrow)]
    answers: survey_design::answer::Entries<'a>,
}

/// One counting thread: chunks of lines until the reader is done or a line is bad.
fn count_chunks(q: &Questionnaire, receive: mpsc::Receiver<Chunk>, failed: &AtomicBool) -> Counted {
    let mut data = Aggregate::new(q);
    let mut lines = Vec::new();
    for chunk in receive {
        let mut n = 0;
        for (i, text) in chunk.bytes.split(|b| *b == b'\n').enumerate() {
            n = i;
            if text.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let counted = serde_json::from_slice::<Line>(text)
                .map_err(|e| format!("not a response object: {e}"))
                .and_then(|line| {
                    let answers = q.validate_entries(line.answers.iter()).map_err(|e| e.to_string())?;
                    data.add(q, &line.segment, &answers);
                    Ok(())
                });
            if let Err(message) = counted {
                failed.store(true, Ordering::Relaxed);
                return Counted {
                    data,
                    lines,
                    problem: Some((chunk.seq, i, message)),
                };
            }
        }
        lines.push((chunk.seq, n));
    }
    Counted {
        data,
        lines,
        problem: None,
    }
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
    terminal: bool,
}

impl Progress {
    fn new(total: u64) -> Self {
        Self {
            total,
            done: 0,
            drawn: 0,
            terminal: std::io::stderr().is_terminal(),
        }
    }

    /// Drawn only on a terminal, and only once the total is known.
    fn on(&self) -> bool {
        self.terminal && self.total > 0
    }

    fn advance(&mut self, bytes: u64) {
        self.advance_to(self.done + bytes);
    }

    fn advance_to(&mut self, done: u64) {
        self.done = done;
        let percent = (self.done * 100 / self.total.max(1)).min(100);
        if self.on() && percent > self.drawn {
            self.drawn = percent;
            let bar = "#".repeat(percent as usize / 4);
            eprint!("\rcounting responses [{bar:<25}] {percent:>3}%");
        }
    }

    fn finish(&self) {
        if self.on() {
            eprintln!();
        }
    }
}
