"""Times of day as a person types them in the form, read onto the document's 24-hour "HH:MM".

The document format itself stays strict (`flexdose.parse.parse_time`: exactly "HH:MM", 00:00 to
23:59). The form is kinder, whatever the browser's language: it reads what people write and
shows the time back as HH:MM, or says in one sentence what is wrong and how to write it.

Read: "21:00", "2100", "9:30", "930", "9", "09", "21.00", "21h00", "21h", " 7:05 ", digits of any
script (Arabic-Indic, full-width), and 12-hour times with am/pm ("9pm", "9:30 am", "12 am" is
00:00, "12 pm" is 12:00). Refused, each with its own message: nothing typed, letters, "24:00" (a
step or a refill starts before the end of the day), an hour past 23 ("25:00") or past 12 with
am/pm, minutes past 59 ("12:60"), one-digit minutes ("1:5": 01:05 and 01:50 are both
plausible, and 45 minutes is too much to guess), too many digits, and more than
MAX_CLOCK_CHARS characters. "a. m." and "p. m." (with a space, as Spanish writes them) are read
as "am" and "pm".

The messages are in English by default and in Spanish with ``lang="es"`` (`MESSAGES`, one
table per language with the same keys and {placeholders}).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Final

from .arithmetic import fmt_minutes
from .i18n import check_language, current_language, speaking
from .i18n import text as _text
from .limits import HOURS_PER_DAY, MAX_CLOCK_CHARS, MINUTES_PER_DAY, MINUTES_PER_HOUR
from .parse import parse_time
from .quoting import quote

__all__ = ["HOW_TO_WRITE", "MESSAGES", "fmt_clock", "how_to_write", "parse_clock"]

HOW_TO_WRITE = "Write the time as HH:MM on a 24-hour clock, for example 21:00."
"""The sentence every refusal ends with (English; `how_to_write(lang)` for any language)."""

MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
    "en": {
        "how_to_write": HOW_TO_WRITE,
        "empty": "No time is written here yet.",
        "too_long": "That is too long for a time (at most {max} characters).",
        "too_many_digits": "{shown} has too many digits for a time.",
        "not_a_time": "{shown} is not a time.",
        "one_digit_minutes": (
            "In {shown} the minutes have one digit, so it could mean {first} or {second}; write "
            "both digits of the minutes."
        ),
        "minutes_too_long": "In {shown} the minutes have too many digits.",
        "minutes_missing": "In {shown} the minutes are missing.",
        "minutes_range": "Minutes go from 00 to 59, so {shown} is not a time.",
        "half_day_range": "With am or pm the hour goes from 1 to 12, so {shown} is not a time.",
        "end_of_day": (
            "24:00 is the end of the day, not a time a step or a refill starts: the last start "
            "is 23:59, and midnight is 00:00."
        ),
        "no_such_hour": (
            "There is no hour {hour} on a 24-hour clock (hours go from 00 to 23), so {shown} is "
            "not a time."
        ),
    },
    "es": {
        "how_to_write": "Escriba la hora como HH:MM, en formato de 24 horas; por ejemplo, 21:00.",
        "empty": "Aquí todavía no hay ninguna hora escrita.",
        "too_long": "Eso es demasiado largo para una hora (como máximo {max} caracteres).",
        "too_many_digits": "{shown} tiene demasiados dígitos para ser una hora.",
        "not_a_time": "{shown} no es una hora.",
        "one_digit_minutes": (
            "En {shown} los minutos tienen un solo dígito, así que podría ser {first} o {second}; "
            "escriba los dos dígitos de los minutos."
        ),
        "minutes_too_long": "En {shown} los minutos tienen demasiados dígitos.",
        "minutes_missing": "En {shown} faltan los minutos.",
        "minutes_range": "Los minutos van de 00 a 59, así que {shown} no es una hora.",
        "half_day_range": (
            "Con a. m. o p. m., la hora va de 1 a 12, así que {shown} no es una hora."
        ),
        "end_of_day": (
            "24:00 es el final del día, no una hora en la que empiece un paso o un rellenado: el "
            "último inicio posible es 23:59, y la medianoche es 00:00."
        ),
        "no_such_hour": (
            "En un reloj de 24 horas no existe la hora {hour} (las horas van de 00 a 23), así que "
            "{shown} no es una hora."
        ),
    },
}
"""Every sentence the clock says, by language and key ({placeholders} the same in each)."""

_MAX_CHARS = int(MAX_CLOCK_CHARS.value)
_HALF_DAY_HOURS = HOURS_PER_DAY // 2
_MINUTE_DIGITS = 2
# After spaces are trimmed, digits made ASCII and letters lower-cased: hours and minutes with a
# separator (":" or "." or "h"), or 3-4 digits run together ("930", "2100"), or an hour alone;
# then an optional am/pm ("pm", "p.m.", "p.m", "p. m.").
_CLOCK = re.compile(
    r"(?:(?P<run>[0-9]{3,4})|(?P<hour>[0-9]{1,2})(?:\s?(?P<sep>[:.h])\s?(?P<minute>[0-9]*))?)"
    r"\s?(?:(?P<half>[ap])\.?\s?m\.?)?\Z"
)
_DIGITS = re.compile(r"[0-9]+\Z")
# Separators other scripts type for ":" (full-width colon, ratio sign).
_COLONS = str.maketrans({"\uff1a": ":", "\u2236": ":"})


def _ascii_digits(text: str) -> str:
    """Decimal digits of any script as 0-9 (so "٢١:٠٠" reads as "21:00")."""
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def how_to_write(lang: str | None = None) -> str:
    """The sentence every refusal ends with, in `lang` (None: the current language)."""
    with speaking(current_language() if lang is None else lang):
        return _text(MESSAGES, "how_to_write")


def _error(key: str, **params: object) -> dict[str, str]:
    return {"error": f"{_text(MESSAGES, key, **params)} {_text(MESSAGES, 'how_to_write')}"}


def parse_clock(text: object, *, lang: str | None = None) -> dict[str, str]:
    """What a person typed in a time field: ``{"value": "HH:MM"}`` or ``{"error": sentence}``.

    Never raises for any `text`. A value always matches ``^([01][0-9]|2[0-3]):[0-5][0-9]$``, is
    accepted by the document parser, and reads back as itself. An error, in `lang` ("en", "es";
    None: the current language), says what is wrong with the text and ends with
    `how_to_write(lang)` (HOW_TO_WRITE in English). See the module docstring for what is read
    and what is refused. ValueError only for a language flexdose does not speak.
    """
    with speaking(current_language() if lang is None else check_language(lang)):
        return _parse_clock(text)


def _parse_clock(text: object) -> dict[str, str]:
    if not isinstance(text, str) or not text.strip():
        return _error("empty")
    typed = text.strip()
    if len(typed) > _MAX_CHARS:
        return _error("too_long", max=_MAX_CHARS)
    shown = quote(typed)
    s = _ascii_digits(typed.translate(_COLONS)).lower()
    m = _CLOCK.match(s)
    if m is None:
        if _DIGITS.match(s):
            return _error("too_many_digits", shown=shown)
        return _error("not_a_time", shown=shown)
    if m["run"] is not None:
        hour, minute = int(m["run"][:-_MINUTE_DIGITS]), int(m["run"][-_MINUTE_DIGITS:])
    else:
        hour = int(m["hour"])
        digits = m["minute"] or ""
        if len(digits) == 1:
            return _error(
                "one_digit_minutes",
                shown=shown,
                first=f"{hour:02d}:0{digits}",
                second=f"{hour:02d}:{digits}0",
            )
        if len(digits) > _MINUTE_DIGITS:
            return _error("minutes_too_long", shown=shown)
        if not digits and m["sep"] in (":", "."):
            return _error("minutes_missing", shown=shown)
        minute = int(digits) if digits else 0
    if minute >= MINUTES_PER_HOUR:
        return _error("minutes_range", shown=shown)
    if m["half"] is not None:
        if not 1 <= hour <= _HALF_DAY_HOURS:
            return _error("half_day_range", shown=shown)
        # 12 am is midnight (00:xx), 12 pm is noon (12:xx).
        hour = hour % _HALF_DAY_HOURS + (_HALF_DAY_HOURS if m["half"] == "p" else 0)
    elif hour == HOURS_PER_DAY and minute == 0:
        return _error("end_of_day")
    elif hour >= HOURS_PER_DAY:
        return _error("no_such_hour", hour=hour, shown=shown)
    value = fmt_minutes(hour * MINUTES_PER_HOUR + minute)
    # The form's answer must be a time the document format accepts: one rule, checked here.
    if parse_time(value) is None:  # pragma: no cover - the checks above keep it in range
        return _error("not_a_time", shown=shown)
    return {"value": value}


def fmt_clock(minutes: int) -> str:
    """Minutes after midnight as the form and the document write them: 450 -> "07:30".

    Raises:
        ValueError: minutes is outside 0..1439.
        TypeError: minutes is not an int.
    """
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise TypeError(f"minutes must be an int (minutes after midnight): {minutes!r}")
    if not 0 <= minutes < MINUTES_PER_DAY:
        raise ValueError(f"minutes must be 0..{MINUTES_PER_DAY - 1} (after midnight): {minutes}")
    return fmt_minutes(minutes)
