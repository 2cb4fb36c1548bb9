//! Loading a questionnaire from a TOML template.
//!
//! Loading reports **every** problem of a template at once, each with its position, what is wrong and
//! how to fix it, the way a compiler does; see `docs/template-format.md` for the format.

mod build;
mod reader;
mod source;

use std::fmt;
use std::path::Path;

use crate::Questionnaire;
use source::LineIndex;

/// A JSON Schema (draft 2020-12) of the template format, for editors to complete and check
/// templates. What a schema cannot say (unique ids, conditions on earlier questions, every declared
/// language present) the loader still checks.
pub const SCHEMA: &str = include_str!("schema.json");

/// One problem in a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file name as given to the loader.
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when there is something useful to say.
    pub hint: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Every problem found in a template, in the order they appear in the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct TemplateErrors {
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for TemplateErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

/// A problem before it is given a file and a line.
pub(crate) struct Problem {
    pub span: source::Span,
    pub message: String,
    pub hint: Option<String>,
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
                    message: format!("invalid TOML: {}", e.message),
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
                    message: format!("cannot read the template: {e}"),
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
                (Some(hint), Some(related)) => Some(format!("{hint} (line {})", index.position(related.start).0)),
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
