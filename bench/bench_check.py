"""Print how long flexdose takes on a full week and on the slow inputs of the start-up issue.

Figures only (no asserts): `.venv/bin/python bench/bench_check.py [--runs N]`.

Rows:
- a full week (7 programs of FORM_MAX_STEPS steps): check, parse_json, check_text, and the
  widget's edit call (worker.py's `view`: check + every picture the widget redraws);
- an unterminated string of escaped quotes behind brackets, 10, 40 and 80 KB: flexdose.load's
  depth scan was quadratic on it (40 KB took 12 s); it should now grow with the size;
- a valid ~976 KB document of ~21,000 programs (within MAX_INPUT_CHARS): checked and rendered;
  MAX_PROGRAMS now answers it with one finding instead of reading every program;
- one program of 10,000 steps: MAX_STEPS_READ answers it the same way.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import flexdose
from flexdose import render
from flexdose.limits import FORM_MAX_STEPS, MAX_INPUT_CHARS, MAX_PROGRAMS, MAX_STEPS_READ
from flexdose.model import WEEKDAYS

ROOT = Path(__file__).resolve().parents[1]
STEPS = int(FORM_MAX_STEPS.value)
MINUTES_PER_STEP = 24 * 60 // STEPS
# The many-programs document of the issue: about 976 KB, about 21,000 one-step programs.
MANY_PROGRAMS = 21_000
LABEL_WIDTH = 50


def full_week() -> dict:
    """7 distinct programs of FORM_MAX_STEPS steps, one per weekday, with pump, drug and fill.

    Every two neighbouring steps differ and the last dose is the first's: 13 changes a day, the
    most a valid program has (MAX_CHANGES_PER_DAY).
    """
    levels = [i % 4 for i in range(STEPS - 2)] + [1, 0]
    programs = {}
    for day_index, day in enumerate(WEEKDAYS):
        programs[f"{day}-program"] = [
            {
                "start": f"{i * MINUTES_PER_STEP // 60:02d}:{i * MINUTES_PER_STEP % 60:02d}",
                "mcg_per_day": 400 + 10 * day_index + level * 25,
            }
            for i, level in enumerate(levels)
        ]
    return {
        "format": "itb-flex/1",
        "title": "Benchmark: a full flex week",
        "pump": {"reservoir_ml": 40, "alarm_ml": 2.0},
        "drug": {"concentration_mcg_per_ml": 2000},
        "fill": {"date": "2026-11-25", "time": "13:30", "volume_ml": 40},
        "programs": programs,
        "week": {day: f"{day}-program" for day in WEEKDAYS},
        "context": {"origin": "spinal", "age_group": "adult", "current_mcg_per_day": 500},
    }


def many_steps() -> dict:
    """One program of 10,000 steps (far beyond MAX_STEPS_READ), every step well formed."""
    steps = [
        {"start": f"{i // 60 % 24:02d}:{i % 60:02d}", "mcg_per_day": 500} for i in range(10_000)
    ]
    return {"programs": {"huge": steps}}


def many_programs() -> dict:
    """~21,000 well-formed one-step programs in one valid JSON document of about 976 KB."""
    programs = {f"p{i}": [{"start": "00:00", "mcg_per_day": 500}] for i in range(MANY_PROGRAMS)}
    return {
        "format": "itb-flex/1",
        "programs": programs,
        "week": dict.fromkeys(WEEKDAYS, "p0"),
    }


def unterminated(size: int) -> str:
    """An unterminated string of escaped quotes, behind and before brackets, of `size` chars."""
    return "[" * 20 + '"' + '\\"' * (size // 2) + "{" * 20


def timings(fn: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of `runs` calls (after a few warm-up calls).

    CPU time is printed too because a shared machine's load inflates wall-clock figures.
    """
    for _ in range(3):
        fn()
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start)
    return wall, cpu


def line(label: str, samples: tuple[list[float], list[float]]) -> str:
    """'label  median  p95  max  cpu median' in milliseconds."""
    ordered = sorted(samples[0])
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return (
        f"{label:<{LABEL_WIDTH}} median {statistics.median(ordered) * 1000:8.3f} ms  "
        f"p95 {p95 * 1000:8.3f} ms  max {ordered[-1] * 1000:8.3f} ms  "
        f"cpu median {statistics.median(samples[1]) * 1000:8.3f} ms  (n={len(ordered)})"
    )


def row(label: str, fn: Callable[[], object], runs: int) -> float | None:
    """Print one figure's line (or 'failed: reason'); return its median in seconds."""
    try:
        samples = timings(fn, runs)
    except Exception as error:  # one broken row must not hide the others
        print(f"{label:<{LABEL_WIDTH}} failed: {type(error).__name__}: {error}")
        return None
    print(line(label, samples))
    return statistics.median(samples[0])


