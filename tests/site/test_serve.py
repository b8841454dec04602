"""scripts/serve.py: `_headers` rules match the path a file is served from, however it is spelt.

The unit tests run its path normalisation and rule matching directly; one end-to-end test serves
a tiny site folder and sends raw request paths with http.client (urllib would tidy some up).
"""

from __future__ import annotations

import contextlib
import gzip
import http.client
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

import brotli
import pytest
from serve import (
    accepted_encodings,
    matching_headers,
    normalise_path,
    parse_headers_file,
    serve_in_thread,
)

EMBED_CSP = "default-src 'self'; frame-ancestors *"
PAGE_CSP = "frame-ancestors 'self'"
HEADERS = f"""\
# A comment, then rules as hooks/embed.py writes them.
/embed/*
  Content-Security-Policy: {EMBED_CSP}
  X-Test-Rule: embed

/
  Content-Security-Policy: {PAGE_CSP}
/index.html
  Content-Security-Policy: {PAGE_CSP}

/flex-dosing/*
  Content-Security-Policy: {PAGE_CSP}
  X-Frame-Options: SAMEORIGIN
"""
RULES = parse_headers_file(HEADERS)


# ---- Path normalisation ----


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("/", "/"),
        ("/embed/", "/embed/"),
        ("/embed/index.html", "/embed/index.html"),
        ("/embed/?x=1#top", "/embed/"),
        ("/%65mbed/", "/embed/"),  # percent-encoded "e"
        ("/%65%6D%62%65%64/", "/embed/"),
        ("/embed%2Findex.html", "/embed/index.html"),  # encoded slash
        ("//embed/", "/embed/"),
        ("///embed//index.html", "/embed/index.html"),
        ("/embed//", "/embed/"),
        ("/x/../embed/", "/embed/"),
        ("/x/%2e%2e/embed/", "/embed/"),
        ("/embed/./index.html", "/embed/index.html"),
        ("/./embed/", "/embed/"),
        ("/embed/.", "/embed"),  # served as a redirect to /embed/./
        ("/../../embed/", "/embed/"),  # never above the root
        ("/%2e%2e/%2e%2e/etc/passwd", "/etc/passwd"),
        ("/..", "/"),
        ("//", "/"),
        ("/EMBED/", "/EMBED/"),  # case is kept: paths are case-sensitive
        ("/%C3%A9t%C3%A9/", "/été/"),
    ],
)
def test_normalise_path(raw: str, expected: str) -> None:
    assert normalise_path(raw) == expected


# ---- Rule matching ----


# Spellings of the embed page that a server resolves to embed/index.html.
EMBED_PAGE_SPELLINGS = [
    "/embed/",
    "/%65mbed/",
    "//embed/",
    "/x/../embed/",
    "/embed/./index.html",
    "/embed%2Findex.html",
]


@pytest.mark.parametrize(
    "path",
    [
        *EMBED_PAGE_SPELLINGS,
        "/embed/embed.js",
        "/embed/sub/deeper.css",  # * matches "/" too (Netlify's splat)
    ],
)
def test_embed_rule_matches_every_spelling_of_the_embed(path: str) -> None:
    headers = matching_headers(RULES, normalise_path(path))
    assert ("Content-Security-Policy", EMBED_CSP) in headers
    assert ("Content-Security-Policy", PAGE_CSP) not in headers


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", [("Content-Security-Policy", PAGE_CSP)]),
        ("/index.html", [("Content-Security-Policy", PAGE_CSP)]),
        ("/./index.html", [("Content-Security-Policy", PAGE_CSP)]),
        (
            "/flex-dosing/",
            [("Content-Security-Policy", PAGE_CSP), ("X-Frame-Options", "SAMEORIGIN")],
        ),
        (
            "/%66lex-dosing/index.html",
            [("Content-Security-Policy", PAGE_CSP), ("X-Frame-Options", "SAMEORIGIN")],
        ),
        ("/EMBED/", []),  # not the embed: a case-sensitive server has no such folder
        ("/embed", []),  # the folder without its slash (redirected to /embed/)
        ("/embedded/", []),
        ("/other/index.html", []),  # "/" is an exact pattern, not a prefix
    ],
)
def test_rules_match_exactly_the_paths_they_name(
    path: str, expected: list[tuple[str, str]]
) -> None:
    assert matching_headers(RULES, normalise_path(path)) == expected


def test_every_matching_rule_applies_in_file_order() -> None:
    rules = parse_headers_file("/*\n  A: 1\n/embed/*\n  B: 2\n  A: 3\n/other/*\n  C: 4\n")
    assert matching_headers(rules, "/embed/") == [("A", "1"), ("B", "2"), ("A", "3")]


def test_parse_headers_file_reads_netlify_rules() -> None:
    assert RULES[0] == (
        "/embed/*",
        [("Content-Security-Policy", EMBED_CSP), ("X-Test-Rule", "embed")],
    )
    assert [pattern for pattern, _ in RULES] == ["/embed/*", "/", "/index.html", "/flex-dosing/*"]


# ---- End to end: a tiny site served by serve_in_thread ----

