"""ITB Flex widget: the worker entry that PyScript runs on Pyodide (an adapter, no rules here).

The page's JavaScript calls the functions in ``__export__`` through ``worker.sync`` and gets JSON
text back (plain strings cross the worker boundary without proxies). Every finding, total and
picture comes from ``flexdose``; this module only moves text in and out.
"""

import json
from importlib import resources

import flexdose
from flexdose import render

EXAMPLE_NAMES = ("constant", "day-night", "therapy-week", "with-fill")


def version() -> str:
    """flexdose's version, so the page can show which build it runs."""
    return flexdose.__version__


def report(document_json: str) -> str:
    """The report of `flexdose check --json` for a document given as JSON text."""
    return json.dumps(flexdose.check(json.loads(document_json)))


def parse_error(text: str) -> str:
    """'' when text is readable JSON, else flexdose's one-line message saying what and where."""
    try:
        flexdose.parse_json(text)
    except flexdose.UnreadableInput as error:
        return str(error)
    return ""


def view(document_json: str, program: str, now_minutes: int, id_prefix: str) -> str:
    """Everything the widget shows after an edit: the report and each rendered part."""
    result = flexdose.check(json.loads(document_json))
    summary = result.get("summary") or {}
    shown = program if program in (summary.get("programs") or {}) else None
    now = now_minutes if now_minutes >= 0 else None
    return json.dumps(
        {
            "report": result,
            "chart": render.day_chart_svg(result, shown, now_minutes=now, id_prefix=id_prefix)
            if shown is not None
            else "",
            "steps": render.steps_table_html(result, shown) if shown is not None else "",
            "week": render.week_strip_svg(result, id_prefix=id_prefix) if summary else "",
            "totals": render.totals_html(result),
            "findings": render.findings_html(result),
        }
    )


def compare(current_json: str, proposed_json: str) -> str:
    """flexdose's comparison of two documents, with its rendered table."""
    comparison = flexdose.compare(json.loads(current_json), json.loads(proposed_json))
    return json.dumps({"comparison": comparison, "html": render.compare_html(comparison)})


def examples() -> str:
    """The example documents shipped in the wheel, by name, as JSON text."""
    folder = resources.files("flexdose") / "examples"
    found = {}
    for name in EXAMPLE_NAMES:
        path = folder / f"{name}.json"
        if path.is_file():
            found[name] = json.loads(path.read_text("utf-8"))
    return json.dumps(found)


__export__ = ["version", "report", "parse_error", "view", "compare", "examples"]
