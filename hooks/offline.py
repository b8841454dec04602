"""MkDocs hook: the offline build (`OFFLINE=true`, Material's offline plugin) that works from disk.

Only when the offline plugin is enabled (``make bundle``); the web build is left untouched. A
thin adapter: what the bundle holds and how is sitebuild/offline.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from sitebuild import offline
from sitebuild.mkdocs_files import every_edition_built, reported


def offline_enabled(config: MkDocsConfig) -> bool:
    """Whether Material's offline plugin is on for this build."""
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(100)  # before the offline plugin's on_config, which would add the unpkg URL
@reported
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """In offline builds: vendored shim (after the Worker keeper) and the file-mode script."""
    if not offline_enabled(config):
        return config
    config.extra["polyfills"] = offline.extra_polyfills(config.extra.get("polyfills") or [])
    # Each edition's build runs this again on the same config: add the script once.
    if offline.FILE_MODE_URI not in [str(s) for s in config.extra_javascript]:
        config.extra_javascript.append(offline.FILE_MODE_URI)
    return config


@reported
def on_post_page(output: str, /, *, page, config: MkDocsConfig) -> str:
    """In offline builds: the classic widget entry instead of the module script (file://)."""
    if not offline_enabled(config):
        return output
    return offline.classic_entry(output)


# Last, once every edition is on disk (the payloads replace the runtime both editions use).
@event_priority(-200)
@reported
def on_post_build(*, config: MkDocsConfig) -> None:
    """In offline builds: write the shim, the file-mode scripts and their payloads."""
    if offline_enabled(config) and every_edition_built(config):
        offline.finish_site(Path(config.site_dir))
