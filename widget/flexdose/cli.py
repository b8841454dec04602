"""The `flexdose` command: check, summary, render.

Exit status: 0 the schedule has no errors (warnings allowed); 1 it has errors; 2 the input could
not be read at all, or --today is not a date (one plain line on stderr, never a traceback).

Every command checks against today's date (`--today YYYY-MM-DD`, by default the machine's local
date): a fill after today and an alarm date already past are warnings, and the alarm is also
counted in days from today.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

from . import __version__, safety
from ._fmt import fmt_date, fmt_days_from_today
from .jsonout import dumps, report_json, summary_to_json
from .limits import MAX_INPUT_CHARS
from .load import UnreadableInput, decode_bytes, parse_json
from .model import WEEKDAY_NAMES
from .numbers import fmt_days, fmt_hours, fmt_mcg, fmt_mcg_per_day, fmt_ml, fmt_number
from .parse import parse_date
from .paths import describe_where
from .quoting import quote
from .report import evaluate
from .results import Report, Summary

__all__ = ["main"]

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2
# UTF-8 needs at most 4 bytes a character: reading this much is enough to see "too long".
_READ_LIMIT = int(MAX_INPUT_CHARS.value) * 4 + 4
_WIDTH = 88


class _Unreadable(Exception):
    """Stop with exit status 2 and this one-line message."""


# ---- input and output ----


def _read(source: str) -> object:
    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        data = stream.read(_READ_LIMIT) if stream is not None else sys.stdin.read(_READ_LIMIT)
        name = "standard input"
    else:
        path = Path(source)
        name = source
        try:
            with path.open("rb") as handle:
                data = handle.read(_READ_LIMIT)
        except FileNotFoundError:
            raise _Unreadable(
                f"{source}: there is no file with this name. Check the name and the folder."
            ) from None
        except IsADirectoryError:
            raise _Unreadable(
                f"{source} is a folder, not a schedule file. Name the .json file inside it."
            ) from None
        except PermissionError:
            raise _Unreadable(
                f"{source}: this computer does not let you read this file. Copy it somewhere you "
                "can read, or ask whoever manages the computer."
            ) from None
        except OSError as exc:
            raise _Unreadable(
                f"{source}: the file cannot be read ({exc.strerror or exc}). Try again, or copy "
                "the file and read the copy."
            ) from None
    try:
        text = decode_bytes(data) if isinstance(data, bytes) else data
        return parse_json(text)
    except UnreadableInput as exc:
        raise _Unreadable(f"{name}: {exc}") from None


def _write(text: str) -> None:
    # Lone surrogates (legal in JSON strings) cannot be encoded; as \udXXX escapes the JSON output
    # stays valid JSON and the text output stays printable.
    safe = text.encode("utf-8", "backslashreplace").decode("utf-8")
    sys.stdout.write(safe if safe.endswith("\n") else safe + "\n")


def _dumps(value: object) -> str:
    return dumps(value)


def _render_module() -> ModuleType | None:
    try:
        from . import render
    except ModuleNotFoundError as exc:
        if exc.name != f"{__package__}.render":
            raise
        return None
    return render


def _today(args: argparse.Namespace) -> datetime.date:
    """--today as a date; the machine's local date when it is not given."""
    if args.today is None:
        return datetime.date.today()
    date = parse_date(args.today)
    if date is None:
        raise _Unreadable(
            f"--today {args.today!r} is not a date; write it as YYYY-MM-DD, for example 2026-11-20."
        )
    return date


def _check(args: argparse.Namespace) -> Report:
    """The report of the file named in args, checked against --today."""
    today = _today(args)  # a bad --today stops before the file is read
    return evaluate(_read(args.file), today=today)


# ---- readable output (used until flexdose.render provides text_report) ----


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, _WIDTH, initial_indent=indent, subsequent_indent=indent)


def _plain_report(report: Report) -> str:
    counts = report.counts
    lines = [
        "Schedule check: " + ("no errors" if report.valid else "has errors"),
        f"{_count(counts['error'], 'error')}, {_count(counts['warning'], 'warning')}, "
        f"{_count(counts['info'], 'note')}",
        "",
    ]
    labels = {"error": "Error", "warning": "Warning", "info": "Note"}
    for f in report.findings:
        where = f" ({describe_where(f.where)})" if f.where else ""
        lines.append(f"{labels.get(f.severity, 'Note')}{where}:")
        lines.append(_wrap(f.message))
        lines.append("")
    if report.summary is not None:
        lines.append(_plain_summary(report.summary))
    return "\n".join(lines)


def _count(count: int, word: str) -> str:
    return f"{fmt_number(count)} {word}{'' if count == 1 else 's'}"


def _ml(value: float | None) -> str:
    return "" if value is None else f" ({fmt_ml(value)} mL)"


