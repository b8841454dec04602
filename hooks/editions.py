"""MkDocs hook: the English and Spanish editions (mkdocs-static-i18n) under instant navigation.

A thin adapter: what changes on each page, and why, is sitebuild/editions.py.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from sitebuild import editions
from sitebuild.mkdocs_files import edition, is_first_edition, reported
from sitebuild.mkdocs_files import editions as all_editions


def on_startup(*, command: str, dirty: bool) -> None:
    """Silence the plugin's one warning that this site answers (strict mode fails on it)."""
    logging.getLogger(editions.PLUGIN_LOGGER).addFilter(editions.answered_warning)


@reported
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    """The page's switcher and its link to its translation, made for instant navigation."""
    base_path = urlsplit(config.site_url or "").path.rstrip("/")
    return editions.finish_page(output, edition(config), page.url, base_path)


@reported
def on_post_template(output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page's switcher: each edition's home page."""
    if template_name != editions.NOT_FOUND:
        return output
    base_path = urlsplit(config.site_url or "").path.rstrip("/")
    return editions.finish_404(output, edition(config), base_path, all_editions(config)[0])


# The first edition's 404 page, kept while the other editions' builds write theirs over it.
_first_404: dict[str, bytes] = {}


@reported
def on_post_build(*, config: MkDocsConfig) -> None:
    """Each edition's 404 page in its own folder: es/404.html; the English stays at the root."""
    site = Path(config.site_dir)
    if is_first_edition(config):
        _first_404.update(editions.keep_404(site))
    else:
        editions.move_404(site, edition(config), _first_404)
