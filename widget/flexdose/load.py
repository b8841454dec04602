"""Strict JSON reading: `parse_json(text)` returns the value or raises `UnreadableInput`.

Python's `json` module accepts things JSON does not (NaN, Infinity) and silently keeps the last
of two duplicate keys; a schedule that means something other than what the person typed is worse
than one that is refused, so both are refused here, in one plain line: what, where, how to fix.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from typing import Literal

from .limits import MAX_INPUT_CHARS, MAX_NESTING
from .numbers import fmt_number
from .quoting import quote

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
_STRINGS = re.compile(_STRING, re.DOTALL)
_DEPTH_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
# Every byte but the brackets' (UTF-8 never uses ASCII bytes inside a multi-byte character).
_NOT_BRACKET_BYTES = bytes(b for b in range(256) if b not in _DEPTH_STEP)
_CONSTANTS = re.compile(_STRING + r"|(-?Infinity|NaN)", re.DOTALL)
# CPython refuses to turn longer digit strings into int (sys.set_int_max_str_digits); say so first.
_MAX_INT_DIGITS = 4300

# How much of the line around a problem a message quotes, before and after it.
_NEAR_BEFORE, _NEAR_AFTER = 24, 16
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_STRING_HELP = 'Text must be in double quotes, for example "07:00".'
_WORDS_HELP = {
    "True": "Write true in small letters.",
    "False": "Write false in small letters.",
    "None": "Write null in small letters for an empty value.",
    "Null": "Write null in small letters for an empty value.",
    "NULL": "Write null in small letters for an empty value.",
}


def _before(text: str, pos: int) -> str:
    """The last character before pos that is not a space or line break ("" at the start)."""
    stripped = text[:pos].rstrip()
    return stripped[-1:] if stripped else ""


_EXTRA_COMMA = "There is an extra comma. Remove it."


def _extra_comma(text: str, pos: int) -> str | None:
    """The sentences for an extra comma just before a closing bracket at pos, else None."""
    closing = text[pos : pos + 1]
    if closing in ("}", "]") and _before(text, pos) == ",":
        return f"There is an extra comma before {closing}. Remove the comma just before it."
    return None


def _not_a_value(text: str, pos: int) -> str:
    """What is wrong where json expected a value (or a name, when `name` is set), and the fix."""
    char = text[pos : pos + 1]
    if not char:
        return (
            "The file ends too soon: a value or a closing bracket is missing. Check that every "
            "{ has its } and every [ has its ]."
        )
    extra = _extra_comma(text, pos)
    if extra:
        return extra
    if char == "'":
        return "Text is in single quotes. " + _STRING_HELP
    if char == ",":
        return "A value is missing before this comma. Add the value, or remove the comma."
    if char in "}]":
        return f"A value is missing before {char}. Add it, or remove what is unfinished."
    word = _WORD.match(text, pos)
    if word:
        help_text = _WORDS_HELP.get(word.group())
        if help_text:
            return f"{quote(word.group(), 20)} is not written the JSON way. {help_text}"
        return "This text has no double quotes around it. " + _STRING_HELP
    return (
        "Something here is not a value. " + _STRING_HELP + " Numbers are plain digits, like 400 "
        "or 2.5."
    )


def _decode_problem(text: str, msg: str, pos: int) -> str:
    """A JSONDecodeError's message as what is wrong and how to fix it, in plain words."""
    if msg.startswith("Illegal trailing comma"):
        # Python 3.13+ (Pyodide's 3.14) points at the comma itself, not at the bracket after it.
        if text[pos : pos + 1] == ",":
            rest = text[pos + 1 :].lstrip()
            if rest[:1] in ("}", "]"):
                return _extra_comma(text, len(text) - len(rest)) or _EXTRA_COMMA
        return _extra_comma(text, pos) or _EXTRA_COMMA
    if msg.startswith("Expecting value"):
        return _not_a_value(text, pos)
    if msg.startswith("Expecting property name"):
        extra = _extra_comma(text, pos)
        if extra:
            return extra
        if text[pos : pos + 1] == "'":
            return 'A name is in single quotes. Names must be in double quotes, like "start".'
        if text[pos : pos + 1] == ",":
            return "There are two commas in a row. Remove one of them."
        return (
            'A name has no double quotes around it. Names must be in double quotes, like "start".'
        )
    if msg.startswith("Expecting ',' delimiter"):
        char = text[pos : pos + 1]
        if char in ("}", "]"):
            return (
                f"The bracket {char} here does not match the one it closes: a [ closes with ] "
                "and a { closes with }."
            )
        if char == ":" or (char.isdigit() and text[pos - 1 : pos].isdigit()):
            return "A time or a number here is not written the JSON way. " + _STRING_HELP
        line_start = text.rfind("\n", 0, pos) + 1
        if line_start > 0 and not text[line_start:pos].strip():
            line = text.count("\n", 0, line_start)
            return (
                f"A comma is missing at the end of line {line}, before this. Add a comma, or a "
                "closing bracket if the list or group ends there."
            )
        return (
            "A comma is missing here, between two values. Add a comma, or a closing bracket if "
            "the list or group ends here."
        )
    if msg.startswith("Expecting ':' delimiter"):
        return (
            "A colon is missing after a name. Write the name, a colon, then the value, like "
            '"start": "07:00".'
        )
    if msg.startswith("Unterminated string"):
        return 'Text that starts here has no closing double quote. Add the " where the text ends.'
    if msg.startswith("Invalid control character"):
        return (
            "Text in double quotes cannot hold a line break or a tab. Close the quote before the "
            "line ends."
        )
    if msg.startswith("Invalid \\uXXXX escape"):
        return "A \\u inside text must be followed by four digits or letters A to F."
    if msg.startswith("Invalid \\escape"):
        return "A backslash inside text must be written twice, as \\\\."
    if msg.startswith("Extra data"):
        return (
            "There is more after the end of the schedule. A schedule is one group in { }: "
            "remove what comes after its last }."
        )
    return (
        "Something here is not written the JSON way. Check for a missing comma, quote or bracket."
    )


