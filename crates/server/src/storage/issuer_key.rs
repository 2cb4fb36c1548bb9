use crate::domain::*;
use sea_orm::entity::prelude::*;

/// A survey segment's issuer key pair, made when the survey is scheduled.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "issuer_keys")]
pub struct Model {
    /// Hex of the RFC 9578 key id (SHA-256 of the public key's SPKI).
    #[sea_orm(primary_key, auto_increment = false)]
    pub key_id: String,
    pub survey_id: SurveyId,
    pub segment: String,
    /// The RFC 9578 SPKI encoding.
    pub public_key: Vec<u8>,
    /// AES-256-GCM under the master key; see `survey_token::issuer`.
    pub sealed_private_key: Vec<u8>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
