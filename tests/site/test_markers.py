"""The one parser of `<!-- flexdose:KIND ... -->` markers: every kind, every mistake, one message.

The parser's tests need no build; the last test runs a strict MkDocs build of one small page with
the site's marker hook, so a bad marker is shown to stop a real build (with its message).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import pages  # hooks/ (pytest's pythonpath)
from sitebuild.markers import KINDS, MarkerError, find_markers

ROOT = Path(__file__).resolve().parents[2]


def test_every_kind_reads_as_the_docs_write_it() -> None:
    page = (
        "<!-- flexdose:example day-night program=therapy -->\n"
        "<!-- flexdose:example-json with-fill -->\n"
        "<!-- flexdose:limits -->\n<!-- flexdose:findings -->\n"
        "<!-- flexdose:safety signs overdose -->\n"
        "<!-- flexdose:widget example=day-night -->\n"
        "Above <!-- flexdose:limit DAILY_CEILING_MCG --> mcg/day.\n"
    )
    found = find_markers(page, "p.md")
    assert [m.kind for m in found] == [
        "example",
        "example-json",
        "limits",
        "findings",
        "safety",
        "widget",
        "limit",
    ]
    assert (found[0].name, found[0].options) == ("day-night", {"program": "therapy"})
    assert found[1].name == "with-fill"
    assert found[4].words == ("signs", "overdose")
    assert found[5].options == {"example": "day-night"}
    assert found[6].words == ("DAILY_CEILING_MCG",)
    assert [m.at for m in found] == [f"p.md, line {n}" for n in range(1, 8)]
    assert {m.kind for m in found} == set(KINDS)


@pytest.mark.parametrize(
    ("marker", "message"),
    [
        # The case: a mistyped option beside a good marker no longer ships silently.
        (
            "<!-- flexdose:widget exampel=day-night -->",
            r"flexdose:widget has no option exampel \(options: example=\)"
            r".*Write it as flexdose:widget example=NAME",
        ),
        ("<!-- flexdose:widget day-night -->", r"cannot read 'day-night'.*example=NAME"),
        ("<!-- flexdose:widget -->", r"it needs example=\. Write it as flexdose:widget"),
        ("<!-- flexdose:widget example= -->", r"'example=' has no value"),
        ("<!-- flexdose:widget example=Day_Night -->", r"'Day_Night' is not an example name"),
        ("<!-- flexdose:example -->", r"it needs an example name.*flexdose:example NAME"),
        ("<!-- flexdose:example a b -->", r"cannot read 'b'"),
        ("<!-- flexdose:example a program=x program=y -->", r"'program' is given twice"),
        ("<!-- flexdose:example a example=b -->", r"'example' is given twice"),
        ("<!-- flexdose:example-json a program=x -->", r"has no option program \(options: none\)"),
        ("<!-- flexdose:limits all -->", r"cannot read 'all'.*Write it as flexdose:limits\."),
        ("<!-- flexdose:findings x=1 -->", r"flexdose:findings has no option x"),
        ("<!-- flexdose:exampel day-night -->", r"unknown marker 'flexdose:exampel'.*Markers: "),
        ("<!-- flexdose: widget example=a -->", r"unknown marker 'flexdose:'"),
    ],
)
def test_a_bad_marker_names_page_line_marker_and_what_is_accepted(
    marker: str, message: str
) -> None:
    page = f"# Title\n\n<!-- flexdose:limits -->\n\n{marker}\n"
    with pytest.raises(MarkerError, match=rf"^flex\.md, line 5: .*{message}") as caught:
        find_markers(page, "flex.md")
    assert marker in str(caught.value)


def test_the_unknown_kind_message_lists_every_kind() -> None:
    with pytest.raises(MarkerError) as caught:
        find_markers("<!-- flexdose:chart day-night -->", "p.md")
    for kind in KINDS.values():
        assert kind.usage in str(caught.value)


def test_markers_in_fenced_code_are_text_and_others_are_not_markers() -> None:
    page = (
        "```markdown\n<!-- flexdose:exampel x -->\n```\n\n"
        "~~~\n<!-- flexdose:widget exampel=x -->\n~~~\n\n"
        "<!-- a plain comment --> <!-- flexdosing notes -->\n"
    )
    assert find_markers(page, "p.md") == []


def test_a_widget_marker_with_a_mistyped_twin_fails_the_page() -> None:
    """The issue's case through the dispatcher: a good widget marker does not hide a bad one."""
    page = (
        "<!-- flexdose:widget example=day-night -->\n\n<!-- flexdose:widget exampel=constant -->\n"
    )
    with pytest.raises(MarkerError, match=r"^p\.md, line 3: .*no option exampel"):
        pages.expand_markers(page, "p.md", None)


