"""MkDocs hook: every ``<!-- flexdose:KIND ... -->`` marker of a page, and the safety banner.

A thin adapter: sitebuild/pages.py expands the markers (one parser for every kind; an unknown
kind or option fails the build), sitebuild/previews.py, safety_blocks.py and widget.py say what
they become. See the README's "Hooks and a move to Zensical".
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from sitebuild import chrome, pages
from sitebuild.mkdocs_files import edition, editions, reported

# Each page's expanded markers, between its markdown event and its HTML event.
_pending: dict[str, pages.Expanded] = {}


def _page_language(page: Page, config: MkDocsConfig) -> str:
    """The page's language: the edition being built (every page of /es/ is Spanish)."""
    return edition(config)


# After the i18n plugin's on_config (-100), which sets the edition's language on the config.
@event_priority(-110)
@reported
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The banner's sentences for overrides/main.html, from flexdose.safety (the one source),
    and the site's own words, in the edition's language."""
    from flexdose import safety

    lang = edition(config)
    voice = safety.in_language(lang)
    config.extra["itb_banner"] = {
        "sentence": voice.BANNER,
        "more": voice.BANNER_MORE,
        "link": voice.BANNER_LINK,
        "href": pages.safety_href(lang, editions(config)[0], config.use_directory_urls),
    }
    config.extra["itb_words"] = dict(chrome.words(lang))
    return config


@reported
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace every flexdose marker on the page with its content (or a placeholder for HTML),
    in the page's language, and add the tooltips (abbreviations) of that language."""
    lang = _page_language(page, config)
    docs_dir = Path(config["docs_dir"])
    expanded = pages.expand_markers(markdown, page.file.src_uri, docs_dir, lang)
    _pending[page.file.src_uri] = expanded
    return expanded.markdown + pages.abbreviations(lang, docs_dir)


@reported
def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the previews and widgets where their placeholders ended up in the page's HTML."""
    expanded = _pending.pop(page.file.src_uri, None)
    if expanded is None:
        return html_text
    return pages.fill_slots(html_text, expanded, page.file.src_uri, page.url)
