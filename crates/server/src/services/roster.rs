//! The roster: a CSV of invitees (e-mail, language, attribute columns such as department), checked
//! line by line, and the segments its breakdown attributes make — with every group smaller than the
//! anonymity threshold merged, so that no segment (and so no issuer key later) has fewer than *k*
//! invitees.
//!
//! One file, above the usual size, because the CSV reader's problems (encodings, lines, columns)
//! and its tests belong together; the grouping itself is `survey_analysis::segment`.

use std::collections::{BTreeMap, HashMap};

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set, TransactionTrait};
use survey_i18n::msg;
use uuid::Uuid;

use crate::domain::ReminderMode;
use crate::domain::{Email, SurveyId};
use crate::error::{AppError, Message};
use crate::services::{audit, surveys};
use crate::storage::{invitation, invitation_code, segment_count, spent_code, survey};

use survey_analysis::segment::{SegmentLabel, segment_roster};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub email: String,
    pub language: String,
    pub attributes: BTreeMap<String, String>,
}

/// A problem on one line of the CSV (line 1 is the header).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub line: usize,
    pub message: Message,
}

impl Problem {
    /// "line 3: …" / "3行目: …".
    pub fn described(&self) -> Message {
        msg!("error-roster-line", line = self.line, problem = self.message.clone())
    }
}

/// The CSV's text, and a note when it had to be converted.
pub fn decode(bytes: &[u8]) -> Result<(String, Option<&'static str>), Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), None));
    }
    // Excel in Japan saves "CSV" as Shift_JIS; read it if it decodes cleanly.
    let (text, _, had_errors) = encoding_rs::SHIFT_JIS.decode(bytes);
    if !had_errors {
        return Ok((text.into_owned(), Some("converted from Shift_JIS")));
    }
    Err(Problem {
        line: 1,
        message: msg!("error-roster-encoding"),
    })
}

pub fn is_attribute_name(name: &str) -> bool {
    !name.is_empty() && name.len() <= 40 && name.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// Reads and checks the roster. Every problem is reported with its line; a roster with any problem
/// is refused whole.
pub fn parse(text: &str, languages: &[String]) -> Result<Vec<Row>, Vec<Problem>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut problems = Vec::new();
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.to_lowercase()).collect(),
        Err(e) => {
            return Err(vec![Problem {
                line: 1,
                message: msg!("error-header-cannot-read", e = e.to_string()),
            }]);
        }
    };
    let Some(email_col) = headers.iter().position(|h| h == "email") else {
        return Err(vec![Problem {
            line: 1,
            message: msg!("error-there-no-email-column-header"),
        }]);
    };
    let language_col = headers.iter().position(|h| h == "language");
    for (i, h) in headers.iter().enumerate() {
        if i != email_col && Some(i) != language_col && !is_attribute_name(h) {
            problems.push(Problem {
                line: 1,
                message: msg!("error-column-needs-name-letters-digits", h = h.to_string()),
            });
        }
        if headers[..i].contains(h) {
            problems.push(Problem {
                line: 1,
                message: msg!("error-column-appears-twice", h = h.to_string()),
            });
        }
    }
    let mut rows = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push(match e.kind() {
                    csv::ErrorKind::UnequalLengths { expected_len, len, .. } => Problem {
                        line,
                        message: msg!("error-roster-fields", fields = *len, header = *expected_len),
                    },
                    _ => Problem {
                        line,
                        message: msg!("error-detail", detail = e.to_string()),
                    },
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let email = record.get(email_col).unwrap_or("").to_lowercase();
        if let Err(message) = Email::parse(&email) {
            problems.push(Problem { line, message });
        } else if let Some(first) = seen.insert(email.clone(), line) {
            problems.push(Problem {
                line,
                message: msg!(
                    "error-already-line",
                    email = email.to_string(),
                    first = first.to_string()
                ),
            });
        }
        // Language tags are case-insensitive (`PT-br` is `pt-BR`): kept as the survey spells them.
        let language = match language_col.map(|c| record.get(c).unwrap_or("").trim()) {
            None | Some("") => languages.first().cloned().unwrap_or_default(),
            Some(given) => match languages.iter().find(|l| l.eq_ignore_ascii_case(given)) {
                Some(offered) => offered.clone(),
                None => {
                    problems.push(Problem {
                        line,
                        message: msg!(
                            "error-roster-language-not-offered",
                            language = given,
                            offered = languages.join(", ")
                        ),
                    });
                    given.to_owned()
                }
            },
        };
        let mut attributes = BTreeMap::new();
        for (i, value) in record.iter().enumerate() {
            if i == email_col || Some(i) == language_col {
                continue;
            }
            let Some(name) = headers.get(i) else { continue };
            if value.is_empty() {
                problems.push(Problem {
                    line,
                    message: msg!("error-empty", name = name.to_string()),
                });
            } else if let Some(c) = value.chars().find(|c| c.is_control()) {
                problems.push(Problem {
                    line,
                    message: msg!(
                        "error-roster-control-character",
                        name = name.as_str(),
                        code = format!("U+{:04X}", u32::from(c))
                    ),
                });
            }
            attributes.insert(name.clone(), value.to_owned());
        }
        rows.push(Row {
            line,
            email,
            language,
            attributes,
        });
    }
    if rows.is_empty() && problems.is_empty() {
        problems.push(Problem {
            line: 2,
            message: msg!("error-roster-has-no-invitees"),
        });
    }
    if problems.is_empty() { Ok(rows) } else { Err(problems) }
}

