"""The site's build logic as plain functions: what the MkDocs hooks in ``hooks/*.py`` call.

The hook files are thin adapters (MkDocs events in, MkDocs ``File`` objects out); everything
they do is here, importable normally, so another driver (a ``zensical build`` wrapper) can call
the same functions. MkDocs puts ``hooks/`` on ``sys.path`` while it loads a hook file; pytest
gets it from ``pythonpath`` in pyproject.toml, bench/benchlib.py inserts it itself. This package
is not part of the flexdose wheel (pyproject.toml builds the wheel from ``widget/`` only).

- ``common``: the repository's folders, the build's error, and the helpers several steps share
  (copy a file, the gzip rule, run a tool with a timeout);
- ``markers``: the one parser of ``<!-- flexdose:KIND ... -->`` markers (unknown kinds and
  options fail the build); ``pages``: the dispatcher that expands them on a page;
- ``examples``, ``previews``, ``safety_blocks``, ``widget``: what the markers become;
- ``runtime``: the vendored runtime and the widget's files (``stdlib``, ``snapshot``: the
  trimmed stdlib and Pyodide's memory snapshot it includes);
- ``offline``: the file:// bundle; ``embed``: the portal embed and ``_headers``;
- ``mkdocs_files``: the one module that knows MkDocs' ``Files`` (what a move would replace).
"""
