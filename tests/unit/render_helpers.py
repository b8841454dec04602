"""Shared helpers for the render tests: example reports, markup parsing, golden files."""

from __future__ import annotations

import difflib
import json
import os
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import flexdose
import pytest

EXAMPLES = Path(flexdose.__file__).resolve().parent / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
SVG_NS = "{http://www.w3.org/2000/svg}"
VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta source track wbr".split()  # noqa: SIM905
)
# Every element the renderer may write; anything else (script, img, iframe...) is an injection.
ALLOWED_TAGS = frozenset(
    (
        *("div", "p", "ul", "li", "a", "button", "span", "strong", "bdi", "dl", "dt", "dd"),
        *("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"),
        *("svg", "title", "desc", "g", "rect", "line", "path", "text"),
    )
)


def example(name: str) -> dict:
    """The parsed example document widget/flexdose/examples/<name>.json."""
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def example_report(name: str) -> dict:
    """flexdose.check on an example (the real core, not a hand-made report)."""
    return flexdose.check(example(name))


def parse_xml(markup: str) -> ET.Element:
    """Parse markup (one or more sibling elements) as XML under a <root>; raises if malformed."""
    return ET.fromstring(f"<root>{markup}</root>")


def local(tag: str) -> str:
    """'{http://www.w3.org/2000/svg}rect' -> 'rect'."""
    return tag.rsplit("}", 1)[-1]


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.add(tag)
        if tag not in VOID_TAGS:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.tags.add(tag)  # <rect/> in inline SVG: opens and closes at once

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def assert_html_balanced(markup: str) -> set[str]:
    """Check that html.parser sees every tag closed in order; return the tag names seen."""
    parser = _Balance()
    parser.feed(markup)
    parser.close()
    assert not parser.problems, parser.problems[:5]
    assert not parser.stack, f"unclosed: {parser.stack}"
    return parser.tags


def all_text(element: ET.Element) -> str:
    """Every text node and attribute value under element, joined by spaces."""
    parts = []
    for node in element.iter():
        parts.extend(str(v) for v in node.attrib.values())
        parts.append(node.text or "")
        parts.append(node.tail or "")
    return " ".join(parts)


# ---- Golden files ----

# A tag: no "<" or ">" inside, which the renderer escapes in every attribute value and text.
_TAG_RE = re.compile(r"<[^<>]*>")
_OPEN_RE = re.compile(r"<([A-Za-z][\w:-]*)")
_CLOSE_RE = re.compile(r"</([A-Za-z][\w:-]*)\s*>")
_INDENT = "  "
# Markup goldens are stored one element per line; other goldens (the text report) as they are.
MARKUP_SUFFIXES = (".html", ".svg")


def _tokens(markup: str) -> list[str]:
    """Tags and the text between them, in order: joined, they are markup again."""
    tokens: list[str] = []
    position = 0
    for match in _TAG_RE.finditer(markup):
        if match.start() > position:
            tokens.append(markup[position : match.start()])
        tokens.append(match.group())
        position = match.end()
    if position < len(markup):
        tokens.append(markup[position:])
    return tokens


def _opens(token: str) -> str | None:
    """The element name when token opens an element that a later end tag closes."""
    match = _OPEN_RE.match(token)
    if match is None or token.endswith("/>") or match.group(1).lower() in VOID_TAGS:
        return None
    return match.group(1)


def _closes(token: str) -> str | None:
    match = _CLOSE_RE.fullmatch(token)
    return match.group(1) if match else None


def _plain(token: str) -> bool:
    """Written on its line as it is: a line's indentation, its end and a quote stay unambiguous."""
    return (
        bool(token)
        and not token[0].isspace()
        and not token[-1].isspace()
        and not token.startswith('"')
        and "\n" not in token
        and "\r" not in token
    )


def _as_line(token: str) -> str:
    # Anything else (a space between two spans, a newline) is written as a JSON string,
    # so whitespace the output really holds is visible in the file and in a diff.
    return token if _plain(token) else json.dumps(token, ensure_ascii=False)


