"""Pictures of a checked schedule: SVG charts, HTML fragments and the CLI's plain-text report.

Every function takes a report: the typed `flexdose.results.Report` of `flexdose.report.evaluate`,
or the report dict of `flexdose.check` (or the same JSON a portal received), read back once by
`flexdose.jsonout.report_from_json`. Everything is pure and uses the standard library only, so it
runs in CPython, at MkDocs build time and in Pyodide.
Every renderer takes `lang` ("en", "es"; None for the current language, `flexdose.i18n`): its
labels come from that language's catalogue (`flexdose.labels`), its safety sentences from
flexdose.safety in that language, its day and month names from `flexdose.i18n`. A finding's
message is the report's own, as the report was made (`flexdose.check(..., lang=...)`). English
output carries no `lang` attribute; a Spanish preview, printout, card, comparison or SVG has
`lang="es"` on its root element.
Output rules: user text (program names, title) is escaped with html.escape(quote=True); markup
carries `fd-` classes and no style attributes (colours live in widget/web/render.css); SVG ids
start with `id_prefix` so two widgets on one page never share an id. A report that is not valid
has no summary, and nothing here shows a number for it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from . import _card, _html, _print, _svg, _text, safety
from ._fmt import (
    esc,
    fmt_date,
    fmt_hours,
    fmt_mcg,
    fmt_mcg_per_day,
    fmt_mcg_per_hour,
    fmt_ml,
    fmt_number,
    fmt_pct,
    lang_attribute,
)
from ._html import NO_PICTURE_SENTENCE, SAFETY_SENTENCE
from .i18n import current_language, speaking
from .jsonout import comparison_from_json, report_from_json
from .labels import label
from .model import WEEKDAYS
from .paths import describe_where, fields_of
from .results import Comparison, Report, Summary

__all__ = [
    "NO_PICTURE_SENTENCE",
    "SAFETY_SENTENCE",
    "card_html",
    "compare_html",
    "day_chart_svg",
    "describe_where",
    "finding_fields",
    "findings_html",
    "fmt_date",
    "fmt_hours",
    "fmt_mcg",
    "fmt_mcg_per_day",
    "fmt_mcg_per_hour",
    "fmt_ml",
    "fmt_number",
    "fmt_pct",
    "preview_html",
    "print_html",
    "steps_table_html",
    "text_report",
    "today_program",
    "totals_html",
    "week_strip_svg",
    "widget_parts",
]

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _speaks(render: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run the renderer inside ``speaking(lang or current_language())``: its keyword `lang`.

    Raises ValueError (from `flexdose.i18n.check_language`) for a language flexdose does not
    speak, before anything is drawn.
    """

    @wraps(render)
    def speaking_render(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        lang = kwargs.get("lang")
        with speaking(lang or current_language()):
            return render(*args, **kwargs)

    return speaking_render


ReportInput = Report | Mapping[str, Any]
"""What every function here takes: a typed report, or a report's JSON (see the module doc)."""
ComparisonInput = Comparison | Mapping[str, Any]
"""A typed comparison (`flexdose.compare.evaluate_compare`), or `flexdose.compare`'s dict."""


def _report(report: ReportInput | None) -> Report:
    """The typed report; anything that is not a valid report's JSON reads as an invalid one."""
    return report if isinstance(report, Report) else report_from_json(report)


def _comparison(comparison: ComparisonInput) -> Comparison:
    return comparison if isinstance(comparison, Comparison) else comparison_from_json(comparison)


def _summary(report: Report) -> Summary | None:
    """The report's summary, or None when the report is not valid (then no numbers are shown)."""
    if not report.valid or report.summary is None or not report.summary.programs:
        return None
    return report.summary


def _program_index(summary: Summary, program: str) -> int:
    names = list(summary.programs)
    if program not in names:
        known = ", ".join(repr(n) for n in names)
        raise ValueError(f"No program named {program!r} in this report; it has {known}.")
    return names.index(program)


def _check_now(now_minutes: int | None) -> None:
    if now_minutes is None:
        return
    if isinstance(now_minutes, bool) or not isinstance(now_minutes, int):
        raise TypeError(f"now_minutes must be an int (minutes after midnight): {now_minutes!r}")
    if not 0 <= now_minutes < _svg.MINUTES_PER_DAY:
        raise ValueError(f"now_minutes must be 0..1439 (minutes after midnight): {now_minutes}")


@_speaks
def day_chart_svg(
    report: ReportInput,
    program: str,
    *,
    now_minutes: int | None = None,
    id_prefix: str = "fd",
    lang: str | None = None,
) -> str:
    """The program's dose rate from 00:00 to 24:00 as an accessible step chart (SVG string).

    Each step is a block whose left edge is its start time and whose height is its rate in
    mcg/day; its amount ("175 mcg") is written inside or above when it fits, and is always in the
    block's <title>. The <desc> lists every step in words and the daily total. now_minutes
    (minutes after midnight) adds a dashed line labelled "Now". For an invalid report the SVG
    only says that the picture appears once the errors are fixed.

    Raises:
        ValueError: program is not in a valid report, now_minutes is outside 0..1439, or
            id_prefix is not a safe id start.
        TypeError: now_minutes is not an int.
    """
    _svg.check_id_prefix(id_prefix)
    _check_now(now_minutes)
    summary = _summary(_report(report))
    if summary is None:
        return _svg.no_picture_svg(
            label("svg.no_picture_short"), id_prefix=f"{id_prefix}-day", css_class="fd-day-chart"
        )
    index = _program_index(summary, program)
    return _svg.day_chart_svg(summary, program, index, now_minutes=now_minutes, id_prefix=id_prefix)


@_speaks
def week_strip_svg(report: ReportInput, *, id_prefix: str = "fd", lang: str | None = None) -> str:
    """Monday to Sunday, one row each: program name, daily total and a bar (SVG string).

    Raises:
        ValueError: id_prefix is not a safe id start.
    """
    _svg.check_id_prefix(id_prefix)
    summary = _summary(_report(report))
    if summary is None:
        return _svg.no_picture_svg(
            label("svg.no_picture_short"), id_prefix=f"{id_prefix}-week", css_class="fd-week-strip"
        )
    return _svg.week_strip_svg(summary, id_prefix=id_prefix)


@_speaks
def steps_table_html(report: ReportInput, program: str, *, lang: str | None = None) -> str:
    """The program's steps as a <table>: start, end, length, mcg/day, mcg/hour, mcg in the step,
    and footer rows with the daily total (and mL per day when the concentration is known).

    Raises:
        ValueError: program is not in a valid report.
    """
    summary = _summary(_report(report))
    if summary is None:
        return f'<p class="fd-note">{esc(label("svg.no_picture_short"))}</p>'
    _program_index(summary, program)
    return _html.steps_table_html(summary, program)


@_speaks
def totals_html(report: ReportInput, *, lang: str | None = None) -> str:
    """Daily total per program, the week's average day, mL per day, alarm and refill-by dates
    as a <dl>; a plain note replaces each value whose data is missing."""
    summary = _summary(_report(report))
    if summary is None:
        return f'<p class="fd-note">{esc(label("html.no_totals"))}</p>'
    return _html.totals_html(summary)


@_speaks
def findings_html(report: ReportInput, *, where_links: bool = True, lang: str | None = None) -> str:
    """The findings grouped as errors, warnings and notes, each labelled in words.

    Each is `<li class="fd-finding fd-<severity>" data-code="...">`; a finding with a `where`
    gets `<button type="button" class="fd-where fd-goto" data-where="...">Go to the field</button>`
    (the widget turns it into a focus move; a button, so no navigation can follow it).
    where_links=False writes the field's name as text instead, for static pages that have no
    fields to go to.
    """
    return _html.findings_list_html(_report(report).findings, where_links=where_links)


@_speaks
def compare_html(
    comparison: ComparisonInput, *, where_links: bool = True, lang: str | None = None
) -> str:
    """Current vs proposed schedule: per-day totals, the average day, the change in mcg and %,
    and the large-change findings, framed as a picture to discuss with the care team."""
    return _html.compare_html(_comparison(comparison), where_links=where_links)


@_speaks
def preview_html(
    report: ReportInput,
    program: str | None = None,
    *,
    id_prefix: str = "fd",
    now_minutes: int | None = None,
    where_links: bool = True,
    lang: str | None = None,
) -> str:
    """The whole static picture in one `<div class="fd-preview">`.

    In order: the safety notice, the title, each program's chart and steps table (every program,
    or only `program`), the week strip (when there is more than one program), the totals and the
    findings. An invalid report shows the safety notice, a sentence saying the picture appears
    once the errors are fixed, and the findings: no numbers.

    Raises:
        ValueError: program is not in a valid report, or id_prefix is not a safe id start.
    """
    _svg.check_id_prefix(id_prefix)
    _check_now(now_minutes)
    report = _report(report)
    parts = [f'<p class="fd-safety" role="note">{esc(safety.current().NOTICE)}</p>']
    summary = _summary(report)
    if summary is None:
        parts.append(f'<p class="fd-invalid-note">{esc(label("html.no_picture"))}</p>')
        parts.append(findings_html(report, where_links=where_links))
        return f'<div class="fd-preview fd-invalid"{lang_attribute()}>{"".join(parts)}</div>'

    if summary.title:
        parts.append(f'<p class="fd-title"><bdi>{esc(summary.title)}</bdi></p>')
    names = list(summary.programs)
    if program is not None:
        _program_index(summary, program)
        names = [program]
    for name in names:
        parts.append(
            '<div class="fd-program">'
            + day_chart_svg(report, name, now_minutes=now_minutes, id_prefix=id_prefix)
            + _html.steps_table_html(summary, name)
            + "</div>"
        )
    if len(summary.programs) > 1:
        parts.append(
            f'<div class="fd-week">{_svg.week_strip_svg(summary, id_prefix=id_prefix)}</div>'
        )
    parts.append(_html.totals_html(summary))
    parts.append(findings_html(report, where_links=where_links))
    return f'<div class="fd-preview"{lang_attribute()}>{"".join(parts)}</div>'


@_speaks
def print_html(
    report: ReportInput,
    *,
    comparison: ComparisonInput | None = None,
    id_prefix: str = "fdp",
    lang: str | None = None,
) -> str:
    """The one-page printout for a clinic, as one `<section class="fd-print">`.

    In order: a heading with the schedule's title (or "Flex-dosing schedule"), blank lines to
    fill in by hand (name, date of birth, printed on, the clinic's phone), the safety notice,
    each program's name, daily total, chart (drawn for paper: axis text prints at 8 pt or more
    at the half-page width widget/web/print.css gives it) and steps table, the week (when there
    is more than one program), the totals (average day, mL per day, alarm and refill-by dates),
    the refill details (a line to write on for each one the report does not hold), the
    comparison (`comparison`, from `flexdose.compare`) and the errors and warnings as text.
    An invalid report prints the heading, the blank lines, the safety notice, a sentence saying
    to fix the errors first and the findings: no numbers, and no comparison.

    Raises:
        ValueError: id_prefix is not a safe id start.
    """
    _svg.check_id_prefix(id_prefix)
    typed = _report(report)
    return _print.print_html(
        typed,
        _summary(typed),
        comparison=None if comparison is None else _comparison(comparison),
        id_prefix=id_prefix,
    )


@_speaks
def card_html(
    report: ReportInput,
    *,
    document: object = None,
    id_prefix: str = "fdc",
    lang: str | None = None,
) -> str:
    """The fold-out wallet and emergency card, as one `<section class="fd-card">`.

    Six panels of bank-card size (85.6 x 54 mm, widget/web/print.css; text 8 pt or more) in two
    columns, to cut out along the outer line and fold down the middle, then along the dashed
    lines. Front: "I have an ITB baclofen pump" with lines to fill in by hand (name, ITB team
    phone, after-hours phone, emergency contact); the pump's reservoir (from `document`, the
    schedule the report was made from, when given), the drug's strength, the daily dose of each
    program the week runs, the alarm and refill-by dates (date only);
    what to tell the emergency team (safety.TELL_STAFF). Back: the emergency signs, the emergency
    tier's action and what to do if no one answers, the urgent signs and their action. Every
    safety sentence is flexdose.safety's own, whole. A value the report does not hold is a line
    to fill in by hand. An invalid report prints no doses: the sentence saying to fix the errors
    first, blank lines, and the same safety side.

    Raises:
        ValueError: id_prefix is not a safe id start.
    """
    _svg.check_id_prefix(id_prefix)
    return _card.card_html(_summary(_report(report)), document=document, id_prefix=id_prefix)


@_speaks
def text_report(report: ReportInput, *, lang: str | None = None) -> str:
    """The CLI's readable report: verdict, findings with where, summary tables with aligned
    columns, alarm and refill-by dates, and the safety sentence. Plain ASCII apart from user text,
    whose control characters are made visible."""
    typed = _report(report)
    return _text.text_report(typed, _summary(typed))


def _check_weekday(weekday: str | None) -> None:
    if weekday is not None and weekday not in WEEKDAYS:
        raise ValueError(f"weekday must be one of {', '.join(WEEKDAYS)}: {weekday!r}")


def today_program(report: ReportInput, weekday: str) -> str | None:
    """The program the week runs on `weekday` ("mon".."sun"), or None for an invalid report.

    A schedule with one program and no week plan runs it every day, so that is the answer for
    every weekday. The widget opens on this program, and only its chart gets the now marker.

    Raises:
        ValueError: weekday is not one of "mon".."sun".
    """
    _check_weekday(weekday)
    summary = _summary(_report(report))
    if summary is None:
        return None
    day = summary.week.get(weekday)
    return day.program if day is not None and day.program in summary.programs else None


def finding_fields(report: ReportInput) -> dict[str, list[str]]:
    """Each listed finding's where -> the form fields to mark for it, nearest first.

    The widget marks the first of these its form has (`paths.fields_of`), so the page never
    reads a path. Findings without a where (the whole schedule) are left out.
    """
    return {f.where: fields_of(f.where) for f in _report(report).findings if f.where}


@_speaks
def widget_parts(
    report: ReportInput,
    program: str | None,
    *,
    now_minutes: int | None = None,
    weekday: str | None = None,
    id_prefix: str = "fd",
    lang: str | None = None,
) -> dict[str, str]:
    """Everything the live widget redraws after an edit, as HTML/SVG strings by part.

    Keys: "chart" and "steps" (for program; empty when it is None or not in a valid report,
    e.g. while a new program is still being named), "week" (empty for an invalid report),
    "totals" and "findings". now_minutes draws the now marker on the chart; with `weekday`
    ("mon".."sun", today's) it is drawn only when program is the one the week runs that day
    (`today_program`), so a Tuesday program never shows Monday's "now".

    Raises:
        ValueError: weekday is not one of "mon".."sun", now_minutes is outside 0..1439, or
            id_prefix is not a safe id start.
        TypeError: now_minutes is not an int.
    """
    _check_weekday(weekday)
    _check_now(now_minutes)
    report = _report(report)
    summary = _summary(report)
    shown = program if summary is not None and program in summary.programs else None
    now = now_minutes
    if weekday is not None and shown is not None and today_program(report, weekday) != shown:
        now = None
    return {
        "chart": ""
        if shown is None
        else day_chart_svg(report, shown, now_minutes=now, id_prefix=id_prefix),
        "steps": "" if shown is None else steps_table_html(report, shown),
        "week": "" if summary is None else week_strip_svg(report, id_prefix=id_prefix),
        "totals": totals_html(report),
        "findings": findings_html(report),
    }
