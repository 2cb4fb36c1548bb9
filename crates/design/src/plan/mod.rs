//! Fieldwork planning: from the date the alumni programme starts, a schedule worked out backwards in
//! working days (weekends and the given holidays skipped), each step with a lead time the operator
//! can change.

mod ics;

use std::collections::BTreeSet;
use std::fmt;
use survey_i18n::t;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::text::Lang;

/// One step of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Milestone {
    /// Employees are told the survey is coming, who runs it and why it is anonymous.
    Briefing,
    /// The client signs the questionnaire off; it is frozen from here.
    SignOff,
    FieldworkOpen,
    /// The n-th reminder (1-based) to invitees who have not taken a token.
    Reminder(u8),
    FieldworkClose,
    /// First working day of analysis.
    Analysis,
    ReportDelivery,
    Debrief,
    ProgrammeStart,
}

impl Milestone {
    /// The steps other than reminders, with their stable names.
    const NAMED: [(Milestone, &'static str); 8] = [
        (Self::Briefing, "briefing"),
        (Self::SignOff, "sign_off"),
        (Self::FieldworkOpen, "fieldwork_open"),
        (Self::FieldworkClose, "fieldwork_close"),
        (Self::Analysis, "analysis"),
        (Self::ReportDelivery, "report_delivery"),
        (Self::Debrief, "debrief"),
        (Self::ProgrammeStart, "programme_start"),
    ];

    /// A short stable name, for JSON, forms and calendar ids: `fieldwork_open`, `reminder_2`.
    pub fn key(self) -> String {
        match self {
            Self::Reminder(n) => format!("reminder_{n}"),
            other => Self::NAMED
                .iter()
                .find(|(m, _)| *m == other)
                .map_or_else(String::new, |(_, k)| (*k).to_owned()),
        }
    }

    /// The step named by [`Self::key`].
    pub fn parse(key: &str) -> Option<Self> {
        match key.strip_prefix("reminder_") {
            Some(n) => n.parse().ok().map(Self::Reminder),
            None => Self::NAMED.iter().find(|(_, k)| *k == key).map(|(m, _)| *m),
        }
    }

    /// The step's name for people, in their language.
    pub fn label(self, l: &Lang) -> String {
        match self {
            Self::Briefing => t!(l, "plan-step-briefing"),
            Self::SignOff => t!(l, "plan-step-sign-off"),
            Self::FieldworkOpen => t!(l, "plan-step-fieldwork-open"),
            Self::Reminder(n) => t!(l, "plan-step-reminder", number = n),
            Self::FieldworkClose => t!(l, "plan-step-fieldwork-close"),
            Self::Analysis => t!(l, "plan-step-analysis"),
            Self::ReportDelivery => t!(l, "plan-step-report-delivery"),
            Self::Debrief => t!(l, "plan-step-debrief"),
            Self::ProgrammeStart => t!(l, "plan-step-programme-start"),
        }
    }
}

/// Lead times in working days. The defaults are the firm's usual schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LeadTimes {
    /// From the employee briefing to the questionnaire sign-off.
    pub briefing_before_sign_off: u32,
    /// From sign-off to fieldwork opening (invitations are prepared and tested).
    pub sign_off_before_open: u32,
    /// How long fieldwork stays open.
    pub fieldwork_days: u32,
    /// When reminders go out, counted from the opening; each must fall before the close.
    pub reminders_after_open: Vec<u32>,
    /// From the close to the delivery of the report.
    pub analysis_days: u32,
    /// From the delivery of the report to the debrief meeting.
    pub report_before_debrief: u32,
    /// From the debrief meeting to the start of the programme.
    pub debrief_before_start: u32,
}

impl Default for LeadTimes {
    fn default() -> Self {
        Self {
            briefing_before_sign_off: 5,
            sign_off_before_open: 5,
            fieldwork_days: 10,
            reminders_after_open: vec![5, 8],
            analysis_days: 10,
            report_before_debrief: 3,
            debrief_before_start: 20,
        }
    }
}

