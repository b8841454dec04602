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
MAX_CLOCK_CHARS characters.
"""

from __future__ import annotations

import re
import unicodedata

from .arithmetic import fmt_minutes
from .limits import HOURS_PER_DAY, MAX_CLOCK_CHARS, MINUTES_PER_DAY, MINUTES_PER_HOUR
from .parse import parse_time
from .quoting import quote

__all__ = ["HOW_TO_WRITE", "fmt_clock", "parse_clock"]

HOW_TO_WRITE = "Write the time as HH:MM on a 24-hour clock, for example 21:00."
"""The sentence every refusal ends with."""

_MAX_CHARS = int(MAX_CLOCK_CHARS.value)
_HALF_DAY_HOURS = HOURS_PER_DAY // 2
_MINUTE_DIGITS = 2
# After spaces are trimmed, digits made ASCII and letters lower-cased: hours and minutes with a
# separator (":" or "." or "h"), or 3-4 digits run together ("930", "2100"), or an hour alone;
# then an optional am/pm ("pm", "p.m.", "p.m").
_CLOCK = re.compile(
    r"(?:(?P<run>[0-9]{3,4})|(?P<hour>[0-9]{1,2})(?:\s?(?P<sep>[:.h])\s?(?P<minute>[0-9]*))?)"
    r"\s?(?:(?P<half>[ap])\.?m\.?)?\Z"
)
_DIGITS = re.compile(r"[0-9]+\Z")
# Separators other scripts type for ":" (full-width colon, ratio sign).
_COLONS = str.maketrans({"\uff1a": ":", "\u2236": ":"})


def _ascii_digits(text: str) -> str:
    """Decimal digits of any script as 0-9 (so "٢١:٠٠" reads as "21:00")."""
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def _error(what: str) -> dict[str, str]:
    return {"error": f"{what} {HOW_TO_WRITE}"}


def parse_clock(text: object) -> dict[str, str]:
    """What a person typed in a time field: ``{"value": "HH:MM"}`` or ``{"error": sentence}``.

    Never raises. A value always matches ``^([01][0-9]|2[0-3]):[0-5][0-9]$``, is accepted by the
    document parser, and reads back as itself. An error says what is wrong with the text and
    ends with HOW_TO_WRITE. See the module docstring for what is read and what is refused.
    """
    if not isinstance(text, str) or not text.strip():
        return _error("No time is written here yet.")
    typed = text.strip()
    if len(typed) > _MAX_CHARS:
        return _error(f"That is too long for a time (at most {_MAX_CHARS} characters).")
    shown = quote(typed)
    s = _ascii_digits(typed.translate(_COLONS)).lower()
    m = _CLOCK.match(s)
    if m is None:
        if _DIGITS.match(s):
            return _error(f"{shown} has too many digits for a time.")
        return _error(f"{shown} is not a time.")
    if m["run"] is not None:
        hour, minute = int(m["run"][:-_MINUTE_DIGITS]), int(m["run"][-_MINUTE_DIGITS:])
    else:
        hour = int(m["hour"])
        digits = m["minute"] or ""
        if len(digits) == 1:
            return _error(
                f"In {shown} the minutes have one digit, so it could mean {hour:02d}:0{digits} "
                f"or {hour:02d}:{digits}0; write both digits of the minutes."
            )
        if len(digits) > _MINUTE_DIGITS:
            return _error(f"In {shown} the minutes have too many digits.")
        if not digits and m["sep"] in (":", "."):
            return _error(f"In {shown} the minutes are missing.")
        minute = int(digits) if digits else 0
    if minute >= MINUTES_PER_HOUR:
        return _error(f"Minutes go from 00 to 59, so {shown} is not a time.")
    if m["half"] is not None:
        if not 1 <= hour <= _HALF_DAY_HOURS:
            return _error(f"With am or pm the hour goes from 1 to 12, so {shown} is not a time.")
        # 12 am is midnight (00:xx), 12 pm is noon (12:xx).
        hour = hour % _HALF_DAY_HOURS + (_HALF_DAY_HOURS if m["half"] == "p" else 0)
    elif hour == HOURS_PER_DAY and minute == 0:
        return _error(
            "24:00 is the end of the day, not a time a step or a refill starts: the last start "
            "is 23:59, and midnight is 00:00."
        )
    elif hour >= HOURS_PER_DAY:
        return _error(
            f"There is no hour {hour} on a 24-hour clock (hours go from 00 to 23), so {shown} is "
            "not a time."
        )
    value = fmt_minutes(hour * MINUTES_PER_HOUR + minute)
    # The form's answer must be a time the document format accepts: one rule, checked here.
    if parse_time(value) is None:  # pragma: no cover - the checks above keep it in range
        return _error(f"{shown} is not a time.")
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
