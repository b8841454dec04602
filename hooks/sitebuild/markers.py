"""The one parser of ``<!-- flexdose:KIND ... -->`` markers, for every kind.

A page asks for build-time content with an HTML comment (so it still reads well where the build
is absent). Every marker on a page goes through ``find_markers``: an unknown kind, an unknown
or repeated option (a mistyped ``exampel=``), a missing or malformed example name fails the
build with the page, the line, the marker as written and what that kind accepts (Material's
``shortcodes.py`` hook raises the same way), so a typo never ships as a silent comment.

What each kind becomes is ``pages.py``'s business; this module only reads and checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitebuild.common import BuildError

MARKER_RE = re.compile(r"<!--\s*flexdose:(?P<kind>[A-Za-z0-9_-]*)(?P<args>[^>]*?)\s*-->")
# A fenced code block (``` or ~~~, 3 or more), from its opening line to its closing one: a
# marker shown there as an example is text, not a marker.
FENCE_RE = re.compile(r"^([ \t]*)(`{3,}|~{3,})[^\n]*\n.*?^\1\2[ \t]*$", re.M | re.S)
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class MarkerError(BuildError):
    """A marker that cannot be read: the message names the page, line, marker and the fix."""


@dataclass(frozen=True)
class Kind:
    """What one kind of marker accepts."""

    usage: str  # how it is written, for messages
    name: bool = False  # takes an example NAME (as a word, or as example=NAME)
    options: tuple[str, ...] = ()  # key=value options it accepts
    required: tuple[str, ...] = ()  # options it needs
    words: bool = False  # free words, checked by its renderer (safety blocks, a limit's name)


KINDS: dict[str, Kind] = {
    "example": Kind("flexdose:example NAME [program=P]", name=True, options=("program",)),
    "example-json": Kind("flexdose:example-json NAME", name=True),
    "limits": Kind("flexdose:limits"),
    "findings": Kind("flexdose:findings"),
    "limit": Kind("flexdose:limit NAME", words=True),
    "safety": Kind("flexdose:safety BLOCK [WORD]", words=True),
    "widget": Kind("flexdose:widget example=NAME", options=("example",), required=("example",)),
}


@dataclass(frozen=True)
class Marker:
    """One marker as read: its kind, example name, options or words, and where it is."""

    kind: str
    at: str  # "page.md, line 5"
    text: str  # the marker as written
    start: int
    end: int
    name: str | None = None
    options: dict[str, str] = field(default_factory=dict)
    words: tuple[str, ...] = ()


def usage_list() -> str:
    """Every kind as it is written, for the unknown-kind message."""
    return ", ".join(kind.usage for kind in KINDS.values())


def find_markers(markdown: str, where: str) -> list[Marker]:
    """Every marker of the page's markdown outside fenced code, read and checked, in order.

    where is the page's path for messages. Raises MarkerError on the first bad marker.
    """
    fences = [m.span() for m in FENCE_RE.finditer(markdown)]
    found = []
    for match in MARKER_RE.finditer(markdown):
        if any(start <= match.start() < end for start, end in fences):
            continue
        line = markdown.count("\n", 0, match.start()) + 1
        found.append(read_marker(match, f"{where}, line {line}"))
    return found


def read_marker(match: re.Match[str], at: str) -> Marker:
    """One marker from its match; MarkerError if its kind or arguments are not accepted."""
    text, kind_name = match.group(0), match["kind"]
    kind = KINDS.get(kind_name)
    if kind is None:
        raise MarkerError(
            f"{at}: unknown marker 'flexdose:{kind_name}' in {text}. Markers: {usage_list()}."
        )
    span = {"start": match.start(), "end": match.end()}
    tokens = match["args"].split()
    if kind.words:
        return Marker(kind_name, at, text, words=tuple(tokens), **span)

    def fail(problem: str) -> MarkerError:
        return MarkerError(f"{at}: {text}: {problem}. Write it as {kind.usage}.")

    name: str | None = None
    options: dict[str, str] = {}
    for token in tokens:
        key, sep, value = token.partition("=")
        if not sep and kind.name and name is None:
            name = token
            continue
        if not sep:
            raise fail(f"cannot read '{token}'")
        if not value or not key:
            raise fail(f"'{token}' has no value")
        if key in options or (key == "example" and kind.name and name is not None):
            raise fail(f"'{key}' is given twice")
        if key == "example" and kind.name:
            name = value
        elif key in kind.options:
            options[key] = value
        else:
            accepted = ", ".join(f"{o}=" for o in kind.options) or "none"
            raise fail(f"flexdose:{kind_name} has no option {key} (options: {accepted})")
    for key in kind.required:
        if key not in options:
            raise fail(f"it needs {key}=")
    if kind.name and name is None:
        raise fail("it needs an example name")
    for example in [name, options.get("example")]:
        if example is not None and not NAME_RE.match(example):
            raise fail(
                f"'{example}' is not an example name (lower-case letters, digits and hyphens)"
            )
    return Marker(kind_name, at, text, name=name, options=options, **span)
