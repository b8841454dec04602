"""The portal embed (``embed/``) and the site's ``_headers`` file.

What lands in the built site (sources in ``widget/embed/``):

- ``embed/index.html``: the widget alone, for an iframe. No site chrome; light and dark follow
  the reader's system; it tells its parent its height (``frame.js``). It carries the same widget
  markup as a page marker does (``widget.py``'s ``widget_markup``: the build-time static
  preview plus the example document), the widget's stylesheets and module as the site lists them
  (``extra_css`` / ``extra_javascript`` under ``assets/itb-flex/``), and a ``<meta>`` copy of the
  embed's Content Security Policy (``CSP``) for hosts that cannot send headers;
- ``embed/embed.js`` (the portal's loader), ``embed/embed.css``, ``embed/frame.js``;
- ``_headers`` (Netlify's format; ``scripts/serve.py`` applies it), after the rules of a
  ``docs/_headers`` of the site's own, if any:

  - ``/embed/*``: the embed's CSP as a real header, ending with ``frame-ancestors``, the one
    directive browsers honour only in a header (never in the ``<meta>`` copy). Its sources are
    set at build time with the environment variable ``ITB_FRAME_ANCESTORS`` (a space-separated
    list such as ``https://portal.example.org https://*.example.net``; checked by
    ``frame_ancestors``, an invalid value fails the build); unset or empty: ``*``, any portal;
  - one rule per HTML page of the site itself (``/``, ``/index.html``, ``/flex-dosing/*``,
    ``/404.html``, ...; ``page_patterns``): ``Content-Security-Policy: frame-ancestors 'self'``
    and ``X-Frame-Options: SAMEORIGIN``, so only the site may frame its own pages. Not ``/*``:
    Netlify applies every rule that matches and has no way to exclude a path, so ``/*`` would
    also forbid portals to frame ``/embed/``.

  Paths are relative to the site's root as deployed (below the path of ``site_url``, if any),
  as ``scripts/serve.py --prefix`` matches them.

The embed's policy is what the widget needs and no more (RUNTIME.md §9): scripts and wasm from
its own origin, the PyScript worker from a blob: URL, styles from files only; no ``<base>``, no
form submission, no plugins.
"""

from __future__ import annotations

import html
import json
import os
import posixpath
import re
from collections.abc import Iterable, Sequence

from flexdose.i18n import speaking

from sitebuild import chrome, widget
from sitebuild.common import ROOT, BuildError, Published

EMBED_SRC = ROOT / "widget" / "embed"
EMBED_DIR = "embed"
WIDGET_ASSETS = widget.WIDGET_ASSETS
# The example the embed shows until the portal loads its own schedule.
EMBED_EXAMPLE = "day-night"
# Published as-is next to the embed page.
STATIC_FILES = ("embed.js", "embed.css", "frame.js")

# The embed's policy as its <meta> copy carries it: everything but frame-ancestors.
CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
    "worker-src 'self' blob:; style-src 'self'; "
    "base-uri 'none'; form-action 'none'; object-src 'none'"
)
# Who may frame the embed (the header's frame-ancestors): set at build time.
FRAME_ANCESTORS_ENV = "ITB_FRAME_ANCESTORS"
DEFAULT_FRAME_ANCESTORS = "*"  # the public embed exists to be framed by any portal
FRAME_ANCESTORS_EXAMPLE = "https://portal.example.org https://*.example.net"
# One source of a frame-ancestors list that is not a keyword: scheme://host[:port], where the
# host may start with "*." (any subdomain) and the port may be "*"; no path.
HOST_SOURCE = re.compile(
    r"https?://(?:\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
    r"(?::(?P<port>\d{1,5}|\*))?/?",
    re.IGNORECASE,
)
# The site's own pages: framed by the site only (X-Frame-Options for browsers without CSP 2).
PAGE_HEADERS = (
    ("Content-Security-Policy", "frame-ancestors 'self'"),
    ("X-Frame-Options", "SAMEORIGIN"),
)
HEADERS_FILE = "_headers"
HEADERS_COMMENT = f"""\
# ITB Flex (hooks/embed.py). Paths are relative to the site's root as deployed (below the path
# of site_url, if any). A host applies every rule that matches a path, and a rule cannot
# exclude one, so the site's pages get one rule each, never "/*" (which would match /{EMBED_DIR}/).
# - /{EMBED_DIR}/*: the portal embed. Browsers honour frame-ancestors only in a header, never in
#   the page's <meta> copy; its sources are set when the site is built, with the environment
#   variable {FRAME_ANCESTORS_ENV} (default {DEFAULT_FRAME_ANCESTORS}: any portal may frame it).
# - every other page of the site, one rule each: framed only by the site itself
#   (X-Frame-Options for browsers older than CSP's frame-ancestors).
"""


def embed_header_csp(frame_ancestors: str) -> str:
    """The embed's policy as its header sends it: the <meta> copy plus frame-ancestors."""
    return f"{CSP}; frame-ancestors {frame_ancestors}"


