"""Runs inside Pyodide: pytest over the copied unit tests, summarised as one JSON string.

runner.mjs imports this module after unpacking the wheels and the suite; test_in_pyodide.py
(CPython) reads the JSON from the page and asserts on it.
"""

from __future__ import annotations

import json
import os
import platform
import sys
from importlib import metadata

# Long failure texts are cut so the JSON in the DOM stays small; pytest's own report (in the
# result's "output") has them too.
MAX_LONGREPR_CHARS = 4000


class Outcomes:
    """A pytest plugin that keeps each test's final outcome, skip reason and failure text."""

    def __init__(self) -> None:
        self.outcomes: dict[str, str] = {}
        self.skip_reasons: dict[str, str] = {}
        self.failures: dict[str, str] = {}
        self.collect_errors: dict[str, str] = {}
        self.skipped_modules: dict[str, str] = {}

    def pytest_collectreport(self, report) -> None:
        if report.failed:
            self.collect_errors[report.nodeid] = report.longreprtext[:MAX_LONGREPR_CHARS]
        elif report.skipped:
            # pytest.skip(allow_module_level=True): the module's tests are never collected.
            longrepr = report.longrepr
            reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
            self.skipped_modules[report.nodeid] = reason

    def pytest_runtest_logreport(self, report) -> None:
        nodeid = report.nodeid
        if hasattr(report, "wasxfail"):
            self.outcomes[nodeid] = "xfailed" if report.skipped else "xpassed"
        elif report.failed:
            # A failing setup or teardown is an error, as pytest's own summary counts it.
            self.outcomes[nodeid] = "failed" if report.when == "call" else "error"
            self.failures[nodeid] = report.longreprtext[:MAX_LONGREPR_CHARS]
        elif report.skipped:
            self.outcomes[nodeid] = "skipped"
            longrepr = report.longrepr
            reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
            self.skip_reasons[nodeid] = reason
        elif report.when == "call":
            self.outcomes.setdefault(nodeid, "passed")


def run(root: str, args: list[str], env: dict[str, str]) -> str:
    """Run pytest with `args` from `root` and return the summary as a JSON string."""
    # Imported here, after the wheels are unpacked; hypothesis is not imported before pytest
    # starts, or pytest could not rewrite its asserts (its plugin is loaded by pytest itself).
    import pytest

    os.environ.update(env)
    os.chdir(root)
    plugin = Outcomes()
    exit_code = pytest.main(list(args), plugins=[plugin])
    counts: dict[str, int] = {}
    for outcome in plugin.outcomes.values():
        counts[outcome] = counts.get(outcome, 0) + 1
    return json.dumps(
        {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": sys.platform,
            "pytest": pytest.__version__,
            "hypothesis": metadata.version("hypothesis"),
            "exit_code": int(exit_code),
            "counts": counts,
            "outcomes": plugin.outcomes,
            "skip_reasons": plugin.skip_reasons,
            "failures": plugin.failures,
            "collect_errors": plugin.collect_errors,
            "skipped_modules": plugin.skipped_modules,
            "modules": module_origins(),
        }
    )


def module_origins() -> dict[str, list[str]]:
    """Loaded modules by where their code came from: the shipped bytecode or compiled sources.

    "stdlib_pyc": standard-library modules run from the site's precompiled stdlib (the .pyc the
    widget ships); "stdlib_source": from the stock sources the harness adds for pytest's sake;
    "flexdose_pyc": flexdose modules whose cached .pyc is still the wheel's own (our unchecked-hash
    bytecode for this Python: Python would have replaced a stale one with a timestamp .pyc).
    """
    import importlib.util

    origins: dict[str, list[str]] = {"stdlib_pyc": [], "stdlib_source": [], "flexdose_pyc": []}
    stdlib_zip = f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip/"
    for name, module in sorted(sys.modules.items()):
        path = str(getattr(module, "__file__", "") or "")
        if getattr(getattr(module, "__spec__", None), "origin", None) == "frozen":
            continue  # built into the interpreter (os, io, codecs...): from no file at all
        if path.startswith(stdlib_zip):
            origins["stdlib_pyc" if path.endswith(".pyc") else "stdlib_source"].append(name)
        elif name.split(".")[0] == "flexdose" and path.endswith(".py"):
            cached = getattr(module, "__cached__", None)
            if cached and os.path.isfile(cached):
                with open(cached, "rb") as fh:
                    header = fh.read(8)
                unchecked_hash = int.from_bytes(header[4:8], "little") == 1
                if header[:4] == importlib.util.MAGIC_NUMBER and unchecked_hash:
                    origins["flexdose_pyc"].append(name)
    return origins
