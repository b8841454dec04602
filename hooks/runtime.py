"""MkDocs hook: the vendored browser runtime and the widget's files (no CDN, ever).

A thin adapter: what is published, and how it is prepared and cached, is sitebuild/runtime.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from sitebuild import runtime
from sitebuild.mkdocs_files import is_first_edition, publish, reported


# After the i18n plugin's on_files (-100), which reads only files from docs/; in the first edition
# only: the Spanish pages use the same runtime at the site's root.
@event_priority(-110)
@reported
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Add the runtime, the wheel and the widget's files to the site as generated files."""
    if not is_first_edition(config):
        return files
    return publish(files, config, runtime.site_files())


def on_serve(server, /, *, config: MkDocsConfig, builder):
    """Rebuild on edits to the widget's browser layer or to the flexdose package."""
    for folder in runtime.WATCHED:
        server.watch(str(folder))
    return server
