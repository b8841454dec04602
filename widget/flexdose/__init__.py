"""flexdose: check, summarise and draw an intrathecal baclofen (ITB) flex-dosing schedule.

Education only: it never programs or reads a pump. Standard library only, so the same code runs
under CPython (tests, CLI, site build) and Pyodide (the browser widget).

    >>> import flexdose
    >>> step = {"start": "00:00", "mcg_per_day": 500}
    >>> report = flexdose.check({"programs": {"everyday": [step]}})
    >>> report["valid"], report["summary"]["mean_daily_mcg"]
    (True, 500.0)

`flexdose.render` (HTML and SVG from a report) is imported on first use.
"""

from __future__ import annotations

from .clock import fmt_clock, parse_clock
from .compare import compare
from .form import form_spec
from .jsonout import report_json
from .load import UnreadableInput, parse_json
from .report import check, check_text
from .units import convert_rate

__all__ = [
    "UnreadableInput",
    "__version__",
    "check",
    "check_text",
    "compare",
    "convert_rate",
    "fmt_clock",
    "form_spec",
    "parse_clock",
    "parse_json",
    "report_json",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # render is imported on first use, so the core works (and imports fast) without it.
    if name == "render":
        import importlib

        return importlib.import_module(".render", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
