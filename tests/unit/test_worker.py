"""widget/web/worker.py, the Pyodide worker entry: JSON text in and out, no rules of its own.

Imported from its file (it is not part of the wheel); skipped where the file is not there (the
in-Pyodide run copies only the package and its unit tests).
"""

from __future__ import annotations

import datetime
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import flexdose
import pytest
from flexdose import samples

WORKER = Path(__file__).resolve().parents[2] / "widget" / "web" / "worker.py"
if not WORKER.is_file():
    pytest.skip("widget/web/worker.py is not in this copy of the tests", allow_module_level=True)

_spec = importlib.util.spec_from_file_location("itb_flex_worker", WORKER)
assert _spec is not None
assert _spec.loader is not None
worker = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(worker)

WITH_FILL = json.dumps(samples.load_example("with-fill"))
THERAPY_WEEK = json.dumps(samples.load_example("therapy-week"))


def test_every_exported_name_is_a_function() -> None:
    """__export__ lists what the page may call, and each is there."""
    for name in ["form_spec", "parse_clock", "convert_rate", "view", "report"]:
        assert name in worker.__export__
    for name in worker.__export__:
        assert callable(getattr(worker, name)), name


def test_form_spec_is_flexdose_form_spec_as_json() -> None:
    """JSON text of flexdose.form_spec()."""
    assert json.loads(worker.form_spec()) == flexdose.form_spec()


@pytest.mark.parametrize(("text", "expected"), [("2100", {"value": "21:00"}), ("25:00", None)])
def test_parse_clock_is_json_text(text: str, expected: dict | None) -> None:
    """{"value": ...} or {"error": ...}, as flexdose.parse_clock."""
    result = json.loads(worker.parse_clock(text))
    assert result == flexdose.parse_clock(text)
    if expected is not None:
        assert result == expected
    else:
        assert "error" in result


def test_convert_rate_is_a_number() -> None:
    """600 mcg/day is 25 mcg/hour."""
    assert worker.convert_rate(600, "mcg_per_day", "mcg_per_hour") == 25.0


class TestReport:
    """report(document_json, today="")."""

    def test_without_today_it_is_check(self) -> None:
        """Unchanged behaviour for callers that pass only the document."""
        assert json.loads(worker.report(WITH_FILL)) == flexdose.check(json.loads(WITH_FILL))

    def test_today_is_passed_to_check(self) -> None:
        """ "YYYY-MM-DD" adds the date checks."""
        result = json.loads(worker.report(WITH_FILL, "2027-05-01"))
        expected = flexdose.check(json.loads(WITH_FILL), today=datetime.date(2027, 5, 1))
        assert result == expected
        assert "alarm-passed" in [f["code"] for f in result["findings"]]

    @pytest.mark.parametrize("bad", ["2027-02-30", "1/5/2027", "today"])
    def test_a_bad_today_raises(self, bad: str) -> None:
        """The page sends dates it made itself: a bad one is a bug, so it fails loudly."""
        with pytest.raises(ValueError, match="YYYY-MM-DD"):
            worker.report(WITH_FILL, bad)


