"""What the browser benchmarks share: the site build, bytes on the wire, and the figures' format.

Not a bench itself (bench/run.py runs only bench_*.py). The scripts import it from their folder.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class BuildFailed(Exception):
    """`mkdocs build --strict` failed; the message has its output."""


def build_site(dest: Path, site_url: str | None = None) -> None:
    """Build the site (strict, not offline) into dest, for site_url when given."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "false"}
    if site_url is not None:
        env["SITE_URL"] = site_url
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(dest)]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise BuildFailed(f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}")


def encoded_bytes(requests) -> int:
    """Response bodies as they came over the wire (compressed), for finished requests."""
    total = 0
    for request in requests:
        try:
            # Negative or zero when the response came from the cache.
            total += max(0, request.sizes()["responseBodySize"])
        except Exception:  # a request that never finished has no sizes
            continue
    return total


def spread(values: list[float], unit: str = "ms") -> str:
    """'median unit (min–max)', or n/a."""
    values = [v for v in values if v is not None]
    if not values:
        return "n/a"
    return f"{statistics.median(values):7.0f} {unit} ({min(values):.0f}–{max(values):.0f})"


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]
