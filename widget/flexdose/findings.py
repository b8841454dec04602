"""Findings: the code catalogue, the Finding record, their order, and plain-language helpers.

A finding's `code` is public API (portals branch on it); its `message` is written for a patient.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeGuard

from . import messages
from .i18n import current_language, fmt_long_date, speaking
from .limits import DAILY_CEILING_MCG
from .model import Path
from .numbers import fmt_mcg, fmt_typed
from .paths import format_where
from .quoting import quote

__all__ = [
    "CATALOGUE",
    "SEVERITIES",
    "Finding",
    "fmt_date",
    "fmt_num",
    "show_value",
    "sort_findings",
    "title",
    "type_name",
]

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

CATALOGUE: dict[str, tuple[Severity, str]] = {
    # errors: the schedule cannot be what a pump runs
    "invalid-document": ("error", "The schedule is not in the expected shape"),
    "schedule-too-large": ("error", "More programs or steps than any pump schedule has"),
    "missing-field": ("error", "Something required is missing"),
    "bad-time": ("error", "A start time is not a time of day"),
    "first-step-not-midnight": ("error", "The first step does not start at midnight"),
    "times-not-increasing": ("error", "Start times are not in order"),
    "too-many-steps": ("error", "More dose changes in a day than the pump allows"),
    "bad-rate": ("error", "A dose is not a usable number"),
    "rate-unit": ("error", "A dose is given in the wrong unit, or twice"),
    "unknown-program": ("error", "The week plan names a program that does not exist"),
    "missing-week": ("error", "The week plan is missing"),
    "bad-concentration": ("error", "The drug concentration is not usable"),
    "bad-reservoir": ("error", "The reservoir size does not match a pump"),
    "fill-exceeds-reservoir": ("error", "More drug filled than the reservoir holds"),
    "alarm-not-below-fill": ("error", "The alarm volume is not below the fill volume"),
    "bad-date": ("error", "The fill date is not a real date"),
    "bad-volume": ("error", "A volume is not a usable number"),
    "bad-context": ("error", "The background details are not usable"),
    # warnings: worth a conversation with your ITB team
    "unknown-field": ("warning", "Something in the schedule is not understood"),
    "zero-rate": ("warning", "A step gives no drug"),
    "unlabeled-concentration": ("warning", "The concentration is not a labelled strength"),
    "daily-dose-below-usual": ("warning", "Daily total below the usual range"),
    "daily-dose-above-usual": ("warning", "Daily total above the usual range"),
    # The code keeps its number (codes are public API); the title follows the limit.
    "daily-dose-above-1000": (
        "warning",
        f"Daily total above {fmt_mcg(DAILY_CEILING_MCG.value)} mcg",
    ),
    "large-change": ("warning", "A large change from the dose in use now"),
    "refill-beyond-180-days": ("warning", "Refill later than 180 days after the fill"),
    "fill-incomplete": ("warning", "The refill details are not complete"),
    "fill-in-future": ("warning", "The fill date is after today"),
    "alarm-passed": ("warning", "The low-reservoir alarm date has already passed"),
    # info: context that is always worth showing
    "alarm-date": ("info", "When the low-reservoir alarm would sound"),
    "delivery-accuracy": ("info", "Pumps are not perfectly exact"),
    "clock-change": ("info", "Clock changes can shift a flex schedule"),
    "not-a-programmer": ("info", "This is a picture, not a pump programmer"),
    "more-findings": ("info", "More findings than are listed"),
}
"""Every finding code -> (severity, short title in English). The codes are stable public API;
`title` gives the title in the current language."""


def title(code: str, lang: str | None = None) -> str:
    """The short title of finding `code` in `lang` (None: the current language).

    KeyError for an unknown code.
    """
    if code not in CATALOGUE:
        raise KeyError(code)
    with speaking(lang or current_language()):
        return messages.title(code, ceiling=fmt_mcg(DAILY_CEILING_MCG.value))


_SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


def is_mapping(value: object) -> TypeGuard[Mapping[Any, Any]]:
    """A JSON object (dict fast path: ABC checks are slow over thousands of steps)."""
    return type(value) is dict or isinstance(value, Mapping)


def is_sequence(value: object) -> TypeGuard[list[Any] | tuple[Any, ...]]:
    """A JSON array: a list or tuple, never text."""
    return type(value) is list or isinstance(value, list | tuple)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem or note: stable `code`, its `severity`, a patient-facing `message`, `path`.

    `path` is where the finding points, as a tuple of keys and indexes; `where` is its public
    string form (computed on demand: a 10,000-step document may produce thousands of findings
    of which only the first hundred are listed).
    """

    code: str
    severity: Severity
    message: str
    path: Path = ()

    @classmethod
    def make(cls, code: str, message: str, path: Path = ()) -> Finding:
        """A finding whose severity comes from the catalogue (KeyError for an unknown code)."""
        return cls(code, CATALOGUE[code][0], message, path)

    @property
    def where(self) -> str:
        """The JSON path string, e.g. `programs.everyday[2].start`."""
        return format_where(self.path)

    def to_dict(self) -> dict[str, str]:
        """The public JSON form: code, severity, message, where."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "where": self.where,
        }


def _order_key(
    document: object, path: Path, cache: dict[int, dict[object, int]]
) -> tuple[int, ...]:
    """Position of `path` in the document: indexes of each key in its object, list indexes."""
    key: list[int] = []
    node = document
    for part in path:
        if is_mapping(node):
            index = cache.get(id(node))
            if index is None:
                index = {k: i for i, k in enumerate(node)}
                cache[id(node)] = index
            pos = index.get(part)
            if pos is None:
                # Missing keys sort after everything present in that object.
                key.append(len(index))
                break
            key.append(pos)
            node = node[part]
        elif isinstance(part, int) and is_sequence(node):
            key.append(part)
            node = node[part] if 0 <= part < len(node) else None
        else:
            break
    return tuple(key)


def sort_findings(document: object, findings: Sequence[Finding]) -> list[Finding]:
    """Errors, then warnings, then info; within each, in document order (stable otherwise)."""
    cache: dict[int, dict[object, int]] = {}
    decorated = [
        (_SEVERITY_RANK[f.severity], _order_key(document, f.path, cache), i, f)
        for i, f in enumerate(findings)
    ]
    decorated.sort(key=lambda t: t[:3])
    return [t[3] for t in decorated]


# ---- plain-language helpers ----


def type_name(value: object) -> str:
    """What a JSON value is, in words: 'a number', 'text', 'a list'..."""
    if value is None:
        kind = "empty"
    elif isinstance(value, bool):
        kind = "bool"
    elif isinstance(value, int | float):
        kind = "number"
    elif isinstance(value, str):
        kind = "text"
    elif is_mapping(value):
        kind = "object"
    elif is_sequence(value):
        kind = "list"
    else:
        kind = "unknown"
    return messages.word(f"type.{kind}")


def show_value(value: object) -> str:
    """A short rendering of a user's value for a message: a number as typed (`fmt_typed`)."""
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, bool) or value is None:
        return type_name(value)
    if isinstance(value, int | float):
        return fmt_typed(value)
    return type_name(value)


def fmt_num(value: float, decimals: int = 3) -> str:
    """1000 -> '1,000'; 533.3333 -> '533.333'.

    Deprecated: kept, unchanged, only until rules.py and form.py use `flexdose.numbers` (the one
    formatter for what a person reads). New code: `fmt_mcg`, `fmt_ml`, `fmt_days`, `fmt_number`
    for computed amounts, `fmt_typed` for a value echoed as typed.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) >= 10**15:
            # Huge ints cannot become floats; the digit count says enough.
            # (str() of a very long int raises, so count digits from the bit length.)
            digits = int(value.bit_length() * math.log10(2)) + 1
            return messages.word("number.long-int", digits=digits)
        return f"{value:,}"
    if not math.isfinite(value):
        return messages.word("number.too-large")
    if value != 0 and (abs(value) >= 1e15 or abs(value) < 10**-decimals):
        return f"{value:.3g}"
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def fmt_date(d: datetime.date) -> str:
    """'Wednesday 21 April 2027' / 'miércoles 21 de abril de 2027' (the current language)."""
    return fmt_long_date(d)
