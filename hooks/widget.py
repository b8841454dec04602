"""MkDocs hook: the flex-dosing widget where a page says ``<!-- flexdose:widget example=NAME -->``.

The marker becomes the widget's root element with, inside it, the build-time static preview of
the example (``flexdose.render.preview_html(flexdose.check(example))``) and the example document
as JSON. The page is useful before (and without) JavaScript: the preview is the picture; the
widget module (``assets/itb-flex/itb-flex.js``) turns it into the live editor once Python runs.

Root element contract (stable, used by pages and portals): ``[data-itb-flex]`` with
``data-state`` ``loading`` | ``ready`` | ``error``; see widget/web/contract.js for postMessage.
"""

from __future__ import annotations

import functools
import html
import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

from flexdose import samples
from flexdose.limits import FORM_MAX_STEPS
from flexdose.widget_text import STARTUP
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

MARKER = re.compile(r"<!--\s*flexdose:widget\s+example=([A-Za-z0-9_-]+)\s*-->")
# Markdown may wrap a lone comment in <p>...</p>; the widget must not sit inside a paragraph.
WRAPPED = re.compile(r"<p>\s*(" + MARKER.pattern + r")\s*</p>")
ROOT = Path(__file__).resolve().parents[1]
WEB_SRC = ROOT / "widget" / "web"
WIDGET_ASSETS = "assets/itb-flex/"  # where hooks/runtime.py publishes widget/web/
WIDGET_ENTRY = "itb-flex.js"
EARLY_MODULE = "itb-flex-early.js"


# ---- Hooks ----


def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace each widget marker on the page with the widget's root and static preview."""
    if "flexdose:widget" not in html_text:
        return html_text
    html_text = WRAPPED.sub(lambda m: m.group(1), html_text)
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return widget_markup(match.group(1), id_prefix=f"fdw{count}")

    html_text = MARKER.sub(replace, html_text)
    if count == 0:
        raise RuntimeError(f"{page.file.src_uri}: malformed flexdose:widget marker")
    return preload_links(page.url or ".") + early_start(page.url or ".") + html_text


# ---- Helper functions ----


def widget_markup(example: str, *, id_prefix: str) -> str:
    """The widget root for one example: status line, static preview, the document as JSON."""
    import flexdose
    from flexdose import render

    document = load_example(example)
    preview = render.preview_html(flexdose.check(document), id_prefix=id_prefix)
    # The document rides in an attribute, not in a <script type="application/json">: Material's
    # instant navigation re-creates every inline script of the new page with its text only (no
    # type), so the browser then ran the JSON as JavaScript and the widget started empty.
    embedded = html.escape(json.dumps(document, ensure_ascii=False), quote=True)
    # What the widget says while Python starts: flexdose's wording, before flexdose can run.
    startup = html.escape(json.dumps(STARTUP, ensure_ascii=False), quote=True)
    return (
        f'<div class="itb-flex" data-itb-flex data-state="loading" '
        f'data-example="{html.escape(example)}" data-id-prefix="{id_prefix}" '
        # The step limit travels from flexdose.limits, so the page never restates the number.
        f'data-max-steps="{int(FORM_MAX_STEPS.value)}" data-itb-doc="{embedded}" '
        f'data-itb-text="{startup}">\n'
        '<p class="itb-flex__status" data-itb-status role="status">'
        "This is the example's picture. To change it, open this page from the site's web "
        "address with JavaScript on: the live preview cannot start from a file opened on this "
        "computer.</p>\n"
        f'<div class="itb-flex__static" data-itb-static>{preview}</div>\n'
        "</div>"
    )


def preload_links(page_url: str) -> str:
    """Hints that fetch the widget's module graph and PyScript's entry while the page parses.

    Without them each module is requested only once the one importing it has been parsed, one
    level at a time behind Material's own scripts (measured: the engine's modules arrived about
    0.8 s after the entry module on a cold load, and the runtime download waits for them).
    (Preloading the 6 MB of Pyodide as well was measured: a little faster on a cold cache,
    slower on a warm one, as the page then reads the whole runtime from the cache beside the
    worker; so it is not done.)
    """
    pyscript = _runtime_paths()["pyscript"]
    urls = [f"{pyscript}/{name}" for name in _pyscript_entry()]
    urls += [f"{WIDGET_ASSETS}{name}" for name in _widget_modules()]
    return "".join(
        f'<link rel="modulepreload" href="{html.escape(get_relative_url(url, page_url))}">\n'
        for url in urls
    )


def early_start(page_url: str) -> str:
    """The async module that starts the engine before Material's scripts have run (measured:
    its worker then starts about a second earlier on a cold load)."""
    src = get_relative_url(f"{WIDGET_ASSETS}{EARLY_MODULE}", page_url)
    return f'<script type="module" async src="{html.escape(src)}"></script>\n'


@functools.cache
def _widget_modules() -> list[str]:
    """The modules itb-flex.js imports, directly or not (the entry itself is the page's script)."""
    order = _load_sibling("offline").module_order(WEB_SRC, WIDGET_ENTRY)
    return [name for name in order if name != WIDGET_ENTRY]


def load_example(name: str) -> object:
    """An example document shipped with flexdose; an unknown name fails the build."""
    try:
        return samples.load_example(name)
    except KeyError as error:
        raise RuntimeError(f"flexdose:widget marker: {error.args[0]}") from None


def _runtime_paths() -> dict[str, str]:
    """The versioned runtime folders, named exactly as hooks/runtime.py publishes them."""
    return _load_sibling("runtime").runtime_paths()


def _pyscript_entry() -> list[str]:
    """PyScript's entry module, its core chunk (hashed name) and the plugin chunks it imports at
    every start (its plugin table: `"donkey":()=>import("./donkey-<hash>.js")`, ...), which it
    would otherwise request one round trip after its core has run (measured: 40-70 ms)."""
    dist = ROOT / "node_modules" / "@pyscript" / "core" / "dist"
    cores = sorted(p.name for p in dist.glob("core-*.js"))
    text = "".join((dist / name).read_text("utf-8") for name in cores)
    # Only the plugin table has `name:()=>import(...)` entries; PyScript's other dynamic
    # imports (TOML, zip, the editor's CodeMirror) happen on demand and are not preloaded.
    plugins = re.findall(r'(?:"[\w-]+"|\w+):\(\)=>import\("\./([\w.-]+\.js)"\)', text)
    if not plugins:
        raise RuntimeError(f"{dist}: PyScript's plugin table is not where this hook looks")
    return ["core.js", *cores, *plugins]


@functools.cache
def _load_sibling(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"itb_hooks_{name}", Path(__file__).with_name(f"{name}.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
