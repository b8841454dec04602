"""The report's public shape, checked key by key (shared by the report, compare and CLI tests)."""

from __future__ import annotations

import json
import math

from flexdose.findings import CATALOGUE, SEVERITIES
from flexdose.limits import MAX_LISTED_FINDINGS
from flexdose.model import WEEKDAYS

STEP_KEYS = {"start", "end", "hours", "mcg_per_day", "mcg_per_hour", "mcg"}
PROGRAM_KEYS = {
    "daily_mcg",
    "min_mcg_per_day",
    "max_mcg_per_day",
    "ml_per_day",
    "step_count",
    "steps",
}
SUMMARY_KEYS = {
    "title",
    "programs",
    "week",
    "mean_daily_mcg",
    "ml_per_day",
    "concentration_mcg_per_ml",
    "alarm",
    "refill_by",
    "refill_margin_days",
}
ALARM_KEYS = {"days", "date", "time", "fill_date", "fill_time", "volume_ml", "alarm_ml"}
# Added to the alarm only when check was given today.
ALARM_TODAY_KEYS = {"today", "days_from_today"}


def _number(value: object, *, nullable: bool = False) -> None:
    if value is None and nullable:
        return
    assert isinstance(value, int | float), value
    assert not isinstance(value, bool), value
    assert math.isfinite(value)


def assert_report_shape(report: object, *, with_today: bool = False) -> None:
    """Fail unless `report` has exactly the documented keys and types, and is strict JSON."""
    json.dumps(report, allow_nan=False)
    assert isinstance(report, dict)
    assert set(report) == {"format", "valid", "counts", "findings", "summary"}
    assert report["format"] == "itb-flex-report/1"
    findings = report["findings"]
    assert 1 <= len(findings) <= MAX_LISTED_FINDINGS.value
    for f in findings:
        assert set(f) == {"code", "severity", "message", "where"}
        assert f["code"] in CATALOGUE
        assert f["severity"] == CATALOGUE[f["code"]][0]
        assert isinstance(f["message"], str)
        assert f["message"].strip()
        assert "\n" not in f["message"]
        assert isinstance(f["where"], str)
    ranks = [SEVERITIES.index(f["severity"]) for f in findings]
    assert ranks == sorted(ranks), "errors, then warnings, then info"
    assert findings[-1]["code"] == "not-a-programmer"
    counts = report["counts"]
    assert set(counts) == set(SEVERITIES)
    for severity in SEVERITIES:
        listed = sum(f["severity"] == severity for f in findings)
        assert counts[severity] >= listed
    assert report["valid"] is (counts["error"] == 0)
    summary = report["summary"]
    if not report["valid"]:
        assert summary is None
        return
    assert set(summary) == SUMMARY_KEYS
    assert list(summary["week"]) == list(WEEKDAYS)
    for program in summary["programs"].values():
        assert set(program) == PROGRAM_KEYS
        assert program["step_count"] == len(program["steps"])
        for step in program["steps"]:
            assert set(step) == STEP_KEYS
            for key in ("hours", "mcg_per_day", "mcg_per_hour", "mcg"):
                _number(step[key])
        assert program["steps"][-1]["end"] == "24:00"
        _number(program["ml_per_day"], nullable=True)
    for row in summary["week"].values():
        assert set(row) == {"program", "daily_mcg", "ml_per_day"}
        assert row["program"] in summary["programs"]
    _number(summary["mean_daily_mcg"])
    if summary["alarm"] is not None:
        expected = ALARM_KEYS | ALARM_TODAY_KEYS if with_today else ALARM_KEYS
        assert set(summary["alarm"]) == expected
        _number(summary["alarm"]["days"])
        if with_today:
            assert type(summary["alarm"]["days_from_today"]) is int
            assert isinstance(summary["alarm"]["today"], str)
