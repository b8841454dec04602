"""From a JSON-like value to a `Schedule` plus findings about its shape and values.

`parse` never raises for JSON-like input (dicts, lists, str, int, float, bool, None): every wrong
type or value becomes a finding with a precise `where` path, and parsing goes on so that one pass
reports everything. Rules that need the whole schedule (order of steps, ranges, dates) live in
`flexdose.rules`.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Mapping
from typing import Any

from . import messages
from .findings import Finding, is_mapping, is_sequence, show_value, type_name
from .i18n import weekday_names
from .limits import (
    DEFAULT_ALARM_ML,
    HOURS_PER_DAY,
    MAX_CHANGES_PER_DAY,
    MAX_PLAUSIBLE_MCG_PER_DAY,
    MAX_PROGRAM_NAME_CHARS,
    MAX_PROGRAMS,
    MAX_STEPS_READ,
    MAX_TITLE_CHARS,
    MINUTES_PER_HOUR,
)
from .model import WEEKDAYS, Context, Drug, Fill, Path, Program, Pump, Schedule, Step
from .numbers import fmt_mcg, fmt_number
from .paths import describe, field_in_list, unit_words
from .quoting import quote
from .units import RATE_UNITS

__all__ = [
    "AGE_GROUPS",
    "FILL_KEYS",
    "FORMAT",
    "ORIGINS",
    "PHASES",
    "parse",
    "parse_date",
    "parse_time",
]

FORMAT = "itb-flex/1"
ORIGINS = ("spinal", "cerebral")
"""The values context.origin accepts."""
AGE_GROUPS = ("adult", "child")
"""The values context.age_group accepts ("child" means under 12)."""
PHASES = ("titration", "maintenance")
"""The values context.phase accepts: finding the dose after implant, or a steady dose changed at
refills (they pick the large-change limits)."""
FILL_KEYS = ("date", "time", "volume_ml")
"""The fill section's fields; with all three (and the drug) the alarm date can be worked out."""

_TOP_KEYS = ("format", "title", "pump", "drug", "fill", "programs", "week", "context")
_STEP_KEYS = ("start", *RATE_UNITS)
# Doses written in another unit: named so the message can say how to convert, not "unknown".
# Each says, in words (WORDS "other-unit.<key>"), what the step gave, for "Step 2 gives its dose
# in ...".
_OTHER_RATE_KEYS = (
    "mg_per_day",
    "mg_per_hour",
    "ug_per_day",
    "ug_per_hour",
    "mcg",
    "dose",
    "rate",
    "ml_per_day",
    "ml_per_hour",
    "mcg_per_min",
)
_TIME = re.compile(r"([0-9]{2}):([0-9]{2})\Z")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_MAX_PLAUSIBLE = float(MAX_PLAUSIBLE_MCG_PER_DAY.value)
_MAX_NAME = int(MAX_PROGRAM_NAME_CHARS.value)
_MAX_TITLE = int(MAX_TITLE_CHARS.value)
_MAX_PROGRAMS = int(MAX_PROGRAMS.value)
_MAX_STEPS_READ = int(MAX_STEPS_READ.value)
_MAX_CHANGES_PER_DAY = int(MAX_CHANGES_PER_DAY.value)


def parse_time(value: object) -> int | None:
    """Minutes after midnight for "HH:MM" (00:00..23:59), else None."""
    if not isinstance(value, str):
        return None
    m = _TIME.match(value)
    if m is None:
        return None
    hours, minutes = int(m.group(1)), int(m.group(2))
    if hours >= HOURS_PER_DAY or minutes >= MINUTES_PER_HOUR:
        return None
    return hours * MINUTES_PER_HOUR + minutes


def parse_date(value: object) -> datetime.date | None:
    """The date for "YYYY-MM-DD" when it is a real calendar date, else None."""
    m = _DATE.match(value) if isinstance(value, str) else None
    if m is None:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _number(value: object) -> float | None:
    """A finite float for a JSON number; None for bool, text, non-finite; inf for huge ints."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, int):
        # float(int) overflows above ~1e308; compare as int first (exact, never raises).
        return math.inf if abs(value) > 10**300 else float(value)
    if math.isnan(value):
        return None
    return value


def _blank(value: object) -> bool:
    """Not filled in yet: null or text with nothing but spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def _and(words: list[str]) -> str:
    if len(words) == 1:
        return words[0]
    return messages.word("list-sep").join(words[:-1]) + messages.word("and") + words[-1]


def _typed(value: object) -> str:
    """A value the person typed, saying so when a number was written as text ("the text “40”")."""
    if isinstance(value, str):
        return messages.word("typed-text", value=show_value(value))
    return show_value(value)


