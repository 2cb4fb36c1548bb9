//! Accounts: the first operator admin, operators, and management users of an organisation.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::auth::{Role, password, random_token};
use crate::entities::{organisation, user};
use crate::error::AppError;

/// A new account as entered; `create` checks it.
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub password: String,
    pub role: Role,
    pub organisation_id: Option<Uuid>,
}

pub async fn create(db: &impl ConnectionTrait, new: NewUser) -> Result<user::Model, AppError> {
    let email = new.email.trim().to_lowercase();
    if !looks_like_email(&email) {
        return Err(AppError::bad(
            format!("`{email}` is not an e-mail address"),
            format!("`{email}` はメールアドレスではありません"),
        ));
    }
    let name = crate::body::single_line(&new.name, ("the name", "名前"))?;
    if name.is_empty() {
        return Err(AppError::bad("the name is empty", "名前が空です"));
    }
    password::check_strength(&new.password)?;
    match (new.role, new.organisation_id) {
        (Role::Management, None) => {
            return Err(AppError::bad(
                "a management user belongs to an organisation",
                "経営陣ユーザーは組織に属します",
            ));
        }
        (Role::Management, Some(org)) if organisation::Entity::find_by_id(org).one(db).await?.is_none() => {
            return Err(AppError::NotFound);
        }
        (Role::Admin | Role::Analyst, Some(_)) => {
            return Err(AppError::bad(
                "operators do not belong to a client organisation",
                "オペレーターはクライアント組織に属しません",
            ));
        }
        _ => {}
    }
    let taken = |email: &str| {
        AppError::conflict(
            format!("there is already an account for {email}"),
            format!("{email} のアカウントはすでにあります"),
        )
    };
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
    user::ActiveModel {
        id: Set(Uuid::new_v4()),
        email: Set(email),
        name: Set(name.to_owned()),
        password_hash: Set(hash),
        role: Set(new.role.as_str().to_owned()),
        organisation_id: Set(new.organisation_id),
        disabled: Set(false),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await
    .map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => conflict,
        _ => e.into(),
    })
}

/// A plain check that catches typing mistakes; the mail server has the last word.
pub fn looks_like_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == ',' || c == ';' || c == '<' || c == '>')
        && !domain.contains('@')
}

/// On a database without any user, makes the first operator admin and returns its e-mail and a
/// one-time password, to be printed once.
pub async fn bootstrap_admin(db: &impl ConnectionTrait) -> Result<Option<(String, String)>, sea_orm::DbErr> {
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

#[cfg(test)]
mod tests {
    use super::looks_like_email;

    #[test]
    fn plausible_addresses_pass_and_typos_do_not() {
        for ok in ["a@b.co", "taro.yamada@example.co.jp", "x+tag@sub.example.com"] {
            assert!(looks_like_email(ok), "{ok}");
        }
        for bad in [
            "",
            "a",
            "a@b",
            "@b.co",
            "a@.co",
            "a@b.",
            "a b@c.co",
            "a@b.co;c@d.co",
            "a@@b.co",
        ] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }
}
