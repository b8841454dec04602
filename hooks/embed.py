"""MkDocs hook: publish the portal embed (``embed/``) and the site's ``_headers`` file.

What lands in the built site (sources in ``widget/embed/``):

- ``embed/index.html``: the widget alone, for an iframe. No site chrome; light and dark follow
  the reader's system; it tells its parent its height (``frame.js``). It carries the same widget
  markup as a page marker does (``hooks/widget.py``'s ``widget_markup``: the build-time static
  preview plus the example document), the widget's stylesheets and module as the site lists them
  (``extra_css`` / ``extra_javascript`` under ``assets/itb-flex/``), and a ``<meta>`` copy of the
  embed's Content Security Policy for hosts that cannot send headers;
- ``embed/embed.js`` (the portal's loader), ``embed/embed.css``, ``embed/frame.js``;
- ``_headers`` (Netlify's format; ``scripts/serve.py`` applies it): the same CSP as a real header
  for ``/embed/*``, the only form in which a host can add ``frame-ancestors``.

The embed's policy is what the widget needs and no more (RUNTIME.md §9): scripts and wasm from
its own origin, the PyScript worker from a blob: URL, styles from files only.
"""

from __future__ import annotations

import html
import importlib.util
from pathlib import Path
from types import ModuleType

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[1]
EMBED_SRC = ROOT / "widget" / "embed"
EMBED_DIR = "embed"
WIDGET_ASSETS = "assets/itb-flex/"
# The example the embed shows until the portal loads its own schedule.
EMBED_EXAMPLE = "day-night"
# Published as-is next to the embed page.
STATIC_FILES = ("embed.js", "embed.css", "frame.js")

CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
    "worker-src 'self' blob:; style-src 'self'"
)
HEADERS_FILE = "_headers"
HEADERS_RULES = f"""\
# ITB Flex embed page (hooks/embed.py). A host that knows which portals may frame the widget
# should append "; frame-ancestors https://portal.example.org" to this policy: browsers honour
# frame-ancestors only in a header, never in the page's <meta> copy.
/{EMBED_DIR}/*
  Content-Security-Policy: {CSP}
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
"""


# ---- Hooks ----


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Add the embed page, its scripts and styles, and the _headers rules to the site."""
    _publish(files, config, f"{EMBED_DIR}/index.html", embed_page(config))
    for name in STATIC_FILES:
        _publish(files, config, f"{EMBED_DIR}/{name}", (EMBED_SRC / name).read_bytes())
    existing = files.get_file_from_path(HEADERS_FILE)
    rules = HEADERS_RULES
    if existing is not None:  # a docs/_headers of the site's own: keep its rules, add ours
        rules = existing.content_string.rstrip("\n") + "\n\n" + rules
    _publish(files, config, HEADERS_FILE, rules)
    return files


def on_serve(server, /, *, config: MkDocsConfig, builder):
    """Rebuild when the embed's sources change."""
    server.watch(str(EMBED_SRC))
    return server


# ---- Helper functions ----


def embed_page(config: MkDocsConfig) -> str:
    """embed/index.html: the template in widget/embed/ with the widget and its assets."""
    stylesheets = [str(p) for p in config.extra_css if str(p).startswith(WIDGET_ASSETS)]
    modules = [
        str(s)
        for s in config.extra_javascript
        if str(s).startswith(WIDGET_ASSETS) and getattr(s, "type", "") == "module"
    ]
    if not stylesheets or not modules:
        raise RuntimeError(
            "hooks/embed.py: mkdocs.yml lists no widget stylesheet (extra_css) or widget module "
            f"(extra_javascript, type: module) under {WIDGET_ASSETS}; the embed page needs both."
        )
    links = "".join(f'<link rel="stylesheet" href="../{html.escape(p)}">\n' for p in stylesheets)
    scripts = "".join(
        f'<script type="module" src="../{html.escape(p)}"></script>\n' for p in modules
    )
    template = (EMBED_SRC / "embed.html").read_text("utf-8")
    values = {
        "{{ csp }}": html.escape(CSP, quote=False),
        "{{ stylesheets }}": links,
        "{{ scripts }}": scripts,
        "{{ widget }}": _widget_hook().widget_markup(EMBED_EXAMPLE, id_prefix="fdw1"),
    }
    for key, value in values.items():
        if key not in template:
            raise RuntimeError(f"widget/embed/embed.html lost its {key} placeholder")
        template = template.replace(key, value)
    return template


def _widget_hook() -> ModuleType:
    """hooks/widget.py, whose widget_markup() the page markers use too (one source of markup)."""
    spec = importlib.util.spec_from_file_location("itb_flex_widget_hook", ROOT / "hooks/widget.py")
    if spec is None or spec.loader is None:
        raise RuntimeError("hooks/widget.py is missing: the embed page reuses its widget markup")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _publish(files: Files, config: MkDocsConfig, src_uri: str, content: str | bytes) -> None:
    """Add a generated file, replacing any file already published at the same path."""
    existing = files.get_file_from_path(src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(File.generated(config, src_uri, content=content))