/// A segment label for people: `department: Sales · tenure: other (merged)`; a label that does not
/// parse (none is stored so) is shown as it is.
pub fn describe(label: &str, words: &GroupWords) -> String {
    match SegmentLabel::parse(label) {
        Ok(l) if l.is_all() => words.everyone.clone(),
        Ok(l) => l.describe(&words.merged),
        Err(_) => label.to_owned(),
    }
}

/// How a page names groups, in its reader's language: merged attribute values, and everyone (the
/// one group of a survey without breakdowns).
pub struct GroupWords {
    pub merged: String,
    pub everyone: String,
}

/// The segment label of each roster row: groups of fewer than `k` merged (see `survey-analysis`).
fn segments(attributes: &[BTreeMap<String, String>], breakdowns: &[String], k: i32) -> Result<Vec<String>, AppError> {
    let k = usize::try_from(k.max(1)).unwrap_or(1);
    let labels = segment_roster(attributes, breakdowns, k).map_err(|e| {
        AppError::BadRequest(msg!(
            "error-roster-cannot-group",
            breakdowns = breakdowns.join(", "),
            e = e.to_string()
        ))
    })?;
    Ok(labels.into_iter().map(SegmentLabel::into_string).collect())
}

/// Why a roster was not imported: the survey refused it (not a draft, not found), or the CSV has
/// problems, one per line.
#[derive(Debug)]
pub enum ImportError {
    Refused(AppError),
    Problems(Vec<Message>),
}

impl From<AppError> for ImportError {
    fn from(e: AppError) -> Self {
        Self::Refused(e)
    }
}

impl From<sea_orm::DbErr> for ImportError {
    fn from(e: sea_orm::DbErr) -> Self {
        Self::Refused(e.into())
    }
}

/// Replaces the roster of a draft survey, whole or not at all: checked and stored in one
/// transaction that holds the survey as a draft, so an import racing another, a settings change or
/// the scheduling is refused, never interleaved. Returns how many invitees were imported.
pub async fn import(
    db: &sea_orm::DatabaseConnection,
    actor: &str,
    id: SurveyId,
    bytes: &[u8],
) -> Result<usize, ImportError> {
    let described = |problems: Vec<Problem>| ImportError::Problems(problems.iter().map(Problem::described).collect());
    let txn = db.begin().await?;
    let s = surveys::hold_draft(&txn, id, "roster").await?;
    let (text, _note) = decode(bytes).map_err(|p| described(vec![p]))?;
    let rows = parse(&text, &surveys::languages(&s)).map_err(described)?;
    invitation::Entity::delete_many()
        .filter(invitation::Column::SurveyId.eq(s.id))
        .exec(&txn)
        .await?;
    let attributes: Vec<BTreeMap<String, String>> = rows.iter().map(|r| r.attributes.clone()).collect();
    let labels = segments(&attributes, &surveys::breakdowns(&s), s.k_threshold)?;
    let count = rows.len();
    let models: Vec<invitation::ActiveModel> = rows
        .into_iter()
        .zip(labels)
        .map(|(row, segment)| invitation::ActiveModel {
            id: Set(Uuid::new_v4()),
            survey_id: Set(s.id),
            email: Set(Some(row.email)),
            language: Set(row.language),
            attributes: Set(serde_json::json!(row.attributes)),
            segment: Set(segment),
            invited: Set(false),
            reminders_sent: Set(0),
            token_issued: Set(false),
        })
        .collect();
    for chunk in models.chunks(500) {
        invitation::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    audit::record(
        &txn,
        actor,
        "roster imported",
        &format!("{count} invitees for {}", s.id),
    )
    .await?;
    txn.commit().await?;
    Ok(count)
}

/// Recomputes the segments of a survey's roster after its breakdowns or threshold changed.
pub async fn resegment(db: &impl ConnectionTrait, s: &survey::Model) -> Result<(), AppError> {
    let invitees = invitation::Entity::find()
        .filter(invitation::Column::SurveyId.eq(s.id))
        .all(db)
        .await?;
    let attributes: Vec<BTreeMap<String, String>> = invitees
        .iter()
        .map(|i| serde_json::from_value(i.attributes.clone()).unwrap_or_default())
        .collect();
    let labels = segments(&attributes, &surveys::breakdowns(s), s.k_threshold)?;
    for (invitee, label) in invitees.into_iter().zip(labels) {
        if invitee.segment != label {
            let mut active: invitation::ActiveModel = invitee.into();
            active.segment = Set(label);
            sea_orm::ActiveModelTrait::update(active, db).await?;
        }
    }
    Ok(())
}

/// Per segment: invitees and tokens issued.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, sea_orm::FromQueryResult)]
pub struct SegmentRate {
    pub segment: String,
    pub invitees: i64,
    pub tokens_issued: i64,
}

/// The response rate of a survey: overall and per segment (in label order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rates {
    pub segments: Vec<SegmentRate>,
    pub invitees: i64,
    pub tokens_issued: i64,
}