/// Which days count as working days: Monday to Friday, except the holidays.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkCalendar {
    holidays: BTreeSet<NaiveDate>,
}

impl WorkCalendar {
    pub fn new(holidays: impl IntoIterator<Item = NaiveDate>) -> Self {
        Self {
            holidays: holidays.into_iter().collect(),
        }
    }

    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&day)
    }

    /// The day `n` working days before `day` (not counting `day` itself).
    fn back(&self, day: NaiveDate, n: u32) -> Option<NaiveDate> {
        self.step(day, n, |d| d.checked_sub_days(Days::new(1)))
    }

    /// The day `n` working days after `day` (not counting `day` itself).
    fn forward(&self, day: NaiveDate, n: u32) -> Option<NaiveDate> {
        self.step(day, n, |d| d.checked_add_days(Days::new(1)))
    }

    fn step(&self, mut day: NaiveDate, n: u32, next: impl Fn(NaiveDate) -> Option<NaiveDate>) -> Option<NaiveDate> {
        let mut left = n;
        while left > 0 {
            day = next(day)?;
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        Some(day)
    }

    /// Working days from `from` (exclusive) to `to` (inclusive); 0 when `to` is not after `from`.
    fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        from.iter_days()
            .skip(1)
            .take_while(|d| *d <= to)
            .filter(|d| self.is_working_day(*d))
            .count() as u32
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub milestone: Milestone,
    pub date: NaiveDate,
}

/// A fieldwork schedule whose steps are in order. Built by [`Plan::propose`] or, for a plan entered
/// by hand, [`Plan::from_steps`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    steps: Vec<Step>,
}

/// The longest lead time, in working days (about four years): a plan is worked out day by day, so a
/// lead time of millions of days would keep the planner busy for minutes.
pub const MAX_LEAD_DAYS: u32 = 1000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    ZeroLead(&'static str),
    LeadTooLong {
        name: &'static str,
        days: u32,
    },
    TooManyReminders(usize),
    ReminderAfterClose {
        number: usize,
        after: u32,
        fieldwork_days: u32,
    },
    DoesNotFit {
        briefing: NaiveDate,
        not_before: NaiveDate,
        short_by: u32,
        earliest: NaiveDate,
    },
    OutOfOrder {
        earlier: Milestone,
        earlier_date: NaiveDate,
        later: Milestone,
        later_date: NaiveDate,
    },
    SameDay {
        earlier: Milestone,
        later: Milestone,
        later_date: NaiveDate,
    },
    Missing(Milestone),
    Twice(Milestone),
    OutOfCalendar,
}

/// In English, for logs and programs.
impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(&Lang::english()))
    }
}

impl std::error::Error for PlanError {}

impl PlanError {
    /// The message in `l`.
    pub fn message(&self, l: &Lang) -> String {
        let date = |d: &NaiveDate| d.to_string();
        match self {
            Self::ZeroLead(name) => t!(l, "plan-error-zero-lead", name = *name),
            Self::LeadTooLong { name, days } => {
                t!(
                    l,
                    "plan-error-lead-too-long",
                    name = *name,
                    days = days.to_string(),
                    max = MAX_LEAD_DAYS.to_string()
                )
            }
            Self::TooManyReminders(n) => t!(l, "plan-error-too-many-reminders", count = *n),
            Self::ReminderAfterClose {
                number,
                after,
                fieldwork_days,
            } => t!(
                l,
                "plan-error-reminder-after-close",
                number = *number,
                after = *after,
                fieldwork_days = *fieldwork_days
            ),
            Self::DoesNotFit {
                briefing,
                not_before,
                short_by,
                earliest,
            } => t!(
                l,
                "plan-error-does-not-fit",
                briefing = date(briefing),
                not_before = date(not_before),
                short_by = *short_by,
                earliest = date(earliest)
            ),
            Self::OutOfOrder {
                earlier,
                earlier_date,
                later,
                later_date,
            } => t!(
                l,
                "plan-error-out-of-order",
                later = later.label(l),
                later_date = date(later_date),
                earlier = earlier.label(l),
                earlier_date = date(earlier_date)
            ),
            Self::SameDay {
                earlier,
                later,
                later_date,
            } => t!(
                l,
                "plan-error-same-day",
                later = later.label(l),
                later_date = date(later_date),
                earlier = earlier.label(l)
            ),
            Self::Missing(step) => t!(l, "plan-error-missing", step = step.label(l)),
            Self::Twice(step) => t!(l, "plan-error-twice", step = step.label(l)),
            Self::OutOfCalendar => t!(l, "plan-error-out-of-calendar"),
        }
    }
}

