"""Pyodide's memory snapshot, made at build time in the kind of context that restores it.

A snapshot is the interpreter's memory right after ``loadPyodide()``: restoring it skips
Python's start-up (the stdlib imports, Pyodide's own package), which is most of what is left
of the widget's start once the stdlib is precompiled. It is Pyodide's private API
(``_makeSnapshot``, ``makeMemorySnapshot()``, ``_loadSnapshot``) and tied to three things,
each handled here or in the loader:

- the exact Pyodide build: the snapshot's header carries Pyodide's BUILD_ID, which
  ``snapshot_header`` reads back and ``make_snapshot`` compares with ``pyodide.mjs``'s (Pyodide
  refuses a mismatch when restoring, and the loader then starts the normal way);
- the stdlib, the package and the options: it is made through the site's own
  ``pyodide-loader.mjs``, with the same trimmed stdlib and inline lock, after unpacking the
  site's flexdose wheel where PyScript unpacks it and running worker.py's own import statements
  (``snapshot_imports``: computed from worker.py, never hand-listed), and it is published in the
  same content-hashed folder as all of them;
- the kind of JavaScript context: the widget's engines run Pyodide in a dedicated module worker
  (a snapshot made on a page's main thread did not restore in a worker), so it is made in one,
  in Debian's Chromium (scripts/snapshot/maker.html and maker-worker.mjs).

``make_snapshot`` runs the browser in a child process (``python scripts/snapshot/make.py ...``,
which calls ``run_browser``), so the build that calls it never hosts Playwright itself.
"""

from __future__ import annotations

import ast
import json
import shutil
import struct
import sys
import tempfile
from pathlib import Path

from sitebuild.common import SCRIPTS, BuildError, copy_file, run_tool

# The maker page and worker, and the child process's entry (scripts/snapshot/make.py).
HERE = SCRIPTS / "snapshot"
CHILD = HERE / "make.py"
SNAPSHOT_NAME = "pyodide-snapshot.bin"
MAKER_PAGE = "maker.html"
MAKER_WORKER = "maker-worker.mjs"
# Every file whose change changes the snapshot (the runtime cache key includes them).
TOOL_FILES = (Path(__file__), CHILD, HERE / MAKER_PAGE, HERE / MAKER_WORKER)
# Chromium's start and a cold Pyodide load take a few seconds; this bounds a hung run.
TIMEOUT_S = 180
# The snapshot's header, as Pyodide's makeSnapshot writes it (pyodide.asm.mjs): little-endian
# uint32s magic, offset of the heap, length of the JSON state, 0, then the 256-bit build id.
HEADER = struct.Struct("<4I8I")
MAGIC = 1886286592
# Environment switch: ITB_SNAPSHOT=0 builds without a snapshot (the loader then starts Pyodide
# the normal way); documented in the README.
DISABLE_ENV = "ITB_SNAPSHOT"


class SnapshotFailed(BuildError):
    """The snapshot could not be made or is not the one Pyodide would accept; says why."""


def snapshot_header(data: bytes) -> dict[str, object]:
    """The header fields of a snapshot: magic, heap offset, state length and build id."""
    if len(data) < HEADER.size:
        raise SnapshotFailed(f"a snapshot of {len(data)} bytes has no header")
    fields = HEADER.unpack_from(data)
    return {
        "magic": fields[0],
        "heap_offset": fields[1],
        "state_bytes": fields[2],
        "build_id": "".join(f"{word:08x}" for word in fields[4:]),
    }


def pyodide_build_id(pyodide_mjs: Path) -> str:
    """The BUILD_ID that pyodide.mjs checks a snapshot against."""
    text = pyodide_mjs.read_text("utf-8")
    start = text.find('BUILD_ID:"')
    if start < 0:
        raise SnapshotFailed(f"{pyodide_mjs} states no BUILD_ID: this Pyodide cannot be checked")
    start += len('BUILD_ID:"')
    return text[start : text.index('"', start)]


