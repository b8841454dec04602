"""MkDocs hook: every ``<!-- flexdose:KIND ... -->`` marker of a page, and the safety banner.

A thin adapter: sitebuild/pages.py expands the markers (one parser for every kind; an unknown
kind or option fails the build), sitebuild/previews.py, safety_blocks.py and widget.py say what
they become. See the README's "Hooks and a move to Zensical".
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from sitebuild import pages
from sitebuild.mkdocs_files import reported

# Each page's expanded markers, between its markdown event and its HTML event.
_pending: dict[str, pages.Expanded] = {}


@reported
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The banner's sentence for overrides/main.html, from flexdose.safety (the one source)."""
    from flexdose import safety

    config.extra["itb_banner"] = safety.BANNER
    return config


@reported
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace every flexdose marker on the page with its content (or a placeholder for HTML)."""
    expanded = pages.expand_markers(markdown, page.file.src_uri, Path(config["docs_dir"]))
    _pending[page.file.src_uri] = expanded
    return expanded.markdown


@reported
def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the previews and widgets where their placeholders ended up in the page's HTML."""
    expanded = _pending.pop(page.file.src_uri, None)
    if expanded is None:
        return html_text
    return pages.fill_slots(html_text, expanded, page.file.src_uri, page.url)