impl Plan {
    /// Proposes a schedule backwards from `programme_start`. With `not_before` (usually today), a plan
    /// whose first step would fall before it is refused, with the earliest start date that fits.
    pub fn propose(
        programme_start: NaiveDate,
        lead: &LeadTimes,
        calendar: &WorkCalendar,
        not_before: Option<NaiveDate>,
    ) -> Result<Self, PlanError> {
        let plan = Self::backwards(programme_start, lead, calendar)?;
        if let Some(not_before) = not_before
            && let Some(briefing) = plan.date(Milestone::Briefing)
            && briefing < not_before
        {
            let short_by = calendar.working_days_between(briefing, not_before).max(1);
            // The briefing moves forward with the start, never back: the first start within ten years
            // whose briefing is not before `not_before` is found by bisection.
            let starts: Vec<NaiveDate> = programme_start.iter_days().skip(1).take(3660).collect();
            let fits = |s: &NaiveDate| {
                Self::backwards(*s, lead, calendar)
                    .ok()
                    .and_then(|p| p.date(Milestone::Briefing))
                    .is_some_and(|b| b >= not_before)
            };
            let earliest = *starts
                .get(starts.partition_point(|s| !fits(s)))
                .ok_or(PlanError::OutOfCalendar)?;
            return Err(PlanError::DoesNotFit {
                briefing,
                not_before,
                short_by,
                earliest,
            });
        }
        Ok(plan)
    }

    fn backwards(start: NaiveDate, lead: &LeadTimes, calendar: &WorkCalendar) -> Result<Self, PlanError> {
        let leads = [
            ("briefing_before_sign_off", lead.briefing_before_sign_off),
            ("sign_off_before_open", lead.sign_off_before_open),
            ("fieldwork_days", lead.fieldwork_days),
            ("analysis_days", lead.analysis_days),
            ("report_before_debrief", lead.report_before_debrief),
            ("debrief_before_start", lead.debrief_before_start),
        ];
        if let Some((name, _)) = leads.iter().find(|(_, days)| *days == 0) {
            return Err(PlanError::ZeroLead(name));
        }
        if let Some(&(name, days)) = leads.iter().find(|(_, days)| *days > MAX_LEAD_DAYS) {
            return Err(PlanError::LeadTooLong { name, days });
        }
        for (i, after) in lead.reminders_after_open.iter().enumerate() {
            if *after == 0 || *after >= lead.fieldwork_days {
                return Err(PlanError::ReminderAfterClose {
                    number: i + 1,
                    after: *after,
                    fieldwork_days: lead.fieldwork_days,
                });
            }
        }
        let back = |day, n| calendar.back(day, n).ok_or(PlanError::OutOfCalendar);
        let debrief = back(start, lead.debrief_before_start)?;
        let report = back(debrief, lead.report_before_debrief)?;
        let close = back(report, lead.analysis_days)?;
        let analysis = calendar.forward(close, 1).ok_or(PlanError::OutOfCalendar)?;
        let open = back(close, lead.fieldwork_days)?;
        let sign_off = back(open, lead.sign_off_before_open)?;
        let briefing = back(sign_off, lead.briefing_before_sign_off)?;

        let mut reminder_days: Vec<u32> = lead.reminders_after_open.clone();
        reminder_days.sort_unstable();
        reminder_days.dedup();
        if reminder_days.len() > usize::from(u8::MAX) {
            return Err(PlanError::TooManyReminders(reminder_days.len()));
        }
        let mut steps = vec![
            Step {
                milestone: Milestone::Briefing,
                date: briefing,
            },
            Step {
                milestone: Milestone::SignOff,
                date: sign_off,
            },
            Step {
                milestone: Milestone::FieldworkOpen,
                date: open,
            },
        ];
        for (i, after) in reminder_days.into_iter().enumerate() {
            let date = calendar.forward(open, after).ok_or(PlanError::OutOfCalendar)?;
            steps.push(Step {
                milestone: Milestone::Reminder(u8::try_from(i + 1).map_err(|_| PlanError::TooManyReminders(i + 1))?),
                date,
            });
        }
        steps.extend([
            Step {
                milestone: Milestone::FieldworkClose,
                date: close,
            },
            Step {
                milestone: Milestone::Analysis,
                date: analysis,
            },
            Step {
                milestone: Milestone::ReportDelivery,
                date: report,
            },
            Step {
                milestone: Milestone::Debrief,
                date: debrief,
            },
            Step {
                milestone: Milestone::ProgrammeStart,
                date: start,
            },
        ]);
        Ok(Self { steps })
    }

