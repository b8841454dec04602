"""`check(document)`: the report, flexdose's public JSON (what `flexdose check --json` prints).

The keys below are public API: the widget, the site build and portals read them. Add keys only in
a new format version.

Report (`"format": "itb-flex-report/1"`):

- ``format``: ``"itb-flex-report/1"``.
- ``valid``: true when no finding has severity ``"error"``.
- ``counts``: ``{"error": n, "warning": n, "info": n}``, counting every finding found, including
  those left out of the list and the ``more-findings`` note itself.
- ``findings``: list of ``{"code", "severity", "message", "where"}``: errors, then warnings, then
  info, each group in document order; at most MAX_LISTED_FINDINGS (100) entries. When more were
  found, the list ends with one ``more-findings`` note saying how many are not shown, then
  ``not-a-programmer``, which every report ends with. ``where`` is a JSON path such as
  ``programs.everyday[2].start`` or ``programs["my plan"][0]`` (``""`` is the whole document).
- ``summary``: null whenever ``valid`` is false, else:

  - ``title``: the schedule's name or null.
  - ``programs``: name -> ``{"daily_mcg", "min_mcg_per_day", "max_mcg_per_day", "ml_per_day",
    "step_count", "steps"}``; each step ``{"start", "end", "hours", "mcg_per_day",
    "mcg_per_hour", "mcg"}`` (``end`` of the last step is ``"24:00"``; ``mcg`` is what the step
    delivers in its hours). Programs appear in document order.
  - ``week``: ``"mon"`` .. ``"sun"`` in order -> ``{"program", "daily_mcg", "ml_per_day"}``.
  - ``mean_daily_mcg``: mean of the 7 weekday totals.
  - ``ml_per_day``: that mean in mL (null without ``drug.concentration_mcg_per_ml``).
  - ``concentration_mcg_per_ml``: number or null.
  - ``alarm``: null (no fill or drug given, every dose zero, or the alarm more than
    ALARM_HORIZON_DAYS away), else ``{"days", "date", "time", "fill_date", "fill_time",
    "volume_ml", "alarm_ml"}``: when the low-reservoir alarm would sound (time rounded down to
    the minute).
    When ``check`` is given ``today``, the alarm also has ``today`` (that date, ISO) and
    ``days_from_today``: whole calendar days from today to the alarm date (0 on the day itself,
    negative once it has passed). Without ``today`` these two keys are absent.
  - ``refill_by``: the alarm date minus ``refill_margin_days`` (ISO date) or null.
  - ``refill_margin_days``: REFILL_MARGIN_DAYS (7).

Findings that need ``today`` (``fill-in-future``, ``alarm-passed``) appear only when it is given,
so a report without it depends on the document alone.

Numbers are rounded: mcg and mcg/day to 3 decimals, mL to 4, hours to 4, days to 3.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Mapping
from typing import Any

from . import messages
from .findings import SEVERITIES, Finding, sort_findings
from .i18n import current_language, speaking
from .jsonout import REPORT_FORMAT, report_json, report_to_json
from .limits import MAX_LISTED_FINDINGS
from .load import UnreadableInput, parse_json
from .numbers import fmt_number
from .parse import parse, too_large
from .results import Report, ReportedFinding
from .rules import check_schedule, check_summary, not_a_programmer
from .summary import summarize

__all__ = ["REPORT_FORMAT", "check", "check_text", "evaluate", "list_findings"]


def list_findings(document: object, findings: list[Finding]) -> tuple[list[Finding], Counter[str]]:
    """Sort, cap at MAX_LISTED_FINDINGS and end with not-a-programmer; also count by severity."""
    ordered = sort_findings(document, findings)
    # Room is kept for the closing not-a-programmer note, and when capped for more-findings.
    room = int(MAX_LISTED_FINDINGS.value) - 1
    if len(ordered) > room:
        shown = ordered[: room - 1]
        hidden = ordered[room - 1 :]
        by_severity = Counter(f.severity for f in hidden)
        # What each severity is called where a person reads it ("info" is a note).
        parts = [
            messages.word(
                f"severity.{s}.{'one' if by_severity[s] == 1 else 'many'}",
                count=fmt_number(by_severity[s]),
            )
            for s in SEVERITIES
            if by_severity[s]
        ]
        text = messages.message(
            "more-findings",
            count=fmt_number(len(hidden)),
            parts=messages.word("list-sep").join(parts),
        )
        shown.append(Finding.make("more-findings", text, ()))
        counted = [*ordered, shown[-1]]
    else:
        shown = list(ordered)
        counted = list(ordered)
    closing = not_a_programmer()
    shown.append(closing)
    counted.append(closing)
    return shown, Counter(f.severity for f in counted)


def _today_date(today: object) -> datetime.date | None:
    if isinstance(today, datetime.datetime):
        return today.date()  # a datetime is a date too; only its calendar day counts
    if today is not None and not isinstance(today, datetime.date):
        raise TypeError(f"today must be a datetime.date or None, not {type(today).__name__}")
    return today


def evaluate(
    document: object, *, today: datetime.date | None = None, lang: str | None = None
) -> Report:
    """`check`, as the typed `flexdose.results.Report` (what the renderers and the widget read).

    `check(document)` is `jsonout.report_to_json(evaluate(document))`. `lang` ("en", "es"; None:
    the current language) is the language of the messages; codes, severities and wheres are the
    same in every language.

    Raises:
        TypeError: today is given and is not a datetime.date.
        ValueError: lang is not a language flexdose speaks.
    """
    with speaking(lang or current_language()):
        return _evaluate(document, _today_date(today))


def _evaluate(document: object, day: datetime.date | None) -> Report:
    schedule, findings = parse(document)
    summary = None
    if schedule is not None:
        findings.extend(check_schedule(schedule, day))
        if not any(f.severity == "error" for f in findings):
            summary = summarize(schedule, day)
            findings.extend(check_summary(schedule, summary, day))
    shown, counts = list_findings(document, findings)
    valid = counts["error"] == 0
    return Report(
        valid=valid,
        counts={s: counts[s] for s in SEVERITIES},
        findings=tuple(ReportedFinding(f.code, f.severity, f.message, f.where) for f in shown),
        summary=summary if valid else None,
    )


def check(
    document: object, *, today: datetime.date | None = None, lang: str | None = None
) -> dict[str, Any]:
    """Check a schedule document (any JSON-like value) and return the report dict.

    `today` (the person's local date) adds the date checks that need one: a fill after today
    (fill-in-future), an alarm date already past (alarm-passed), and the days from today to the
    alarm. Without it the report depends on the document alone.

    `lang` ("en" or "es"; None: the current language, English by default) is the language of
    every ``findings[].message``; ``code``, ``severity`` and ``where`` never depend on it.

    Never raises for dicts, lists, str, int, float, bool and None nested in any way: every
    problem is a finding. See the module docstring for the keys.

    Raises:
        TypeError: today is given and is not a datetime.date.
        ValueError: lang is not a language flexdose speaks.
    """
    return report_to_json(evaluate(document, today=today, lang=lang))


def check_text(
    text: str | bytes, *, today: datetime.date | None = None, lang: str | None = None
) -> dict[str, Any]:
    """`parse_json(text)` then `check` (with `today` and `lang` passed on).

    Raises:
        UnreadableInput: the text is not strict JSON within the size and nesting limits (its
            message in `lang`).
    """
    with speaking(lang or current_language()):
        return check(parse_json(text), today=today)


# ---- What the widget takes from outside the CLI: a file, a share link, a portal's message ----


def _read(text: str) -> tuple[object, str]:
    """(document, "") when text is a schedule flexdose reads within its bounds, else (None,
    the sentence): the CLI's own refusal (size, nesting, not JSON), or schedule-too-large."""
    try:
        document = parse_json(text)
    except UnreadableInput as error:
        return None, str(error)
    oversize = too_large(document)
    return (None, oversize.message) if oversize is not None else (document, "")


def unshowable_reason(text: str, *, lang: str | None = None) -> str:
    """ "" when the widget can open text as a schedule file, else the one sentence saying why
    (in `lang`): not JSON or over the size or nesting limits (what `flexdose check` stops on),
    or more programs or steps than any pump schedule (its one schedule-too-large error)."""
    with speaking(lang or current_language()):
        return _read(text)[1]


def take_text(
    text: str, *, today: datetime.date | None = None, lang: str | None = None
) -> dict[str, str]:
    """A portal's schedule (JSON text) through the same checks as `flexdose check`.

    {"report": <exactly what `check --json` prints>} when the widget can show it, or
    {"refused": <the sentence>} for what `unshowable_reason` names, and for a value that is not
    an object (flexdose's invalid-document sentence): the widget has no form to draw for it.
    Every sentence and message is in `lang` (None: the current language).
    """
    with speaking(lang or current_language()):
        return _take_text(text, today)


def _take_text(text: str, today: datetime.date | None) -> dict[str, str]:
    document, reason = _read(text)
    if reason:
        return {"refused": reason}
    result = evaluate(document, today=today)
    if not isinstance(document, Mapping):
        why = next(f.message for f in result.findings if f.code == "invalid-document")
        return {"refused": why}
    return {"report": report_json(result)}
