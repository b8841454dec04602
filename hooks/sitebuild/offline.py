"""The offline build (`OFFLINE=true`, Material's offline plugin), made to work from disk.

Only when the offline plugin is enabled (``make bundle``; ``hooks/offline.py`` asks); the web
build is left untouched.

- **Search from file://.** Material's offline plugin adds ``https://unpkg.com/iframe-worker/shim``
  to ``extra.polyfills`` unless a polyfill already names iframe-worker (RUNTIME.md §5). This hook
  puts a vendored copy of npm ``iframe-worker`` 1.0.4's shim there first, so no page asks unpkg.
- **The widget from file://.** Browsers refuse module scripts, ``fetch()`` and file-URL workers
  on file:// pages (origin "null"); classic ``<script src>`` still loads. So the build writes:

  - ``assets/itb-flex-file/filemode.js`` (from ``widget/offline/``), a classic script on every
    page that, on file:// only, imports the widget's own modules from blob: URLs and gives the
    widget an engine that runs Pyodide in a module worker started from a data: URL;
  - payload scripts beside it: each runtime file the site publishes (Pyodide's five files, the
    flexdose wheel, the widget's worker.py and modules) as base64 text in a classic script,
    gzip-compressed first where that saves space (the 9.6 MB wasm becomes 4.7 MB of text);
  - ``native-worker.js``, a polyfill placed before the shim, which replaces ``window.Worker`` on
    file:// (for search); it keeps the browser's own Worker for the widget's engine.

  The payloads are made from the files the site itself publishes (``runtime.py``), after
  the build, so file mode runs exactly the runtime, wheel and widget code of the web build.
  Then ``assets/runtime/`` is removed: the bundle holds the runtime once, as payloads, and the
  same file engine runs when the bundle is served over http(s) (a clinic intranet), with the
  worker loaded from the site's own ``assets/itb-flex/pyodide-worker.js``.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
from pathlib import Path

from sitebuild import runtime
from sitebuild.common import NODE_MODULES, ROOT, BuildError, copy_file, gzip_bytes, saves_enough

SHIM_SRC = NODE_MODULES / "iframe-worker" / "shim" / "index.js"
FILE_MODE_SRC = ROOT / "widget" / "offline"

# Site paths. The shim's must contain "iframe-worker": that is what the offline plugin looks for.
SHIM_URI = "assets/vendor/iframe-worker/shim.js"
FILE_MODE_DIR = "assets/itb-flex-file"
NATIVE_WORKER_URI = f"{FILE_MODE_DIR}/native-worker.js"
FILE_MODE_URI = f"{FILE_MODE_DIR}/filemode.js"
WORKER_PY = "worker.py"
WEB_ENTRY_URI = f"{FILE_MODE_DIR}/web-entry.js"
PLACEHOLDER = "__ITB_FILE_MANIFEST__"
# The widget's plain Pyodide worker (widget/web/), which file mode starts from a data: URL.
FILE_WORKER = "pyodide-worker.js"
# The web build's module script and module preloads: browsers refuse both on file:// (and log it),
# so offline pages get the classic web-entry.js instead (it imports the module over http only).
MODULE_SCRIPT = re.compile(
    r'<script\b[^>]*\bsrc="(?P<base>[^"]*?)assets/itb-flex/itb-flex\.js"[^>]*>\s*</script>'
)
MODULE_PRELOAD = re.compile(r'<link rel="modulepreload" href="[^"]*">\n?')
# The early start (widget.py): the bundle's file engine starts when the widget mounts.
EARLY_SCRIPT = re.compile(
    r'<script type="module" async src="[^"]*assets/itb-flex/itb-flex-early\.js"></script>\n?'
)
RELATIVE_IMPORT = re.compile(r"""(?:from|import)\s*\(?\s*["']\./([\w.-]+\.js)["']""")


# ---- The offline build's steps ----


def extra_polyfills(polyfills: list[str]) -> list[str]:
    """extra.polyfills with the Worker keeper and the vendored shim first (before the offline
    plugin looks for an iframe-worker polyfill and would add the unpkg URL)."""
    ours = (NATIVE_WORKER_URI, SHIM_URI)
    # Idempotent: every edition's build runs on_config again on the same config.
    return [*ours, *(p for p in polyfills if p not in ours)]


def classic_entry(page_html: str) -> str:
    """page_html with the widget's module script replaced by web-entry.js; preloads and the
    early start dropped."""
    page_html = MODULE_PRELOAD.sub("", page_html)
    page_html = EARLY_SCRIPT.sub("", page_html)
    return MODULE_SCRIPT.sub(
        lambda m: f'<script src="{m.group("base")}{WEB_ENTRY_URI}"></script>', page_html
    )


def finish_site(site: Path) -> None:
    """After the build: write the shim, the file-mode scripts and their payloads into site."""
    copy_file(FILE_MODE_SRC / "web-entry.js", site / WEB_ENTRY_URI)
    # The embed page is generated (embed.py), not a page: the same swap, after the build,
    # and the file-mode script that pages get from extra_javascript.
    # One embed page per language: embed/index.html, embed/es/index.html.
    for embed in sorted((site / "embed").rglob("index.html")):
        root = "../" * len(embed.relative_to(site).parts[:-1])
        page = classic_entry(embed.read_text("utf-8"))
        entry = f'<script src="{root}{WEB_ENTRY_URI}"></script>'
        if entry not in page:
            raise BuildError(f"offline build: {embed.name} lost the widget's entry script")
        page = page.replace(entry, f'{entry}\n<script src="{root}{FILE_MODE_URI}"></script>')
        embed.write_text(page, "utf-8")
    copy_file(SHIM_SRC, site / SHIM_URI)
    copy_file(FILE_MODE_SRC / "native-worker.js", site / NATIVE_WORKER_URI)
    manifest = write_payloads(site)
    script = (FILE_MODE_SRC / "filemode.js").read_text("utf-8")
    if PLACEHOLDER not in script:
        raise BuildError(f"widget/offline/filemode.js lost its {PLACEHOLDER} placeholder")
    script = script.replace(PLACEHOLDER, json.dumps(manifest, indent=1))
    (site / FILE_MODE_URI).write_text(script, "utf-8")
    # The payloads hold the whole runtime and every engine of the bundle reads them: the
    # published runtime files (and PyScript, which the bundle never runs) would be a second copy.
    published = site / runtime.RUNTIME_DIR
    if published.is_dir():
        shutil.rmtree(published)


# ---- Helper functions ----


def write_payloads(site: Path) -> dict[str, object]:
    """Write one classic payload script per published runtime file; return filemode's manifest."""
    out = site / FILE_MODE_DIR
    paths = runtime.runtime_paths()
    pyodide_files = [site / paths["pyodide"] / name for name in runtime.PYODIDE_FILES]
    pyodide_files += [site / paths["stdlib"], site / paths["lock"]]
    wheel = site / paths["wheel"]
    widget = site / runtime.WIDGET_DIR
    order = module_order(widget, "itb-flex.js")

    runtime_scripts = []
    for path in [*pyodide_files, wheel]:
        if not path.is_file():
            raise BuildError(f"offline build: {path} is missing from the built site")
        script_name = f"{path.name}.js"
        _write_payload(out / script_name, [(path.name, path.read_bytes(), True)])
        runtime_scripts.append(script_name)
    # The small text files the page needs first: the widget's modules, worker.py, the worker.
    modules = [(f"module:{name}", (widget / name).read_bytes(), False) for name in order]
    modules.append((WORKER_PY, (widget / WORKER_PY).read_bytes(), False))
    modules.append((FILE_WORKER, (widget / FILE_WORKER).read_bytes(), False))
    _write_payload(out / "modules.js", modules)
    return {
        "modules": "modules.js",
        "moduleDir": f"../{runtime.WIDGET_DIR.rsplit('/', 1)[1]}/",
        "order": order,
        "runtime": runtime_scripts,
        "pyodide": [path.name for path in pyodide_files],
        "wheel": wheel.name,
        "workerPy": WORKER_PY,
        "worker": FILE_WORKER,
    }


def module_order(folder: Path, entry: str) -> list[str]:
    """The entry module and the sibling modules it imports (./name.js), dependencies first."""
    order: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in order:
            return
        if name in visiting:
            raise BuildError(f"{folder / name}: circular imports cannot be loaded from a file")
        path = folder / name
        if not path.is_file():
            raise BuildError(f"{path} is missing: the widget's modules were not published")
        visiting.add(name)
        for dep in RELATIVE_IMPORT.findall(path.read_text("utf-8")):
            visit(dep)
        visiting.discard(name)
        order.append(name)

    visit(entry)
    return order


def _write_payload(path: Path, entries: list[tuple[str, bytes, bool]]) -> None:
    """A classic script that hands each (name, bytes) to ItbFlexFilePayload as base64."""
    lines = ["// ITB Flex offline bundle: runtime files for file:// (see hooks/offline.py)."]
    for name, raw, may_compress in entries:
        data, encoding = raw, "raw"
        if may_compress:
            packed = gzip_bytes(raw)
            if saves_enough(packed, raw):
                data, encoding = packed, "gzip"
        b64 = base64.b64encode(data).decode("ascii")
        lines.append(f'ItbFlexFilePayload.put({json.dumps(name)},{json.dumps(encoding)},"{b64}");')
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", "ascii")