    /// A plan entered by hand: every step except reminders exactly once, reminders numbered from 1,
    /// and the steps in order (fieldwork opens before it closes, reminders fall inside fieldwork).
    pub fn from_steps(steps: Vec<Step>) -> Result<Self, PlanError> {
        let mut sorted = steps;
        sorted.sort_by_key(|s| s.milestone);
        for pair in sorted.windows(2) {
            if pair[0].milestone == pair[1].milestone {
                return Err(PlanError::Twice(pair[0].milestone));
            }
        }
        let fixed = [
            Milestone::Briefing,
            Milestone::SignOff,
            Milestone::FieldworkOpen,
            Milestone::FieldworkClose,
            Milestone::Analysis,
            Milestone::ReportDelivery,
            Milestone::Debrief,
            Milestone::ProgrammeStart,
        ];
        if let Some(missing) = fixed.iter().find(|m| !sorted.iter().any(|s| s.milestone == **m)) {
            return Err(PlanError::Missing(*missing));
        }
        let reminders = sorted
            .iter()
            .filter(|s| matches!(s.milestone, Milestone::Reminder(_)))
            .count();
        if let Some(gap) =
            (1..=reminders).find(|n| !sorted.iter().any(|s| s.milestone == Milestone::Reminder(*n as u8)))
        {
            return Err(PlanError::Missing(Milestone::Reminder(gap as u8)));
        }
        // Milestone's order is the plan's order; fieldwork must last at least a day and reminders
        // must fall strictly inside it, the other steps may share a day.
        for pair in sorted.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if b.date < a.date {
                return Err(PlanError::OutOfOrder {
                    earlier: a.milestone,
                    earlier_date: a.date,
                    later: b.milestone,
                    later_date: b.date,
                });
            }
            let strict = matches!(a.milestone, Milestone::FieldworkOpen | Milestone::Reminder(_))
                || b.milestone == Milestone::FieldworkClose;
            if strict && b.date == a.date {
                return Err(PlanError::SameDay {
                    earlier: a.milestone,
                    later: b.milestone,
                    later_date: b.date,
                });
            }
        }
        Ok(Self { steps: sorted })
    }

    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    pub fn date(&self, milestone: Milestone) -> Option<NaiveDate> {
        self.steps.iter().find(|s| s.milestone == milestone).map(|s| s.date)
    }
}

impl Serialize for Milestone {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.key())
    }
}

impl fmt::Display for Milestone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}
