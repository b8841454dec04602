"""SVG pictures of a checked schedule: the 24-hour day chart and the week strip.

Every colour comes from a CSS class (widget/web/render.css); the presentation attributes written
here are only fallbacks that stay legible in light and dark pages when no stylesheet is loaded
(currentColor everywhere). No style attributes and no <style> elements: the embed's CSP is
`style-src 'self'`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ._fmt import (
    esc,
    fmt_mcg,
    fmt_mcg_per_day,
    fmt_ml,
    fmt_number,
    lang_attribute,
    text_width_em,
    truncate_to_width,
)
from .arithmetic import fmt_minutes
from .labels import label, weekdays
from .model import WEEKDAY_NAMES, WEEKDAY_SHORT_NAMES
from .results import ProgramSummary, StepRow, Summary

__all__ = [
    "WEEKDAYS",
    "check_id_prefix",
    "day_chart_svg",
    "no_picture_svg",
    "week_strip_svg",
]

# (key, short name, full name) from the one weekday table (flexdose.model), in English; the
# renderers write `flexdose.labels.weekdays()`, the names in the current language.
WEEKDAYS = tuple((key, WEEKDAY_SHORT_NAMES[key], full) for key, full in WEEKDAY_NAMES.items())

MINUTES_PER_DAY = 24 * 60
TICK_EVERY_MINUTES = 3 * 60
# Y axis when every step is 0 mcg/day: any scale works; this one keeps the gridlines meaningful.
EMPTY_AXIS_MCG_PER_DAY = 100

# ---- Layout (SVG user units; the chart scales to its container through the viewBox) ----
# 320 units wide: on a 320 px phone the chart gets about 260 px, so 14-unit text is ~11.5 px.
# render.css caps the width so text does not grow past ~1.7x on a desktop. Nine "HH:MM" labels
# cannot fit a phone's width at a readable size: the 03/09/15/21 labels carry fd-tick-minor,
# which render.css hides on narrow screens (the ticks stay) while enlarging the others.
WIDTH = 320
FONT = 14
FONT_TICK = 10
FONT_TITLE = 15
PLOT_LEFT_MIN = 40  # widened when the y labels need it ("100,000")
FONT_Y_TICK_MAX = 12.5  # the y labels' size on phones (render.css), used to make room
Y_LABEL_GAP = 10  # between the widest y label and the plot, at that size
PLOT_RIGHT = WIDTH - 19
PLOT_TOP = 72
PLOT_BOTTOM = 212
DAY_HEIGHT = 284
LABEL_INSIDE_MIN_HEIGHT = 24  # a block this tall holds its amount label inside
LABEL_PAD = 3

_ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,40}")


def check_id_prefix(id_prefix: str) -> str:
    """id_prefix itself if it is a safe HTML id start; ValueError otherwise."""
    if not isinstance(id_prefix, str) or not _ID_PREFIX.fullmatch(id_prefix):
        raise ValueError(
            f"id_prefix must be a letter then up to 40 letters, digits, '-' or '_': {id_prefix!r}"
        )
    return id_prefix


def _n(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _nice_step(max_value: float, max_ticks: int = 5) -> float:
    """The smallest 1/2/2.5/5 x 10^k step that covers max_value in at most max_ticks intervals."""
    raw = max_value / max_ticks
    magnitude: float = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


def nice_axis(max_value: float) -> tuple[float, list[float]]:
    """(axis top, tick values from 0) with round numbers, top >= max_value."""
    if max_value <= 0:
        max_value = EMPTY_AXIS_MCG_PER_DAY
    step = _nice_step(max_value)
    top = math.ceil(max_value / step - 1e-9) * step
    count = round(top / step)
    return top, [i * step for i in range(count + 1)]


def tick_label(value: float, step: float) -> str:
    """A y tick with as many decimals as the step needs (2.5-steps keep '12.5', not '13')."""
    decimals = next((d for d in range(7) if abs(step * 10**d - round(step * 10**d)) < 1e-6), 6)
    return fmt_number(value, decimals, keep_zeros=True)


def _svg_open(css_class: str, width: float, height: float, title_id: str, desc_id: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg"{lang_attribute()} class="fd-svg {css_class}" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" fill="currentColor" '
        f"font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\" "
        f'font-size="{FONT}">'
    )


def _text(
    x: float, y: float, text: str, css_class: str, *, anchor: str = "start", **attrs: object
) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    anchor_attr = "" if anchor == "start" else f' text-anchor="{anchor}"'
    return (
        f'<text class="{css_class}" x="{_n(x)}" y="{_n(y)}"{anchor_attr}{extra}>{esc(text)}</text>'
    )


def no_picture_svg(message: str, *, id_prefix: str, css_class: str) -> str:
    """A small accessible SVG that says why there is no picture (no numbers in it)."""
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    return (
        _svg_open(f"{css_class} fd-no-picture", WIDTH, 60, title_id, desc_id)
        + f'<title id="{title_id}">{esc(label("svg.no_picture_title"))}</title>'
        + f'<desc id="{desc_id}">{esc(message)}</desc>'
        + f'<rect class="fd-plot-bg" x="0.5" y="0.5" width="{WIDTH - 1}" height="59" rx="6" '
        'fill="none" stroke="currentColor" stroke-opacity="0.4"/>'
        + _text(WIDTH / 2, 35, message, "fd-note-text", anchor="middle")
        + "</svg>"
    )


def _label_x(x0: float, x1: float, width: float, now_x: float | None) -> float | None:
    """Centre of a label `width` wide inside [x0, x1] that keeps clear of the now line, or None."""
    spans = [(x0, x1)]
    if now_x is not None and x0 < now_x < x1:
        centre = (x0 + x1) / 2
        if abs(centre - now_x) >= width / 2 + LABEL_PAD:
            return centre
        spans = [(x0, now_x - LABEL_PAD), (now_x + LABEL_PAD, x1)]
    for left, right in spans:
        if right - left >= width:
            return (left + right) / 2
    return None


@dataclass(frozen=True, slots=True)
class ChartFrame:
    """Where a day chart's plot sits (SVG user units) and its y axis: rate -> y, minute -> x."""

    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    top_value: float
    ticks: tuple[float, ...]

    @property
    def tick_step(self) -> float:
        """The y axis' step between two ticks."""
        return self.ticks[1] - self.ticks[0]

    def x_at(self, mins: float) -> float:
        """x of a time of day, in minutes after midnight."""
        return self.plot_left + (self.plot_right - self.plot_left) * mins / MINUTES_PER_DAY

    def y_at(self, rate: float) -> float:
        """y of a rate in mcg/day."""
        return self.plot_bottom - (self.plot_bottom - self.plot_top) * rate / self.top_value


