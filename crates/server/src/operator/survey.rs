//! One survey: making it, its settings and questionnaire (while draft), roster, plan, lifecycle,
//! jobs and response rate.

use std::collections::HashMap;

use actix_multipart::Multipart;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use chrono::NaiveDate;
use maud::{Markup, html};
use sea_orm::{ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set};
use serde::Deserialize;
use survey_design::{Lang, LeadTimes, Milestone, Plan, Step, WorkCalendar};
use uuid::Uuid;

use super::upload;
use crate::auth::CurrentUser;
use crate::entities::{job, organisation, survey};
use crate::error::{AppError, Message};
use crate::roster::{self, percent};
use crate::state::AppState;
use crate::surveys::{self, State, SurveySettings};
use crate::views::UiLang;
use crate::views::layout::{csrf_field, html_response, page, state_badge};

pub async fn new_form(state: web::Data<AppState>, user: CurrentUser, lang: UiLang) -> Result<HttpResponse, AppError> {
    user.require_operator()?;
    Ok(html_response(new_page(&state, &user, lang, None).await?))
}

async fn new_page(
    state: &AppState,
    user: &CurrentUser,
    lang: UiLang,
    problem: Option<&str>,
) -> Result<Markup, AppError> {
    let organisations = organisation::Entity::find()
        .order_by_asc(organisation::Column::Name)
        .all(&state.db)
        .await?;
    let ui = Lang::parse(lang.code()).map_err(AppError::internal)?;
    let content = html! {
        @if let Some(problem) = problem { pre.notice.bad { (problem) } }
        @if organisations.is_empty() {
            p.notice { (lang.t("先にクライアント組織を登録してください。", "Add a client organisation first.")) " " a href="/operator/organisations" { "→" } }
        }
        form.stack method="post" action="/operator/surveys" enctype="multipart/form-data" {
            (csrf_field(user))
            label { (lang.t("クライアント", "Client"))
                select name="organisation_id" required { @for o in &organisations { option value=(o.id) { (o.name) } } }
            }
            label { (lang.t("調査名", "Survey name")) input name="name" required maxlength="200"; }
            label { (lang.t("テンプレート", "Template"))
                select name="template" {
                    @for t in state.templates.iter() { option value=(t.name) { (t.questionnaire.title().get(&ui)) } }
                    option value="" { (lang.t("（下のファイルを使う）", "(use the file below)")) }
                }
            }
            label { (lang.t("または TOML ファイルをアップロード", "Or upload a TOML file"))
                input type="file" name="file" accept=".toml,text/plain";
                span.help { (lang.t("形式は docs/template-format.md を参照", "Format: see docs/template-format.md")) }
            }
            button type="submit" { (lang.t("調査を作成", "Create survey")) }
        }
    };
    Ok(page(lang, lang.t("新しい調査", "New survey"), Some(user), content))
}

pub async fn create(
    state: web::Data<AppState>,
    user: CurrentUser,
    lang: UiLang,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    user.require_operator()?;
    let fields = upload::fields(payload).await?;
    user.check_csrf(&upload::text(&fields, "csrf")?)?;
    let organisation_id = upload::text(&fields, "organisation_id")?
        .parse::<Uuid>()
        .map_err(|_| AppError::bad("choose a client organisation", "クライアントを選んでください"))?;
    let source = template_source(&state, &fields)?;
    let new = surveys::NewSurvey {
        organisation_id,
        name: upload::text(&fields, "name")?,
        template_source: source,
    };
    match surveys::create(&state.db, new).await {
        Ok(created) => {
            crate::audit::record(
                &state.db,
                &user.user.email,
                "survey created",
                &format!("{} ({})", created.name, created.id),
            )
            .await?;
            Ok(see_other(&created.id, "created"))
        }
        Err(AppError::BadRequest(problem)) => {
            let mut response = html_response(new_page(&state, &user, lang, Some(problem.get(lang))).await?);
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(e),
    }
}

/// The uploaded file if there is one, else the chosen bundled template.
fn template_source(state: &AppState, fields: &HashMap<String, Vec<u8>>) -> Result<String, AppError> {
    if fields.get("file").is_some_and(|f| !f.is_empty()) {
        return upload::text(fields, "file");
    }
    let chosen = upload::text(fields, "template")?;
    crate::templates::source(&state.templates, &chosen)
        .map(str::to_owned)
        .ok_or_else(|| {
            AppError::bad(
                "choose a template or upload a TOML file",
                "テンプレートを選ぶか TOML ファイルをアップロードしてください",
            )
        })
}

fn see_other(id: &Uuid, done: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("/operator/surveys/{id}?done={done}")))
        .finish()
}

