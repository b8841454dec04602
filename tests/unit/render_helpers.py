"""Shared helpers for the render tests: example reports, markup parsing, golden files."""

from __future__ import annotations

import difflib
import json
import os
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import flexdose

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


def check_golden(name: str, actual: str) -> None:
    """Compare actual with tests/unit/golden/<name>; UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"{path} is missing: run UPDATE_GOLDEN=1 pytest tests/unit/test_render.py"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        # Markup is one long line: split at tags so the diff points at the element that changed.
        def lines(text: str) -> list[str]:
            return text.replace("><", ">\n<").splitlines()

        diff = "\n".join(
            difflib.unified_diff(lines(expected), lines(actual), "golden", "now", lineterm="", n=2)
        )
        raise AssertionError(
            f"{name} differs from its golden file (UPDATE_GOLDEN=1 to accept):\n{diff[:6000]}"
        )
