"""English texts of every finding, its title, the words its messages are built from, and the
refusals of a file that cannot be read. Plain data: nothing here imports a flexdose module.

Keys: `TITLES` and `MESSAGES` are keyed by finding code; a code with more than one message has
one key per variant, ``"code.variant"``. `WORDS` are the pieces messages and places are built
from (a field's name, a type's name, a phrase that changes with the schedule). `REFUSALS` are the
sentences of `flexdose.load` (a file that is not JSON flexdose can read). Templates are filled
with `str.format` (a literal brace is written ``{{`` or ``}}``); messages_es.py has the same keys
with the same ``{placeholders}`` (tests/unit/test_messages_es.py checks it).
"""

from __future__ import annotations

from typing import Final

TITLES: Final[dict[str, str]] = {
    "invalid-document": "The schedule is not in the expected shape",
    "schedule-too-large": "More programs or steps than any pump schedule has",
    "missing-field": "Something required is missing",
    "bad-time": "A start time is not a time of day",
    "first-step-not-midnight": "The first step does not start at midnight",
    "times-not-increasing": "Start times are not in order",
    "too-many-steps": "More dose changes in a day than the pump allows",
    "bad-rate": "A dose is not a usable number",
    "rate-unit": "A dose is given in the wrong unit, or twice",
    "unknown-program": "The week plan names a program that does not exist",
    "missing-week": "The week plan is missing",
    "bad-concentration": "The drug concentration is not usable",
    "bad-reservoir": "The reservoir size does not match a pump",
    "fill-exceeds-reservoir": "More drug filled than the reservoir holds",
    "alarm-not-below-fill": "The alarm volume is not below the fill volume",
    "bad-date": "The fill date is not a real date",
    "bad-volume": "A volume is not a usable number",
    "bad-context": "The background details are not usable",
    "unknown-field": "Something in the schedule is not understood",
    "zero-rate": "A step gives no drug",
    "unlabeled-concentration": "The concentration is not a labelled strength",
    "daily-dose-below-usual": "Daily total below the usual range",
    "daily-dose-above-usual": "Daily total above the usual range",
    "daily-dose-above-1000": "Daily total above {ceiling} mcg",
    "large-change": "A large change from the dose in use now",
    "refill-beyond-180-days": "Refill later than 180 days after the fill",
    "fill-incomplete": "The refill details are not complete",
    "fill-in-future": "The fill date is after today",
    "alarm-passed": "The low-reservoir alarm date has already passed",
    "alarm-date": "When the low-reservoir alarm would sound",
    "delivery-accuracy": "Pumps are not perfectly exact",
    "clock-change": "Clock changes can shift a flex schedule",
    "not-a-programmer": "This is a picture, not a pump programmer",
    "more-findings": "More findings than are listed",
}
"""Each finding code's short title (``{ceiling}``: the daily ceiling, formatted)."""

