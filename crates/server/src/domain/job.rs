use sea_orm::DeriveValueType;
use sea_orm::entity::prelude::*;
use sea_orm::sea_query::ValueTypeErr;

/// What a scheduled job does. Stored as `open`, `invite`, `remind:N`, `close` or `compact`: a
/// reminder carries its number, so this is a value type over text rather than a fixed list of
/// names; an unknown stored kind is an error when the row is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DeriveValueType)]
#[sea_orm(value_type = "String")]
pub enum JobKind {
    Open,
    Invite,
    /// The n-th reminder (1-based).
    Remind(i32),
    Close,
    /// After the close: compacting the storage, so that no page keeps the responses in arrival
    /// order. Made by the close itself, and retried until it succeeds.
    Compact,
}

impl std::fmt::Display for JobKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Open => f.write_str("open"),
            Self::Invite => f.write_str("invite"),
            Self::Remind(n) => write!(f, "remind:{n}"),
            Self::Close => f.write_str("close"),
            Self::Compact => f.write_str("compact"),
        }
    }
}

impl std::str::FromStr for JobKind {
    type Err = ValueTypeErr;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "open" => Ok(Self::Open),
            "invite" => Ok(Self::Invite),
            "close" => Ok(Self::Close),
            "compact" => Ok(Self::Compact),
            other => other
                .strip_prefix("remind:")
                .and_then(|n| n.parse().ok())
                .map(Self::Remind)
                .ok_or(ValueTypeErr),
        }
    }
}

/// Where a job is. Stored as its lowercase name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)", rename_all = "snake_case")]
pub enum JobState {
    Pending,
    Running,
    Done,
    Failed,
}

impl JobState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Running => "running",
            Self::Done => "done",
            Self::Failed => "failed",
        }
    }
}
