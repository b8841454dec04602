"""How this project starts Debian's Chromium under Playwright: one place for tests and benchmarks.

Never `playwright install`: the browser is Debian's package (`make setup` installs it).
"""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("ITB_CHROMIUM", "/usr/bin/chromium")

# Flags for a sandboxed root container with no network beyond loopback (env README: without the
# background-networking flags Chromium keeps trying to reach Google's hosts).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
