"""`make bench`: run every bench/bench_*.py in turn; each prints its own figures (no asserts)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Run the benchmarks in name order; the exit code is the first failure's, else 0."""
    status = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n==== {script.name} ====", flush=True)
        result = subprocess.run([sys.executable, str(script)], check=False)
        status = status or result.returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
