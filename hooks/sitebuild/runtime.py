"""Vendor the browser runtime and the widget's files into the site (no CDN, ever).

What lands in the built site:

- ``assets/runtime/pyodide-<version>/``: Pyodide's module, Emscripten module and wasm, from
  ``node_modules/pyodide`` (the stock stdlib and lock file are not published: see below);
- ``assets/runtime/pyscript-<version>/``: ``@pyscript/core``'s ``dist/`` without source maps;
- ``assets/runtime/flexdose-<version>-<hash>/``, everything that changes with the package:
  the ``flexdose`` wheel built from ``widget/`` (with its bytecode for Pyodide's Python), the
  trimmed, precompiled ``python_stdlib.zip`` (hooks/sitebuild/stdlib.py) and ``pyodide-loader.mjs``
  (from widget/web/), the module every engine starts Pyodide through: it hands Pyodide that
  stdlib and an inline lock, and is what PyScript's ``PyWorker`` gets as ``version``; and
  ``pyodide-snapshot.bin``, Pyodide's memory right after that start, made in a Chromium worker
  (``snapshot.py``), which the loader restores in the widget's workers;
- ``assets/itb-flex/``: the widget's module, contract module, worker entry and CSS, with the
  runtime paths written into the module.

Every runtime folder name changes when its content does, so ``scripts/serve.py`` (and any host)
can cache ``assets/runtime/`` for a year as immutable. Large files get ``.br`` (Brotli, quality
11) and ``.gz`` (gzip level 9) siblings, sent with ``Content-Encoding`` to browsers that accept it.

The expensive part (wheel and stdlib builds, compressing the 9.6 MB wasm) is prepared once in
``build/itb-runtime/`` and reused while its inputs are unchanged, so ``mkdocs serve`` rebuilds
stay fast; the site then copies the prepared files like any other static file
(``site_files`` lists them; ``hooks/runtime.py`` hands them to MkDocs).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import brotli

from sitebuild import snapshot as snapshot_tools
from sitebuild import stdlib as stdlib_tools
from sitebuild.common import (
    NODE_MODULES,
    ROOT,
    WEB_SRC,
    BuildError,
    Published,
    copy_file,
    gzip_bytes,
    run_tool,
    saves_enough,
)

log = logging.getLogger("mkdocs.hooks.runtime")

PYODIDE_DIR = NODE_MODULES / "pyodide"
PYSCRIPT_DIST = NODE_MODULES / "@pyscript" / "core" / "dist"
PACKAGE_SRC = ROOT / "widget" / "flexdose"
CACHE = ROOT / "build" / "itb-runtime"

# What starts Pyodide (RUNTIME.md §1), less the stock stdlib and lock file, which the trimmed,
# precompiled stdlib and the loader's inline lock replace; the rest of the npm package (d.ts,
# maps, the classic-script loader, consoles) is never requested.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
STDLIB_ZIP = "python_stdlib.zip"
LOADER = "pyodide-loader.mjs"
LOCK_JSON = "pyodide-lock.json"  # the minimal lock, as the offline bundle's memory engine reads it
SNAPSHOT = "pyodide-snapshot.bin"
WORKER_PY = WEB_SRC / "worker.py"
# The widget's browser layer (and render.css, the pictures' styles), copied as-is except for
# the runtime paths written into the PyScript engine module.
WEB_REQUIRED = (
    "itb-flex.js",
    "runtime.js",
    "engine-pyscript.js",
    "engine-worker.js",
    "pyodide-worker.js",
    "contract.js",
    "worker.py",
    "widget.css",
)
# The one module that holds the runtime paths (both web engines import it).
RUNTIME_PATHS_MODULE = "runtime.js"
WEB_SUFFIXES = (".js", ".css", ".py")
WIDGET_DIR = "assets/itb-flex"
RUNTIME_DIR = "assets/runtime"

# .br and .gz siblings are written for these types when they save at least this share of the
# bytes (the wheel is already deflated: compressing it again would only cost CPU per request).
# The trimmed stdlib zip is stored uncompressed on purpose: the wire compresses it as a whole.
# (The share is common.MIN_SAVING, the rule the offline payloads use too.)
COMPRESS_SUFFIXES = (".wasm", ".mjs", ".js", ".json", ".css", ".zip", ".bin")
COMPRESS_MIN_BYTES = 1024
# Brotli's best quality, except for files past LARGE_BYTES (only the 31 MB snapshot): measured
# here on it, quality 11 took 47 s for 3.23 MB and quality 9 took 1.7 s for 3.74 MB, and the
# snapshot is remade on every change to flexdose, which `make dev` rebuilds at each edit.
BROTLI_QUALITY = 11
BROTLI_QUALITY_LARGE = 9
LARGE_BYTES = 16 * 1024 * 1024
SIBLINGS = (".br", ".gz")
# setuptools builds the wheel in a few seconds; this bounds a hung build.
WHEEL_TIMEOUT_S = 120
# What `mkdocs serve` (or another driver's watcher) rebuilds on: the browser layer, the package.
WATCHED = (WEB_SRC, PACKAGE_SRC)


# ---- What the site publishes ----


def site_files() -> list[Published]:
    """The runtime, the wheel and the widget's files: (site path, cached file or content)."""
    paths = runtime_paths()
    published: list[Published] = list(_prepare(paths))
    for name in WEB_REQUIRED:
        if not (WEB_SRC / name).is_file():
            raise BuildError(f"{WEB_SRC / name} is missing")
    for path in sorted(WEB_SRC.iterdir()):
        if not path.is_file() or path.suffix not in WEB_SUFFIXES:
            continue
        content: str | bytes = path.read_bytes()
        if path.name == RUNTIME_PATHS_MODULE:
            content = _with_runtime_paths(content.decode("utf-8"), paths)
        published.append((f"{WIDGET_DIR}/{path.name}", content))
    return published


