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

from .i18n import current_language, speaking
from .limits import MAX_INPUT_CHARS, MAX_NESTING
from .messages import refusal
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
# Words other languages write for JSON's true, false and null: REFUSALS "word.<key>" says how.
_WORDS_HELP = {
    "True": "true",
    "False": "false",
    "None": "null",
    "Null": "null",
    "NULL": "null",
}


def _before(text: str, pos: int) -> str:
    """The last character before pos that is not a space or line break ("" at the start)."""
    stripped = text[:pos].rstrip()
    return stripped[-1:] if stripped else ""


def _extra_comma(text: str, pos: int) -> str | None:
    """The sentences for an extra comma just before a closing bracket at pos, else None."""
    closing = text[pos : pos + 1]
    if closing in ("}", "]") and _before(text, pos) == ",":
        return refusal("extra-comma-before", closing=closing)
    return None


def _not_a_value(text: str, pos: int) -> str:
    """What is wrong where json expected a value (or a name, when `name` is set), and the fix."""
    char = text[pos : pos + 1]
    if not char:
        return refusal("ends-too-soon")
    extra = _extra_comma(text, pos)
    if extra:
        return extra
    string_help = refusal("string-help")
    if char == "'":
        return refusal("single-quotes", help=string_help)
    if char == ",":
        return refusal("missing-before-comma")
    if char in "}]":
        return refusal("missing-before-bracket", char=char)
    word = _WORD.match(text, pos)
    if word:
        json_word = _WORDS_HELP.get(word.group())
        if json_word:
            help_text = refusal(f"word.{json_word}")
            return refusal("not-json-word", word=quote(word.group(), 20), help=help_text)
        return refusal("no-quotes", help=string_help)
    return refusal("not-a-value", help=string_help)


def _decode_problem(text: str, msg: str, pos: int) -> str:
    """A JSONDecodeError's message as what is wrong and how to fix it, in plain words."""
    if msg.startswith("Illegal trailing comma"):
        # Python 3.13+ (Pyodide's 3.14) points at the comma itself, not at the bracket after it.
        if text[pos : pos + 1] == ",":
            rest = text[pos + 1 :].lstrip()
            if rest[:1] in ("}", "]"):
                return _extra_comma(text, len(text) - len(rest)) or refusal("extra-comma")
        return _extra_comma(text, pos) or refusal("extra-comma")
    if msg.startswith("Expecting value"):
        return _not_a_value(text, pos)
    if msg.startswith("Expecting property name"):
        extra = _extra_comma(text, pos)
        if extra:
            return extra
        if text[pos : pos + 1] == "'":
            return refusal("name-single-quotes")
        if text[pos : pos + 1] == ",":
            return refusal("two-commas")
        return refusal("name-no-quotes")
    if msg.startswith("Expecting ',' delimiter"):
        char = text[pos : pos + 1]
        if char in ("}", "]"):
            return refusal("bracket-mismatch", char=char)
        if char == ":" or (char.isdigit() and text[pos - 1 : pos].isdigit()):
            return refusal("time-not-json", help=refusal("string-help"))
        line_start = text.rfind("\n", 0, pos) + 1
        if line_start > 0 and not text[line_start:pos].strip():
            line = text.count("\n", 0, line_start)
            return refusal("comma-end-of-line", line=line)
        return refusal("comma-missing")
    if msg.startswith("Expecting ':' delimiter"):
        return refusal("colon-missing")
    if msg.startswith("Unterminated string"):
        return refusal("unterminated")
    if msg.startswith("Invalid control character"):
        return refusal("control-char")
    if msg.startswith("Invalid \\uXXXX escape"):
        return refusal("bad-u-escape")
    if msg.startswith("Invalid \\escape"):
        return refusal("bad-escape")
    if msg.startswith("Extra data"):
        return refusal("extra-data")
    return refusal("not-json")


