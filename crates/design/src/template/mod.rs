//! Loading a questionnaire from a TOML template.
//!
//! Loading reports **every** problem of a template at once, each with its position, what is wrong and
//! how to fix it, the way a compiler does; see `docs/template-format.md` for the format.

mod build;
mod reader;
mod source;

use std::fmt;
use std::path::Path;

use survey_i18n::{Arg, Message, msg};

use crate::Questionnaire;
use source::LineIndex;

/// A JSON Schema (draft 2020-12) of the template format, for editors to complete and check
/// templates. What a schema cannot say (unique ids, conditions on earlier questions, every declared
/// language present) the loader still checks.
pub const SCHEMA: &str = include_str!("schema.json");

/// One problem in a template.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The file name as given to the loader.
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: Message,
    /// How to fix it, when there is something useful to say.
    pub hint: Option<Message>,
}

impl Diagnostic {
    /// The problem compiler-style, `file:line:column: message`, with the hint on a line of its own,
    /// to be worded in its reader's language.
    pub fn worded(&self) -> Message {
        // Positions as text: a line number is a place, not a quantity to write `1,204`.
        let (file, line, column) = (self.file.as_str(), self.line.to_string(), self.column.to_string());
        let message = self.message.clone();
        match &self.hint {
            None => msg!(
                "design-diagnostic",
                file = file,
                line = line,
                column = column,
                message = message
            ),
            Some(hint) => msg!(
                "design-diagnostic-hinted",
                file = file,
                line = line,
                column = column,
                message = message,
                hint = hint.clone()
            ),
        }
    }
}

/// In English, as `survey template validate` prints it.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.worded(), f)
    }
}

/// Every problem found in a template, in the order they appear in the file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct TemplateErrors {
    pub diagnostics: Vec<Diagnostic>,
}

impl TemplateErrors {
    /// Every problem, one per line, to be worded in its reader's language.
    pub fn message(&self) -> Message {
        let problems = self.diagnostics.iter().map(Diagnostic::worded).collect();
        msg!("design-problems", problems = Arg::Lines(problems))
    }
}

/// In English, one problem per line.
impl fmt::Display for TemplateErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.message(), f)
    }
}

/// A problem before it is given a file and a line.
pub(crate) struct Problem {
    pub span: source::Span,
    pub message: Message,
    pub hint: Option<Message>,
    /// Another place the message is about (the first of two duplicates), named in the hint by line.
    pub related: Option<source::Span>,
}

impl Questionnaire {
    /// Builds a questionnaire from the text of a template. `file` names the source in messages.
    ///
    /// ```
    /// let template = r#"
    /// id = "pulse"
    /// version = 1
    /// languages = ["ja", "en"]
    /// default_language = "ja"
    /// title = { ja = "パルス調査", en = "Pulse survey" }
    /// anonymity_statement = { ja = "{k}人未満のグループの結果は示しません。", en = "No result for fewer than {k} people." }
    ///
    /// [[sections]]
    /// id = "main"
    /// title = { ja = "質問", en = "Questions" }
    ///
    /// [[sections.questions]]
    /// id = "recommend"
    /// type = "rating"
    /// text = { ja = "友人に勧めますか。", en = "Would you recommend us?" }
    /// low_label = { ja = "勧めない", en = "Not likely" }
    /// high_label = { ja = "勧める", en = "Very likely" }
    /// "#;
    /// let q = survey_design::Questionnaire::from_toml(template, "pulse.toml").unwrap();
    /// assert_eq!(q.questions().count(), 1);
    ///
    /// let broken = template.replace("low_label", "lowlabel");
    /// let errors = survey_design::Questionnaire::from_toml(&broken, "pulse.toml").unwrap_err();
    /// assert_eq!(
    ///     errors.to_string(),
    ///     "pulse.toml:13:1: question `recommend` is missing `low_label`\n  \
    ///        hint: add `low_label = { ja = \"…\", en = \"…\" }`: the label of 0\n\
    ///      pulse.toml:17:1: unknown key `lowlabel` in question `recommend`\n  \
    ///        hint: did you mean `low_label`?"
    /// );
    /// ```
    pub fn from_toml(text: &str, file: &str) -> Result<Self, TemplateErrors> {
        let problems = match source::parse(text) {
            Ok(root) => match build::build(&root, text) {
                Ok(questionnaire) => return Ok(questionnaire),
                Err(problems) => problems,
            },
            Err(syntax) => syntax
                .into_iter()
                .map(|e| Problem {
                    span: e.span,
                    message: e.message,
                    hint: None,
                    related: None,
                })
                .collect(),
        };
        Err(position(text, file, problems))
    }

    /// Reads and builds the template at `path`.
    pub fn load(path: &Path) -> Result<Self, TemplateErrors> {
        let file = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => Self::from_toml(&text, &file),
            Err(e) => Err(TemplateErrors {
                diagnostics: vec![Diagnostic {
                    file,
                    line: 1,
                    column: 1,
                    message: msg!("design-cannot-read", error = e.to_string()),
                    hint: None,
                }],
            }),
        }
    }
}

fn position(text: &str, file: &str, mut problems: Vec<Problem>) -> TemplateErrors {
    problems.sort_by_key(|p| p.span.start);
    let index = LineIndex::new(text);
    let diagnostics = problems
        .into_iter()
        .map(|p| {
            let (line, column) = index.position(p.span.start);
            let hint = match (p.hint, p.related) {
                (Some(hint), Some(related)) => Some(msg!(
                    "design-hint-first-at",
                    hint = hint,
                    line = index.position(related.start).0.to_string()
                )),
                (hint, _) => hint,
            };
            Diagnostic {
                file: file.to_owned(),
                line,
                column,
                message: p.message,
                hint,
            }
        })
        .collect();
    TemplateErrors { diagnostics }
}
