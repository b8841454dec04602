"""The schedule as frozen dataclasses, built by `flexdose.parse` from an `itb-flex/1` document.

Parsing is best-effort so that every problem can be reported in one pass: a field whose value could
not be used is `None` here, and a finding says why. `flexdose.summary` only runs on a schedule with
no error findings, where every field it needs is set.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from . import i18n

__all__ = [
    "MONTH_NAMES",
    "MONTH_SHORT_NAMES",
    "WEEKDAYS",
    "WEEKDAY_NAMES",
    "WEEKDAY_SHORT_NAMES",
    "Context",
    "Drug",
    "Fill",
    "Path",
    "Program",
    "Pump",
    "Schedule",
    "Step",
]

Path = tuple[str | int, ...]
"""Where something is in a document: its keys and list indexes (`flexdose.paths` writes it)."""

_WEEK_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

WEEKDAY_NAMES: dict[str, str] = dict(zip(_WEEK_KEYS, i18n.weekday_names("en"), strict=True))
"""The week plan's keys, Monday first, and each day's name in English: the one weekday table
(the names, in every language, are flexdose.i18n's)."""

WEEKDAY_SHORT_NAMES: dict[str, str] = dict(
    zip(_WEEK_KEYS, i18n.weekday_short_names("en"), strict=True)
)
"""Each week key -> the day's short name ("Mon")."""

WEEKDAYS: tuple[str, ...] = tuple(WEEKDAY_NAMES)
"""Week keys in order; index i matches `datetime.date.weekday() == i`."""

MONTH_NAMES: tuple[str, ...] = i18n.month_names("en")
"""Month names in English, January first (index month - 1)."""

MONTH_SHORT_NAMES: tuple[str, ...] = i18n.month_short_names("en")
"""Short month names ("Jan"), January first."""


@dataclass(frozen=True, slots=True)
class Step:
    """One dose step: from `start_minutes` after midnight until the next step (or 24:00).

    `mcg_per_day` is the amount the pump would deliver in 24 h at this rate (an `mcg_per_hour`
    input is stored times 24). Either is None when the document's value was unusable.
    """

    start_minutes: int | None
    mcg_per_day: float | None
    path: Path


@dataclass(frozen=True, slots=True)
class Program:
    """A named 24-hour pattern of steps."""

    name: str
    steps: tuple[Step, ...]
    path: Path

    @property
    def usable(self) -> bool:
        """Every step has a time and a rate (order and count are checked by the rules)."""
        return bool(self.steps) and all(
            s.start_minutes is not None and s.mcg_per_day is not None for s in self.steps
        )


@dataclass(frozen=True, slots=True)
class Pump:
    """The implanted pump: reservoir size and low-reservoir alarm volume (default 2 mL [S15])."""

    reservoir_ml: float | None
    alarm_ml: float | None
    alarm_given: bool = False


@dataclass(frozen=True, slots=True)
class Drug:
    """The drug in the reservoir."""

    concentration_mcg_per_ml: float | None


@dataclass(frozen=True, slots=True)
class Fill:
    """The last refill: when (date and minutes after midnight) and how much."""

    date: datetime.date | None
    time_minutes: int | None
    volume_ml: float | None

    @property
    def complete(self) -> bool:
        """Date, time and volume are all known: enough (with the drug) for the alarm date."""
        return None not in (self.date, self.time_minutes, self.volume_ml)


@dataclass(frozen=True, slots=True)
class Context:
    """Background that selects the usual ranges and the change limits.

    `phase` is "titration" (finding the dose after implant: one change per 24 h) or
    "maintenance" (a steady dose, changed at refills); None when not given.
    """

    origin: str | None  # "spinal" | "cerebral"
    age_group: str | None  # "adult" | "child" (under 12)
    current_mcg_per_day: float | None
    phase: str | None = None  # "titration" | "maintenance"


@dataclass(frozen=True, slots=True)
class Schedule:
    """A whole `itb-flex/1` document.

    `week` holds a program name (or None when unusable) for each of `WEEKDAYS`, or is None when
    the week plan is missing and cannot be defaulted. `week_given` says whether the document had
    one (with a single program it defaults to that program).
    """

    title: str | None
    programs: tuple[Program, ...]
    week: tuple[str | None, ...] | None
    week_given: bool
    pump: Pump
    drug: Drug | None
    fill: Fill | None
    context: Context | None

    def program(self, name: str) -> Program | None:
        """The program called `name`, or None."""
        for p in self.programs:
            if p.name == name:
                return p
        return None
