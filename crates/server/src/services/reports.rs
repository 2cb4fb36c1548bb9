//! A closed survey's report, built by `survey-analysis` from the stored responses: the server only
//! reads them, the analysis crate counts and applies the anonymity rules.

use rand::seq::SliceRandom;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use survey_analysis::{Aggregate, Report, report};
use survey_i18n::msg;

use survey_design::plan::Milestone;
use survey_design::{Lang, Questionnaire};
use survey_report::{Document, Format, Meta, TallyFacts, Words};

use crate::error::AppError;
use crate::services::publishing::{Progress, Publishing};
use crate::services::surveys::{self, State};
use crate::state::AppState;
use crate::storage::{organisation, report_file, response, survey};

/// The report of a closed or published survey.
pub async fn build(state: &AppState, s: &survey::Model) -> Result<Report, AppError> {
    let q = state.questionnaires.get(s)?;
    build_from(&state.db, &q, s, &mut |_, _| {}).await
}

/// The same from a database connection alone (the `survey report` command), with `progress`
/// told (done, of) as the responses are counted.
pub async fn build_from(
    db: &sea_orm::DatabaseConnection,
    q: &std::sync::Arc<Questionnaire>,
    s: &survey::Model,
    progress: &mut (dyn FnMut(u64, u64) + Send),
) -> Result<Report, AppError> {
    if !matches!(s.state, State::Closed | State::Published) {
        return Err(AppError::Conflict(msg!("error-report-made-once-survey-closed")));
    }
    let segments: std::collections::HashMap<String, String> = crate::services::issuance::keys(db, s.id)
        .await?
        .into_iter()
        .map(|k| (k.key_id, k.segment))
        .collect();
    let data = count(db, q, s.id, segments, progress).await?;
    let invited: Vec<(String, u64)> = crate::services::roster::rates(db, s.id)
        .await?
        .segments
        .into_iter()
        .map(|r| (r.segment, u64::try_from(r.invitees).unwrap_or(0)))
        .collect();
    let k = u64::try_from(s.k_threshold).unwrap_or(u64::MAX);
    let comment_k = u64::try_from(s.comment_threshold).unwrap_or(u64::MAX);
    // The segments hidden at the close, so the report hides the very ones the public page does.
    let hidden = crate::services::responses::hidden_segments(s).unwrap_or_default();
    Ok(report::build_with(
        q,
        &data,
        &invited,
        k,
        comment_k,
        &hidden,
        &mut |texts| texts.shuffle(&mut rand::rng()),
    ))
}

/// Responses handed to a counting thread at a time: large enough that handing them over costs
/// little beside counting them, small enough that the pages in flight stay a few megabytes.
const PAGE: usize = 2000;