#[derive(Deserialize)]
pub struct Done {
    done: Option<String>,
}

pub async fn show(
    state: web::Data<AppState>,
    user: CurrentUser,
    lang: UiLang,
    path: web::Path<Uuid>,
    query: web::Query<Done>,
) -> Result<HttpResponse, AppError> {
    user.require_operator()?;
    let s = surveys::find(&state.db, *path).await?;
    let notice = query.done.as_deref().map(|d| match d {
        "created" => lang.t("調査を作成しました。", "Survey created."),
        "settings" => lang.t("設定を保存しました。", "Settings saved."),
        "questionnaire" => lang.t("調査票を差し替えました。", "Questionnaire replaced."),
        "roster" => lang.t("名簿を取り込みました。", "Roster imported."),
        "plan" => lang.t("実施計画を保存しました。", "Plan saved."),
        "state" => lang.t("状態を変更しました。", "State changed."),
        "jobs" => lang.t(
            "リマインドを今すぐ送る予定にしました。回答券をまだ受け取っていない人にだけ送られます。",
            "The reminder is due now; it goes only to those who have not taken a ballot.",
        ),
        _ => "",
    });
    Ok(html_response(survey_page(&state, &user, lang, &s, notice, &[]).await?))
}

/// The full tally of a closed survey, for an auditor: `survey tally verify tally.json` checks it.
pub async fn tally_json(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    user.require_operator()?;
    let s = surveys::find(&state.db, *path).await?;
    if s.tally.is_none() {
        return Err(AppError::conflict(
            "the tally is made when the survey closes",
            "集計ファイルは調査の締切時に作られます",
        ));
    }
    let tally = crate::responses::tally(&state.db, &state.settings, &s).await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"tally-{}.json\"", s.id),
        ))
        .json(tally))
}

