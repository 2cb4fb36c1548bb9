//! The operator's start page: every survey with its state and response rate.

use actix_web::{HttpResponse, web};
use maud::html;
use sea_orm::{EntityTrait, QueryOrder};
use survey_i18n::t;

use crate::error::AppError;
use crate::state::AppState;
use crate::storage::{organisation, survey};
use crate::views::UiLang;
use crate::views::components::state_badge;
use crate::views::layout::{html_response, page};
use crate::web::extract::Operator;

pub async fn show(state: web::Data<AppState>, user: Operator, lang: UiLang) -> Result<HttpResponse, AppError> {
    let surveys = survey::Entity::find()
        .order_by_desc(survey::Column::CreatedAt)
        .all(&state.db)
        .await?;
    let organisations = organisation::Entity::find().all(&state.db).await?;
    let org_name = |id| {
        organisations
            .iter()
            .find(|o| o.id == id)
            .map_or("?", |o| o.name.as_str())
    };
    let mut rows = Vec::new();
    for s in &surveys {
        let rates = crate::services::roster::rates(&state.db, s.id).await?;
        rows.push((s, rates.invitees, rates.tokens_issued));
    }
    let content = html! {
        div.actions { a href="/operator/surveys/new" { (t!(lang, "operator-new-survey")) } }
        @if rows.is_empty() {
            p.muted { (t!(lang, "operator-no-surveys-yet")) }
        } @else {
            table {
                thead { tr {
                    th { (t!(lang, "operator-survey")) } th { (t!(lang, "operator-client")) } th { (t!(lang, "operator-state")) }
                    th.num { (t!(lang, "operator-invitees")) } th.num { (t!(lang, "operator-tokens-issued")) }
                } }
                tbody {
                    @for (s, invitees, issued) in &rows {
                        tr {
                            td { a href={ "/operator/surveys/" (s.id) } { (s.name) } }
                            td { (org_name(s.organisation_id)) }
                            td { (state_badge(lang, s.state)) }
                            td.num { (invitees) }
                            td.num { (issued) }
                        }
                    }
                }
            }
        }
    };
    Ok(html_response(page(
        lang,
        &t!(lang, "operator-surveys"),
        Some(&user),
        content,
    )))
}