def _where(text: str, pos: int) -> str:
    """'line 3, column 22, near “"start": 07:00”': where a problem is, with the text around it."""
    pos = max(0, min(pos, len(text)))
    line, col = _line_col(text, pos)
    if pos >= len(text.rstrip()):
        return refusal("where.at-end", line=line, col=col)
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    near = text[max(line_start, pos - _NEAR_BEFORE) : min(line_end, pos + _NEAR_AFTER)].strip()
    if near:
        return refusal("where.near", line=line, col=col, near=quote(near, 40))
    return refusal("where.line-col", line=line, col=col)


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
                raise UnreadableInput(refusal("too-deep-at", depth=_MAX_DEPTH, line=line, col=col))
        elif c in "]}":
            depth -= 1


def _where_constant(text: str, token: str) -> str:
    for m in _CONSTANTS.finditer(text):
        if m.group(1) == token:
            return f" ({_where(text, m.start(1))})"  # brackets read the same in every language
    return ""


def _where_name(text: str, key: str) -> str:
    """Where the second use of a name in the text is (a duplicate's), as ' (line, column)'."""
    pattern = re.compile(re.escape(json.dumps(key)) + r"\s*:")
    found = list(pattern.finditer(text))
    if len(found) < 2:
        return ""
    line, col = _line_col(text, found[1].start())
    return f" ({refusal('where.line-col', line=line, col=col)})"


def _where_number(text: str, token: str) -> str:
    """Where a number too large to use starts, as ' (line, column)'."""
    pos = text.find(token)
    if pos < 0:
        return ""
    line, col = _line_col(text, pos)
    return f" ({refusal('where.line-col', line=line, col=col)})"


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


def decode_bytes(data: bytes, *, lang: str | None = None) -> str:
    """UTF-8 text from bytes (a leading byte-order mark is dropped).

    Raises:
        UnreadableInput: the bytes are not UTF-8 text (its message in `lang`; None: the current
            language).
    """
    with speaking(lang or current_language()):
        return _decode_bytes(data)


def _decode_bytes(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise UnreadableInput(refusal("not-utf8", line=line, col=col)) from None


def parse_json(text: str | bytes, *, lang: str | None = None) -> object:
    """Parse strict JSON text (or UTF-8 bytes) into Python values.

    Raises:
        UnreadableInput: the text is too long (over MAX_INPUT_CHARS), nested deeper than
            MAX_NESTING, not JSON, or uses what strict JSON forbids: NaN, Infinity, -Infinity,
            numbers too large for a float, or the same key twice in one object. Its message is one
            line: what is wrong, where (line and column when known), and how to fix it, in `lang`
            (None: the current language).
    """
    with speaking(lang or current_language()):
        return _parse_json(text)


def _parse_json(text: str | bytes) -> object:
    if isinstance(text, bytes | bytearray):
        text = _decode_bytes(bytes(text))
    if not isinstance(text, str):
        raise TypeError(f"parse_json needs text, not {type(text).__name__}")
    if text.startswith("\ufeff"):
        text = text[1:]
    if len(text) > _MAX_INPUT:
        raise UnreadableInput(
            refusal("too-long", length=fmt_number(len(text)), limit=fmt_number(_MAX_INPUT))
        )
    if not text.strip():
        raise UnreadableInput(refusal("empty"))
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
            refusal(
                "cannot-read",
                where=_where(text, exc.pos),
                problem=_decode_problem(text, exc.msg, exc.pos),
            )
        ) from None
    except RecursionError:
        raise UnreadableInput(refusal("too-deep", depth=_MAX_DEPTH)) from None


def _refusal(text: str, refused: _Refused) -> str:
    token = refused.token
    if refused.kind == "duplicate":
        return refusal("duplicate", name=quote(token, 40), where=_where_name(text, token))
    if refused.kind == "number":
        return refusal("number", token=token[:20], where=_where_number(text, token))
    return refusal("constant", token=quote(token), where=_where_constant(text, token))