/// The survey page, with a notice or a list of problems from the last action.
async fn survey_page(
    state: &AppState,
    user: &CurrentUser,
    lang: UiLang,
    s: &survey::Model,
    notice: Option<&str>,
    problems: &[String],
) -> Result<Markup, AppError> {
    let q = surveys::questionnaire(s)?;
    let ui = Lang::parse(lang.code()).map_err(AppError::internal)?;
    let current = surveys::state_of(s);
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
    let breakdowns = roster::breakdowns(s);
    let draft = current == State::Draft;
    let open = current == State::Open;
    let k = i64::from(s.k_threshold);
    let (invitees, issued) = (rates.invitees, rates.tokens_issued);
    let merged = lang.t("その他（少人数のため統合）", "other (merged: too few)");
    let plan_steps = surveys::plan_steps(s);
    let files = crate::reports::published(&state.db, s.id).await?;
    let content = html! {
        @if let Some(notice) = notice.filter(|n| !n.is_empty()) { p.notice.ok { (notice) } }
        @if !problems.is_empty() {
            div.notice.bad { ul.problems { @for p in problems { li { (p) } } } }
        }
        p {
            (state_badge(lang, &s.state)) " · "
            (org.as_ref().map_or("?", |o| o.name.as_str())) " · "
            (q.title().get(&ui)) " (" (q.questions().count()) " " (lang.t("問", "questions")) ")"
        }
        div.actions {
            @for next in current.next() {
                form method="post" action={ "/operator/surveys/" (s.id) "/state" } {
                    (csrf_field(user))
                    input type="hidden" name="to" value=(next.as_str());
                    button type="submit" { (transition_label(lang, *next)) }
                }
            }
        }

        h2 { (lang.t("回答状況", "Response rate")) }
        p { (lang.t("回答券の発行", "Tokens issued")) ": " (issued) " / " (invitees) " (" (percent(issued, invitees)) ")" }
        table {
            thead { tr { th { (lang.t("セグメント", "Segment")) } th.num { (lang.t("対象者", "Invitees")) } th.num { (lang.t("発行率", "Rate")) } } }
            tbody {
                @for r in &rates.segments {
                    tr {
                        td { (roster::describe(&r.segment, merged)) }
                        td.num { (r.invitees) }
                        @if r.invitees >= k { td.num { (percent(r.tokens_issued, r.invitees)) } }
                        @else { td.num.muted { (lang.t("非表示（k 未満）", "hidden (below k)")) } }
                    }
                }
            }
        }

        h2 { (lang.t("回答者向けページと集計", "Respondent pages and tally")) }
        p {
            a href={ "/s/" (s.id) } { (lang.t("公開ページ（鍵の指紋と集計）", "Public page (key fingerprints and tally)")) }
            @if let Some(t) = &s.tally {
                " · " (lang.t("数えた回答", "counted responses")) ": " (t["count"]) " · "
                a href={ "/operator/surveys/" (s.id) "/tally.json" } download { (lang.t("監査用の集計ファイル (JSON)", "Tally file for auditors (JSON)")) }
                " · "
                a href={ "/operator/surveys/" (s.id) "/report" } { (lang.t("報告のプレビュー", "Report preview")) }
            }
        }

        @if !files.is_empty() {
            h2 { (lang.t("公開した報告書", "Published report")) }
            (crate::reports::file_list(&files, |format| format!("/operator/surveys/{}/files/{format}", s.id), lang))
        }

        h2 { (lang.t("設定", "Settings")) }
        form.stack method="post" action={ "/operator/surveys/" (s.id) "/settings" } {
            (csrf_field(user))
            fieldset disabled[!draft] {
                label { (lang.t("調査名", "Name")) input name="name" value=(s.name) required; }
                label { (lang.t("言語", "Languages"))
                    input name="languages" value=(languages.join(", "));
                    span.help { (lang.t("調査票にある言語からカンマ区切りで", "comma-separated, among the questionnaire's")) ": " (q.languages().iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", ")) }
                }
                label { (lang.t("匿名性のしきい値 k（3以上）", "Anonymity threshold k (3 or more)")) input type="number" name="k_threshold" min="3" value=(s.k_threshold); }
                label { (lang.t("自由記述のしきい値", "Comment threshold")) input type="number" name="comment_threshold" min="3" value=(s.comment_threshold); }
                label { (lang.t("集計の切り口（名簿の列名、カンマ区切り）", "Breakdowns (roster columns, comma-separated)")) input name="breakdowns" value=(breakdowns.join(", ")); }
                label { input type="checkbox" name="allow_fallback" value="true" checked[s.allow_fallback];
                    (lang.t("JavaScript なしの代替方式を許可（サーバーが回答券を作るため匿名性は弱くなります）", "Allow the no-JavaScript fallback (weaker: the server makes the token)")) }
                button type="submit" { (lang.t("保存", "Save")) }
            }
        }

        h2 { (lang.t("調査票", "Questionnaire")) }
        p { code { (q.id()) " v" (q.version()) } " — " (lang.t("調査を予定に入れると固定されます。", "frozen once the survey is scheduled.")) }
        @if draft {
            form.stack method="post" action={ "/operator/surveys/" (s.id) "/questionnaire" } enctype="multipart/form-data" {
                (csrf_field(user))
                label { (lang.t("TOML ファイルで差し替え", "Replace with a TOML file")) input type="file" name="file" required accept=".toml,text/plain"; }
                button type="submit" { (lang.t("差し替え", "Replace")) }
            }
        }

        h2 { (lang.t("名簿", "Roster")) }
        p { (invitees) " " (lang.t("人", "invitees")) }
        @if draft {
            form.stack method="post" action={ "/operator/surveys/" (s.id) "/roster" } enctype="multipart/form-data" {
                (csrf_field(user))
                label { (lang.t("CSV ファイル（email, language, 属性列…）", "CSV file (email, language, attribute columns…)"))
                    input type="file" name="file" required accept=".csv,text/csv";
                    span.help { (lang.t("UTF-8 または Excel の Shift_JIS。取り込むと現在の名簿は置き換えられます。", "UTF-8, or Excel's Shift_JIS. Importing replaces the current roster.")) }
                }
                button type="submit" { (lang.t("取り込む", "Import")) }
            }
        }

        h2 { (lang.t("実施計画", "Fieldwork plan")) }
        @if !plan_steps.is_empty() {
            form.stack method="post" action={ "/operator/surveys/" (s.id) "/plan/dates" } {
                (csrf_field(user))
                fieldset disabled[!draft] {
                    @for step in &plan_steps {
                        label { (step.milestone.label(&ui)) input type="date" name=(step.milestone.key()) value=(step.date.to_string()) required; }
                    }
                    button type="submit" { (lang.t("日付を保存", "Save dates")) }
                }
            }
        }
        @if draft {
            form.stack method="post" action={ "/operator/surveys/" (s.id) "/plan" } {
                (csrf_field(user))
                label { (lang.t("アルムナイ制度の開始日", "Programme start date")) input type="date" name="start" required; }
                label { (lang.t("実施期間（営業日）", "Fieldwork length (working days)")) input type="number" name="fieldwork_days" min="1" value="10"; }
                label { (lang.t("休日（YYYY-MM-DD、カンマ区切り）", "Holidays (YYYY-MM-DD, comma-separated)")) input name="holidays"; }
                button type="submit" { (lang.t("計画を提案", "Propose a plan")) }
            }
        }
        @if !jobs.is_empty() {
            h2 { (lang.t("予定されたジョブ", "Scheduled jobs")) }
            table {
                thead { tr { th { (lang.t("種類", "Kind")) } th { (lang.t("実行 (UTC)", "Runs (UTC)")) } th { (lang.t("状態", "State")) } th { (lang.t("エラー", "Error")) } th { } } }
                tbody { @for j in &jobs { tr {
                    td { (j.kind) } td { (j.run_at.format("%Y-%m-%d %H:%M")) } td { (j.state) } td { (j.last_error.clone().unwrap_or_default()) }
                    td {
                        @if open && j.state == "pending" && j.kind.starts_with("remind:") {
                            form method="post" action={ "/operator/surveys/" (s.id) "/jobs/" (j.id) "/now" } {
                                (csrf_field(user))
                                button type="submit" { (lang.t("今すぐ送る", "Send now")) }
                            }
                        }
                    }
                } } }
            }
        }
    };
    Ok(page(lang, &s.name, Some(user), content))
}

