"""The `flexdose` command: check, summary, render.

Exit status: 0 the schedule has no errors (warnings allowed); 1 it has errors; 2 the input could
not be read at all, or --today is not a date (one plain line on stderr, never a traceback).

Every command checks against today's date (`--today YYYY-MM-DD`, by default the machine's local
date): a fill after today and an alarm date already past are warnings, and the alarm is also
counted in days from today.

`--lang es` (check, summary, render) writes the readable output, the report's finding messages
and the messages on stderr in Spanish; `--lang en` is the default. A finding's `code` and
`where` are the same in every language.
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
from .i18n import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, speaking
from .jsonout import dumps, report_json, summary_to_json
from .labels import label, plural, weekdays
from .limits import MAX_INPUT_CHARS
from .load import UnreadableInput, decode_bytes, parse_json
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
        name = label("cli.stdin")
    else:
        path = Path(source)
        name = source
        try:
            with path.open("rb") as handle:
                data = handle.read(_READ_LIMIT)
        except FileNotFoundError:
            raise _Unreadable(label("cli.no_file", source=source)) from None
        except IsADirectoryError:
            raise _Unreadable(label("cli.a_folder", source=source)) from None
        except PermissionError:
            raise _Unreadable(label("cli.no_permission", source=source)) from None
        except OSError as exc:
            raise _Unreadable(
                label("cli.os_error", source=source, why=exc.strerror or exc)
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
        raise _Unreadable(label("cli.bad_today", value=repr(args.today)))
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
        label("cli.check_valid" if report.valid else "cli.check_invalid"),
        label(
            "cli.tally",
            errors=_count(counts["error"], "error"),
            warnings=_count(counts["warning"], "warning"),
            notes=_count(counts["info"], "note"),
        ),
        "",
    ]
    labels = {"error": "cli.error", "warning": "cli.warning", "info": "cli.note"}
    for f in report.findings:
        where = label("cli.where", where=describe_where(f.where)) if f.where else ""
        title = label(labels.get(f.severity, "cli.note"))
        lines.append(label("cli.finding_head", label=title, where=where))
        lines.append(_wrap(f.message))
        lines.append("")
    if report.summary is not None:
        lines.append(_plain_summary(report.summary))
    return "\n".join(lines)


def _count(count: int, word: str) -> str:
    return plural(f"count.{word}", count, n=fmt_number(count))


def _ml(value: float | None) -> str:
    return "" if value is None else label("cli.with_ml", ml=fmt_ml(value))


def _plain_summary(summary: Summary) -> str:
    lines = []
    if summary.title:
        lines.append(summary.title)
    for name, program in summary.programs.items():
        lines.append(
            label(
                "cli.program",
                name=name,
                mcg=fmt_mcg(program.daily_mcg),
                ml=_ml(program.ml_per_day),
                steps=_count(program.step_count, "step"),
            )
        )
        for step in program.steps:
            lines.append(
                label(
                    "cli.step",
                    start=step.start,
                    end=step.end,
                    rate=f"{fmt_mcg_per_day(step.mcg_per_day):>9}",
                    hours=f"{fmt_hours(step.hours):>10}",
                    mcg=f"{fmt_mcg(step.mcg):>7}",
                )
            )
    lines.append(label("cli.week"))
    names = {key: full for key, _, full in weekdays()}
    # The longest day name sets the column ("Wednesday", "Miércoles"): 9 letters in both.
    width = max(len(full) for full in names.values())
    for day, row in summary.week.items():
        lines.append(
            label(
                "cli.week_day",
                day=f"{names[day]:<{width}}",
                program=row.program,
                mcg=fmt_mcg(row.daily_mcg),
                ml=_ml(row.ml_per_day),
            )
        )
    lines.append(
        label("cli.average_day", mcg=fmt_mcg(summary.mean_mcg), ml=_ml(summary.ml_per_day))
    )
    alarm = summary.alarm
    if alarm is not None:
        from_today = alarm.days_from_today
        when = (
            ""
            if from_today is None
            else label("cli.alarm_when", from_today=fmt_days_from_today(from_today))
        )
        lines.append(
            label(
                "cli.alarm",
                date=fmt_date(alarm.date),
                time=alarm.time,
                days=fmt_days(alarm.days),
                when=when,
            )
        )
    if summary.refill_by:
        lines.append(
            label(
                "cli.refill",
                date=fmt_date(summary.refill_by),
                days=fmt_days(summary.refill_margin_days),
            )
        )
    lines.append(safety.current().FRAMING)
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
        lines = [label("cli.no_summary")]
        lines += [_wrap(label("cli.error_line", message=f.message)) for f in errors]
        _write("\n".join(lines))
    else:
        _write(_plain_summary(summary))
    return EXIT_OK if report.valid else EXIT_ERRORS


def _cmd_render(args: argparse.Namespace) -> int:
    render = _render_module()
    if render is None:
        raise _Unreadable(label("cli.no_render"))
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
        raise _Unreadable(label("cli.no_program", name=quote(args.program), listed=listed))
    if args.svg:
        if not report.valid:
            sys.stderr.write(label("cli.no_chart", file=args.file) + "\n")
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
    names = ", ".join(f"{code} ({LANGUAGE_NAMES[code]})" for code in LANGUAGES)
    lang_help = f"the language of the output: {names}; default {DEFAULT_LANGUAGE}"

    def add_lang(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, metavar="LANG", help=lang_help
        )

    p = commands.add_parser("check", help="list every problem, then the totals")
    p.add_argument("file", metavar="FILE", help=file_help)
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--today", metavar="YYYY-MM-DD", help=today_help)
    add_lang(p)
    p.set_defaults(run=_cmd_check)

    p = commands.add_parser("summary", help="totals per step, program and day; alarm date")
    p.add_argument("file", metavar="FILE", help=file_help)
    p.add_argument(
        "--json", action="store_true", help="print the summary as JSON (null when invalid)"
    )
    p.add_argument("--today", metavar="YYYY-MM-DD", help=today_help)
    add_lang(p)
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
    add_lang(p)
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
        # Every word the command writes (the report's messages too) is in --lang's language.
        with speaking(args.lang):
            status: int = args.run(args)
    except _Unreadable as exc:
        sys.stderr.write(f"flexdose: {' '.join(str(exc).split())}\n")
        return EXIT_UNREADABLE
    return status
