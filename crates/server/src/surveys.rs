//! Surveys: made from a questionnaire template for a client organisation, configured while draft,
//! frozen once scheduled, then opened, closed and published. The operator UI and the JSON API both
//! call these functions, so the rules live in one place.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Set,
    TransactionTrait,
};
use serde::{Deserialize, Serialize};
use survey_design::{Milestone, Questionnaire, Step};
use uuid::Uuid;

use crate::entities::{invitation, job, organisation, survey};
use crate::error::AppError;

/// The lowest anonymity threshold a survey may set, whatever the client asks.
pub const MIN_THRESHOLD: i32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Draft,
    Scheduled,
    Open,
    Closed,
    Published,
}

impl State {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "draft" => Some(Self::Draft),
            "scheduled" => Some(Self::Scheduled),
            "open" => Some(Self::Open),
            "closed" => Some(Self::Closed),
            "published" => Some(Self::Published),
            _ => None,
        }
    }

    /// The state's name in Japanese, as the interface shows it.
    pub fn japanese(self) -> &'static str {
        match self {
            Self::Draft => "下書き",
            Self::Scheduled => "予定済み",
            Self::Open => "実施中",
            Self::Closed => "締切済み",
            Self::Published => "公開済み",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Scheduled => "scheduled",
            Self::Open => "open",
            Self::Closed => "closed",
            Self::Published => "published",
        }
    }

    /// The states an operator may move a survey to from this one.
    pub fn next(self) -> &'static [State] {
        match self {
            Self::Draft => &[Self::Scheduled],
            Self::Scheduled => &[Self::Draft, Self::Open],
            Self::Open => &[Self::Closed],
            Self::Closed => &[Self::Published],
            Self::Published => &[],
        }
    }
}

pub fn state_of(s: &survey::Model) -> State {
    State::parse(&s.state).unwrap_or(State::Draft)
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<survey::Model, AppError> {
    survey::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound)
}

/// The languages the survey offers to respondents.
pub fn languages(s: &survey::Model) -> Vec<String> {
    serde_json::from_value(s.languages.clone()).unwrap_or_default()
}

/// The steps of the survey's saved fieldwork plan (none when no plan was saved).
pub fn plan_steps(s: &survey::Model) -> Vec<Step> {
    let Some(steps) = s.plan.as_ref().and_then(|p| p.as_array()) else {
        return Vec::new();
    };
    steps
        .iter()
        .filter_map(|step| {
            Some(Step {
                milestone: Milestone::parse(step.get("milestone")?.as_str()?)?,
                date: step.get("date")?.as_str()?.parse().ok()?,
            })
        })
        .collect()
}

/// The questionnaire of a survey. Its source was checked when it was stored.
pub fn questionnaire(s: &survey::Model) -> Result<Questionnaire, AppError> {
    Questionnaire::from_toml(&s.template_source, &s.name).map_err(AppError::internal)
}

/// Parsed questionnaires of surveys past draft, by survey id. A survey's questionnaire is frozen
/// once it is scheduled, so an entry never goes stale; a draft's is parsed afresh each time.
#[derive(Clone, Default)]
pub struct Questionnaires(crate::memo::Memo<Uuid, std::sync::Arc<Questionnaire>>);

impl Questionnaires {
    pub fn get(&self, s: &survey::Model) -> Result<std::sync::Arc<Questionnaire>, AppError> {
        if state_of(s) == State::Draft {
            return questionnaire(s).map(std::sync::Arc::new);
        }
        if let Some(q) = self.0.get(&s.id) {
            return Ok(q);
        }
        let q = std::sync::Arc::new(questionnaire(s)?);
        self.0.put(s.id, q.clone());
        Ok(q)
    }
}

/// What an operator enters to make a survey.
#[derive(Debug, Deserialize)]
pub struct NewSurvey {
    pub organisation_id: Uuid,
    pub name: String,
    /// The questionnaire's TOML, from a bundled template or an upload.
    pub template_source: String,
}

pub async fn create(db: &impl ConnectionTrait, new: NewSurvey) -> Result<survey::Model, AppError> {
    let name = crate::body::single_line(&new.name, ("the survey's name", "調査名"))?;
    if name.is_empty() {
        return Err(AppError::bad("the survey needs a name", "調査名を入力してください"));
    }
    if organisation::Entity::find_by_id(new.organisation_id)
        .one(db)
        .await?
        .is_none()
    {
        return Err(AppError::bad(
            "choose an existing client organisation",
            "登録済みのクライアントを選んでください",
        ));
    }
    let questionnaire = Questionnaire::from_toml(&new.template_source, "template.toml").map_err(|e| {
        AppError::bad(
            format!("the questionnaire has problems:\n{e}"),
            format!("調査票に問題があります:\n{e}"),
        )
    })?;
    let languages: Vec<&str> = questionnaire.languages().iter().map(|l| l.as_str()).collect();
    Ok(survey::ActiveModel {
        id: Set(Uuid::new_v4()),
        organisation_id: Set(new.organisation_id),
        name: Set(name.to_owned()),
        template_source: Set(new.template_source),
        state: Set(State::Draft.as_str().to_owned()),
        languages: Set(serde_json::json!(languages)),
        k_threshold: Set(5),
        comment_threshold: Set(10),
        breakdowns: Set(serde_json::json!([])),
        allow_fallback: Set(false),
        plan: Set(None),
        created_at: Set(Utc::now()),
        tally: Set(None),
    }
    .insert(db)
    .await?)
}

