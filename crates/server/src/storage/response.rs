use crate::domain::*;
use sea_orm::entity::prelude::*;

/// One counted response. Nothing here refers to an invitation, a time, an address, a session or
/// the language it was answered in (which would narrow its anonymity set to that language's speakers).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "responses")]
pub struct Model {
    /// Random (UUIDv4), drawn again when the responses are rewritten at close.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub survey_id: SurveyId,
    /// The issuer key (hence the segment) the token was signed with.
    pub key_id: String,
    /// Hex of the token's nonce; unique.
    pub nonce: String,
    /// The RFC 9578 token, base64url.
    pub token: String,
    /// The canonical encoding of the validated answers (JSON text).
    pub answers: String,
    pub answers_digest: String,
    pub receipt: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