def pretty_markup(markup: str) -> str:
    """The golden form of markup: one element per line, indented by depth, attributes as written.

    An element holding only plain text stays on one line (`<dt>Total for the day</dt>`); text
    with a space or newline at an end, or that starts with a quote, is a JSON string on its own
    line. Lossless: `unpretty_markup` gives the markup back character for character, and
    `check_golden` checks that it does before comparing.
    """
    tokens = _tokens(markup)
    lines: list[str] = []
    depth = 0
    i = 0
    while i < len(tokens):
        token = tokens[i]
        name = _opens(token)
        if name is not None:
            rest = tokens[i + 1 : i + 3]
            if rest[:1] and _closes(rest[0]) == name:  # an empty element
                lines.append(_INDENT * depth + token + rest[0])
                i += 2
                continue
            if len(rest) == 2 and _plain(rest[0]) and _closes(rest[1]) == name:  # text only
                lines.append(_INDENT * depth + "".join((token, *rest)))
                i += 3
                continue
            lines.append(_INDENT * depth + _as_line(token))
            depth += 1
        else:
            if _closes(token) is not None:
                depth = max(depth - 1, 0)
            lines.append(_INDENT * depth + _as_line(token))
        i += 1
    return "".join(line + "\n" for line in lines)


def unpretty_markup(text: str) -> str:
    """The markup a golden file stands for (the inverse of `pretty_markup`)."""
    pieces = []
    for line in text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"):
        stripped = line.lstrip(" ")
        pieces.append(json.loads(stripped) if stripped.startswith('"') else stripped)
    return "".join(pieces)


def golden_elements(name: str) -> list[str]:
    """The reviewed markup of tests/unit/golden/<name>, one string per top-level element."""
    blocks: list[list[str]] = []
    for line in (GOLDEN / name).read_text(encoding="utf-8").splitlines(keepends=True):
        if not line.startswith((" ", "</")) or not blocks:
            blocks.append([])
        blocks[-1].append(line)
    return [unpretty_markup("".join(block)) for block in blocks]


def golden_form(name: str, actual: str) -> str:
    """What tests/unit/golden/<name> holds for this output."""
    if not name.endswith(MARKUP_SUFFIXES):
        return actual
    pretty = pretty_markup(actual)
    if unpretty_markup(pretty) != actual:  # the file must stand for exactly this output
        raise AssertionError(f"{name}: the golden form loses part of the output; fix pretty_markup")
    return pretty


def check_golden(name: str, actual: str) -> None:
    """Compare actual with tests/unit/golden/<name> (markup in its one-element-per-line form).

    With UPDATE_GOLDEN=1 a golden that differs is rewritten and the test fails, so a rewrite
    is always reviewed (`git diff tests/unit/golden`) before it is committed; a golden that
    already matches passes.
    """
    __tracebackhide__ = True  # the message and the diff say it all
    path = GOLDEN / name
    wanted = golden_form(name, actual)
    expected = path.read_text(encoding="utf-8") if path.exists() else None
    if os.environ.get("UPDATE_GOLDEN") == "1":
        if wanted == expected:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wanted, encoding="utf-8")
        pytest.fail(
            f"tests/unit/golden/{name} was {'written' if expected is None else 'rewritten'}:"
            " review `git diff tests/unit/golden`"
            " (and `git status` for new files), commit what is intended, then run the tests"
            " again without UPDATE_GOLDEN.",
            pytrace=False,
        )
    assert expected is not None, (
        f"{path} is missing: run UPDATE_GOLDEN=1 pytest tests/unit/test_render.py, then review it"
    )
    if wanted != expected:
        diff = "\n".join(
            difflib.unified_diff(
                expected.splitlines(), wanted.splitlines(), "golden", "now", lineterm=""
            )
        )
        raise AssertionError(
            f"{name} differs from its golden file (after an intended change: UPDATE_GOLDEN=1,"
            f" then review `git diff tests/unit/golden`):\n{diff[:6000]}"
        )
