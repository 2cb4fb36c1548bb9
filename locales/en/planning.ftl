# The fieldwork planner: the steps of a plan and what is wrong with one (operator interface, CLI).

plan-step-briefing = Employee briefing
plan-step-sign-off = Questionnaire sign-off
plan-step-fieldwork-open = Fieldwork opens
plan-step-reminder = Reminder { $number }
plan-step-fieldwork-close = Fieldwork closes
plan-step-analysis = Analysis begins
plan-step-report-delivery = Report delivery
plan-step-debrief = Debrief meeting
plan-step-programme-start = Alumni programme starts
plan-error-zero-lead = lead time `{ $name }` must be at least 1 working day
plan-error-lead-too-long = lead time `{ $name }` is { $days } working days; at most { $max } are allowed
plan-error-too-many-reminders = { $count } reminders are too many; a plan has at most 255
plan-error-reminder-after-close = reminder { $number } is set { $after } working days after the opening, but fieldwork lasts only { $fieldwork_days }; send it before the close or lengthen `fieldwork_days`
plan-error-does-not-fit = the plan does not fit: it would start with the employee briefing on { $briefing }, before { $not_before }, { $short_by } working days too early; shorten lead times or move the programme start to { $earliest } or later
plan-error-out-of-order = { $later } ({ $later_date }) is before { $earlier } ({ $earlier_date }); move one of them
plan-error-same-day = { $later } ({ $later_date }) is on the same day as { $earlier }; it must come at least one day later
plan-error-missing = the plan has no date for { $step }
plan-error-twice = the plan has two dates for { $step }
plan-error-out-of-calendar = the dates run past the calendar