MESSAGES: Final[dict[str, str]] = {
    # ---- parse.py: the shape of the document ----
    "invalid-document.root": (
        "The schedule should be one group of fields in curly brackets {{ }}, but it is {type}. "
        "Start from one of the example schedules."
    ),
    "invalid-document.section": (
        "{place} should be a group of fields in curly brackets {{ }}, but it is {type}. "
        "Write it as shown in the example schedules."
    ),
    "invalid-document.format": (
        "The format name is {value}, but this tool reads {format} schedules. Set the format "
        "name to {format}, or remove it."
    ),
    "invalid-document.title": (
        "The schedule's name is {what}; write it as text of at most {max} characters."
    ),
    "invalid-document.program-name": (
        "The program name {name} is {what}; give each program a name of 1 to {max} characters."
    ),
    "invalid-document.program-type": (
        "Program {program} should be a list of steps in square brackets [ ], but it is {type}."
    ),
    "invalid-document.step": (
        "{place} should be a start time and a dose in curly brackets {{ }}, as in the example "
        "schedules, but it is {type}."
    ),
    "schedule-too-large.programs": (
        "This schedule has {count} programs, but a pump schedule has at most {max} (a week "
        "needs 7 at most), so it is not read. Keep the programs your week uses and remove the "
        "others."
    ),
    "schedule-too-large.steps": (
        "Program {program} has {count} steps. This tool reads at most {max} in a program, and a "
        "pump changes the dose at most {changes} times a day, so this schedule is not read. "
        "Check that this is a schedule file, or start from one of the examples."
    ),
    "unknown-field": (
        "{place} has a field called {name} that this tool does not know, so it is not used. "
        "Check its spelling, or remove it. The fields here are {fields}."
    ),
    "bad-volume": (
        "{place} is {value}, which is {reason}. Enter the volume in millilitres (mL) as on your "
        "clinic printout, for example {example}."
    ),
    "bad-reservoir.type": (
        "The reservoir size is {value}. Enter it in mL as a number: 20 or 40 for SynchroMed II."
    ),
    "missing-field.concentration": (
        "The drug details have no concentration. Add the drug's strength in mcg per mL as "
        "printed on the refill label (for example 2000), or remove the drug details."
    ),
    "bad-concentration.type": (
        "The drug concentration is {value}. Enter its strength as a number of mcg per mL, as on "
        "the refill label, for example 2000."
    ),
    "fill-incomplete.one": (
        "The refill details are not complete: {missing} is missing. Without it, the "
        "low-reservoir alarm date cannot be worked out. Add {how} from your refill record, or "
        "leave all the refill details empty."
    ),
    "fill-incomplete.many": (
        "The refill details are not complete: {missing} are missing. Without them, the "
        "low-reservoir alarm date cannot be worked out. Add {how} from your refill record, or "
        "leave all the refill details empty."
    ),
    "bad-time.fill": (
        "The last refill time is {value}. Write it as HH:MM on a 24-hour clock, for example 09:30."
    ),
    "bad-date": (
        "The last refill date is {value}, which is not a real date. Write it as YYYY-MM-DD, for "
        "example 2026-11-20."
    ),
    "missing-field.no-programs": (
        "The schedule has no programs; add at least one program with its steps, as in the "
        "example schedules."
    ),
    "missing-field.empty-programs": (
        "The programs are empty; add at least one program with its steps."
    ),
    "missing-field.no-steps": (
        "Program {program} has no steps; add at least one step starting at 00:00."
    ),
    "missing-field.start": "{place} has no start time. Add one as HH:MM, for example 07:00.",
    "bad-time.start": (
        "{place} starts at {value}, which is not a time of day. Write it as HH:MM on a 24-hour "
        "clock, from 00:00 to 23:59, for example 07:00."
    ),
    "rate-unit.other": (
        "{place} gives its dose in {unit}. A dose must be in mcg per day, as on clinic "
        "printouts, or in mcg per hour. Copy the dose from your printout in one of those units."
    ),
    "rate-unit.twice": (
        "{place} gives its dose twice: in mcg per day and in mcg per hour. Keep only one. "
        "Clinic printouts show mcg per day."
    ),
    "missing-field.dose": (
        "{place} has no dose. Add the dose in mcg per day, as on your clinic printout."
    ),
    "bad-rate.empty": (
        "{place} has no dose yet. Enter the dose from your clinic printout as a number, for "
        "example 400."
    ),
    "bad-rate": (
        "{place}: the dose {why}. Enter the dose from your clinic printout as a number, for "
        "example 400."
    ),
    "missing-week": (
        "There are {count} programs but no week plan to say which one runs on each day. Add a "
        "week plan that names a program for every day, Monday to Sunday."
    ),
    "missing-field.day": (
        "The week plan has no program for {day}. Name one program for every day, Monday to Sunday."
    ),
    "unknown-program": (
        "{place} names {value}, but there is no program called that (programs: {listed}). Use "
        "one of the program names exactly."
    ),
    "bad-context.current": (
        "The dose in use now is {value}; enter the daily dose from your clinic printout in mcg "
        "per day (a number, for example 500), or remove it."
    ),
    "bad-context.choice": "{place} is {value}; use one of {choices}, or remove it.",
    # ---- rules.py: the schedule's steps and programs ----
    "too-many-steps": (
        "Program {program} changes the dose {count} times a day, but the pump can change it at "
        "most {max} times a day. Each step whose dose differs from the step before it counts as "
        "a change, and so does midnight when the last step's dose differs from the first step's "
        "(the day runs on into the next). Steps next to each other with the same dose are no "
        "change and can be joined into one. Check the program against your clinic printout."
    ),
    "first-step-not-midnight": (
        "{place} starts at {time}, but the first step of a day must start at 00:00 so that "
        "every minute has a dose. Set the first start to 00:00 (a dose that runs across "
        "midnight is two steps: one ending at 24:00, one starting at 00:00)."
    ),
    "times-not-increasing.same": (
        "{place} starts at {time}, the same time as the step before it ({previous}). List the "
        "steps from morning to night, each starting later than the one before."
    ),
    "times-not-increasing.earlier": (
        "{place} starts at {time}, earlier than the step before it ({previous}). List the "
        "steps from morning to night, each starting later than the one before."
    ),
    "zero-rate": (
        "{place} gives no drug (0 mcg a day). Stopping baclofen suddenly can cause withdrawal, "
        "which can be serious. If this is not what your clinic printout shows, check the "
        "number. {itb_team}"
    ),
    "large-change": (
        "{label} totals {amount}. Changes this large are not usual in one step: {why} {itb_team}"
    ),
    "daily-dose-above-1000": (
        "Program {program} adds up to {total} mcg a day, more than {ceiling} mcg a day. Few "
        "people need more than that, though in one study some people did. Check the numbers "
        "against your clinic printout. {itb_team}"
    ),
    "daily-dose-above-usual": (
        "Program {program} adds up to {total} mcg a day, above the usual range for {group} "
        "({usual}). Some people need more. {itb_team}"
    ),
    "daily-dose-below-usual": (
        "Program {program} adds up to {total} mcg a day, below the usual range for {group} "
        "({usual}). Some people need less. {itb_team}"
    ),
    # ---- rules.py: pump, drug and fill ----
    "bad-concentration.range": (
        "The drug concentration is {value} mcg/mL, which cannot be right (it should be between "
        "{low} and {high}; labelled strengths are {strengths} mcg/mL). Copy it from the refill "
        "label, for example 2000."
    ),
    "unlabeled-concentration.screening": (
        "The drug concentration is {value} mcg/mL, the strength made for the one-off screening "
        "test dose, not for filling a pump (pump strengths are {strengths} mcg/mL). Check the "
        "refill label. {itb_team}"
    ),
    "unlabeled-concentration": (
        "The drug concentration is {value} mcg/mL, which is not one of the labelled strengths "
        "({strengths} mcg/mL). Pharmacies can dilute to other strengths, so this can be right; "
        "check it against the refill label. {itb_team}"
    ),
    "bad-reservoir.size": (
        "The reservoir size is {value} mL, but the pumps this tool knows hold {sizes}. Copy the "
        "size from your pump card or clinic printout."
    ),
    "fill-exceeds-reservoir": (
        "The fill volume is {volume} mL, more than {which} holds ({capacity} mL). Copy the fill "
        "volume from your refill record."
    ),
    "alarm-not-below-fill": (
        "The low-reservoir alarm volume ({alarm} mL) is not below the fill volume ({volume} "
        "mL), so the alarm would sound at once. Check both numbers on your clinic printout."
    ),
    "fill-in-future": (
        "The fill date ({fill}) is after today ({today}), so the alarm date worked out from it "
        "would be too late. Check the date on your refill record."
    ),
    "clock-change": (
        "The dose changes at set times of day. When the clocks change (daylight saving time) or "
        "you travel across time zones, the pump keeps its own clock, so each step may start an "
        "hour or more earlier or later than you expect. Ask your ITB team before a clock change "
        "or a long trip."
    ),
    "alarm-date.none": (
        "No low-reservoir alarm date can be worked out: {why}. Your clinic's programmer "
        "printout shows the real alarm date."
    ),
    "alarm-date": (
        "With {volume} mL filled on {fill_date} at {fill_time}, the low-reservoir alarm "
        "({alarm} mL left) would sound around {date}, {part_of_day}: about {days} after the "
        "fill. This is an estimate: the real alarm can come some days earlier or later."
        "{refill} The date on your clinic's printout is the one to follow."
    ),
    "alarm-passed": (
        "The low-reservoir alarm date worked out from the fill on {fill_date} ({date}) is "
        "already past: today is {today}. If the pump has been refilled since, enter the newest "
        "refill. If not, by this count the reservoir is already down to its alarm volume. "
        "{action}"
    ),
    "delivery-accuracy": (
        "Pumps are not perfectly exact. In a study of pumps in use, the amount delivered "
        "differed from the amount programmed by {accuracy} per refill on average. That is an "
        "average, not a limit: a pump can be further off, so the real alarm can come some days "
        "earlier or later than the date worked out here (for this fill, {accuracy} of the time "
        "is roughly {spread}). At altitude or on flights the pump can rarely run more than "
        "{altitude} faster. Keep your refill appointments even if the alarm has not sounded."
    ),
    "refill-beyond-180-days": (
        "The low-reservoir alarm would sound {when} days after the fill. Baclofen pumps are "
        "recommended to be refilled within {max} days, because the drug is only known to keep "
        "that long in the pump. {itb_team}"
    ),
    "not-a-programmer": "{framing} {closing}",
    # ---- report.py ----
    "more-findings": (
        "{count} more messages are not listed ({parts}). Fix the ones above first; the rest are "
        "often the same problem repeated."
    ),
}
"""Each finding's message templates: ``code`` or ``code.variant``."""

