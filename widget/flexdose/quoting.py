"""User text inside our own sentences: the one control-character pattern, and `quote`.

A name or title is whatever the person (or a portal) typed. Inside a message, a path's words or
the text report it must stay on its one line and drive nothing: every character in
`CONTROL_CHARS` is written out as an escape instead.
"""

from __future__ import annotations

import re

from .limits import MAX_PROGRAM_NAME_CHARS

__all__ = ["CONTROL_CHARS", "escape_controls", "quote"]

CONTROL_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
"""C0 and C1 controls (ESC starts terminal sequences; a newline could forge a line such as
"Result: no errors"), the line and paragraph separators (line breaks to JavaScript and many
viewers) and lone surrogates (no UTF-8 output can hold them)."""

_LAST_SHORT_ESCAPE = 0xFF  # \xNN holds two hex digits


def escape_controls(text: object, *, short: bool = False) -> str:
    """str(text) with each of CONTROL_CHARS written as an escape.

    JSON's notation (``\\u001b``) by default, as messages show it; with ``short`` a terminal's
    (``\\x1b``, and ``\\uNNNN`` above U+00FF), as the text report shows it.
    """

    def written(match: re.Match[str]) -> str:
        code = ord(match.group())
        if short and code <= _LAST_SHORT_ESCAPE:
            return f"\\x{code:02x}"
        return f"\\u{code:04x}"

    return CONTROL_CHARS.sub(written, str(text))


def quote(text: object, limit: int = int(MAX_PROGRAM_NAME_CHARS.value)) -> str:
    """User text in typographic quotes, shortened so a message stays a sentence."""
    s = escape_controls(text)
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    return f"“{s}”"
