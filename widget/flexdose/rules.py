"""The checks on a parsed schedule. Each rule returns findings; none stops the others.

Every number a rule compares with comes from `flexdose.limits`, and every message formats the
limit's value from there. Warnings never tell anyone to change a dose: they say what is unusual
and that it is worth talking about with your ITB team.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterator

from . import messages, safety
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
from .numbers import fmt_days, fmt_days_number, fmt_mcg, fmt_ml, fmt_number, fmt_part_of_day
from .paths import describe
from .quoting import quote
from .results import Alarm, Summary

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

ITB_TEAM = f"This is worth talking about with {safety.TEAM}; do not change anything on your own."
"""The sentence every warning about the treatment ends with (in English; `_itb_team` speaks the
current language)."""


def _safety(name: str) -> str:
    """A sentence of flexdose.safety in the current language: "team", "framing", "closing" or
    "soon-action" (the same-day tier's action)."""
    voice = safety.current()
    sentences = {
        "team": voice.TEAM,
        "framing": voice.FRAMING,
        "closing": voice.REPORT_CLOSING,
        "soon-action": voice.tier("soon").action,
    }
    return sentences[name]


def _itb_team() -> str:
    return messages.word("itb-team", team=_safety("team"))


def _pct(value: float) -> str:
    """A percentage without a sign, as a person reads it: '30%', '2.5%'."""
    return f"{fmt_number(value, PCT_DECIMALS)}%"


def _mcg_vs(value: float, bound: float, above: bool) -> str:
    """'1,200' but 'just over 1,000' when rounding would hide that value is past bound."""
    text, bound_text = fmt_mcg(value), fmt_mcg(bound)
    if text == bound_text:
        return messages.word("just-over" if above else "just-under", bound=bound_text)
    return text


def _or(words: list[str]) -> str:
    """'a, b or c'."""
    if len(words) == 1:
        return words[0]
    return messages.word("list-sep").join(words[:-1]) + messages.word("or") + words[-1]


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
            messages.message(
                "too-many-steps",
                program=quote(program.name),
                count=fmt_number(changes),
                max=fmt_number(max_changes),
            ),
            program.path,
        )
    first = steps[0] if steps else None
    if first is not None and first.start_minutes not in (None, 0):
        yield Finding.make(
            "first-step-not-midnight",
            messages.message(
                "first-step-not-midnight",
                place=describe(first.path),
                time=fmt_minutes(first.start_minutes),
            ),
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
                messages.message(
                    "times-not-increasing.same" if same else "times-not-increasing.earlier",
                    place=describe(step.path),
                    time=fmt_minutes(step.start_minutes),
                    previous=fmt_minutes(previous),
                ),
                (*step.path, "start"),
            )
        else:
            previous = step.start_minutes
    for step in steps:
        if step.mcg_per_day == 0:
            yield Finding.make(
                "zero-rate",
                messages.message("zero-rate", place=describe(step.path), itb_team=_itb_team()),
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

# Each range's group in words: WORDS "usual-group.<age>.<origin>".
_USUAL_RANGES: dict[tuple[str, str], Limit[tuple[float, ...]]] = {
    ("adult", "spinal"): USUAL_DAILY_MCG_SPINAL,
    ("adult", "cerebral"): USUAL_DAILY_MCG_CEREBRAL,
    ("child", "cerebral"): USUAL_DAILY_MCG_CHILD,
    # ("child", "spinal"): no source gives a range, so there is none.
}


def usual_range(context: Context | None) -> tuple[Limit[tuple[float, ...]], str] | None:
    """The usual daily range and a phrase naming whom it is for; None when none applies.

    Only with both the origin and the age group: without them no group (and so no range) is
    assumed. A child of spinal origin has none: no source gives one.
    """
    if context is None or context.origin is None or context.age_group is None:
        return None
    limit = _USUAL_RANGES.get((context.age_group, context.origin))
    if limit is None:
        return None
    return limit, messages.word(f"usual-group.{context.age_group}.{context.origin}")


# ---- change from the dose in use now, by phase ----


def _change_group(context: Context | None) -> str:
    """Whose change figures apply: "child", "spinal", "cerebral" or "unknown" (age first)."""
    if context is not None and context.age_group == "child":
        return "child"
    origin = context.origin if context else None
    return origin if origin in ("spinal", "cerebral") else "unknown"


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
    word = messages.word
    way = word("change-way.rise" if rising else "change-way.fall")
    who = word(f"change-group.{group}")
    if phase == "titration":
        return titration, word("change.titration", way=way, pct=_pct(titration.value), who=who)
    if phase == "maintenance":
        key = "change.maintenance-child" if group == "child" else "change.maintenance"
        return maintenance, word(key, way=way, pct=_pct(maintenance.value), who=who)
    limit = min(titration, maintenance, key=lambda lim: lim.value)
    return limit, word("change.no-phase", way=way, pct=_pct(limit.value), who=who)


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
    word = messages.word
    if pct is None:
        amount = word("amount.from-none", after=fmt_mcg(after))
    elif fmt_mcg(before) == "0":
        # A dose in use too small to show (5e-141 mcg): a percentage of it means nothing.
        amount = word("amount.from-almost-none", after=fmt_mcg(after))
    else:
        amount = word(
            "amount.more" if pct > 0 else "amount.less",
            after=fmt_mcg(after),
            pct=_pct(abs(pct)),
            before=fmt_mcg(before),
        )
    return Finding.make(
        "large-change",
        messages.message("large-change", label=label, amount=amount, why=why, itb_team=_itb_team()),
        path,
    )


def _daily_findings(program: Program, daily: float, context: Context | None) -> Iterator[Finding]:
    name = quote(program.name)
    ceiling = DAILY_CEILING_MCG.value
    usual = usual_range(context)
    if daily > ceiling:
        yield Finding.make(
            "daily-dose-above-1000",
            messages.message(
                "daily-dose-above-1000",
                program=name,
                total=_mcg_vs(daily, ceiling, True),
                ceiling=fmt_mcg(ceiling),
                itb_team=_itb_team(),
            ),
            program.path,
        )
    if usual is None:
        return
    limit, group = usual
    low, high = limit.value
    usual_text = messages.word("usual-range", low=fmt_mcg(low), high=fmt_mcg(high))
    if high < daily <= ceiling:
        yield Finding.make(
            "daily-dose-above-usual",
            messages.message(
                "daily-dose-above-usual",
                program=name,
                total=_mcg_vs(daily, high, True),
                group=group,
                usual=usual_text,
                itb_team=_itb_team(),
            ),
            program.path,
        )
    if daily < low:
        yield Finding.make(
            "daily-dose-below-usual",
            messages.message(
                "daily-dose-below-usual",
                program=name,
                total=_mcg_vs(daily, low, False),
                group=group,
                usual=usual_text,
                itb_team=_itb_team(),
            ),
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
            messages.message(
                "bad-concentration.range",
                value=fmt_num(concentration),
                low=fmt_num(low),
                high=fmt_num(high),
                strengths=_strengths(),
            ),
            path,
        )
        return
    if concentration == SCREENING_CONCENTRATION_MCG_PER_ML.value:
        yield Finding.make(
            "unlabeled-concentration",
            messages.message(
                "unlabeled-concentration.screening",
                value=fmt_num(concentration),
                strengths=_strengths(),
                itb_team=_itb_team(),
            ),
            path,
        )
    elif concentration not in LABELLED_CONCENTRATIONS_MCG_PER_ML.value:
        yield Finding.make(
            "unlabeled-concentration",
            messages.message(
                "unlabeled-concentration",
                value=fmt_num(concentration),
                strengths=_strengths(),
                itb_team=_itb_team(),
            ),
            path,
        )


def _strengths() -> str:
    return _or([fmt_num(v) for v in LABELLED_CONCENTRATIONS_MCG_PER_ML.value])


def _sizes() -> tuple[float, ...]:
    return tuple(RESERVOIR_SIZES_ML.value)


def _pump_fill_findings(schedule: Schedule) -> Iterator[Finding]:
    pump, fill = schedule.pump, schedule.fill
    sizes = _sizes()
    size_text = messages.word("or").join(f"{fmt_num(s)} mL" for s in sizes)
    if pump.reservoir_ml is not None and pump.reservoir_ml not in sizes:
        yield Finding.make(
            "bad-reservoir",
            messages.message(
                "bad-reservoir.size", value=fmt_num(pump.reservoir_ml), sizes=size_text
            ),
            ("pump", "reservoir_ml"),
        )
    if fill is None or fill.volume_ml is None:
        return
    capacity = pump.reservoir_ml if pump.reservoir_ml in sizes else max(sizes)
    if fill.volume_ml > capacity:
        which = messages.word(
            "this-reservoir" if pump.reservoir_ml in sizes else "largest-reservoir"
        )
        yield Finding.make(
            "fill-exceeds-reservoir",
            messages.message(
                "fill-exceeds-reservoir",
                volume=fmt_num(fill.volume_ml),
                which=which,
                capacity=fmt_num(capacity),
            ),
            ("fill", "volume_ml"),
        )
    if pump.alarm_ml is not None and pump.alarm_ml >= fill.volume_ml:
        yield Finding.make(
            "alarm-not-below-fill",
            messages.message(
                "alarm-not-below-fill", alarm=fmt_num(pump.alarm_ml), volume=fmt_num(fill.volume_ml)
            ),
            ("pump", "alarm_ml") if pump.alarm_given else ("fill", "volume_ml"),
        )


# ---- the two entry points ----


def _fill_in_future(schedule: Schedule, today: datetime.date | None) -> Iterator[Finding]:
    fill = schedule.fill
    if today is None or fill is None or fill.date is None or fill.date <= today:
        return
    yield Finding.make(
        "fill-in-future",
        messages.message("fill-in-future", fill=fmt_date(fill.date), today=fmt_date(today)),
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
            label = messages.word("place.program", program=quote(program.name))
            change = large_change(current, daily, context, program.path, label)
            if change is not None:
                findings.append(change)
    flex = len({n for n in schedule.week or () if n}) > 1 or any(
        len(p.steps) > 1 for p in schedule.programs
    )
    if flex:
        findings.append(
            Finding.make("clock-change", messages.message("clock-change"), ("programs",))
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
        why = messages.word("no-alarm.zero")
    elif beyond_calendar:
        why = messages.word("no-alarm.calendar")
    else:
        why = messages.word("no-alarm.too-long")
    yield Finding.make("alarm-date", messages.message("alarm-date.none", why=why), ("fill", "date"))
    if any_dose and not beyond_calendar:
        yield _beyond_180(MAX_REFILL_INTERVAL_DAYS.value, None)


def _alarm_date(alarm: Alarm, refill_by: datetime.date | None) -> Finding:
    margin = int(REFILL_MARGIN_DAYS.value)
    refill = (
        messages.word("refill-by", date=fmt_date(refill_by), margin=margin) if refill_by else ""
    )
    return Finding.make(
        "alarm-date",
        messages.message(
            "alarm-date",
            volume=fmt_ml(alarm.volume_ml),
            fill_date=fmt_date(alarm.fill_date),
            fill_time=alarm.fill_time,
            alarm=fmt_ml(alarm.alarm_ml),
            date=fmt_date(alarm.date),
            part_of_day=fmt_part_of_day(alarm.time),
            days=fmt_days(alarm.days),
            refill=refill,
        ),
        ("fill", "date"),
    )


def _alarm_passed(alarm: Alarm, today: datetime.date) -> Finding:
    return Finding.make(
        "alarm-passed",
        messages.message(
            "alarm-passed",
            fill_date=fmt_date(alarm.fill_date),
            date=fmt_date(alarm.date),
            today=fmt_date(today),
            action=_safety("soon-action"),
        ),
        ("fill", "date"),
    )


def _delivery_accuracy(days: float) -> Finding:
    spread = days * DELIVERY_ACCURACY_PCT.value / 100
    return Finding.make(
        "delivery-accuracy",
        messages.message(
            "delivery-accuracy",
            accuracy=_pct(DELIVERY_ACCURACY_PCT.value),
            # Whole days: a tenth of a day would claim a precision the average does not have.
            spread=fmt_days(round(spread)) if spread >= 1 else fmt_days(spread),
            altitude=_pct(ALTITUDE_OVERDELIVERY_PCT.value),
        ),
        ("fill", "volume_ml"),
    )


def _beyond_180(max_days: float, days: float | None) -> Finding:
    if days is None:
        when = messages.word("when.more-than", days=fmt_number(max_days))
    elif fmt_days(days) == fmt_days(max_days):
        when = messages.word("when.just-over", days=fmt_number(max_days))
    else:
        when = messages.word("when.about", days=fmt_days_number(days))
    return Finding.make(
        "refill-beyond-180-days",
        messages.message(
            "refill-beyond-180-days",
            when=when,
            max=fmt_number(max_days),
            itb_team=_itb_team(),
        ),
        ("fill", "date"),
    )


def not_a_programmer() -> Finding:
    """The note every report ends with."""
    return Finding.make(
        "not-a-programmer",
        messages.message(
            "not-a-programmer", framing=_safety("framing"), closing=_safety("closing")
        ),
        (),
    )