def _where(text: str, pos: int) -> str:
    """'line 3, column 22, near “"start": 07:00”': where a problem is, with the text around it."""
    pos = max(0, min(pos, len(text)))
    line, col = _line_col(text, pos)
    if pos >= len(text.rstrip()):
        return f"line {line}, column {col}, at the end of the file"
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    near = text[max(line_start, pos - _NEAR_BEFORE) : min(line_end, pos + _NEAR_AFTER)].strip()
    return (
        f"line {line}, column {col}, near {quote(near, 40)}"
        if near
        else f"line {line}, column {col}"
    )


class UnreadableInput(ValueError):
    """The input is not a JSON document flexdose can read; `str()` is one plain line."""


_RefusalKind = Literal["duplicate", "number", "constant"]
"""What strict JSON refuses that `json` accepts: a duplicate key, a number too large to use,
NaN or Infinity."""


class _Refused(Exception):
    """Raised from inside json.loads' hooks: what was refused (`kind`) and its text (`token`)."""

    def __init__(self, kind: _RefusalKind, token: str) -> None:
        super().__init__(kind, token)
        self.kind: _RefusalKind = kind
        self.token = token


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _check_depth(text: str) -> None:
    # json.loads recurses once per level; stop deep input before it can.
    if text.count("[") + text.count("{") <= _MAX_DEPTH:
        return
    # The common case, at C speed: the deepest nesting of the brackets outside strings (a
    # 1 MB schedule of 21,000 programs took 60 ms token by token, about 10 ms this way). Without
    # a backslash no quote is escaped, so every other piece between quotes is a string's text.
    # Only input that is too deep walks the tokens, to say where.
    outside = _STRINGS.sub("", text) if "\\" in text else "".join(text.split('"')[::2])
    brackets = outside.encode("utf-8", "surrogatepass").translate(None, _NOT_BRACKET_BYTES)
    if max(itertools.accumulate(map(_DEPTH_STEP.__getitem__, brackets)), default=0) <= _MAX_DEPTH:
        return
    depth = 0
    for m in _TOKENS.finditer(text):
        c = m.group()
        if c in "[{":
            depth += 1
            if depth > _MAX_DEPTH:
                line, col = _line_col(text, m.start())
                raise UnreadableInput(
                    f"The file has brackets inside brackets more than {_MAX_DEPTH} levels deep "
                    f"(line {line}, column {col}). A schedule needs only 4. Check that this is a "
                    "schedule file."
                )
        elif c in "]}":
            depth -= 1


def _where_constant(text: str, token: str) -> str:
    for m in _CONSTANTS.finditer(text):
        if m.group(1) == token:
            return f" ({_where(text, m.start(1))})"
    return ""


def _where_name(text: str, key: str) -> str:
    """Where the second use of a name in the text is (a duplicate's), as ' (line, column)'."""
    pattern = re.compile(re.escape(json.dumps(key)) + r"\s*:")
    found = list(pattern.finditer(text))
    if len(found) < 2:
        return ""
    line, col = _line_col(text, found[1].start())
    return f" (line {line}, column {col})"


def _where_number(text: str, token: str) -> str:
    """Where a number too large to use starts, as ' (line, column)'."""
    pos = text.find(token)
    if pos < 0:
        return ""
    line, col = _line_col(text, pos)
    return f" (line {line}, column {col})"


def _parse_constant(token: str) -> float:
    raise _Refused("constant", token)


def _parse_float(token: str) -> float:
    value = float(token)
    if not math.isfinite(value):
        raise _Refused("number", token)
    return value


def _parse_int(token: str) -> int:
    if len(token.lstrip("-")) > _MAX_INT_DIGITS:
        raise _Refused("number", token[:20])
    return int(token)


def _pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _Refused("duplicate", key)
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
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise UnreadableInput(
            f"The file is not plain text: line {line}, column {col} holds something that is not "
            "a letter, digit or sign. Save the schedule as a plain-text .json file (UTF-8) and "
            "try again."
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
            f"The file is {fmt_number(len(text))} characters long, more than the "
            f"{fmt_number(_MAX_INPUT)} allowed. A schedule is a few thousand. Check that you chose "
            "the right file."
        )
    if not text.strip():
        raise UnreadableInput(
            "The file is empty. Paste or choose a schedule file: it starts with {."
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
        raise UnreadableInput(_refusal(text, exc)) from None
    except json.JSONDecodeError as exc:
        raise UnreadableInput(
            f"The schedule cannot be read at {_where(text, exc.pos)}. "
            f"{_decode_problem(text, exc.msg, exc.pos)}"
        ) from None
    except RecursionError:
        raise UnreadableInput(
            f"The file has brackets inside brackets more than {_MAX_DEPTH} levels deep. A "
            "schedule needs only 4. Check that this is a schedule file."
        ) from None


def _refusal(text: str, refused: _Refused) -> str:
    token = refused.token
    if refused.kind == "duplicate":
        return (
            f"The name {quote(token, 40)} appears twice in the same group"
            f"{_where_name(text, token)}. Other tools may read either one, so keep only one."
        )
    if refused.kind == "number":
        return (
            f"The number {token[:20]} is too large to use{_where_number(text, token)}. Check "
            "for extra digits or a stray letter e."
        )
    return (
        f"{quote(token)} is not a number{_where_constant(text, token)}. Write the real number, "
        "for example 500, or remove the field."
    )
