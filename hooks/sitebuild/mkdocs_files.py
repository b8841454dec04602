"""The one module of the build that knows MkDocs' objects (a move to another tool replaces it).

The build steps return what to publish as (site path, content or file); ``publish`` adds them
to MkDocs' collection of files. ``reported`` makes a hook's BuildError MkDocs' PluginError, so
the build stops with the message alone (no traceback).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import ParamSpec, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from sitebuild.common import BuildError, Published

P = ParamSpec("P")
R = TypeVar("R")


def reported(hook: Callable[P, R]) -> Callable[P, R]:
    """hook, with a BuildError it raises turned into MkDocs' PluginError (the same message)."""

    @functools.wraps(hook)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return hook(*args, **kwargs)
        except BuildError as error:
            raise PluginError(str(error)) from error

    return run


def publish(files: Files, config: MkDocsConfig, items: Iterable[Published]) -> Files:
    """Add each (site path, content) to files as a generated file; return files."""
    for src_uri, content in items:
        if isinstance(content, Path):
            file = File.generated(config, src_uri, abs_src_path=str(content))
        else:
            file = File.generated(config, src_uri, content=content)
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(file)
    return files


# ---- Editions (the i18n plugin builds one edition per language, each a whole MkDocs build) ----
#
# mkdocs-static-i18n builds the default language, then, from inside that build's post_build
# event, runs MkDocs' build again on the same config for each other language (into /es/). So a
# hook runs once per edition. What is the whole site's (the runtime, the embed, _headers) is
# published in the first edition only; what needs every edition on disk runs at the very end
# (`every_edition_built`); a page's own work follows the page's language.


def _i18n(config: MkDocsConfig):  # -> the I18n plugin, or None (typed loosely: not our API)
    return config.plugins.get("i18n")


def edition(config: MkDocsConfig) -> str:
    """The language of the edition being built ("en", "es"); the theme's without the plugin."""
    plugin = _i18n(config)
    if plugin is not None and plugin.current_language:
        return str(plugin.current_language)
    return str(config.theme.get("language") or "en")


def editions(config: MkDocsConfig) -> list[str]:
    """Every edition's language, the default first."""
    plugin = _i18n(config)
    if plugin is None:
        return [edition(config)]
    default = str(plugin.default_language)
    return [default] + [str(lang) for lang in plugin.build_languages if lang != default]


def is_first_edition(config: MkDocsConfig) -> bool:
    """Whether this build is the default language's (the one that publishes site-wide files)."""
    return edition(config) == editions(config)[0]


def every_edition_built(config: MkDocsConfig) -> bool:
    """In post_build: whether every edition is on disk (False inside the plugin's inner builds).

    Only true in the first edition's post_build after the plugin's own (priority -100) event has
    built the others, so a hook asking it must run later (``event_priority`` below -100).
    """
    plugin = _i18n(config)
    return plugin is None or not plugin.building


def site_pages(files: Files, config: MkDocsConfig) -> list[str]:
    """Site paths of every HTML file the build writes: pages, HTML files, theme pages (404)."""
    pages = {
        f.dest_uri for f in files if f.dest_uri.endswith(".html") and f.inclusion.is_included()
    }
    pages.update(t for t in config.theme.static_templates if t.endswith(".html"))
    return sorted(pages)
