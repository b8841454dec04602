"""Strict JSON reading: `parse_json(text)` returns the value or raises `UnreadableInput`.

Python's `json` module accepts things JSON does not (NaN, Infinity) and silently keeps the last
of two duplicate keys; a schedule that means something other than what the person typed is worse
than one that is refused, so both are refused here, in one plain line: what, where, how to fix.
"""

from __future__ import annotations

import json
import math
import re

from .findings import fmt_num
from .limits import MAX_INPUT_CHARS, MAX_NESTING

__all__ = ["UnreadableInput", "decode_bytes", "parse_json"]

_MAX_INPUT = int(MAX_INPUT_CHARS.value)
_MAX_DEPTH = int(MAX_NESTING.value)
# A JSON string (skipped whole, so brackets inside text do not count), or an unterminated one up
# to the end of the text (a lone backslash at the end included): with the end allowed, a quote
# that is never closed is one match, not a failed match retried from every later quote (which
# made these scans quadratic: 40 KB of escaped quotes took 12 s). The body's two alternatives
# cannot overlap, so each match is linear too. json.loads then reports the unterminated string.
_STRING = r'"[^"\\]*(?:\\(?:.|\Z)[^"\\]*)*(?:"|\Z)'
_TOKENS = re.compile(_STRING + r"|[\[\]{}]", re.DOTALL)
_CONSTANTS = re.compile(_STRING + r"|(-?Infinity|NaN)", re.DOTALL)
# CPython refuses to turn longer digit strings into int (sys.set_int_max_str_digits); say so first.
_MAX_INT_DIGITS = 4300

_HINTS = (
    ("Illegal trailing comma", "remove the comma just before the closing bracket"),
    ("Expecting property name", "names need double quotes, and a comma must not end a list"),
    ("Expecting ',' delimiter", "a comma or a closing bracket is probably missing just before it"),
    ("Expecting ':' delimiter", "each name needs a colon before its value"),
    ("Expecting value", "a value is missing or not written as JSON (text needs double quotes)"),
    ("Unterminated string", "a closing double quote is missing"),
    ("Invalid control character", "a line break or tab inside text must be written \\n or \\t"),
    ("Invalid \\escape", "a backslash inside text must be written \\\\"),
    ("Extra data", "there is more after the end of the schedule; keep only one JSON object"),
)


class UnreadableInput(ValueError):
    """The input is not a JSON document flexdose can read; `str()` is one plain line."""


class _Refused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _check_depth(text: str) -> None:
    # json.loads recurses once per level; stop deep input before it can.
    if text.count("[") + text.count("{") <= _MAX_DEPTH:
        return
    depth = 0
    for m in _TOKENS.finditer(text):
        c = m.group()
        if c in "[{":
            depth += 1
            if depth > _MAX_DEPTH:
                line, col = _line_col(text, m.start())
                raise UnreadableInput(
                    f"The file nests brackets more than {_MAX_DEPTH} levels deep (line {line}, "
                    f"column {col}); a schedule needs only 4. Check that this is a schedule file."
                )
        elif c in "]}":
            depth -= 1


def _where_constant(text: str, token: str) -> str:
    for m in _CONSTANTS.finditer(text):
        if m.group(1) == token:
            line, col = _line_col(text, m.start(1))
            return f" (line {line}, column {col})"
    return ""


def _parse_constant(token: str) -> float:
    raise _Refused(token)


def _parse_float(token: str) -> float:
    value = float(token)
    if not math.isfinite(value):
        raise _Refused(f"number:{token}")
    return value


def _parse_int(token: str) -> int:
    if len(token.lstrip("-")) > _MAX_INT_DIGITS:
        raise _Refused(f"number:{token[:20]}")
    return int(token)


def _pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _Refused(f"duplicate:{key}")
        result[key] = value
    return result


def decode_bytes(data: bytes) -> str:
    """UTF-8 text from bytes (a leading byte-order mark is dropped).

    Raises:
        UnreadableInput: the bytes are not UTF-8 text.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableInput(
            f"The file is not text (byte {exc.start + 1} is not UTF-8); save the schedule as a "
            "plain-text .json file and try again."
        ) from None


def parse_json(text: str | bytes) -> object:
    """Parse strict JSON text (or UTF-8 bytes) into Python values.

    Raises:
        UnreadableInput: the text is too long (over MAX_INPUT_CHARS), nested deeper than
            MAX_NESTING, not JSON, or uses what strict JSON forbids: NaN, Infinity, -Infinity,
            numbers too large for a float, or the same key twice in one object. Its message is one
            line: what is wrong, where (line and column when known), and how to fix it.
    """
    if isinstance(text, bytes | bytearray):
        text = decode_bytes(bytes(text))
    if not isinstance(text, str):
        raise TypeError(f"parse_json needs text, not {type(text).__name__}")
    if text.startswith("\ufeff"):
        text = text[1:]
    if len(text) > _MAX_INPUT:
        raise UnreadableInput(
            f"The input is {fmt_num(len(text))} characters long, more than the "
            f"{fmt_num(_MAX_INPUT)} allowed; a schedule is a few thousand. Check you chose the "
            "right file."
        )
    if not text.strip():
        raise UnreadableInput(
            "The input is empty; paste or choose a schedule file (JSON starting with {)."
        )
    _check_depth(text)
    try:
        return json.loads(
            text,
            parse_constant=_parse_constant,
            parse_float=_parse_float,
            parse_int=_parse_int,
            object_pairs_hook=_pairs,
        )
    except _Refused as exc:
        raise UnreadableInput(_refusal(text, exc.message)) from None
    except json.JSONDecodeError as exc:
        hint = next((h for prefix, h in _HINTS if exc.msg.startswith(prefix)), None)
        hint = hint or "check for a missing comma, quote or bracket near there"
        raise UnreadableInput(
            f"This is not valid JSON: {exc.msg.lower()} at line {exc.lineno}, column "
            f"{exc.colno}; {hint}."
        ) from None
    except RecursionError:
        raise UnreadableInput(
            f"The file nests brackets too deeply (more than {_MAX_DEPTH} levels); a schedule needs "
            "only 4. Check that this is a schedule file."
        ) from None


def _refusal(text: str, what: str) -> str:
    if what.startswith("duplicate:"):
        key = what.removeprefix("duplicate:")
        return (
            f"The name {json.dumps(key, ensure_ascii=False)[:60]} appears twice in the same "
            "group of fields; JSON readers disagree on which one counts, so keep only one."
        )
    if what.startswith("number:"):
        number = what.removeprefix("number:")
        return (
            f"The number {number[:20]} is too large to use; check for extra digits or a "
            "misplaced exponent (e)."
        )
    return (
        f"{what} is not a number JSON allows{_where_constant(text, what)}; write the real "
        "number (for example 500) or remove the field."
    )