/// Counts a survey's responses as `survey report` counts a file: one query streams the rows in the
/// order the database keeps them (the close wrote them in random order), and pages of them are dealt
/// out in turn to one counting thread per core, each validating and counting into an aggregate of
/// its own, merged at the end. At most two pages per thread wait in memory: the stream is read only
/// as fast as they are counted. The reading awaits the database and the threads, so the server's
/// workers are never blocked.
async fn count(
    db: &sea_orm::DatabaseConnection,
    q: &std::sync::Arc<Questionnaire>,
    survey: crate::domain::SurveyId,
    segments: std::collections::HashMap<String, String>,
    progress: &mut (dyn FnMut(u64, u64) + Send),
) -> Result<Aggregate, AppError> {
    use futures_util::StreamExt;
    use sea_orm::{PaginatorTrait, QuerySelect};
    let of = response::Entity::find()
        .filter(response::Column::SurveyId.eq(survey))
        .count(db)
        .await?;
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let (mut pages, mut counted) = (Vec::new(), Vec::new());
    for _ in 0..workers {
        let (send, mut receive) = tokio::sync::mpsc::channel::<Vec<(std::sync::Arc<str>, String)>>(2);
        let (done, result) = tokio::sync::oneshot::channel();
        let q = q.clone();
        std::thread::spawn(move || {
            let mut data = Aggregate::new(&q);
            while let Some(page) = receive.blocking_recv() {
                for (segment, text) in page {
                    // Stored answers were validated on arrival and the questionnaire is frozen.
                    let answers = serde_json::from_str::<survey_design::answer::Entries>(&text)
                        .map_err(AppError::internal)
                        .and_then(|entries| q.validate_entries(entries.iter()).map_err(AppError::internal));
                    match answers {
                        Ok(answers) => data.add(&q, &segment, &answers),
                        Err(e) => {
                            let _ = done.send(Err(e));
                            return;
                        }
                    }
                }
            }
            let _ = done.send(Ok(data));
        });
        pages.push(send);
        counted.push(result);
    }
    let segments: std::collections::HashMap<String, std::sync::Arc<str>> = segments
        .into_iter()
        .map(|(key, segment)| (key, segment.into()))
        .collect();
    // As many streams as counting threads, each over its own range of ids (on a connection of
    // its own), so that reading keeps up with counting.
    let done = std::sync::atomic::AtomicU64::new(0);
    let progress = std::sync::Mutex::new(progress);
    let bounds: Vec<uuid::Uuid> = (1..workers)
        .map(|i| uuid::Uuid::from_bytes([u8::try_from(i * 256 / workers).unwrap_or(u8::MAX); 16]))
        .collect();
    let ranges: Vec<(Option<uuid::Uuid>, Option<uuid::Uuid>)> = std::iter::once(None)
        .chain(bounds.iter().copied().map(Some))
        .zip(bounds.iter().copied().map(Some).chain(std::iter::once(None)))
        .collect();
    let readers = ranges.into_iter().enumerate().map(|(r, (from, to))| {
        let (pages, segments, done, progress) = (&pages, &segments, &done, &progress);
        async move {
            let mut query = response::Entity::find()
                .select_only()
                .columns([response::Column::KeyId, response::Column::Answers])
                .filter(response::Column::SurveyId.eq(survey));
            if let Some(from) = from {
                query = query.filter(response::Column::Id.gte(from));
            }
            if let Some(to) = to {
                query = query.filter(response::Column::Id.lt(to));
            }
            let mut rows = query.into_tuple::<(String, String)>().stream(db).await?;
            let unknown: std::sync::Arc<str> = "".into();
            let (mut page, mut turn) = (Vec::with_capacity(PAGE), r);
            loop {
                let row = rows.next().await.transpose()?;
                let last = row.is_none();
                if let Some((key, answers)) = row {
                    page.push((segments.get(&key).unwrap_or(&unknown).clone(), answers));
                }
                if page.len() == PAGE || (last && !page.is_empty()) {
                    let n = page.len() as u64;
                    let full = std::mem::replace(&mut page, Vec::with_capacity(PAGE));
                    // A thread that stopped has said why; that is reported below.
                    if pages[turn % pages.len()].send(full).await.is_err() {
                        break;
                    }
                    turn += 1;
                    let total = done.fetch_add(n, std::sync::atomic::Ordering::Relaxed) + n;
                    (progress.lock().unwrap_or_else(std::sync::PoisonError::into_inner))(total, of);
                }
                if last {
                    break;
                }
            }
            Ok::<(), AppError>(())
        }
    });
    futures_util::future::try_join_all(readers).await?;
    drop(pages);
    let mut data = Aggregate::new(q);
    for result in counted {
        data.merge(result.await.map_err(AppError::internal)??);
    }
    Ok(data)
}

/// The report laid out for reading, with what only the database knows: the client, the fieldwork
/// period and the published tally.
pub async fn document(state: &AppState, s: &survey::Model, report: &Report) -> Result<Document, AppError> {
    let q = state.questionnaires.get(s)?;
    document_from(&state.db, &q, s, report, Words::new(q.default_language())).await
}

/// The same from a database connection alone, in the language of `words`.
pub async fn document_from(
    db: &sea_orm::DatabaseConnection,
    q: &survey_design::Questionnaire,
    s: &survey::Model,
    report: &Report,
    words: Words,
) -> Result<Document, AppError> {
    let organisation = organisation::Entity::find_by_id(s.organisation_id)
        .one(db)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    let steps = surveys::plan_steps(s);
    let date_of = |m: Milestone| steps.iter().find(|x| x.milestone == m).map(|x| words.date(x.date));
    let period = match (date_of(Milestone::FieldworkOpen), date_of(Milestone::FieldworkClose)) {
        (Some(open), Some(close)) => format!("{open} – {close}"),
        _ => String::new(),
    };
    let tally = s.tally.as_ref().and_then(|t| {
        Some(TallyFacts {
            count: t.get("count")?.as_u64()?,
            root: t.get("root")?.as_str()?.to_owned(),
        })
    });
    let meta = Meta {
        organisation,
        period,
        issued: words.date(chrono::Utc::now().date_naive()),
        tally,
    };
    Ok(Document::new(q, report, meta, words))
}

/// The languages a report of `q` is published in when the operator names none: the
/// questionnaire's default.
pub fn default_languages(q: &Questionnaire) -> Vec<Lang> {
    vec![q.default_language().clone()]
}

