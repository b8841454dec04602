"""Fixtures shared by the quality gates: the built site's pages, in a stable order."""

from __future__ import annotations

from pathlib import Path

import pytest

# Vendored third-party files (the Pyodide/PyScript runtime, Material's bundles) are not the
# project's pages; every other HTML file in the build is.
NOT_PAGES = ("assets/",)


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, relative to it: 'index.html', 'about/index.html'."""
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    return sorted(p for p in pages if not p.startswith(NOT_PAGES))


@pytest.fixture(scope="session")
def pages(built_site: Path) -> list[str]:
    """The built site's pages; fails when the build has none, so no gate can pass empty."""
    found = site_pages(built_site)
    # Both editions, or no gate passes: the Spanish pages and the Spanish embed are checked too.
    for page in ("index.html", "es/index.html", "es/safety/index.html", "embed/es/index.html"):
        if page not in found:
            pytest.fail(f"the built site has no {page} (pages found: {found})")
    return found
