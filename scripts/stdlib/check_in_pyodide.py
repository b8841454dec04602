"""Runs inside Pyodide on the trimmed stdlib alone (scripts/stdlib/trim.mjs): nothing missing.

Imports only what the worker itself needs (importlib, json, os, sys), so that an ImportError here
names a module the trimmed set lacks, and the site build fails instead of a person's browser.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import sys

STDLIB_ZIP = f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip"


def check(worker_module: str, package: str) -> dict[str, object]:
    """Import every module of package and run each function worker_module exports.

    Runs on the trimmed stdlib: an ImportError here names the module the set lacks.
    """
    pkg = importlib.import_module(package)
    imported = []
    for dirpath, _dirs, files in os.walk(os.path.dirname(pkg.__file__)):
        for name in sorted(files):
            if name.endswith(".py") and name != "__main__.py":
                top = os.path.dirname(pkg.__file__)
                rel = os.path.relpath(os.path.join(dirpath, name[:-3]), top)
                module = package if rel == "__init__" else f"{package}.{rel.replace(os.sep, '.')}"
                module = module.removesuffix(".__init__")
                importlib.import_module(module)
                imported.append(module)
    worker = importlib.import_module(worker_module)
    examples = json.loads(worker.examples())
    spec = json.loads(worker.form_spec())
    worker.version()
    worker.parse_clock("7:30 pm")
    worker.convert_rate(240, "mcg_per_day", "mcg_per_hour")
    worker.parse_error("{not json")
    for document in examples.values():
        text = json.dumps(document)
        worker.report(text, "2026-12-01")
        worker.take(text, "")
        worker.view(text, "", 600, "fdx", "mon", "2026-12-01")
        worker.print_view(text, text, "fdp")
        worker.card_view(text, "fdc")
    first, *rest = [json.dumps(d) for d in examples.values()]
    worker.compare(first, rest[0] if rest else first)
    # The CLI is part of the package: its parser and help must build here as well.
    cli = importlib.import_module(f"{package}.cli")
    with contextlib.suppress(SystemExit):  # argparse exits after printing the help
        cli.main(["--help"])
    return {
        "imported": len(imported),
        "examples": len(examples),
        "form_keys": len(spec),
        "traceback": traceback_names_file_and_line(),
    }


def traceback_names_file_and_line() -> str:
    """The last frame of an error raised inside a precompiled stdlib module, as a traceback
    prints it; raises when it lost the module's file or line (no source ships beside the .pyc)."""
    import traceback

    try:
        json.loads("{")
    except json.JSONDecodeError as error:
        frame = traceback.extract_tb(error.__traceback__)[-1]
    if not (frame.filename.endswith("json/decoder.py") and frame.lineno):
        raise AssertionError(f"a traceback lost its file or line: {frame}")
    return f"{frame.filename}:{frame.lineno}"


def loaded_from_zip() -> list[str]:
    """Modules now loaded from the stdlib zip (frozen ones, such as os or io, never are)."""
    return sorted(
        name
        for name, module in list(sys.modules.items())
        if str(getattr(module, "__file__", "") or "").startswith(STDLIB_ZIP)
        and getattr(getattr(module, "__spec__", None), "origin", None) != "frozen"
    )


def import_all(names: list[str]) -> list[str]:
    """Import each module (the roots' direct stdlib imports); returns those that do not exist here.

    On the stock stdlib this loads what they import at module level; on the trimmed one a name
    the stock zip has but the trimmed one lacks fails the build.
    """
    absent = []
    for name in names:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            # The module or one of its parents (a JS module such as _pyscript) is not here.
            if error.name is None or not (name + ".").startswith(error.name + "."):
                raise
            absent.append(name)
    return absent
