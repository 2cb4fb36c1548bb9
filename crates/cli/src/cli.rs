//! The command-line interface: every subcommand and flag, with its help text.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use survey_server::domain::SurveyId;

#[derive(Debug, Parser)]
#[command(
    name = "survey",
    version,
    about = "Anonymous employee surveys: templates and fieldwork plans"
)]
pub struct Cli {
    /// Without a command, `survey` runs the server (`survey serve`).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Configuration file (TOML); `SURVEY__…` environment variables override it.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server: migrations, templates, scheduler, web interface (the default).
    Serve,
    /// Apply the database migrations and exit.
    Migrate,
    /// Manage operator accounts.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// The master key that seals the issuer keys.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// The roster's personal data after fieldwork.
    Roster {
        #[command(subcommand)]
        command: RosterCommand,
    },
    /// Check, show and describe questionnaire templates.
    Template {
        #[command(subcommand)]
        command: TemplateCommand,
    },
    /// Propose a fieldwork schedule backwards from the programme's start date.
    Plan(PlanArgs),
    /// Render a report (PDF, HTML, XLSX, CSV) of a closed survey in the database, or of a
    /// questionnaire and a JSON Lines file of responses, with the analysis and anonymity rules the
    /// server publishes with.
    Report(ReportArgs),
    /// The firm's anonymous data file of a closed survey (never for management).
    Data {
        #[command(subcommand)]
        command: DataCommand,
    },
    /// Write synthetic responses as JSON Lines (for trying reports and benchmarks): segments with
    /// attitudes of their own, skewed answers, Japanese and English comments.
    Generate(GenerateArgs),
    /// Check a survey's published tally (the auditor's tool).
    Tally {
        #[command(subcommand)]
        command: TallyCommand,
    },
    /// Check the browser client a server gives respondents against this release.
    Client {
        #[command(subcommand)]
        command: ClientCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum ClientCommand {
    /// Fetch a survey's public page and every script and stylesheet served to respondents, and
    /// compare their SHA-256 (as published and as served) with the files of this release, compiled
    /// into this binary. Exit status 0 when all match, 1 naming each file that differs.
    Verify {
        /// The survey's public page (https://…/s/<survey id>), or another of its pages.
        url: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TallyCommand {
    /// Check an exported tally (`tally.json`): every token valid under the published keys and bound
    /// to the survey, no nonce twice, and the count and Merkle root as stated (exit status 2 if not).
    Verify {
        file: PathBuf,
        /// The Merkle root published on the survey's page, to compare with the file's (hex).
        #[arg(long, value_name = "HEX")]
        root: Option<String>,
        /// A respondent's receipt (hex): check that the tally lists it.
        #[arg(long, value_name = "HEX")]
        receipt: Option<String>,
        /// With --receipt and --answers: the salt shown with the receipt (base64url), to check that
        /// the receipt's entry commits to these answers.
        #[arg(long, value_name = "BASE64URL", requires_all = ["receipt", "answers"])]
        salt: Option<String>,
        /// With --receipt and --salt: a file holding the answers in their canonical encoding, as the
        /// server echoed them when it stored the response.
        #[arg(long, value_name = "FILE", requires_all = ["receipt", "salt"])]
        answers: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Master key rotation: open every issuer key with the current master key (as the server is
    /// configured) and seal it with the new one from SURVEY_NEW_MASTER_KEY (base64 of 32 random
    /// bytes), in one transaction. Stop the servers first; when the current key is the data
    /// folder's master.key file, the file is replaced; otherwise configure the new key on every
    /// server before starting them again.
    Reseal,
}

#[derive(Debug, Subcommand)]
pub enum RosterCommand {
    /// Retention: drop the e-mail addresses, roster attributes and invitation codes of a closed
    /// survey, and its messages in the mail outbox, keeping each invitee's segment and whether a
    /// ballot was taken (so segment counts and response rates stay as reported). Cannot be undone.
    Purge {
        /// The survey's id (from the operator's survey page).
        #[arg(long, value_name = "ID")]
        survey: SurveyId,
    },
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create an operator account; the password comes from SURVEY_ADMIN_PASSWORD or is generated
    /// and printed once.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// `admin` (everything) or `analyst` (surveys, not accounts).
        #[arg(long, default_value = "admin")]
        role: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TemplateCommand {
    /// Check templates and print every problem as `file:line:col: message` (exit status 2 if any).
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print a template as readable text.
    Show {
        file: PathBuf,
        /// Language to show (default: the template's default language).
        #[arg(long)]
        lang: Option<String>,
    },
    /// Print the JSON Schema of the template format, for editors.
    Schema,
    /// A translator's round trip: the template's texts as XLIFF 2.0, and back.
    Translate {
        #[command(subcommand)]
        command: TranslateCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum TranslateCommand {
    /// Write the template's texts as XLIFF 2.0: source in its default language, target in LANG
    /// (the existing translation, or empty), a note saying where each text is.
    Export {
        file: PathBuf,
        #[arg(long)]
        lang: String,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Merge a translated XLIFF file back into the template; refuses, naming every unit, a target
    /// left empty or a source changed since the export (exit status 2).
    Import {
        file: PathBuf,
        xliff: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PlanFormat {
    Table,
    Json,
    Ics,
}

#[derive(Debug, clap::Args)]
pub struct PlanArgs {
    /// The day the alumni programme starts (YYYY-MM-DD).
    #[arg(long)]
    pub start: NaiveDate,
    #[arg(long, value_enum, default_value = "table")]
    pub format: PlanFormat,
    /// Language of the step names: `ja` or `en`.
    #[arg(long, default_value = "ja")]
    pub lang: String,
    /// Name of the survey, used in calendar event titles.
    #[arg(long, default_value = "Alumni network survey")]
    pub name: String,
    /// A day off besides weekends (repeatable).
    #[arg(long = "holiday", value_name = "DATE")]
    pub holidays: Vec<NaiveDate>,
    /// A file of days off: one YYYY-MM-DD per line, `#` starts a comment.
    #[arg(long, value_name = "FILE")]
    pub holidays_file: Option<PathBuf>,
    /// Refuse a plan whose first step falls before this day (default: today).
    #[arg(long, value_name = "DATE")]
    pub not_before: Option<NaiveDate>,
    /// Working days from the employee briefing to the questionnaire sign-off.
    #[arg(long, value_name = "DAYS")]
    pub briefing_days: Option<u32>,
    /// Working days from sign-off to the opening of fieldwork.
    #[arg(long, value_name = "DAYS")]
    pub sign_off_days: Option<u32>,
    /// Working days fieldwork stays open.
    #[arg(long, value_name = "DAYS")]
    pub fieldwork_days: Option<u32>,
    /// A reminder so many working days after the opening (repeatable; replaces the defaults).
    #[arg(long = "reminder", value_name = "DAYS")]
    pub reminders: Vec<u32>,
    /// Working days from the close to the delivery of the report.
    #[arg(long, value_name = "DAYS")]
    pub analysis_days: Option<u32>,
    /// Working days from report delivery to the debrief meeting.
    #[arg(long, value_name = "DAYS")]
    pub report_days: Option<u32>,
    /// Working days from the debrief meeting to the programme start.
    #[arg(long, value_name = "DAYS")]
    pub debrief_days: Option<u32>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReportFormat {
    Csv,
    Html,
    Xlsx,
    Pdf,
    /// The debrief deck.
    Pptx,
    /// Every format, into the `--output` folder.
    All,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The questionnaire (TOML), with `--responses`.
    #[arg(long, value_name = "FILE", requires = "responses", conflicts_with = "survey")]
    pub questionnaire: Option<PathBuf>,
    /// The responses, one JSON object per line: `{"segment": "department=Sales", "answers": {…}}`.
    #[arg(long, value_name = "FILE", requires = "questionnaire")]
    pub responses: Option<PathBuf>,
    /// Or: a closed survey in the database that the server's configuration (`--config`) names.
    #[arg(long, value_name = "ID", required_unless_present = "questionnaire")]
    pub survey: Option<SurveyId>,
    /// Invitees per segment, as CSV lines `segment,count` (for response rates).
    #[arg(long, value_name = "FILE", requires = "responses")]
    pub invited: Option<PathBuf>,
    /// The responses of an earlier wave (JSON Lines), for trends on the questions both share.
    #[arg(long, value_name = "FILE", requires = "responses")]
    pub previous: Option<PathBuf>,
    /// The earlier wave's questionnaire, when it differs from this one.
    #[arg(long, value_name = "FILE", requires = "previous")]
    pub previous_questionnaire: Option<PathBuf>,
    /// The anonymity threshold: no figure for fewer respondents (3 or more).
    #[arg(long, default_value_t = 5, requires = "responses")]
    pub k: u64,
    /// Free-text comments only for groups of at least this many respondents.
    #[arg(long, default_value_t = 10, requires = "responses")]
    pub comment_k: u64,
    /// The client organisation, for the PDF's cover and the deck's title slide.
    #[arg(long, default_value = "")]
    pub organisation: String,
    /// The report's language: one of the questionnaire's that has a reports catalog (`ja`, `en`,
    /// `zh-Hans`, `vi`, …); the questionnaire's default when absent.
    #[arg(long)]
    pub lang: Option<String>,
    /// The fieldwork period, for the PDF's cover and the deck's title slide (e.g.
    /// `2026-10-01 – 2026-10-14`).
    #[arg(long, default_value = "")]
    pub period: String,
    #[arg(long, value_enum, default_value = "csv")]
    pub format: ReportFormat,
    /// Print how long each step took (counting, the model, each format) on standard error.
    #[arg(long)]
    pub timings: bool,
    /// Where to write: a file (standard output when absent), or a folder for `--format all`.
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// The questionnaire (TOML).
    #[arg(long, value_name = "FILE")]
    pub questionnaire: PathBuf,
    /// How many responses.
    #[arg(long, default_value_t = 1000)]
    pub responses: u64,
    /// Segments and their weights, e.g. `department=Sales:40,department=Legal:3`.
    #[arg(
        long,
        default_value = "department=Sales:40,department=Engineering:35,department=Support:20,department=Legal:5"
    )]
    pub segments: String,
    /// Seed of the random generator, for a reproducible data set.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

#[derive(Debug, Subcommand)]
pub enum DataCommand {
    /// Write a closed survey's responses as CSV or SPSS `.sav`, a row per response in the random
    /// order of the close, the group column merged up to k responses per value; the codebook
    /// (CSV) is written beside it as `FILE.codebook.csv`.
    Export(DataExportArgs),
}

#[derive(Debug, clap::Args)]
pub struct DataExportArgs {
    /// The survey's id.
    #[arg(long, value_name = "ID")]
    pub survey: SurveyId,
    #[arg(long, value_enum)]
    pub format: DataFormat,
    /// The language of the labels (one of the questionnaire's); its default when not given.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Include the free texts ("other" answers and text questions): a person's own words can name
    /// them, so they are left out unless asked for (and only from the comment threshold).
    #[arg(long)]
    pub free_text: bool,
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DataFormat {
    Csv,
    Sav,
}
