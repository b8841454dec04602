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

from . import messages
from .arithmetic import change_pct, round_mcg, round_pct
from .i18n import current_language, speaking, weekday_names
from .jsonout import comparison_to_json
from .model import WEEKDAYS
from .parse import parse
from .report import evaluate
from .results import Change, Comparison, ReportedFinding, Summary
from .rules import large_change

__all__ = ["compare", "evaluate_compare"]


def _change(before: float | None, after: float | None) -> Change:
    if before is None or after is None:
        raise ValueError("a valid report has a total for every day")
    return Change(
        current_mcg=round_mcg(before),
        proposed_mcg=round_mcg(after),
        change_mcg=round_mcg(after - before),
        change_pct=round_pct(change_pct(before, after)),
    )


def evaluate_compare(current: object, proposed: object, *, lang: str | None = None) -> Comparison:
    """`compare`, as the typed `flexdose.results.Comparison` (what the renderers read); every
    message in `lang` (None: the current language)."""
    with speaking(lang or current_language()):
        return _evaluate_compare(current, proposed)


def _evaluate_compare(current: object, proposed: object) -> Comparison:
    reports = evaluate(current), evaluate(proposed)
    summaries = reports[0].summary, reports[1].summary
    if not isinstance(summaries[0], Summary) or not isinstance(summaries[1], Summary):
        return Comparison(reports[0], reports[1], days=None, mean=None, findings=())
    # Both documents are valid, so both parse to schedules; the context picks the change limit.
    schedules = parse(current)[0], parse(proposed)[0]
    context = next((s.context for s in reversed(schedules) if s and s.context), None)
    weeks = summaries[0].week, summaries[1].week
    days = {}
    findings = []
    for index, day in enumerate(WEEKDAYS):
        before, after = weeks[0][day].daily_mcg, weeks[1][day].daily_mcg
        days[day] = _change(before, after)
        label = messages.word("day-label", day=weekday_names()[index])
        finding = large_change(before, after, context, ("week", day), label)
        if finding is not None:
            findings.append(
                ReportedFinding(finding.code, finding.severity, finding.message, finding.where)
            )
    mean = _change(summaries[0].mean_daily_mcg, summaries[1].mean_daily_mcg)
    return Comparison(reports[0], reports[1], days=days, mean=mean, findings=tuple(findings))


def compare(current: object, proposed: object, *, lang: str | None = None) -> dict[str, Any]:
    """Compare two schedule documents day by day; never raises for JSON-like input. Messages
    are in `lang` (None: the current language)."""
    return comparison_to_json(evaluate_compare(current, proposed, lang=lang))
