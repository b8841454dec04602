"""The built site's `_headers`: who may frame the embed, and that only the site frames its pages.

hooks/sitebuild/embed.py writes the rules; scripts/serve.py sends them. Checked on the session's
build (file and HTTP), on a build for a sub-path with ITB_FRAME_ANCESTORS set, and on a build
with an invalid value, which must fail. The hook's own functions are tested directly first.
"""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from serve import matching_headers, normalise_path, parse_headers_file, serve_in_thread
from sitebuild import embed  # hooks/ (pytest's pythonpath)
from sitebuild.common import BuildError

ROOT = Path(__file__).resolve().parents[2]
ENV = "ITB_FRAME_ANCESTORS"
# The embed's policy as its <meta> copy carries it; the header adds frame-ancestors.
EMBED_META_CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; "
    "style-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'"
)
PAGE_CSP = ("Content-Security-Policy", "frame-ancestors 'self'")
PAGE_XFO = ("X-Frame-Options", "SAMEORIGIN")
PORTALS = "https://portal.example.org http://localhost:8080"
SUB_PATH = "/clinic/itb/"


def embed_header(ancestors: str) -> tuple[str, str]:
    return ("Content-Security-Policy", f"{EMBED_META_CSP}; frame-ancestors {ancestors}")


def _default_ancestors() -> str:
    """frame-ancestors of the session's build: `*` unless this run sets ITB_FRAME_ANCESTORS."""
    if os.environ.get(ENV, "").strip():
        pytest.skip(f"{ENV} is set for this run: the session's build is not the default one")
    return "*"


def _urls(page: str) -> list[str]:
    """The site paths a built HTML file is served at: a/index.html is /a/ and /a/index.html."""
    if page == "index.html":
        return ["/", "/index.html"]
    if page.endswith("/index.html"):
        return [f"/{page[: -len('index.html')]}", f"/{page}"]
    return [f"/{page}"]


def _rules(site: Path):
    return parse_headers_file((site / "_headers").read_text("utf-8"))


def _meta_csp(site: Path) -> str:
    html = (site / "embed" / "index.html").read_text("utf-8")
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert match, "embed/index.html has no CSP <meta>"
    return match[1]


def _get(base_url: str, path: str) -> tuple[int, http.client.HTTPMessage]:
    """GET path (below base_url's path, sent exactly as written): status and headers."""
    parts = urlsplit(base_url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=30)
    try:
        conn.request("GET", parts.path.rstrip("/") + path)
        response = conn.getresponse()
        response.read()
        return response.status, response.headers
    finally:
        conn.close()


def _csp(headers: http.client.HTTPMessage) -> list[str]:
    return headers.get_all("Content-Security-Policy") or []


# ---- The hook's functions ----


def test_hook_policy_is_the_documented_one() -> None:
    assert embed.CSP == EMBED_META_CSP
    assert embed.embed_header_csp("*") == embed_header("*")[1]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "*"),
        ("", "*"),
        ("   ", "*"),
        ("*", "*"),
        ("'self'", "'self'"),
        ("'none'", "'none'"),
        ("https://portal.example.org", "https://portal.example.org"),
        (
            "  https://portal.example.org \t https://*.example.net\n",
            "https://portal.example.org https://*.example.net",
        ),
        (
            "'self' http://localhost:8080 https://a.example.org:*",
            "'self' http://localhost:8080 https://a.example.org:*",
        ),
        ("https://portal.example.org/", "https://portal.example.org/"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
    ],
)
def test_frame_ancestors_accepts_source_lists(value: str | None, expected: str) -> None:
    assert embed.frame_ancestors(value) == expected


@pytest.mark.parametrize(
    ("value", "bad"),
    [
        ("self", "self"),
        ('"self"', '"self"'),
        ("none", "none"),
        ("portal.example.org", "portal.example.org"),
        ("https://portal.example.org/plan", "https://portal.example.org/plan"),
        ("https://portal.example.org;", "https://portal.example.org;"),
        ("https://a.example.org; script-src *", "https://a.example.org;"),
        ("https://a.example.org, https://b.example.org", "https://a.example.org,"),
        ("https://a.example.org'", "https://a.example.org'"),
        ("javascript://x", "javascript://x"),
        ("data:", "data:"),
        ("https://", "https://"),
        ("https://*", "https://*"),
        ("https://a.*.example.org", "https://a.*.example.org"),
        ("https://a.example.org:99999", "https://a.example.org:99999"),
        ("https://user@a.example.org", "https://user@a.example.org"),
    ],
)
def test_frame_ancestors_rejects_what_is_not_a_source(value: str, bad: str) -> None:
    with pytest.raises(BuildError) as caught:
        embed.frame_ancestors(value)
    message = str(caught.value)
    assert message.startswith(f"{ENV}: ")
    assert f'"{bad}"' in message
    assert f'for example {ENV}="https://portal.example.org' in message


def test_frame_ancestors_none_must_be_alone() -> None:
    with pytest.raises(BuildError, match=rf"^{ENV}: 'none' must be the only source"):
        embed.frame_ancestors("'none' https://portal.example.org")


