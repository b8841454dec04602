"""Serve a built site on 127.0.0.1 the way a careful static host would.

Used by `make serve`, by the browser tests and by the benchmarks, so all three see the same
headers. What it adds to `http.server`:

- the right MIME types for the runtime (`.wasm`, `.mjs`, `.whl`);
- precompressed siblings sent with `Content-Encoding` when the browser accepts them, as nginx's
  `brotli_static`/`gzip_static` do: `file.br` (Brotli) first, else `file.gz` (the build writes
  both for the large runtime files); `Accept-Encoding` is read with its q-values (`br;q=0`
  refuses Brotli);
- `Cache-Control`: pages are revalidated, the versioned runtime is cached for a year;
- extra headers per path from the site's `_headers` file (Netlify's format: a path pattern on
  its own line, then indented `Name: value` lines; every rule that matches applies, and `*`
  matches any characters, `/` included), so the embed page's CSP and the site pages'
  `frame-ancestors 'self'` are sent as headers. Rules are matched on the path the file is served
  from (`normalise_path`: percent-decoded, `.`/`..` segments and repeated slashes collapsed,
  case kept), so `/%65mbed/` or `//embed/` cannot get the embed page without its rules;
- an optional sub-path (`--prefix /docs/`), to prove the site works below a web root. The
  prefix is stripped before `_headers` rules are matched: their paths are relative to the site's
  root, as a host serving the site below a sub-path would read them.

Like `http.server`, it serves nothing outside the folder (`..` stops at its root); a path with
an encoded NUL byte is a 404 (the stdlib would drop the connection). It binds to loopback only
and never forwards a request anywhere.
"""

from __future__ import annotations

import argparse
import fnmatch
import http.server
import os
import posixpath
import re
import threading
import urllib.parse
from functools import partial
from pathlib import Path
from typing import ClassVar

MIME_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".json": "application/json",
    ".py": "text/x-python",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
}

# Runtime files live under a versioned folder, so a new release changes their URL.
IMMUTABLE_PREFIX = "/assets/runtime/"
ONE_YEAR_S = 365 * 24 * 3600


def parse_headers_file(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Parse a `_headers` file into (path pattern, [(name, value), ...]) rules, in file order."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if not raw[0].isspace():
            rules.append((raw.strip(), []))
        elif rules and ":" in raw:
            name, value = raw.strip().split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def normalise_path(path: str) -> str:
    """The site path a request path is served from, as `_headers` rules are matched on it.

    What `SimpleHTTPRequestHandler.translate_path` does to find the file: query and fragment
    dropped, percent-decoded, repeated slashes and `.`/`..` segments collapsed (never above the
    root); a trailing slash is kept. Case is left alone: paths are case-sensitive.
    """
    path = path.split("?", 1)[0].split("#", 1)[0]
    try:
        decoded = urllib.parse.unquote(path, errors="surrogatepass")
    except UnicodeDecodeError:
        decoded = urllib.parse.unquote(path)
    collapsed = posixpath.normpath("/" + re.sub(r"/+", "/", decoded).lstrip("/"))
    if decoded.endswith("/") and collapsed != "/":
        collapsed += "/"
    return collapsed


def matching_headers(
    rules: list[tuple[str, list[tuple[str, str]]]], path: str
) -> list[tuple[str, str]]:
    """The headers of every rule whose pattern matches the (normalised) path, in file order."""
    return [
        header
        for pattern, headers in rules
        if fnmatch.fnmatchcase(path, pattern)
        for header in headers
    ]


# Precompressed siblings, in the order they are preferred (Brotli is about 20 % smaller).
SIBLING_ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepted_encodings(header: str) -> set[str]:
    """Content codings an Accept-Encoding header accepts (q > 0; `*` accepts br and gzip)."""
    accepted: set[str] = set()
    refused: set[str] = set()
    for item in header.split(","):
        name, _, params = item.strip().partition(";")
        name = name.strip().lower()
        if not name:
            continue
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0  # a malformed weight is no acceptance
        (accepted if q > 0 else refused).add(name)
    if "*" in accepted:
        accepted |= {e for e, _ in SIBLING_ENCODINGS} - refused
    return accepted - refused


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static handler with compressed siblings, cache policy, `_headers` rules and a sub-path."""

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **MIME_TYPES,
    }

    def __init__(self, *args, prefix: str = "/", quiet: bool = True, **kwargs):
        self.prefix = prefix
        self.quiet = quiet
        super().__init__(*args, **kwargs)

    def send_head(self):
        path, _, query = self.path.partition("?")
        path = path.split("#", 1)[0]
        if not path.startswith(self.prefix):
            self.send_error(404, "Not under this site's prefix")
            return None
        self.path = "/" + path[len(self.prefix) :] + ("?" + query if query else "")
        if "\x00" in normalise_path(self.path):  # open() would raise and drop the connection
            self.send_error(404, "No such file")
            return None
        local = self.translate_path(self.path)
        if os.path.isfile(local):
            accepted = accepted_encodings(self.headers.get("Accept-Encoding", ""))
            for encoding, suffix in SIBLING_ENCODINGS:
                if encoding in accepted and os.path.isfile(local + suffix):
                    return self._send_sibling(local, encoding, suffix)
        return super().send_head()

    def _send_sibling(self, local: str, encoding: str, suffix: str):
        f = open(local + suffix, "rb")  # noqa: SIM115 - the stdlib closes it after copyfile
        size = os.fstat(f.fileno()).st_size
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(local))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(size))
        self.send_header("Last-Modified", self.date_time_string(int(os.path.getmtime(local))))
        self.end_headers()
        return f

    def end_headers(self):
        path = normalise_path(self.path)  # the path translate_path serves the file from
        if path.startswith(IMMUTABLE_PREFIX):
            self.send_header("Cache-Control", f"public, max-age={ONE_YEAR_S}, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        rules = self.server.header_rules  # type: ignore[attr-defined]
        for name, value in matching_headers(rules, path):
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):
        if not self.quiet:
            super().log_message(format, *args)


def make_server(
    directory: str | os.PathLike[str],
    host: str = "127.0.0.1",
    port: int = 0,
    prefix: str = "/",
    quiet: bool = True,
) -> http.server.ThreadingHTTPServer:
    """A server for `directory` on host:port (0 picks a free port); call serve_forever()."""
    if not prefix.startswith("/") or not prefix.endswith("/"):
        raise ValueError(f"prefix must start and end with '/', got {prefix!r}")
    root = Path(directory).resolve()
    if not root.is_dir():
        raise SystemExit(f"serve: {root} is not a folder; build the site first (make build)")
    handler = partial(SiteHandler, directory=str(root), prefix=prefix, quiet=quiet)
    server = http.server.ThreadingHTTPServer((host, port), handler)
    headers_file = root / "_headers"
    server.header_rules = (  # type: ignore[attr-defined]
        parse_headers_file(headers_file.read_text("utf-8")) if headers_file.is_file() else []
    )
    server.daemon_threads = True
    return server


def serve_in_thread(directory, host="127.0.0.1", port=0, prefix="/"):
    """Start a server in a daemon thread; return (server, base_url). Stop: server.shutdown()."""
    server = make_server(directory, host, port, prefix)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    h, p = server.server_address[:2]
    return server, f"http://{h}:{p}{prefix}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default="site")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--prefix", default="/", help="serve the site below this sub-path")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    server = make_server(args.directory, args.host, args.port, args.prefix, quiet=not args.verbose)
    host, port = server.server_address[:2]
    print(f"Serving {args.directory}/ on http://{host}:{port}{args.prefix} (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nStopped.")


if __name__ == "__main__":
    main()
