//! The audit log page: the latest operator actions.

use actix_web::{HttpResponse, web};
use maud::html;
use sea_orm::{EntityTrait, QueryOrder, QuerySelect};
use survey_i18n::t;

use crate::error::AppError;
use crate::state::AppState;
use crate::storage::audit_log;
use crate::views::UiLang;
use crate::views::layout::{html_response, page};
use crate::web::extract::Operator;

pub async fn show(state: web::Data<AppState>, user: Operator, lang: UiLang) -> Result<HttpResponse, AppError> {
    let entries = audit_log::Entity::find()
        .order_by_desc(audit_log::Column::Id)
        .limit(500)
        .all(&state.db)
        .await?;
    let content = html! {
        table {
            thead { tr { th { (t!(lang, "operator-when-utc")) } th { (t!(lang, "operator-who")) } th { (t!(lang, "operator-action")) } th { (t!(lang, "operator-detail")) } } }
            tbody {
                @for e in &entries {
                    tr { td { (e.at.format("%Y-%m-%d %H:%M:%S")) } td { (e.actor) } td { (e.action) } td { (e.detail) } }
                }
            }
        }
    };
    Ok(html_response(page(
        lang,
        &t!(lang, "operator-audit-log"),
        Some(&user),
        content,
    )))
}