def chart_frame(
    steps: Sequence[StepRow],
    *,
    plot_left_min: float,
    tick_font: float,
    tick_pad: float,
    plot_right: float,
    plot_top: float,
    plot_bottom: float,
) -> ChartFrame:
    """The frame for these steps: the y axis from their highest rate, the plot's left edge
    moved right when the widest y label (at `tick_font`, plus `tick_pad`) needs the room."""
    top_value, ticks = nice_axis(max(float(s.mcg_per_day) for s in steps))
    tick_step = ticks[1] - ticks[0]
    widest_em = max(text_width_em(tick_label(value, tick_step)) for value in ticks)
    return ChartFrame(
        plot_left=max(plot_left_min, widest_em * tick_font + tick_pad),
        plot_right=plot_right,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        top_value=top_value,
        ticks=tuple(ticks),
    )


def step_words(step: StepRow) -> str:
    """One step in words, for the chart's <desc>."""
    return label(
        "svg.step_words",
        start=step.start,
        end=step.end,
        rate=fmt_mcg_per_day(step.mcg_per_day),
        mcg=fmt_mcg(step.mcg),
    )


def step_amount(step: StepRow) -> str:
    """What a step delivers, as its block is labelled: '175 mcg'."""
    return label("amount.mcg", mcg=fmt_mcg(step.mcg))


def block_rect(index: int, step: StepRow, frame: ChartFrame) -> str:
    """One step's block: x from its start and end, height from its rate, its words in <title>."""
    x0, x1 = frame.x_at(step.start_minutes), frame.x_at(step.end_minutes)
    rate = float(step.mcg_per_day)
    y = frame.y_at(rate)
    tip = label(
        "svg.block_tip",
        start=step.start,
        end=step.end,
        rate=fmt_mcg_per_day(rate),
        amount=step_amount(step),
    )
    return (
        f'<rect class="fd-block{" fd-block-zero" if rate == 0 else ""}" '
        f'data-step="{index}" data-start="{esc(step.start)}" x="{_n(x0)}" y="{_n(y)}" '
        f'width="{_n(x1 - x0)}" height="{_n(frame.plot_bottom - y)}" fill="currentColor" '
        f'fill-opacity="0.22"><title>{esc(tip)}</title></rect>'
    )


