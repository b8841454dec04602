"""Every English label of flexdose's pictures, tables, totals, text report, printout, card and CLI.

Plain data at the bottom of the one-way flow: key -> template, filled by `flexdose.labels.label`.
`flexdose.labels_es` has the same keys with the same ``{placeholders}`` (a test checks both).
A key ending in ``.one`` / ``.other`` is a pair chosen by a count (`flexdose.labels.plural`).

Templates marked "markup" below are HTML: their placeholders are filled with escaped text or
markup and the result is not escaped again. Every other template is text, escaped where it is
written into markup. English output is byte for byte what it was before the catalogue.
"""

from __future__ import annotations

from typing import Final

__all__ = ["LABELS"]

LABELS: Final[dict[str, str]] = {
    # ---- numbers and dates (flexdose.numbers, flexdose._fmt) ----
    "date.short": "{weekday} {day} {month} {year}",
    "days_from_today.today": "today",
    "days_from_today.future.one": "{n} day from today",
    "days_from_today.future.other": "{n} days from today",
    "days_from_today.past.one": "{n} day ago",
    "days_from_today.past.other": "{n} days ago",
    "hours.h_min": "{h} h {m} min",
    "hours.h": "{h} h",
    "hours.min": "{m} min",
    "days.one": "{n} day",
    "days.other": "{n} days",
    "part_of_day.early_morning": "in the early morning",
    "part_of_day.morning": "in the morning",
    "part_of_day.afternoon": "in the afternoon",
    "part_of_day.evening": "in the evening",
    "typed.digits": "a number about {digits} digits long",
    "typed.not_a_number": "a value that is not a number",
    "typed.too_large": "a number too large to use",
    "typed.too_small": "a number too close to zero to use",
    # ---- units (flexdose.units) and amounts ----
    "unit.mcg_per_day": "mcg/day",
    "unit.mcg_per_hour": "mcg/hour",
    "amount.mcg": "{mcg} mcg",
    "amount.ml": "{ml} mL",
    "amount.mcg_with_ml": "{mcg} mcg ({ml} mL)",
    "amount.mcg_per_ml": "{conc} mcg per mL",
    # ---- the day chart and the week strip (SVG) ----
    "svg.no_picture_title": "No picture yet",
    "svg.no_picture_short": "No picture until the errors are fixed.",
    "svg.day_title": "Dose rate through the day, program {program}",
    "svg.step_words": "From {start} to {end}: {rate} mcg per day ({mcg} mcg in this step).",
    "svg.block_tip": "{start} to {end}: {rate} mcg per day, {amount} in this step",
    "svg.total": "Total for the day: {mcg} mcg",
    "svg.total_with_ml": "Total for the day: {mcg} mcg ({ml} mL)",
    "svg.axis_rate": "Dose rate (mcg per day)",
    "svg.axis_time": "Time of day",
    "svg.now_words": (
        "The line marked Now is at {now}, in the step from {start} to {end} ({rate} mcg per day)."
    ),
    "svg.now_title": "Now: {now}",
    "svg.now_label": "Now",
    "week.title": "Week plan: the program and daily total for each day",
    "week.heading": "Week plan",
    "week.mean": "Average day over the week: {mcg} mcg",
    "week.mean_with_ml": "Average day over the week: {mcg} mcg ({ml} mL)",
    "week.day_words": "{day}: program {program}, {mcg} mcg.",
    "week.day_tip": "{day}: {program}, {mcg} mcg",
    # ---- the steps table, totals and findings (HTML) ----
    "html.no_picture": (
        "The picture of your schedule appears here once the errors below are fixed."
    ),
    "html.no_totals": "Totals appear once the errors are fixed.",
    "table.region": "Steps of program {program}",
    "table.caption": "Steps of program {program} (24-hour clock)",  # markup
    "table.start": "Start",
    "table.end": "End",
    "table.length": "Length",
    "table.mcg_per_day": "mcg per day",
    "table.mcg_per_hour": "mcg per hour",
    "table.mcg_in_step": "mcg in step",
    "table.total": "Total for the day",
    "table.volume": "Volume for the day at {conc} mcg/mL",
    "totals.total": "Total for the day",
    "totals.program_total": "Daily total, program {program}",  # markup
    "totals.mean": "Average day over the week",
    "totals.drug": "Drug used per day",
    "totals.drug_value": "{ml} mL on an average day, at {conc} mcg per mL",
    "totals.add_concentration": "Add the drug concentration to see mL per day.",
    "totals.alarm": "Low-reservoir alarm",
    "totals.alarm_when": ", {from_today}",
    "totals.alarm_value": (  # markup
        "<strong>{date}</strong>, {part}{when}: about {days} after the fill on {fill_date} "
        "at {fill_time}, when {alarm_ml} mL of the {volume_ml} mL filled is left."
    ),
    "totals.refill": "Refill by",
    "totals.refill_value": (  # markup
        "<strong>{date}</strong>: {days} before the alarm, a margin in case travel, weather or "
        "a busy day delays the refill visit. Your ITB team sets the real date."
    ),
    "totals.add_everything": (
        "Add the drug concentration and the fill (date, time and volume) to see when the "
        "low-reservoir alarm would sound."
    ),
    "totals.no_drug_used": "No alarm date: every step is 0 mcg, so the pump would use no drug.",
    "totals.add_fill": (
        "Add the fill date, time and volume to see when the low-reservoir alarm would sound "
        "and a refill-by date."
    ),
    "severity.error.label": "Error:",
    "severity.error.heading": "Errors to fix",
    "severity.warning.label": "Warning:",
    "severity.warning.heading": "Warnings to talk about with your ITB team",
    "severity.info.label": "Note:",
    "severity.info.heading": "Notes",
    "findings.group_title": "{heading} ({count})",
    "findings.goto": "Go to the field",
    "findings.nothing": "Nothing to report.",
    # ---- the comparison ----
    "compare.intro": (
        "The current and the proposed schedule side by side: a picture to discuss with your "
        "ITB team, not a pump program."
    ),
    "compare.current_invalid": (
        "The current schedule has errors, so there is nothing to compare yet. Fix these first:"
    ),
    "compare.proposed_invalid": (
        "The proposed schedule has errors, so there is nothing to compare yet. Fix these first:"
    ),
    "compare.not_known": "not known",
    "compare.no_pct": "no %",
    "compare.average_day": "Average day",
    "compare.region": "Current and proposed",
    "compare.caption": "Daily total for each day, in mcg: current and proposed",
    "compare.day": "Day",
    "compare.current": "Current",
    "compare.proposed": "Proposed",
    "compare.change": "Change",
    "compare.no_large_change": "No day changes enough to be flagged as a large change.",
    # ---- the text report (flexdose check) ----
    "text.heading": "ITB Flex schedule check",
    "text.title": "Title: {title}",
    "text.valid": "Result: no errors ({tally}).",
    "text.invalid": "Result: NOT VALID ({tally}).",
    "text.no_picture": "The picture of your schedule appears once the errors below are fixed.",
    "text.tally": "{errors}, {warnings}, {notes}",
    "count.error.one": "{n} error",
    "count.error.other": "{n} errors",
    "count.warning.one": "{n} warning",
    "count.warning.other": "{n} warnings",
    "count.note.one": "{n} note",
    "count.note.other": "{n} notes",
    "count.step.one": "{n} step",
    "count.step.other": "{n} steps",
    "text.group_heading": "{heading}:",
    "text.start": "Start",
    "text.end": "End",
    "text.length": "Length",
    "text.mcg_per_day": "mcg/day",
    "text.mcg_per_hour": "mcg/hour",
    "text.mcg_in_step": "mcg in step",
    "text.total": "Total for the day",
    "text.program": "Program {name} ({steps}):",
    "text.ml_a_day": "That is {ml} mL a day at {conc} mcg/mL.",
    "text.week": "Week:",
    "text.day": "Day",
    "text.program_column": "Program",
    "text.total_column": "Total",
    "text.volume_column": "Volume",
    "text.average_day": "Average day",
    "text.add_concentration": "Add the drug concentration to see mL per day.",
    "text.alarm": (
        "Low-reservoir alarm: {date}, {part}{when} (about {days} after the fill on {fill_date} "
        "at {fill_time}, when {alarm_ml} mL of {volume_ml} mL is left)."
    ),
    "text.alarm_when": ", {from_today}",
    "text.refill": (
        "Refill by: {date} ({days} before the alarm, a margin for travel, weather or a late visit)."
    ),
    "text.add_everything": (
        "Low-reservoir alarm: add the drug concentration and the fill (date, time, volume) to "
        "see it."
    ),
    "text.no_drug_used": "Low-reservoir alarm: none, every step is 0 mcg.",
    "text.add_fill": "Low-reservoir alarm: add the fill date, time and volume to see it.",
    # ---- the printout ----
    "print.region": "Printable summary",
    "print.default_title": "Flex-dosing schedule",
    "print.hand.name": "Name",
    "print.hand.birth": "Date of birth",
    "print.hand.printed": "Printed on",
    "print.hand.phone": "Clinic / ITB team phone",
    "print.invalid": (
        "This schedule has errors, so the printout shows no doses. Fix the errors first, then "
        "print again."
    ),
    "print.axis_time": "Time of day (24-hour clock)",
    "print.total_words": "Total for the day: {mcg} mcg.",
    "print.daily": "{mcg} mcg a day",
    "print.daily_with_ml": "{mcg} mcg a day ({ml} mL)",
    "print.program_heading": "Program {name}",  # markup
    "print.week_caption": "Week plan: the program and the total for each day",
    "print.week_program": "Program",
    "print.week_mcg": "mcg in the day",
    "print.week_ml": "mL in the day",
    "print.every_day": "Every day",
    "print.average_day": "Average day",
    "print.drug": "Drug per day",
    "print.drug_value": "{ml} mL on an average day ({conc} mcg per mL)",
    "print.alarm": "Low-reservoir alarm",
    "print.alarm_value": (  # markup
        "<strong>{date}</strong>, {part} (about {days} after the fill)"
    ),
    "print.refill": "Refill by",
    "print.refill_value": (  # markup
        "<strong>{date}</strong> ({days} before the alarm; your ITB team sets the real date)"
    ),
    "print.totals": "Totals",
    "print.refill_details": "Refill details",
    "print.reservoir": "Pump reservoir",
    "print.alarm_volume": "Alarm volume",
    "print.ml_left": "{ml} mL left",
    "print.strength": "Strength",
    "print.filled_on": "Filled on",
    "print.filled_on_value": "{date} at {time}",  # markup
    "print.volume_filled": "Volume filled",
    "print.compare_heading": "Current and proposed, mcg a day",
    "blank.ml": "mL",
    "blank.ml_left": "mL left",
    "blank.mcg_per_ml": "mcg/mL",
    "blank.date_time": "date, time",
    "blank.date": "date",
    "blank.mcg_a_day": "mcg a day",
    # ---- the wallet and emergency card ----
    "card.label": "Wallet card",
    "card.heading": "I have an ITB baclofen pump",
    "card.how_to": (
        "Cut out the card along the outer line. Fold it down the middle, printed side out, "
        "then fold it up along the dashed lines."
    ),
    "card.hand.name": "Name",
    "card.hand.team_phone": "ITB team phone",
    "card.hand.after_hours": "After-hours phone",
    "card.hand.contact": "Emergency contact",
    "card.dose_heading": "My pump and dose",
    "card.tell_heading": "What to tell the emergency team",
    "card.act_heading": "What to do now",
    "card.reservoir": "Pump reservoir",
    "card.strength": "Strength",
    "card.daily_dose": "Daily dose",
    "card.alarm": "Low-reservoir alarm",
    "card.refill": "Refill by",
    "card.mean_dose": "{mcg} mcg on an average day",
    "card.every_day": "{mcg} mcg a day, every day",
    "card.on_days": "{mcg} mcg a day on {days} ({name})",  # markup
    "card.more_programs": "and {rest} more programs: see the printout",
    "card.day_separator": ", ",
    # ---- the command line ----
    "cli.stdin": "standard input",
    "cli.no_file": "{source}: there is no file with this name. Check the name and the folder.",
    "cli.a_folder": "{source} is a folder, not a schedule file. Name the .json file inside it.",
    "cli.no_permission": (
        "{source}: this computer does not let you read this file. Copy it somewhere you can "
        "read, or ask whoever manages the computer."
    ),
    "cli.os_error": (
        "{source}: the file cannot be read ({why}). Try again, or copy the file and read the copy."
    ),
    "cli.bad_today": (
        "--today {value} is not a date; write it as YYYY-MM-DD, for example 2026-11-20."
    ),
    "cli.check_valid": "Schedule check: no errors",
    "cli.check_invalid": "Schedule check: has errors",
    "cli.tally": "{errors}, {warnings}, {notes}",
    "cli.error": "Error",
    "cli.warning": "Warning",
    "cli.note": "Note",
    "cli.finding_head": "{label}{where}:",
    "cli.where": " ({where})",
    "cli.with_ml": " ({ml} mL)",
    "cli.program": "Program {name}: {mcg} mcg a day{ml}, {steps}",
    "cli.step": "  {start}–{end}  {rate} mcg/day  {hours}  {mcg} mcg",
    "cli.week": "Week:",
    "cli.week_day": "  {day}  {program}: {mcg} mcg{ml}",
    "cli.average_day": "Average day: {mcg} mcg{ml}",
    "cli.alarm": "Low-reservoir alarm: {date} {time} (about {days} after the fill{when})",
    "cli.alarm_when": "; {from_today}",
    "cli.refill": "Refill by: {date} ({days} before the alarm)",
    "cli.no_summary": "No summary: the schedule has errors (run `flexdose check` for details).",
    "cli.error_line": "Error: {message}",
    "cli.no_render": "flexdose.render is not available in this installation.",
    "cli.no_program": "There is no program called {name}. The programs are {listed}.",
    "cli.no_chart": (
        "flexdose: the schedule has errors, so there is no chart to draw; run "
        "`flexdose check {file}` to see them."
    ),
}
"""Each label's key -> its English template."""