def _worker_module():
    """widget/web/worker.py (the widget's Python entry), loaded by path; None if it will not."""
    path = ROOT / "widget" / "web" / "worker.py"
    try:
        spec = importlib.util.spec_from_file_location("itb_flex_worker", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    except Exception as error:
        print(f"(worker.py rows skipped: {path} did not load: {error})")
        return None
    return module


def _refused(text: str) -> None:
    try:
        flexdose.check_text(text)
    except flexdose.UnreadableInput:
        return
    raise AssertionError("the unterminated string was accepted")


def _check_and_render(text: str) -> str:
    report = flexdose.check_text(text)
    program = next(iter(report["summary"]["programs"]), None) if report["summary"] else None
    return render.preview_html(report, program)


def _first_finding(report: dict) -> str:
    if not report["findings"]:
        return "no findings"
    first = report["findings"][0]
    message = first["message"]
    return f"{first['code']}: {message if len(message) <= 90 else message[:89] + '…'}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=500, help="runs per figure (default 500)")
    args = parser.parse_args()
    runs = max(args.runs, 1)
    slow_runs = max(runs // 25, 5)
    worker = _worker_module()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"flexdose {flexdose.__version__} on {platform.python_implementation()} "
        f"{platform.python_version()}, {os.cpu_count()} CPUs, load average {load:.1f}; "
        f"limits: MAX_INPUT_CHARS {int(MAX_INPUT_CHARS.value):,}, MAX_PROGRAMS "
        f"{int(MAX_PROGRAMS.value)}, MAX_STEPS_READ {int(MAX_STEPS_READ.value)}"
    )

    week = full_week()
    week_text = json.dumps(week)
    report = flexdose.check(week)
    print(
        f"\nfull week: {len(week['programs'])} programs x {STEPS} steps, {len(week_text):,} chars; "
        f"valid={report['valid']}, {len(report['findings'])} findings, "
        f"alarm {report['summary']['alarm']['date'] if report['summary'] else 'n/a'}"
    )
    row("check(full week)", lambda: flexdose.check(week), runs)
    row("parse_json(full week text)", lambda: flexdose.parse_json(week_text), runs)
    row("check_text(full week text)", lambda: flexdose.check_text(week_text), runs)
    if worker is not None:
        first = next(iter(week["programs"]))
        row(
            "worker.view(full week) = check + redraw",
            lambda: worker.view(week_text, first, 600, "fdb", "mon", ""),
            runs,
        )

    # The depth check was quadratic on this (40 KB took 12 s); it should grow with the size.
    print("\nunterminated string of escaped quotes behind brackets (refused as unreadable):")
    medians = {}
    for size in (10_000, 40_000, 80_000):
        text = unterminated(size)
        medians[size] = row(
            f"check_text(unterminated quotes, {size // 1000} KB)",
            lambda text=text: _refused(text),
            slow_runs,
        )
    if medians[10_000] and medians[80_000]:
        print(f"  80 KB / 10 KB time: {medians[80_000] / medians[10_000]:.1f}x (linear: 8x)")

    many = many_programs()
    many_text = json.dumps(many, separators=(",", ":"))
    many_report = flexdose.check_text(many_text)
    print(
        f"\nvalid document of {len(many['programs']):,} programs, {len(many_text):,} chars "
        f"({len(many_text) / 1024:.0f} KiB): valid={many_report['valid']}, "
        f"{len(many_report['findings'])} findings, first {_first_finding(many_report)}"
    )
    row(
        f"parse_json({len(many_text) // 1000} KB, {MANY_PROGRAMS:,} programs)",
        lambda: flexdose.parse_json(many_text),
        slow_runs,
    )
    row(
        f"check_text({len(many_text) // 1000} KB, {MANY_PROGRAMS:,} programs)",
        lambda: flexdose.check_text(many_text),
        slow_runs,
    )
    row(
        "check_text + render.preview_html (same)",
        lambda: _check_and_render(many_text),
        slow_runs,
    )
    if worker is not None:
        row(
            "worker.view (same) = check + redraw",
            lambda: worker.view(many_text, "p0", 600, "fdb", "mon", ""),
            slow_runs,
        )

    huge = many_steps()
    huge_text = json.dumps(huge)
    huge_report = flexdose.check(huge)
    print(
        f"\none program of 10,000 steps, {len(huge_text):,} chars: valid={huge_report['valid']}, "
        f"{len(huge_report['findings'])} findings, first {_first_finding(huge_report)}"
    )
    row("check(10,000 steps)", lambda: flexdose.check(huge), slow_runs)
    row("parse_json(10,000-step text)", lambda: flexdose.parse_json(huge_text), slow_runs)
    row("check_text(10,000-step text)", lambda: flexdose.check_text(huge_text), slow_runs)
    row(
        "check_text + render.preview_html (10,000 steps)",
        lambda: _check_and_render(huge_text),
        slow_runs,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
