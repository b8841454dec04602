"""The report's summary of a valid schedule: per-step amounts, daily and weekly totals, mL/day,
the alarm and refill-by dates, as a typed `flexdose.results.Summary`.

Everything here assumes a schedule with no error findings (`flexdose.check` only summarises
those). The arithmetic itself is `flexdose.arithmetic`'s; this module rounds it for the report
(the JSON is written by `flexdose.jsonout`).
"""

from __future__ import annotations

import datetime
import math

from .arithmetic import (
    alarm_at,
    alarm_minutes,
    per_ml,
    program_daily_mcg,
    refill_by,
    round_days,
    round_hours,
    round_mcg,
    round_ml,
    segments,
)
from .limits import (
    ALARM_HORIZON_DAYS,
    MINUTES_PER_DAY,
    MINUTES_PER_HOUR,
    REFILL_MARGIN_DAYS,
    WEEK_DAYS,
)
from .model import WEEKDAYS, Program, Schedule
from .results import Alarm, DaySummary, ProgramSummary, StepRow, Summary

__all__ = ["alarm", "summarize"]


def _rounded(value: float | None) -> float:
    """A rounded number of a valid schedule, which is always finite."""
    if value is None:
        raise ValueError("a summary number is not finite")
    return value


def _step_rows(program: Program) -> tuple[StepRow, ...]:
    rows = []
    for start, end, rate in segments(program):
        minutes = end - start
        rows.append(
            StepRow(
                start_minutes=start,
                end_minutes=end,
                hours=_rounded(round_hours(minutes / MINUTES_PER_HOUR)),
                mcg_per_day=_rounded(round_mcg(rate)),
                mcg_per_hour=_rounded(round_mcg(rate * MINUTES_PER_HOUR / MINUTES_PER_DAY)),
                mcg=_rounded(round_mcg(rate * minutes / MINUTES_PER_DAY)),
            )
        )
    return tuple(rows)


def _program_summary(program: Program, concentration: float | None) -> ProgramSummary:
    steps = _step_rows(program)
    daily = program_daily_mcg(program)
    rates = [step.mcg_per_day for step in steps]
    return ProgramSummary(
        daily_mcg=_rounded(round_mcg(daily)),
        min_mcg_per_day=min(rates),
        max_mcg_per_day=max(rates),
        ml_per_day=round_ml(per_ml(daily, concentration)),
        steps=steps,
    )


def alarm(schedule: Schedule, today: datetime.date | None = None) -> Alarm | None:
    """When the low-reservoir alarm would sound, or None (see `flexdose.report`).

    With `today`, it also has the date and the whole calendar days from today to the alarm date
    (0 on the day itself, negative once it has passed).
    """
    minutes = alarm_minutes(schedule)
    if minutes is None or minutes / MINUTES_PER_DAY > ALARM_HORIZON_DAYS.value:
        return None
    when = alarm_at(schedule, minutes)
    fill, alarm_ml = schedule.fill, schedule.pump.alarm_ml
    # alarm_minutes is None without the fill's date, time and volume: this only narrows types.
    if when is None or fill is None or fill.date is None or fill.time_minutes is None:
        return None
    if fill.volume_ml is None or alarm_ml is None:
        return None
    return Alarm(
        days=_rounded(round_days(minutes / MINUTES_PER_DAY)),
        date=when.date(),
        time_minutes=when.hour * MINUTES_PER_HOUR + when.minute,
        fill_date=fill.date,
        fill_time_minutes=fill.time_minutes,
        volume_ml=_rounded(round_ml(fill.volume_ml)),
        alarm_ml=_rounded(round_ml(alarm_ml)),
        today=today,
        # Calendar days, not hours: "3 days from today" is what a person counts on a calendar.
        days_from_today=None if today is None else when.toordinal() - today.toordinal(),
    )


def summarize(schedule: Schedule, today: datetime.date | None = None) -> Summary:
    """The report's summary for a schedule with no error findings.

    `today` adds the days from today to the alarm (see `alarm`); without it nothing changes.
    """
    concentration = schedule.drug.concentration_mcg_per_ml if schedule.drug else None
    programs = {p.name: _program_summary(p, concentration) for p in schedule.programs}
    daily = {p.name: program_daily_mcg(p) for p in schedule.programs}
    week_names = [name for name in schedule.week or () if name is not None]
    week = {
        day: DaySummary(
            program=name,
            daily_mcg=_rounded(round_mcg(daily[name])),
            ml_per_day=round_ml(per_ml(daily[name], concentration)),
        )
        for day, name in zip(WEEKDAYS, week_names, strict=True)
    }
    mean = math.fsum(daily[n] for n in week_names) / WEEK_DAYS if week_names else None
    alarm_info = alarm(schedule, today) if programs else None
    return Summary(
        title=schedule.title,
        programs=programs,
        week=week,
        mean_daily_mcg=round_mcg(mean),
        ml_per_day=round_ml(None if mean is None else per_ml(mean, concentration)),
        concentration_mcg_per_ml=concentration,
        alarm=alarm_info,
        refill_by=None if alarm_info is None else refill_by(alarm_info.date),
        refill_margin_days=int(REFILL_MARGIN_DAYS.value),
    )