SECRET = "not part of the site"
BIG_JS = b"export const answer = 42;\n" * 400


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site folder with an embed, two pages and the _headers above; a secret file beside it."""
    tmp_path = tmp_path_factory.mktemp("tiny")
    site = tmp_path / "site"
    for page in ("index.html", "embed/index.html", "flex-dosing/index.html"):
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text(f"<!doctype html><title>{page}</title>", encoding="utf-8")
    (site / "_headers").write_text(HEADERS, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    runtime = site / "assets" / "runtime" / "x-1"
    runtime.mkdir(parents=True)
    (runtime / "big.js").write_bytes(BIG_JS)
    (runtime / "big.js.br").write_bytes(brotli.compress(BIG_JS))
    (runtime / "big.js.gz").write_bytes(gzip.compress(BIG_JS))
    (runtime / "only-gzip.js").write_bytes(BIG_JS)
    (runtime / "only-gzip.js.gz").write_bytes(gzip.compress(BIG_JS))
    return site


@contextlib.contextmanager
def _serve(site: Path, prefix: str = "/") -> Iterator[tuple[str, int, str]]:
    server, url = serve_in_thread(site, prefix=prefix)
    parts = urlsplit(url)
    try:
        yield parts.hostname or "127.0.0.1", parts.port or 80, url
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def served(tiny_site: Path) -> Iterator[tuple[str, int, str]]:
    """(host, port, base URL) of tiny_site served at the root."""
    with _serve(tiny_site) as where:
        yield where


def raw_get(
    host: str, port: int, path: str, headers: dict[str, str] | None = None
) -> tuple[int, http.client.HTTPMessage, bytes]:
    """GET the path exactly as written (no client-side normalisation): status, headers, body."""
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


@pytest.mark.parametrize("path", EMBED_PAGE_SPELLINGS)
def test_served_embed_gets_its_rules_however_spelt(served, path: str) -> None:
    host, port, _ = served
    status, headers, body = raw_get(host, port, path)
    assert status == 200
    assert b"embed/index.html" in body, "not the embed page"
    assert headers.get_all("Content-Security-Policy") == [EMBED_CSP]
    assert headers["X-Test-Rule"] == "embed"


def test_served_pages_get_their_rules(served) -> None:
    host, port, url = served
    with urlopen(url + "flex-dosing/") as response:
        assert response.headers.get_all("Content-Security-Policy") == [PAGE_CSP]
        assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    with urlopen(url) as response:
        assert response.headers.get_all("Content-Security-Policy") == [PAGE_CSP]
        assert response.headers["X-Frame-Options"] is None
    status, headers, _ = raw_get(host, port, "/%66lex-dosing/")
    assert status == 200
    assert headers.get_all("Content-Security-Policy") == [PAGE_CSP]


def test_a_path_in_another_case_is_not_the_embed(served) -> None:
    host, port, _ = served
    status, headers, _ = raw_get(host, port, "/EMBED/")
    assert status == 404
    assert headers["Content-Security-Policy"] is None


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%2f..%2fsecret.txt",
        "/embed/../../secret.txt",
        "//../secret.txt",
        "/%00",  # a NUL byte: open() would raise (the stdlib would drop the connection)
        "/index.html%00.txt",
    ],
)
def test_nothing_outside_the_site_folder_is_served(served, path: str) -> None:
    host, port, _ = served
    status, _, body = raw_get(host, port, path)
    assert status == 404
    assert SECRET.encode() not in body


def test_rules_are_matched_below_the_prefix(tiny_site: Path) -> None:
    """Under --prefix, the _headers paths are relative to the site's root, as deployed."""
    with _serve(tiny_site, prefix="/clinic/itb/") as (host, port, _):
        status, headers, _ = raw_get(host, port, "/clinic/itb/%65mbed/")
        assert status == 200
        assert headers.get_all("Content-Security-Policy") == [EMBED_CSP]
        status, headers, _ = raw_get(host, port, "/clinic/itb/flex-dosing/")
        assert headers.get_all("Content-Security-Policy") == [PAGE_CSP]
        status, _, body = raw_get(host, port, "/clinic/itb/../../secret.txt")
        assert status == 404
        assert SECRET.encode() not in body


# ---- Precompressed siblings ----


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("gzip, deflate, br, zstd", {"gzip", "deflate", "br", "zstd"}),
        ("br;q=0, gzip", {"gzip"}),
        ("BR; Q=0.5", {"br"}),
        ("gzip;q=0.000", set()),
        ("*", {"*", "br", "gzip"}),
        ("*, br;q=0", {"*", "gzip"}),
        ("gzip;q=oops", set()),
        ("", set()),
    ],
)
def test_accept_encoding_is_read_with_its_weights(header: str, expected: set[str]) -> None:
    assert accepted_encodings(header) == expected


@pytest.mark.parametrize(
    ("path", "accept", "encoding"),
    [
        ("/assets/runtime/x-1/big.js", "gzip, deflate, br", "br"),
        ("/assets/runtime/x-1/big.js", "gzip, br;q=0", "gzip"),
        ("/assets/runtime/x-1/big.js", "identity", None),
        ("/assets/runtime/x-1/only-gzip.js", "br, gzip", "gzip"),
        ("/assets/runtime/x-1/only-gzip.js", "br", None),
    ],
)
def test_the_best_accepted_sibling_is_sent(served, path: str, accept: str, encoding) -> None:
    """Brotli when accepted and present, else gzip, else the file as it is; same bytes."""
    host, port, _ = served
    status, headers, body = raw_get(host, port, path, {"Accept-Encoding": accept})
    assert status == 200
    assert headers.get("Content-Encoding") == encoding
    decoded = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[encoding](body)
    assert decoded == BIG_JS
    assert headers["Content-Type"].startswith("text/javascript")
    assert int(headers["Content-Length"]) == len(body)
    if encoding:
        assert headers["Vary"] == "Accept-Encoding"
