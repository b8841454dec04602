"""compare(current, proposed): day-by-day change and the shared large-change rule."""

from __future__ import annotations

import json

import flexdose
from flexdose.model import WEEKDAYS
from hypothesis import given
from shapes import assert_report_shape
from strategies import documents


def week(rates: dict[str, float], origin: str | None = "spinal") -> dict:
    """A document with one constant program per distinct rate, placed on the given days."""
    programs = {f"r{r:g}": [{"start": "00:00", "mcg_per_day": r}] for r in set(rates.values())}
    doc = {"programs": programs, "week": {d: f"r{rates[d]:g}" for d in WEEKDAYS}}
    if origin:
        doc["context"] = {"origin": origin}
    return doc


SAME = dict.fromkeys(WEEKDAYS, 500)


def test_days_and_mean_show_the_change() -> None:
    """Tuesday 500 -> 600 is +100 mcg, +20%; the mean rises by 100/7."""
    result = flexdose.compare(week(SAME), week({**SAME, "tue": 600}))
    assert result["days"]["tue"] == {
        "current_mcg": 500.0,
        "proposed_mcg": 600.0,
        "change_mcg": 100.0,
        "change_pct": 20.0,
    }
    assert result["days"]["mon"]["change_mcg"] == 0
    assert result["mean"]["change_mcg"] == round(100 / 7, 3)
    assert list(result["days"]) == list(WEEKDAYS)


def test_large_change_uses_the_same_rule_as_check() -> None:
    """Spinal: 30% is within the limit, 30.2% is not; the finding points at the weekday."""
    result = flexdose.compare(week(SAME), week({**SAME, "wed": 650, "fri": 651}))
    assert [(f["code"], f["where"]) for f in result["findings"]] == [("large-change", "week.fri")]
    assert "Friday" in result["findings"][0]["message"]


def test_the_limit_follows_the_context() -> None:
    """Cerebral origin: 20% is already a large change (limit 15%)."""
    result = flexdose.compare(week(SAME, "cerebral"), week({**SAME, "tue": 600}, "cerebral"))
    assert [f["where"] for f in result["findings"]] == ["week.tue"]


def test_a_start_from_zero_has_no_percentage() -> None:
    """0 -> 100 mcg cannot be a percentage; it is still a large change."""
    zero = dict.fromkeys(WEEKDAYS, 0)
    result = flexdose.compare(week(zero), week({**zero, "mon": 100}))
    assert result["days"]["mon"]["change_pct"] is None
    assert [f["where"] for f in result["findings"]] == ["week.mon"]


def test_an_invalid_side_gives_reports_but_no_days() -> None:
    """Both reports are returned; no numbers are compared when either has errors."""
    result = flexdose.compare(week(SAME), {"programs": {}})
    assert result["proposed"]["valid"] is False
    assert (result["days"], result["mean"], result["findings"]) == (None, None, [])
    assert result["current"] == flexdose.check(week(SAME))


@given(documents(), documents())
def test_compare_never_raises_and_is_json(current: dict, proposed: dict) -> None:
    """Any two documents: two well-shaped reports and a JSON-serialisable result."""
    result = flexdose.compare(current, proposed)
    assert set(result) == {"current", "proposed", "days", "mean", "findings"}
    assert_report_shape(result["current"])
    assert_report_shape(result["proposed"])
    json.dumps(result, allow_nan=False)
    if result["days"] is not None:
        assert list(result["days"]) == list(WEEKDAYS)


def _with_phase(doc: dict, phase: str) -> dict:
    return {**doc, "context": {**doc["context"], "phase": phase}}


def test_the_limit_follows_the_phase() -> None:
    """Spinal +35%: usual at a refill (up to 40%), not during titration (30% per 24 h)."""
    before, after = week(SAME), week({**SAME, "tue": 675})
    maintenance = flexdose.compare(before, _with_phase(after, "maintenance"))
    titration = flexdose.compare(before, _with_phase(after, "titration"))
    unknown = flexdose.compare(before, after)
    assert maintenance["findings"] == []
    assert [f["where"] for f in titration["findings"]] == ["week.tue"]
    assert [f["where"] for f in unknown["findings"]] == ["week.tue"]
    assert "At a refill" not in titration["findings"][0]["message"]


def test_a_fall_at_a_refill_has_its_own_limit() -> None:
    """Maintenance: a fall of more than 20% is a large change, even for spinal origin."""
    before = _with_phase(week(SAME), "maintenance")
    after = _with_phase(week({**SAME, "wed": 399, "thu": 400}), "maintenance")
    result = flexdose.compare(before, after)
    assert [f["where"] for f in result["findings"]] == ["week.wed"]
    assert "fall of more than 20%" in result["findings"][0]["message"]