def test_page_patterns_cover_pages_but_never_the_embed() -> None:
    pages = [
        "index.html",
        "404.html",
        "a/index.html",
        "a/b/index.html",  # covered by /a/*: no second rule
        "c.html",
        "a/d.html",  # covered by /a/*
        "embed/index.html",
        "embed/other.html",
    ]
    assert embed.page_patterns(pages) == [
        "/",
        "/index.html",
        "/404.html",
        "/a/*",
        "/c.html",
    ]


# ---- The session's build ----


@pytest.mark.site
def test_headers_file_has_the_embed_rule_with_frame_ancestors(built_site: Path) -> None:
    """By default any portal may frame the embed: frame-ancestors *."""
    ancestors = _default_ancestors()
    rules = dict(_rules(built_site))
    assert rules["/embed/*"] == [
        embed_header(ancestors),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
    ]
    text = (built_site / "_headers").read_text("utf-8")
    assert ENV in text, "the _headers comment should say how frame-ancestors is set"
    assert "/*" not in rules, "a /* rule would apply to /embed/ too"


@pytest.mark.site
def test_every_page_but_the_embed_may_be_framed_only_by_the_site(built_site: Path) -> None:
    """Each built HTML page, at each path it is served at, matches a frame-ancestors 'self' rule."""
    rules = _rules(built_site)
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    assert "index.html" in pages
    assert "404.html" in pages
    uncovered, embed_wrong = [], []
    for page in pages:
        for url in _urls(page):
            headers = matching_headers(rules, normalise_path(url))
            if page.startswith("embed/"):
                if PAGE_CSP in headers or PAGE_XFO in headers:
                    embed_wrong.append(url)
            elif PAGE_CSP not in headers or PAGE_XFO not in headers or headers.count(PAGE_CSP) > 1:
                uncovered.append(url)
    assert not uncovered, f"pages without exactly one frame-ancestors 'self' rule: {uncovered}"
    assert not embed_wrong, f"the embed gets the site pages' rule: {embed_wrong}"


@pytest.mark.site
def test_embed_meta_policy_has_no_frame_ancestors(built_site: Path) -> None:
    """The <meta> copy: the header's policy minus frame-ancestors (ignored in <meta>)."""
    meta = _meta_csp(built_site)
    assert meta == EMBED_META_CSP
    for directive in ("base-uri 'none'", "form-action 'none'", "object-src 'none'"):
        assert directive in meta
    assert "frame-ancestors" not in meta


@pytest.mark.site
@pytest.mark.parametrize("path", ["/", "/index.html", "/flex-dosing/", "/safety/", "/404.html"])
def test_served_pages_send_frame_ancestors_self(site_url: str, path: str) -> None:
    status, headers = _get(site_url, path)
    assert status == 200
    assert _csp(headers) == [PAGE_CSP[1]]
    assert headers["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.site
@pytest.mark.parametrize("path", ["/embed/", "/embed/index.html", "/%65mbed/", "//embed/"])
def test_served_embed_sends_its_policy_only(site_url: str, path: str) -> None:
    ancestors = _default_ancestors()
    status, headers = _get(site_url, path)
    assert status == 200
    assert _csp(headers) == [embed_header(ancestors)[1]]
    assert headers["X-Frame-Options"] is None


# ---- Builds with ITB_FRAME_ANCESTORS ----


@pytest.mark.site
def test_frame_ancestors_from_the_environment(
    tmp_path: Path, built_site: Path, mkdocs_build
) -> None:
    """A build for a sub-path with ITB_FRAME_ANCESTORS: exactly that list in the embed's header.

    The rules' paths stay relative to the site's root (serve.py --prefix strips the sub-path),
    and the site pages' rules and the <meta> copy do not change.
    """
    site = tmp_path / "site"
    proc = mkdocs_build(site, site_url=f"http://127.0.0.1:8000{SUB_PATH}", env={ENV: PORTALS})
    assert proc.returncode == 0, f"build failed:\n{proc.stdout}\n{proc.stderr}"
    rules = _rules(site)
    assert dict(rules)["/embed/*"][0] == embed_header(PORTALS)
    assert [p for p, _ in rules] == [p for p, _ in _rules(built_site)]
    assert _meta_csp(site) == EMBED_META_CSP

    server, url = serve_in_thread(site, prefix=SUB_PATH)
    try:
        _, headers = _get(url, "/%65mbed/")
        assert _csp(headers) == [embed_header(PORTALS)[1]]
        _, headers = _get(url, "/flex-dosing/")
        assert _csp(headers) == [PAGE_CSP[1]]
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.site
def test_invalid_frame_ancestors_fails_the_build(tmp_path: Path, mkdocs_build) -> None:
    """A typo cannot ship a policy that silently means something else: the build stops."""
    site = tmp_path / "site"
    proc = mkdocs_build(site, env={ENV: "https://portal.example.org, https://other.example.org"})
    assert proc.returncode != 0
    output = proc.stdout + proc.stderr
    assert f'{ENV}: "https://portal.example.org," is not a frame-ancestors source' in output
    assert f'for example {ENV}="https://portal.example.org' in output
    assert not (site / "index.html").exists()
