"""Spanish facts of docs/portals.es.md (para equipos de portales).

test_facts.FACTS has no row for the portal page; it is named only by the ABSENT rows for every
page.
"""

from __future__ import annotations

FACTS: dict[str, tuple[str, ...]] = {}