fn transition_label(lang: UiLang, to: State) -> &'static str {
    match to {
        State::Draft => lang.t("下書きに戻す", "Back to draft"),
        State::Scheduled => lang.t("予定に入れる（調査票を固定）", "Schedule (freezes the questionnaire)"),
        State::Open => lang.t("今すぐ開始", "Open now"),
        State::Closed => lang.t("締め切る", "Close"),
        State::Published => lang.t("結果を公開", "Publish"),
    }
}

/// Renders the survey page again with problems, as a 422.
async fn refuse(
    state: &AppState,
    user: &CurrentUser,
    lang: UiLang,
    s: &survey::Model,
    problems: Vec<String>,
) -> Result<HttpResponse, AppError> {
    let mut response = html_response(survey_page(state, user, lang, s, None, &problems).await?);
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

#[derive(Deserialize)]
pub struct SettingsForm {
    csrf: String,
    name: String,
    languages: String,
    k_threshold: i32,
    comment_threshold: i32,
    breakdowns: String,
    allow_fallback: Option<String>,
}

fn list(text: &str) -> Vec<String> {
    text.split([',', '、'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

pub async fn settings(
    state: web::Data<AppState>,
    user: CurrentUser,
    lang: UiLang,
    path: web::Path<Uuid>,
    form: web::Form<SettingsForm>,
) -> Result<HttpResponse, AppError> {
    user.require_operator()?;
    user.check_csrf(&form.csrf)?;
    let s = surveys::find(&state.db, *path).await?;
    let new = SurveySettings {
        name: form.name.clone(),
        languages: list(&form.languages),
        k_threshold: form.k_threshold,
        comment_threshold: form.comment_threshold,
        breakdowns: list(&form.breakdowns),
        allow_fallback: form.allow_fallback.is_some(),
    };
    let result = surveys::update_settings(&state.db, s.clone(), new).await;
    outcome(&state, &user, lang, &s, result, "survey settings changed", "settings").await
}

/// After an action on a survey: on success the audit entry and a redirect to the survey page with a
/// notice; on a refusal the survey page again with the problem.
async fn outcome(
    state: &AppState,
    user: &CurrentUser,
    lang: UiLang,
    before: &survey::Model,
    result: Result<survey::Model, AppError>,
    action: &str,
    done: &str,
) -> Result<HttpResponse, AppError> {
    match result {
        Ok(updated) => {
            let detail = format!(
                "{} ({}; {} → {})",
                updated.name, updated.id, before.state, updated.state
            );
            crate::audit::record(&state.db, &user.user.email, action, &detail).await?;
            Ok(see_other(&updated.id, done))
        }
        Err(AppError::BadRequest(p) | AppError::Conflict(p)) => {
            refuse(
                state,
                user,
                lang,
                before,
                p.get(lang).lines().map(str::to_owned).collect(),
            )
            .await
        }
        Err(e) => Err(e),
    }
}

/// The fields of an upload form and the survey it is for, once the user and the CSRF token are checked.
async fn upload_for(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    payload: Multipart,
) -> Result<(HashMap<String, Vec<u8>>, survey::Model), AppError> {
    user.require_operator()?;
    let fields = upload::fields(payload).await?;
    user.check_csrf(&upload::text(&fields, "csrf")?)?;
    Ok((fields, surveys::find(&state.db, id).await?))
}

pub async fn questionnaire(
    state: web::Data<AppState>,
    user: CurrentUser,
    lang: UiLang,
    path: web::Path<Uuid>,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    let (fields, s) = upload_for(&state, &user, *path, payload).await?;
    let result = surveys::replace_questionnaire(&state.db, s.clone(), upload::text(&fields, "file")?).await;
    outcome(
        &state,
        &user,
        lang,
        &s,
        result,
        "questionnaire replaced",
        "questionnaire",
    )
    .await
}

pub async fn roster(
    state: web::Data<AppState>,
    user: CurrentUser,
    lang: UiLang,
    path: web::Path<Uuid>,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    let (fields, s) = upload_for(&state, &user, *path, payload).await?;
    match import_roster(
        &state,
        &user.user.email,
        &s,
        fields.get("file").map_or(&[][..], Vec::as_slice),
    )
    .await
    {
        Ok(_) => Ok(see_other(&s.id, "roster")),
        Err(problems) => {
            refuse(
                &state,
                &user,
                lang,
                &s,
                problems.iter().map(|m| m.get(lang).to_owned()).collect(),
            )
            .await
        }
    }
}

/// Checks and stores a roster; shared with the API. Problems come back one per line of the CSV.
pub async fn import_roster(
    state: &AppState,
    actor: &str,
    s: &survey::Model,
    bytes: &[u8],
) -> Result<usize, Vec<Message>> {
    let described =
        |problems: Vec<roster::Problem>| problems.iter().map(roster::Problem::described).collect::<Vec<_>>();
    let message = |e: AppError| match e {
        AppError::BadRequest(m) | AppError::Conflict(m) => vec![m],
        other => vec![Message::same(other.to_string())],
    };
    surveys::require_state(s, State::Draft, ("take a new roster", "名簿の取り込みは")).map_err(message)?;
    let (text, _note) = roster::decode(bytes).map_err(|p| described(vec![p]))?;
    let languages = surveys::languages(s);
    let rows = roster::parse(&text, &languages).map_err(described)?;
    let count = roster::replace(&state.db, s, rows).await.map_err(message)?;
    crate::audit::record(
        &state.db,
        actor,
        "roster imported",
        &format!("{count} invitees for {}", s.id),
    )
    .await
    .map_err(|e| message(e.into()))?;
    Ok(count)
}

#[derive(Deserialize)]
pub struct PlanForm {
    csrf: String,
    start: String,
    fieldwork_days: Option<u32>,
    holidays: Option<String>,
}

pub async fn propose_plan(
    state: web::Data<AppState>,
    user: CurrentUser,
    lang: UiLang,
    path: web::Path<Uuid>,
    form: web::Form<PlanForm>,
) -> Result<HttpResponse, AppError> {
    user.require_operator()?;
    user.check_csrf(&form.csrf)?;
    let s = surveys::find(&state.db, *path).await?;
    let mut problems = Vec::new();
    let start = NaiveDate::parse_from_str(form.start.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{}` is not a date (YYYY-MM-DD)", form.start));
    let holidays: Result<Vec<NaiveDate>, String> = list(form.holidays.as_deref().unwrap_or(""))
        .iter()
        .map(|h| {
            h.parse()
                .map_err(|_| format!("holiday `{h}` is not a date (YYYY-MM-DD)"))
        })
        .collect();
    let lead = LeadTimes {
        fieldwork_days: form.fieldwork_days.unwrap_or(10),
        ..LeadTimes::default()
    };
    match (start, holidays) {
        (Ok(start), Ok(holidays)) => {
            let today = chrono::Utc::now().date_naive();
            match Plan::propose(start, &lead, &WorkCalendar::new(holidays), Some(today)) {
                Ok(plan) => return save_plan(&state, &user, &s, plan).await,
                Err(e) => problems.push(e.message(&lang.design())),
            }
        }
        (start, holidays) => problems.extend(start.err().into_iter().chain(holidays.err())),
    }
    refuse(&state, &user, lang, &s, problems).await
}

/// Dates entered by hand, one field per step.
pub async fn plan_dates(
    state: web::Data<AppState>,
    user: CurrentUser,
    lang: UiLang,
    path: web::Path<Uuid>,
    form: web::Form<HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    user.require_operator()?;
    user.check_csrf(form.get("csrf").map_or("", String::as_str))?;
    let s = surveys::find(&state.db, *path).await?;
    let mut steps = Vec::new();
    let mut problems = Vec::new();
    for (key, value) in form.iter().filter(|(k, _)| k.as_str() != "csrf") {
        match (
            Milestone::parse(key),
            NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d"),
        ) {
            (Some(milestone), Ok(date)) => steps.push(Step { milestone, date }),
            (None, _) => problems.push(format!("`{key}` is not a step of the plan")),
            (_, Err(_)) => problems.push(format!("`{value}` is not a date (YYYY-MM-DD)")),
        }
    }
    if problems.is_empty() {
        match Plan::from_steps(steps) {
            Ok(plan) => return save_plan(&state, &user, &s, plan).await,
            Err(e) => problems.push(e.message(&lang.design())),
        }
    }
    refuse(&state, &user, lang, &s, problems).await
}

async fn save_plan(
    state: &AppState,
    user: &CurrentUser,
    s: &survey::Model,
    plan: Plan,
) -> Result<HttpResponse, AppError> {
    surveys::require_state(s, State::Draft, ("change its plan", "実施計画を変更"))?;
    let json = serde_json::to_value(plan.steps()).map_err(AppError::internal)?;
    let mut active = s.clone().into_active_model();
    active.plan = Set(Some(json));
    sea_orm::ActiveModelTrait::update(active, &state.db).await?;
    crate::audit::record(&state.db, &user.user.email, "plan saved", &s.id.to_string()).await?;
    Ok(see_other(&s.id, "plan"))
}

#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

/// "Send now" on a pending reminder.
pub async fn remind_now(
    state: web::Data<AppState>,
    user: CurrentUser,
    lang: UiLang,
    path: web::Path<(Uuid, Uuid)>,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, AppError> {
    user.require_operator()?;
    user.check_csrf(&form.csrf)?;
    let (survey_id, job_id) = path.into_inner();
    let s = surveys::find(&state.db, survey_id).await?;
    match crate::jobs::remind_now(&state.db, &s, job_id).await {
        Ok(()) => {
            crate::audit::record(
                &state.db,
                &user.user.email,
                "reminder brought forward",
                &format!("{} ({})", s.name, s.id),
            )
            .await?;
            Ok(see_other(&s.id, "jobs"))
        }
        Err(AppError::Conflict(p)) => refuse(&state, &user, lang, &s, vec![p.get(lang).to_owned()]).await,
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
pub struct StateForm {
    csrf: String,
    to: String,
}

pub async fn change_state(
    state: web::Data<AppState>,
    user: CurrentUser,
    lang: UiLang,
    path: web::Path<Uuid>,
    form: web::Form<StateForm>,
) -> Result<HttpResponse, AppError> {
    user.require_operator()?;
    user.check_csrf(&form.csrf)?;
    let s = surveys::find(&state.db, *path).await?;
    let Some(to) = State::parse(&form.to) else {
        return refuse(
            &state,
            &user,
            lang,
            &s,
            vec![format!("`{}` is not a survey state", form.to)],
        )
        .await;
    };
    let result = surveys::transition(&state, s.clone(), to).await;
    outcome(&state, &user, lang, &s, result, "survey state changed", "state").await
}
