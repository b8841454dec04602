"""Arithmetic on a valid schedule: per-step amounts, daily and weekly totals, mL/day, alarm date.

Everything here assumes a schedule with no error findings (`flexdose.check` only summarises those).
A step's rate is what the pump would deliver in 24 h at that rate, so a step of h hours delivers
rate x h / 24 mcg. The alarm is found by stepping through the week's programs from the fill's date
and time in exact fractions, with whole weeks done in one multiplication.
"""

from __future__ import annotations

import datetime
import math
from fractions import Fraction
from typing import Any

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
from .model import WEEKDAYS, Program, Schedule

__all__ = [
    "alarm",
    "fmt_minutes",
    "program_daily_mcg",
    "round_days",
    "round_hours",
    "round_mcg",
    "round_ml",
    "round_pct",
    "summarize",
]


# ---- rounding for the JSON (one place, so every number in a report is rounded alike) ----


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


def _segments(program: Program) -> list[tuple[int, int, float]]:
    """(start, end, mcg_per_day) for each step, the last ending at 24:00."""
    steps = program.steps
    out = []
    for i, step in enumerate(steps):
        end = steps[i + 1].start_minutes if i + 1 < len(steps) else MINUTES_PER_DAY
        out.append((step.start_minutes, end, step.mcg_per_day))
    return out  # a valid schedule has every field set


def program_daily_mcg(program: Program) -> float:
    """mcg the program delivers from 00:00 to 24:00 (a usable, ordered program)."""
    return math.fsum(rate * (end - start) for start, end, rate in _segments(program)) / (
        MINUTES_PER_DAY
    )


def _per_ml(mcg: float, concentration: float | None) -> float | None:
    return None if concentration is None else mcg / concentration


def _program_summary(program: Program, concentration: float | None) -> dict[str, Any]:
    rows = []
    for start, end, rate in _segments(program):
        minutes = end - start
        rows.append(
            {
                "start": fmt_minutes(start),
                "end": fmt_minutes(end),
                "hours": round_hours(minutes / MINUTES_PER_HOUR),
                "mcg_per_day": round_mcg(rate),
                "mcg_per_hour": round_mcg(rate * MINUTES_PER_HOUR / MINUTES_PER_DAY),
                "mcg": round_mcg(rate * minutes / MINUTES_PER_DAY),
            }
        )
    daily = program_daily_mcg(program)
    rates = [s.mcg_per_day for s in program.steps]
    return {
        "daily_mcg": round_mcg(daily),
        "min_mcg_per_day": round_mcg(min(rates)),
        "max_mcg_per_day": round_mcg(max(rates)),
        "ml_per_day": round_ml(_per_ml(daily, concentration)),
        "step_count": len(rows),
        "steps": rows,
    }


# ---- alarm ----


def _day_mcg(programs: dict[str, Program], name: str) -> list[tuple[int, int, Fraction]]:
    return [(s, e, Fraction(r)) for s, e, r in _segments(programs[name])]


def _consume(
    segments: list[tuple[int, int, Fraction]], from_minute: int, budget: Fraction
) -> tuple[Fraction | None, Fraction]:
    """Use `budget` mcg from `from_minute` on; (minute it runs out or None, budget left)."""
    for start, end, rate in segments:
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
    if fill is None or not fill.complete or drug is None or schedule.week is None:
        return None
    programs = {p.name: p for p in schedule.programs}
    days = [_day_mcg(programs, name) for name in schedule.week]
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


def alarm(schedule: Schedule, today: datetime.date | None = None) -> dict[str, Any] | None:
    """The alarm object of the report (see `flexdose.report`), or None.

    With `today`, it also has ``today`` (ISO date) and ``days_from_today``: whole calendar days
    from today to the alarm date (0 on the day itself, negative once it has passed).
    """
    minutes = alarm_minutes(schedule)
    if minutes is None or minutes / MINUTES_PER_DAY > ALARM_HORIZON_DAYS.value:
        return None
    fill = schedule.fill
    start = datetime.datetime.combine(fill.date, datetime.time()) + datetime.timedelta(
        minutes=fill.time_minutes
    )
    try:
        # Round down to the minute: an alarm shown a little early is the safe side.
        when = start + datetime.timedelta(minutes=math.floor(minutes))
    except OverflowError:
        return None
    info = {
        "days": round_days(minutes / MINUTES_PER_DAY),
        "date": when.date().isoformat(),
        "time": fmt_minutes(when.hour * MINUTES_PER_HOUR + when.minute),
        "fill_date": fill.date.isoformat(),
        "fill_time": fmt_minutes(fill.time_minutes),
        "volume_ml": round_ml(fill.volume_ml),
        "alarm_ml": round_ml(schedule.pump.alarm_ml),
    }
    if today is not None:
        # Calendar days, not hours: "3 days from today" is what a person counts on a calendar.
        info["today"] = today.isoformat()
        info["days_from_today"] = when.date().toordinal() - today.toordinal()
    return info


# ---- the whole summary ----


def summarize(schedule: Schedule, today: datetime.date | None = None) -> dict[str, Any]:
    """The report's `summary` object for a schedule with no error findings.

    `today` adds the days from today to the alarm (see `alarm`); without it nothing changes.
    """
    concentration = schedule.drug.concentration_mcg_per_ml if schedule.drug else None
    programs = {p.name: p for p in schedule.programs}
    program_rows = {p.name: _program_summary(p, concentration) for p in schedule.programs}
    daily = {p.name: program_daily_mcg(p) for p in schedule.programs}
    week_names = schedule.week or ()
    week = {
        day: {
            "program": name,
            "daily_mcg": round_mcg(daily[name]),
            "ml_per_day": round_ml(_per_ml(daily[name], concentration)),
        }
        for day, name in zip(WEEKDAYS, week_names, strict=True)
    }
    mean = math.fsum(daily[n] for n in week_names) / WEEK_DAYS if week_names else None
    alarm_info = alarm(schedule, today) if programs else None
    refill_by = None
    if alarm_info is not None:
        alarm_date = datetime.date.fromisoformat(alarm_info["date"])
        margin = datetime.timedelta(days=int(REFILL_MARGIN_DAYS.value))
        if alarm_date.toordinal() > margin.days:  # date.min has no week before it
            refill_by = (alarm_date - margin).isoformat()
    return {
        "title": schedule.title,
        "programs": program_rows,
        "week": week,
        "mean_daily_mcg": round_mcg(mean),
        "ml_per_day": round_ml(None if mean is None else _per_ml(mean, concentration)),
        "concentration_mcg_per_ml": concentration,
        "alarm": alarm_info,
        "refill_by": refill_by,
        "refill_margin_days": int(REFILL_MARGIN_DAYS.value),
    }
