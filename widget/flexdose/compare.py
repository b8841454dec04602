"""`compare(current, proposed)`: the widget's review screen, old and new side by side.

Result keys (public API):

- ``current``, ``proposed``: the two reports, exactly as `flexdose.check` returns them.
- ``days``: ``"mon"`` .. ``"sun"`` -> ``{"current_mcg", "proposed_mcg", "change_mcg",
  "change_pct"}`` (``change_pct`` null when the current day is 0 mcg); null when either report is
  invalid.
- ``mean``: the same four keys for the mean daily total; null when either report is invalid.
- ``findings``: ``large-change`` warnings (``where`` is ``week.<day>``), from the same rule
  `check` uses against ``context.current_mcg_per_day``; the limit follows the proposed schedule's
  context (else the current one's).
"""

from __future__ import annotations

from typing import Any

from .model import WEEKDAY_NAMES, WEEKDAYS
from .parse import parse
from .report import check
from .rules import change_pct, large_change
from .summary import round_mcg, round_pct

__all__ = ["compare"]


def _row(before: float, after: float) -> dict[str, float | None]:
    return {
        "current_mcg": round_mcg(before),
        "proposed_mcg": round_mcg(after),
        "change_mcg": round_mcg(after - before),
        "change_pct": round_pct(change_pct(before, after)),
    }


def compare(current: object, proposed: object) -> dict[str, Any]:
    """Compare two schedule documents day by day; never raises for JSON-like input."""
    reports = check(current), check(proposed)
    result: dict[str, Any] = {
        "current": reports[0],
        "proposed": reports[1],
        "days": None,
        "mean": None,
        "findings": [],
    }
    if not (reports[0]["valid"] and reports[1]["valid"]):
        return result
    # Both documents are valid, so both parse to schedules; the context picks the change limit.
    schedules = parse(current)[0], parse(proposed)[0]
    context = next((s.context for s in reversed(schedules) if s and s.context), None)
    weeks = reports[0]["summary"]["week"], reports[1]["summary"]["week"]
    days = {}
    findings = []
    for day in WEEKDAYS:
        before, after = weeks[0][day]["daily_mcg"], weeks[1][day]["daily_mcg"]
        days[day] = _row(before, after)
        finding = large_change(before, after, context, ("week", day), WEEKDAY_NAMES[day])
        if finding is not None:
            findings.append(finding.to_dict())
    result["days"] = days
    result["mean"] = _row(
        reports[0]["summary"]["mean_daily_mcg"], reports[1]["summary"]["mean_daily_mcg"]
    )
    result["findings"] = findings
    return result