def _plain_summary(summary: Summary) -> str:
    lines = []
    if summary.title:
        lines.append(summary.title)
    for name, program in summary.programs.items():
        lines.append(
            f"Program {name}: {fmt_mcg(program.daily_mcg)} mcg a day"
            f"{_ml(program.ml_per_day)}, {_count(program.step_count, 'step')}"
        )
        for step in program.steps:
            lines.append(
                f"  {step.start}–{step.end}  {fmt_mcg_per_day(step.mcg_per_day):>9} "
                f"mcg/day  {fmt_hours(step.hours):>10}  {fmt_mcg(step.mcg):>7} mcg"
            )
    lines.append("Week:")
    for day, row in summary.week.items():
        lines.append(
            f"  {WEEKDAY_NAMES[day]:<9}  {row.program}: {fmt_mcg(row.daily_mcg)} mcg"
            f"{_ml(row.ml_per_day)}"
        )
    lines.append(f"Average day: {fmt_mcg(summary.mean_mcg)} mcg{_ml(summary.ml_per_day)}")
    alarm = summary.alarm
    if alarm is not None:
        from_today = alarm.days_from_today
        when = "" if from_today is None else f"; {fmt_days_from_today(from_today)}"
        lines.append(
            f"Low-reservoir alarm: {fmt_date(alarm.date)} {alarm.time} "
            f"(about {fmt_days(alarm.days)} after the fill{when})"
        )
    if summary.refill_by:
        lines.append(
            f"Refill by: {fmt_date(summary.refill_by)} "
            f"({fmt_days(summary.refill_margin_days)} before the alarm)"
        )
    lines.append(safety.FRAMING)
    return "\n".join(lines)


# ---- commands ----


def _cmd_check(args: argparse.Namespace) -> int:
    report = _check(args)
    if args.json:
        sys.stdout.write(report_json(report))
    else:
        render = _render_module()
        formatter: Callable[[Report], str] = getattr(render, "text_report", None) or _plain_report
        _write(formatter(report))
    return EXIT_OK if report.valid else EXIT_ERRORS


def _cmd_summary(args: argparse.Namespace) -> int:
    report = _check(args)
    summary = report.summary
    if args.json:
        _write(_dumps(summary_to_json(summary)))
    elif summary is None:
        errors = [f for f in report.findings if f.severity == "error"]
        lines = ["No summary: the schedule has errors (run `flexdose check` for details)."]
        lines += [_wrap(f"Error: {f.message}") for f in errors]
        _write("\n".join(lines))
    else:
        _write(_plain_summary(summary))
    return EXIT_OK if report.valid else EXIT_ERRORS


def _cmd_render(args: argparse.Namespace) -> int:
    render = _render_module()
    if render is None:
        raise _Unreadable("flexdose.render is not available in this installation.")
    if args.card:
        today = _today(args)  # a bad --today stops before the file is read
        document = _read(args.file)
        report = evaluate(document, today=today)
        _write(render.card_html(report, document=document))
        return EXIT_OK if report.valid else EXIT_ERRORS
    report = _check(args)
    programs = list(report.summary.programs) if report.summary else []
    if args.program is not None and report.valid and args.program not in programs:
        listed = ", ".join(quote(name) for name in programs)
        raise _Unreadable(
            f"There is no program called {quote(args.program)}. The programs are {listed}."
        )
    if args.svg:
        if not report.valid:
            sys.stderr.write(
                "flexdose: the schedule has errors, so there is no chart to draw; run "
                f"`flexdose check {args.file}` to see them.\n"
            )
            return EXIT_ERRORS
        _write(render.day_chart_svg(report, args.program or programs[0]))
        return EXIT_OK
    _write(render.preview_html(report, args.program if report.valid else None))
    return EXIT_OK if report.valid else EXIT_ERRORS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="flexdose",
        description="Check, summarise and draw an ITB flex-dosing schedule (itb-flex/1 JSON). "
        "Education only: it never programs or reads a pump.",
        epilog="Exit status: 0 no errors, 1 errors found, 2 input unreadable or a bad --today.",
    )
    parser.add_argument("--version", action="version", version=f"flexdose {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    file_help = "schedule file (JSON), or - for standard input"
    today_help = "the date to check against (default: this computer's date)"

    p = commands.add_parser("check", help="list every problem, then the totals")
    p.add_argument("file", metavar="FILE", help=file_help)
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--today", metavar="YYYY-MM-DD", help=today_help)
    p.set_defaults(run=_cmd_check)

    p = commands.add_parser("summary", help="totals per step, program and day; alarm date")
    p.add_argument("file", metavar="FILE", help=file_help)
    p.add_argument(
        "--json", action="store_true", help="print the summary as JSON (null when invalid)"
    )
    p.add_argument("--today", metavar="YYYY-MM-DD", help=today_help)
    p.set_defaults(run=_cmd_summary)

    p = commands.add_parser("render", help="print the SVG day chart or the HTML preview")
    kind = p.add_mutually_exclusive_group(required=True)
    kind.add_argument("--svg", action="store_true", help="SVG day chart of one program")
    kind.add_argument("--html", action="store_true", help="the whole HTML preview")
    kind.add_argument(
        "--card", action="store_true", help="the fold-out wallet and emergency card (HTML)"
    )
    p.add_argument("--program", metavar="NAME", help="program to draw (default: the first)")
    p.add_argument("--today", metavar="YYYY-MM-DD", help=today_help)
    p.add_argument("file", metavar="FILE", help=file_help)
    p.set_defaults(run=_cmd_render)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0, 1 or 2)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else EXIT_UNREADABLE
    try:
        status: int = args.run(args)
    except _Unreadable as exc:
        sys.stderr.write(f"flexdose: {' '.join(str(exc).split())}\n")
        return EXIT_UNREADABLE
    return status
