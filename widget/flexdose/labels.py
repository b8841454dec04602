"""The labels of every picture, table, report, printout, card and CLI line, in the current language.

One catalogue per language (`flexdose.labels_en`, `flexdose.labels_es`: plain data, key ->
template); `label` fills the current language's template (`flexdose.i18n.current_language`).
Bottom of the one-way flow: this imports only `flexdose.i18n`, the two catalogues and the week's
keys (`flexdose.model`), so the number formatter can use it too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from . import i18n, labels_en, labels_es
from .model import WEEKDAYS

__all__ = [
    "CATALOGUE",
    "capitalized",
    "label",
    "plural",
    "weekdays",
]

CATALOGUE: Final[Mapping[str, Mapping[str, str]]] = {
    "en": labels_en.LABELS,
    "es": labels_es.LABELS,
}
"""Language -> key -> template, for every language flexdose speaks."""


def label(key: str, /, **params: object) -> str:
    """The label `key` in the current language, its ``{placeholders}`` filled from `params`."""
    return i18n.text(CATALOGUE, key, **params)


def plural(key: str, count: int, /, **params: object) -> str:
    """`key.one` for a count of 1, else `key.other` (English and Spanish both need no more)."""
    return label(f"{key}.{'one' if count == 1 else 'other'}", **params)


def capitalized(text: str) -> str:
    """`text` with its first letter in upper case: "lunes" starting a line or sentence."""
    return text[:1].upper() + text[1:]


def weekdays(*, capital: bool = True) -> tuple[tuple[str, str, str], ...]:
    """(week key, short name, full name), Monday first, in the current language.

    The names start with a capital, as they stand at the head of a row, a cell or a sentence
    ("Mon"/"Monday", "Lun"/"Lunes"); `capital=False` gives them as written inside a sentence
    ("on Mon, Wed", "los lun, mié"). The keys are the schedule's own ("mon".."sun").
    """
    case = capitalized if capital else str
    return tuple(
        (key, case(short), case(full))
        for key, short, full in zip(
            WEEKDAYS, i18n.weekday_short_names(), i18n.weekday_names(), strict=True
        )
    )
