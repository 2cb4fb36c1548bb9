//! The fieldwork planner: backwards in working days, holidays skipped, clear refusals, and an
//! iCalendar file a calendar program can read.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking, helpers included

use chrono::{Datelike, NaiveDate, TimeZone, Utc, Weekday};
use icalendar::{Component, DatePerhapsTime};
use survey_design::{Lang, LeadTimes, Milestone, Plan, PlanError, Step, WorkCalendar};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn short() -> LeadTimes {
    LeadTimes {
        briefing_before_sign_off: 1,
        sign_off_before_open: 1,
        fieldwork_days: 3,
        reminders_after_open: vec![2],
        analysis_days: 1,
        report_before_debrief: 1,
        debrief_before_start: 1,
    }
}

#[test]
fn a_short_plan_counts_working_days_backwards_over_a_weekend() {
    // Monday 2027-01-18: every step one working day before the next, fieldwork three, so fieldwork
    // opens on Friday 8 and the reminder two working days later is on Tuesday 12.
    let plan = Plan::propose(day("2027-01-18"), &short(), &WorkCalendar::default(), None).unwrap();
    let dates: Vec<(String, String)> = plan
        .steps()
        .iter()
        .map(|s| (s.milestone.key(), s.date.to_string()))
        .collect();
    let expected = [
        ("briefing", "2027-01-06"),
        ("sign_off", "2027-01-07"),
        ("fieldwork_open", "2027-01-08"),
        ("reminder_1", "2027-01-12"),
        ("fieldwork_close", "2027-01-13"),
        ("analysis", "2027-01-14"),
        ("report_delivery", "2027-01-14"),
        ("debrief", "2027-01-15"),
        ("programme_start", "2027-01-18"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(a, b)| ((*a).into(), (*b).into())).collect();
    assert_eq!(dates, expected);
}

#[test]
fn holidays_are_skipped_like_weekends() {
    // Friday 2027-01-15 is a holiday: everything before the start moves one working day earlier.
    let calendar = WorkCalendar::new([day("2027-01-15")]);
    let plan = Plan::propose(day("2027-01-18"), &short(), &calendar, None).unwrap();
    assert_eq!(plan.date(Milestone::Debrief), Some(day("2027-01-14")));
    assert_eq!(plan.date(Milestone::FieldworkClose), Some(day("2027-01-12")));
    assert_eq!(plan.date(Milestone::Analysis), Some(day("2027-01-13")));
    assert!(
        plan.steps()
            .iter()
            .all(|s| s.milestone == Milestone::ProgrammeStart || calendar.is_working_day(s.date))
    );
}

#[test]
fn the_default_plan_keeps_every_step_on_a_working_day_in_order_with_the_default_lead_times() {
    let lead = LeadTimes::default();
    let calendar = WorkCalendar::new([day("2027-03-22")]);
    let plan = Plan::propose(day("2027-04-01"), &lead, &calendar, None).unwrap();
    let steps = plan.steps();
    assert!(
        steps
            .windows(2)
            .all(|w| w[0].date <= w[1].date && w[0].milestone < w[1].milestone)
    );
    for s in &steps[..steps.len() - 1] {
        assert!(!matches!(s.date.weekday(), Weekday::Sat | Weekday::Sun), "{s:?}");
        assert_ne!(s.date, day("2027-03-22"));
    }
    let working_days = |a: Milestone, b: Milestone| {
        let (a, b) = (plan.date(a).unwrap(), plan.date(b).unwrap());
        a.iter_days()
            .skip(1)
            .take_while(|d| *d <= b)
            .filter(|d| calendar.is_working_day(*d))
            .count() as u32
    };
    assert_eq!(
        working_days(Milestone::FieldworkOpen, Milestone::FieldworkClose),
        lead.fieldwork_days
    );
    assert_eq!(
        working_days(Milestone::Debrief, Milestone::ProgrammeStart),
        lead.debrief_before_start
    );
    assert_eq!(
        working_days(Milestone::FieldworkClose, Milestone::ReportDelivery),
        lead.analysis_days
    );
    assert_eq!(
        working_days(Milestone::Briefing, Milestone::SignOff),
        lead.briefing_before_sign_off
    );
    assert_eq!(
        steps
            .iter()
            .filter(|s| matches!(s.milestone, Milestone::Reminder(_)))
            .count(),
        2
    );
}

#[test]
fn a_zero_lead_time_is_refused_by_name() {
    let lead = LeadTimes {
        fieldwork_days: 0,
        ..LeadTimes::default()
    };
    let err = Plan::propose(day("2027-04-01"), &lead, &WorkCalendar::default(), None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "lead time `fieldwork_days` must be at least 1 working day"
    );
}

#[test]
fn a_reminder_on_or_after_the_close_is_refused() {
    let lead = LeadTimes {
        reminders_after_open: vec![3, 10],
        ..LeadTimes::default()
    };
    let err = Plan::propose(day("2027-04-01"), &lead, &WorkCalendar::default(), None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "reminder 2 is set 10 working days after the opening, but fieldwork lasts only 10; send it before the \
         close or lengthen `fieldwork_days`"
    );
}

#[test]
fn lead_times_that_do_not_fit_before_today_name_the_earliest_start_that_fits() {
    let today = day("2026-11-23");
    let err = Plan::propose(
        day("2027-01-18"),
        &LeadTimes::default(),
        &WorkCalendar::default(),
        Some(today),
    )
    .unwrap_err();
    let PlanError::DoesNotFit {
        briefing,
        earliest,
        short_by,
        ..
    } = err.clone()
    else {
        panic!("{err}")
    };
    assert!(briefing < today);
    assert!(short_by > 0);
    // The earliest start fits exactly: its briefing is today or later, and a day earlier does not fit.
    let fits = Plan::propose(earliest, &LeadTimes::default(), &WorkCalendar::default(), Some(today)).unwrap();
    assert!(fits.date(Milestone::Briefing).unwrap() >= today);
    assert!(
        Plan::propose(
            earliest.pred_opt().unwrap(),
            &LeadTimes::default(),
            &WorkCalendar::default(),
            Some(today)
        )
        .is_err()
    );
    assert_eq!(
        err.to_string(),
        format!(
            "the plan does not fit: it would start with the employee briefing on {briefing}, before 2026-11-23, \
             {short_by} working days too early; shorten lead times or move the programme start to {earliest} or later"
        )
    );
}

fn steps(dates: &[(Milestone, &str)]) -> Vec<Step> {
    dates
        .iter()
        .map(|(m, d)| Step {
            milestone: *m,
            date: day(d),
        })
        .collect()
}

fn hand_plan() -> Vec<(Milestone, &'static str)> {
    vec![
        (Milestone::Briefing, "2027-02-01"),
        (Milestone::SignOff, "2027-02-05"),
        (Milestone::FieldworkOpen, "2027-02-15"),
        (Milestone::Reminder(1), "2027-02-19"),
        (Milestone::FieldworkClose, "2027-02-26"),
        (Milestone::Analysis, "2027-03-01"),
        (Milestone::ReportDelivery, "2027-03-12"),
        (Milestone::Debrief, "2027-03-17"),
        (Milestone::ProgrammeStart, "2027-04-01"),
    ]
}

#[test]
fn a_plan_entered_by_hand_is_accepted_in_any_order_when_its_dates_are_in_order() {
    let mut entered = hand_plan();
    entered.reverse();
    let plan = Plan::from_steps(steps(&entered)).unwrap();
    assert_eq!(plan.steps().first().unwrap().milestone, Milestone::Briefing);
}

#[test]
fn a_close_before_the_open_is_refused() {
    let mut entered = hand_plan();
    entered[4].1 = "2027-02-12";
    entered[3].1 = "2027-02-10";
    let err = Plan::from_steps(steps(&entered)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Reminder 1 (2027-02-10) is before Fieldwork opens (2027-02-15); move one of them"
    );
    entered.remove(3);
    let err = Plan::from_steps(steps(&entered)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Fieldwork closes (2027-02-12) is before Fieldwork opens (2027-02-15); move one of them"
    );
}

#[test]
fn fieldwork_must_last_at_least_a_day() {
    let mut entered = hand_plan();
    entered.remove(3);
    entered[3].1 = "2027-02-15";
    let err = Plan::from_steps(steps(&entered)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Fieldwork closes (2027-02-15) is on the same day as Fieldwork opens; it must come at least one day later"
    );
}

#[test]
fn a_hand_plan_missing_or_doubling_a_step_is_refused() {
    let mut entered = hand_plan();
    entered.remove(1);
    assert_eq!(
        Plan::from_steps(steps(&entered)).unwrap_err().to_string(),
        "the plan has no date for Questionnaire sign-off"
    );
    let mut entered = hand_plan();
    entered.push((Milestone::Debrief, "2027-03-18"));
    assert_eq!(
        Plan::from_steps(steps(&entered)).unwrap_err().to_string(),
        "the plan has two dates for Debrief meeting"
    );
    let mut entered = hand_plan();
    entered[3].0 = Milestone::Reminder(2);
    assert_eq!(
        Plan::from_steps(steps(&entered)).unwrap_err().to_string(),
        "the plan has no date for Reminder 1"
    );
}

#[test]
fn the_ics_file_reads_back_as_one_all_day_event_per_step() {
    let plan = Plan::propose(day("2027-04-01"), &LeadTimes::default(), &WorkCalendar::default(), None).unwrap();
    let stamp = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let ics = plan.to_ics("アルムナイ, 2027; pilot", &Lang::parse("ja").unwrap(), stamp);
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        ics.split("\r\n").all(|line| line.len() <= 75),
        "a line is longer than 75 octets"
    );
    assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF in an iCalendar file");

    let calendar: icalendar::Calendar = ics.parse().unwrap();
    let events: Vec<&icalendar::Event> = calendar.components.iter().filter_map(|c| c.as_event()).collect();
    assert_eq!(events.len(), plan.steps().len());
    for (event, step) in events.iter().zip(plan.steps()) {
        assert_eq!(event.get_start(), Some(DatePerhapsTime::Date(step.date)));
        let summary = event.get_summary().unwrap();
        assert_eq!(
            summary,
            format!(
                "{} — アルムナイ, 2027; pilot",
                step.milestone.label(&Lang::parse("ja").unwrap())
            )
        );
        assert!(event.get_uid().unwrap().ends_with("@survey-planner"));
    }
}

