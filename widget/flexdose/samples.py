"""The example schedules shipped in the package: the widget's start points, the site's pictures."""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

from .i18n import check_language, current_language

if TYPE_CHECKING:  # only for the hint: the runtime needs no more of importlib
    from importlib.resources.abc import Traversable

__all__ = [
    "EXAMPLE_LABELS",
    "EXAMPLE_LABELS_ES",
    "EXAMPLE_TITLES_ES",
    "example_labels",
    "example_names",
    "in_language",
    "load_example",
]

EXAMPLE_LABELS: dict[str, str] = {
    "constant": "The same dose all day",
    "day-night": "Less by day, more at night",
    "therapy-week": "A week with physical-therapy days",
    "with-fill": "With pump and refill details",
}
"""What each shipped example shows, in words, for the form's start menu (one per example)."""

EXAMPLE_LABELS_ES: dict[str, str] = {
    "constant": "La misma dosis todo el día",
    "day-night": "Menos de día, más de noche",
    "therapy-week": "Una semana con días de terapia física",
    "with-fill": "Con datos de la bomba y del rellenado",
}
"""The same in Spanish (same example names: they are file names, never translated)."""

EXAMPLE_TITLES_ES: dict[str, str] = {
    "Constant dose: the same rate all day": "Dosis constante: el mismo ritmo todo el día",
    "Day and night: less by day, more at night": "Día y noche: menos de día, más de noche",
    "Therapy week: a different program on Tuesday and Thursday": (
        "Semana de terapia: otro programa el martes y el jueves"
    ),
    "After the November refill": "Después del relleno de noviembre",
}
"""The shipped examples' titles (their "title" field, in English in the files) in Spanish: a
Spanish page shows its example under a Spanish title (tests check every example has one)."""

_TITLES_BY_LANGUAGE: dict[str, dict[str, str]] = {"es": EXAMPLE_TITLES_ES}


def in_language(document: Any, lang: str | None = None) -> Any:
    """document with its English example title in `lang` (None: the current language); any
    other title, and a document without one, as it is (a copy when the title changes)."""
    code = current_language() if lang is None else check_language(lang)
    titles = _TITLES_BY_LANGUAGE.get(code, {})
    if isinstance(document, dict) and isinstance(document.get("title"), str):
        title = titles.get(document["title"])
        if title is not None:
            return {**document, "title": title}
    return document


_LABELS_BY_LANGUAGE: dict[str, dict[str, str]] = {"en": EXAMPLE_LABELS, "es": EXAMPLE_LABELS_ES}


def example_labels(lang: str | None = None) -> dict[str, str]:
    """Example name -> what it shows, in `lang` (None: the current language), a new dict."""
    code = current_language() if lang is None else check_language(lang)
    return dict(_LABELS_BY_LANGUAGE[code])


def _folder() -> Traversable:
    return resources.files("flexdose") / "examples"


def example_names() -> list[str]:
    """The names of the shipped examples ("constant", "day-night", ...), sorted."""
    return sorted(p.name[: -len(".json")] for p in _folder().iterdir() if p.name.endswith(".json"))


def load_example(name: str) -> dict[str, Any]:
    """The example document called name, as parsed JSON.

    Raises:
        KeyError: there is no such example; the message lists the known names.
    """
    path = _folder() / f"{name}.json"
    if not path.is_file():
        raise KeyError(f"no example {name!r}; known examples: {', '.join(example_names())}")
    document: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return document