WORDS: Final[dict[str, str]] = {
    # What a JSON value is (findings.type_name).
    "type.empty": "empty",
    "type.bool": "true or false",
    "type.number": "a number",
    "type.text": "text",
    "type.object": "a group of fields",
    "type.list": "a list",
    "type.unknown": "a value of an unknown kind",
    # A number no one types, echoed back in a message.
    "number.long-int": "a number about {digits} digits long",
    "number.too-large": "a number too large to use",
    # A value typed as text ("the text “40”").
    "typed-text": "the text {value}",
    # Lists in a sentence: "a, b and c"; "a or b".
    "and": " and ",
    "or": " or ",
    "list-sep": ", ",
    # Each field's name in a message (paths.FIELD_NAMES).
    "field.pump.reservoir_ml": "The reservoir size",
    "field.pump.alarm_ml": "The low-reservoir alarm volume",
    "field.drug.concentration_mcg_per_ml": "The drug concentration",
    "field.fill.date": "The last refill date",
    "field.fill.time": "The last refill time",
    "field.fill.volume_ml": "The amount filled",
    "field.context.origin": "Where the spasticity comes from",
    "field.context.age_group": "The age group",
    "field.context.phase": "The stage of treatment",
    "field.context.current_mcg_per_day": "The daily dose in use now",
    "field.format": "The format name",
    "field.title": "The schedule's name",
    "field.programs": "The list of programs",
    "field.week": "The week plan",
    "field.pump": "The pump details",
    "field.drug": "The drug details",
    "field.fill": "The refill details",
    "field.context": "The details about the current treatment",
    "listed.programs": "the programs",
    "listed.step-field": "a {field}",
    # A step's fields and the units a dose is written in.
    "unit.mcg_per_day": "mcg per day",
    "unit.mcg_per_hour": "mcg per hour",
    "step-field.start": "start time",
    "step-field.mcg_per_day": "dose in mcg per day",
    "step-field.mcg_per_hour": "dose in mcg per hour",
    # Places in a message's words (paths.describe).
    "place.schedule": "The schedule",
    "place.step-field": "The {field} of step {step} of program {program}",
    "place.step": "Step {step} of program {program}",
    "place.program": "Program {program}",
    "place.day": "{day} in the week plan",
    "place.field-in": "The field {key} in {parent}",
    "place.field": "The field {key}",
    # Places in a screen reader's words (paths.describe_where).
    "where.unknown": "a field of the schedule",
    "where.schedule": "the whole schedule",
    "where.step-field": "{field} of step {step} in program {program}",
    "where.step-key": "{key} of step {step} in program {program}",
    "where.step": "step {step} in program {program}",
    "where.program": "program {program}",
    "where.day": "{day} in the week plan",
    "where.named-article": "The ",
    # Compare's label for a day's total ("Monday totals ...").
    "day-label": "{day}",
    # Doses written in a unit a step cannot use (parse.py).
    "other-unit.mg_per_day": "mg per day (1 mg is 1,000 mcg)",
    "other-unit.mg_per_hour": "mg per hour (1 mg is 1,000 mcg)",
    "other-unit.ug_per_day": "µg per day (µg and mcg are the same)",
    "other-unit.ug_per_hour": "µg per hour (µg and mcg are the same)",
    "other-unit.mcg": "mcg, with no time",
    "other-unit.dose": "a number with no unit",
    "other-unit.rate": "a number with no unit",
    "other-unit.ml_per_day": "mL per day (an amount of liquid, not a dose)",
    "other-unit.ml_per_hour": "mL per hour (an amount of liquid, not a dose)",
    "other-unit.mcg_per_min": "mcg per minute",
    # How to write each missing fill field.
    "fill-how.date": "the date as YYYY-MM-DD",
    "fill-how.time": "the time as HH:MM",
    "fill-how.volume_ml": "the amount in mL",
    # Why a value cannot be used.
    "reason.too-large": "too large",
    "reason.not-positive": "not a positive number",
    "too-long": "too long",
    "name-empty": "empty",
    "none-yet": "none yet",
    "rate-why.not-finite": "is {value}",
    "rate-why.not-number": "is {value}, not a number",
    "rate-why.negative": "is {value} {unit}, below zero",
    "rate-why.too-large": (
        "is {value} {unit}, more than {max} mcg a day, which no pump program uses"
    ),
    # rules.py's phrases.
    "itb-team": "This is worth talking about with {team}; do not change anything on your own.",
    "just-over": "just over {bound}",
    "just-under": "just under {bound}",
    "usual-range": "{low}–{high} mcg a day",
    "usual-group.adult.spinal": "adults with spasticity of spinal origin",
    "usual-group.adult.cerebral": "adults with spasticity of cerebral origin",
    "usual-group.child.cerebral": "children under 12 with spasticity of cerebral origin",
    "change-group.child": "children",
    "change-group.spinal": "spasticity of spinal origin",
    "change-group.cerebral": "spasticity of cerebral origin",
    "change-group.unknown": "anyone whose cause of spasticity is not given",
    "change-way.rise": "rise",
    "change-way.fall": "fall",
    "change.titration": (
        "While the dose is still being found (titration), a {way} of more than {pct} in 24 "
        "hours is not usual for {who}."
    ),
    "change.maintenance-child": (
        "At a refill, a {way} of more than {pct} in one step is not usual."
    ),
    "change.maintenance": (
        "At a refill, a {way} of more than {pct} in one step is not usual for {who}."
    ),
    "change.no-phase": (
        "A {way} of more than {pct} in one step is not usual for {who}. (The stage of treatment "
        "is not given, so this uses the smaller of the usual steps.)"
    ),
    "amount.from-none": "{after} mcg a day, up from none at all",
    "amount.from-almost-none": "{after} mcg a day, up from almost none",
    "amount.more": "{after} mcg a day, {pct} more than the {before} mcg a day in use now",
    "amount.less": "{after} mcg a day, {pct} less than the {before} mcg a day in use now",
    "this-reservoir": "this pump's reservoir",
    "largest-reservoir": "the largest reservoir",
    "no-alarm.zero": "every dose in the week is zero, so the reservoir would never run low",
    "no-alarm.calendar": (
        "it would fall after the last date the calendar here can show; check the fill date"
    ),
    "no-alarm.too-long": "at these doses the drug would last longer than any pump runs",
    "refill-by": (
        " Plan the refill by {date}, {margin} days ahead, to leave room for travel, weather or "
        "illness."
    ),
    "when.more-than": "more than {days}",
    "when.just-over": "just over {days}",
    "when.about": "about {days}",
    # report.py's count of what is not listed ("3 errors, 1 warning").
    "severity.error.one": "{count} error",
    "severity.error.many": "{count} errors",
    "severity.warning.one": "{count} warning",
    "severity.warning.many": "{count} warnings",
    "severity.info.one": "{count} note",
    "severity.info.many": "{count} notes",
}
"""The pieces of messages, places and titles."""

