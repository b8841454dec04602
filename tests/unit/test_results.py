"""The typed results and their one JSON edge: what `check` returns is what `evaluate` builds,
written by `jsonout`; a report's JSON read back renders exactly as the typed report does; and the
modules keep the one-way flow (the arithmetic below both the rules and the summary)."""

from __future__ import annotations

import ast
import datetime
import importlib.util
from pathlib import Path

import flexdose
import pytest
from flexdose import render, samples
from flexdose.compare import evaluate_compare
from flexdose.jsonout import (
    comparison_from_json,
    comparison_to_json,
    report_from_json,
    report_to_json,
    summary_from_json,
    summary_to_json,
)
from flexdose.report import evaluate
from flexdose.results import Report, Summary

TODAY = datetime.date(2026, 12, 3)
EXAMPLES = samples.example_names()
INVALID = {"programs": {"day": [{"start": "07:00", "mcg_per_day": -5}]}}


def _typed(name: str, today: datetime.date | None = None) -> Report:
    return evaluate(samples.load_example(name), today=today)


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("today", [None, TODAY])
def test_check_is_the_typed_report_as_json(name: str, today: datetime.date | None) -> None:
    """One builder: check() is evaluate() through jsonout, key for key."""
    document = samples.load_example(name)
    assert flexdose.check(document, today=today) == report_to_json(evaluate(document, today=today))


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("today", [None, TODAY])
def test_the_json_reads_back_to_the_same_report(name: str, today: datetime.date | None) -> None:
    """What a portal received, read back, is the report it was written from (dates and times
    included), so a renderer draws the same picture from either."""
    report = _typed(name, today)
    assert report_from_json(report_to_json(report)) == report
    assert report.summary is not None
    assert summary_from_json(summary_to_json(report.summary) or {}) == report.summary


def test_dates_are_dates_and_times_are_minutes() -> None:
    """Inside flexdose the alarm is a date and minutes; the JSON has ISO text and HH:MM."""
    report = _typed("with-fill", TODAY)
    summary = report.summary
    assert isinstance(summary, Summary)
    alarm = summary.alarm
    assert alarm is not None
    assert isinstance(alarm.date, datetime.date)
    assert isinstance(summary.refill_by, datetime.date)
    assert summary.refill_by == alarm.date - datetime.timedelta(days=summary.refill_margin_days)
    assert alarm.days_from_today == (alarm.date - TODAY).days
    written = report_to_json(report)["summary"]["alarm"]
    assert written["date"] == alarm.date.isoformat()
    assert written["time"] == f"{alarm.time_minutes // 60:02d}:{alarm.time_minutes % 60:02d}"
    assert written["today"] == TODAY.isoformat()


@pytest.mark.parametrize("name", EXAMPLES)
def test_renders_the_same_from_the_typed_report_and_from_its_json(name: str) -> None:
    report = _typed(name, TODAY)
    as_json = report_to_json(report)
    assert report.summary is not None
    for program in report.summary.programs:
        assert render.widget_parts(report, program, now_minutes=600) == render.widget_parts(
            as_json, program, now_minutes=600
        )
    assert render.preview_html(report) == render.preview_html(as_json)
    assert render.text_report(report) == render.text_report(as_json)
    assert render.print_html(report) == render.print_html(as_json)


def test_an_invalid_report_has_no_summary_either_way() -> None:
    report = evaluate(INVALID)
    assert not report.valid
    assert report.summary is None
    assert report_from_json(report_to_json(report)) == report


def test_a_comparison_reads_back_and_renders_the_same() -> None:
    current = samples.load_example("constant")
    proposed = samples.load_example("day-night")
    comparison = evaluate_compare(current, proposed)
    assert comparison.days is not None
    as_json = comparison_to_json(comparison)
    assert as_json == flexdose.compare(current, proposed)
    assert comparison_from_json(as_json) == comparison
    assert render.compare_html(comparison) == render.compare_html(as_json)


def test_a_valid_report_with_a_broken_summary_is_refused_by_name() -> None:
    """A portal's JSON that claims to be valid but has no steps: ValueError, not a KeyError
    from deep inside a renderer."""
    broken = {"valid": True, "findings": [], "summary": {"programs": {"p": {"daily_mcg": 1}}}}
    with pytest.raises(ValueError, match="not a flexdose report summary"):
        render.totals_html(broken)


# ---- the one-way flow ----


def _imports(module: str) -> set[str]:
    """The flexdose modules `flexdose.<module>` imports (relative imports, by name)."""
    spec = importlib.util.find_spec(f"flexdose.{module}")
    assert spec is not None
    assert spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize(
    ("module", "above"),
    [
        ("arithmetic", {"rules", "summary", "report", "results", "jsonout", "render"}),
        ("results", {"rules", "summary", "report", "jsonout", "render"}),
        ("rules", {"summary", "report", "jsonout", "render"}),
        ("summary", {"rules", "report", "jsonout", "render"}),
        ("jsonout", {"rules", "summary", "report", "render"}),
    ],
)
def test_no_module_imports_a_layer_above_it(module: str, above: set[str]) -> None:
    """input -> parse -> arithmetic -> (rules, summary) -> report -> render, one way."""
    assert not _imports(module) & above
