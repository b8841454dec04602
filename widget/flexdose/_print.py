"""The one-page printout of a checked schedule, for a clinic to read (see render.print_html).

Same rules as the rest of render: user text through `esc` inside <bdi>, `fd-` classes, no style
attributes, SVG ids from `id_prefix`, and no number at all for a report that is not valid.
Layout (two columns, compact type) lives in widget/web/print.css; this module only writes markup.
"""

from __future__ import annotations

from . import safety
from ._fmt import (
    esc,
    fmt_date,
    fmt_days,
    fmt_mcg,
    fmt_ml,
    lang_attribute,
    text_width_em,
)
from ._html import compare_html, findings_list_html, steps_table_html
from ._svg import (
    MINUTES_PER_DAY,
    ChartFrame,
    _label_x,
    _n,
    _svg_open,
    _text,
    block_rect,
    chart_frame,
    gridlines,
    step_amount,
    step_line,
    step_words,
    y_ticks,
)
from .labels import label, weekdays
from .labels_en import LABELS as _ENGLISH
from .numbers import fmt_part_of_day
from .results import Comparison, Report, ReportedFinding, StepRow, Summary

__all__ = [
    "DEFAULT_TITLE",
    "HAND_FIELDS",
    "INVALID_SENTENCE",
    "print_chart_svg",
    "print_html",
]

# The English wording (kept for callers); the printout writes each in the current language.
DEFAULT_TITLE = _ENGLISH["print.default_title"]
_HAND_KEYS = ("print.hand.name", "print.hand.birth", "print.hand.printed", "print.hand.phone")
HAND_FIELDS = tuple(_ENGLISH[key] for key in _HAND_KEYS)
INVALID_SENTENCE = _ENGLISH["print.invalid"]
# Findings a clinic needs on paper: the schedule's own problems. The notes (info) repeat the
# safety notice; "more-findings" is kept because it says the list is cut short.
_PRINTED_SEVERITIES = ("error", "warning")
_KEPT_NOTES = ("more-findings",)

# ---- The compact day chart (SVG user units) ----
# print.css gives each chart half the sheet less the margins and the gap: 90 mm on A4, 93 mm on
# Letter. 320 units in 90 mm is 0.28 mm a unit, so the 11-unit y labels print at 8.8 pt and the
# 12-unit text (x labels, axis titles, amounts) at 9.6 pt. Shorter than the screen chart (162
# units, not 284): the program's name and daily total are printed above it in HTML, so the SVG
# carries only the axes and the blocks.
CHART_WIDTH = 320
CHART_HEIGHT = 162
CHART_FONT = 12
CHART_FONT_TICK = 11
CHART_PLOT_LEFT_MIN = 40
CHART_Y_LABEL_GAP = 8  # between the widest y label and the plot
CHART_PLOT_RIGHT = CHART_WIDTH - 17
CHART_PLOT_TOP = 24
CHART_PLOT_BOTTOM = 124
CHART_TICK_EVERY_MINUTES = 3 * 60
# Nine "HH:00" labels do not fit 88 mm at a size that prints well: a label every 6 h, a tick
# every 3 h (as the screen chart does on a phone).
CHART_LABEL_EVERY_MINUTES = 6 * 60
CHART_LABEL_INSIDE_MIN_HEIGHT = 20
CHART_LABEL_PAD = 3


# The printed chart's y labels: a little closer to the plot than on screen (smaller type).
CHART_Y_LABEL_GAP = 5
CHART_Y_LABEL_DROP = 4


def _print_y_ticks(frame: ChartFrame) -> str:
    return y_ticks(
        frame,
        gap=CHART_Y_LABEL_GAP,
        drop=CHART_Y_LABEL_DROP,
        css_class="fd-tick-label fd-print-y-label",
        font_size=CHART_FONT_TICK,
    )


