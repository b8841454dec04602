"""The language flexdose speaks: which languages there are, which one a call speaks, and the
names and formats that differ between them.

English is the default and stays byte for byte what it was before Spanish came. A public entry
point that takes ``lang=`` runs its work inside ``speaking(lang)``; the wording functions read the
language from ``current_language()``, so rules and renderers need not pass it down every call.
A ``ContextVar`` (not a global) keeps two calls in two threads or tasks from mixing languages.

Conventions (README "Spanish edition"):

- Numbers are written the same way in both languages: a decimal point and a comma between
  thousands ("1,000.5"). That is how Spanish-language patient materials in the United States and
  Mexico write them, and how the pump printouts and the clinic's English documents the reader
  holds write them; "1.000,5" would read as one thousand times too much or too little beside them.
- Times of day are 24-hour ("14:30", "00:00" to "24:00") in both, as the pump programs them.
- Dates: "Wednesday 21 April 2027" in English; "miércoles 21 de abril de 2027" in Spanish (day
  and month names in lower case, as Spanish writes them).
"""

from __future__ import annotations

import datetime
import string
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Final

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "check_language",
    "current_language",
    "fmt_long_date",
    "month_names",
    "month_short_names",
    "placeholders",
    "speaking",
    "text",
    "weekday_names",
    "weekday_short_names",
]

LANGUAGES: Final[tuple[str, ...]] = ("en", "es")
"""The languages flexdose speaks, as the primary subtag of a BCP 47 tag (the page's `lang`)."""

DEFAULT_LANGUAGE: Final = "en"

LANGUAGE_NAMES: Final[Mapping[str, str]] = {"en": "English", "es": "Español"}
"""Each language's name in itself (the language switcher writes them so)."""

_current: ContextVar[str] = ContextVar("flexdose_language", default=DEFAULT_LANGUAGE)


def check_language(lang: object) -> str:
    """The language code `lang` names ("es", "es-US", "ES" -> "es"); ValueError if none.

    A region or script after the language ("es-US", "es-419", "en-GB") is accepted and dropped:
    flexdose writes one neutral Spanish and one English.
    """
    if lang is None:
        return DEFAULT_LANGUAGE
    if isinstance(lang, str):
        primary = lang.strip().replace("_", "-").split("-")[0].lower()
        if primary in LANGUAGES:
            return primary
    shown = repr(lang) if isinstance(lang, str) else f"a value of type {type(lang).__name__}"
    names = ", ".join(f"{code!r} ({LANGUAGE_NAMES[code]})" for code in LANGUAGES)
    raise ValueError(f"Unknown language {shown}: flexdose speaks {names}.")


def current_language() -> str:
    """The language of the call in progress ("en" outside any ``speaking``)."""
    return _current.get()


@contextmanager
def speaking(lang: object) -> Iterator[str]:
    """Run the block in `lang` (checked with `check_language`); the previous language after."""
    token = _current.set(check_language(lang))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def text(catalogue: Mapping[str, Mapping[str, str]], key: str, /, **params: object) -> str:
    """`catalogue[language][key]` in the current language, its ``{placeholders}`` filled.

    KeyError names the language and the key when a text is missing (a test checks every key has
    every language, so this is a bug, not a user's mistake).
    """
    lang = current_language()
    try:
        template = catalogue[lang][key]
    except KeyError:
        raise KeyError(f"no {LANGUAGE_NAMES.get(lang, lang)} text for {key!r}") from None
    return template.format(**params) if params else template


def placeholders(template: str) -> frozenset[str]:
    """The ``{names}`` a template fills (tests check both languages fill the same ones)."""
    return frozenset(
        field.split(".")[0].split("[")[0]
        for _, field, _, _ in string.Formatter().parse(template)
        if field
    )


# ---- day and month names ----

_WEEKDAYS: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
_WEEKDAYS_SHORT: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    # The abbreviations Spanish calendars print (RAE's list), with their accents.
    "es": ("lun", "mar", "mié", "jue", "vie", "sáb", "dom"),
}
_MONTHS: Final[Mapping[str, tuple[str, ...]]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
}
_MONTHS_SHORT: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "es": ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"),
}


def _lang(lang: str | None) -> str:
    return current_language() if lang is None else check_language(lang)


def weekday_names(lang: str | None = None) -> tuple[str, ...]:
    """Monday first (index ``date.weekday()``), in `lang` or the current language."""
    return _WEEKDAYS[_lang(lang)]


def weekday_short_names(lang: str | None = None) -> tuple[str, ...]:
    """Short day names, Monday first: "Mon" / "lun"."""
    return _WEEKDAYS_SHORT[_lang(lang)]


def month_names(lang: str | None = None) -> tuple[str, ...]:
    """Month names, January first (index ``month - 1``)."""
    return _MONTHS[_lang(lang)]


def month_short_names(lang: str | None = None) -> tuple[str, ...]:
    """Short month names, January first: "Jan" / "ene"."""
    return _MONTHS_SHORT[_lang(lang)]


def fmt_long_date(d: datetime.date, lang: str | None = None) -> str:
    """'Wednesday 21 April 2027' / 'miércoles 21 de abril de 2027' (unambiguous, locale-free)."""
    code = _lang(lang)
    weekday, month = weekday_names(code)[d.weekday()], month_names(code)[d.month - 1]
    if code == "es":
        return f"{weekday} {d.day} de {month} de {d.year}"
    return f"{weekday} {d.day} {month} {d.year}"
