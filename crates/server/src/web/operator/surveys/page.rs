//! The survey page: its state and next steps, response rate, settings, questionnaire, roster,
//! plan and jobs; and the auditor's tally file.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use maud::{Markup, html};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Deserialize;
use survey_design::Lang;
use survey_i18n::msg;
use survey_i18n::t;

use crate::domain::{JobKind, JobState, ReminderMode, SurveyId, SurveyState as State};
use crate::error::AppError;
use crate::services::publishing::Progress;
use crate::services::{roster, surveys};
use crate::state::AppState;
use crate::storage::{job, organisation, survey};
use crate::views::UiLang;
use crate::views::components::{file_list, rate_table, state_badge};
use crate::views::layout::{csrf_field, html_response, page};
use crate::web::extract::{CurrentUser, Operator};

#[derive(Deserialize)]
pub struct Done {
    done: Option<String>,
}

pub async fn show(
    state: web::Data<AppState>,
    user: Operator,
    lang: UiLang,
    path: web::Path<SurveyId>,
    query: web::Query<Done>,
) -> Result<HttpResponse, AppError> {
    let s = surveys::find(&state.db, *path).await?;
    let notice = query.done.as_deref().map(|d| match d {
        "created" => t!(lang, "operator-survey-created"),
        "settings" => t!(lang, "operator-settings-saved"),
        "questionnaire" => t!(lang, "operator-questionnaire-replaced"),
        "roster" => t!(lang, "operator-roster-imported"),
        "plan" => t!(lang, "operator-plan-saved"),
        "state" => t!(lang, "operator-state-changed"),
        "jobs" => t!(lang, "operator-reminder-due-now-goes-only"),
        "publishing" => t!(lang, "operator-publishing-started"),
        _ => String::new(),
    });
    // While this server publishes the survey, the page says how far it is and reloads itself.
    let (notice, problems, refresh) = match state.publishing.take(s.id) {
        Some(Progress::Counting { done, of }) => (
            Some(t!(lang, "operator-publishing-counting", done = done, of = of)),
            Vec::new(),
            true,
        ),
        Some(Progress::Writing { language }) => (
            Some(t!(
                lang,
                "operator-publishing-writing",
                language = survey_i18n::language_name(&language)
            )),
            Vec::new(),
            true,
        ),
        Some(Progress::Failed(message)) => (None, vec![message.get(lang)], false),
        None => (notice, Vec::new(), false),
    };
    let mut response = html_response(survey_page(&state, &user, lang, &s, notice.as_deref(), &problems).await?);
    // Reloaded without `?done=…`, so that the notice of the start gives way to the progress.
    if refresh && let Ok(value) = header::HeaderValue::from_str(&format!("2; url=/operator/surveys/{}", s.id)) {
        response.headers_mut().insert(header::REFRESH, value);
    }
    Ok(response)
}

/// The full tally of a closed survey, for an auditor: `survey tally verify tally.json` checks it.
pub async fn tally_json(
    state: web::Data<AppState>,
    _user: Operator,
    path: web::Path<SurveyId>,
) -> Result<HttpResponse, AppError> {
    let s = surveys::find(&state.db, *path).await?;
    if s.tally.is_none() {
        return Err(AppError::Conflict(msg!("error-tally-made-when-survey-closes-2")));
    }
    let closed = state.closed_tallies.get(&state.db, &state.settings, &s).await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"tally-{}.json\"", s.id),
        ))
        .json(&closed.tally))
}