def _print_amounts(summary_steps: tuple[StepRow, ...], frame: ChartFrame) -> str:
    """Each block's amount, inside it when it is tall enough, else above it; none if too narrow."""
    labels = []
    for step in summary_steps:
        x0, x1 = frame.x_at(step.start_minutes), frame.x_at(step.end_minutes)
        y = frame.y_at(float(step.mcg_per_day))
        amount = step_amount(step)
        width = text_width_em(amount) * CHART_FONT + 2 * CHART_LABEL_PAD
        label_x = _label_x(x0, x1, width, None)
        if label_x is None:
            continue
        inside = CHART_PLOT_BOTTOM - y >= CHART_LABEL_INSIDE_MIN_HEIGHT
        labels.append(
            _text(
                label_x,
                y + 15 if inside else y - 5,
                amount,
                "fd-amount fd-amount-in" if inside else "fd-amount fd-amount-out",
                anchor="middle",
                font_size=CHART_FONT,
            )
        )
    return f'<g class="fd-amounts">{"".join(labels)}</g>'


def _print_x_axis(frame: ChartFrame) -> str:
    """Baseline, a tick every 3 h, a label every 6 h, and the axis title."""
    out = [
        f'<line class="fd-axis" x1="{_n(frame.plot_left)}" y1="{_n(CHART_PLOT_BOTTOM)}" '
        f'x2="{_n(CHART_PLOT_RIGHT)}" y2="{_n(CHART_PLOT_BOTTOM)}" stroke="currentColor" '
        'stroke-width="1.5"/>',
        '<g class="fd-x-ticks">',
    ]
    for mins in range(0, MINUTES_PER_DAY + 1, CHART_TICK_EVERY_MINUTES):
        x = frame.x_at(mins)
        out.append(
            f'<line class="fd-tick" data-minutes="{mins}" x1="{_n(x)}" '
            f'y1="{_n(CHART_PLOT_BOTTOM)}" x2="{_n(x)}" y2="{_n(CHART_PLOT_BOTTOM + 4)}" '
            'stroke="currentColor"/>'
        )
        if mins % CHART_LABEL_EVERY_MINUTES:
            continue
        out.append(
            _text(
                x,
                CHART_PLOT_BOTTOM + 16,
                f"{mins // 60:02d}:00",
                "fd-tick-label fd-print-x-label",
                anchor="middle",
                font_size=CHART_FONT,
            )
        )
    out.append("</g>")
    out.append(
        _text(
            (frame.plot_left + CHART_PLOT_RIGHT) / 2,
            CHART_HEIGHT - 4,
            label("print.axis_time"),
            "fd-axis-title",
            anchor="middle",
            font_size=CHART_FONT,
        )
    )
    return "".join(out)


def print_chart_svg(summary: Summary, program: str, index: int, *, id_prefix: str) -> str:
    """One program's dose rate over 24 h, drawn for paper: the same blocks, step line and axes
    as the screen chart (same classes, so render.css colours it), in a shorter frame."""
    prog = summary.programs[program]
    steps = prog.steps
    base = f"{id_prefix}-day-{index}"
    title_id, desc_id = f"{base}-title", f"{base}-desc"
    frame = chart_frame(
        steps,
        plot_left_min=CHART_PLOT_LEFT_MIN,
        tick_font=CHART_FONT_TICK,
        tick_pad=CHART_Y_LABEL_GAP,
        plot_right=CHART_PLOT_RIGHT,
        plot_top=CHART_PLOT_TOP,
        plot_bottom=CHART_PLOT_BOTTOM,
    )
    words = [step_words(s) for s in steps]
    words.append(label("print.total_words", mcg=fmt_mcg(prog.daily_mcg)))
    blocks = "".join(block_rect(i, step, frame) for i, step in enumerate(steps))
    return (
        _svg_open("fd-day-chart fd-print-chart", CHART_WIDTH, CHART_HEIGHT, title_id, desc_id)
        + f'<title id="{title_id}">{esc(label("svg.day_title", program=program))}</title>'
        + f'<desc id="{desc_id}">{esc(" ".join(words))}</desc>'
        + _text(0, 13, label("svg.axis_rate"), "fd-axis-title", font_size=CHART_FONT)
        + gridlines(frame)
        + _print_y_ticks(frame)
        + f'<g class="fd-blocks">{blocks}</g>'
        + step_line(steps, frame)
        + _print_amounts(steps, frame)
        + _print_x_axis(frame)
        + "</svg>"
    )


# ---- HTML parts ----


def _bdi(text: object) -> str:
    return f'<bdi class="fd-name">{esc(text)}</bdi>'