def _fill_incomplete_message(missing: list[str]) -> str:
    names = [str(field_in_list(("fill", key))) for key in missing]
    how = [messages.word(f"fill-how.{key}") for key in missing]
    return messages.message(
        "fill-incomplete.one" if len(missing) == 1 else "fill-incomplete.many",
        missing=_and(names),
        how=_and(how),
    )


def too_large(document: object) -> Finding | None:
    """The schedule-too-large finding when document holds more programs or steps than any pump
    schedule (MAX_PROGRAMS, MAX_STEPS_READ), else None. Constant time per program: it counts,
    it reads nothing, so a huge document is refused before any work that grows with it."""
    if not is_mapping(document):
        return None
    programs = document.get("programs")
    if not is_mapping(programs):
        return None
    if len(programs) > _MAX_PROGRAMS:
        return Finding.make(
            "schedule-too-large",
            messages.message(
                "schedule-too-large.programs",
                count=fmt_number(len(programs)),
                max=fmt_number(_MAX_PROGRAMS),
            ),
            ("programs",),
        )
    for name, steps in programs.items():
        if is_sequence(steps) and len(steps) > _MAX_STEPS_READ:
            key = name if isinstance(name, str) else str(name)
            return Finding.make(
                "schedule-too-large",
                messages.message(
                    "schedule-too-large.steps",
                    program=quote(key),
                    count=fmt_number(len(steps)),
                    max=fmt_number(_MAX_STEPS_READ),
                    changes=fmt_number(_MAX_CHANGES_PER_DAY),
                ),
                ("programs", key),
            )
    return None


