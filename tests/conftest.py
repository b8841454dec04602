"""Shared fixtures: the built site, a loopback server for it, Debian's Chromium via Playwright."""

from __future__ import annotations

import contextlib
import os
import re
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


def run_mkdocs_build(
    dest: Path, *, offline: bool = False, site_url: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` into dest and return the finished process, pass or fail.

    site_url is the address the site will be served at ("" for none), as a deployment sets it;
    env adds build settings (ITB_FRAME_ANCESTORS, ...).
    """
    full_env = {
        **os.environ,
        "OFFLINE": "true" if offline else "false",
        "SITE_URL": site_url,
        "NO_MKDOCS_2_WARNING": "1",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(dest)],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        check=False,
    )


def build_site(dest: Path, *, offline: bool = False, site_url: str = "") -> Path:
    """Run `mkdocs build --strict` into dest; fail the test run with mkdocs' own output."""
    proc = run_mkdocs_build(dest, offline=offline, site_url=site_url)
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}", pytrace=False)
    return dest


@pytest.fixture
def mkdocs_build():
    """run_mkdocs_build, for a test that builds with its own settings and reads the outcome."""
    return run_mkdocs_build


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
def widget_path(built_site: Path) -> str:
    """Site-relative URL of the first English docs page (Material's layout) with a widget (the
    Spanish edition's, under es/, has its own tests: tests/browser/test_edition_journeys.py)."""
    for page in sorted(built_site.rglob("index.html")):
        if page.relative_to(built_site).parts[0] == "es":
            continue
        text = page.read_text("utf-8")
        if "data-itb-flex" in text and "md-content" in text:
            rel = page.parent.relative_to(built_site).as_posix()
            return "" if rel == "." else rel + "/"
    pytest.fail("no page of the built site has a widget (<!-- flexdose:widget ... -->)")


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


class BrowserErrors:
    """Errors the site's own pages raise in one test, from every page of every context it opened.

    Recorded: uncaught exceptions (`pageerror`), console.error messages of the pages and their
    workers (and their console.warn messages that begin "ITB Flex:", the site's own), responses
    >= 400 from the site's origins and requests to them that failed (aborted navigations,
    net::ERR_ABORTED, are the browser's own business and not recorded). Requests to other
    origins are the request log's concern (`RequestLog.outside`).

    A test that provokes an error on purpose declares it: `@pytest.mark.allow_console_errors(
    r"pattern", ...)` or `browser_errors.allow(r"pattern")`. Each pattern (re.search) must match
    at least one recorded error, so a declaration cannot outlive the error it was written for.
    """

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.allowed: list[re.Pattern[str]] = []
        self.contexts: list = []

    def allow(self, *patterns: str) -> None:
        self.allowed.extend(re.compile(p) for p in patterns)

    def watch(self, ctx, log: RequestLog) -> None:
        """Record the errors of every page (present and future) of ctx, workers' included."""
        self.contexts.append(ctx)
        ctx.on("weberror", lambda e: self._add(f"pageerror: {_uncaught(e.error)}", e.page))
        ctx.on("console", lambda m: self._console(m))
        ctx.on(
            "response",
            lambda r: (
                self._add(f"HTTP {r.status} for {r.request.method} {r.url}", _page_of(r.request))
                if r.status >= 400 and log.allows(r.url)
                else None
            ),
        )
        ctx.on("requestfailed", lambda r: self._failed(r, log))

    def _add(self, text: str, page=None) -> None:
        where = ""
        with contextlib.suppress(Exception):  # a closed page has no URL to give
            where = f" [on {page.url}]" if page is not None else ""
        self.errors.append(text + where)

    def _console(self, message) -> None:
        # The site's own warnings (a snapshot not used, say) are failures too unless declared.
        own_warning = message.type == "warning" and message.text.startswith("ITB Flex:")
        if message.type != "error" and not own_warning:
            return
        # "Failed to load resource" repeats a failed request, which the network events record
        # with its method, URL and status (and only when the request aimed at the site).
        if message.text.startswith("Failed to load resource"):
            return
        loc = message.location or {}
        source = f" ({loc.get('url')}:{loc.get('lineNumber')})" if loc.get("url") else ""
        kind = "console.warn" if own_warning else "console.error"
        origin = f"worker {kind}" if message.worker else kind
        self._add(f"{origin}: {message.text}{source}", message.page)

    def _failed(self, request, log: RequestLog) -> None:
        failure = request.failure or ""
        if not log.allows(request.url) or "ERR_ABORTED" in failure:
            return
        self._add(
            f"request failed ({failure}) for {request.method} {request.url}", _page_of(request)
        )

    def flush(self) -> None:
        """Let events already sent by the browser reach the handlers."""
        for ctx in self.contexts:
            for page in ctx.pages:
                with contextlib.suppress(Exception):  # closed or navigating: nothing to flush
                    page.evaluate("0")

    def problems(self) -> list[str]:
        """Unexpected errors, then declarations no error matched."""
        unexpected = [e for e in self.errors if not any(p.search(e) for p in self.allowed)]
        unused = [
            f"declared as expected but never happened: {p.pattern!r}"
            for p in self.allowed
            if not any(p.search(e) for e in self.errors)
        ]
        return unexpected + unused


def _uncaught(error) -> str:
    """An uncaught error's message and where it was thrown (the first frames of its stack)."""
    stack = [line.strip() for line in (error.stack or "").splitlines()[1:4]]
    return str(error) + (f" ({' / '.join(stack)})" if stack else "")


def _page_of(request):
    """The page a request belongs to (None for a worker's, which has no frame)."""
    with contextlib.suppress(Exception):
        return request.frame.page
    return None


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "allow_console_errors(*patterns): the browser errors (regexes, re.search) this test "
        "causes on purpose; each must occur (tests/conftest.py BrowserErrors)",
    )


@pytest.fixture
def browser_errors(request: pytest.FixtureRequest) -> BrowserErrors:
    """This test's browser errors; checked when the test body ends (see pytest_runtest_call)."""
    errors = BrowserErrors()
    for marker in request.node.iter_markers("allow_console_errors"):
        errors.allow(*marker.args)
    request.node.stash[BROWSER_ERRORS] = errors
    return errors


BROWSER_ERRORS = pytest.StashKey[BrowserErrors]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """Fail a browser test whose pages raised errors it did not declare, listing them."""
    errors = item.stash.get(BROWSER_ERRORS, None)
    try:
        result = yield
    except BaseException:
        if errors is not None and errors.errors:
            errors.flush()
            item.add_report_section("call", "browser errors", "\n".join(errors.errors))
        raise
    if errors is not None:
        errors.flush()
        problems = errors.problems()
        if problems:
            listing = "\n".join(f"  - {p}" for p in problems)
            pytest.fail(f"the site's pages reported errors:\n{listing}", pytrace=False)
    return result


@pytest.fixture
def open_context(browser, browser_errors: BrowserErrors):
    """Factory: a fresh browser context whose every request is logged and kept on the origins.

    Requests to any other origin are aborted and listed in `log.outside`, so a test can assert
    that nothing left the site (the privacy promise), however the request was made. Every page
    of the context is watched for errors (BrowserErrors): an undeclared one fails the test.
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
        browser_errors.watch(ctx, log)
        contexts.append(ctx)
        return ctx, log

    yield _open
    for ctx in contexts:
        ctx.close()
