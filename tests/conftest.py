"""Shared fixtures: the built site, a loopback server for it, Debian's Chromium via Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402 - scripts/ is not a package
from serve import serve_in_thread  # noqa: E402

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def build_site(dest: Path, *, offline: bool = False, site_url: str = "") -> Path:
    """Run `mkdocs build --strict` into dest; fail the test run with mkdocs' own output.

    site_url is the address the site will be served at ("" for none), as a deployment sets it.
    """
    env = {
        **os.environ,
        "OFFLINE": "true" if offline else "false",
        "SITE_URL": site_url,
        "NO_MKDOCS_2_WARNING": "1",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(dest)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}", pytrace=False)
    return dest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def site_port() -> int:
    """The loopback port the built site will be served on (it is built for that address)."""
    return _free_port()


@pytest.fixture(scope="session")
def site_address(site_port: int) -> str:
    """The site_url the test build is made for: the site's own address, not an outside host."""
    return f"http://127.0.0.1:{site_port}/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_address: str) -> Path:
    """The site, built once per test session with `mkdocs build --strict`.

    It is built for the address `site_url` serves it at, as a deployment would be, so that
    Material's sitemap (and with it instant navigation) matches that origin.
    """
    dest = tmp_path_factory.mktemp("site") / "site"
    return build_site(dest, site_url=site_address)


@pytest.fixture(scope="session")
def site_url(built_site: Path, site_port: int) -> Iterator[str]:
    """Base URL (ending in '/') of the built site served on 127.0.0.1."""
    server, url = serve_in_thread(built_site, port=site_port)
    yield url
    server.shutdown()


# ---- Browser ----


@dataclass
class RequestLog:
    """Every request a browser context made (workers' included) and those aimed off the origins."""

    allowed_origins: set[str]
    urls: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def allows(self, url: str) -> bool:
        """Whether url stays on the allowed origins (data:, blob: and about: never leave)."""
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return True
        if parts.scheme == "file":
            return "file://" in self.allowed_origins
        return f"{parts.scheme}://{parts.netloc}" in self.allowed_origins

    def record(self, url: str) -> None:
        self.urls.append(url)
        if not self.allows(url):
            self.outside.append(url)


def origin_of(url: str) -> str:
    """'http://127.0.0.1:8000' for any URL on that origin; 'file://' for file URLs."""
    parts = urlsplit(url)
    return "file://" if parts.scheme == "file" else f"{parts.scheme}://{parts.netloc}"


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (never `playwright install`)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make setup` (apt-get install chromium)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def open_context(browser):
    """Factory: a fresh browser context whose every request is logged and kept on the origins.

    Requests to any other origin are aborted and listed in `log.outside`, so a test can assert
    that nothing left the site (the privacy promise), however the request was made.
    """
    contexts = []

    def _open(*urls: str, **context_kwargs):
        log = RequestLog({origin_of(u) for u in urls})
        ctx = browser.new_context(**context_kwargs)
        # The request event sees every request, dedicated workers' included; routing aborts the
        # ones that would leave, so a leak is both blocked and reported.
        ctx.on("request", lambda req: log.record(req.url))
        ctx.route(
            "**/*",
            lambda route: (
                route.continue_()
                if log.allows(route.request.url)
                else route.abort("blockedbyclient")
            ),
        )
        contexts.append(ctx)
        return ctx, log

    yield _open
    for ctx in contexts:
        ctx.close()