#[test]
fn a_plan_that_would_run_off_the_calendar_is_refused() {
    let err = Plan::propose(NaiveDate::MIN, &LeadTimes::default(), &WorkCalendar::default(), None).unwrap_err();
    assert_eq!(err.to_string(), "the dates run past the calendar");
}

#[test]
fn plan_errors_read_in_japanese_too() {
    let ja = Lang::parse("ja").unwrap();
    let lead = LeadTimes {
        fieldwork_days: 0,
        ..LeadTimes::default()
    };
    let err = Plan::propose(day("2027-04-01"), &lead, &WorkCalendar::default(), None).unwrap_err();
    assert_eq!(
        err.message(&ja),
        "リードタイム `fieldwork_days` は1営業日以上にしてください"
    );
    assert_eq!(err.message(&Lang::parse("en").unwrap()), err.to_string());
    let mut entered = hand_plan();
    entered.remove(3);
    entered[3].1 = "2027-02-12";
    let err = Plan::from_steps(steps(&entered)).unwrap_err();
    assert_eq!(
        err.message(&ja),
        "調査締切（2027-02-12）が調査開始（2027-02-15）より前になっています。どちらかを動かしてください"
    );
}

#[test]
fn every_step_name_reads_back_as_its_step() {
    let plan = Plan::propose(day("2027-04-01"), &LeadTimes::default(), &WorkCalendar::default(), None).unwrap();
    for step in plan.steps() {
        assert_eq!(Milestone::parse(&step.milestone.key()), Some(step.milestone));
    }
    assert_eq!(Milestone::parse("reminder_x"), None);
    assert_eq!(Milestone::parse("kickoff"), None);
}
