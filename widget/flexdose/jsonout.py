"""The JSON text flexdose prints: `check --json`, `summary --json`, and the widget's answers.

One place, so that the CLI and the widget give portals the same bytes.
"""

from __future__ import annotations

import json

__all__ = ["JSON_INDENT", "dumps", "report_json"]

# Spaces per level: readable in a terminal and in a diff.
JSON_INDENT = 2


def dumps(value: object) -> str:
    """value as flexdose prints JSON (indented, non-ASCII kept), without a final newline.

    Lone surrogates (legal in JSON strings) cannot be encoded as UTF-8; as \\udXXX escapes the
    output stays valid JSON and printable.
    """
    text = json.dumps(value, indent=JSON_INDENT, ensure_ascii=False)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def report_json(report: dict[str, object]) -> str:
    """A report as `flexdose check --json` prints it, byte for byte (with the final newline).

    Portals get this text from the widget too (the ``json`` field of ``itb-flex:report``): a
    JavaScript object cannot tell ``500`` from ``500.0``, the text can.
    """
    return dumps(report) + "\n"
