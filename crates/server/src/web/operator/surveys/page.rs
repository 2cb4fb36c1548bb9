//! The survey page: its state and next steps, response rate, settings, questionnaire, roster,
//! plan and jobs; and the auditor's tally file.

use actix_web::{HttpResponse, web};
use maud::{Markup, html};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Deserialize;
use survey_design::Lang;

use crate::domain::{JobKind, JobState, ReminderMode, SurveyId, SurveyState as State};
use crate::error::AppError;
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
    _user: Operator,
    path: web::Path<SurveyId>,
) -> Result<HttpResponse, AppError> {
    let s = surveys::find(&state.db, *path).await?;
    if s.tally.is_none() {
        return Err(AppError::conflict(
            "the tally is made when the survey closes",
            "集計ファイルは調査の締切時に作られます",
        ));
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
            (q.title().get(&ui)) " (" (q.questions().count()) " " (lang.t("問", "questions")) ")"
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
                            (lang.t(
                                "リマインドも開始を早めた日数だけ早める（チェックしなければ予定日のまま）",
                                "Move the reminders earlier by as many days as the opening (unticked: they keep their dates)",
                            ))
                        }
                        span.help { (lang.t("案内メールは開始するとすぐに送られます。", "The invitations go out as soon as it opens.")) }
                    }
                }
            }
        }

        h2 { (lang.t("回答状況", "Response rate")) }
        p { (lang.t("回答券の発行", "Tokens issued")) ": " (issued) " / " (invitees) " (" (roster::percent(issued, invitees)) ")" }
        (rate_table(lang, &rates, s.k_threshold))

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
            (file_list(&files, |format| format!("/operator/surveys/{}/files/{format}", s.id), lang))
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
                fieldset.choice {
                    legend { (lang.t("リマインドの送り先", "Reminders go to")) }
                    label {
                        input type="radio" name="reminder_mode" value="without_ballot" checked[s.reminder_mode == ReminderMode::WithoutBallot];
                        strong { (lang.t("回答券をまだ受け取っていない人だけ", "Only those without a ballot")) }
                        span.help { (lang.t(
                            "不要なリマインドを送りませんが、実施期間中はデータベースに「誰が回答券を受け取ったか」（いつかは記録しません）が残ります。締切時に消去されます。",
                            "No one is reminded needlessly, but during fieldwork the database knows who took a ballot (never when); the close erases it.",
                        )) }
                    }
                    label {
                        input type="radio" name="reminder_mode" value="everyone" checked[s.reminder_mode == ReminderMode::Everyone];
                        strong { (lang.t("全員（同じリンクを再送）", "Everyone (the same link again)")) }
                        span.help { (lang.t(
                            "回答済みの人にもリマインドが届きますが、データベースは実施期間中も誰が回答券を受け取ったかを一切記録しません。",
                            "Those who answered are reminded too, but the database never records who took a ballot, not even during fieldwork.",
                        )) }
                    }
                }
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
                    td { (j.kind) } td { (j.run_at.format("%Y-%m-%d %H:%M")) } td { (j.state.as_str()) } td { (j.last_error.clone().unwrap_or_default()) }
                    td {
                        @if open && j.state == JobState::Pending && matches!(j.kind, JobKind::Remind(_)) {
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