# ---- Helper functions ----


def runtime_paths() -> dict[str, str]:
    """Site-relative folders (no trailing slash) and files of the runtime, named by version/hash."""
    pyodide_version = _npm_version(PYODIDE_DIR)
    pyscript_version = _npm_version(PYSCRIPT_DIST.parent)
    # Only when this machine can make one; the folder's hash says which, so the two never mix.
    snapshot = _snapshot_disabled() is None
    source_hash = _source_hash(snapshot)
    version = _package_version()
    flexdose_dir = f"{RUNTIME_DIR}/flexdose-{version}-{source_hash}"
    paths = {
        "pyodide": f"{RUNTIME_DIR}/pyodide-{pyodide_version}",
        "pyscript": f"{RUNTIME_DIR}/pyscript-{pyscript_version}",
        "flexdose": flexdose_dir,
        "wheel": f"{flexdose_dir}/flexdose-{version}-py3-none-any.whl",
        "stdlib": f"{flexdose_dir}/{STDLIB_ZIP}",
        "loader": f"{flexdose_dir}/{LOADER}",
        "lock": f"{flexdose_dir}/{LOCK_JSON}",
    }
    if snapshot:
        paths["snapshot"] = f"{flexdose_dir}/{SNAPSHOT}"
    return paths


def _with_runtime_paths(js: str, paths: dict[str, str]) -> str:
    """Write the runtime URLs (relative to assets/itb-flex/) into the runtime paths module."""
    placeholders = {
        "__ITB_LOADER__": f"../../{paths['loader']}",
        "__ITB_WASM__": f"../../{paths['pyodide']}/pyodide.asm.wasm",
        "__ITB_PYSCRIPT__": f"../../{paths['pyscript']}/core.js",
        "__ITB_WHEEL__": f"../../{paths['wheel']}",
    }
    return _fill(js, placeholders, f"widget/web/{RUNTIME_PATHS_MODULE}")


def _fill(text: str, placeholders: dict[str, str], where: str) -> str:
    for key, value in placeholders.items():
        if key not in text:
            raise BuildError(f"{where} lost its {key} placeholder")
        text = text.replace(key, value)
    return text


def prepared_runtime() -> dict[str, Path]:
    """The cached runtime files by role (wheel, stdlib, lock, loader...), prepared if needed.

    For the in-Pyodide test harness and the offline bundle, which use exactly these files.
    """
    paths = runtime_paths()
    _prepare(paths)
    tree = CACHE / "tree"
    return {role: tree / uri for role, uri in paths.items()}


