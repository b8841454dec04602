"""Mark links that leave the site, so print CSS can write out their addresses.

Material rewrites every internal link to an absolute URL in the browser, so CSS alone cannot tell
an outside link from an inside one; the mark is set at build time, from the link as written.
Only the sources page links out (tests/site/test_build.py checks that).
"""

from __future__ import annotations

import re

OUTSIDE_LINK_RE = re.compile(r'<a href="(https?://[^"]+)"(?![^>]*\bclass=)')


def mark_outside_links(page_html: str) -> str:
    """Give every outside link class="itb-outside" (anchors that already have a class are left)."""
    return OUTSIDE_LINK_RE.sub(r'<a href="\1" class="itb-outside"', page_html)