def step_line(steps: Sequence[StepRow], frame: ChartFrame) -> str:
    """The rate as one stepped line: the shape a clinician draws, strong enough for 3:1 contrast."""
    path = [f"M{_n(frame.x_at(0))} {_n(frame.y_at(float(steps[0].mcg_per_day)))}"]
    for i, step in enumerate(steps):
        if i:
            path.append(f"V{_n(frame.y_at(float(step.mcg_per_day)))}")
        path.append(f"H{_n(frame.x_at(step.end_minutes))}")
    return (
        f'<path class="fd-step-line" d="{"".join(path)}" fill="none" stroke="currentColor" '
        'stroke-width="2" stroke-linejoin="round"/>'
    )


def gridlines(frame: ChartFrame) -> str:
    """One horizontal line per y tick, across the plot."""
    lines = "".join(
        f'<line x1="{_n(frame.plot_left)}" y1="{_n(frame.y_at(value))}" '
        f'x2="{_n(frame.plot_right)}" y2="{_n(frame.y_at(value))}"/>'
        for value in frame.ticks
    )
    return f'<g class="fd-grid" stroke="currentColor" stroke-opacity="0.18">{lines}</g>'


def _total_text(prog: ProgramSummary) -> str:
    ml = prog.ml_per_day
    if ml is None:
        return label("svg.total", mcg=fmt_mcg(prog.daily_mcg))
    return label("svg.total_with_ml", mcg=fmt_mcg(prog.daily_mcg), ml=fmt_ml(ml))


def _day_frame(steps: Sequence[StepRow]) -> ChartFrame:
    return chart_frame(
        steps,
        plot_left_min=PLOT_LEFT_MIN,
        tick_font=FONT_Y_TICK_MAX,
        tick_pad=Y_LABEL_GAP,
        plot_right=PLOT_RIGHT,
        plot_top=PLOT_TOP,
        plot_bottom=PLOT_BOTTOM,
    )


def _day_heading(program: str) -> str:
    """The program's name (cut to fit; the full name is in the title) and the axis title."""
    name_max_em = (WIDTH - 4) / FONT_TITLE
    return _text(
        0,
        18,
        truncate_to_width(program, name_max_em),
        "fd-chart-name",
        font_size=FONT_TITLE,
        font_weight="bold",
    ) + _text(0, 44, label("svg.axis_rate"), "fd-axis-title")


def y_ticks(frame: ChartFrame, *, gap: float, drop: float, css_class: str, font_size: float) -> str:
    """The y axis's labels, right-aligned `gap` px left of the plot, `drop` px below each tick
    (about a third of the font size, so the digits' middle sits on the gridline)."""
    labels = "".join(
        _text(
            frame.plot_left - gap,
            frame.y_at(value) + drop,
            tick_label(value, frame.tick_step),
            css_class,
            anchor="end",
            font_size=font_size,
        )
        for value in frame.ticks
    )
    return f'<g class="fd-y-ticks">{labels}</g>'


# The screen chart's y labels: 6 px from the plot, one size above the x labels.
Y_LABEL_GAP = 6
Y_LABEL_DROP = 4.5


def _day_y_ticks(frame: ChartFrame) -> str:
    return y_ticks(
        frame,
        gap=Y_LABEL_GAP,
        drop=Y_LABEL_DROP,
        css_class="fd-tick-label",
        font_size=FONT_TICK + 1,
    )


def _day_blocks(steps: Sequence[StepRow], frame: ChartFrame, now_x: float | None) -> str:
    """The blocks, then the step line over them, then the amounts (kept clear of "Now")."""
    rects = []
    labels = []
    for i, step in enumerate(steps):
        rects.append(block_rect(i, step, frame))
        x0, x1 = frame.x_at(step.start_minutes), frame.x_at(step.end_minutes)
        y = frame.y_at(float(step.mcg_per_day))
        amount = step_amount(step)
        label_x = _label_x(x0, x1, text_width_em(amount) * FONT + 2 * LABEL_PAD, now_x)
        if label_x is None:
            continue
        if PLOT_BOTTOM - y >= LABEL_INSIDE_MIN_HEIGHT:
            labels.append(_text(label_x, y + 17, amount, "fd-amount fd-amount-in", anchor="middle"))
        else:
            labels.append(_text(label_x, y - 6, amount, "fd-amount fd-amount-out", anchor="middle"))
    return (
        f'<g class="fd-blocks">{"".join(rects)}</g>'
        + step_line(steps, frame)
        + f'<g class="fd-amounts">{"".join(labels)}</g>'
    )