def _prepare(paths: dict[str, str]) -> list[tuple[str, Path]]:
    """Fill the cache with the runtime tree (+ siblings, wheel, stdlib) if its inputs changed.

    Returns (site path, cached file) for every file to publish.
    """
    sources: list[tuple[str, Path]] = [
        (f"{paths['pyodide']}/{name}", PYODIDE_DIR / name) for name in PYODIDE_FILES
    ]
    for path in sorted(PYSCRIPT_DIST.iterdir()):
        if path.is_file() and not path.name.endswith(".map"):
            sources.append((f"{paths['pyscript']}/{path.name}", path))
    for _, path in sources:
        if not path.is_file():
            raise BuildError(f"{path} is missing: run `make setup` (npm ci)")

    tree = CACHE / "tree"
    built = [paths[role] for role in ("wheel", "stdlib", "loader", "lock")]
    if "snapshot" in paths:
        built.append(paths["snapshot"])
    published = [uri for uri, _ in sources] + built
    # Two parts, each rebuilt only when its own inputs change: the npm files (compressing the
    # wasm takes most of a minute) and the package's files (the flexdose folder's name is the
    # hash of everything that goes into it).
    vendored = {
        "paths": [paths["pyodide"], paths["pyscript"]],
        "sources": [(uri, p.stat().st_size, p.stat().st_mtime_ns) for uri, p in sources],
    }
    # One build fills the cache at a time (two test workers, `mkdocs serve` beside a test run):
    # the wheel build writes in the shared build/ folder, and the package part is made once.
    with _cache_lock():
        stamp_file = CACHE / "stamp.json"
        stamp = json.loads(stamp_file.read_text("utf-8")) if stamp_file.is_file() else {}
        if stamp.get("vendored") != _jsonable(vendored):
            log.info("Preparing the vendored runtime in %s (once per npm change)", CACHE)
            if tree.exists():
                shutil.rmtree(tree)
            for uri, src in sources:
                copy_file(src, tree / uri)
                write_siblings(tree / uri)
            stamp = {"vendored": _jsonable(vendored)}
            stamp_file.parent.mkdir(parents=True, exist_ok=True)
            stamp_file.write_text(json.dumps(stamp), "utf-8")
        if not (tree / paths["flexdose"]).is_dir():
            log.info("Preparing flexdose's runtime files in %s (once per change)", CACHE)
            # Built aside and moved into place whole: a build stopped halfway leaves no
            # half-made folder for the next one to take as finished.
            staging = Path(tempfile.mkdtemp(prefix="itb-package-", dir=CACHE))
            try:
                _build_package_runtime(staging, paths, vendored=tree)
                for uri in built:
                    write_siblings(staging / uri)
                for old in (tree / RUNTIME_DIR).glob("flexdose-*"):
                    shutil.rmtree(old, ignore_errors=True)
                (staging / paths["flexdose"]).rename(tree / paths["flexdose"])
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    return _list_tree(tree, published)


@contextmanager
def _cache_lock() -> Iterator[None]:
    """Hold an exclusive lock on the runtime cache (released when the process ends, too)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with (CACHE / "lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build_package_runtime(tree: Path, paths: dict[str, str], vendored: Path) -> None:
    """The wheel (with bytecode), the trimmed stdlib, the minimal lock, the loader module and,
    when paths has one, the snapshot (made with the Pyodide files already in vendored)."""
    with tempfile.TemporaryDirectory(prefix="itb-runtime-") as tmp:
        wheel = build_wheel(Path(tmp) / "wheel")
        expected = tree / paths["wheel"]
        if wheel.name != expected.name:
            raise BuildError(f"the wheel came out as {wheel.name}, expected {expected.name}")
        out = Path(tmp) / "stdlib"
        # StdlibBuildFailed is a BuildError: its message is the build's.
        report = stdlib_tools.build_stdlib(PYODIDE_DIR, wheel, WORKER_PY, PACKAGE_SRC, out)
        expected.parent.mkdir(parents=True, exist_ok=True)
        stdlib_tools.add_bytecode(wheel, out / "pycache", expected)
        shutil.copyfile(out / STDLIB_ZIP, tree / paths["stdlib"])
        lock = (out / "lock.json").read_text("utf-8")
        (tree / paths["lock"]).write_text(lock, "utf-8")
    _write_loader(tree, paths, lock, snapshot=None)
    log.info(
        "Trimmed stdlib: %d modules, %s bytes of bytecode (Node start: %s ms stock, %s ms trimmed)",
        report["modules"],
        f"{report['zip_bytes']:,}",
        report["node_start_ms"]["stock"],
        report["node_start_ms"]["trimmed"],
    )
    if "snapshot" not in paths:
        log.info("No memory snapshot: %s", _snapshot_disabled())
        return
    needed = {
        f"{paths['pyodide']}/{name}": vendored / paths["pyodide"] / name for name in PYODIDE_FILES
    }
    needed |= {paths[role]: tree / paths[role] for role in ("stdlib", "loader", "wheel")}
    uris = {role: paths[role] for role in ("loader", "wheel")}
    try:
        facts = snapshot_tools.make_snapshot(
            needed, uris, WORKER_PY, PYODIDE_DIR / "pyodide.mjs", tree / paths["snapshot"]
        )
    except snapshot_tools.SnapshotFailed as error:
        raise BuildError(f"{error}\n(ITB_SNAPSHOT=0 builds without the snapshot)") from None
    snapshot = {"url": f"./{SNAPSHOT}", "bytes": facts["bytes"]}
    _write_loader(tree, paths, lock, snapshot=snapshot)
    log.info(
        "Memory snapshot: %s bytes, made in %s ms in a Chromium worker",
        f"{facts['bytes']:,}",
        facts["worker_ms"],
    )


def _write_loader(tree: Path, paths: dict[str, str], lock: str, snapshot: dict | None) -> None:
    """pyodide-loader.mjs from its template, with this runtime's folder, lock and snapshot."""
    pyodide_dir = paths["pyodide"].rsplit("/", 1)[1]
    loader = _fill(
        (WEB_SRC / LOADER).read_text("utf-8"),
        {
            "__ITB_PYODIDE_DIR__": f"../{pyodide_dir}/",
            "__ITB_LOCK__": lock,
            "__ITB_SNAPSHOT__": json.dumps(snapshot),
        },
        f"widget/web/{LOADER}",
    )
    (tree / paths["loader"]).write_text(loader, "utf-8")


