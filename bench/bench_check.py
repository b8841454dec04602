"""Print how long flexdose takes: check on a full week, parse_json alone, a 10,000-step input.

Figures only (no asserts): `.venv/bin/python bench/bench_check.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable

import flexdose
from flexdose.limits import MAX_STEPS_PER_DAY
from flexdose.model import WEEKDAYS

STEPS = int(MAX_STEPS_PER_DAY.value)
MINUTES_PER_STEP = 24 * 60 // STEPS


def full_week() -> dict:
    """7 distinct programs of 13 steps each, one per weekday, with pump, drug, fill and context."""
    programs = {}
    for day_index, day in enumerate(WEEKDAYS):
        programs[f"{day}-program"] = [
            {
                "start": f"{i * MINUTES_PER_STEP // 60:02d}:{i * MINUTES_PER_STEP % 60:02d}",
                "mcg_per_day": 400 + 10 * day_index + (i % 4) * 25,
            }
            for i in range(STEPS)
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


def pathological() -> dict:
    """One program of 10,000 steps (far beyond the 13 allowed), every step well formed."""
    steps = [
        {"start": f"{i // 60 % 24:02d}:{i % 60:02d}", "mcg_per_day": 500} for i in range(10_000)
    ]
    return {"programs": {"huge": steps}}


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
        f"{label:<30} median {statistics.median(ordered) * 1000:8.3f} ms  "
        f"p95 {p95 * 1000:8.3f} ms  max {ordered[-1] * 1000:8.3f} ms  "
        f"cpu median {statistics.median(samples[1]) * 1000:8.3f} ms  (n={len(ordered)})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=500, help="runs per figure (default 500)")
    args = parser.parse_args()
    runs = max(args.runs, 1)
    week = full_week()
    week_text = json.dumps(week)
    huge = pathological()
    huge_text = json.dumps(huge)
    report = flexdose.check(week)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"flexdose {flexdose.__version__} on {platform.python_implementation()} "
        f"{platform.python_version()}, {os.cpu_count()} CPUs, load average {load:.1f}"
    )
    print(
        f"full week: {len(week['programs'])} programs x {STEPS} steps, {len(week_text):,} chars; "
        f"valid={report['valid']}, {len(report['findings'])} findings, "
        f"alarm {report['summary']['alarm']['date']}"
    )
    print(line("check(full week)", timings(lambda: flexdose.check(week), runs)))
    print(line("parse_json(full week text)", timings(lambda: flexdose.parse_json(week_text), runs)))
    print(line("check_text(full week text)", timings(lambda: flexdose.check_text(week_text), runs)))
    slow_runs = max(runs // 25, 5)
    print(f"pathological: 10,000 steps, {len(huge_text):,} chars")
    print(line("check(10,000 steps)", timings(lambda: flexdose.check(huge), slow_runs)))
    print(
        line(
            "parse_json(10,000-step text)",
            timings(lambda: flexdose.parse_json(huge_text), slow_runs),
        )
    )
    print(
        line(
            "check_text(10,000-step text)",
            timings(lambda: flexdose.check_text(huge_text), slow_runs),
        )
    )
    # An unterminated string of escaped quotes, behind and before brackets: the depth check was
    # quadratic on it (40 KB took 12 s); the figure should grow with the size, not its square.
    for size in (10_000, 40_000, 80_000):
        text = "[" * 20 + '"' + '\\"' * (size // 2) + "{" * 20
        print(
            line(
                f"parse_json(unterminated escaped quotes, {size // 1000} KB)",
                timings(lambda text=text: _refused(text), slow_runs),
            )
        )
    return 0


def _refused(text: str) -> None:
    try:
        flexdose.parse_json(text)
    except flexdose.UnreadableInput:
        return
    raise AssertionError("the unterminated string was accepted")


if __name__ == "__main__":
    sys.exit(main())