def _day_x_axis(frame: ChartFrame) -> str:
    """Baseline, ticks every 3 h with labels (the minor ones hidden on phones), axis title."""
    out = [
        f'<line class="fd-axis" x1="{_n(frame.plot_left)}" y1="{_n(PLOT_BOTTOM)}" '
        f'x2="{_n(PLOT_RIGHT)}" y2="{_n(PLOT_BOTTOM)}" stroke="currentColor" stroke-width="1.5"/>',
        '<g class="fd-x-ticks">',
    ]
    for mins in range(0, MINUTES_PER_DAY + 1, TICK_EVERY_MINUTES):
        x = frame.x_at(mins)
        out.append(
            f'<line class="fd-tick" data-minutes="{mins}" x1="{_n(x)}" y1="{_n(PLOT_BOTTOM)}" '
            f'x2="{_n(x)}" y2="{_n(PLOT_BOTTOM + 5)}" stroke="currentColor"/>'
        )
        minor = " fd-tick-minor" if mins % (2 * TICK_EVERY_MINUTES) else ""
        out.append(
            _text(
                x,
                PLOT_BOTTOM + 18,
                f"{mins // 60:02d}:00",
                f"fd-tick-label fd-x-label{minor}",
                anchor="middle",
                font_size=FONT_TICK,
            )
        )
    out.append("</g>")
    out.append(
        _text(
            (frame.plot_left + PLOT_RIGHT) / 2,
            PLOT_BOTTOM + 40,
            label("svg.axis_time"),
            "fd-axis-title",
            anchor="middle",
        )
    )
    return "".join(out)


def _now_step(steps: Sequence[StepRow], now_minutes: int) -> StepRow:
    return next((s for s in steps if s.start_minutes <= now_minutes < s.end_minutes), steps[-1])


def _now_words(steps: Sequence[StepRow], now_minutes: int) -> str:
    current = _now_step(steps, now_minutes)
    return label(
        "svg.now_words",
        now=fmt_minutes(now_minutes),
        start=current.start,
        end=current.end,
        rate=fmt_mcg_per_day(current.mcg_per_day),
    )


def _now_marker(frame: ChartFrame, now_minutes: int) -> str:
    """The dashed line at now_minutes, labelled "Now" (the label kept inside the plot)."""
    x = frame.x_at(now_minutes)
    now_at = fmt_minutes(now_minutes)
    label_x = min(max(x, frame.plot_left + 18), PLOT_RIGHT - 18)
    return (
        f'<g class="fd-now"><title>{esc(label("svg.now_title", now=now_at))}</title>'
        f'<line x1="{_n(x)}" y1="{_n(PLOT_TOP - 10)}" x2="{_n(x)}" y2="{_n(PLOT_BOTTOM)}" '
        'stroke="currentColor" stroke-width="2" stroke-dasharray="5 3"/>'
        + _text(
            label_x,
            PLOT_TOP - 14,
            label("svg.now_label"),
            "fd-now-label",
            anchor="middle",
            font_weight="bold",
        )
        + "</g>"
    )


def day_chart_svg(
    summary: Summary, program: str, index: int, *, now_minutes: int | None, id_prefix: str
) -> str:
    """The step chart of one program's rate over 24 h (see render.day_chart_svg)."""
    prog = summary.programs[program]
    steps = prog.steps
    base = f"{id_prefix}-day-{index}"
    title_id, desc_id = f"{base}-title", f"{base}-desc"
    frame = _day_frame(steps)
    total_text = _total_text(prog)
    words = [step_words(step) for step in steps]
    words.append(total_text + ".")
    if now_minutes is not None:
        words.append(_now_words(steps, now_minutes))
    now_x = frame.x_at(now_minutes) if now_minutes is not None else None
    return (
        _svg_open("fd-day-chart", WIDTH, DAY_HEIGHT, title_id, desc_id)
        + f'<title id="{title_id}">{esc(label("svg.day_title", program=program))}</title>'
        + f'<desc id="{desc_id}">{esc(" ".join(words))}</desc>'
        + _day_heading(program)
        + gridlines(frame)
        + _day_y_ticks(frame)
        + _day_blocks(steps, frame, now_x)
        + _day_x_axis(frame)
        + _text(0, DAY_HEIGHT - 8, total_text, "fd-chart-total", font_weight="bold")
        + ("" if now_minutes is None else _now_marker(frame, now_minutes))
        + "</svg>"
    )


