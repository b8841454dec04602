"""The JSON edge: typed results to the public JSON and back, and the JSON text flexdose prints.

One place for the keys, their order and their formats (ISO dates, "HH:MM" times), so that the
CLI (`check --json`, `summary --json`), the widget and a portal get the same bytes, and so that
a renderer handed a report's JSON (a portal's, or `flexdose.check`'s) reads it back the same way.
The keys are documented in `flexdose.report` and `flexdose.compare`.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from typing import Any

from .results import (
    Alarm,
    Change,
    Comparison,
    DaySummary,
    ProgramSummary,
    Report,
    ReportedFinding,
    StepRow,
    Summary,
)

__all__ = [
    "JSON_INDENT",
    "REPORT_FORMAT",
    "comparison_from_json",
    "comparison_to_json",
    "dumps",
    "finding_to_json",
    "report_from_json",
    "report_json",
    "report_to_json",
    "summary_from_json",
    "summary_to_json",
]

# Spaces per level: readable in a terminal and in a diff.
JSON_INDENT = 2
REPORT_FORMAT = "itb-flex-report/1"

JsonObject = dict[str, Any]


# ---- typed -> JSON ----


def _step_json(step: StepRow) -> JsonObject:
    return {
        "start": step.start,
        "end": step.end,
        "hours": step.hours,
        "mcg_per_day": step.mcg_per_day,
        "mcg_per_hour": step.mcg_per_hour,
        "mcg": step.mcg,
    }


def _program_json(program: ProgramSummary) -> JsonObject:
    return {
        "daily_mcg": program.daily_mcg,
        "min_mcg_per_day": program.min_mcg_per_day,
        "max_mcg_per_day": program.max_mcg_per_day,
        "ml_per_day": program.ml_per_day,
        "step_count": program.step_count,
        "steps": [_step_json(step) for step in program.steps],
    }


def _alarm_json(alarm: Alarm) -> JsonObject:
    info: JsonObject = {
        "days": alarm.days,
        "date": alarm.date.isoformat(),
        "time": alarm.time,
        "fill_date": alarm.fill_date.isoformat(),
        "fill_time": alarm.fill_time,
        "volume_ml": alarm.volume_ml,
        "alarm_ml": alarm.alarm_ml,
    }
    if alarm.today is not None:
        info["today"] = alarm.today.isoformat()
        info["days_from_today"] = alarm.days_from_today
    return info


def summary_to_json(summary: Summary | None) -> JsonObject | None:
    """The report's ``summary`` object (what `flexdose summary --json` prints), or None."""
    if summary is None:
        return None
    return {
        "title": summary.title,
        "programs": {name: _program_json(p) for name, p in summary.programs.items()},
        "week": {
            day: {"program": d.program, "daily_mcg": d.daily_mcg, "ml_per_day": d.ml_per_day}
            for day, d in summary.week.items()
        },
        "mean_daily_mcg": summary.mean_daily_mcg,
        "ml_per_day": summary.ml_per_day,
        "concentration_mcg_per_ml": summary.concentration_mcg_per_ml,
        "alarm": None if summary.alarm is None else _alarm_json(summary.alarm),
        "refill_by": None if summary.refill_by is None else summary.refill_by.isoformat(),
        "refill_margin_days": summary.refill_margin_days,
    }


def finding_to_json(finding: ReportedFinding) -> dict[str, str]:
    """One listed finding: code, severity, message, where."""
    return {
        "code": finding.code,
        "severity": finding.severity,
        "message": finding.message,
        "where": finding.where,
    }


def report_to_json(report: Report) -> JsonObject:
    """The report as `flexdose.check` returns it (the dict `check --json` prints)."""
    return {
        "format": REPORT_FORMAT,
        "valid": report.valid,
        "counts": dict(report.counts),
        "findings": [finding_to_json(f) for f in report.findings],
        "summary": summary_to_json(report.summary) if report.valid else None,
    }


def _change_json(change: Change) -> JsonObject:
    return {
        "current_mcg": change.current_mcg,
        "proposed_mcg": change.proposed_mcg,
        "change_mcg": change.change_mcg,
        "change_pct": change.change_pct,
    }


def comparison_to_json(comparison: Comparison) -> JsonObject:
    """The comparison as `flexdose.compare` returns it."""
    days = comparison.days
    return {
        "current": report_to_json(comparison.current),
        "proposed": report_to_json(comparison.proposed),
        "days": None if days is None else {day: _change_json(c) for day, c in days.items()},
        "mean": None if comparison.mean is None else _change_json(comparison.mean),
        "findings": [finding_to_json(f) for f in comparison.findings],
    }


# ---- JSON -> typed (for renderers handed the JSON of a report) ----


def _minutes(hhmm: object) -> int:
    """'07:30' -> 450; '24:00' -> 1440."""
    hours, mins = str(hhmm).split(":")
    return int(hours) * 60 + int(mins)


def _date(iso: object) -> datetime.date:
    return datetime.date.fromisoformat(str(iso))


def _step_from_json(step: Mapping[str, Any]) -> StepRow:
    return StepRow(
        start_minutes=_minutes(step["start"]),
        end_minutes=_minutes(step["end"]),
        hours=step["hours"],
        mcg_per_day=step["mcg_per_day"],
        mcg_per_hour=step["mcg_per_hour"],
        mcg=step["mcg"],
    )


