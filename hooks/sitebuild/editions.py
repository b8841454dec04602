"""The two editions of the site (English at the root, Spanish under /es/) and instant navigation.

mkdocs-static-i18n gives every page a language switcher whose links go to the same page in the
other edition. It warns that the switcher "is not compatible with navigation.instant": Material's
instant navigation swaps the page's content but keeps the header, so the switcher would still
point at the first page's translation, and a switch made through instant navigation would keep
the first edition's `lang`, Material's interface language and its search language. This site
answers both (so the warning is filtered out, `answered_warning`):

- the switcher's links carry ``target="_self"`` and ``data-itb-edition`` (`mark_switcher`):
  Material's instant navigation leaves links with a target alone, so changing edition is always
  a whole page load, with the new edition's `lang`, interface and search;
- every page says, at the top of its article, where its translation is ("Lea esta página en
  español" / "Read this page in English", `edition_links`), in the article Material does swap;
  ``assets/javascripts/editions.js`` points the header's switcher at that link after each
  instant navigation.

The ``<link rel="alternate" hreflang>`` tags Material writes in the head are dropped
(`drop_head_alternates`): Material's own "alternate" script fetches ``sitemap.xml`` beside each
of them, which for a page's translation is a request for a file that does not exist (a 404 on
every page). The sitemap keeps the hreflang alternates for search engines.

Links the plugin writes as site-absolute paths ("/es/", on the home pages) become relative
(`relative_links`), so the switcher works under a sub-path and in the offline bundle.
"""

from __future__ import annotations

import html
import logging
import posixpath
import re
from collections.abc import Mapping
from pathlib import Path

# The logger that warns (the plugin's mkdocs_static_i18n/reconfigure.py, via get_plugin_logger).
PLUGIN_LOGGER = "mkdocs.plugins.mkdocs_static_i18n.reconfigure"
# The plugin's warning, matched exactly: any other warning of the plugin still fails the build.
ANSWERED = (
    "language switcher contextual link is not compatible with theme.features = navigation.instant"
)

_SWITCHER_LINK = re.compile(
    r'<a href="(?P<href>[^"]*)" hreflang="(?P<lang>[a-z-]+)" class="md-select__link">'
)


# What the link to a page's translation says, in the translation's own language.
THIS_PAGE_IN: Mapping[str, str] = {
    "en": "Read this page in English",
    "es": "Lea esta página en español",
}

_HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[a-z-]+">\n?')
_ARTICLE = '<article class="md-content__inner md-typeset">'


def answered_warning(record: logging.LogRecord) -> bool:
    """A logging filter: False (drop) for the plugin's instant-navigation warning only."""
    return ANSWERED not in record.getMessage()


def mark_switcher(page_html: str, lang: str) -> str:
    """page_html with each switcher link marked (target, data-itb-edition, aria-current).

    The link to the edition being read gets ``aria-current="true"``, so a screen reader says
    which language is the page's.
    """

    def mark(match: re.Match[str]) -> str:
        current = ' aria-current="true"' if match["lang"] == lang else ""
        return (
            f'<a href="{match["href"]}" hreflang="{match["lang"]}" lang="{match["lang"]}" '
            f'class="md-select__link" target="_self" data-itb-edition="{match["lang"]}"{current}>'
        )

    return _SWITCHER_LINK.sub(mark, page_html)


def relative_href(href: str, page_url: str, base_path: str) -> str:
    """A site-absolute href ("/es/", "/docs/es/" under base_path "/docs") made relative to the
    page at page_url ("", "es/", "flex-dosing/", "es/index.html"); other hrefs unchanged."""
    if not href.startswith("/"):
        return href
    target = href[len(base_path) :] if base_path and href.startswith(base_path) else href
    target = target.lstrip("/")
    page_dir = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    relative = posixpath.relpath(target or ".", page_dir.rstrip("/") or ".")
    if target.endswith("/") or not target:
        relative = relative.rstrip("/") + "/"
    return "./" if relative == "./" else relative.removeprefix("./") or "./"


def relative_links(page_html: str, page_url: str, base_path: str) -> str:
    """The switcher's site-absolute links made relative to the page."""

    def fix(match: re.Match[str]) -> str:
        href = relative_href(html.unescape(match["href"]), page_url, base_path)
        return match[0].replace(f'href="{match["href"]}"', f'href="{html.escape(href)}"', 1)

    return _SWITCHER_LINK.sub(fix, page_html)


def drop_head_alternates(page_html: str) -> str:
    """page_html without the head's hreflang alternates (see the module's docstring)."""
    head, sep, body = page_html.partition("</head>")
    return _HEAD_ALTERNATE.sub("", head) + sep + body if sep else page_html


def switcher_links(page_html: str) -> dict[str, str]:
    """{language: href} of the page's language switcher."""
    return {m["lang"]: html.unescape(m["href"]) for m in _SWITCHER_LINK.finditer(page_html)}


def edition_links(page_html: str, lang: str) -> str:
    """page_html with a link to each other edition of the page at the top of its article."""
    others = {code: href for code, href in switcher_links(page_html).items() if code != lang}
    if _ARTICLE not in page_html or not others:
        return page_html
    links = " ".join(
        f'<a href="{html.escape(href)}" hreflang="{code}" lang="{code}" target="_self" '
        f'data-itb-edition="{code}">{html.escape(THIS_PAGE_IN.get(code, code))}</a>'
        for code, href in others.items()
    )
    block = f'<p class="itb-edition">{links}</p>'
    return page_html.replace(_ARTICLE, _ARTICLE + block, 1)


def finish_page(page_html: str, lang: str, page_url: str, base_path: str) -> str:
    """Everything this module does to a built page, in order."""
    page_html = relative_links(page_html, page_url, base_path)
    page_html = edition_links(page_html, lang)
    page_html = mark_switcher(page_html, lang)
    return drop_head_alternates(page_html)


def finish_404(page_html: str, lang: str, base_path: str, default_lang: str) -> str:
    """The 404 page: its switcher to each edition's home (a 404 answers any address, so its
    links are site-absolute, as MkDocs writes the rest of it), marked as on every page.

    The plugin fills the switcher per page and leaves on the 404 page whatever the last page
    built had; the head's alternates go for the same reason as on pages.
    """

    def home(match: re.Match[str]) -> str:
        code = match["lang"]
        href = f"{base_path}/" if code == default_lang else f"{base_path}/{code}/"
        return match[0].replace(f'href="{match["href"]}"', f'href="{html.escape(href)}"', 1)

    page_html = _SWITCHER_LINK.sub(home, page_html)
    return drop_head_alternates(mark_switcher(page_html, lang))


# ---- The 404 page of each edition ----
#
# Material writes 404.html at the site's root in every edition's build, so the last edition's
# would win. The first edition's is kept and put back; the others move to <lang>/404.html.

NOT_FOUND = "404.html"


def keep_404(site: Path) -> dict[str, bytes]:
    """The first edition's 404 page, to put back after the other editions' builds."""
    page = site / NOT_FOUND
    return {NOT_FOUND: page.read_bytes()} if page.is_file() else {}


def move_404(site: Path, lang: str, first: Mapping[str, bytes]) -> None:
    """The edition's 404 page to <lang>/404.html, and the first edition's back at the root."""
    page = site / NOT_FOUND
    if not page.is_file():
        return
    (site / lang).mkdir(parents=True, exist_ok=True)
    page.replace(site / lang / NOT_FOUND)
    if NOT_FOUND in first:
        page.write_bytes(first[NOT_FOUND])