def _list_tree(tree: Path, published: list[str]) -> list[tuple[str, Path]]:
    """Every cached file to publish, with its compressed siblings when there are some."""
    out: list[tuple[str, Path]] = []
    for uri in published:
        path = tree / uri
        if not path.is_file():
            raise BuildError(f"{path} is missing from the runtime cache: delete {CACHE}")
        out.append((uri, path))
        for suffix in SIBLINGS:
            sibling = path.with_name(path.name + suffix)
            if sibling.is_file():
                out.append((uri + suffix, sibling))
    return out


def write_siblings(path: Path) -> None:
    """Write path.br (Brotli) and path.gz (level 9) when they are worth it (reproducibly)."""
    if path.suffix not in COMPRESS_SUFFIXES:
        return
    raw = path.read_bytes()
    if len(raw) < COMPRESS_MIN_BYTES:
        return
    quality = BROTLI_QUALITY_LARGE if len(raw) > LARGE_BYTES else BROTLI_QUALITY
    packed = {
        ".br": brotli.compress(raw, quality=quality),
        ".gz": gzip_bytes(raw),
    }
    for suffix, data in packed.items():
        if saves_enough(data, raw):
            path.with_name(path.name + suffix).write_bytes(data)


def build_wheel(out_dir: Path) -> Path:
    """Build the flexdose wheel from the repository with the venv's build backend (no network)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    run_tool(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out_dir)],
        doing="building the flexdose wheel",
        timeout_s=WHEEL_TIMEOUT_S,
        cwd=ROOT,
    )
    wheels = list(out_dir.glob("flexdose-*.whl"))
    if len(wheels) != 1:
        raise BuildError(f"expected one flexdose wheel in {out_dir}, found {wheels}")
    return wheels[0]


def _source_hash(snapshot: bool) -> str:
    """A short hash of everything that goes into the wheel (sources, data, packaging)."""
    digest = hashlib.sha256()
    # The stdlib set depends on what the worker and PyScript import, and on Pyodide's build.
    files = [ROOT / "pyproject.toml", WORKER_PY, WEB_SRC / LOADER, *stdlib_tools.TOOL_FILES]
    files += snapshot_tools.TOOL_FILES
    files += [PYODIDE_DIR / "package.json", PYSCRIPT_DIST.parent / "package.json"]
    files += sorted(
        p
        for p in PACKAGE_SRC.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    )
    if len(files) == 1:
        raise BuildError(f"{PACKAGE_SRC} has no files: the flexdose package is missing")
    for path in files:
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    # A build with a snapshot and one without publish different loaders.
    digest.update(b"snapshot" if snapshot else b"no snapshot")
    return digest.hexdigest()[:10]


def _package_version() -> str:
    """flexdose's version as pyproject.toml states it (the wheel's file name carries it)."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return project["version"]


def _snapshot_disabled() -> str | None:
    """Why this build makes no snapshot (ITB_SNAPSHOT=0, no Chromium), or None."""
    return snapshot_tools.disabled_reason(dict(os.environ))


def _npm_version(package_dir: Path) -> str:
    return json.loads((package_dir / "package.json").read_text("utf-8"))["version"]


def _jsonable(value):
    return json.loads(json.dumps(value))