class _Parser:
    def __init__(self, document: Mapping[Any, Any]) -> None:
        self.doc = document
        self.findings: list[Finding] = []

    def add(self, key: str, path: Path, **params: object) -> None:
        """A finding of code `key` (before any ".variant"), its message the catalogue's `key`."""
        code = key.split(".")[0]
        self.findings.append(Finding.make(code, messages.message(key, **params), path))

    # ---- generic shapes ----

    def unknown_keys(self, obj: Mapping[Any, Any], known: tuple[str, ...], path: Path) -> None:
        for key in obj:
            if key in known:
                continue
            name = key if isinstance(key, str) else str(key)
            listed = (field_in_list((*path, k)) for k in known)
            words = [w for w in listed if w is not None]
            self.add(
                "unknown-field",
                (*path, name),
                place=describe(path),
                name=quote(name),
                fields=_and(words),
            )

    def section(self, key: str) -> Mapping[Any, Any] | None:
        """An optional object at the top level: None if absent or not an object (reported)."""
        if key not in self.doc:
            return None
        value = self.doc[key]
        if is_mapping(value):
            return value
        self.add("invalid-document.section", (key,), place=describe((key,)), type=type_name(value))
        return None

    def positive_volume(
        self, obj: Mapping[Any, Any], key: str, path: Path, example: str
    ) -> float | None:
        value = obj[key]
        number = _number(value)
        if number is None or not math.isfinite(number) or number <= 0:
            too_large = number is not None and number > 0
            reason = messages.word("reason.too-large" if too_large else "reason.not-positive")
            self.add(
                "bad-volume",
                path,
                place=describe(path),
                value=_typed(value),
                reason=reason,
                example=example,
            )
            return None
        return number

    # ---- top level ----

    def schedule(self) -> Schedule:
        doc = self.doc
        self.unknown_keys(doc, _TOP_KEYS, ())
        if "format" in doc and doc["format"] != FORMAT:
            self.add(
                "invalid-document.format",
                ("format",),
                value=show_value(doc["format"]),
                format=quote(FORMAT),
            )
        title = self.title()
        pump = self.pump()
        drug = self.drug()
        fill = self.fill()
        programs = self.programs()
        week, week_given = self.week(programs)
        context = self.context()
        return Schedule(title, programs, week, week_given, pump, drug, fill, context)

    def title(self) -> str | None:
        if "title" not in self.doc or self.doc["title"] is None:
            return None
        value = self.doc["title"]
        if not isinstance(value, str) or len(value) > _MAX_TITLE:
            what = type_name(value) if not isinstance(value, str) else messages.word("too-long")
            self.add("invalid-document.title", ("title",), what=what, max=_MAX_TITLE)
            return None
        return value

    def pump(self) -> Pump:
        obj = self.section("pump")
        default_alarm = float(DEFAULT_ALARM_ML.value)
        if obj is None:
            return Pump(None, default_alarm)
        self.unknown_keys(obj, ("reservoir_ml", "alarm_ml"), ("pump",))
        reservoir = None
        if "reservoir_ml" in obj:
            value = obj["reservoir_ml"]
            number = _number(value)
            if number is None or not math.isfinite(number) or number <= 0:
                self.add("bad-reservoir.type", ("pump", "reservoir_ml"), value=_typed(value))
            else:
                reservoir = number
        alarm: float | None = default_alarm
        if "alarm_ml" in obj:
            alarm = self.positive_volume(obj, "alarm_ml", ("pump", "alarm_ml"), "2")
        return Pump(reservoir, alarm, "alarm_ml" in obj)

    def drug(self) -> Drug | None:
        obj = self.section("drug")
        if obj is None:
            return None
        path: Path = ("drug",)
        self.unknown_keys(obj, ("concentration_mcg_per_ml",), path)
        if "concentration_mcg_per_ml" not in obj:
            self.add("missing-field.concentration", (*path, "concentration_mcg_per_ml"))
            return Drug(None)
        # The range check is a rule (it needs the limits' wording); only the type is checked here.
        value = obj["concentration_mcg_per_ml"]
        number = _number(value)
        if number is None or not math.isfinite(number) or number <= 0:
            self.add(
                "bad-concentration.type", (*path, "concentration_mcg_per_ml"), value=_typed(value)
            )
            return Drug(None)
        return Drug(number)

    def fill(self) -> Fill | None:
        obj = self.section("fill")
        if obj is None:
            return None
        path: Path = ("fill",)
        self.unknown_keys(obj, FILL_KEYS, path)
        # A field left empty (absent, null or blank text) is one the person has not filled in
        # yet: one warning names them all and the rest of the picture stays. A value that is
        # there but malformed is still an error at that field.
        given = {key: obj[key] for key in FILL_KEYS if key in obj and not _blank(obj[key])}
        missing = [key for key in FILL_KEYS if key not in given]
        if missing:
            self.findings.append(
                Finding.make(
                    "fill-incomplete", _fill_incomplete_message(missing), (*path, missing[0])
                )
            )
        date = None
        if "date" in given:
            date = self.date(given["date"], (*path, "date"))
        minutes = None
        if "time" in given:
            minutes = parse_time(given["time"])
            if minutes is None:
                self.add("bad-time.fill", (*path, "time"), value=show_value(given["time"]))
        volume = None
        if "volume_ml" in given:
            volume = self.positive_volume(obj, "volume_ml", (*path, "volume_ml"), "40")
        return Fill(date, minutes, volume)

    def date(self, value: object, path: Path) -> datetime.date | None:
        date = parse_date(value)
        if date is not None:
            return date
        self.add("bad-date", path, value=show_value(value))
        return None

    # ---- programs ----

    def programs(self) -> tuple[Program, ...]:
        if "programs" not in self.doc:
            self.add("missing-field.no-programs", ("programs",))
            return ()
        obj = self.section("programs")
        if obj is None:
            return ()
        if not obj:
            self.add("missing-field.empty-programs", ("programs",))
        result = []
        for name, steps in obj.items():
            program = self.program(name, steps)
            if program is not None:
                result.append(program)
        return tuple(result)

    def program(self, name: object, steps: object) -> Program | None:
        if not isinstance(name, str) or not name.strip() or len(name) > _MAX_NAME:
            key = str(name)
            what = messages.word("name-empty" if not key.strip() else "too-long")
            self.add(
                "invalid-document.program-name",
                ("programs", key),
                name=quote(key),
                what=what,
                max=_MAX_NAME,
            )
            return None
        path: Path = ("programs", name)
        if not is_sequence(steps):
            self.add(
                "invalid-document.program-type", path, program=quote(name), type=type_name(steps)
            )
            return Program(name, (), path)
        if not steps:
            self.add("missing-field.no-steps", (*path, 0), program=quote(name))
        return Program(name, tuple(self.step(s, (*path, i)) for i, s in enumerate(steps)), path)

    def step(self, step: object, path: Path) -> Step:
        if not is_mapping(step):
            self.add("invalid-document.step", path, place=describe(path), type=type_name(step))
            return Step(None, None, path)
        others = [k for k in step if k in _OTHER_RATE_KEYS]
        self.unknown_keys(step, _STEP_KEYS + tuple(others), path)
        start = None
        if "start" not in step:
            self.add("missing-field.start", (*path, "start"), place=describe(path))
        else:
            start = parse_time(step["start"])
            if start is None:
                self.add(
                    "bad-time.start",
                    (*path, "start"),
                    place=describe(path),
                    value=show_value(step["start"]),
                )
        return Step(start, self.rate(step, path, others), path)

    def rate(self, step: Mapping[Any, Any], path: Path, others: list[str]) -> float | None:
        given = [k for k in RATE_UNITS if k in step]
        for key in others:
            self.add(
                "rate-unit.other",
                (*path, key),
                place=describe(path),
                unit=messages.word(f"other-unit.{key}"),
            )
        if len(given) == 2:
            self.add("rate-unit.twice", (*path, "mcg_per_hour"), place=describe(path))
            return None
        if not given:
            if not others:
                self.add("missing-field.dose", (*path, "mcg_per_day"), place=describe(path))
            return None
        key = given[0]
        value = step[key]
        number = _number(value)
        per_day = number * HOURS_PER_DAY if key == "mcg_per_hour" and number is not None else number
        if per_day is None or per_day < 0 or per_day > _MAX_PLAUSIBLE:
            if value is None:
                # The form writes null while the dose field is empty (someone still typing).
                self.add("bad-rate.empty", (*path, key), place=describe(path))
                return None
            unit = unit_words(key)
            word = messages.word
            if per_day is None and isinstance(value, int | float) and not isinstance(value, bool):
                # not finite: NaN or infinity from Python
                why = word("rate-why.not-finite", value=show_value(value))
            elif per_day is None:
                why = word("rate-why.not-number", value=_typed(value))
            elif per_day < 0:
                why = word("rate-why.negative", value=show_value(value), unit=unit)
            else:
                why = word(
                    "rate-why.too-large",
                    value=show_value(value),
                    unit=unit,
                    max=fmt_mcg(_MAX_PLAUSIBLE),
                )
            self.add("bad-rate", (*path, key), place=describe(path), why=why)
            return None
        return per_day

    # ---- week ----

    def week(self, programs: tuple[Program, ...]) -> tuple[tuple[str | None, ...] | None, bool]:
        if "week" not in self.doc:
            if len(programs) == 1:
                return (programs[0].name,) * len(WEEKDAYS), False
            if len(programs) > 1:
                self.add("missing-week", ("week",), count=len(programs))
            return None, False
        obj = self.section("week")
        if obj is None:
            return None, True
        self.unknown_keys(obj, WEEKDAYS, ("week",))
        names = {p.name for p in programs}
        days: list[str | None] = []
        for index, day in enumerate(WEEKDAYS):
            path: Path = ("week", day)
            if day not in obj:
                self.add("missing-field.day", path, day=weekday_names()[index])
                days.append(None)
                continue
            value = obj[day]
            if not isinstance(value, str) or value not in names:
                listed = messages.word("list-sep").join(
                    quote(n) for n in sorted(names)[:5]
                ) or messages.word("none-yet")
                self.add(
                    "unknown-program",
                    path,
                    place=describe(path),
                    value=show_value(value),
                    listed=listed,
                )
                days.append(None)
                continue
            days.append(value)
        return tuple(days), True

    # ---- context ----

    def context(self) -> Context | None:
        obj = self.section("context")
        if obj is None:
            return None
        path: Path = ("context",)
        self.unknown_keys(obj, ("origin", "age_group", "phase", "current_mcg_per_day"), path)
        origin = self.choice(obj, "origin", ORIGINS)
        age = self.choice(obj, "age_group", AGE_GROUPS)
        phase = self.choice(obj, "phase", PHASES)
        current = None
        if "current_mcg_per_day" in obj and obj["current_mcg_per_day"] is not None:
            value = obj["current_mcg_per_day"]
            number = _number(value)
            if number is None or number < 0 or number > _MAX_PLAUSIBLE:
                self.add(
                    "bad-context.current", (*path, "current_mcg_per_day"), value=show_value(value)
                )
            else:
                current = number
        return Context(origin, age, current, phase)

    def choice(self, obj: Mapping[Any, Any], key: str, allowed: tuple[str, ...]) -> str | None:
        if key not in obj or obj[key] is None:
            return None
        value = obj[key]
        if value in allowed and isinstance(value, str):
            return value
        self.add(
            "bad-context.choice",
            ("context", key),
            place=describe(("context", key)),
            value=show_value(value),
            choices=messages.word("or").join(quote(a) for a in allowed),
        )
        return None


def parse(document: object) -> tuple[Schedule | None, list[Finding]]:
    """Build a Schedule from a JSON-like value; findings describe everything unusable.

    Returns (None, findings) only when the document is not a JSON object at all, or holds more
    programs or steps than any pump schedule (`too_large`).
    """
    if not is_mapping(document):
        finding = Finding.make(
            "invalid-document",
            messages.message("invalid-document.root", type=type_name(document)),
            (),
        )
        return None, [finding]
    oversize = too_large(document)
    if oversize is not None:
        # Nothing else is read: every other check would take time that grows with the input.
        return None, [oversize]
    parser = _Parser(document)
    return parser.schedule(), parser.findings