impl Rates {
    /// The segments that may be shown: those with at least `k` invitees.
    pub fn shown(&self, k: i32) -> impl Iterator<Item = &SegmentRate> {
        self.segments.iter().filter(move |r| r.invitees >= i64::from(k))
    }

    /// The overall rate as shown outside the firm: hidden when the survey has fewer than `k` invitees.
    pub fn overall_shown(&self, k: i32) -> String {
        if self.invitees < i64::from(k) {
            "—".into()
        } else {
            percent(self.tokens_issued, self.invitees)
        }
    }
}

/// `part` of `whole` as a whole percentage, or a dash when there is no whole.
pub fn percent(part: i64, whole: i64) -> String {
    if whole == 0 {
        "—".into()
    } else {
        format!("{:.0}%", part as f64 * 100.0 / whole as f64)
    }
}

/// Invitees and ballots taken per segment, counted in the database without loading the roster:
/// after the close from the counts it kept (it forgets who took a ballot); during fieldwork from the
/// invitations, or, when reminders go to everyone, from the spent codes (which name only a segment).
pub async fn rates(db: &impl ConnectionTrait, survey_id: SurveyId) -> Result<Rates, AppError> {
    use sea_orm::QuerySelect;
    use sea_orm::sea_query::{Expr, Func};
    let s = surveys::find(db, survey_id).await?;
    let mut segments: Vec<SegmentRate> = if s.state.is_closed() {
        segment_count::Entity::find()
            .filter(segment_count::Column::SurveyId.eq(survey_id))
            .all(db)
            .await?
            .into_iter()
            .map(|c| SegmentRate {
                segment: c.segment,
                invitees: c.invitees,
                tokens_issued: c.ballots_taken,
            })
            .collect()
    } else {
        let issued = Expr::case(invitation::Column::TokenIssued.eq(true), 1).finally(0);
        let mut segments = invitation::Entity::find()
            .select_only()
            .column(invitation::Column::Segment)
            .column_as(invitation::Column::Id.count(), "invitees")
            .column_as(Expr::from(Func::sum(issued)), "tokens_issued")
            .filter(invitation::Column::SurveyId.eq(survey_id))
            .group_by(invitation::Column::Segment)
            .into_model::<SegmentRate>()
            .all(db)
            .await?;
        if s.reminder_mode == ReminderMode::Everyone {
            let spent = spent_code::Entity::find()
                .select_only()
                .column(spent_code::Column::Segment)
                .column_as(spent_code::Column::SpendHmac.count(), "spent")
                .filter(spent_code::Column::SurveyId.eq(survey_id))
                .group_by(spent_code::Column::Segment)
                .into_tuple::<(String, i64)>()
                .all(db)
                .await?;
            for rate in &mut segments {
                rate.tokens_issued = spent
                    .iter()
                    .find(|(seg, _)| *seg == rate.segment)
                    .map_or(0, |(_, n)| *n);
            }
        }
        segments
    };
    // Byte order, whatever the database's collation.
    segments.sort_by(|a, b| a.segment.cmp(&b.segment));
    Ok(Rates {
        invitees: segments.iter().map(|r| r.invitees).sum(),
        tokens_issued: segments.iter().map(|r| r.tokens_issued).sum(),
        segments,
    })
}

