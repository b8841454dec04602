"""Text out of built MkDocs pages: the prose (for readability) or all the text (for facts).

Only the page's article (`.md-content__inner`) counts: the header, navigation, search, footer and
the safety banner are the same on every page and are not what the page says.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

__all__ = ["article_text", "built_pages", "page_url", "prose_text"]

# Never prose: code, tables of numbers, drawings, the widget and build-time previews (they show a
# schedule, not sentences), heading permalinks, the last-updated line.
SKIP_TAGS = {"pre", "code", "table", "nav", "script", "style", "svg", "template", "noscript"}
# itb-edition: the link to the page in the other language (hooks/sitebuild/editions.py).
SKIP_CLASSES = {"headerlink", "itb-preview", "md-source-file", "md-content__button", "itb-edition"}
SKIP_ATTRS = {"data-itb-flex"}
# Elements that end a sentence-like unit: a heading or list item without a full stop is still
# a unit of its own, not the start of the next sentence.
BLOCK_TAGS = {
    "p",
    "li",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "div",
    "summary",
    "blockquote",
    "figcaption",
    "aside",
    "details",
    "ul",
    "ol",
    "dl",
    "br",
}
VOID_TAGS = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area"}


class _ArticleText(HTMLParser):
    def __init__(self, *, prose_only: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.prose_only = prose_only
        self.depth = 0  # >0 while inside the article
        self.skip_depth = 0  # >0 while inside a skipped subtree (counted within the article)
        self.units: list[str] = []
        self.current: list[str] = []

    def _skipped(self, tag: str, attrs: dict[str, str | None]) -> bool:
        classes = set((attrs.get("class") or "").split())
        if tag in {"svg", "script", "style", "template"} or classes & {"headerlink"}:
            return True
        if not self.prose_only:
            return False
        return tag in SKIP_TAGS or bool(classes & SKIP_CLASSES) or bool(SKIP_ATTRS & set(attrs))

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.units.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = dict(attrs_list)
        if self.depth == 0:
            if tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
                self.depth = 1
            return
        if tag in VOID_TAGS:
            if tag == "br":
                self._flush()
            return
        self.depth += 1
        if self.skip_depth:
            self.skip_depth += 1
            return
        if self._skipped(tag, attrs):
            self.skip_depth = 1
            return
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self.depth == 0 or tag in VOID_TAGS:
            return
        self.depth -= 1
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if tag in BLOCK_TAGS or self.depth == 0:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip_depth:
            self.current.append(data)


def _units(html: str, *, prose_only: bool) -> list[str]:
    parser = _ArticleText(prose_only=prose_only)
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.units


def prose_text(html: str) -> str:
    """The article's prose, one unit (paragraph, list item, heading) per sentence or more.

    A unit that does not end in sentence punctuation gets a full stop, so a heading or a list item
    counts as its own sentence instead of running into the next one.
    """
    units = _units(html, prose_only=True)
    return " ".join(u if re.search(r"[.!?:;]$", u) else u + "." for u in units)


def article_text(html: str) -> str:
    """All the article's visible text (tables and previews included), whitespace collapsed."""
    return " ".join(_units(html, prose_only=False))


# The Spanish edition's folder (mkdocs-static-i18n builds it under es/).
SPANISH = "es"


def built_pages(site: Path, lang: str | None = None) -> dict[str, Path]:
    """{url path like 'safety/' or 'es/safety/': index.html} for every MkDocs page of the built
    site; lang "en" or "es" keeps only that edition's pages."""
    pages = {}
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        if rel.startswith(("assets", "search")):
            continue
        if 'class="md-content__inner' not in path.read_text(encoding="utf-8"):
            continue  # not a MkDocs content page (for example a standalone embed page)
        url = "" if rel == "." else rel + "/"
        spanish = url.startswith(f"{SPANISH}/")
        if lang is None or (lang == SPANISH) == spanish:
            pages[url] = path
    return pages


def page_url(src_md: str) -> str:
    """'safety.md' -> 'safety/', 'index.md' -> '' (use_directory_urls)."""
    stem = src_md.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"
