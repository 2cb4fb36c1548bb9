//! `survey plan`: a fieldwork schedule as a table, JSON or an iCalendar file.

use std::io::Write;

use chrono::{Local, NaiveDate, Utc};
use survey_design::{Lang, LeadTimes, Plan, WorkCalendar};

use crate::cli::{PlanArgs, PlanFormat};
use crate::error::CliError;

pub fn run(args: &PlanArgs, out: &mut impl Write) -> Result<(), CliError> {
    let lang = Lang::parse(&args.lang)?;
    let mut holidays = args.holidays.clone();
    if let Some(path) = &args.holidays_file {
        holidays.extend(read_holidays(path)?);
    }
    let lead = lead_times(args);
    let not_before = args.not_before.unwrap_or_else(|| Local::now().date_naive());
    let plan = Plan::propose(args.start, &lead, &WorkCalendar::new(holidays), Some(not_before))?;
    match args.format {
        PlanFormat::Table => {
            for step in plan.steps() {
                writeln!(
                    out,
                    "{}  {}  {}",
                    step.date,
                    step.date.format("%a"),
                    step.milestone.label(&lang)
                )?;
            }
        }
        PlanFormat::Json => {
            let steps: Vec<serde_json::Value> = plan
                .steps()
                .iter()
                .map(|s| serde_json::json!({ "milestone": s.milestone, "date": s.date, "label": s.milestone.label(&lang) }))
                .collect();
            let doc = serde_json::json!({ "programme_start": args.start, "lead_times": lead, "steps": steps });
            writeln!(out, "{doc:#}")?;
        }
        PlanFormat::Ics => out.write_all(plan.to_ics(&args.name, &lang, Utc::now()).as_bytes())?,
    }
    Ok(())
}

fn lead_times(args: &PlanArgs) -> LeadTimes {
    let d = LeadTimes::default();
    LeadTimes {
        briefing_before_sign_off: args.briefing_days.unwrap_or(d.briefing_before_sign_off),
        sign_off_before_open: args.sign_off_days.unwrap_or(d.sign_off_before_open),
        fieldwork_days: args.fieldwork_days.unwrap_or(d.fieldwork_days),
        reminders_after_open: if args.reminders.is_empty() {
            d.reminders_after_open
        } else {
            args.reminders.clone()
        },
        analysis_days: args.analysis_days.unwrap_or(d.analysis_days),
        report_before_debrief: args.report_days.unwrap_or(d.report_before_debrief),
        debrief_before_start: args.debrief_days.unwrap_or(d.debrief_before_start),
    }
}

fn read_holidays(path: &std::path::Path) -> Result<Vec<NaiveDate>, CliError> {
    let text = std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.to_owned(),
        source,
    })?;
    let mut days = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let entry = line.split('#').next().unwrap_or("").trim();
        if entry.is_empty() {
            continue;
        }
        let day = entry.parse().map_err(|_| CliError::HolidayDate {
            path: path.to_owned(),
            line: i + 1,
            text: entry.to_owned(),
        })?;
        days.push(day);
    }
    Ok(days)
}
