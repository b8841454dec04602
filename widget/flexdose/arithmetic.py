"""The dose arithmetic: what a program delivers, when the reservoir reaches its alarm volume.

Below both `flexdose.rules` (which compares these numbers with the limits) and
`flexdose.summary` (which lays them out for the report), so neither imports the other.

A step's rate is what the pump would deliver in 24 h at that rate, so a step of h hours delivers
rate x h / 24 mcg. The alarm is found by stepping through the week's programs from the fill's date
and time in exact fractions, with whole weeks done in one multiplication. Every function here
assumes a usable, ordered program (or a schedule with no error findings) unless it says otherwise.
"""

from __future__ import annotations

import datetime
import math
from fractions import Fraction

from .limits import (
    ALARM_HORIZON_DAYS,
    DAYS_DECIMALS,
    HOURS_DECIMALS,
    MCG_DECIMALS,
    MINUTES_PER_DAY,
    MINUTES_PER_HOUR,
    ML_DECIMALS,
    PCT_DECIMALS,
    REFILL_MARGIN_DAYS,
    WEEK_DAYS,
)
from .model import Program, Schedule

__all__ = [
    "Segment",
    "alarm_at",
    "alarm_minutes",
    "change_pct",
    "fmt_minutes",
    "per_ml",
    "program_daily_mcg",
    "refill_by",
    "round_days",
    "round_hours",
    "round_mcg",
    "round_ml",
    "round_pct",
    "segments",
]

Segment = tuple[int, int, float]
"""(start, end, mcg_per_day) of one step, in minutes after midnight; the last ends at 24:00."""


# ---- rounding (one place, so every number in a report is rounded alike) ----


def _round(value: float | Fraction | None, decimals: int) -> float | None:
    if value is None:
        return None
    x = float(value)
    # Non-finite numbers cannot be written as JSON; the limits keep them out, this keeps it so.
    return round(x, decimals) if math.isfinite(x) else None


def round_mcg(value: float | Fraction | None) -> float | None:
    """mcg and mcg/day: 3 decimals."""
    return _round(value, MCG_DECIMALS)


def round_ml(value: float | Fraction | None) -> float | None:
    """mL and mL/day: 4 decimals."""
    return _round(value, ML_DECIMALS)


def round_hours(value: float | Fraction | None) -> float | None:
    """Hours: 4 decimals."""
    return _round(value, HOURS_DECIMALS)


def round_days(value: float | Fraction | None) -> float | None:
    """Days: 3 decimals."""
    return _round(value, DAYS_DECIMALS)


def round_pct(value: float | Fraction | None) -> float | None:
    """Percentages: 1 decimal."""
    return _round(value, PCT_DECIMALS)


def fmt_minutes(minutes: int) -> str:
    """'07:30' for 450; '24:00' for the end of the day."""
    return f"{minutes // MINUTES_PER_HOUR:02d}:{minutes % MINUTES_PER_HOUR:02d}"


# ---- per step, per program ----


def segments(program: Program) -> list[Segment]:
    """(start, end, mcg_per_day) for each step of a usable program, the last ending at 24:00.

    Raises:
        ValueError: a step has no usable time or rate (the program is not `usable`).
    """
    steps = program.steps
    out = []
    for i, step in enumerate(steps):
        end = steps[i + 1].start_minutes if i + 1 < len(steps) else MINUTES_PER_DAY
        if step.start_minutes is None or step.mcg_per_day is None or end is None:
            raise ValueError(f"program {program.name!r} has a step without a time or a rate")
        out.append((step.start_minutes, end, step.mcg_per_day))
    return out


def program_daily_mcg(program: Program) -> float:
    """mcg the program delivers from 00:00 to 24:00 (a usable, ordered program)."""
    return math.fsum(rate * (end - start) for start, end, rate in segments(program)) / (
        MINUTES_PER_DAY
    )


def per_ml(mcg: float, concentration: float | None) -> float | None:
    """mcg as mL of drug at `concentration` mcg/mL; None without a concentration."""
    return None if concentration is None else mcg / concentration


def change_pct(before: float, after: float) -> float | None:
    """Percentage change from `before` to `after`; None when before is 0."""
    if before == 0:
        return None
    return (after - before) / before * 100


# ---- alarm ----

