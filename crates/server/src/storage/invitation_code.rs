use sea_orm::entity::prelude::*;

/// A one-time invitation code, stored only as its HMAC. Each e-mail (invitation or reminder) carries
/// a fresh code, since the server cannot read an earlier one back.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invitation_codes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code_hmac: String,
    pub invitation_id: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
