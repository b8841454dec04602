"""MkDocs hook: mark links that leave the site, for print CSS (sitebuild/links.py says why)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from sitebuild.links import mark_outside_links


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give every outside link class="itb-outside" (anchors that already have a class are left)."""
    return mark_outside_links(html)
