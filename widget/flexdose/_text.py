"""The plain-text report printed by `flexdose check` (aligned columns, no markup)."""

from __future__ import annotations

from . import safety
from ._fmt import (
    fmt_date,
    fmt_days,
    fmt_days_from_today,
    fmt_hours,
    fmt_mcg,
    fmt_mcg_per_day,
    fmt_mcg_per_hour,
    fmt_ml,
    terminal_safe,
)
from ._html import severities
from .labels import label, plural, weekdays
from .numbers import fmt_part_of_day
from .paths import describe_where
from .results import ProgramSummary, Report, Summary

__all__ = ["text_report"]

_INDENT = "  "


def _table(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    """Rows as lines with padded columns; columns in `right` are right-aligned (numbers)."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append((_INDENT + "  ".join(cells)).rstrip())
    return lines


def _count(key: str, count: int) -> str:
    return plural(f"count.{key}", count, n=count)


def _heading_lines(report: Report, summary: Summary | None) -> list[str]:
    """The title (when there is one) and the verdict with its tally of findings."""
    counts = {
        sev: sum(1 for f in report.findings if f.severity == sev) for sev, _, _ in severities()
    }
    tally = label(
        "text.tally",
        errors=_count("error", counts["error"]),
        warnings=_count("warning", counts["warning"]),
        notes=_count("note", counts["info"]),
    )
    lines = [label("text.heading")]
    if summary and summary.title:
        lines.append(label("text.title", title=terminal_safe(summary.title)))
    if summary is not None:
        lines.append(label("text.valid", tally=tally))
    else:
        lines.append(label("text.invalid", tally=tally))
        lines.append(label("text.no_picture"))
    return lines


def _finding_lines(report: Report) -> list[str]:
    """Errors, warnings and notes, each group under its heading, each finding with where."""
    lines: list[str] = []
    for severity, before, heading in severities():
        items = [f for f in report.findings if f.severity == severity]
        if not items:
            continue
        lines += ["", label("text.group_heading", heading=heading)]
        for finding in items:
            lines.append(f"{_INDENT}{before} {terminal_safe(finding.message)}")
            if finding.where:
                lines.append(f"{_INDENT}  ({terminal_safe(describe_where(finding.where))})")
    return lines


def _program_lines(name: str, prog: ProgramSummary, concentration: float | None) -> list[str]:
    """One program's steps as a table, its total, and mL a day when the strength is known."""
    rows = [
        [
            s.start,
            s.end,
            fmt_hours(s.hours),
            fmt_mcg_per_day(s.mcg_per_day),
            fmt_mcg_per_hour(s.mcg_per_hour),
            fmt_mcg(s.mcg),
        ]
        for s in prog.steps
    ]
    header = [
        label(f"text.{key}")
        for key in ("start", "end", "length", "mcg_per_day", "mcg_per_hour", "mcg_in_step")
    ]
    table = _table(header, rows, right={3, 4, 5})
    # The total's label runs across the columns before the amount instead of widening them.
    total = fmt_mcg(prog.daily_mcg)
    label_width = max(len(line) for line in table) - len(_INDENT) - len(total)
    table.append(
        f"{_INDENT}{label('text.total').ljust(label_width)}{label('amount.mcg', mcg=total)}"
    )
    heading = label("text.program", name=terminal_safe(name), steps=_count("step", prog.step_count))
    lines = ["", heading, *table]
    if prog.ml_per_day is not None and concentration is not None:
        ml_a_day = label("text.ml_a_day", ml=fmt_ml(prog.ml_per_day), conc=fmt_mcg(concentration))
        lines.append(f"{_INDENT}{ml_a_day}")
    return lines


def _week_lines(summary: Summary) -> list[str]:
    """Monday to Sunday and the average day: program, total, volume."""
    rows = []
    for key, short, _ in weekdays():
        day = summary.week[key]
        ml = day.ml_per_day
        rows.append(
            [
                short,
                terminal_safe(day.program),
                label("amount.mcg", mcg=fmt_mcg(day.daily_mcg)),
                label("amount.ml", ml=fmt_ml(ml)) if ml is not None else "",
            ]
        )
    mean_ml = summary.ml_per_day
    rows.append(
        [
            label("text.average_day"),
            "",
            label("amount.mcg", mcg=fmt_mcg(summary.mean_mcg)),
            label("amount.ml", ml=fmt_ml(mean_ml)) if mean_ml is not None else "",
        ]
    )
    header = [label(f"text.{key}") for key in ("day", "program_column", "total_column")]
    header.append(label("text.volume_column"))
    lines = ["", label("text.week"), *_table(header, rows, right={2, 3})]
    if summary.concentration_mcg_per_ml is None:
        lines.append(f"{_INDENT}{label('text.add_concentration')}")
    return lines


def _alarm_lines(summary: Summary) -> list[str]:
    """The alarm and refill-by dates, or what to add to see them (or why there is none)."""
    alarm = summary.alarm
    if alarm:
        from_today = alarm.days_from_today
        when = (
            ""
            if from_today is None
            else label("text.alarm_when", from_today=fmt_days_from_today(from_today))
        )
        lines = [
            label(
                "text.alarm",
                date=fmt_date(alarm.date),
                part=fmt_part_of_day(alarm.time),
                when=when,
                days=fmt_days(float(alarm.days)),
                fill_date=fmt_date(alarm.fill_date),
                fill_time=alarm.fill_time,
                alarm_ml=fmt_ml(alarm.alarm_ml),
                volume_ml=fmt_ml(alarm.volume_ml),
            )
        ]
        if summary.refill_by:
            lines.append(
                label(
                    "text.refill",
                    date=fmt_date(summary.refill_by),
                    days=fmt_days(summary.refill_margin_days),
                )
            )
        return lines
    if summary.concentration_mcg_per_ml is None:
        return [label("text.add_everything")]
    if float(summary.mean_daily_mcg or 0) == 0:
        return [label("text.no_drug_used")]
    return [label("text.add_fill")]


def text_report(report: Report, summary: Summary | None) -> str:
    """See render.text_report."""
    lines = _heading_lines(report, summary) + _finding_lines(report)
    if summary is not None:
        concentration = summary.concentration_mcg_per_ml
        for name, prog in summary.programs.items():
            lines += _program_lines(name, prog, concentration)
        lines += _week_lines(summary)
        lines += ["", *_alarm_lines(summary)]
    lines += ["", safety.current().NOTICE]
    return "\n".join(lines) + "\n"
