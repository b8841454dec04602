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

``form_spec(lang)`` gives every word in that language ("en", "es"; None: the current one):
labels, messages, hints, choice labels, example descriptions, weekday and unit names, the blank
program's name. The keys, values and limits are the same in every language.
"""

from __future__ import annotations

from typing import Any

from . import widget_text, widget_text_es
from .findings import fmt_num
from .i18n import check_language, current_language, speaking, weekday_names
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
from .model import WEEKDAYS
from .parse import AGE_GROUPS, ORIGINS, PHASES
from .samples import example_labels, example_names
from .units import RATE_UNITS, rate_unit_label
from .widget_text import SPIN_STEPS

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

# Each language's words for the choices, the blank program and the units (English above and in
# units.py, Spanish in widget_text_es), by the same keys.
_CHOICE_LABELS: dict[str, dict[str, dict[str, str]]] = {
    "en": {"origin": ORIGIN_LABELS, "age_group": AGE_GROUP_LABELS, "phase": PHASE_LABELS},
    "es": {
        "origin": widget_text_es.ORIGIN_LABELS,
        "age_group": widget_text_es.AGE_GROUP_LABELS,
        "phase": widget_text_es.PHASE_LABELS,
    },
}
_BLANK_PROGRAMS: dict[str, str] = {"en": BLANK_PROGRAM, "es": widget_text_es.BLANK_PROGRAM}


def _labelled(values: tuple[str, ...], labels: dict[str, str]) -> list[list[str]]:
    """[[value, label], ...] in the parser's order; KeyError names a value left unlabelled."""
    return [[value, labels[value]] for value in values]


def _weekdays(lang: str) -> list[list[str]]:
    """[["mon", "Monday"], ...]: the document's keys with the language's day names, each with a
    capital letter as a label that stands alone starts (Spanish writes "lunes" in a sentence)."""
    names = weekday_names(lang)
    return [[key, name[:1].upper() + name[1:]] for key, name in zip(WEEKDAYS, names, strict=True)]


def form_spec(lang: str | None = None) -> dict[str, Any]:
    """Everything the form needs, as a new JSON-serialisable dict (see the module docstring),
    worded in `lang` ("en", "es"; None: the current language)."""
    code = current_language() if lang is None else check_language(lang)
    with speaking(code):
        return _spec(code)


def _spec(lang: str) -> dict[str, Any]:
    choices, examples = _CHOICE_LABELS[lang], example_labels(lang)
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
        "hints": {
            **widget_text.hints(lang),
            "alarm_ml": widget_text.alarm_hint(fmt_num(DEFAULT_ALARM_ML.value), lang),
        },
        "choices": {
            "origin": _labelled(ORIGINS, choices["origin"]),
            "age_group": _labelled(AGE_GROUPS, choices["age_group"]),
            "phase": _labelled(PHASES, choices["phase"]),
        },
        "examples": {name: examples.get(name, name) for name in example_names()},
        "blank_program": _BLANK_PROGRAMS[lang],
        "weekdays": _weekdays(lang),
        "units": [[key, rate_unit_label(key)] for key in RATE_UNITS],
        "steps": dict(SPIN_STEPS),
        "labels": widget_text.labels(lang),
        "messages": widget_text.messages(lang),
    }