/// The survey page, with a notice or a list of problems from the last action.
pub(super) async fn survey_page(
    state: &AppState,
    user: &CurrentUser,
    lang: UiLang,
    s: &survey::Model,
    notice: Option<&str>,
    problems: &[String],
) -> Result<Markup, AppError> {
    let q = surveys::questionnaire(s)?;
    let ui = Lang::parse(lang.code()).map_err(AppError::internal)?;
    let current = s.state;
    let org = organisation::Entity::find_by_id(s.organisation_id)
        .one(&state.db)
        .await?;
    let rates = roster::rates(&state.db, s.id).await?;
    let jobs = job::Entity::find()
        .filter(job::Column::SurveyId.eq(s.id))
        .order_by_asc(job::Column::RunAt)
        .all(&state.db)
        .await?;
    let languages = surveys::languages(s);
    let breakdowns = surveys::breakdowns(s);
    let draft = current == State::Draft;
    let open = current == State::Open;
    let (invitees, issued) = (rates.invitees, rates.tokens_issued);
    let plan_steps = surveys::plan_steps(s);
    let files = crate::services::reports::published(&state.db, s.id).await?;
    let content = html! {
        @if let Some(notice) = notice.filter(|n| !n.is_empty()) { p.notice.ok { (notice) } }
        @if !problems.is_empty() {
            div.notice.bad { ul.problems { @for p in problems { li { (p) } } } }
        }
        p {
            (state_badge(lang, s.state)) " · "
            (org.as_ref().map_or("?", |o| o.name.as_str())) " · "
            (q.title().get(&ui)) " (" (q.questions().count()) " " (t!(lang, "operator-questions")) ")"
        }
        div.actions {
            @for next in current.next() {
                form method="post" action={ "/operator/surveys/" (s.id) "/state" } {
                    (csrf_field(user))
                    input type="hidden" name="to" value=(next.as_str());
                    button type="submit" { (transition_label(lang, *next)) }
                    @if *next == State::Open {
                        " "
                        label.inline {
                            input type="checkbox" name="move_reminders" value="true";
                            (t!(lang, "operator-move-reminders-earlier-many-days"))
                        }
                        span.help { (t!(lang, "operator-invitations-go-out-soon-opens")) }
                    }
                    @if *next == State::Published {
                        " "
                        input type="hidden" name="report_languages" value="offered";
                        fieldset.inline {
                            legend { (t!(lang, "operator-report-languages")) }
                            @for l in survey_report::labels::languages(&q) {
                                label.inline {
                                    input type="checkbox" name="report_language" value=(l.as_str()) checked[&l == q.default_language()];
                                    span lang=(l.as_str()) { (survey_i18n::language_name(l.as_str())) }
                                }
                            }
                        }
                    }
                }
            }
        }

        h2 { (t!(lang, "operator-response-rate")) }
        p { (t!(lang, "operator-tokens-issued")) ": " (issued) " / " (invitees) " (" (roster::percent(issued, invitees)) ")" }
        (rate_table(lang, &rates, s.k_threshold))

        h2 { (t!(lang, "operator-respondent-pages-tally")) }
        p {
            a href={ "/s/" (s.id) } { (t!(lang, "operator-public-page-key-fingerprints-tally")) }
            @if let Some(t) = &s.tally {
                " · " (t!(lang, "operator-counted-responses")) ": " (t["count"]) " · "
                a href={ "/operator/surveys/" (s.id) "/tally.json" } download { (t!(lang, "operator-tally-file-auditors-json")) }
                " · "
                a href={ "/operator/surveys/" (s.id) "/report" } { (t!(lang, "operator-report-preview-2")) }
            }
        }

        @if matches!(current, State::Closed | State::Published) {
            h2 { (t!(lang, "operator-data-file")) }
            p.help { (t!(lang, "operator-data-file-help", k = s.k_threshold, comment_k = s.comment_threshold)) }
            form.stack method="get" action={ "/operator/surveys/" (s.id) "/data" } {
                label { (t!(lang, "operator-data-format"))
                    select name="format" {
                        option value="sav" { "SPSS (.sav)" }
                        option value="csv" { "CSV (UTF-8)" }
                    }
                }
                label { (t!(lang, "operator-data-labels-in"))
                    select name="lang" {
                        @for l in q.languages() {
                            option value=(l.as_str()) selected[l == q.default_language()] lang=(l.as_str()) { (survey_i18n::language_name(l.as_str())) }
                        }
                    }
                }
                label.inline { input type="checkbox" name="free_text" value="on"; (t!(lang, "operator-data-free-text")) }
                div.actions {
                    button type="submit" { (t!(lang, "operator-data-download")) }
                    button type="submit" formaction={ "/operator/surveys/" (s.id) "/data/codebook" } { (t!(lang, "operator-data-codebook")) }
                }
            }
        }

        @if !files.is_empty() {
            h2 { (t!(lang, "operator-published-report")) }
            (file_list(&files, |language, format| format!("/operator/surveys/{}/files/{language}/{format}", s.id), lang))
        }

        h2 { (t!(lang, "operator-settings")) }
        form.stack method="post" action={ "/operator/surveys/" (s.id) "/settings" } {
            (csrf_field(user))
            fieldset disabled[!draft] {
                label { (t!(lang, "operator-name-2")) input name="name" value=(s.name) required; }
                label { (t!(lang, "operator-languages"))
                    input name="languages" value=(languages.join(", "));
                    span.help { (t!(lang, "operator-comma-separated-among-questionnaires")) ": " (q.languages().iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", ")) }
                }
                label { (t!(lang, "operator-anonymity-threshold-k-3-more")) input type="number" name="k_threshold" min="3" value=(s.k_threshold); }
                label { (t!(lang, "operator-comment-threshold")) input type="number" name="comment_threshold" min="3" value=(s.comment_threshold); }
                label { (t!(lang, "operator-breakdowns-roster-columns-comma-separated")) input name="breakdowns" value=(breakdowns.join(", ")); }
                fieldset.choice {
                    legend { (t!(lang, "operator-reminders-go")) }
                    label {
                        input type="radio" name="reminder_mode" value="without_ballot" checked[s.reminder_mode == ReminderMode::WithoutBallot];
                        strong { (t!(lang, "operator-only-those-without-ballot")) }
                        span.help { (t!(lang, "operator-no-one-reminded-needlessly-but")) }
                    }
                    label {
                        input type="radio" name="reminder_mode" value="everyone" checked[s.reminder_mode == ReminderMode::Everyone];
                        strong { (t!(lang, "operator-everyone-same-link-again")) }
                        span.help { (t!(lang, "operator-those-who-answered-reminded-too")) }
                    }
                }
                label { input type="checkbox" name="allow_fallback" value="true" checked[s.allow_fallback];
                    (t!(lang, "operator-allow-no-javascript-fallback-weaker")) }
                button type="submit" { (t!(lang, "operator-save")) }
            }
        }

        h2 { (t!(lang, "operator-questionnaire")) }
        p { code { (q.id()) " v" (q.version()) } " — " (t!(lang, "operator-frozen-once-survey-scheduled")) }
        @if draft {
            form.stack method="post" action={ "/operator/surveys/" (s.id) "/questionnaire" } enctype="multipart/form-data" {
                (csrf_field(user))
                label { (t!(lang, "operator-replace-toml-file")) input type="file" name="file" required accept=".toml,text/plain"; }
                button type="submit" { (t!(lang, "operator-replace")) }
            }
        }

        h2 { (t!(lang, "operator-roster")) }
        p { (invitees) " " (t!(lang, "operator-invitees-2")) }
        @if draft {
            form.stack method="post" action={ "/operator/surveys/" (s.id) "/roster" } enctype="multipart/form-data" {
                (csrf_field(user))
                label { (t!(lang, "operator-csv-file-email-language-attribute"))
                    input type="file" name="file" required accept=".csv,text/csv";
                    span.help { (t!(lang, "operator-utf-8-excels-shift-jis")) }
                }
                button type="submit" { (t!(lang, "operator-import")) }
            }
        }

        h2 { (t!(lang, "operator-fieldwork-plan")) }
        @if !plan_steps.is_empty() {
            form.stack method="post" action={ "/operator/surveys/" (s.id) "/plan/dates" } {
                (csrf_field(user))
                fieldset disabled[!draft] {
                    @for step in &plan_steps {
                        label { (step.milestone.label(&ui)) input type="date" name=(step.milestone.key()) value=(step.date.to_string()) required; }
                    }
                    button type="submit" { (t!(lang, "operator-save-dates")) }
                }
            }
        }
        @if draft {
            form.stack method="post" action={ "/operator/surveys/" (s.id) "/plan" } {
                (csrf_field(user))
                label { (t!(lang, "operator-programme-start-date")) input type="date" name="start" required; }
                label { (t!(lang, "operator-fieldwork-length-working-days")) input type="number" name="fieldwork_days" min="1" value="10"; }
                label { (t!(lang, "operator-holidays-yyyy-mm-dd-comma")) input name="holidays"; }
                button type="submit" { (t!(lang, "operator-propose-plan")) }
            }
        }
        @if !jobs.is_empty() {
            h2 { (t!(lang, "operator-scheduled-jobs")) }
            table {
                thead { tr { th { (t!(lang, "operator-kind")) } th { (t!(lang, "operator-runs-utc")) } th { (t!(lang, "operator-state")) } th { (t!(lang, "operator-error")) } th { } } }
                tbody { @for j in &jobs { tr {
                    td { (j.kind) } td { (j.run_at.format("%Y-%m-%d %H:%M")) } td { (j.state.as_str()) } td { (j.last_error.clone().unwrap_or_default()) }
                    td {
                        @if open && j.state == JobState::Pending && matches!(j.kind, JobKind::Remind(_)) {
                            form method="post" action={ "/operator/surveys/" (s.id) "/jobs/" (j.id) "/now" } {
                                (csrf_field(user))
                                button type="submit" { (t!(lang, "operator-send-now")) }
                            }
                        }
                    }
                } } }
            }
        }
    };
    Ok(page(lang, &s.name, Some(user), content))
}

fn transition_label(lang: UiLang, to: State) -> String {
    match to {
        State::Draft => t!(lang, "operator-back-draft"),
        State::Scheduled => t!(lang, "operator-schedule-freezes-questionnaire"),
        State::Open => t!(lang, "operator-open-now"),
        State::Closed => t!(lang, "operator-close"),
        State::Published => t!(lang, "operator-publish"),
    }
}
