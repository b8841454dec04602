"""The plain-text report printed by `flexdose check` (aligned columns, no markup)."""

from __future__ import annotations

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
from ._html import NO_PICTURE_SENTENCE, SAFETY_SENTENCE, SEVERITIES
from ._svg import WEEKDAYS
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


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _heading_lines(report: Report, summary: Summary | None) -> list[str]:
    """The title (when there is one) and the verdict with its tally of findings."""
    counts = {sev: sum(1 for f in report.findings if f.severity == sev) for sev, _, _ in SEVERITIES}
    tally = (
        f"{_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}, "
        f"{_plural(counts['info'], 'note')}"
    )
    lines = ["ITB Flex schedule check"]
    if summary and summary.title:
        lines.append(f"Title: {terminal_safe(summary.title)}")
    if summary is not None:
        lines.append(f"Result: no errors ({tally}).")
    else:
        lines.append(f"Result: NOT VALID ({tally}).")
        lines.append(NO_PICTURE_SENTENCE.replace("here ", ""))
    return lines


def _finding_lines(report: Report) -> list[str]:
    """Errors, warnings and notes, each group under its heading, each finding with where."""
    lines: list[str] = []
    for severity, label, heading in SEVERITIES:
        items = [f for f in report.findings if f.severity == severity]
        if not items:
            continue
        lines += ["", f"{heading}:"]
        for finding in items:
            lines.append(f"{_INDENT}{label} {terminal_safe(finding.message)}")
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
    header = ["Start", "End", "Length", "mcg/day", "mcg/hour", "mcg in step"]
    table = _table(header, rows, right={3, 4, 5})
    # The total's label runs across the columns before the amount instead of widening them.
    total = fmt_mcg(prog.daily_mcg)
    label_width = max(len(line) for line in table) - len(_INDENT) - len(total)
    table.append(f"{_INDENT}{'Total for the day'.ljust(label_width)}{total} mcg")
    lines = ["", f"Program {terminal_safe(name)} ({_plural(prog.step_count, 'step')}):", *table]
    if prog.ml_per_day is not None and concentration is not None:
        lines.append(
            f"{_INDENT}That is {fmt_ml(prog.ml_per_day)} mL a day at "
            f"{fmt_mcg(concentration)} mcg/mL."
        )
    return lines


def _week_lines(summary: Summary) -> list[str]:
    """Monday to Sunday and the average day: program, total, volume."""
    rows = []
    for key, short, _ in WEEKDAYS:
        day = summary.week[key]
        ml = day.ml_per_day
        rows.append(
            [
                short,
                terminal_safe(day.program),
                f"{fmt_mcg(day.daily_mcg)} mcg",
                f"{fmt_ml(ml)} mL" if ml is not None else "",
            ]
        )
    mean_ml = summary.ml_per_day
    rows.append(
        [
            "Average day",
            "",
            f"{fmt_mcg(summary.mean_mcg)} mcg",
            f"{fmt_ml(mean_ml)} mL" if mean_ml is not None else "",
        ]
    )
    lines = ["", "Week:", *_table(["Day", "Program", "Total", "Volume"], rows, right={2, 3})]
    if summary.concentration_mcg_per_ml is None:
        lines.append(f"{_INDENT}Add the drug concentration to see mL per day.")
    return lines


def _alarm_lines(summary: Summary) -> list[str]:
    """The alarm and refill-by dates, or what to add to see them (or why there is none)."""
    alarm = summary.alarm
    if alarm:
        from_today = alarm.days_from_today
        when = "" if from_today is None else f", {fmt_days_from_today(from_today)}"
        lines = [
            f"Low-reservoir alarm: {fmt_date(alarm.date)}, {fmt_part_of_day(alarm.time)}"
            f"{when} (about {fmt_days(float(alarm.days))} after the fill on "
            f"{fmt_date(alarm.fill_date)} at {alarm.fill_time}, when {fmt_ml(alarm.alarm_ml)} "
            f"mL of {fmt_ml(alarm.volume_ml)} mL is left)."
        ]
        if summary.refill_by:
            lines.append(
                f"Refill by: {fmt_date(summary.refill_by)} "
                f"({fmt_days(summary.refill_margin_days)} before the "
                "alarm, a margin for travel, weather or a late visit)."
            )
        return lines
    if summary.concentration_mcg_per_ml is None:
        return [
            "Low-reservoir alarm: add the drug concentration and the fill (date, time, "
            "volume) to see it."
        ]
    if float(summary.mean_daily_mcg or 0) == 0:
        return ["Low-reservoir alarm: none, every step is 0 mcg."]
    return ["Low-reservoir alarm: add the fill date, time and volume to see it."]


def text_report(report: Report, summary: Summary | None) -> str:
    """See render.text_report."""
    lines = _heading_lines(report, summary) + _finding_lines(report)
    if summary is not None:
        concentration = summary.concentration_mcg_per_ml
        for name, prog in summary.programs.items():
            lines += _program_lines(name, prog, concentration)
        lines += _week_lines(summary)
        lines += ["", *_alarm_lines(summary)]
    lines += ["", SAFETY_SENTENCE]
    return "\n".join(lines) + "\n"