def test_a_limit_marker_is_the_limits_value_inside_the_sentence() -> None:
    """A page that explains a limit in words quotes flexdose.limits, so it follows a change."""
    from flexdose.limits import DAILY_CEILING_MCG, USUAL_DAILY_MCG_SPINAL

    page = (
        "Above <!-- flexdose:limit DAILY_CEILING_MCG --> mcg/day; spinal "
        "<!-- flexdose:limit USUAL_DAILY_MCG_SPINAL --> mcg/day.\n"
    )
    low, high = USUAL_DAILY_MCG_SPINAL.value
    assert pages.expand_markers(page, "p.md", None).markdown == (
        f"Above {DAILY_CEILING_MCG.value:g} mcg/day; spinal {low:g} to {high:g} mcg/day.\n"
    )


@pytest.mark.parametrize("words", ["", "DAILY_CEILING", "DAILY_CEILING_MCG MAX_PROGRAMS"])
def test_a_limit_marker_without_one_known_name_fails_with_the_names(words: str) -> None:
    with pytest.raises(MarkerError, match=r"^p\.md, line 1: flexdose:limit takes one limit's name"):
        pages.expand_markers(f"<!-- flexdose:limit {words} -->", "p.md", None)
    with pytest.raises(MarkerError, match=r"Known limits: .*DAILY_CEILING_MCG"):
        pages.expand_markers(f"<!-- flexdose:limit {words} -->", "p.md", None)


def test_the_clinicians_page_quotes_the_limits_it_explains() -> None:
    """The page's prose on the preview's warnings takes its numbers from flexdose.limits."""
    text = (ROOT / "docs" / "clinicians.md").read_text("utf-8")
    for name in (
        "USUAL_DAILY_MCG_SPINAL",
        "DAILY_CEILING_MCG",
        "MAX_CHANGE_PCT_SPINAL",
        "MAINTENANCE_MAX_FALL_PCT",
        "MAX_CHANGES_PER_DAY",
        "FORM_MAX_STEPS",
    ):
        assert f"<!-- flexdose:limit {name} -->" in text


def test_an_unknown_safety_block_fails_with_the_blocks() -> None:
    with pytest.raises(MarkerError, match=r"^p\.md, line 1: unknown safety block sings"):
        pages.expand_markers("<!-- flexdose:safety sings overdose -->", "p.md", None)


@pytest.mark.site
def test_a_bad_marker_stops_a_strict_build(tmp_path: Path) -> None:
    """MkDocs itself, with the site's marker hook, on one page with a mistyped widget marker."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(
        "# Page\n\n<!-- flexdose:limits -->\n\n<!-- flexdose:widget exampel=day-night -->\n",
        "utf-8",
    )
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: t\nhooks:\n  - {ROOT / 'hooks' / 'pages.py'}\n", "utf-8"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", "out"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode != 0
    output = proc.stdout + proc.stderr
    assert "index.md, line 5: <!-- flexdose:widget exampel=day-night -->" in output
    assert "flexdose:widget has no option exampel" in output
    assert "Traceback" not in output  # the message alone, as MkDocs reports a plugin's error
    assert not (tmp_path / "out" / "index.html").exists()
