"""Valid HTML gate: the Nu Html Checker (vnu.jar from npm) finds no error in the built pages.

One Java run checks every page of the strict build (the vendored runtime under assets/ is not
the project's markup). Errors in markup the theme writes outside any template block, which the
project cannot change without forking Material's templates, are listed in THEME_ERRORS, each
matched by its exact message and the element it is about, with the reason; anything else fails.
Run alone: `.venv/bin/python -m pytest tests/quality/test_html_valid.py`.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
VNU_TIMEOUT_S = 300


@dataclass(frozen=True)
class ThemeError:
    """A checker error in Material's own markup that the project cannot change."""

    message: str  # the checker's message, exactly
    extract: re.Pattern[str]  # the markup it is about (from the checker's "extract")
    reason: str


# Material 9.8.1's base.html writes these two state checkboxes (the navigation drawer and the
# search overlay) with autocomplete="off" so that Firefox does not restore their checked state on
# back/forward navigation. The HTML standard allows autocomplete only on text-like inputs, hence
# the error. The inputs sit outside every overridable block of base.html: removing the attribute
# means forking the whole template, which the project does not do (overrides extend blocks only).
# The attribute is harmless to assistive technology (the inputs are hidden toggles).
THEME_ERRORS = (
    ThemeError(
        message=(
            "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
            "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
            "“search”, “tel”, “text”, “time”, “url”, or “week”."
        ),
        extract=re.compile(
            r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
            r'id="__(drawer|search)" autocomplete="off">'
        ),
        reason="Material base.html drawer/search toggles (outside any template block)",
    ),
)

pytestmark = pytest.mark.site


def is_theme_error(message: dict) -> bool:
    """Whether a checker message is one of the listed, unchangeable theme errors."""
    return any(
        message.get("message") == known.message and known.extract.search(message.get("extract", ""))
        for known in THEME_ERRORS
    )


@pytest.fixture(scope="module")
def vnu_messages(built_site: Path, pages: list[str]) -> list[dict]:
    """The checker's messages for every page, from one run of vnu.jar."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: run `make setup` (apt-get install default-jre-headless)")
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR} is missing: run `make setup` (npm ci installs vnu-jar)")
    proc = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html"]
        + [str(built_site / page) for page in pages],
        capture_output=True,
        text=True,
        timeout=VNU_TIMEOUT_S,
        check=False,
    )
    # vnu exits 1 when it reports errors; its JSON goes to stderr either way.
    try:
        return json.loads(proc.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu.jar gave no JSON report (exit {proc.returncode}):\n{proc.stderr[:4000]}")


def test_pages_are_valid_html(built_site: Path, vnu_messages: list[dict]) -> None:
    """No page has an HTML error, apart from the listed theme errors."""
    errors = [
        m
        for m in vnu_messages
        if m.get("type") in ("error", "non-document-error") and not is_theme_error(m)
    ]
    site = built_site.resolve().as_uri().removeprefix("file://")
    report = [
        f"{m.get('url', '').removeprefix('file:').removeprefix(site).lstrip('/')}"
        f":{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}: "
        f"{m.get('message')}\n    {m.get('extract', '').strip()[:200]}"
        for m in errors
    ]
    assert not errors, f"{len(errors)} HTML errors (Nu Html Checker):\n" + "\n".join(report)


def test_theme_error_filters_still_match(vnu_messages: list[dict]) -> None:
    """Each listed theme error still occurs, so a filter that matches nothing gets removed."""
    unused = [
        known.reason
        for known in THEME_ERRORS
        if not any(
            m.get("message") == known.message and known.extract.search(m.get("extract", ""))
            for m in vnu_messages
        )
    ]
    assert not unused, f"theme-error filters that match nothing any more (remove them): {unused}"
