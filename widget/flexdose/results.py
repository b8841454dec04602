"""The typed results: a report, its summary and a comparison, as frozen dataclasses.

These are what `flexdose.summary`, `flexdose.report` and `flexdose.compare` build and what the
renderers and the rules read. Their public JSON (keys, order, rounding) is written in one place,
`flexdose.jsonout`, which also reads it back (a portal may hand a renderer the JSON it received).
Numbers are the report's rounded numbers (what the JSON says is what a picture shows); times of
day are minutes after midnight and dates are `datetime.date`: strings only at the JSON edge.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from .arithmetic import fmt_minutes

__all__ = [
    "Alarm",
    "Change",
    "Comparison",
    "DaySummary",
    "ProgramSummary",
    "Report",
    "ReportedFinding",
    "StepRow",
    "Summary",
]


@dataclass(frozen=True, slots=True)
class StepRow:
    """One step of a program: when it runs, its rate and what it delivers in its hours."""

    start_minutes: int
    end_minutes: int  # 1440 (24:00) for the last step
    hours: float
    mcg_per_day: float
    mcg_per_hour: float
    mcg: float

    @property
    def start(self) -> str:
        """'07:00'."""
        return fmt_minutes(self.start_minutes)

    @property
    def end(self) -> str:
        """'21:00'; '24:00' for the last step."""
        return fmt_minutes(self.end_minutes)


@dataclass(frozen=True, slots=True)
class ProgramSummary:
    """One program's day: its total, its lowest and highest rate, mL a day, its steps."""

    daily_mcg: float
    min_mcg_per_day: float
    max_mcg_per_day: float
    ml_per_day: float | None
    steps: tuple[StepRow, ...]

    @property
    def step_count(self) -> int:
        """How many steps the program has."""
        return len(self.steps)


@dataclass(frozen=True, slots=True)
class DaySummary:
    """One weekday: the program it runs and that program's total."""

    program: str
    daily_mcg: float
    ml_per_day: float | None


@dataclass(frozen=True, slots=True)
class Alarm:
    """When the low-reservoir alarm would sound, and the fill it is counted from.

    `today` and `days_from_today` are set only when the report was made with a date for today.
    """

    days: float
    date: datetime.date
    time_minutes: int
    fill_date: datetime.date
    fill_time_minutes: int
    volume_ml: float
    alarm_ml: float
    today: datetime.date | None = None
    days_from_today: int | None = None

    @property
    def time(self) -> str:
        """The alarm's time of day, 'HH:MM'."""
        return fmt_minutes(self.time_minutes)

    @property
    def fill_time(self) -> str:
        """The fill's time of day, 'HH:MM'."""
        return fmt_minutes(self.fill_time_minutes)


@dataclass(frozen=True, slots=True)
class Summary:
    """The arithmetic of a valid schedule (see `flexdose.report` for each field's meaning).

    `programs` is in document order; `week` is keyed "mon".."sun" in order.
    """

    title: str | None
    programs: Mapping[str, ProgramSummary]
    week: Mapping[str, DaySummary]
    mean_daily_mcg: float | None
    ml_per_day: float | None
    concentration_mcg_per_ml: float | None
    alarm: Alarm | None
    refill_by: datetime.date | None
    refill_margin_days: int

    @property
    def mean_mcg(self) -> float:
        """`mean_daily_mcg`, which every summary with a week has (a valid one always does).

        Raises:
            ValueError: the summary has no week, so no mean.
        """
        if self.mean_daily_mcg is None:
            raise ValueError("this summary has no week, so no average day")
        return self.mean_daily_mcg


@dataclass(frozen=True, slots=True)
class ReportedFinding:
    """A finding as a report lists it: code, severity, message and `where` (a JSON path)."""

    code: str
    severity: str
    message: str
    where: str


@dataclass(frozen=True, slots=True)
class Report:
    """The result of `flexdose.check`: verdict, counts, listed findings and, if valid, summary."""

    valid: bool
    counts: Mapping[str, int]
    findings: tuple[ReportedFinding, ...]
    summary: Summary | None


@dataclass(frozen=True, slots=True)
class Change:
    """A day (or the average day) before and after: both totals and the change, in mcg and %."""

    current_mcg: float | None
    proposed_mcg: float | None
    change_mcg: float | None
    change_pct: float | None


@dataclass(frozen=True, slots=True)
class Comparison:
    """The result of `flexdose.compare`: both reports and, when both are valid, the changes."""

    current: Report
    proposed: Report
    days: Mapping[str, Change] | None
    mean: Change | None
    findings: tuple[ReportedFinding, ...]
