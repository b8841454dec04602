"""The browser's trimmed, precompiled stdlib (and flexdose's bytecode), made at build time.

npm's ``python_stdlib.zip`` holds only ``.py`` sources (2.5 MB, 559 modules), so every import at
start-up compiles from source in the browser. ``build_stdlib`` makes instead, inside Pyodide
itself under Node (``scripts/stdlib/trim.mjs``, so the bytecode is the browser Python's own):

- ``python_stdlib.zip``: only the modules Pyodide's start-up, the flexdose package, the widget's
  worker.py and PyScript's Python package load, as ``.pyc`` (computed, never hand-listed: see
  scripts/stdlib/trim_in_pyodide.py), checked on a second start with that zip alone;
- ``pycache/``: flexdose's own ``.pyc`` files, which ``add_bytecode`` puts into the site's wheel;
- ``lock.json``: the smallest lock Pyodide accepts with no package to load (the inline lock
  saves fetching the 119 KB ``pyodide-lock.json``).

Used by ``runtime.py`` (cached in build/itb-runtime/) and by the in-Pyodide test harness,
which runs the unit tests on the same bytecode.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import json
import shutil
import tempfile
import zipfile
from pathlib import Path

from sitebuild.common import NODE_MODULES, SCRIPTS, BuildError, run_tool

# The Node and in-Pyodide parts of the build, which stay scripts (they run under Node/Pyodide).
HERE = SCRIPTS / "stdlib"
TRIM = HERE / "trim.mjs"
# The modules of ours whose imports decide the set: the package, the worker entry and the
# Python package PyScript imports at every start ("import pyscript as _pyscript").
PYSCRIPT_PYTHON = NODE_MODULES / "@pyscript" / "core" / "src" / "stdlib" / "pyscript"
# Node builds the zip in a few seconds; this bounds a hung run.
TIMEOUT_S = 300
# Every file whose change changes the output (cache keys use it).
TOOL_FILES = (TRIM, HERE / "trim_in_pyodide.py", HERE / "check_in_pyodide.py", Path(__file__))


class StdlibBuildFailed(BuildError):
    """The trimmed stdlib could not be made or lacks a module; the message says which."""


def imported_names(files: list[Path]) -> list[str]:
    """Every absolute module name these files import (``from a import b`` gives a and a.b)."""
    names: set[str] = set()
    for path in files:
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return sorted(names)


def root_files(package: Path, worker: Path) -> list[Path]:
    """The Python files whose imports count: flexdose, worker.py and PyScript's package."""
    files = [*sorted(package.rglob("*.py")), worker]
    if not PYSCRIPT_PYTHON.is_dir():
        raise StdlibBuildFailed(f"{PYSCRIPT_PYTHON} is missing: run `make setup` (npm ci)")
    return files + sorted(PYSCRIPT_PYTHON.glob("*.py"))


def build_stdlib(pyodide_dir: Path, wheel: Path, worker: Path, package: Path, out: Path) -> dict:
    """Make python_stdlib.zip, pycache/ and lock.json in out; returns trim.mjs's report."""
    imports = [
        name
        for name in imported_names(root_files(package, worker))
        if name.split(".")[0] not in ("flexdose", "pyscript")
    ]
    if out.exists():
        shutil.rmtree(out)
    with tempfile.TemporaryDirectory(prefix="itb-stdlib-") as tmp:
        job = Path(tmp) / "job.json"
        job.write_text(
            json.dumps(
                {
                    "pyodide": f"{pyodide_dir}/",
                    "wheel": str(wheel),
                    "worker": str(worker),
                    "imports": imports,
                    "out": str(out),
                }
            ),
            "utf-8",
        )
        node = shutil.which("node")
        if node is None:
            raise StdlibBuildFailed("Node.js is needed to build the site's runtime: `make setup`")
        run_tool(
            [node, str(TRIM), str(job)],
            doing=f"building the trimmed stdlib ({TRIM.name})",
            timeout_s=TIMEOUT_S,
            error=StdlibBuildFailed,
        )
    return json.loads((out / "report.json").read_text("utf-8"))


def add_bytecode(wheel: Path, pycache: Path, dest: Path) -> None:
    """Write to dest the wheel plus flexdose's .pyc files (listed in its RECORD).

    The .pyc are unchecked-hash bytecode for Pyodide's Python (cache tag cpython-314), in
    __pycache__ beside their sources: that Python imports them without compiling, any other
    Python ignores them (a different cache tag), and tracebacks still show the sources' lines.
    """
    added = sorted(p for p in pycache.rglob("*.pyc"))
    with zipfile.ZipFile(wheel) as src, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as out:
        record_name = next(n for n in src.namelist() if n.endswith(".dist-info/RECORD"))
        record = src.read(record_name).decode("utf-8").splitlines()
        for info in src.infolist():
            if info.filename != record_name:
                out.writestr(info, src.read(info.filename))
        for path in added:
            name = path.relative_to(pycache).as_posix()
            data = path.read_bytes()
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, data)
            sha = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.insert(-1, f"{name},sha256={sha},{len(data)}")
        out.writestr(record_name, "\n".join(record) + "\n")