def _program_from_json(program: Mapping[str, Any]) -> ProgramSummary:
    return ProgramSummary(
        daily_mcg=program["daily_mcg"],
        min_mcg_per_day=program["min_mcg_per_day"],
        max_mcg_per_day=program["max_mcg_per_day"],
        ml_per_day=program.get("ml_per_day"),
        steps=tuple(_step_from_json(step) for step in program["steps"]),
    )


def _alarm_from_json(alarm: Mapping[str, Any]) -> Alarm:
    today = alarm.get("today")
    from_today = alarm.get("days_from_today")
    return Alarm(
        days=float(alarm["days"]),
        date=_date(alarm["date"]),
        time_minutes=_minutes(alarm["time"]),
        fill_date=_date(alarm["fill_date"]),
        fill_time_minutes=_minutes(alarm["fill_time"]),
        volume_ml=alarm["volume_ml"],
        alarm_ml=alarm["alarm_ml"],
        today=None if today is None else _date(today),
        days_from_today=None if from_today is None else int(from_today),
    )


def summary_from_json(summary: Mapping[str, Any]) -> Summary:
    """A report's ``summary`` object read back into a `Summary`.

    Raises:
        ValueError: a key is missing or a value has the wrong form (it is not flexdose's JSON).
    """
    try:
        alarm = summary.get("alarm")
        refill_by = summary.get("refill_by")
        return Summary(
            title=summary.get("title"),
            programs={str(name): _program_from_json(p) for name, p in summary["programs"].items()},
            week={
                str(day): DaySummary(d["program"], d["daily_mcg"], d.get("ml_per_day"))
                for day, d in (summary.get("week") or {}).items()
            },
            mean_daily_mcg=summary.get("mean_daily_mcg"),
            ml_per_day=summary.get("ml_per_day"),
            concentration_mcg_per_ml=summary.get("concentration_mcg_per_ml"),
            alarm=_alarm_from_json(alarm) if alarm else None,
            refill_by=_date(refill_by) if refill_by else None,
            refill_margin_days=int(summary.get("refill_margin_days") or 0),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a flexdose report summary: {exc!r}") from None


def _finding_from_json(finding: Mapping[str, Any]) -> ReportedFinding:
    # Lenient, as the renderers always were: a finding without a severity is listed nowhere.
    return ReportedFinding(
        code=str(finding.get("code", "")),
        severity=str(finding.get("severity", "")),
        message=str(finding.get("message", "")),
        where=str(finding.get("where") or ""),
    )


def report_from_json(report: object) -> Report:
    """A report's JSON (`flexdose.check`'s dict, or the same JSON a portal received) as a `Report`.

    Anything that is not a valid report's JSON (None, a list, a dict without ``"valid": true``
    or without programs in its summary) reads as an invalid report without a summary, so that
    nothing shows a number for it; its findings are kept where there are any.

    Raises:
        ValueError: the report is valid but its summary is not flexdose's JSON.
    """
    if not isinstance(report, Mapping):
        return Report(valid=False, counts={}, findings=(), summary=None)
    raw_findings = report.get("findings")
    findings = tuple(
        _finding_from_json(f)
        for f in (raw_findings if isinstance(raw_findings, list | tuple) else ())
        if isinstance(f, Mapping)
    )
    raw_summary = report.get("summary")
    valid = bool(report.get("valid"))
    summary = None
    if valid and isinstance(raw_summary, Mapping) and raw_summary.get("programs"):
        summary = summary_from_json(raw_summary)
    counts = report.get("counts")
    return Report(
        valid=valid,
        counts=dict(counts) if isinstance(counts, Mapping) else {},
        findings=findings,
        summary=summary,
    )


def _change_from_json(change: Mapping[str, Any]) -> Change:
    return Change(
        current_mcg=change.get("current_mcg"),
        proposed_mcg=change.get("proposed_mcg"),
        change_mcg=change.get("change_mcg"),
        change_pct=change.get("change_pct"),
    )


def comparison_from_json(comparison: object) -> Comparison:
    """A comparison's JSON (`flexdose.compare`'s dict) as a `Comparison`."""
    if not isinstance(comparison, Mapping):
        comparison = {}
    days = comparison.get("days")
    mean = comparison.get("mean")
    raw_findings = comparison.get("findings") or ()
    return Comparison(
        current=report_from_json(comparison.get("current")),
        proposed=report_from_json(comparison.get("proposed")),
        days={str(k): _change_from_json(v) for k, v in days.items()}
        if isinstance(days, Mapping) and days
        else None,
        mean=_change_from_json(mean) if isinstance(mean, Mapping) and mean else None,
        findings=tuple(_finding_from_json(f) for f in raw_findings if isinstance(f, Mapping)),
    )


# ---- text ----


def dumps(value: object) -> str:
    """value as flexdose prints JSON (indented, non-ASCII kept), without a final newline.

    Lone surrogates (legal in JSON strings) cannot be encoded as UTF-8; as \\udXXX escapes the
    output stays valid JSON and printable.
    """
    text = json.dumps(value, indent=JSON_INDENT, ensure_ascii=False)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def report_json(report: Mapping[str, object] | Report) -> str:
    """A report as `flexdose check --json` prints it, byte for byte (with the final newline).

    Portals get this text from the widget too (the ``json`` field of ``itb-flex:report``): a
    JavaScript object cannot tell ``500`` from ``500.0``, the text can.
    """
    return dumps(report_to_json(report) if isinstance(report, Report) else report) + "\n"
