"""MkDocs hook: the English and Spanish editions (mkdocs-static-i18n) under instant navigation.

A thin adapter: what changes on each page, and why, is sitebuild/editions.py.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from sitebuild import editions
from sitebuild.mkdocs_files import edition, reported


def on_startup(*, command: str, dirty: bool) -> None:
    """Silence the plugin's one warning that this site answers (strict mode fails on it)."""
    logging.getLogger(editions.PLUGIN_LOGGER).addFilter(editions.answered_warning)


@reported
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    """The page's own switcher links, marked so a switch of edition loads the page afresh."""
    return editions.mark_switcher(output, edition(config))
