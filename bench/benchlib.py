"""What the browser benchmarks share: the site build, bytes on the wire, and the figures' format.

Also the bench-only copies bench_widget.py compares the widget with: npm's stock Pyodide files
(with the site's compression rule), a plain flexdose wheel (no .pyc) and the offline bundle.

Not a bench itself (bench/run.py runs only bench_*.py). The scripts import it from their folder.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The site's build package (hooks/sitebuild/), as MkDocs puts hooks/ on sys.path for the hooks.
sys.path.insert(0, str(ROOT / "hooks"))

from sitebuild import runtime  # noqa: E402 - after the path it is found on


class BuildFailed(Exception):
    """`mkdocs build --strict` failed; the message has its output."""


def build_site(dest: Path, site_url: str | None = None) -> None:
    """Build the site (strict, not offline) into dest, for site_url when given."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "false"}
    if site_url is not None:
        env["SITE_URL"] = site_url
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(dest)]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise BuildFailed(f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}")


def encoded_bytes(requests) -> int:
    """Response bodies as they came over the wire (compressed), for finished requests."""
    total = 0
    for request in requests:
        try:
            # Negative or zero when the response came from the cache.
            total += max(0, request.sizes()["responseBodySize"])
        except Exception:  # a request that never finished has no sizes
            continue
    return total


def spread(values: list[float], unit: str = "ms") -> str:
    """'median unit (min–max)', or n/a."""
    values = [v for v in values if v is not None]
    if not values:
        return "n/a"
    return f"{statistics.median(values):7.0f} {unit} ({min(values):.0f}–{max(values):.0f})"


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


# ---- Bench-only copies of the runtime: the stock npm files, a plain wheel, the offline bundle ----

NODE_PYODIDE = ROOT / "node_modules" / "pyodide"
# What a bare `loadPyodide()` fetches from its indexURL: npm's own files, stdlib and lock included.
STOCK_PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
# The compressed siblings a runtime file gets (sitebuild/runtime.py writes them the same way).
SIBLING_SUFFIXES = (".br", ".gz")


class SetupFailed(Exception):
    """A bench-only copy could not be made; the message says what and why."""


def write_siblings(path: Path) -> None:
    """Write (or rewrite) path.br and path.gz with the site build's own rule; drop stale ones."""
    for suffix in SIBLING_SUFFIXES:
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    runtime.write_siblings(path)


def _same_bytes(a: Path, b: Path) -> bool:
    return a.is_file() and b.is_file() and a.read_bytes() == b.read_bytes()


def copy_with_siblings(src: Path, dest: Path, published: Path | None = None) -> None:
    """Copy src to dest with its .br/.gz siblings: those of `published` when it holds the same
    bytes (the site's copy of the same npm file, spares recompressing the wasm), else new ones."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    if published is not None and _same_bytes(src, published):
        for suffix in SIBLING_SUFFIXES:
            dest.with_name(dest.name + suffix).unlink(missing_ok=True)
            sibling = published.with_name(published.name + suffix)
            if sibling.is_file():
                shutil.copyfile(sibling, dest.with_name(dest.name + suffix))
        return
    write_siblings(dest)


def copy_stock_pyodide(dest: Path, names=STOCK_PYODIDE_FILES, published: Path | None = None):
    """Copy npm's stock Pyodide files (stdlib and lock as npm ships them) into dest."""
    for name in names:
        src = NODE_PYODIDE / name
        if not src.is_file():
            raise SetupFailed(f"{src} is missing: run `make setup` (npm ci)")
        copy_with_siblings(src, dest / name, None if published is None else published / name)


def plain_wheel(out_dir: Path) -> Path:
    """The flexdose wheel as setuptools builds it (sources only, no .pyc), in out_dir."""
    try:
        return runtime.build_wheel(out_dir)
    except RuntimeError as error:
        raise SetupFailed(str(error)) from None


def build_offline(tmp: Path) -> Path:
    """Build the offline bundle (scripts/bundle.py) and return its unzipped folder."""
    folder = tmp / "offline"
    cmd = [
        sys.executable,
        str(ROOT / "scripts" / "bundle.py"),
        "--out",
        str(tmp / "b.zip"),
        "--keep-site",
        str(folder),
    ]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if proc.returncode != 0 or not folder.is_dir():
        raise SetupFailed(f"scripts/bundle.py failed:\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    return folder


# A widget element itself (not one quoted in a code sample, where its < is escaped).
_WIDGET_ELEMENT = re.compile(r"<[a-z][a-z0-9-]*\s[^>]*\bdata-itb-flex[\s>=]")


def docs_widget_page(site: Path, pattern: str = "*.html", *, spanish: bool = False) -> Path:
    """The first docs page (Material's md-content, not the embed) that holds a widget: the
    English edition's, or with spanish=True the Spanish edition's (under es/)."""
    for page in sorted(site.rglob(pattern)):
        parts = page.relative_to(site).parts
        if "embed" in parts or (parts[0] == "es") != spanish:
            continue
        text = page.read_text("utf-8", errors="replace")
        if "md-content" in text and _WIDGET_ELEMENT.search(text):
            return page
    raise SetupFailed(f"no docs page with a [data-itb-flex] widget in {site}")