# ---- Week strip ----

WEEK_ROW = 28
WEEK_TOP = 30
WEEK_DAY_X = 0
WEEK_NAME_X = 42
WEEK_TOTAL_RIGHT = 218
WEEK_BAR_X = 226
WEEK_BAR_MAX = WIDTH - WEEK_BAR_X - 2
WEEK_BAR_HEIGHT = 16
WEEK_TOTAL_EM = 5.2  # room kept left of the total column for "10,000 mcg"


def week_strip_svg(summary: Summary, *, id_prefix: str) -> str:
    """Mon..Sun as rows: day, program, daily total and a bar (see render.week_strip_svg)."""
    base = f"{id_prefix}-week"
    title_id, desc_id = f"{base}-title", f"{base}-desc"
    week = summary.week
    days = weekdays()
    largest = max((float(week[key].daily_mcg) for key, _, _ in days), default=0.0)
    height = WEEK_TOP + 7 * WEEK_ROW + 34
    mean = fmt_mcg(summary.mean_mcg)
    if summary.ml_per_day is None:
        mean_text = label("week.mean", mcg=mean)
    else:
        mean_text = label("week.mean_with_ml", mcg=mean, ml=fmt_ml(summary.ml_per_day))

    words = []
    rows = []
    name_max_em = (WEEK_TOTAL_RIGHT - WEEK_TOTAL_EM * FONT - WEEK_NAME_X) / FONT
    for i, (key, short, full) in enumerate(days):
        day = week[key]
        total = fmt_mcg(day.daily_mcg)
        words.append(label("week.day_words", day=full, program=day.program, mcg=total))
        top = WEEK_TOP + i * WEEK_ROW
        baseline = top + WEEK_ROW / 2 + 5
        bar_w = WEEK_BAR_MAX * float(day.daily_mcg) / largest if largest > 0 else 0
        rows.append(
            f'<g class="fd-week-day" data-day="{key}">'
            "<title>"
            + esc(label("week.day_tip", day=full, program=day.program, mcg=total))
            + "</title>"
            + _text(WEEK_DAY_X, baseline, short, "fd-week-dayname", font_weight="bold")
            + _text(
                WEEK_NAME_X,
                baseline,
                truncate_to_width(str(day.program), name_max_em),
                "fd-week-program",
            )
            + _text(
                WEEK_TOTAL_RIGHT,
                baseline,
                label("amount.mcg", mcg=total),
                "fd-week-total",
                anchor="end",
            )
            + f'<rect class="fd-week-track" x="{_n(WEEK_BAR_X)}" '
            f'y="{_n(top + (WEEK_ROW - WEEK_BAR_HEIGHT) / 2)}" width="{_n(WEEK_BAR_MAX)}" '
            f'height="{WEEK_BAR_HEIGHT}" fill="currentColor" fill-opacity="0.08"/>'
            + f'<rect class="fd-week-bar" x="{_n(WEEK_BAR_X)}" '
            f'y="{_n(top + (WEEK_ROW - WEEK_BAR_HEIGHT) / 2)}" width="{_n(bar_w)}" '
            f'height="{WEEK_BAR_HEIGHT}" fill="currentColor" fill-opacity="0.55"/>'
            "</g>"
        )
    words.append(mean_text + ".")
    return (
        _svg_open("fd-week-strip", WIDTH, height, title_id, desc_id)
        + f'<title id="{title_id}">{esc(label("week.title"))}</title>'
        + f'<desc id="{desc_id}">{esc(" ".join(words))}</desc>'
        + _text(
            0, 18, label("week.heading"), "fd-chart-name", font_size=FONT_TITLE, font_weight="bold"
        )
        + "".join(rows)
        + _text(0, height - 8, mean_text, "fd-chart-total", font_weight="bold")
        + "</svg>"
    )
