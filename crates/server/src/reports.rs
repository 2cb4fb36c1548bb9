//! A closed survey's report, built by `survey-analysis` from the stored responses: the server only
//! reads them, the analysis crate counts and applies the anonymity rules.

use rand::seq::SliceRandom;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use survey_analysis::{Aggregate, Report, report};

use crate::entities::{report_file, response, survey};
use crate::error::AppError;
use crate::state::AppState;
use crate::surveys::{self, State};

/// The report of a closed or published survey.
pub async fn build(state: &AppState, s: &survey::Model) -> Result<Report, AppError> {
    if !matches!(surveys::state_of(s), State::Closed | State::Published) {
        return Err(AppError::conflict(
            "a report is made once the survey is closed",
            "報告は調査の締切後に作られます",
        ));
    }
    let q = state.questionnaires.get(s)?;
    let segments: std::collections::HashMap<String, String> = crate::issuance::keys(&state.db, s.id)
        .await?
        .into_iter()
        .map(|k| (k.key_id, k.segment))
        .collect();
    let mut data = Aggregate::new(&q);
    let rows = response::Entity::find()
        .filter(response::Column::SurveyId.eq(s.id))
        .all(&state.db)
        .await?;
    for row in rows {
        let raw: serde_json::Value = serde_json::from_str(&row.answers).map_err(AppError::internal)?;
        // Stored answers were validated on arrival and the questionnaire is frozen: this holds.
        let answers = q.validate_answers(&raw).map_err(AppError::internal)?;
        let segment = segments.get(&row.key_id).map_or("", String::as_str);
        data.add(&q, segment, &answers);
    }
    let invited: Vec<(String, u64)> = crate::roster::rates(&state.db, s.id)
        .await?
        .segments
        .into_iter()
        .map(|r| (r.segment, u64::try_from(r.invitees).unwrap_or(0)))
        .collect();
    let k = u64::try_from(s.k_threshold).unwrap_or(u64::MAX);
    let comment_k = u64::try_from(s.comment_threshold).unwrap_or(u64::MAX);
    Ok(report::build(&q, &data, &invited, k, comment_k, &mut |texts| {
        texts.shuffle(&mut rand::rng())
    }))
}

/// The files a published report consists of: (format, file name, media type, content).
pub async fn render(
    state: &AppState,
    s: &survey::Model,
) -> Result<Vec<(&'static str, String, &'static str, Vec<u8>)>, AppError> {
    let report = build(state, s).await?;
    let q = state.questionnaires.get(s)?;
    let lang = if q.default_language().is_japanese() {
        crate::views::UiLang::Ja
    } else {
        crate::views::UiLang::En
    };
    let title = format!("{} — {}", q.title().get(q.default_language()), s.name);
    let html = crate::views::report::standalone(&title, lang, crate::views::report::body(&q, &report, lang));
    let xlsx = survey_analysis::xlsx::render(&q, &report, q.default_language()).map_err(AppError::internal)?;
    Ok(vec![
        (
            "xlsx",
            format!("report-{}.xlsx", s.id),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            xlsx,
        ),
        (
            "html",
            format!("report-{}.html", s.id),
            "text/html; charset=utf-8",
            html.into_bytes(),
        ),
        (
            "csv",
            format!("report-{}.csv", s.id),
            "text/csv; charset=utf-8",
            survey_analysis::csv::render(&report).into_bytes(),
        ),
    ])
}

/// Stores the rendered files of a report being published, with their hashes.
pub async fn store(
    txn: &impl sea_orm::ConnectionTrait,
    survey_id: uuid::Uuid,
    files: Vec<(&'static str, String, &'static str, Vec<u8>)>,
) -> Result<(), AppError> {
    use sea_orm::Set;
    report_file::Entity::delete_many()
        .filter(report_file::Column::SurveyId.eq(survey_id))
        .exec(txn)
        .await?;
    let now = chrono::Utc::now();
    for (format, file_name, media_type, content) in files {
        let sha256 = survey_token::tally::hex(ring::digest::digest(&ring::digest::SHA256, &content).as_ref());
        report_file::Entity::insert(report_file::ActiveModel {
            survey_id: Set(survey_id),
            format: Set(format.to_owned()),
            file_name: Set(file_name),
            media_type: Set(media_type.to_owned()),
            content: Set(content),
            sha256: Set(sha256),
            published_at: Set(now),
        })
        .exec_without_returning(txn)
        .await?;
    }
    Ok(())
}

/// The published files of a survey (without their content), in format order.
pub async fn published(
    db: &impl sea_orm::ConnectionTrait,
    survey_id: uuid::Uuid,
) -> Result<Vec<(String, String, String)>, AppError> {
    use sea_orm::{QueryOrder, QuerySelect};
    Ok(report_file::Entity::find()
        .select_only()
        .columns([
            report_file::Column::Format,
            report_file::Column::FileName,
            report_file::Column::Sha256,
        ])
        .filter(report_file::Column::SurveyId.eq(survey_id))
        .order_by_asc(report_file::Column::Format)
        .into_tuple()
        .all(db)
        .await?)
}

/// One published file as a download; the HTML report may be viewed in the browser, with a policy
/// that lets its inline stylesheet apply and nothing else run.
pub async fn download(
    db: &impl sea_orm::ConnectionTrait,
    survey_id: uuid::Uuid,
    format: &str,
) -> Result<actix_web::HttpResponse, AppError> {
    let file = report_file::Entity::find_by_id((survey_id, format.to_owned()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut response = actix_web::HttpResponse::Ok();
    response
        .content_type(file.media_type.as_str())
        .insert_header(("X-Content-SHA256", file.sha256.as_str()));
    if file.format == "html" {
        response.insert_header((
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
        ));
    } else {
        response.insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{}\"", file.file_name),
        ));
    }
    Ok(response.body(file.content))
}

/// The published files as a list of links, with their hashes.
pub fn file_list(
    files: &[(String, String, String)],
    href: impl Fn(&str) -> String,
    lang: crate::views::UiLang,
) -> maud::Markup {
    maud::html! {
        @if files.is_empty() {
            p.muted { (lang.t("報告書は公開され次第ここに表示されます。", "Reports appear here once they are published.")) }
        } @else {
            table {
                thead { tr { th { (lang.t("ファイル", "File")) } th { "SHA-256" } } }
                tbody {
                    @for (format, name, sha) in files {
                        tr { td { a href=(href(format)) { (name) } } td { code.fingerprint { (sha) } } }
                    }
                }
            }
        }
    }
}