/// Settings an operator may change while the survey is a draft.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveySettings {
    pub name: String,
    /// Languages offered to respondents: a subset of the questionnaire's.
    pub languages: Vec<String>,
    pub k_threshold: i32,
    pub comment_threshold: i32,
    pub breakdowns: Vec<String>,
    pub allow_fallback: bool,
}

pub async fn update_settings(
    db: &impl ConnectionTrait,
    s: survey::Model,
    settings: SurveySettings,
) -> Result<survey::Model, AppError> {
    require_state(&s, State::Draft, ("change its settings", "設定を変更"))?;
    let q = questionnaire(&s)?;
    let offered: Vec<&str> = q.languages().iter().map(|l| l.as_str()).collect();
    if settings.languages.is_empty() {
        return Err(AppError::bad(
            "offer at least one language",
            "言語を1つ以上選んでください",
        ));
    }
    if let Some(bad) = settings.languages.iter().find(|l| !offered.contains(&l.as_str())) {
        let offered = offered.join(", ");
        return Err(AppError::bad(
            format!("the questionnaire has no `{bad}` texts; choose among {offered}"),
            format!("調査票に `{bad}` の文言がありません。次から選んでください: {offered}"),
        ));
    }
    if settings.k_threshold < MIN_THRESHOLD {
        let asked = settings.k_threshold;
        return Err(AppError::bad(
            format!("the anonymity threshold cannot be below {MIN_THRESHOLD} (asked: {asked})"),
            format!("匿名性のしきい値は{MIN_THRESHOLD}未満にできません（指定: {asked}）"),
        ));
    }
    if settings.comment_threshold < settings.k_threshold {
        let (c, k) = (settings.comment_threshold, settings.k_threshold);
        return Err(AppError::bad(
            format!("the comment threshold ({c}) cannot be below the anonymity threshold ({k})"),
            format!("自由記述のしきい値（{c}）は匿名性のしきい値（{k}）より小さくできません"),
        ));
    }
    if let Some(bad) = settings
        .breakdowns
        .iter()
        .find(|b| !crate::roster::is_attribute_name(b))
    {
        return Err(AppError::bad(
            format!("`{bad}` is not a roster column name (use letters, digits, `_` or `-`)"),
            format!("`{bad}` は名簿の列名として使えません（文字・数字・`_`・`-` を使ってください）"),
        ));
    }
    let name = crate::body::single_line(&settings.name, ("the survey's name", "調査名"))?;
    if name.is_empty() {
        return Err(AppError::bad("the survey needs a name", "調査名を入力してください"));
    }
    let breakdowns_changed = serde_json::json!(settings.breakdowns) != s.breakdowns;
    let k_changed = settings.k_threshold != s.k_threshold;
    let mut active = s.into_active_model();
    active.name = Set(name.to_owned());
    active.languages = Set(serde_json::json!(settings.languages));
    active.k_threshold = Set(settings.k_threshold);
    active.comment_threshold = Set(settings.comment_threshold);
    active.breakdowns = Set(serde_json::json!(settings.breakdowns));
    active.allow_fallback = Set(settings.allow_fallback);
    let updated = active.update(db).await?;
    if breakdowns_changed || k_changed {
        crate::roster::resegment(db, &updated).await?;
    }
    Ok(updated)
}

/// Replaces the questionnaire of a draft survey.
pub async fn replace_questionnaire(
    db: &impl ConnectionTrait,
    s: survey::Model,
    source: String,
) -> Result<survey::Model, AppError> {
    require_state(&s, State::Draft, ("change its questionnaire", "調査票を差し替え"))?;
    Questionnaire::from_toml(&source, "template.toml").map_err(|e| {
        AppError::bad(
            format!("the questionnaire has problems:\n{e}"),
            format!("調査票に問題があります:\n{e}"),
        )
    })?;
    let mut active = s.into_active_model();
    active.template_source = Set(source);
    Ok(active.update(db).await?)
}

