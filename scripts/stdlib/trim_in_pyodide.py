"""Runs inside Pyodide (under Node, scripts/stdlib/trim.mjs): the trimmed, precompiled stdlib.

Why inside Pyodide: the bytecode must be made by the same Python build that runs it in the
browser (same magic number, same optimiser), and the set of modules must be the one Pyodide's own
start-up and the package import there, not the host's.

- ``plan`` maps the modules a fresh Pyodide loaded (its start-up, then every module the roots
  import directly, imported for real, and everything the package loads while the worker's
  functions run: scripts/stdlib/trim.mjs collects them) to their entries in the stock zip;
- ``build`` compiles those modules to unchecked-hash ``.pyc`` files (no source needed, no
  timestamps: reproducible) whose code objects name the file they came from, so tracebacks still
  give file and line; the zip is stored uncompressed, as the server compresses the whole file
  better on the wire than zip compresses each entry;
- ``compile_package`` adds the same bytecode for a package unpacked from a wheel (flexdose);
- check_in_pyodide.py then runs on the trimmed zip alone, so a module missing from the set fails
  the site build, not a person's browser.
"""

from __future__ import annotations

import base64
import importlib
import importlib.util
import marshal
import os
import sys
import zipfile

STDLIB_ZIP = f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip"
UNPACKED = "/tmp/itb-stdlib-src"


def _unpack_stdlib() -> None:
    if not os.path.isdir(UNPACKED):
        with zipfile.ZipFile(STDLIB_ZIP) as zf:
            zf.extractall(UNPACKED)


def _entry_of(module: str) -> str | None:
    """The zip entry (relative .py path) of a standard-library module, or None."""
    base = os.path.join(UNPACKED, *module.split("."))
    for candidate in (os.path.join(base, "__init__.py"), base + ".py"):
        if os.path.isfile(candidate):
            return os.path.relpath(candidate, UNPACKED)
    return None


def _with_parents(module: str) -> list[str]:
    parts = module.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def plan(modules: list[str]) -> list[str]:
    """Sorted zip entries (.py paths) of the stdlib modules among modules, with their parents."""
    _unpack_stdlib()
    entries = set()
    for module in modules:
        for name in _with_parents(module):
            entry = _entry_of(name)
            if entry is not None:
                entries.add(entry)
    return sorted(entries)


def _pyc(source_path: str, shown_as: str) -> bytes:
    """Unchecked-hash bytecode of a source file; its code objects name shown_as."""
    with open(source_path, "rb") as fh:
        source = fh.read()
    code = compile(source, shown_as, "exec", dont_inherit=True)
    source_hash = importlib.util.source_hash(source)
    # PEP 552: flags 0b01 = hash-based, check_source off (the file is never compared again).
    header = importlib.util.MAGIC_NUMBER + (1).to_bytes(4, "little") + source_hash
    return header + marshal.dumps(code)


def build(entries: list[str], out: str) -> dict[str, int]:
    """Write the trimmed stdlib zip of .pyc files to out; returns counts for the build log."""
    _unpack_stdlib()
    source_bytes = 0
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as zf:
        for entry in entries:
            path = os.path.join(UNPACKED, entry)
            source_bytes += os.path.getsize(path)
            info = zipfile.ZipInfo(entry[:-3] + ".pyc", date_time=(1980, 1, 1, 0, 0, 0))
            zf.writestr(info, _pyc(path, f"{STDLIB_ZIP}/{entry}"))
    return {"modules": len(entries), "source_bytes": source_bytes}


def compile_package(folder: str) -> list[tuple[str, str]]:
    """(path from folder's parent, .pyc as base64) for every module of an unpacked package.

    The .pyc go where CPython looks for them (__pycache__/name.<cache tag>.pyc) and name the
    source file, which stays beside them, so tracebacks show the line's text as well.
    """
    parent = os.path.dirname(folder.rstrip("/"))
    out = []
    for dirpath, _dirs, files in os.walk(folder):
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            source = os.path.join(dirpath, name)
            cached = importlib.util.cache_from_source(source)
            pyc = base64.b64encode(_pyc(source, source)).decode("ascii")
            out.append((os.path.relpath(cached, parent), pyc))
    return sorted(out)
