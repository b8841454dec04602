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


def text_report(report: dict, summary: dict | None) -> str:
    """See render.text_report."""
    findings = report.get("findings", []) if isinstance(report, dict) else []
    counts = {sev: sum(1 for f in findings if f.get("severity") == sev) for sev, _, _ in SEVERITIES}
    tally = (
        f"{_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}, "
        f"{_plural(counts['info'], 'note')}"
    )
    lines = ["ITB Flex schedule check"]
    if summary and summary.get("title"):
        lines.append(f"Title: {terminal_safe(summary['title'])}")
    if summary is not None:
        lines.append(f"Result: no errors ({tally}).")
    else:
        lines.append(f"Result: NOT VALID ({tally}).")
        lines.append(NO_PICTURE_SENTENCE.replace("here ", ""))

    for severity, label, heading in SEVERITIES:
        items = [f for f in findings if f.get("severity") == severity]
        if not items:
            continue
        lines += ["", f"{heading}:"]
        for finding in items:
            lines.append(f"{_INDENT}{label} {terminal_safe(finding.get('message', ''))}")
            if finding.get("where"):
                lines.append(f"{_INDENT}  ({terminal_safe(describe_where(finding['where']))})")

    if summary is not None:
        concentration = summary.get("concentration_mcg_per_ml")
        for name, prog in summary["programs"].items():
            lines += ["", f"Program {terminal_safe(name)} ({_plural(prog['step_count'], 'step')}):"]
            rows = [
                [
                    s["start"],
                    s["end"],
                    fmt_hours(s["hours"]),
                    fmt_mcg_per_day(s["mcg_per_day"]),
                    fmt_mcg_per_hour(s["mcg_per_hour"]),
                    fmt_mcg(s["mcg"]),
                ]
                for s in prog["steps"]
            ]
            header = ["Start", "End", "Length", "mcg/day", "mcg/hour", "mcg in step"]
            table = _table(header, rows, right={3, 4, 5})
            # The total's label runs across the columns before the amount instead of widening them.
            total = fmt_mcg(prog["daily_mcg"])
            label_width = max(len(line) for line in table) - len(_INDENT) - len(total)
            table.append(f"{_INDENT}{'Total for the day'.ljust(label_width)}{total} mcg")
            lines += table
            if prog.get("ml_per_day") is not None and concentration is not None:
                lines.append(
                    f"{_INDENT}That is {fmt_ml(prog['ml_per_day'])} mL a day at "
                    f"{fmt_mcg(concentration)} mcg/mL."
                )

        lines += ["", "Week:"]
        rows = []
        for key, short, _ in WEEKDAYS:
            day = summary["week"][key]
            ml = day.get("ml_per_day")
            rows.append(
                [
                    short,
                    terminal_safe(day["program"]),
                    f"{fmt_mcg(day['daily_mcg'])} mcg",
                    f"{fmt_ml(ml)} mL" if ml is not None else "",
                ]
            )
        mean_ml = summary.get("ml_per_day")
        rows.append(
            [
                "Average day",
                "",
                f"{fmt_mcg(summary['mean_daily_mcg'])} mcg",
                f"{fmt_ml(mean_ml)} mL" if mean_ml is not None else "",
            ]
        )
        lines += _table(["Day", "Program", "Total", "Volume"], rows, right={2, 3})
        if concentration is None:
            lines.append(f"{_INDENT}Add the drug concentration to see mL per day.")

        lines.append("")
        alarm = summary.get("alarm")
        if alarm:
            days = float(alarm["days"])
            from_today = alarm.get("days_from_today")
            when = "" if from_today is None else f", {fmt_days_from_today(int(from_today))}"
            lines.append(
                f"Low-reservoir alarm: {fmt_date(alarm['date'])}, {fmt_part_of_day(alarm['time'])}"
                f"{when} (about {fmt_days(days)} after the fill on {fmt_date(alarm['fill_date'])} "
                f"at {alarm['fill_time']}, when {fmt_ml(alarm['alarm_ml'])} mL of "
                f"{fmt_ml(alarm['volume_ml'])} mL is left)."
            )
            if summary.get("refill_by"):
                lines.append(
                    f"Refill by: {fmt_date(summary['refill_by'])} "
                    f"({fmt_days(int(summary.get('refill_margin_days') or 0))} before the "
                    "alarm, a margin for travel, weather or a late visit)."
                )
        elif concentration is None:
            lines.append(
                "Low-reservoir alarm: add the drug concentration and the fill (date, time, "
                "volume) to see it."
            )
        elif float(summary.get("mean_daily_mcg") or 0) == 0:
            lines.append("Low-reservoir alarm: none, every step is 0 mcg.")
        else:
            lines.append("Low-reservoir alarm: add the fill date, time and volume to see it.")

    lines += ["", SAFETY_SENTENCE]
    return "\n".join(lines) + "\n"
