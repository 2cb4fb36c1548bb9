//! Accounts: the first operator admin, operators, and management users of an organisation.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use survey_i18n::msg;

use sea_orm::TransactionTrait;

use crate::domain::{Email, Name, NameOf, OrganisationId, Role, UserId};
use crate::error::AppError;
use crate::services::audit;
use crate::services::auth::{password, random_token};
use crate::storage::{organisation, user};

/// A new account as entered; `create` checks it.
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub password: String,
    pub role: Role,
    pub organisation_id: Option<OrganisationId>,
}

/// Makes an account (the first admin, `survey admin`, the tests). Unaudited: the actions that
/// people take audit themselves, as [`add_manager`] does.
pub async fn create(db: &sea_orm::DatabaseConnection, new: NewUser) -> Result<user::Model, AppError> {
    insert(db, new, None).await
}

/// Checks, hashes the password, then stores the account and (for an `actor`) the audit entry in
/// one transaction whose first statement writes, so that two at once on SQLite wait for each other
/// instead of failing to upgrade a read lock.
async fn insert(db: &sea_orm::DatabaseConnection, new: NewUser, actor: Option<&str>) -> Result<user::Model, AppError> {
    let email = Email::parse(&new.email).map_err(AppError::BadRequest)?.into_inner();
    let name = Name::parse(&new.name, NameOf::Person)?;
    password::check_strength(&new.password)?;
    match (new.role, new.organisation_id) {
        (Role::Management, None) => {
            return Err(AppError::BadRequest(msg!("error-management-user-belongs-organisation")));
        }
        (Role::Management, Some(org)) if organisation::Entity::find_by_id(org).one(db).await?.is_none() => {
            return Err(AppError::NotFound);
        }
        (Role::Admin | Role::Analyst, Some(_)) => {
            return Err(AppError::BadRequest(msg!("error-operators-do-not-belong-client")));
        }
        _ => {}
    }
    let taken = |email: &str| AppError::Conflict(msg!("error-there-already-account", email = email.to_string()));
    if user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .one(db)
        .await?
        .is_some()
    {
        return Err(taken(&email));
    }
    let hash = password::hash(new.password).await?;
    // Hashing takes a while: the unique index decides between two requests for one address (a
    // double click) that both passed the check above.
    let conflict = taken(&email);
    let txn = db.begin().await?;
    let created = user::ActiveModel {
        id: Set(UserId::new()),
        email: Set(email),
        name: Set(name.into_inner()),
        password_hash: Set(hash),
        role: Set(new.role),
        organisation_id: Set(new.organisation_id),
        disabled: Set(false),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await
    .map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => conflict,
        _ => e.into(),
    })?;
    if let Some(actor) = actor {
        audit::record(&txn, actor, "management user created", &created.email).await?;
    }
    txn.commit().await?;
    Ok(created)
}

/// Adds a management user to a client organisation (the operator admins' action).
pub async fn add_manager(
    db: &sea_orm::DatabaseConnection,
    actor: &str,
    organisation_id: OrganisationId,
    email: String,
    name: String,
    password: String,
) -> Result<user::Model, AppError> {
    let new = NewUser {
        email,
        name,
        password,
        role: Role::Management,
        organisation_id: Some(organisation_id),
    };
    insert(db, new, Some(actor)).await
}

/// On a database without any user, makes the first operator admin and returns its e-mail and a
/// one-time password, to be printed once.
pub async fn bootstrap_admin(db: &sea_orm::DatabaseConnection) -> Result<Option<(String, String)>, sea_orm::DbErr> {
    if user::Entity::find().count(db).await? > 0 {
        return Ok(None);
    }
    let password = random_token();
    let email = "admin@survey.local".to_owned();
    let created = create(
        db,
        NewUser {
            email: email.clone(),
            name: "Administrator".into(),
            password: password.clone(),
            role: Role::Admin,
            organisation_id: None,
        },
    )
    .await;
    match created {
        Ok(_) => Ok(Some((email, password))),
        Err(AppError::Database(e)) => Err(e),
        Err(other) => Err(sea_orm::DbErr::Custom(other.to_string())),
    }
}

/// Why a password was not changed, for the page to say in its language.
#[derive(Debug)]
pub enum PasswordRefusal {
    WrongCurrent,
    TooWeak,
    Failed(AppError),
}

impl From<AppError> for PasswordRefusal {
    fn from(e: AppError) -> Self {
        Self::Failed(e)
    }
}

/// A user's own password change: the current one proves it is them.
pub async fn change_password(
    db: &sea_orm::DatabaseConnection,
    account: &user::Model,
    current: &str,
    new: &str,
) -> Result<(), PasswordRefusal> {
    if !password::verify(current.to_owned(), account.password_hash.clone()).await? {
        return Err(PasswordRefusal::WrongCurrent);
    }
    if password::check_strength(new).is_err() {
        return Err(PasswordRefusal::TooWeak);
    }
    let hash = password::hash(new.to_owned()).await?;
    let txn = db.begin().await.map_err(AppError::from)?;
    let mut active: user::ActiveModel = account.clone().into();
    active.password_hash = Set(hash);
    active.update(&txn).await.map_err(AppError::from)?;
    audit::record(&txn, &account.email, "password changed", "")
        .await
        .map_err(AppError::from)?;
    txn.commit().await.map_err(AppError::from)?;
    Ok(())
}

/// Disables an account or enables it again (an operator admin's action), with its audit entry, in
/// one transaction whose first statement writes. Disabling ends the account's sessions and revokes
/// its API tokens in the same transaction, so they stop working at once (the extractors also refuse
/// a disabled user, whatever they hold). An admin cannot disable their own account, so at least one
/// admin always remains to undo a mistake.
pub async fn set_disabled(
    db: &sea_orm::DatabaseConnection,
    actor: &user::Model,
    id: UserId,
    disabled: bool,
) -> Result<user::Model, AppError> {
    use crate::storage::{api_token, session};
    if disabled && actor.id == id {
        return Err(AppError::Conflict(msg!("error-you-cannot-disable-your-own")));
    }
    let txn = db.begin().await?;
    let changed = user::Entity::update_many()
        .col_expr(user::Column::Disabled, sea_orm::sea_query::Expr::value(disabled))
        .filter(user::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    if changed.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    let account = user::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if disabled {
        session::Entity::delete_many()
            .filter(session::Column::UserId.eq(id))
            .exec(&txn)
            .await?;
        api_token::Entity::delete_many()
            .filter(api_token::Column::UserId.eq(id))
            .exec(&txn)
            .await?;
    }
    let action = if disabled { "user disabled" } else { "user enabled" };
    audit::record(&txn, &actor.email, action, &account.email).await?;
    txn.commit().await?;
    Ok(account)
}
