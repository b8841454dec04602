"""MkDocs hook: vendor the browser runtime and the widget's files into the site (no CDN, ever).

What lands in the built site:

- ``assets/runtime/pyodide-<version>/``: the five Pyodide files Python needs to start
  (RUNTIME.md §1), from ``node_modules/pyodide``;
- ``assets/runtime/pyscript-<version>/``: ``@pyscript/core``'s ``dist/`` without source maps;
- ``assets/runtime/flexdose-<version>-<hash>/``: the ``flexdose`` wheel built from ``widget/``
  (the wheel, never a second copy of the source); the hash of the sources is in the folder name;
- ``assets/itb-flex/``: the widget's module, contract module, worker entry and CSS, with the
  runtime paths written into the module.

Every runtime folder name changes when its content does, so ``scripts/serve.py`` (and any host)
can cache ``assets/runtime/`` for a year as immutable. Large text and wasm files get a ``.gz``
sibling (gzip level 9) that the server sends with ``Content-Encoding: gzip``.

The expensive part (wheel build, gzip of the 9.6 MB wasm) is prepared once in
``build/itb-runtime/`` and reused while its inputs are unchanged, so ``mkdocs serve`` rebuilds
stay fast; MkDocs then copies the prepared files like any other static file.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.hooks.runtime")

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"
PYODIDE_DIR = NODE_MODULES / "pyodide"
PYSCRIPT_DIST = NODE_MODULES / "@pyscript" / "core" / "dist"
PACKAGE_SRC = ROOT / "widget" / "flexdose"
WEB_SRC = ROOT / "widget" / "web"
CACHE = ROOT / "build" / "itb-runtime"

# The minimal set that starts Pyodide (RUNTIME.md §1): the rest of the npm package (d.ts, maps,
# the classic-script loader, consoles) is never requested by the widget.
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
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

# A .gz sibling is written for these types when it saves at least this share of the bytes
# (python_stdlib.zip is already compressed: gzip would only cost CPU on every request).
GZIP_SUFFIXES = (".wasm", ".mjs", ".js", ".json", ".css")
GZIP_MIN_SAVING = 0.10
GZIP_MIN_BYTES = 1024


# ---- Hooks ----


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Add the runtime, the wheel and the widget's files to the site as generated files."""
    paths = runtime_paths()
    prepared = _prepare(paths)
    for src_uri, abs_path in prepared:
        _replace(files, File.generated(config, src_uri, abs_src_path=str(abs_path)))
    for name in WEB_REQUIRED:
        if not (WEB_SRC / name).is_file():
            raise RuntimeError(f"{WEB_SRC / name} is missing")
    for path in sorted(WEB_SRC.iterdir()):
        if not path.is_file() or path.suffix not in WEB_SUFFIXES:
            continue
        name = path.name
        content: str | bytes = path.read_bytes()
        if name == RUNTIME_PATHS_MODULE:
            content = _with_runtime_paths(content.decode("utf-8"), paths)
        _replace(files, File.generated(config, f"{WIDGET_DIR}/{name}", content=content))
    return files


def on_serve(server, /, *, config: MkDocsConfig, builder):
    """Rebuild on edits to the widget's browser layer or to the flexdose package."""
    server.watch(str(WEB_SRC))
    server.watch(str(PACKAGE_SRC))
    return server


# ---- Helper functions ----


def runtime_paths() -> dict[str, str]:
    """Site-relative folders (no trailing slash) and the wheel path, named by version/hash."""
    pyodide_version = _npm_version(PYODIDE_DIR)
    pyscript_version = _npm_version(PYSCRIPT_DIST.parent)
    source_hash = _source_hash()
    version = _package_version()
    flexdose_dir = f"{RUNTIME_DIR}/flexdose-{version}-{source_hash}"
    return {
        "pyodide": f"{RUNTIME_DIR}/pyodide-{pyodide_version}",
        "pyscript": f"{RUNTIME_DIR}/pyscript-{pyscript_version}",
        "flexdose": flexdose_dir,
        "wheel": f"{flexdose_dir}/flexdose-{version}-py3-none-any.whl",
    }


