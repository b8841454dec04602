"""HTML fragments of a checked schedule: steps table, totals, findings, comparison.

All user text goes through `esc` (html.escape with quotes) and sits in <bdi> so a right-to-left
name cannot reorder the sentence around it. Classes carry the `fd-` prefix; no style attributes.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._fmt import (
    esc,
    fmt_date,
    fmt_days,
    fmt_days_from_today,
    fmt_hours,
    fmt_mcg,
    fmt_mcg_per_day,
    fmt_mcg_per_hour,
    fmt_ml,
    fmt_pct,
    fmt_signed,
    lang_attribute,
)
from .labels import label, weekdays
from .labels_en import LABELS as _ENGLISH
from .numbers import fmt_part_of_day
from .paths import describe_where, goto_data
from .results import Alarm, Change, Comparison, ReportedFinding, Summary
from .safety import NOTICE

__all__ = [
    "NO_PICTURE_SENTENCE",
    "SAFETY_SENTENCE",
    "compare_html",
    "findings_list_html",
    "steps_table_html",
    "totals_html",
]

# The notice in view wherever doses are shown, from the one source of safety wording (English;
# the renderers write `safety.current().NOTICE`, the notice in the current language).
SAFETY_SENTENCE = NOTICE
NO_PICTURE_SENTENCE = _ENGLISH["html.no_picture"]

SEVERITY_KEYS = ("error", "warning", "info")


def severities() -> tuple[tuple[str, str, str], ...]:
    """(severity, label before each message, group heading), in the current language."""
    return tuple(
        (key, label(f"severity.{key}.label"), label(f"severity.{key}.heading"))
        for key in SEVERITY_KEYS
    )


SEVERITIES = tuple(
    (key, _ENGLISH[f"severity.{key}.label"], _ENGLISH[f"severity.{key}.heading"])
    for key in SEVERITY_KEYS
)
"""`severities()` in English."""


def _data_attributes(data: dict[str, str]) -> str:
    return "".join(f' data-{name}="{esc(value)}"' for name, value in data.items())


def _bdi(text: object) -> str:
    return f'<bdi class="fd-name">{esc(text)}</bdi>'


def _note(text: str) -> str:
    return f'<p class="fd-note">{esc(text)}</p>'


# ---- Steps table ----


def steps_table_html(summary: Summary, program: str) -> str:
    """A <table> of one program's steps with a daily-total footer (see render.steps_table_html)."""
    prog = summary.programs[program]
    rows = []
    for step in prog.steps:
        rows.append(
            "<tr>"
            f'<th scope="row">{esc(step.start)}</th>'
            f"<td>{esc(step.end)}</td>"
            f'<td class="fd-len">{fmt_hours(step.hours)}</td>'
            f'<td class="fd-num">{fmt_mcg_per_day(step.mcg_per_day)}</td>'
            f'<td class="fd-num">{fmt_mcg_per_hour(step.mcg_per_hour)}</td>'
            f'<td class="fd-num">{fmt_mcg(step.mcg)}</td>'
            "</tr>"
        )
    foot = [
        '<tr class="fd-total-row"><th scope="row" colspan="5">'
        f"{esc(label('table.total'))}</th>"
        f'<td class="fd-num">{esc(label("amount.mcg", mcg=fmt_mcg(prog.daily_mcg)))}</td></tr>'
    ]
    concentration = summary.concentration_mcg_per_ml
    if prog.ml_per_day is not None and concentration is not None:
        foot.append(
            '<tr><th scope="row" colspan="5">'
            f"{esc(label('table.volume', conc=fmt_mcg(concentration)))}</th>"
            f'<td class="fd-num">{esc(label("amount.ml", ml=fmt_ml(prog.ml_per_day)))}</td></tr>'
        )
    return (
        # Focusable and named: on a narrow screen or at 200% zoom the table may scroll sideways,
        # and keyboard users must be able to scroll it too (WCAG 2.1.1, axe scrollable-region).
        f'<div class="fd-table-wrap" tabindex="0" role="region" '
        f'aria-label="{esc(label("table.region", program=program))}">'
        '<table class="fd-table fd-steps">'
        f"<caption>{label('table.caption', program=_bdi(program))}</caption>"
        "<thead><tr>"
        f'<th scope="col">{esc(label("table.start"))}</th>'
        f'<th scope="col">{esc(label("table.end"))}</th>'
        f'<th scope="col">{esc(label("table.length"))}</th>'
        f'<th scope="col" class="fd-num">{esc(label("table.mcg_per_day"))}</th>'
        f'<th scope="col" class="fd-num">{esc(label("table.mcg_per_hour"))}</th>'
        f'<th scope="col" class="fd-num">{esc(label("table.mcg_in_step"))}</th>'
        "</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody><tfoot>{''.join(foot)}</tfoot></table></div>"
    )


# ---- Totals ----


def _days(days: float) -> str:
    return fmt_days(days)


