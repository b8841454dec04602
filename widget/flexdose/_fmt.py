"""Display formatting for rendered output: numbers, durations, dates and safe user text."""

from __future__ import annotations

import datetime as _dt
import html
import re

from . import i18n
from .labels import label, plural
from .numbers import (
    fmt_days,
    fmt_hours,
    fmt_mcg,
    fmt_mcg_per_day,
    fmt_mcg_per_hour,
    fmt_ml,
    fmt_number,
    fmt_pct,
    fmt_signed,
    fmt_typed,
)
from .quoting import escape_controls

__all__ = [
    "clean_text",
    "esc",
    "fmt_date",
    "fmt_days",
    "fmt_days_from_today",
    "fmt_hours",
    "fmt_mcg",
    "fmt_mcg_per_day",
    "fmt_mcg_per_hour",
    "fmt_ml",
    "fmt_number",
    "fmt_pct",
    "fmt_signed",
    "fmt_typed",
    "lang_attribute",
    "terminal_safe",
    "text_width_em",
    "truncate_to_width",
]

# Characters XML 1.0 forbids (C0 controls but tab/newline/return, lone surrogates, U+FFFE/U+FFFF):
# JSON can carry them inside a program name, and one would make the SVG unparseable. Not the
# control characters of flexdose.quoting: markup may hold tab and newline, and C1 controls.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: object) -> str:
    """str(text) with characters XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", str(text))


def esc(text: object) -> str:
    """Escape user text for HTML and SVG alike: quotes too; XML-illegal characters replaced."""
    return html.escape(clean_text(text), quote=True)


def terminal_safe(text: object) -> str:
    """User text for a terminal: control characters (escape sequences, newlines) made visible."""
    return escape_controls(text, short=True)


def fmt_date(iso: _dt.date | str) -> str:
    """'2027-04-21' (or that date) -> 'Wed 21 Apr 2027' / 'mié 21 abr 2027', in the current
    language whatever the machine's locale."""
    if isinstance(iso, _dt.date):
        day = iso
    else:
        try:
            day = _dt.date.fromisoformat(str(iso))
        except ValueError:
            return clean_text(iso)
    return label(
        "date.short",
        weekday=i18n.weekday_short_names()[day.weekday()],
        day=day.day,
        month=i18n.month_short_names()[day.month - 1],
        year=day.year,
    )


def fmt_days_from_today(days: int) -> str:
    """Whole days between today and a date: 'today', '1 day from today', '5 days ago'."""
    if days == 0:
        return label("days_from_today.today")
    count = abs(days)
    direction = "future" if days > 0 else "past"
    return plural(f"days_from_today.{direction}", count, n=fmt_number(count))


def _char_em(char: str) -> float:
    """Rough advance width of one character in em, for a proportional sans-serif font."""
    code = ord(char)
    if (
        0x1100 <= code <= 0x115F
        or 0x2E80 <= code <= 0xA4CF
        or 0xAC00 <= code <= 0xD7A3
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFF60
        or code >= 0x1F300
    ):
        return 1.0
    if char in "iljI.,:;'|!·":
        return 0.3
    if char in "frt()[]{} -":
        return 0.38
    if char in "mwMW@%":
        return 0.9
    if char.isupper():
        return 0.7
    return 0.58


def text_width_em(text: str) -> float:
    """Estimated width of text in em (deliberately generous so labels never collide)."""
    return sum(_char_em(c) for c in text)


def truncate_to_width(text: str, max_em: float) -> str:
    """text, cut with an ellipsis so its estimated width fits max_em."""
    if text_width_em(text) <= max_em:
        return text
    out = ""
    budget = max_em - _char_em("…")
    for char in text:
        if text_width_em(out + char) > budget:
            break
        out += char
    return out.rstrip() + "…"


def lang_attribute() -> str:
    """' lang="es"' for a root element written in a language other than English, else "".

    English output stays byte for byte what it was before Spanish came, so it carries none: an
    English picture takes its language from the page it sits in, as it always did.
    """
    lang = i18n.current_language()
    return "" if lang == i18n.DEFAULT_LANGUAGE else f' lang="{lang}"'