def blank_line(unit: str = "", *, prefix: str = "fd-print") -> str:
    """A line to write on by hand (print.css draws it), with its unit at the end.

    `prefix` names the sheet's classes: "fd-print" for the printout, "fd-card" for the card.
    """
    unit_html = f'<span class="{prefix}-unit">{esc(unit)}</span>' if unit else ""
    return f'<dd class="{prefix}-blank">{unit_html}</dd>'


def label_pairs(css_class: str, items: list[tuple[str, str]], *, prefix: str = "fd-print") -> str:
    """A <dl> of (label, <dd>…</dd>) pairs, each pair in a div (valid HTML, one grid cell)."""
    body = "".join(
        f'<div class="{prefix}-pair"><dt>{esc(name)}</dt>{dd}</div>' for name, dd in items
    )
    return f'<dl class="{prefix}-pairs {css_class}">{body}</dl>'


def _value(text: str) -> str:
    return f"<dd>{text}</dd>"


def _head(title: str) -> str:
    return (
        '<div class="fd-print-head">'
        f'<h2 class="fd-print-title"><bdi>{esc(title)}</bdi></h2>'
        + label_pairs("fd-print-fields", [(label(key), blank_line()) for key in _HAND_KEYS])
        + "</div>"
    )


def _program(summary: Summary, name: str, index: int, id_prefix: str) -> str:
    prog = summary.programs[name]
    mcg = fmt_mcg(prog.daily_mcg)
    if prog.ml_per_day is None:
        daily = esc(label("print.daily", mcg=mcg))
    else:
        daily = esc(label("print.daily_with_ml", mcg=mcg, ml=fmt_ml(prog.ml_per_day)))
    return (
        '<div class="fd-print-program">'
        f'<h3 class="fd-print-h">{label("print.program_heading", name=_bdi(name))} '
        f'<span class="fd-print-daily">{daily}</span></h3>'
        + print_chart_svg(summary, name, index, id_prefix=id_prefix)
        + steps_table_html(summary, name)
        + "</div>"
    )


