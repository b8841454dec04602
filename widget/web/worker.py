"""ITB Flex widget: the worker entry that PyScript runs on Pyodide (an adapter, no rules here).

The page's JavaScript calls the functions in ``__export__`` through ``worker.sync`` and gets JSON
text back (plain strings cross the worker boundary without proxies). Every finding, total and
picture comes from ``flexdose``; this module only moves text in and out.
"""

import json

import flexdose
from flexdose import render, samples


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
    now = now_minutes if now_minutes >= 0 else None
    parts = render.widget_parts(result, program, now_minutes=now, id_prefix=id_prefix)
    return json.dumps({"report": result, **parts})


def compare(current_json: str, proposed_json: str) -> str:
    """flexdose's comparison of two documents, with its rendered table."""
    comparison = flexdose.compare(json.loads(current_json), json.loads(proposed_json))
    return json.dumps({"comparison": comparison, "html": render.compare_html(comparison)})


def examples() -> str:
    """The example documents shipped in the wheel, by name, as JSON text."""
    return json.dumps({name: samples.load_example(name) for name in samples.example_names()})


__export__ = ["version", "report", "parse_error", "view", "compare", "examples"]
