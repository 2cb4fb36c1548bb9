use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};
use survey_i18n::t;

/// Where a survey is in its life: draft → scheduled → open → closed → published (and back from
/// scheduled to draft). Stored as its lowercase name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum SurveyState {
    Draft,
    Scheduled,
    Open,
    Closed,
    Published,
}

impl SurveyState {
    pub const ALL: [Self; 5] = [Self::Draft, Self::Scheduled, Self::Open, Self::Closed, Self::Published];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|state| state.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Scheduled => "scheduled",
            Self::Open => "open",
            Self::Closed => "closed",
            Self::Published => "published",
        }
    }

    /// The state's name as the interface shows it, in every language the interface has.
    pub fn label(self, lang: crate::views::UiLang) -> String {
        match self {
            Self::Draft => t!(lang, "operator-draft"),
            Self::Scheduled => t!(lang, "operator-scheduled"),
            Self::Open => t!(lang, "operator-open"),
            Self::Closed => t!(lang, "operator-closed"),
            Self::Published => t!(lang, "operator-published"),
        }
    }

    /// The states an operator may move a survey to from this one.
    pub fn next(self) -> &'static [SurveyState] {
        match self {
            Self::Draft => &[Self::Scheduled],
            Self::Scheduled => &[Self::Draft, Self::Open],
            Self::Open => &[Self::Closed],
            Self::Closed => &[Self::Published],
            Self::Published => &[],
        }
    }

    /// Whether respondents' answers are final: the report can be made.
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Closed | Self::Published)
    }
}

/// Compares with a state's stored name (`state == "open"`).
impl PartialEq<&str> for SurveyState {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}