class TestView:
    """view(document_json, program, now_minutes, id_prefix, weekday="", today="")."""

    def test_the_old_four_arguments_still_work(self) -> None:
        """Report and parts; the marker on the chart as before."""
        result = json.loads(worker.view(THERAPY_WEEK, "therapy", 600, "w1"))
        assert set(result) == {
            "report",
            "chart",
            "steps",
            "week",
            "totals",
            "findings",
            "today_program",
            "fields",
        }
        assert result["today_program"] is None
        assert "fd-now" in result["chart"]

    def test_the_marker_only_on_todays_program(self) -> None:
        """Monday runs everyday, so therapy's chart has no now line; today_program says so."""
        result = json.loads(worker.view(THERAPY_WEEK, "therapy", 600, "w1", "mon", "2026-12-07"))
        assert "fd-now" not in result["chart"]
        assert result["today_program"] == "everyday"
        tuesday = json.loads(worker.view(THERAPY_WEEK, "therapy", 600, "w1", "tue", "2026-12-08"))
        assert "fd-now" in tuesday["chart"]

    def test_each_finding_names_the_form_fields_to_mark(self) -> None:
        """The page marks the first of these its form has: it never reads a path itself."""
        doc = json.dumps(
            {"programs": {"my plan": [{"start": "00:00", "mcg_per_day": 1, "mg_per_day": 1}]}}
        )
        result = json.loads(worker.view(doc, "my plan", -1, "w1"))
        wheres = {f["where"] for f in result["report"]["findings"] if f["where"]}
        assert set(result["fields"]) == wheres
        assert result["fields"]['programs["my plan"][0].mg_per_day'] == [
            'programs["my plan"][0].mg_per_day',
            'programs["my plan"][0]',
            'programs["my plan"]',
            "programs",
        ]

    def test_today_reaches_the_report_and_the_totals(self) -> None:
        """The alarm is counted from today in the report and in the totals HTML."""
        result = json.loads(worker.view(WITH_FILL, "everyday", -1, "w1", "wed", "2026-12-02"))
        assert result["report"]["summary"]["alarm"]["days_from_today"] == 144
        assert "144 days from today" in result["totals"]
        assert "fd-now" not in result["chart"]


# ---- take: what a portal's schedule gets (the same limits and answer as `flexdose check`) ----

CLI = Path(sys.executable).parent / "flexdose"


def _cli_check_json(text: str, today: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLI), "check", "--json", "--today", today, "-"],
        input=text,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.mark.skipif(not CLI.is_file(), reason="the flexdose CLI is not installed in this venv")
@pytest.mark.parametrize("name", samples.example_names())
def test_take_gives_the_cli_report_byte_for_byte(name: str) -> None:
    """The report text is exactly what `flexdose check --json` prints (500.0 stays 500.0)."""
    text = json.dumps(samples.load_example(name))
    taken = json.loads(worker.take(text, "2026-12-02"))
    assert list(taken) == ["report"]
    assert taken["report"] == _cli_check_json(text, "2026-12-02").stdout


@pytest.mark.skipif(not CLI.is_file(), reason="the flexdose CLI is not installed in this venv")
@pytest.mark.parametrize(
    "text",
    [
        "[" * 40 + "]" * 40,  # deeper than MAX_NESTING
        '{"programs": ' + " " * 1_000_001 + "{}}",  # longer than MAX_INPUT_CHARS
        '{"programs": NaN}',  # not strict JSON
        '{"a": 1, "a": 2}',  # a duplicate name
    ],
    ids=["too-deep", "too-long", "nan", "duplicate"],
)
def test_take_refuses_what_the_cli_refuses_with_the_same_sentence(text: str) -> None:
    taken = json.loads(worker.take(text, ""))
    assert list(taken) == ["refused"]
    cli = _cli_check_json(text, "2026-12-02")
    assert cli.returncode == 2
    assert cli.stdout == ""
    # The CLI says where the text came from first ("flexdose: standard input: ...").
    assert cli.stderr.strip() == f"flexdose: standard input: {taken['refused']}"


@pytest.mark.parametrize("value", [[1], "text", 5, None, True])
def test_take_refuses_a_value_that_is_not_a_schedule_object(value: object) -> None:
    """A list or a number has a report, but no schedule the widget could show: refused, with
    flexdose's own sentence for it (the invalid-document finding)."""
    taken = json.loads(worker.take(json.dumps(value), ""))
    report = flexdose.check(value)
    assert taken == {"refused": report["findings"][0]["message"]}
    assert report["findings"][0]["code"] == "invalid-document"


def test_take_and_parse_error_refuse_a_schedule_too_large_to_draw() -> None:
    """More programs than any pump schedule: the CLI's report has it as its one error; the
    widget cannot draw a form for it, so a portal's load and a file are refused with that
    same sentence."""
    programs = {f"p{i}": [{"start": "00:00", "mcg_per_day": 100}] for i in range(1000)}
    text = json.dumps({"programs": programs})
    sentence = flexdose.check(json.loads(text))["findings"][0]["message"]
    assert json.loads(worker.take(text, "")) == {"refused": sentence}
    assert worker.parse_error(text) == sentence
    assert worker.parse_error(WITH_FILL) == ""