/// The languages a report of `q` can be published in (those of its texts that have a reports
/// catalog), checked against what the operator asked for.
pub fn languages_asked(q: &Questionnaire, asked: &[Lang]) -> Result<Vec<Lang>, AppError> {
    let offered = survey_report::labels::languages(q);
    if asked.is_empty() {
        return Err(AppError::BadRequest(msg!("error-report-needs-a-language")));
    }
    match asked.iter().find(|l| !offered.contains(l)) {
        Some(missing) => Err(AppError::BadRequest(msg!(
            "error-report-language-not-offered",
            asked = missing.to_string(),
            offered = offered.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
        ))),
        None => {
            let mut languages = asked.to_vec();
            languages.dedup();
            Ok(languages)
        }
    }
}

/// One file of a report being published.
pub struct RenderedFile {
    pub language: Lang,
    pub format: Format,
    pub content: Vec<u8>,
}

/// The files a published report consists of: every format in each of `languages`; `progress`, when
/// given, is told how far it is.
pub async fn render(
    state: &AppState,
    s: &survey::Model,
    languages: &[Lang],
    progress: Option<&Publishing>,
) -> Result<Vec<RenderedFile>, AppError> {
    let q = state.questionnaires.get(s)?;
    let report = build_from(&state.db, &q, s, &mut |done, of| {
        if let Some(p) = progress {
            p.set(s.id, Progress::Counting { done, of });
        }
    })
    .await?;
    let report = std::sync::Arc::new(report);
    let mut files = Vec::new();
    for language in languages {
        if let Some(p) = progress {
            p.set(
                s.id,
                Progress::Writing {
                    language: language.to_string(),
                },
            );
        }
        let doc = document_from(&state.db, &q, s, &report, Words::new(language)).await?;
        let title = format!("{} — {}", doc.title, s.name);
        let (q, report, language) = (q.clone(), report.clone(), language.clone());
        // Typesetting and drawing take the CPU for a while: off the async workers.
        let rendered = actix_web::web::block(move || -> Result<_, AppError> {
            Format::ALL
                .into_iter()
                .map(|format| {
                    let content =
                        survey_report::render(format, &q, &report, &doc, &title).map_err(AppError::internal)?;
                    Ok(RenderedFile {
                        language: language.clone(),
                        format,
                        content,
                    })
                })
                .collect::<Result<Vec<_>, AppError>>()
        })
        .await
        .map_err(AppError::internal)??;
        files.extend(rendered);
    }
    Ok(files)
}

/// Stores the rendered files of a report being published, with their hashes.
pub async fn store(
    txn: &impl sea_orm::ConnectionTrait,
    survey_id: crate::domain::SurveyId,
    files: Vec<RenderedFile>,
) -> Result<(), AppError> {
    use sea_orm::Set;
    report_file::Entity::delete_many()
        .filter(report_file::Column::SurveyId.eq(survey_id))
        .exec(txn)
        .await?;
    let now = chrono::Utc::now();
    for file in files {
        let sha256 = survey_token::tally::hex(ring::digest::digest(&ring::digest::SHA256, &file.content).as_ref());
        report_file::Entity::insert(report_file::ActiveModel {
            survey_id: Set(survey_id),
            language: Set(file.language.to_string()),
            format: Set(file.format.extension().to_owned()),
            file_name: Set(format!(
                "report-{survey_id}.{}.{}",
                file.language,
                file.format.extension()
            )),
            media_type: Set(file.format.media_type().to_owned()),
            content: Set(file.content),
            sha256: Set(sha256),
            published_at: Set(now),
        })
        .exec_without_returning(txn)
        .await?;
    }
    Ok(())
}

/// A published file, without its content.
pub struct PublishedFile {
    pub language: String,
    pub format: String,
    pub file_name: String,
    pub sha256: String,
}

/// The published files of a survey, by language then format.
pub async fn published(
    db: &impl sea_orm::ConnectionTrait,
    survey_id: crate::domain::SurveyId,
) -> Result<Vec<PublishedFile>, AppError> {
    use sea_orm::{QueryOrder, QuerySelect};
    let rows: Vec<(String, String, String, String)> = report_file::Entity::find()
        .select_only()
        .columns([
            report_file::Column::Language,
            report_file::Column::Format,
            report_file::Column::FileName,
            report_file::Column::Sha256,
        ])
        .filter(report_file::Column::SurveyId.eq(survey_id))
        .order_by_asc(report_file::Column::Language)
        .order_by_asc(report_file::Column::Format)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(language, format, file_name, sha256)| PublishedFile {
            language,
            format,
            file_name,
            sha256,
        })
        .collect())
}

/// One published file as a download; the HTML report may be viewed in the browser, with a policy
/// that lets its inline stylesheet apply and nothing else run.
pub async fn download(
    db: &impl sea_orm::ConnectionTrait,
    survey_id: crate::domain::SurveyId,
    language: &str,
    format: &str,
) -> Result<actix_web::HttpResponse, AppError> {
    let file = report_file::Entity::find_by_id((survey_id, language.to_owned(), format.to_owned()))
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
