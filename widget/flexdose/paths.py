"""`where` paths: the one home of their syntax, of each field's name, and of places in words.

A path is a tuple of keys and list indexes (`model.Path`); its public string form, a finding's
`where`, is ``programs.everyday[2].start`` or ``programs["my plan"][0]``. `format_where` writes
it and `parse_where` reads it back, exactly inverse. `describe` says where a path is in a
message's words, `describe_where` in a screen reader's; both read the same tables. `goto_data`
is what a finding's "Go to the field" button carries, so the browser never reads a path.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from . import messages
from .i18n import weekday_names
from .model import WEEKDAY_NAMES, WEEKDAYS, Path
from .quoting import quote

__all__ = [
    "FIELD_NAMES",
    "RATE_UNIT_WORDS",
    "STEP_FIELD_NAMES",
    "describe",
    "describe_where",
    "field_in_list",
    "field_name",
    "fields_of",
    "format_where",
    "goto_data",
    "parse_where",
    "where_and_parents",
]

FIELD_NAMES: dict[Path, str] = {
    ("pump", "reservoir_ml"): "The reservoir size",
    ("pump", "alarm_ml"): "The low-reservoir alarm volume",
    ("drug", "concentration_mcg_per_ml"): "The drug concentration",
    ("fill", "date"): "The last refill date",
    ("fill", "time"): "The last refill time",
    ("fill", "volume_ml"): "The amount filled",
    ("context", "origin"): "Where the spasticity comes from",
    ("context", "age_group"): "The age group",
    ("context", "phase"): "The stage of treatment",
    ("context", "current_mcg_per_day"): "The daily dose in use now",
    ("format",): "The format name",
    ("title",): "The schedule's name",
    ("programs",): "The list of programs",
    ("week",): "The week plan",
    ("pump",): "The pump details",
    ("drug",): "The drug details",
    ("fill",): "The refill details",
    ("context",): "The details about the current treatment",
}
"""What each field is called in an English message: the words the form labels it with, never its
key. `field_name` gives the name in the current language (messages_*.WORDS "field.<path>")."""

# In a list of a section's fields "the list of programs" would read as a list inside the list.
_LISTED_AS: dict[Path, str] = {("programs",): "the programs"}

RATE_UNIT_WORDS: dict[str, str] = {"mcg_per_day": "mcg per day", "mcg_per_hour": "mcg per hour"}
"""Each step key a dose may be written in, in English words (`unit_words`: current language)."""

STEP_FIELD_NAMES: dict[str, str] = {
    "start": "start time",
    **{key: f"dose in {words}" for key, words in RATE_UNIT_WORDS.items()},
}
"""A step's fields, as the form labels them in English (WORDS "step-field.<key>" in each
language)."""

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
# One part of a where string: a key (after a dot, but for the first), an index, a quoted key.
_PART = re.compile(
    r'(?P<dot>\.)?(?P<key>[A-Za-z_][A-Za-z0-9_]*)|\[(?P<index>\d+)\]|\[(?P<quoted>"(?:[^"\\]|\\.)*")\]'
)
# Long enough to recognise a key, short enough to keep the sentence readable.
_KEY_QUOTE_CHARS = 60


def field_name(path: Path) -> str | None:
    """A known field's name in the current language ('The reservoir size'), else None."""
    if path not in FIELD_NAMES:
        return None
    return messages.word("field." + ".".join(str(part) for part in path))


def unit_words(key: str) -> str:
    """A dose key of a step in words in the current language: 'mcg per day'."""
    return messages.word(f"unit.{key}")


def _step_field(key: str) -> str:
    return messages.word(f"step-field.{key}")


def _day_name(key: str) -> str:
    return weekday_names()[WEEKDAYS.index(key)]


def format_where(path: Iterable[str | int]) -> str:
    """Dotted JSON path: `programs.everyday[2].start`, `programs["my plan"][0]`; root is ``""``.

    A key that is not an identifier is written as JSON text (json.dumps, ensure_ascii=False),
    as JavaScript's JSON.stringify writes it too.
    """
    out: list[str] = []
    for part in path:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif _IDENTIFIER.match(part):
            out.append(f".{part}" if out else part)
        else:
            out.append(f"[{json.dumps(part, ensure_ascii=False)}]")
    return "".join(out)


def parse_where(where: str) -> Path | None:
    """The path `format_where` wrote: 'programs["my plan"][0]' -> ('programs', 'my plan', 0).

    "" is the root, (). None for text that is not a where path.
    """
    parts: list[str | int] = []
    pos = 0
    while pos < len(where):
        match = _PART.match(where, pos)
        if match is None or bool(match["dot"]) != (match["key"] is not None and pos > 0):
            return None
        if match["key"] is not None:
            parts.append(match["key"])
        elif match["index"] is not None:
            parts.append(int(match["index"]))
        else:
            try:
                parts.append(json.loads(match["quoted"]))
            except ValueError:
                return None
        pos = match.end()
    return tuple(parts)