def _week(summary: Summary) -> str:
    """Monday to Sunday across: the program and the day's total, as a compact table."""
    week = summary.week
    days = weekdays()
    head = "".join(f'<th scope="col">{esc(short)}</th>' for _, short, _ in days)
    names = "".join(f"<td>{_bdi(week[key].program)}</td>" for key, _, _ in days)
    totals = "".join(
        f'<td class="fd-num">{fmt_mcg(week[key].daily_mcg)}</td>' for key, _, _ in days
    )
    rows = [
        f'<tr><th scope="row">{esc(label("print.week_program"))}</th>{names}</tr>',
        f'<tr><th scope="row">{esc(label("print.week_mcg"))}</th>{totals}</tr>',
    ]
    mls = [week[key].ml_per_day for key, _, _ in days]
    if all(ml is not None for ml in mls):
        cells = "".join(f'<td class="fd-num">{fmt_ml(ml)}</td>' for ml in mls if ml is not None)
        rows.append(f'<tr><th scope="row">{esc(label("print.week_ml"))}</th>{cells}</tr>')
    return (
        '<div class="fd-print-week">'
        '<table class="fd-table fd-print-week-table">'
        f"<caption>{esc(label('print.week_caption'))}</caption>"
        f'<thead><tr><td class="fd-print-corner"></td>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _days(days: float) -> str:
    return fmt_days(days)


def _totals(summary: Summary) -> str:
    title = label("print.every_day" if len(summary.programs) == 1 else "print.average_day")
    mean = esc(label("amount.mcg", mcg=fmt_mcg(summary.mean_mcg)))
    items = [(title, _value(f"<strong>{mean}</strong>"))]
    concentration = summary.concentration_mcg_per_ml
    if summary.ml_per_day is not None and concentration is not None:
        items.append(
            (
                label("print.drug"),
                _value(
                    esc(
                        label(
                            "print.drug_value",
                            ml=fmt_ml(summary.ml_per_day),
                            conc=fmt_mcg(concentration),
                        )
                    )
                ),
            )
        )
    alarm = summary.alarm
    if alarm:
        items.append(
            (
                label("print.alarm"),
                _value(
                    label(
                        "print.alarm_value",
                        date=esc(fmt_date(alarm.date)),
                        part=esc(fmt_part_of_day(alarm.time)),
                        days=esc(_days(float(alarm.days))),
                    )
                ),
            )
        )
        if summary.refill_by:
            margin = float(summary.refill_margin_days or 0)
            items.append(
                (
                    label("print.refill"),
                    _value(
                        label(
                            "print.refill_value",
                            date=esc(fmt_date(summary.refill_by)),
                            days=esc(_days(margin)),
                        )
                    ),
                )
            )
    heading = f'<h3 class="fd-print-h">{esc(label("print.totals"))}</h3>'
    return heading + label_pairs("fd-print-totals", items)


def _refill(summary: Summary) -> str:
    """What the refill record holds: each value the report knows, else a line to fill in."""
    alarm = summary.alarm
    concentration = summary.concentration_mcg_per_ml
    items = [(label("print.reservoir"), blank_line(label("blank.ml")))]
    items.append(
        (
            label("print.alarm_volume"),
            _value(esc(label("print.ml_left", ml=fmt_ml(alarm.alarm_ml))))
            if alarm
            else blank_line(label("blank.ml_left")),
        )
    )
    items.append(
        (
            label("print.strength"),
            _value(esc(label("amount.mcg_per_ml", conc=fmt_mcg(concentration))))
            if concentration is not None
            else blank_line(label("blank.mcg_per_ml")),
        )
    )
    items.append(
        (
            label("print.filled_on"),
            _value(
                label(
                    "print.filled_on_value",
                    date=esc(fmt_date(alarm.fill_date)),
                    time=esc(alarm.fill_time),
                )
            )
            if alarm
            else blank_line(label("blank.date_time")),
        )
    )
    items.append(
        (
            label("print.volume_filled"),
            _value(esc(label("amount.ml", ml=fmt_ml(alarm.volume_ml))))
            if alarm
            else blank_line(label("blank.ml")),
        )
    )
    heading = f'<h3 class="fd-print-h">{esc(label("print.refill_details"))}</h3>'
    return heading + label_pairs("fd-print-refill", items)


def _printed_findings(report: Report) -> list[ReportedFinding]:
    return [
        f for f in report.findings if f.severity in _PRINTED_SEVERITIES or f.code in _KEPT_NOTES
    ]


def _findings(report: Report) -> str:
    findings = _printed_findings(report)
    if not findings:
        return ""
    return (
        '<div class="fd-print-findings">'
        + findings_list_html(findings, where_links=False)
        + "</div>"
    )


def print_html(
    report: Report, summary: Summary | None, *, comparison: Comparison | None, id_prefix: str
) -> str:
    """The printout (see render.print_html); summary is None for a report that is not valid."""
    notice = f'<p class="fd-safety" role="note">{esc(safety.current().NOTICE)}</p>'
    region = f'{lang_attribute()} aria-label="{esc(label("print.region"))}"'
    if summary is None:
        return (
            f'<section class="fd-print fd-invalid"{region}>'
            + _head(label("print.default_title"))
            + notice
            + f'<p class="fd-invalid-note">{esc(label("print.invalid"))}</p>'
            + _findings(report)
            + "</section>"
        )
    names = list(summary.programs)
    programs = "".join(
        _program(summary, name, index, id_prefix) for index, name in enumerate(names)
    )
    parts = [
        _head(summary.title or label("print.default_title")),
        notice,
        f'<div class="fd-print-programs fd-print-programs-{min(len(names), 3)}">{programs}</div>',
    ]
    if len(names) > 1:
        parts.append(_week(summary))
    facts = f'<div class="fd-print-col">{_totals(summary)}{_refill(summary)}</div>'
    if comparison is not None:
        facts += (
            '<div class="fd-print-col fd-print-compare">'
            f'<h3 class="fd-print-h">{esc(label("print.compare_heading"))}</h3>'
            + compare_html(comparison, where_links=False)
            + "</div>"
        )
    parts.append(f'<div class="fd-print-facts">{facts}</div>')
    parts.append(_findings(report))
    return f'<section class="fd-print"{region}>' + "".join(parts) + "</section>"