def _with_runtime_paths(js: str, paths: dict[str, str]) -> str:
    """Write the runtime URLs (relative to assets/itb-flex/) into the runtime paths module."""
    placeholders = {
        "__ITB_PYODIDE__": f"../../{paths['pyodide']}/pyodide.mjs",
        "__ITB_PYSCRIPT__": f"../../{paths['pyscript']}/core.js",
        "__ITB_WHEEL__": f"../../{paths['wheel']}",
    }
    for key, value in placeholders.items():
        if key not in js:
            raise RuntimeError(f"widget/web/{RUNTIME_PATHS_MODULE} lost its {key} placeholder")
        js = js.replace(key, value)
    return js


def _prepare(paths: dict[str, str]) -> list[tuple[str, Path]]:
    """Fill the cache with the runtime tree (+ .gz siblings and the wheel) if its inputs changed.

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
            raise RuntimeError(f"{path} is missing: run `make setup` (npm ci)")

    tree = CACHE / "tree"
    stamp_file = CACHE / "stamp.json"
    stamp = {
        "paths": paths,
        "sources": [(uri, p.stat().st_size, p.stat().st_mtime_ns) for uri, p in sources],
    }
    published = [*sources, (paths["wheel"], Path())]
    if stamp_file.is_file() and json.loads(stamp_file.read_text("utf-8")) == _jsonable(stamp):
        return _list_tree(tree, published)

    log.info("Preparing the browser runtime in %s (once per change)", CACHE)
    if tree.exists():
        shutil.rmtree(tree)
    for uri, src in sources:
        dest = tree / uri
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
        _write_gzip_sibling(dest)
    wheel = _build_wheel(tree / paths["flexdose"])
    expected = tree / paths["wheel"]
    if wheel != expected:
        raise RuntimeError(f"the wheel came out as {wheel.name}, expected {expected.name}")
    stamp_file.write_text(json.dumps(stamp), "utf-8")
    return _list_tree(tree, published)


def _list_tree(tree: Path, published: list[tuple[str, Path]]) -> list[tuple[str, Path]]:
    """Every cached file to publish, with its .gz sibling when there is one."""
    out: list[tuple[str, Path]] = []
    for uri, _ in published:
        path = tree / uri
        if not path.is_file():
            raise RuntimeError(f"{path} is missing from the runtime cache: delete {CACHE}")
        out.append((uri, path))
        gz = path.with_name(path.name + ".gz")
        if gz.is_file():
            out.append((uri + ".gz", gz))
    return out


def _write_gzip_sibling(path: Path) -> None:
    """Write path.gz (level 9) when it is worth it; a fixed mtime keeps the output reproducible."""
    if path.suffix not in GZIP_SUFFIXES:
        return
    raw = path.read_bytes()
    if len(raw) < GZIP_MIN_BYTES:
        return
    packed = gzip.compress(raw, compresslevel=9, mtime=0)
    if len(packed) <= len(raw) * (1 - GZIP_MIN_SAVING):
        path.with_name(path.name + ".gz").write_bytes(packed)


def _build_wheel(out_dir: Path) -> Path:
    """Build the flexdose wheel from the repository with the venv's build backend (no network)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"building the flexdose wheel failed:\n{proc.stdout}\n{proc.stderr}")
    wheels = list(out_dir.glob("flexdose-*.whl"))
    if len(wheels) != 1:
        raise RuntimeError(f"expected one flexdose wheel in {out_dir}, found {wheels}")
    return wheels[0]


def _source_hash() -> str:
    """A short hash of everything that goes into the wheel (sources, data, packaging)."""
    digest = hashlib.sha256()
    files = [ROOT / "pyproject.toml"]
    files += sorted(
        p
        for p in PACKAGE_SRC.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    )
    if len(files) == 1:
        raise RuntimeError(f"{PACKAGE_SRC} has no files: the flexdose package is missing")
    for path in files:
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def _package_version() -> str:
    """flexdose's version as pyproject.toml states it (the wheel's file name carries it)."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return project["version"]


def _npm_version(package_dir: Path) -> str:
    return json.loads((package_dir / "package.json").read_text("utf-8"))["version"]


def _jsonable(value):
    return json.loads(json.dumps(value))


def _replace(files: Files, file: File) -> None:
    """Add file, replacing any file already published at the same path."""
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(file)
