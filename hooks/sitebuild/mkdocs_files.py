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


def site_pages(files: Files, config: MkDocsConfig) -> list[str]:
    """Site paths of every HTML file the build writes: pages, HTML files, theme pages (404)."""
    pages = {
        f.dest_uri for f in files if f.dest_uri.endswith(".html") and f.inclusion.is_included()
    }
    pages.update(t for t in config.theme.static_templates if t.endswith(".html"))
    return sorted(pages)