_Item = tuple[str, str]  # (label, value) of one <dt>/<dd> pair; both are markup


def _program_totals(summary: Summary) -> list[_Item]:
    """Each program's daily total (and mL), then the average day when there are several."""
    programs = summary.programs
    items = []
    for name, prog in programs.items():
        title = (
            esc(label("totals.total"))
            if len(programs) == 1
            else label("totals.program_total", program=_bdi(name))
        )
        mcg = fmt_mcg(prog.daily_mcg)
        if prog.ml_per_day is None:
            value = label("amount.mcg", mcg=mcg)
        else:
            value = label("amount.mcg_with_ml", mcg=mcg, ml=fmt_ml(prog.ml_per_day))
        items.append((title, esc(value)))
    if len(programs) > 1:
        items.append(
            (
                esc(label("totals.mean")),
                esc(label("amount.mcg", mcg=fmt_mcg(summary.mean_mcg))),
            )
        )
    return items


def _drug_per_day(summary: Summary) -> _Item:
    concentration = summary.concentration_mcg_per_ml
    if summary.ml_per_day is not None and concentration is not None:
        return (
            esc(label("totals.drug")),
            esc(
                label(
                    "totals.drug_value",
                    ml=fmt_ml(summary.ml_per_day),
                    conc=fmt_mcg(concentration),
                )
            ),
        )
    return (esc(label("totals.drug")), _note(label("totals.add_concentration")))


def _alarm_item(alarm: Alarm) -> _Item:
    # Counted from today only when the report was made with one (check(..., today=...)).
    from_today = alarm.days_from_today
    when = (
        ""
        if from_today is None
        else esc(label("totals.alarm_when", from_today=fmt_days_from_today(from_today)))
    )
    return (
        esc(label("totals.alarm")),
        # The alarm is an estimate (pumps are not exact): a date and a part of the day.
        label(
            "totals.alarm_value",
            date=esc(fmt_date(alarm.date)),
            part=esc(fmt_part_of_day(alarm.time)),
            when=when,
            days=esc(_days(float(alarm.days))),
            fill_date=esc(fmt_date(alarm.fill_date)),
            fill_time=esc(alarm.fill_time),
            alarm_ml=esc(fmt_ml(alarm.alarm_ml)),
            volume_ml=esc(fmt_ml(alarm.volume_ml)),
        ),
    )


def _refill_item(summary: Summary) -> list[_Item]:
    if not summary.refill_by:
        return []
    return [
        (
            esc(label("totals.refill")),
            label(
                "totals.refill_value",
                date=esc(fmt_date(summary.refill_by)),
                days=esc(_days(float(summary.refill_margin_days))),
            ),
        )
    ]


def _no_alarm_item(summary: Summary) -> _Item:
    """What the person can add to see the alarm, or why there is none."""
    if summary.concentration_mcg_per_ml is None:
        why = label("totals.add_everything")
    elif float(summary.mean_daily_mcg or 0) == 0:
        why = label("totals.no_drug_used")
    else:
        why = label("totals.add_fill")
    return (esc(label("totals.alarm")), _note(why))


def totals_html(summary: Summary) -> str:
    """Daily totals, week mean, mL/day, alarm and refill-by (see render.totals_html)."""
    items = [*_program_totals(summary), _drug_per_day(summary)]
    if summary.alarm:
        items += [_alarm_item(summary.alarm), *_refill_item(summary)]
    else:
        items.append(_no_alarm_item(summary))
    body = "".join(
        f'<div class="fd-total"><dt>{label}</dt><dd>{value}</dd></div>' for label, value in items
    )
    return f'<dl class="fd-totals">{body}</dl>'


# ---- Findings ----


def _finding_item(finding: ReportedFinding, before: str, *, where_links: bool) -> str:
    severity = finding.severity or "info"
    where = finding.where
    link = ""
    if where and where_links:
        # A button, not a link: it moves focus inside the widget and must never be followed as
        # a navigation (Material's instant navigation follows every <a> in the page).
        link = (
            f' <button type="button" class="fd-where fd-goto"{_data_attributes(goto_data(where))}>'
            f"{esc(label('findings.goto'))}"
            f'<span class="fd-visually-hidden">: {esc(describe_where(where))}'
            "</span></button>"
        )
    elif where:
        link = f' <span class="fd-where-text">({esc(describe_where(where))})</span>'
    return (
        f'<li class="fd-finding fd-{esc(severity)}" data-code="{esc(finding.code)}">'
        f'<span class="fd-label">{before}</span> '
        f'<span class="fd-message">{esc(finding.message)}</span>{link}</li>'
    )


