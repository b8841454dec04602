"""The browser layer (widget/web/*.js): its Node tests, and its agreement with flexdose.

The widget restates no limit, choice or sentence of its own: it reads them from
``flexdose.form.form_spec()``. These tests fail when the page asks for a label, message or limit
that flexdose does not provide, and run the pure document edits' tests in Node's own runner.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "widget" / "web"
MODULES = sorted(WEB.glob("*.js"))


def test_node_suite_passes() -> None:
    """node --test tests/js: the document edits, with no browser."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: run `make setup`")
    proc = subprocess.run(
        [node, "--test", str(ROOT / "tests" / "js")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert re.search(r"^# pass [1-9]", proc.stdout, re.M), proc.stdout[-2000:]


def _used(pattern: str) -> set[str]:
    found: set[str] = set()
    for path in MODULES:
        found |= set(re.findall(pattern, path.read_text("utf-8")))
    return found


def test_every_label_and_message_the_page_reads_is_in_flexdose() -> None:
    from flexdose.form import form_spec

    spec = form_spec()
    labels = _used(r"\bL\.([a-z_]+)") | _used(r"spec\.labels\.([a-z_]+)")
    messages = _used(r"\bM\.([a-z_]+)") | _used(r"spec\.messages\.([a-z_]+)")
    assert labels, "the scan found no label: the pattern is out of date"
    assert sorted(labels - set(spec["labels"])) == []
    assert sorted(messages - set(spec["messages"])) == []
    from flexdose.widget_text import STARTUP

    startup = _used(r"\btext\.([a-z_]+)")
    assert startup, "the scan found no start-up sentence: the pattern is out of date"
    assert sorted(startup - set(STARTUP)) == []
    for group in ("limits", "steps", "hints", "choices"):
        keys = _used(rf"spec\.{group}\.([a-z_]+)")
        assert sorted(keys - set(spec[group])) == [], group


def test_the_page_restates_no_limit() -> None:
    """No maxlength, step count or reservoir size typed into the browser layer."""
    for path in MODULES:
        text = path.read_text("utf-8")
        assert not re.search(r"maxlength:\s*\d", text), path.name
        assert not re.search(r"\b(TITLE|NAME)_MAX", text), path.name
        assert "20 mL" not in text, path.name
        assert "40 mL" not in text, path.name


# Program names the form's where paths must write as flexdose does: identifiers and not, quotes,
# backslashes, control characters, non-ASCII, the line separator.
AWKWARD_NAMES = [
    "everyday",
    "_x9",
    "9x",
    "my plan",
    'say "hi"',
    "back\\slash",
    "a\nb",
    "été",
    "\u2028",
]


def test_the_form_writes_where_paths_as_flexdose_does() -> None:
    """doc-edits.js's programPath/stepPath (its form's field keys) equal paths.format_where."""
    from flexdose.paths import format_where

    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: run `make setup`")
    edits = (WEB / "doc-edits.js").as_uri()
    script = (
        f'import {{ programPath, stepPath }} from "{edits}";'
        f"const names = {json.dumps(AWKWARD_NAMES)};"
        "console.log(JSON.stringify(names.map((n) => "
        '[programPath(n), stepPath(n, 2), stepPath(n, 0, "start")])));'
    )
    proc = subprocess.run(
        [node, "--input-type=module", "-e", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=60,
    )
    expected = [
        [
            format_where(("programs", n)),
            format_where(("programs", n, 2)),
            format_where(("programs", n, 0, "start")),
        ]
        for n in AWKWARD_NAMES
    ]
    assert json.loads(proc.stdout) == expected


def test_the_page_reads_no_where_path() -> None:
    """Finding links and field marks come with flexdose's data (paths.goto_data, view.fields):
    no module takes a where path apart (no regex on it, no slicing at its dots and brackets)."""
    for path in MODULES:
        text = path.read_text("utf-8")
        assert "^programs" not in text, path.name
        assert 'lastIndexOf("[")' not in text, path.name