/// Retention after fieldwork: drops the personal data of a closed survey's roster — addresses and
/// roster attributes — its invitation codes, and its messages in the outbox (their addresses and
/// links), in one transaction. Each invitation row stays,
/// reduced to its language, its segment and whether a ballot was taken, so the segment counts and
/// response rates stay as reported. The outbox's messages are deleted before the commit, so a purge
/// that could not delete them changes nothing in the database and can simply be run again.
pub async fn purge(
    db: &DatabaseConnection,
    mailer: &crate::mail::Mailer,
    actor: &str,
    s: &survey::Model,
) -> Result<Purged, AppError> {
    if !s.state.is_closed() {
        return Err(AppError::Conflict(msg!(
            "error-roster-purge-before-close",
            survey = s.name.as_str()
        )));
    }
    let txn = db.begin().await?;
    let of_survey = sea_orm::sea_query::Query::select()
        .column(invitation::Column::Id)
        .from(invitation::Entity)
        .and_where(invitation::Column::SurveyId.eq(s.id))
        .to_owned();
    invitation_code::Entity::delete_many()
        .filter(invitation_code::Column::InvitationId.in_subquery(of_survey))
        .exec(&txn)
        .await?;
    let purged = invitation::Entity::update_many()
        .col_expr(invitation::Column::Email, Expr::value(Option::<String>::None))
        .col_expr(invitation::Column::Attributes, Expr::value(serde_json::json!({})))
        .filter(invitation::Column::SurveyId.eq(s.id))
        .exec(&txn)
        .await?
        .rows_affected;
    let messages = mailer.purge_survey(s.id).await.map_err(AppError::internal)?;
    audit::record(
        &txn,
        actor,
        "roster purged",
        &format!("{} ({}); {messages} messages deleted from the outbox", s.name, s.id),
    )
    .await?;
    txn.commit().await?;
    Ok(Purged {
        invitees: purged,
        messages,
    })
}

/// What a roster purge dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Purged {
    /// Invitees whose address and attributes were dropped.
    pub invitees: u64,
    /// Messages of the survey deleted from the outbox.
    pub messages: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_problems_are_reported_with_their_lines() {
        let csv = "email,language,department\nA@example.com,JA,Sales\nnot-an-email,en,Dev\na@example.com,ja,Dev\nb@example.com,fr,Dev\nc@example.com,ja,\nd@example.com,ja\n";
        let problems = parse(csv, &["ja".to_owned(), "en".to_owned()]).unwrap_err();
        let lines: Vec<(usize, String)> = problems.iter().map(|p| (p.line, p.message.to_string())).collect();
        let lines: Vec<(usize, &str)> = lines.iter().map(|(n, m)| (*n, m.as_str())).collect();
        assert_eq!(
            lines,
            [
                (3, "`not-an-email` is not an e-mail address"),
                (4, "a@example.com is already on line 2"),
                (5, "language `fr` is not offered by this survey (ja, en)"),
                (6, "`department` is empty"),
                (7, "2 fields where the header has 3"),
            ]
        );
    }

    #[test]
    fn a_language_is_matched_without_regard_to_case_and_kept_as_the_survey_spells_it() {
        let offered = ["ja".to_owned(), "zh-Hans".to_owned(), "pt-BR".to_owned()];
        let rows = parse("email,language\na@x.jp,PT-br\nb@x.jp,zh-hans\nc@x.jp,\n", &offered).unwrap();
        let languages: Vec<&str> = rows.iter().map(|r| r.language.as_str()).collect();
        assert_eq!(languages, ["pt-BR", "zh-Hans", "ja"]);
    }

    #[test]
    fn a_roster_without_email_column_or_rows_is_refused() {
        assert_eq!(
            parse("mail,dept\nx@y.jp,A\n", &["ja".into()]).unwrap_err()[0]
                .message
                .to_string(),
            "there is no `email` column in the header"
        );
        assert_eq!(
            parse("email\n", &["ja".into()]).unwrap_err()[0].message.to_string(),
            "the roster has no invitees"
        );
    }

    #[test]
    fn shift_jis_from_excel_is_read_and_other_encodings_are_explained() {
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("email,部署\na@example.com,営業\n");
        let (text, note) = decode(&sjis).unwrap();
        assert_eq!(note, Some("converted from Shift_JIS"));
        assert!(text.contains("営業"));
        let (text, note) = decode("\u{feff}email\na@b.jp\n".as_bytes()).unwrap();
        assert_eq!((text.as_str(), note), ("email\na@b.jp\n", None));
        let err = decode(&[0x82, 0xA0, 0xFF, 0xFE, 0x80]).unwrap_err();
        assert!(
            err.message
                .to_string()
                .starts_with("the file is neither UTF-8 nor Shift_JIS"),
            "{}",
            err.message
        );
    }
}