def disabled_reason(environ: dict[str, str]) -> str | None:
    """Why no snapshot is made in this environment, or None when one is."""
    if environ.get(DISABLE_ENV, "1") == "0":
        return f"{DISABLE_ENV}=0"
    sys.path.insert(0, str(SCRIPTS))  # scripts/chromium.py: where Debian's Chromium is
    try:
        from chromium import CHROMIUM
    finally:
        sys.path.remove(str(SCRIPTS))
    if not Path(CHROMIUM).is_file():
        return f"no Chromium at {CHROMIUM} (make setup installs Debian's)"
    return None


def snapshot_imports(worker_py: Path) -> str:
    """worker.py's top-level import statements, as a function that runs them and is deleted.

    Run before the snapshot, they leave the modules in sys.modules and bind no name in the
    interpreter's globals; worker.py itself runs after the restore, as it always does.
    """
    tree = ast.parse(worker_py.read_text("utf-8"), filename=str(worker_py))
    imports = [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
    if not imports:
        raise SnapshotFailed(f"{worker_py} imports nothing: not the widget's worker entry")
    body = "\n".join("    " + ast.unparse(node) for node in imports)
    name = "_itb_snapshot_imports"
    return f"def {name}():\n{body}\n\n{name}()\ndel {name}\n"


def make_snapshot(
    files: dict[str, Path],
    uris: dict[str, str],
    worker_py: Path,
    pyodide_mjs: Path,
    dest: Path,
) -> dict:
    """Make the snapshot of the widget's worker once Pyodide has started; write it to dest.

    files maps each site path needed (the Pyodide files, the stdlib, the loader, the wheel) to
    the local file; they are served from a temporary folder with the maker page. uris gives the
    site paths of the "loader" and the "wheel". Returns the snapshot's facts (bytes, build id,
    ms in the worker).
    """
    with tempfile.TemporaryDirectory(prefix="itb-snapshot-") as tmp:
        root = Path(tmp) / "root"
        for uri, path in files.items():
            copy_file(path, root / uri)
        maker = root / "snapshot-maker"
        for name in (MAKER_PAGE, MAKER_WORKER):
            copy_file(HERE / name, maker / name)
        (maker / "imports.py").write_text(snapshot_imports(worker_py), "utf-8")
        out = Path(tmp) / SNAPSHOT_NAME
        proc = run_tool(
            [sys.executable, str(CHILD), str(root), uris["loader"], uris["wheel"], str(out)],
            doing="making the snapshot",
            timeout_s=TIMEOUT_S,
            error=SnapshotFailed,
        )
        facts = json.loads(proc.stdout.strip().splitlines()[-1])
        data = out.read_bytes()
        header = snapshot_header(data)
        expected = pyodide_build_id(pyodide_mjs)
        if header["magic"] != MAGIC or header["build_id"] != expected:
            raise SnapshotFailed(
                f"the snapshot's header ({header}) is not Pyodide {expected}'s: "
                "Pyodide's snapshot format changed; update hooks/sitebuild/snapshot.py"
            )
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out, dest)
    return {"bytes": len(data), "build_id": expected, "worker_ms": facts["ms"]}


def run_browser(root: Path, loader_uri: str, wheel_uri: str, out: Path) -> dict:
    """In the child process: serve root, open the maker page in Chromium, save the download."""
    sys.path.insert(0, str(SCRIPTS))  # chromium.py, serve.py
    from chromium import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright
    from serve import serve_in_thread

    server, base = serve_in_thread(root)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(accept_downloads=True)
                errors: list[str] = []
                page.on("pageerror", lambda error: errors.append(str(error)))
                query = f"loader=/{loader_uri}&wheel=/{wheel_uri}"
                page.goto(f"{base}snapshot-maker/{MAKER_PAGE}?{query}")
                page.wait_for_selector(
                    "#state:not([data-state=making])", state="attached", timeout=TIMEOUT_S * 1000
                )
                state = page.get_attribute("#state", "data-state")
                if state != "made" or errors:
                    raise SystemExit(f"{page.text_content('#state')} {errors}".strip())
                with page.expect_download() as download:
                    page.eval_on_selector("#download", "(link) => link.click()")
                download.value.save_as(out)
                return {
                    "bytes": int(page.get_attribute("#state", "data-bytes") or 0),
                    "ms": int(page.get_attribute("#state", "data-ms") or 0),
                }
            finally:
                browser.close()
    finally:
        server.shutdown()
