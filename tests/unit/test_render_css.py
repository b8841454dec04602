"""widget/web/render.css: WCAG 2.2 AA contrast of every colour pair the rendered markup uses,
in light and dark, and the same dark palette for Material's slate scheme and the system setting."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

CSS = Path(__file__).resolve().parents[2] / "widget" / "web" / "render.css"

# The in-Pyodide run copies the package and tests/unit, not widget/web: the tests are collected
# there (same ids as on CPython) and skipped.
pytestmark = pytest.mark.skipif(
    sys.platform == "emscripten", reason="render.css is not part of the in-Pyodide suite"
)

TEXT = 4.5  # WCAG 2.2 SC 1.4.3, normal text
GRAPHIC = 3.0  # WCAG 2.2 SC 1.4.11, chart lines, bars, focus rings

# (foreground, background, minimum): every pairing the markup puts on screen.
PAIRS = [
    ("--fd-text", "--fd-surface", TEXT),
    ("--fd-text", "--fd-stripe", TEXT),
    ("--fd-muted", "--fd-surface", TEXT),
    ("--fd-muted", "--fd-stripe", TEXT),
    ("--fd-text", "--fd-block", TEXT),  # amount labels inside blocks
    ("--fd-line", "--fd-surface", GRAPHIC),  # the step line carries the chart's shape
    ("--fd-line", "--fd-block", GRAPHIC),
    ("--fd-axis", "--fd-surface", GRAPHIC),
    ("--fd-now", "--fd-surface", TEXT),  # the "Now" label is text
    ("--fd-now", "--fd-block", GRAPHIC),  # the now line crosses blocks
    ("--fd-bar", "--fd-surface", GRAPHIC),
    ("--fd-bar", "--fd-track", GRAPHIC),
    ("--fd-link", "--fd-surface", TEXT),
    ("--fd-text", "--fd-safety-bg", TEXT),
    ("--fd-safety-edge", "--fd-safety-bg", GRAPHIC),
    ("--fd-error", "--fd-error-bg", TEXT),
    ("--fd-warning", "--fd-warning-bg", TEXT),
    ("--fd-info", "--fd-info-bg", TEXT),
    ("--fd-text", "--fd-error-bg", TEXT),
    ("--fd-text", "--fd-warning-bg", TEXT),
    ("--fd-text", "--fd-info-bg", TEXT),
    ("--fd-link", "--fd-error-bg", TEXT),  # "Go to the field" sits inside each finding
    ("--fd-link", "--fd-warning-bg", TEXT),
    ("--fd-link", "--fd-info-bg", TEXT),
]


def _blocks() -> dict[str, dict[str, str]]:
    """The custom-property blocks of render.css keyed by their selector."""
    css = re.sub(r"/\*.*?\*/", "", CSS.read_text(encoding="utf-8"), flags=re.S)
    blocks = {}
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*--fd-[^{}]*)\}", css):
        props = dict(re.findall(r"(--fd-[\w-]+)\s*:\s*([^;]+);", body))
        blocks[" ".join(selector.split())] = {k: v.strip() for k, v in props.items()}
    return blocks


@pytest.fixture(scope="module")
def blocks() -> dict[str, dict[str, str]]:
    """Light, dark (slate or data-theme) and dark-by-system palettes."""
    found = _blocks()
    return {
        "light": found[':root, [data-md-color-scheme="default"], [data-theme="light"]'],
        "dark": found['[data-md-color-scheme="slate"], [data-theme="dark"]'],
        "dark-by-system": found[':root:not([data-theme="light"])'],
    }


def _luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula() -> None:
    """Black on white is 21:1; a colour on itself 1:1."""
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#3949ab", "#3949ab") == pytest.approx(1)


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_every_pair_meets_wcag_aa(blocks: dict, palette: str) -> None:
    """Text 4.5:1, graphics 3:1, in both palettes (all failures listed at once)."""
    colours = blocks[palette]
    failures = []
    for fg, bg, minimum in PAIRS:
        ratio = contrast(colours[fg], colours[bg])
        if ratio < minimum:
            failures.append(f"{fg} {colours[fg]} on {bg} {colours[bg]}: {ratio:.2f} < {minimum}")
    assert not failures, f"{palette}: " + "; ".join(failures)


def test_dark_palettes_agree(blocks: dict) -> None:
    """Material's slate toggle and the system's dark setting give the same colours."""
    assert blocks["dark"] == blocks["dark-by-system"]


def test_both_palettes_define_the_same_properties(blocks: dict) -> None:
    """No colour is forgotten in one palette."""
    assert set(blocks["light"]) == set(blocks["dark"])
    assert {name for pair in PAIRS for name in pair[:2]} <= set(blocks["light"])


def test_no_property_is_used_without_being_defined(blocks: dict) -> None:
    """Every var(--fd-...) the rules read has a value in the light palette."""
    used = set(re.findall(r"var\((--fd-[\w-]+)\)", CSS.read_text(encoding="utf-8")))
    assert used <= set(blocks["light"])