/// Within `txn`, before anything else in it: takes the survey's row for the transaction (its row lock
/// on PostgreSQL, the write lock on SQLite) if the survey is still in `state`. Another request may
/// have moved it since this one read it; two that race are then one after the other, and the second
/// is refused instead of meeting a unique index (a 500) or changing a survey that has moved on.
pub async fn hold_in_state(txn: &impl ConnectionTrait, id: Uuid, state: State) -> Result<(), AppError> {
    let held = survey::Entity::update_many()
        .col_expr(
            survey::Column::State,
            sea_orm::sea_query::Expr::col(survey::Column::State),
        )
        .filter(survey::Column::Id.eq(id))
        .filter(survey::Column::State.eq(state.as_str()))
        .exec(txn)
        .await?;
    if held.rows_affected == 1 {
        Ok(())
    } else {
        Err(AppError::conflict(
            "the survey was changed meanwhile (in another window, or by someone else); reload the page and try again",
            "この調査は別の画面または別の人によって変更されました。ページを再読み込みしてもう一度お試しください",
        ))
    }
}

/// Refuses unless the survey is in `state`; `to` says what was wanted, in English and Japanese.
pub fn require_state(s: &survey::Model, state: State, to: (&str, &str)) -> Result<(), AppError> {
    let now = state_of(s);
    if now == state {
        Ok(())
    } else {
        Err(AppError::conflict(
            format!(
                "the survey is {} and only a {} survey can {}",
                now.as_str(),
                state.as_str(),
                to.0
            ),
            format!(
                "この調査は「{}」のため、{}できません（{}の調査のみ可能）",
                now.japanese(),
                to.1,
                state.japanese()
            ),
        ))
    }
}

/// Moves a survey to `to`, if that is one of the next states and its conditions hold. Scheduling
/// needs a roster and a plan and creates the jobs and the segments' issuer keys; going back to draft
/// removes pending jobs and the keys; closing rewrites the responses in random order and publishes
/// the tally; publishing stores the report's files.
pub async fn transition(
    state: &crate::state::AppState,
    s: survey::Model,
    to: State,
) -> Result<survey::Model, AppError> {
    let db = &state.db;
    let from = state_of(&s);
    if !from.next().contains(&to) {
        let allowed: Vec<&str> = from.next().iter().map(|s| s.as_str()).collect();
        let allowed_ja: Vec<&str> = from.next().iter().map(|s| s.japanese()).collect();
        let (hint, hint_ja) = if allowed.is_empty() {
            ("nothing follows".to_owned(), "この後の状態はありません".to_owned())
        } else {
            (
                format!("it can go to: {}", allowed.join(", ")),
                format!("移れる状態: {}", allowed_ja.join("、")),
            )
        };
        return Err(AppError::conflict(
            format!("a {} survey cannot become {}; {hint}", from.as_str(), to.as_str()),
            format!(
                "「{}」の調査は「{}」にできません。{hint_ja}",
                from.japanese(),
                to.japanese()
            ),
        ));
    }
    // Rendered before the transaction, which then only stores them.
    let report_files = if to == State::Published {
        Some(crate::reports::render(state, &s).await?)
    } else {
        None
    };
    let txn = db.begin().await?;
    hold_in_state(&txn, s.id, from).await?;
    if let Some(files) = report_files {
        crate::reports::store(&txn, s.id, files).await?;
    }
    if to == State::Scheduled {
        let invitees = invitation::Entity::find()
            .filter(invitation::Column::SurveyId.eq(s.id))
            .count(&txn)
            .await?;
        if invitees == 0 {
            return Err(AppError::conflict(
                "import the roster before scheduling",
                "予定に入れる前に名簿を取り込んでください",
            ));
        }
        if s.plan.is_none() {
            return Err(AppError::conflict(
                "save a fieldwork plan before scheduling",
                "予定に入れる前に実施計画を保存してください",
            ));
        }
        crate::jobs::schedule(&txn, s.id, &plan_steps(&s), state.settings.scheduler.utc_offset_hours).await?;
        crate::issuance::make_keys(&txn, &state.issuers, s.id).await?;
    }
    if to == State::Draft {
        job::Entity::delete_many()
            .filter(job::Column::SurveyId.eq(s.id))
            .filter(job::Column::State.eq("pending"))
            .exec(&txn)
            .await?;
        crate::issuance::drop_keys(&txn, s.id).await?;
    }
    let tally = if to == State::Closed {
        Some(crate::responses::rewrite_and_tally(&txn, &state.settings, &s).await?)
    } else {
        None
    };
    let mut active = s.into_active_model();
    active.state = Set(to.as_str().to_owned());
    if tally.is_some() {
        active.tally = Set(tally);
    }
    let updated = active.update(&txn).await?;
    txn.commit().await?;
    if to == State::Closed {
        crate::responses::compact(db).await;
    }
    Ok(updated)
}