_ExactSegment = tuple[int, int, Fraction]


def _exact(program: Program) -> list[_ExactSegment]:
    return [(s, e, Fraction(r)) for s, e, r in segments(program)]


def _consume(
    day: list[_ExactSegment], from_minute: int, budget: Fraction
) -> tuple[Fraction | None, Fraction]:
    """Use `budget` mcg from `from_minute` on; (minute it runs out or None, budget left)."""
    for start, end, rate in day:
        if end <= from_minute:
            continue
        begin = max(start, from_minute)
        used = rate * (end - begin) / MINUTES_PER_DAY
        if rate > 0 and used >= budget:
            return begin + budget * MINUTES_PER_DAY / rate, Fraction(0)
        budget -= used
    return None, budget


def alarm_minutes(schedule: Schedule) -> Fraction | None:
    """Exact minutes from the fill to the low-reservoir alarm; None if it never comes.

    None when there is no fill or drug (or the fill lacks its date, time or volume), when every
    rate the week uses is zero, or when the alarm is more than ALARM_HORIZON_DAYS away (the
    arithmetic stays bounded for tiny rates).
    """
    fill, drug = schedule.fill, schedule.drug
    if (
        fill is None
        or fill.date is None
        or fill.time_minutes is None
        or fill.volume_ml is None
        or drug is None
        or drug.concentration_mcg_per_ml is None
        or schedule.pump.alarm_ml is None
        or schedule.week is None
    ):
        return None
    programs = {p.name: p for p in schedule.programs}
    days = [_exact(programs[name]) for name in schedule.week if name is not None]
    if len(days) != WEEK_DAYS:
        return None  # a day without a program: an error finding, so no summary either
    week_mcg = sum((rate * (e - s) for d in days for s, e, rate in d), Fraction(0))
    week_mcg /= MINUTES_PER_DAY
    if week_mcg == 0:
        return None
    # Work in mcg: (fill - alarm volume) x concentration is what can be delivered before the alarm.
    budget = (Fraction(fill.volume_ml) - Fraction(schedule.pump.alarm_ml)) * Fraction(
        drug.concentration_mcg_per_ml
    )
    weekday = fill.date.weekday()
    start = fill.time_minutes
    found, budget = _consume(days[weekday], start, budget)
    if found is not None:
        return found - start
    elapsed = Fraction(MINUTES_PER_DAY - start)
    weeks = math.floor(budget / week_mcg)
    if weeks and weeks * week_mcg == budget:
        weeks -= 1  # runs out exactly at the end of a week: let the day loop find that moment
    horizon_weeks = int(ALARM_HORIZON_DAYS.value) // WEEK_DAYS + 1
    if weeks > horizon_weeks:
        return None
    budget -= weeks * week_mcg
    elapsed += weeks * WEEK_DAYS * MINUTES_PER_DAY
    # What is left is at most one week's worth, and the arithmetic is exact: it runs out within
    # the next seven days.
    for offset in range(1, WEEK_DAYS + 1):
        found, budget = _consume(days[(weekday + offset) % WEEK_DAYS], 0, budget)
        if found is not None:
            return elapsed + found
        elapsed += MINUTES_PER_DAY
    raise AssertionError("unreachable: a week's budget always runs out within the week")


def alarm_at(schedule: Schedule, minutes: Fraction) -> datetime.datetime | None:
    """The moment `minutes` after the schedule's fill, rounded down to the minute.

    None without a fill date and time, or past the last date the calendar holds.
    """
    fill = schedule.fill
    if fill is None or fill.date is None or fill.time_minutes is None:
        return None
    start = datetime.datetime.combine(fill.date, datetime.time()) + datetime.timedelta(
        minutes=fill.time_minutes
    )
    try:
        # Round down to the minute: an alarm shown a little early is the safe side.
        return start + datetime.timedelta(minutes=math.floor(minutes))
    except OverflowError:
        return None


def refill_by(alarm_date: datetime.date) -> datetime.date | None:
    """REFILL_MARGIN_DAYS before the alarm date; None when that is before the calendar's start."""
    margin = datetime.timedelta(days=int(REFILL_MARGIN_DAYS.value))
    if alarm_date.toordinal() <= margin.days:  # date.min has no week before it
        return None
    return alarm_date - margin