def frame_ancestors(value: str | None) -> str:
    """The embed's frame-ancestors sources from ITB_FRAME_ANCESTORS' value (None: unset).

    Unset or blank: ``*``. Otherwise each space-separated token must be ``'self'``, ``'none'``
    (alone), ``*`` or ``scheme://host[:port]`` (http or https; host may start with ``*.``);
    anything else raises BuildError, which fails the build with the reason.
    """
    tokens = (value or "").split()
    if not tokens:
        return DEFAULT_FRAME_ANCESTORS
    for token in tokens:
        if token in ("'self'", "'none'", "*"):
            continue
        match = HOST_SOURCE.fullmatch(token)
        if match and (match["port"] in (None, "*") or 0 < int(match["port"]) < 65536):
            continue
        bare = token.lower().strip("'\"")
        hint = f" (write it '{bare}', in single quotes)" if bare in ("self", "none") else ""
        raise BuildError(
            f'{FRAME_ANCESTORS_ENV}: "{token}" is not a frame-ancestors source{hint}. Give a '
            "space-separated list of 'self', 'none' (alone), * or scheme://host[:port] sources "
            f'without a path, for example {FRAME_ANCESTORS_ENV}="{FRAME_ANCESTORS_EXAMPLE}".'
        )
    if "'none'" in tokens and len(tokens) > 1:
        raise BuildError(
            f"{FRAME_ANCESTORS_ENV}: 'none' must be the only source, got \"{' '.join(tokens)}\". "
            f"For example {FRAME_ANCESTORS_ENV}=\"'none'\" or "
            f'{FRAME_ANCESTORS_ENV}="{FRAME_ANCESTORS_EXAMPLE}".'
        )
    return " ".join(tokens)


def headers_rules(pages: list[str], ancestors: str) -> str:
    """Our part of _headers: the embed's rule, then one rule per pattern of the site's pages."""
    embed = [
        ("Content-Security-Policy", embed_header_csp(ancestors)),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
    ]
    blocks = [_rule(f"/{EMBED_DIR}/*", embed)]
    blocks += [_rule(pattern, PAGE_HEADERS) for pattern in page_patterns(pages)]
    return HEADERS_COMMENT + "\n".join(blocks)


def page_patterns(pages: list[str]) -> list[str]:
    """_headers path patterns covering the site's own HTML pages (site paths), never the embed.

    ``index.html`` is served as ``/`` and ``/index.html``; ``a/index.html`` as ``/a/`` and
    ``/a/index.html``, covered (with what else is in ``a/``) by ``/a/*``; any other page by its
    own path. A folder already covered by a parent folder's pattern gets no second rule (a host
    would send its headers twice).
    """
    folders: set[str] = set()
    files: set[str] = set()
    for page in pages:
        if page == EMBED_DIR or page.startswith(f"{EMBED_DIR}/"):
            continue
        if page == "index.html":
            files.update(("", "index.html"))
        elif page.endswith("/index.html"):
            folders.add(posixpath.dirname(page))
        else:
            files.add(page)

    def covered(path: str) -> bool:
        parent = posixpath.dirname(path)
        while parent:
            if parent in folders:
                return True
            parent = posixpath.dirname(parent)
        return False

    patterns = [f"/{folder}/*" for folder in sorted(folders) if not covered(folder)]
    patterns += [f"/{file}" for file in sorted(files) if not covered(file)]
    return sorted(patterns, key=lambda p: (p not in ("/", "/index.html"), p))


def _rule(pattern: str, headers: Iterable[tuple[str, str]]) -> str:
    """One _headers rule: the path pattern, then its headers indented."""
    return f"{pattern}\n" + "".join(f"  {name}: {value}\n" for name, value in headers)


# ---- What the site publishes ----


def check_environment() -> None:
    """Fail at once (before the site folder is cleaned) when ITB_FRAME_ANCESTORS is invalid."""
    frame_ancestors(os.environ.get(FRAME_ANCESTORS_ENV))


def site_files(
    pages: list[str],
    stylesheets: list[str],
    modules: list[str],
    own_headers: str | None,
    languages: Sequence[str] = ("en",),
) -> list[Published]:
    """The embed page of each language, its scripts and styles, and _headers.

    pages: site paths of every HTML file the build writes; stylesheets and modules: the site's
    extra_css and module extra_javascript (embed_page takes the widget's); own_headers: the
    text of a docs/_headers of the site's own (its rules are kept, ours added), or None;
    languages: the first at embed/, each other at embed/<lang>/ (embed.js picks it from
    data-lang).
    """
    published: list[Published] = [
        (embed_page_path(lang, first=i == 0), embed_page(stylesheets, modules, lang, first=i == 0))
        for i, lang in enumerate(languages)
    ]
    published += [
        (
            f"{EMBED_DIR}/{name}",
            with_frame_titles(with_protocol_messages((EMBED_SRC / name).read_bytes()), languages),
        )
        for name in STATIC_FILES
    ]
    rules = headers_rules(pages, frame_ancestors(os.environ.get(FRAME_ANCESTORS_ENV)))
    if own_headers is not None:
        rules = own_headers.rstrip("\n") + "\n\n" + rules
    published.append((HEADERS_FILE, rules))
    return published


