"""textstat 0.7.3 for the reading-grade tests (site pages, the widget's messages).

textstat is not in Pyodide, so only tests outside tests/unit import this.
"""

from __future__ import annotations

import importlib.resources
import sys
import types


def load_textstat():
    """textstat 0.7.3 (offline: pyphen syllables), importable without setuptools' pkg_resources.

    textstat 0.7.3 imports pkg_resources, which setuptools 81+ no longer ships; it only uses
    resource_stream (for its easy-words list), so a two-line stand-in on importlib.resources is
    enough and changes no score.
    """
    if "pkg_resources" not in sys.modules:
        try:
            import pkg_resources  # noqa: F401 - a real one wins when present
        except ImportError:
            shim = types.ModuleType("pkg_resources")
            shim.resource_stream = lambda pkg, path: (
                importlib.resources.files(pkg).joinpath(path).open("rb")
            )
            sys.modules["pkg_resources"] = shim
    import textstat

    return textstat
