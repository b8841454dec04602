"""widget/web/render.css: one palette (light-dark() pairs), WCAG 2.2 AA contrast of every colour
pair the rendered markup uses in its light and its dark half, and the fallback for browsers
without light-dark()."""

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


def _blocks() -> list[tuple[tuple[str, ...], dict[str, str]]]:
    """Every rule of render.css that sets --fd- properties: (its at-rules and selector, the
    properties), in order."""
    css = re.sub(r"/\*.*?\*/", "", CSS.read_text(encoding="utf-8"), flags=re.S)
    found = []
    path: list[str] = []
    prelude_start = 0
    for match in re.finditer(r"[{}]", css):
        if match.group() == "{":
            path.append(" ".join(css[prelude_start : match.start()].split()))
        else:
            body = css[prelude_start : match.start()]
            props = dict(re.findall(r"(--fd-[\w-]+)\s*:\s*([^;]+);", body))
            if props:
                found.append((tuple(path), {k: " ".join(v.split()) for k, v in props.items()}))
            path.pop()
        prelude_start = match.end()
    return found


PAIR = re.compile(r"light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\)")
NO_LIGHT_DARK = "@supports not (color: light-dark(#000000, #ffffff))"
# CSS system colours: they follow color-scheme in every browser that has it.
SYSTEM_COLOURS = {"Canvas", "CanvasText", "GrayText"}


@pytest.fixture(scope="module")
def pairs() -> dict[str, tuple[str, str]]:
    """The one palette: each --fd- colour as (light, dark)."""
    rules = dict(_blocks())
    pairs = {}
    for name, value in rules[(":root",)].items():
        match = PAIR.fullmatch(value)
        assert match, f"{name}: {value} is not light-dark(#rrggbb, #rrggbb)"
        pairs[name] = (match.group(1), match.group(2))
    return pairs


@pytest.fixture(scope="module")
def blocks(pairs: dict[str, tuple[str, str]]) -> dict[str, dict[str, str]]:
    """The light and the dark half of the palette."""
    return {
        "light": {name: light for name, (light, _) in pairs.items()},
        "dark": {name: dark for name, (_, dark) in pairs.items()},
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


def test_the_palette_is_written_once(pairs: dict) -> None:
    """Only the palette itself, the fallback without light-dark() and the paper palette set
    --fd- colours: no second copy for a scheme (Material's slate, the system's dark)."""
    where = [path for path, _ in _blocks()]
    assert where[0] == (":root",)
    assert sorted(where[1:]) == sorted(
        [(NO_LIGHT_DARK, ":root"), ("@media print", ".fd-preview, .fd-print")]
    )
    assert pairs


def test_the_fallback_without_light_dark_sets_every_colour_from_the_system(
    pairs: dict,
) -> None:
    """Where light-dark() is unknown, every colour still has a value, from the system's colours
    (they follow color-scheme there too), so no colour is copied from the palette."""
    fallback = dict(_blocks())[(NO_LIGHT_DARK, ":root")]
    assert set(fallback) == set(pairs)
    assert set(fallback.values()) <= SYSTEM_COLOURS
    # Text-like colours on backgrounds keep full contrast: CanvasText on Canvas.
    for fg, bg, _ in PAIRS:
        assert fallback[fg] != fallback[bg], (fg, bg)


def test_every_pair_the_markup_uses_has_both_halves(pairs: dict) -> None:
    """No colour is forgotten."""
    assert {name for pair in PAIRS for name in pair[:2]} <= set(pairs)


def test_no_property_is_used_without_being_defined(pairs: dict) -> None:
    """Every var(--fd-...) the rules read has a value in the palette."""
    used = set(re.findall(r"var\((--fd-[\w-]+)\)", CSS.read_text(encoding="utf-8")))
    assert used <= set(pairs)