def embed_page_path(lang: str, *, first: bool) -> str:
    """embed/index.html for the first language, embed/<lang>/index.html for the others."""
    return f"{EMBED_DIR}/index.html" if first else f"{EMBED_DIR}/{lang}/index.html"


def embed_page(
    site_stylesheets: list[str], site_modules: list[str], lang: str = "en", *, first: bool = True
) -> str:
    """embed/index.html: the template in widget/embed/ with the widget and its assets (those of
    the site's stylesheets and module scripts that are the widget's, under assets/itb-flex/),
    in `lang` (the static preview, the start-up sentences and the page's own words)."""
    root = "../" if first else "../../"
    stylesheets = [p for p in site_stylesheets if p.startswith(WIDGET_ASSETS)]
    modules = [p for p in site_modules if p.startswith(WIDGET_ASSETS)]
    if not stylesheets or not modules:
        raise BuildError(
            "the embed: mkdocs.yml lists no widget stylesheet (extra_css) or widget module "
            f"(extra_javascript, type: module) under {WIDGET_ASSETS}; the embed page needs both."
        )
    links = "".join(f'<link rel="stylesheet" href="{root}{html.escape(p)}">\n' for p in stylesheets)
    scripts = "".join(
        f'<script type="module" src="{root}{html.escape(p)}"></script>\n' for p in modules
    )
    template = (EMBED_SRC / "embed.html").read_text("utf-8")
    words = chrome.words(lang)
    with speaking(lang):
        markup = widget.widget_markup(EMBED_EXAMPLE, id_prefix="fdw1")
    values = {
        "{{ lang }}": html.escape(lang),
        "{{ title }}": html.escape(words["embed_title"]),
        "{{ note }}": html.escape(words["embed_note"]),
        "{{ root }}": root,
        "{{ here }}": "" if first else "../",
        "{{ csp }}": html.escape(CSP, quote=False),
        "{{ stylesheets }}": links,
        "{{ scripts }}": scripts,
        "{{ widget }}": markup,
    }
    for key, value in values.items():
        if key not in template:
            raise BuildError(f"widget/embed/embed.html lost its {key} placeholder")
        template = template.replace(key, value)
    return template


# ---- The protocol's message types (one list: MESSAGE in widget/web/contract.js) ----

CONTRACT_JS = ROOT / "widget" / "web" / "contract.js"
# What embed.js and frame.js hold where the table goes: classic scripts cannot import a module.
MESSAGES_PLACEHOLDER = b"__ITB_FLEX_MESSAGES__"
_MESSAGE_TABLE = re.compile(r"export const MESSAGE = Object\.freeze\(\{(?P<body>[^}]*)\}\);")
_MESSAGE_ENTRY = re.compile(r'\s*"?(?P<name>[a-z]+)"?\s*:\s*"(?P<type>itb-flex:[a-z]+)",?\s*')


def protocol_messages() -> dict[str, str]:
    """contract.js's MESSAGE table: name -> message type ("load" -> "itb-flex:load").

    Raises BuildError (the build fails) when the table is missing or a line in it is not one
    name and one quoted type.
    """
    match = _MESSAGE_TABLE.search(CONTRACT_JS.read_text("utf-8"))
    if match is None:
        raise BuildError(f"{CONTRACT_JS} lost its `export const MESSAGE = Object.freeze({{}});`")
    table: dict[str, str] = {}
    for line in match["body"].splitlines():
        if not line.strip():
            continue
        entry = _MESSAGE_ENTRY.fullmatch(line)
        if entry is None:
            raise BuildError(f"{CONTRACT_JS}: a MESSAGE line is not `name: type`: {line!r}")
        table[entry["name"]] = entry["type"]
    return table


# What embed.js holds where each language's frame title goes (the embed pages' own <title>s).
FRAME_TITLES_PLACEHOLDER = b"__ITB_FLEX_FRAME_TITLES__"


def with_frame_titles(content: bytes, languages: Sequence[str]) -> bytes:
    """A published file with FRAME_TITLES_PLACEHOLDER replaced by {language: embed page title}
    (the first language first: embed.js treats anything it does not know as that one)."""
    if FRAME_TITLES_PLACEHOLDER not in content:
        return content
    titles = {lang: chrome.words(lang)["embed_title"] for lang in languages}
    return content.replace(FRAME_TITLES_PLACEHOLDER, json.dumps(titles).encode())


def with_protocol_messages(content: bytes) -> bytes:
    """A published file with MESSAGES_PLACEHOLDER replaced by protocol_messages() as JSON."""
    if MESSAGES_PLACEHOLDER not in content:
        return content
    return content.replace(MESSAGES_PLACEHOLDER, json.dumps(protocol_messages()).encode())
