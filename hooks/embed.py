"""MkDocs hook: the portal embed (``embed/``) and the site's ``_headers`` file.

A thin adapter: the embed page, its policy and the headers' rules are sitebuild/embed.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from sitebuild import embed
from sitebuild.mkdocs_files import editions, is_first_edition, publish, reported, site_pages


@reported
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fail at once, before site/ is cleaned, when ITB_FRAME_ANCESTORS is not a valid list."""
    embed.check_environment()
    return config


# After the i18n plugin's on_files (-100); once, in the first edition: one embed serves both
# languages (data-lang), and _headers covers the other editions' folders (/es/*) too.
@event_priority(-110)
@reported
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Add the embed page, its scripts and styles, and the _headers rules to the site."""
    if not is_first_edition(config):
        return files
    own = files.get_file_from_path(embed.HEADERS_FILE)  # a docs/_headers of the site's own
    other_editions = [f"{lang}/index.html" for lang in editions(config)[1:]]
    published = embed.site_files(
        site_pages(files, config) + other_editions,
        [str(p) for p in config.extra_css],
        [str(s) for s in config.extra_javascript if getattr(s, "type", "") == "module"],
        own.content_string if own is not None else None,
        editions(config),
    )
    return publish(files, config, published)


def on_serve(server, /, *, config: MkDocsConfig, builder):
    """Rebuild when the embed's sources change."""
    server.watch(str(embed.EMBED_SRC))
    return server