REFUSALS: Final[dict[str, str]] = {
    "too-long": (
        "The file is {length} characters long, more than the {limit} allowed. A schedule is a "
        "few thousand. Check that you chose the right file."
    ),
    "empty": "The file is empty. Paste or choose a schedule file: it starts with {{.",
    "not-utf8": (
        "The file is not plain text: line {line}, column {col} holds something that is not a "
        "letter, digit or sign. Save the schedule as a plain-text .json file (UTF-8) and try "
        "again."
    ),
    "too-deep-at": (
        "The file has brackets inside brackets more than {depth} levels deep (line {line}, "
        "column {col}). A schedule needs only 4. Check that this is a schedule file."
    ),
    "too-deep": (
        "The file has brackets inside brackets more than {depth} levels deep. A schedule needs "
        "only 4. Check that this is a schedule file."
    ),
    "cannot-read": "The schedule cannot be read at {where}. {problem}",
    "duplicate": (
        "The name {name} appears twice in the same group{where}. Other tools may read either "
        "one, so keep only one."
    ),
    "number": (
        "The number {token} is too large to use{where}. Check for extra digits or a stray letter e."
    ),
    "constant": (
        "{token} is not a number{where}. Write the real number, for example 500, or remove the "
        "field."
    ),
    # Where a problem is.
    "where.at-end": "line {line}, column {col}, at the end of the file",
    "where.near": "line {line}, column {col}, near {near}",
    "where.line-col": "line {line}, column {col}",
    # What is wrong, and how to fix it (one per kind of JSON error).
    "string-help": 'Text must be in double quotes, for example "07:00".',
    "word.true": "Write true in small letters.",
    "word.false": "Write false in small letters.",
    "word.null": "Write null in small letters for an empty value.",
    "extra-comma": "There is an extra comma. Remove it.",
    "extra-comma-before": (
        "There is an extra comma before {closing}. Remove the comma just before it."
    ),
    "ends-too-soon": (
        "The file ends too soon: a value or a closing bracket is missing. Check that every {{ "
        "has its }} and every [ has its ]."
    ),
    "single-quotes": "Text is in single quotes. {help}",
    "missing-before-comma": (
        "A value is missing before this comma. Add the value, or remove the comma."
    ),
    "missing-before-bracket": (
        "A value is missing before {char}. Add it, or remove what is unfinished."
    ),
    "not-json-word": "{word} is not written the JSON way. {help}",
    "no-quotes": "This text has no double quotes around it. {help}",
    "not-a-value": (
        "Something here is not a value. {help} Numbers are plain digits, like 400 or 2.5."
    ),
    "name-single-quotes": (
        'A name is in single quotes. Names must be in double quotes, like "start".'
    ),
    "two-commas": "There are two commas in a row. Remove one of them.",
    "name-no-quotes": (
        'A name has no double quotes around it. Names must be in double quotes, like "start".'
    ),
    "bracket-mismatch": (
        "The bracket {char} here does not match the one it closes: a [ closes with ] and a {{ "
        "closes with }}."
    ),
    "time-not-json": "A time or a number here is not written the JSON way. {help}",
    "comma-end-of-line": (
        "A comma is missing at the end of line {line}, before this. Add a comma, or a closing "
        "bracket if the list or group ends there."
    ),
    "comma-missing": (
        "A comma is missing here, between two values. Add a comma, or a closing bracket if the "
        "list or group ends here."
    ),
    "colon-missing": (
        "A colon is missing after a name. Write the name, a colon, then the value, like "
        '"start": "07:00".'
    ),
    "unterminated": (
        'Text that starts here has no closing double quote. Add the " where the text ends.'
    ),
    "control-char": (
        "Text in double quotes cannot hold a line break or a tab. Close the quote before the "
        "line ends."
    ),
    "bad-u-escape": "A \\u inside text must be followed by four digits or letters A to F.",
    "bad-escape": "A backslash inside text must be written twice, as \\\\.",
    "extra-data": (
        "There is more after the end of the schedule. A schedule is one group in {{ }}: remove "
        "what comes after its last }}."
    ),
    "not-json": (
        "Something here is not written the JSON way. Check for a missing comma, quote or bracket."
    ),
}
"""The sentences of a file flexdose cannot read (`flexdose.load.UnreadableInput`)."""