def where_and_parents(path: Path) -> list[str]:
    """The where of path and of each path enclosing it, nearest first, the root left out.

    ('programs', 'x', 2, 'start') -> ['programs.x[2].start', 'programs.x[2]', 'programs.x',
    'programs']: the form's control for a finding is the first of these it has.
    """
    return [format_where(path[:end]) for end in range(len(path), 0, -1)]


def fields_of(where: str) -> list[str]:
    """`where_and_parents` of a finding's where (none for text that is no path)."""
    return where_and_parents(parse_where(where) or ())


def goto_data(where: str) -> dict[str, str]:
    """What a finding's "Go to the field" button carries, as data-* attribute names and values.

    ``where`` (the finding's own), ``fields`` (`where_and_parents` as JSON: the browser takes
    the first its form has) and, for a place in a program, ``program`` (its name: the form
    shows one program at a time). The browser reads these and never the path itself.
    """
    path = parse_where(where) or ()
    fields = json.dumps(where_and_parents(path), ensure_ascii=False, separators=(",", ":"))
    data = {"where": where, "fields": fields}
    if len(path) >= 2 and path[0] == "programs" and isinstance(path[1], str):
        data["program"] = path[1]
    return data


def field_in_list(path: Path) -> str | None:
    """A known field as a list of its section's fields names it, or None for an unknown one.

    'the reservoir size', 'the programs', 'a start time' (each step has its own), 'Monday'.
    """
    if len(path) == 2 and path[0] == "week" and path[1] in WEEKDAY_NAMES:
        return _day_name(str(path[1]))
    if len(path) == 4 and path[0] == "programs" and path[3] in STEP_FIELD_NAMES:
        return messages.word("listed.step-field", field=_step_field(str(path[3])))
    if path in _LISTED_AS:
        return messages.word("listed." + ".".join(str(part) for part in path))
    name = field_name(path)
    return None if name is None else _lower_first(name)


# ---- Places in words ----
#
# One reading of a path (`_place`), two wordings of it: a message's (`describe`, a sentence's
# subject, names quoted) and a screen reader's (`describe_where`, what a button goes to).


def _place(path: Path) -> tuple[str, tuple[str | int, ...]]:
    """What a path points at: a kind and its details (program names, step numbers from 1)."""
    if not path:
        return "schedule", ()
    head = path[0]
    if head == "programs" and len(path) >= 2:
        program = path[1]
        if len(path) >= 3 and isinstance(path[2], int):
            step = path[2] + 1
            if len(path) == 4 and path[3] in STEP_FIELD_NAMES:
                return "step-field", (_step_field(str(path[3])), step, program)
            if len(path) == 4 and isinstance(path[3], str):
                return "step-key", (step, program, path[3])  # a key no step has: mg_per_day
            return "step", (step, program)
        return "program", (program,)
    if head == "week" and len(path) >= 2 and path[1] in WEEKDAY_NAMES:
        return "day", (_day_name(str(path[1])),)
    name = field_name(path)
    if name is not None:
        return "named", (name,)
    parent = field_name(path[:-1])
    if parent is not None:
        return "field-in", (path[-1], parent)
    return "field", (path[-1],)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def describe(path: Path) -> str:
    """Where a finding is, in words: 'Step 3 of program “everyday”', 'Monday in the week plan'."""
    kind, d = _place(path)
    word = messages.word
    if kind == "step-field":
        return word("place.step-field", field=d[0], step=d[1], program=quote(d[2]))
    if kind in ("step", "step-key"):
        return word("place.step", step=d[0], program=quote(d[1]))
    if kind == "program":
        return word("place.program", program=quote(d[0]))
    if kind == "day":
        return word("place.day", day=d[0])
    if kind == "named":
        return str(d[0])
    if kind == "field-in":
        key = quote(d[0], _KEY_QUOTE_CHARS)
        return word("place.field-in", key=key, parent=_lower_first(str(d[1])))
    if kind == "field":
        return word("place.field", key=quote(d[0], _KEY_QUOTE_CHARS))
    return word("place.schedule")


def describe_where(where: str) -> str:
    """A finding's `where` in words for a screen reader: 'start time of step 3 in program x'.

    Never the path itself (that stays in data-where): text that is no path is 'a field of
    the schedule', the root 'the whole schedule'.
    """
    word = messages.word
    path = parse_where(where)
    if path is None:
        return word("where.unknown")
    kind, d = _place(path)
    if kind == "schedule":
        return word("where.schedule")
    if kind == "step-field":
        return word("where.step-field", field=d[0], step=d[1], program=d[2])
    if kind == "step-key":
        return word("where.step-key", key=d[2], step=d[0], program=d[1])
    if kind == "step":
        return word("where.step", step=d[0], program=d[1])
    if kind == "program":
        return word("where.program", program=d[0])
    if kind == "named":
        # English drops the article ("reservoir size"); Spanish keeps it, in lower case ("el
        # tamaño del depósito"): a language with no article to drop lowers the first letter.
        article = word("where.named-article")
        return str(d[0]).removeprefix(article) if article else _lower_first(str(d[0]))
    if kind == "day":
        return word("where.day", day=d[0])
    return _lower_first(describe(path))
