//! The questionnaire side of the anonymous employee survey platform: the questionnaire model, loading
//! and checking TOML templates, validating a respondent's answers, and planning fieldwork.
//!
//! Nothing here touches a database or the network, so the server, the CLI and the analysis all share
//! it.
//!
//! ```
//! use survey_design::Questionnaire;
//!
//! let template = r#"
//! id = "pulse"
//! version = 1
//! languages = ["ja", "en"]
//! default_language = "ja"
//! title = { ja = "パルス調査", en = "Pulse survey" }
//! anonymity_statement = { ja = "回答は匿名です。{k}人未満のグループの結果は示しません。", en = "Your answers are anonymous. No result is shown for a group of fewer than {k}." }
//!
//! [[sections]]
//! id = "main"
//! title = { ja = "質問", en = "Questions" }
//!
//! [[sections.questions]]
//! id = "recommend"
//! type = "rating"
//! required = true
//! text = { ja = "友人に勧めますか。", en = "Would you recommend us?" }
//! low_label = { ja = "勧めない", en = "Not likely" }
//! high_label = { ja = "勧める", en = "Very likely" }
//! "#;
//! let questionnaire = Questionnaire::from_toml(template, "pulse.toml").unwrap();
//!
//! let answers = questionnaire.validate_answers(&serde_json::json!({ "recommend": 9 })).unwrap();
//! assert_eq!(answers.canonical_bytes(), br#"{"recommend":9}"#);
//!
//! let errors = questionnaire.validate_answers(&serde_json::json!({ "recommend": 11 })).unwrap_err();
//! assert_eq!(errors.to_string(), "recommend: 11 is outside the allowed range 0 to 10");
//! ```

pub mod answer;
pub mod condition;
pub mod id;
pub mod plan;
pub mod questionnaire;
pub mod statement;
pub mod template;
pub mod text;
pub mod translate;

pub use answer::{Answer, AnswerError, AnswerErrorKind, AnswerErrors, Answers, Choice, ScaleAnswer};
pub use condition::{Comparison, Condition, Operand};
pub use id::{IdError, ItemId, OptionId, QuestionId, QuestionnaireId, SectionId, TopicId};
pub use plan::{LeadTimes, Milestone, Plan, PlanError, Step, WorkCalendar};
pub use questionnaire::{
    ChoiceOption, Choices, Decimal, MatrixItem, Other, Question, QuestionKind, Questionnaire, Scale, Section, Topic,
};
pub use statement::Thresholds;
pub use template::{Diagnostic, TemplateErrors};
pub use text::{Lang, LangError, Text};
