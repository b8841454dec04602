"""The checks on a parsed schedule. Each rule returns findings; none stops the others.

Every number a rule compares with comes from `flexdose.limits`, and every message formats the
limit's value from there. Warnings never tell anyone to change a dose: they say what is unusual
and that it is worth talking about with your ITB team.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterator

from .arithmetic import alarm_minutes, change_pct, fmt_minutes, program_daily_mcg
from .findings import Finding, fmt_date, fmt_num
from .limits import (
    ALTITUDE_OVERDELIVERY_PCT,
    DAILY_CEILING_MCG,
    DELIVERY_ACCURACY_PCT,
    LABELLED_CONCENTRATIONS_MCG_PER_ML,
    MAINTENANCE_MAX_FALL_PCT,
    MAINTENANCE_MAX_RISE_PCT_CEREBRAL,
    MAINTENANCE_MAX_RISE_PCT_CHILD,
    MAINTENANCE_MAX_RISE_PCT_SPINAL,
    MAINTENANCE_MAX_RISE_PCT_UNKNOWN,
    MAX_CHANGE_PCT_CEREBRAL,
    MAX_CHANGE_PCT_CHILD,
    MAX_CHANGE_PCT_SPINAL,
    MAX_CHANGE_PCT_UNKNOWN,
    MAX_CHANGES_PER_DAY,
    MAX_PLAUSIBLE_MCG_PER_ML,
    MAX_REFILL_INTERVAL_DAYS,
    MIN_PLAUSIBLE_MCG_PER_ML,
    PCT_DECIMALS,
    REFILL_MARGIN_DAYS,
    RESERVOIR_SIZES_ML,
    SCREENING_CONCENTRATION_MCG_PER_ML,
    USUAL_DAILY_MCG_CEREBRAL,
    USUAL_DAILY_MCG_CHILD,
    USUAL_DAILY_MCG_SPINAL,
    Limit,
)
from .model import Context, Path, Program, Schedule
from .numbers import fmt_days, fmt_mcg, fmt_ml, fmt_number, fmt_part_of_day
from .paths import describe
from .quoting import quote
from .results import Alarm, Summary
from .safety import FRAMING, REPORT_CLOSING, TEAM, tier

__all__ = [
    "ITB_TEAM",
    "change_limit",
    "change_pct",
    "check_schedule",
    "check_summary",
    "dose_changes",
    "large_change",
    "not_a_programmer",
    "usual_range",
]

ITB_TEAM = f"This is worth talking about with {TEAM}; do not change anything on your own."
"""The sentence every warning about the treatment ends with."""


def _pct(value: float) -> str:
    """A percentage without a sign, as a person reads it: '30%', '2.5%'."""
    return f"{fmt_number(value, PCT_DECIMALS)}%"


def _mcg_vs(value: float, bound: float, above: bool) -> str:
    """'1,200' but 'just over 1,000' when rounding would hide that value is past bound."""
    text, bound_text = fmt_mcg(value), fmt_mcg(bound)
    if text == bound_text:
        return f"just {'over' if above else 'under'} {bound_text}"
    return text


# ---- steps and programs ----


def dose_changes(program: Program) -> int | None:
    """How often the dose changes in a day, counted around the clock; None if a dose is unknown.

    Each boundary between neighbouring steps whose doses differ is a change, and so is midnight
    when the last step's dose differs from the first's (the day runs on into the next one).
    Neighbouring steps with the same dose are no change.
    """
    rates = [s.mcg_per_day for s in program.steps]
    if not rates or None in rates:
        return None
    changes = sum(a != b for a, b in itertools.pairwise(rates))
    return changes + (rates[-1] != rates[0])


def _program_findings(program: Program) -> Iterator[Finding]:
    steps = program.steps
    max_changes = int(MAX_CHANGES_PER_DAY.value)
    changes = dose_changes(program)
    if changes is not None and changes > max_changes:
        yield Finding.make(
            "too-many-steps",
            f"Program {quote(program.name)} changes the dose {fmt_number(changes)} times a day, "
            f"but the pump can change it at most {fmt_number(max_changes)} times a day. Each "
            "step whose dose differs from the step before it counts as a change, and so does "
            "midnight when the last step's dose differs from the first step's (the day runs on "
            "into the next). Steps next to each other with the same dose are no change and can "
            "be joined into one. Check the program against your clinic printout.",
            program.path,
        )
    first = steps[0] if steps else None
    if first is not None and first.start_minutes not in (None, 0):
        yield Finding.make(
            "first-step-not-midnight",
            f"{describe(first.path)} starts at {fmt_minutes(first.start_minutes)}, but the first "
            "step of a day must start at 00:00 so that every minute has a dose. Set the first "
            "start to 00:00 (a dose that runs across midnight is two steps: one ending at 24:00, "
            "one starting at 00:00).",
            (*first.path, "start"),
        )
    previous: int | None = None  # the start of the last step in order so far
    for step in steps:
        if step.start_minutes is None:
            continue
        if previous is not None and step.start_minutes <= previous:
            same = step.start_minutes == previous
            yield Finding.make(
                "times-not-increasing",
                f"{describe(step.path)} starts at {fmt_minutes(step.start_minutes)}, "
                + ("the same time as" if same else "earlier than")
                + f" the step before it ({fmt_minutes(previous)}). List the steps "
                "from morning to night, each starting later than the one before.",
                (*step.path, "start"),
            )
        else:
            previous = step.start_minutes
    for step in steps:
        if step.mcg_per_day == 0:
            yield Finding.make(
                "zero-rate",
                f"{describe(step.path)} gives no drug (0 mcg a day). Stopping baclofen suddenly "
                "can cause withdrawal, which can be serious. If this is not what your clinic "
                f"printout shows, check the number. {ITB_TEAM}",
                (*step.path, "mcg_per_day"),
            )


def _ordered(program: Program) -> bool:
    """Usable for totals: every field set, first at 00:00, times increasing, not too many."""
    if not program.usable or program.steps[0].start_minutes != 0:
        return False
    changes = dose_changes(program)
    if changes is None or changes > MAX_CHANGES_PER_DAY.value:
        return False
    starts = [s.start_minutes for s in program.steps if s.start_minutes is not None]
    return all(a < b for a, b in itertools.pairwise(starts))


# ---- ranges that depend on who the schedule is for ----

_USUAL_RANGES: dict[tuple[str, str], tuple[Limit[tuple[float, ...]], str]] = {
    ("adult", "spinal"): (USUAL_DAILY_MCG_SPINAL, "adults with spasticity of spinal origin"),
    ("adult", "cerebral"): (USUAL_DAILY_MCG_CEREBRAL, "adults with spasticity of cerebral origin"),
    ("child", "cerebral"): (
        USUAL_DAILY_MCG_CHILD,
        "children under 12 with spasticity of cerebral origin",
    ),
    # ("child", "spinal"): no source gives a range, so there is none.
}


def usual_range(context: Context | None) -> tuple[Limit[tuple[float, ...]], str] | None:
    """The usual daily range and a phrase naming whom it is for; None when none applies.

    Only with both the origin and the age group: without them no group (and so no range) is
    assumed. A child of spinal origin has none: no source gives one.
    """
    if context is None or context.origin is None or context.age_group is None:
        return None
    return _USUAL_RANGES.get((context.age_group, context.origin))


# ---- change from the dose in use now, by phase ----


def _change_group(context: Context | None) -> str:
    """Whose change figures apply: "child", "spinal", "cerebral" or "unknown" (age first)."""
    if context is not None and context.age_group == "child":
        return "child"
    origin = context.origin if context else None
    return origin if origin in ("spinal", "cerebral") else "unknown"


_GROUP_WORDS = {
    "child": "children",
    "spinal": "spasticity of spinal origin",
    "cerebral": "spasticity of cerebral origin",
    "unknown": "anyone whose cause of spasticity is not given",
}
_TITRATION: dict[str, Limit[float]] = {
    "child": MAX_CHANGE_PCT_CHILD,
    "spinal": MAX_CHANGE_PCT_SPINAL,
    "cerebral": MAX_CHANGE_PCT_CEREBRAL,
    "unknown": MAX_CHANGE_PCT_UNKNOWN,
}
_MAINTENANCE_RISE: dict[str, Limit[float]] = {
    "child": MAINTENANCE_MAX_RISE_PCT_CHILD,
    "spinal": MAINTENANCE_MAX_RISE_PCT_SPINAL,
    "cerebral": MAINTENANCE_MAX_RISE_PCT_CEREBRAL,
    "unknown": MAINTENANCE_MAX_RISE_PCT_UNKNOWN,
}


def change_limit(context: Context | None, rising: bool) -> tuple[Limit[float], str]:
    """The largest usual change in one step (a rise or a fall), and a sentence saying so.

    Titration (finding the dose): the per-24 h figure of the group, up or down. Maintenance (a
    change at a refill): the group's rise figure, or the one fall figure. No phase given: the
    smaller of the two, so a change is never waved through for the wrong phase. A child at
    maintenance has no sourced figure: the sentence then names no group.
    """
    group = _change_group(context)
    phase = context.phase if context else None
    titration = _TITRATION[group]
    maintenance = _MAINTENANCE_RISE[group] if rising else MAINTENANCE_MAX_FALL_PCT
    way = "rise" if rising else "fall"
    who = _GROUP_WORDS[group]
    if phase == "titration":
        return titration, (
            f"While the dose is still being found (titration), a {way} of more than "
            f"{_pct(titration.value)} in 24 hours is not usual for {who}."
        )
    at_refill = (
        f"At a refill, a {way} of more than {_pct(maintenance.value)} in one step is not usual"
    )
    if phase == "maintenance":
        return maintenance, f"{at_refill}." if group == "child" else f"{at_refill} for {who}."
    limit = min(titration, maintenance, key=lambda lim: lim.value)
    return limit, (
        f"A {way} of more than {_pct(limit.value)} in one step is not usual for {who}. (The "
        "stage of treatment is not given, so this uses the smaller of the usual steps.)"
    )


def large_change(
    before: float, after: float, context: Context | None, path: Path, label: str
) -> Finding | None:
    """A large-change warning when `after` differs from `before` by more than is usual.

    Shared by `check` (against context.current_mcg_per_day) and `compare` (day by day). `label`
    names what changed, e.g. 'Program “everyday”' or 'Monday'. The limit depends on the phase
    (context.phase), the group and the direction (see `change_limit`).
    """
    if before == after:
        return None
    limit, why = change_limit(context, after > before)
    pct = change_pct(before, after)
    if pct is not None and abs(pct) <= limit.value:
        return None
    if pct is None:
        amount = f"{fmt_mcg(after)} mcg a day, up from none at all"
    elif fmt_mcg(before) == "0":
        # A dose in use too small to show (5e-141 mcg): a percentage of it means nothing.
        amount = f"{fmt_mcg(after)} mcg a day, up from almost none"
    else:
        way = "more" if pct > 0 else "less"
        amount = (
            f"{fmt_mcg(after)} mcg a day, {_pct(abs(pct))} {way} than the {fmt_mcg(before)} mcg "
            "a day in use now"
        )
    return Finding.make(
        "large-change",
        f"{label} totals {amount}. Changes this large are not usual in one step: {why} {ITB_TEAM}",
        path,
    )


def _daily_findings(program: Program, daily: float, context: Context | None) -> Iterator[Finding]:
    name = quote(program.name)
    ceiling = DAILY_CEILING_MCG.value
    usual = usual_range(context)
    if daily > ceiling:
        yield Finding.make(
            "daily-dose-above-1000",
            f"Program {name} adds up to {_mcg_vs(daily, ceiling, True)} mcg a day, more than "
            f"{fmt_mcg(ceiling)} mcg a day. Few people need more than that, though in one study "
            f"some people did. Check the numbers against your clinic printout. {ITB_TEAM}",
            program.path,
        )
    if usual is None:
        return
    limit, group = usual
    low, high = limit.value
    usual_text = f"{fmt_mcg(low)}–{fmt_mcg(high)} mcg a day"
    if high < daily <= ceiling:
        yield Finding.make(
            "daily-dose-above-usual",
            f"Program {name} adds up to {_mcg_vs(daily, high, True)} mcg a day, above the usual "
            f"range for {group} ({usual_text}). Some people need more. {ITB_TEAM}",
            program.path,
        )
    if daily < low:
        yield Finding.make(
            "daily-dose-below-usual",
            f"Program {name} adds up to {_mcg_vs(daily, low, False)} mcg a day, below the usual "
            f"range for {group} ({usual_text}). Some people need less. {ITB_TEAM}",
            program.path,
        )


# ---- pump, drug and fill ----


def _drug_findings(schedule: Schedule) -> Iterator[Finding]:
    concentration = schedule.drug.concentration_mcg_per_ml if schedule.drug else None
    if concentration is None:
        return
    path: Path = ("drug", "concentration_mcg_per_ml")
    low, high = MIN_PLAUSIBLE_MCG_PER_ML.value, MAX_PLAUSIBLE_MCG_PER_ML.value
    if not low <= concentration <= high:
        yield Finding.make(
            "bad-concentration",
            f"The drug concentration is {fmt_num(concentration)} mcg/mL, which cannot be right "
            f"(it should be between {fmt_num(low)} and {fmt_num(high)}; labelled strengths are "
            f"{_strengths()} mcg/mL). Copy it from the refill label, for example 2000.",
            path,
        )
        return
    if concentration == SCREENING_CONCENTRATION_MCG_PER_ML.value:
        yield Finding.make(
            "unlabeled-concentration",
            f"The drug concentration is {fmt_num(concentration)} mcg/mL, the strength made for "
            f"the one-off screening test dose, not for filling a pump (pump strengths are "
            f"{_strengths()} mcg/mL). Check the refill label. {ITB_TEAM}",
            path,
        )
    elif concentration not in LABELLED_CONCENTRATIONS_MCG_PER_ML.value:
        yield Finding.make(
            "unlabeled-concentration",
            f"The drug concentration is {fmt_num(concentration)} mcg/mL, which is not one of "
            f"the labelled strengths ({_strengths()} mcg/mL). Pharmacies can dilute to other "
            f"strengths, so this can be right; check it against the refill label. {ITB_TEAM}",
            path,
        )


def _strengths() -> str:
    values = [fmt_num(v) for v in LABELLED_CONCENTRATIONS_MCG_PER_ML.value]
    return ", ".join(values[:-1]) + " or " + values[-1]


def _sizes() -> tuple[float, ...]:
    return tuple(RESERVOIR_SIZES_ML.value)


def _pump_fill_findings(schedule: Schedule) -> Iterator[Finding]:
    pump, fill = schedule.pump, schedule.fill
    sizes = _sizes()
    size_text = " or ".join(f"{fmt_num(s)} mL" for s in sizes)
    if pump.reservoir_ml is not None and pump.reservoir_ml not in sizes:
        yield Finding.make(
            "bad-reservoir",
            f"The reservoir size is {fmt_num(pump.reservoir_ml)} mL, but the pumps this tool "
            f"knows hold {size_text}. Copy the size from your pump card or clinic printout.",
            ("pump", "reservoir_ml"),
        )
    if fill is None or fill.volume_ml is None:
        return
    capacity = pump.reservoir_ml if pump.reservoir_ml in sizes else max(sizes)
    if fill.volume_ml > capacity:
        which = "this pump's reservoir" if pump.reservoir_ml in sizes else "the largest reservoir"
        yield Finding.make(
            "fill-exceeds-reservoir",
            f"The fill volume is {fmt_num(fill.volume_ml)} mL, more than {which} holds "
            f"({fmt_num(capacity)} mL). Copy the fill volume from your refill record.",
            ("fill", "volume_ml"),
        )
    if pump.alarm_ml is not None and pump.alarm_ml >= fill.volume_ml:
        yield Finding.make(
            "alarm-not-below-fill",
            f"The low-reservoir alarm volume ({fmt_num(pump.alarm_ml)} mL) is not below the "
            f"fill volume ({fmt_num(fill.volume_ml)} mL), so the alarm would sound at once. "
            "Check both numbers on your clinic printout.",
            ("pump", "alarm_ml") if pump.alarm_given else ("fill", "volume_ml"),
        )


# ---- the two entry points ----


def _fill_in_future(schedule: Schedule, today: datetime.date | None) -> Iterator[Finding]:
    fill = schedule.fill
    if today is None or fill is None or fill.date is None or fill.date <= today:
        return
    yield Finding.make(
        "fill-in-future",
        f"The fill date ({fmt_date(fill.date)}) is after today ({fmt_date(today)}), so the "
        "alarm date worked out from it would be too late. Check the date on your refill record.",
        ("fill", "date"),
    )


def check_schedule(schedule: Schedule, today: datetime.date | None = None) -> list[Finding]:
    """Every rule that needs only the parsed schedule (structure, ranges, pump, drug, fill).

    With `today`, a fill date after today is flagged (fill-in-future).
    """
    findings: list[Finding] = []
    for program in schedule.programs:
        findings.extend(_program_findings(program))
    findings.extend(_drug_findings(schedule))
    findings.extend(_pump_fill_findings(schedule))
    findings.extend(_fill_in_future(schedule, today))
    context = schedule.context
    current = context.current_mcg_per_day if context else None
    for program in schedule.programs:
        if not _ordered(program):
            continue
        daily = program_daily_mcg(program)
        findings.extend(_daily_findings(program, daily, context))
        if current is not None:
            label = f"Program {quote(program.name)}"
            change = large_change(current, daily, context, program.path, label)
            if change is not None:
                findings.append(change)
    flex = len({n for n in schedule.week or () if n}) > 1 or any(
        len(p.steps) > 1 for p in schedule.programs
    )
    if flex:
        findings.append(
            Finding.make(
                "clock-change",
                "The dose changes at set times of day. When the clocks change (daylight saving "
                "time) or you travel across time zones, the pump keeps its own clock, so each "
                "step may start an hour or more earlier or later than you expect. Ask your ITB "
                "team before a clock change or a long trip.",
                ("programs",),
            )
        )
    return findings


def check_summary(
    schedule: Schedule, summary: Summary, today: datetime.date | None = None
) -> list[Finding]:
    """Rules that need the arithmetic: alarm date, refill interval, delivery accuracy.

    With `today`, an alarm date before today is flagged (alarm-passed).
    """
    fill = schedule.fill
    # An incomplete fill has its own warning (fill-incomplete) and no alarm to talk about.
    if fill is None or not fill.complete or schedule.drug is None:
        return []
    alarm = summary.alarm
    if alarm is None:
        return list(_no_alarm_findings(schedule))
    findings = [_alarm_date(alarm, summary.refill_by)]
    if today is not None and alarm.date < today:
        findings.append(_alarm_passed(alarm, today))
    max_days = MAX_REFILL_INTERVAL_DAYS.value
    if alarm.days > max_days:
        findings.append(_beyond_180(max_days, alarm.days))
    findings.append(_delivery_accuracy(alarm.days))
    return findings


def _no_alarm_findings(schedule: Schedule) -> Iterator[Finding]:
    """Why no alarm date can be worked out, and whether the refill interval is then too long."""
    names = set(schedule.week or ())
    # Exact zero, not the rounded mean: 1e-300 mcg/day is a dose (the alarm is just far away).
    any_dose = any(s.mcg_per_day for p in schedule.programs if p.name in names for s in p.steps)
    beyond_calendar = any_dose and alarm_minutes(schedule) is not None
    if not any_dose:
        why = "every dose in the week is zero, so the reservoir would never run low"
    elif beyond_calendar:
        why = "it would fall after the last date the calendar here can show; check the fill date"
    else:
        why = "at these doses the drug would last longer than any pump runs"
    yield Finding.make(
        "alarm-date",
        f"No low-reservoir alarm date can be worked out: {why}. Your clinic's "
        "programmer printout shows the real alarm date.",
        ("fill", "date"),
    )
    if any_dose and not beyond_calendar:
        yield _beyond_180(MAX_REFILL_INTERVAL_DAYS.value, None)


def _alarm_date(alarm: Alarm, refill_by: datetime.date | None) -> Finding:
    margin = int(REFILL_MARGIN_DAYS.value)
    refill = (
        f" Plan the refill by {fmt_date(refill_by)}, "
        f"{margin} days ahead, to leave room for travel, weather or illness."
        if refill_by
        else ""
    )
    return Finding.make(
        "alarm-date",
        f"With {fmt_ml(alarm.volume_ml)} mL filled on {fmt_date(alarm.fill_date)} at "
        f"{alarm.fill_time}, the low-reservoir alarm ({fmt_ml(alarm.alarm_ml)} mL "
        f"left) would sound around {fmt_date(alarm.date)}, "
        f"{fmt_part_of_day(alarm.time)}: about {fmt_days(alarm.days)} after the fill. "
        "This is an estimate: the real alarm can come some days earlier or later."
        f"{refill} The date on your clinic's printout is the one to follow.",
        ("fill", "date"),
    )


def _alarm_passed(alarm: Alarm, today: datetime.date) -> Finding:
    return Finding.make(
        "alarm-passed",
        f"The low-reservoir alarm date worked out from the fill on {fmt_date(alarm.fill_date)} "
        f"({fmt_date(alarm.date)}) is already past: today is {fmt_date(today)}. If the "
        "pump has been refilled since, enter the newest refill. If not, by this count "
        f"the reservoir is already down to its alarm volume. {tier('soon').action}",
        ("fill", "date"),
    )


def _delivery_accuracy(days: float) -> Finding:
    spread = days * DELIVERY_ACCURACY_PCT.value / 100
    return Finding.make(
        "delivery-accuracy",
        "Pumps are not perfectly exact. In a study of pumps in use, the amount delivered "
        f"differed from the amount programmed by {_pct(DELIVERY_ACCURACY_PCT.value)} per "
        "refill on average. That is an average, not a limit: a pump can be further off, so "
        "the real alarm can come some days earlier or later than the date worked out here "
        # Whole days: a tenth of a day would claim a precision the average does not have.
        f"(for this fill, {_pct(DELIVERY_ACCURACY_PCT.value)} of the time is roughly "
        f"{fmt_days(round(spread)) if spread >= 1 else fmt_days(spread)}). "
        "At altitude or on flights the pump can rarely run more than "
        f"{_pct(ALTITUDE_OVERDELIVERY_PCT.value)} faster. Keep your refill appointments even "
        "if the alarm has not sounded.",
        ("fill", "volume_ml"),
    )


def _beyond_180(max_days: float, days: float | None) -> Finding:
    if days is None:
        when = f"more than {fmt_number(max_days)}"
    elif fmt_days(days) == fmt_days(max_days):
        when = f"just over {fmt_number(max_days)}"
    else:
        when = f"about {fmt_days(days).removesuffix(' days')}"
    return Finding.make(
        "refill-beyond-180-days",
        f"The low-reservoir alarm would sound {when} days after the fill. Baclofen pumps are "
        f"recommended to be refilled within {fmt_number(max_days)} days, because the drug is only "
        f"known to keep that long in the pump. {ITB_TEAM}",
        ("fill", "date"),
    )


def not_a_programmer() -> Finding:
    """The note every report ends with."""
    return Finding.make(
        "not-a-programmer",
        f"{FRAMING} {REPORT_CLOSING}",
        (),
    )
