use sea_orm::entity::prelude::*;

/// What a user may do. Stored as its lowercase name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)", rename_all = "snake_case")]
pub enum Role {
    /// The research firm's administrator: everything, including users and organisations.
    Admin,
    /// The research firm's analyst: surveys, rosters, plans; not users.
    Analyst,
    /// A client's manager: read-only portal of one organisation.
    Management,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Analyst => "analyst",
            Self::Management => "management",
        }
    }

    pub fn is_operator(self) -> bool {
        matches!(self, Self::Admin | Self::Analyst)
    }
}
