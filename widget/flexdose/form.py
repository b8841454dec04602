"""`form_spec()`: every limit, choice, label and sentence the widget's form needs, as JSON data.

The browser layer (widget/web/*.js) restates none of them: it asks the worker's ``form_spec``
once at start. Limits are the ones `flexdose.parse` enforces (read from `flexdose.limits`), the
choices are the values the parser accepts, and the wording lives in `flexdose.widget_text`, so
a limit or a word changes in one place and the form, the checks and the tests follow.

Keys of the spec (all JSON: strings, numbers, lists and objects):

- ``limits``: ``max_steps`` (dose steps the form lets a program have: one more than
  ``max_changes``, see `flexdose.limits.FORM_MAX_STEPS`), ``max_changes`` (dose changes a day
  the pump allows, counted around the clock), ``max_programs`` (programs a schedule may have),
  ``title_max_chars``,
  ``program_name_max_chars``, ``max_input_chars`` (a schedule file or share link, in
  characters), ``clock_max_chars`` (what a time field holds).
- ``reservoir_sizes_ml``: the reservoir sizes a pump comes in, e.g. ``[20, 40]``.
- ``default_alarm_ml``: the low-reservoir alarm volume used when none is given.
- ``hints``: field key -> a sentence shown under the field (``alarm_ml``, ``concentration``,
  ``current_dose``).
- ``choices``: ``origin``, ``age_group`` and ``phase`` as ``[[value, label], ...]``; the "Not given"
  choice's label is ``labels.not_given``.
- ``examples``: example name -> what it shows, in the order the examples are listed.
- ``blank_program``: the name of the one program of an empty schedule.
- ``weekdays``: ``[["mon", "Monday"], ...]`` Monday first.
- ``units``: ``[["mcg_per_day", "mcg/day"], ["mcg_per_hour", "mcg/hour"]]``.
- ``steps``: spinner step of the number fields by kind (``mcg_per_day``, ``mcg_per_hour``,
  ``volume_ml``, ``concentration``).
- ``labels``: key -> label or short text of the form (placeholders in braces).
- ``messages``: key -> sentence the form shows that is not a finding (rename problems, the
  step-limit hints with ``{n}`` and ``{max}``, what cannot be shown in the form).
"""

from __future__ import annotations

from typing import Any

from .findings import fmt_num
from .limits import (
    DEFAULT_ALARM_ML,
    FORM_MAX_STEPS,
    MAX_CHANGES_PER_DAY,
    MAX_CLOCK_CHARS,
    MAX_INPUT_CHARS,
    MAX_PROGRAM_NAME_CHARS,
    MAX_PROGRAMS,
    MAX_TITLE_CHARS,
    RESERVOIR_SIZES_ML,
)
from .model import WEEKDAY_NAMES
from .parse import AGE_GROUPS, ORIGINS, PHASES
from .samples import EXAMPLE_LABELS, example_names
from .units import RATE_UNIT_LABELS
from .widget_text import HINTS, LABELS, MESSAGES, SPIN_STEPS

__all__ = ["AGE_GROUP_LABELS", "BLANK_PROGRAM", "ORIGIN_LABELS", "PHASE_LABELS", "form_spec"]

ORIGIN_LABELS: dict[str, str] = {"spinal": "Spinal cord", "cerebral": "Brain (cerebral)"}
"""context.origin value -> what the form calls it (one per value in parse.ORIGINS)."""

AGE_GROUP_LABELS: dict[str, str] = {"adult": "Adult", "child": "Child (under 12)"}
"""context.age_group value -> what the form calls it (one per value in parse.AGE_GROUPS)."""

PHASE_LABELS: dict[str, str] = {
    "titration": "Still finding the right dose",
    "maintenance": "Steady dose, changed at refills",
}
"""context.phase value -> what the form calls it (one per value in parse.PHASES)."""

BLANK_PROGRAM = "my program"
"""The program an empty schedule starts with (a name the parser accepts)."""


def _labelled(values: tuple[str, ...], labels: dict[str, str]) -> list[list[str]]:
    """[[value, label], ...] in the parser's order; KeyError names a value left unlabelled."""
    return [[value, labels[value]] for value in values]


def _alarm_hint() -> str:
    return f"Usually {fmt_num(DEFAULT_ALARM_ML.value)} mL; see your pump's card."


def form_spec() -> dict[str, Any]:
    """Everything the form needs, as a new JSON-serialisable dict (see the module docstring)."""
    return {
        "limits": {
            "max_steps": int(FORM_MAX_STEPS.value),
            "max_changes": int(MAX_CHANGES_PER_DAY.value),
            "max_programs": int(MAX_PROGRAMS.value),
            "title_max_chars": int(MAX_TITLE_CHARS.value),
            "program_name_max_chars": int(MAX_PROGRAM_NAME_CHARS.value),
            "max_input_chars": int(MAX_INPUT_CHARS.value),
            "clock_max_chars": int(MAX_CLOCK_CHARS.value),
        },
        "reservoir_sizes_ml": list(RESERVOIR_SIZES_ML.value),
        "default_alarm_ml": float(DEFAULT_ALARM_ML.value),
        "hints": {**HINTS, "alarm_ml": _alarm_hint()},
        "choices": {
            "origin": _labelled(ORIGINS, ORIGIN_LABELS),
            "age_group": _labelled(AGE_GROUPS, AGE_GROUP_LABELS),
            "phase": _labelled(PHASES, PHASE_LABELS),
        },
        "examples": {name: EXAMPLE_LABELS.get(name, name) for name in example_names()},
        "blank_program": BLANK_PROGRAM,
        "weekdays": [[key, name] for key, name in WEEKDAY_NAMES.items()],
        "units": [[key, label] for key, label in RATE_UNIT_LABELS.items()],
        "steps": dict(SPIN_STEPS),
        "labels": dict(LABELS),
        "messages": dict(MESSAGES),
    }
