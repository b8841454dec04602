"""The flex-dosing widget where a page says ``<!-- flexdose:widget example=NAME -->``.

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
import json
import re
from pathlib import Path

from flexdose.limits import FORM_MAX_STEPS
from flexdose.widget_text import startup as startup_texts
from flexdose.widget_text import static_note
from mkdocs.utils import get_relative_url

from sitebuild import offline, runtime
from sitebuild.common import WEB_SRC, BuildError
from sitebuild.examples import load_example

WIDGET_ASSETS = f"{runtime.WIDGET_DIR}/"  # where runtime.py publishes widget/web/
WIDGET_ENTRY = "itb-flex.js"
EARLY_MODULE = "itb-flex-early.js"


def page_head(page_url: str) -> str:
    """What goes in front of a page with a widget: the preloads, then the early start."""
    return preload_links(page_url or ".") + early_start(page_url or ".")


def widget_markup(
    example: str, *, id_prefix: str, docs_dir: Path | None = None, at: str = ""
) -> str:
    """The widget root for one example: status line, static preview, the document as JSON.

    The example is looked up as every marker's is (examples.py; docs_dir None: the package's
    only); at says where the marker is, for the message if there is no such example.
    """
    import flexdose
    from flexdose import render

    document = load_example(example, docs_dir=docs_dir, at=at or "flexdose:widget marker")
    preview = render.preview_html(flexdose.check(document), id_prefix=id_prefix)
    # The document rides in an attribute, not in a <script type="application/json">: Material's
    # instant navigation re-creates every inline script of the new page with its text only (no
    # type), so the browser then ran the JSON as JavaScript and the widget started empty.
    embedded = html.escape(json.dumps(document, ensure_ascii=False), quote=True)
    # What the widget says while Python starts: flexdose's wording, before flexdose can run.
    startup = html.escape(json.dumps(startup_texts(), ensure_ascii=False), quote=True)
    return (
        f'<div class="itb-flex" data-itb-flex data-state="loading" '
        f'data-example="{html.escape(example)}" data-id-prefix="{id_prefix}" '
        # The step limit travels from flexdose.limits, so the page never restates the number.
        f'data-max-steps="{int(FORM_MAX_STEPS.value)}" data-itb-doc="{embedded}" '
        f'data-itb-text="{startup}">\n'
        '<p class="itb-flex__status" data-itb-status role="status">'
        f"{html.escape(static_note())}</p>\n"
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
    pyscript = runtime.runtime_paths()["pyscript"]
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
    order = offline.module_order(WEB_SRC, WIDGET_ENTRY)
    return [name for name in order if name != WIDGET_ENTRY]


def _pyscript_entry() -> list[str]:
    """PyScript's entry module, its core chunk (hashed name) and the plugin chunks it imports at
    every start (its plugin table: `"donkey":()=>import("./donkey-<hash>.js")`, ...), which it
    would otherwise request one round trip after its core has run (measured: 40-70 ms)."""
    dist = runtime.PYSCRIPT_DIST
    cores = sorted(p.name for p in dist.glob("core-*.js"))
    text = "".join((dist / name).read_text("utf-8") for name in cores)
    # Only the plugin table has `name:()=>import(...)` entries; PyScript's other dynamic
    # imports (TOML, zip, the editor's CodeMirror) happen on demand and are not preloaded.
    plugins = re.findall(r'(?:"[\w-]+"|\w+):\(\)=>import\("\./([\w.-]+\.js)"\)', text)
    if not plugins:
        raise BuildError(f"{dist}: PyScript's plugin table is not where this hook looks")
    return ["core.js", *cores, *plugins]
