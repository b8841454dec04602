"""MkDocs hook: mark links that leave the site, so print CSS can write out their addresses.

Material rewrites every internal link to an absolute URL in the browser, so CSS alone cannot tell
an outside link from an inside one; the mark is set at build time, from the link as written.
Only the sources page links out (tests/site/test_build.py checks that).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

OUTSIDE_LINK_RE = re.compile(r'<a href="(https?://[^"]+)"(?![^>]*\bclass=)')


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give every outside link class="itb-outside" (anchors that already have a class are left)."""
    return OUTSIDE_LINK_RE.sub(r'<a href="\1" class="itb-outside"', html)
