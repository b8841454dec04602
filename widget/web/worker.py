"""ITB Flex widget: the worker entry that PyScript runs on Pyodide (an adapter, no rules here).

The page's JavaScript calls the functions in ``__export__`` through ``worker.sync`` and gets JSON
text back (plain strings cross the worker boundary without proxies). Every finding, total and
picture comes from ``flexdose``; this module only moves text in and out.
"""

import datetime
import functools
import json
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import flexdose
from flexdose import clock, form, render, samples, units
from flexdose.compare import evaluate_compare
from flexdose.i18n import DEFAULT_LANGUAGE, check_language, speaking
from flexdose.jsonout import comparison_to_json, report_to_json
from flexdose.parse import parse_date
from flexdose.report import evaluate, take_text, unshowable_reason

P = ParamSpec("P")
R = TypeVar("R")

# The language of the page that started this worker (set_language): one per window, since a
# change of edition is a whole page load (hooks/sitebuild/editions.py).
_language = DEFAULT_LANGUAGE


def set_language(lang: str) -> str:
    """Speak lang ("en", "es", "es-US"...) in every later answer; returns the code used."""
    global _language
    _language = check_language(lang)
    return _language


def _speaks(function: Callable[P, R]) -> Callable[P, R]:
    """function, run in the page's language (flexdose's wording reads it from i18n)."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with speaking(_language):
            return function(*args, **kwargs)

    return run


def _today(today: str) -> datetime.date | None:
    """None for "" (no date given), else the date of "YYYY-MM-DD"; ValueError otherwise."""
    if not today:
        return None
    date = parse_date(today)
    if date is None:
        raise ValueError(f"today must be a date written YYYY-MM-DD, or empty: {today!r}")
    return date


def version() -> str:
    """flexdose's version, so the page can show which build it runs."""
    return flexdose.__version__


@_speaks
def report(document_json: str, today: str = "") -> str:
    """The report of `flexdose check --json` for a document given as JSON text.

    today ("YYYY-MM-DD", the person's local date, or "" for none) adds the date checks.
    """
    return json.dumps(flexdose.check_text(document_json, today=_today(today)))


@_speaks
def take(document_json: str, today: str = "") -> str:
    """A schedule a portal sent (JSON text): flexdose.report.take_text, as JSON."""
    return json.dumps(take_text(document_json, today=_today(today)))


@_speaks
def parse_error(text: str) -> str:
    """'' when text opens as a schedule (a file, a share link), else flexdose's sentence why."""
    return unshowable_reason(text)


@_speaks
def view(
    document_json: str,
    program: str,
    now_minutes: int,
    id_prefix: str,
    weekday: str = "",
    today: str = "",
) -> str:
    """Everything the widget shows after an edit: the report and each rendered part.

    now_minutes < 0 draws no now marker; weekday ("mon".."sun", or "") keeps it to the program
    the week runs today; today ("YYYY-MM-DD" or "") adds the date checks to the report. The
    JSON also has "today_program": the program the week runs on weekday (null without one),
    and "fields": each finding's where -> the form fields to mark for it, nearest first
    (flexdose.render.finding_fields), so the page never reads a path.
    """
    # The typed report goes to the renderers; its JSON (the same as flexdose.check's) to the page.
    result = evaluate(json.loads(document_json), today=_today(today))
    now = now_minutes if now_minutes >= 0 else None
    day = weekday or None
    parts = render.widget_parts(result, program, now_minutes=now, weekday=day, id_prefix=id_prefix)
    shown_today = render.today_program(result, day) if day else None
    fields = render.finding_fields(result)
    return json.dumps(
        {"report": report_to_json(result), **parts, "today_program": shown_today, "fields": fields}
    )


@_speaks
def compare(current_json: str, proposed_json: str) -> str:
    """flexdose's comparison of two documents, with its rendered table."""
    comparison = evaluate_compare(json.loads(current_json), json.loads(proposed_json))
    return json.dumps(
        {"comparison": comparison_to_json(comparison), "html": render.compare_html(comparison)}
    )


@_speaks
def examples() -> str:
    """The example documents shipped in the wheel, by name, as JSON text."""
    return json.dumps(
        {name: samples.in_language(samples.load_example(name)) for name in samples.example_names()}
    )


@_speaks
def form_spec() -> str:
    """Every limit, choice, label and sentence the form needs (flexdose.form.form_spec)."""
    return json.dumps(form.form_spec())


@_speaks
def parse_clock(text: str) -> str:
    """What a person typed in a time field: {"value": "HH:MM"} or {"error": "..."}."""
    return json.dumps(clock.parse_clock(text))


def convert_rate(value: float, from_unit: str, to_unit: str) -> float:
    """value in from_unit ("mcg_per_day"/"mcg_per_hour") converted to to_unit, rounded."""
    return units.convert_rate(value, from_unit, to_unit)


@_speaks
def print_view(document_json: str, baseline_json: str, id_prefix: str) -> str:
    """The one-page printout of a document (render.print_html); with baseline_json (not ""),
    it also compares the baseline (current) with the document (proposed), as compare does."""
    document = json.loads(document_json)
    comparison = evaluate_compare(json.loads(baseline_json), document) if baseline_json else None
    result = evaluate(document)
    return json.dumps(
        {"html": render.print_html(result, comparison=comparison, id_prefix=id_prefix)}
    )


@_speaks
def card_view(document_json: str, id_prefix: str) -> str:
    """The fold-out wallet and emergency card of a document (render.card_html), as {"html"}."""
    document = json.loads(document_json)
    result = evaluate(document)
    return json.dumps({"html": render.card_html(result, document=document, id_prefix=id_prefix)})


__export__ = [
    "version",
    "set_language",
    "report",
    "take",
    "parse_error",
    "view",
    "compare",
    "examples",
    "print_view",
    "card_view",
    "form_spec",
    "parse_clock",
    "convert_rate",
]