def findings_list_html(findings: Sequence[ReportedFinding], *, where_links: bool = True) -> str:
    """Findings grouped by severity, each with a text label (never colour alone)."""
    groups = []
    for severity, before, heading in severities():
        items = [f for f in findings if f.severity == severity]
        if not items:
            continue
        lis = "".join(_finding_item(f, esc(before), where_links=where_links) for f in items)
        title = label("findings.group_title", heading=heading, count=len(items))
        groups.append(
            f'<div class="fd-finding-group fd-group-{severity}">'
            f'<p class="fd-group-title">{esc(title)}</p>'
            f'<ul class="fd-finding-list">{lis}</ul></div>'
        )
    if not groups:
        groups.append(_note(label("findings.nothing")))
    return f'<div class="fd-findings">{"".join(groups)}</div>'


# ---- Comparison ----


def _change_cell(change: Change) -> str:
    """'+13' over '+2.5%': one cell, so the table fits a phone."""
    delta = change.change_mcg
    pct = change.change_pct
    delta_text = (
        fmt_signed(fmt_mcg(abs(delta)), delta)
        if delta is not None
        else esc(label("compare.not_known"))
    )
    pct_text = fmt_pct(pct) if pct is not None else esc(label("compare.no_pct"))
    return f'<td class="fd-num">{delta_text} <span class="fd-cell-note">{pct_text}</span></td>'


def _day_name(short: str, full: str) -> str:
    """'Mon' on screen, 'Monday' to a screen reader."""
    if full.startswith(short):
        return f'{esc(short)}<span class="fd-visually-hidden">{esc(full[len(short) :])}</span>'
    # A short name that is not the full name's start: the whole name, for the screen reader.
    return f'{esc(short)}<span class="fd-visually-hidden"> ({esc(full)})</span>'


def _compare_intro() -> str:
    return f'<p class="fd-compare-intro">{esc(label("compare.intro"))}</p>'


def _compare_open() -> str:
    return f'<div class="fd-compare"{lang_attribute()}>'


def _nothing_to_compare(comparison: Comparison, *, where_links: bool) -> str:
    """The errors of whichever schedule has them, instead of the table."""
    parts = [_compare_intro()]
    for side, report in (("current", comparison.current), ("proposed", comparison.proposed)):
        if not report.valid:
            parts.append(f'<p class="fd-invalid-note">{esc(label(f"compare.{side}_invalid"))}</p>')
            parts.append(
                findings_list_html(
                    [f for f in report.findings if f.severity == "error"],
                    where_links=where_links,
                )
            )
    return f"{_compare_open()}{''.join(parts)}</div>"


def _mcg_cell(mcg: float | None, program: str | None) -> str:
    note = f' <span class="fd-cell-note">{_bdi(program)}</span>' if program else ""
    return f'<td class="fd-num">{fmt_mcg(_number(mcg))}{note}</td>'


def _number(value: float | None) -> float:
    if value is None:
        raise ValueError("a comparison of two valid reports has every total")
    return value


def compare_html(comparison: Comparison, *, where_links: bool = True) -> str:
    """Current vs proposed, day by day (see render.compare_html)."""
    days, mean = comparison.days, comparison.mean
    if not days or not mean:
        return _nothing_to_compare(comparison, where_links=where_links)
    summaries = comparison.current.summary, comparison.proposed.summary
    cur_week = summaries[0].week if summaries[0] else {}
    new_week = summaries[1].week if summaries[1] else {}
    rows = []
    for key, short, full in weekdays():
        day = days[key]
        cur_day, new_day = cur_week.get(key), new_week.get(key)
        rows.append(
            f'<tr><th scope="row">{_day_name(short, full)}</th>'
            + _mcg_cell(day.current_mcg, cur_day.program if cur_day else None)
            + _mcg_cell(day.proposed_mcg, new_day.program if new_day else None)
            + f"{_change_cell(day)}</tr>"
        )
    foot = (
        f'<tr class="fd-total-row"><th scope="row">{esc(label("compare.average_day"))}</th>'
        f'<td class="fd-num">{fmt_mcg(_number(mean.current_mcg))}</td>'
        f'<td class="fd-num">{fmt_mcg(_number(mean.proposed_mcg))}</td>{_change_cell(mean)}</tr>'
    )
    table = (
        '<div class="fd-table-wrap" tabindex="0" role="region" '
        f'aria-label="{esc(label("compare.region"))}">'
        '<table class="fd-table fd-compare-table">'
        f"<caption>{esc(label('compare.caption'))}</caption>"
        f'<thead><tr><th scope="col">{esc(label("compare.day"))}</th>'
        f'<th scope="col" class="fd-num">{esc(label("compare.current"))}</th>'
        f'<th scope="col" class="fd-num">{esc(label("compare.proposed"))}</th>'
        f'<th scope="col" class="fd-num">{esc(label("compare.change"))}</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody><tfoot>{foot}</tfoot></table></div>"
    )
    if comparison.findings:
        after = findings_list_html(comparison.findings, where_links=where_links)
    else:
        after = _note(label("compare.no_large_change"))
    return f"{_compare_open()}{_compare_intro()}{table}{after}</div>"
