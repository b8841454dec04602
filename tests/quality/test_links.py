"""Links gate: no broken internal link or anchor, no link to a host that is not a cited source.

Every HTML file of the strict build is parsed; every href/src/srcset/data/action is resolved
against the page that holds it (use_directory_urls: a page's folder is its URL), and a
`#fragment` must be an id (or a name) on the target page. Links that leave the site may only go
to hosts the sources page cites: the allow-list is read from that page's article, so the site
has one list of sources, not a second one in a test.
Run alone: `.venv/bin/python -m pytest tests/quality/test_links.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
# The page that lists where the site's facts come from (docs/about.md: "About, sources and
# disclaimer"); a sources.md would be found the same way.
SOURCES_PAGE_GLOBS = ("about*.md", "sources*.md")
# Attributes that point at another resource, by element.
LINK_ATTRS = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
    "use": ("href", "xlink:href"),
    "image": ("href", "xlink:href"),
}
# Schemes that name no other resource to check (an inline image, an address to write to).
NOT_CHECKED_SCHEMES = {"data", "blob", "mailto", "tel"}
BASE = "http://site.invalid/"

pytestmark = pytest.mark.site


@dataclass
class ParsedPage:
    """What one HTML file offers (ids) and points at (links, with the article's own apart)."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attribute, value)
    article_links: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self.article_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v for k, v in attrs if v is not None}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:  # the old way to name an anchor; browsers honour it
            self.page.ids.add(values["name"])
        if tag == "article":
            self.article_depth += 1
        for attr in LINK_ATTRS.get(tag, ()):
            if attr not in values:
                continue
            value = values[attr].strip()
            urls = [c.strip().split()[0] for c in value.split(",") if c.strip()]
            for url in urls if attr == "srcset" else [value]:
                self.page.links.append((tag, attr, url))
                if self.article_depth and tag == "a":
                    self.page.article_links.append(url)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.article_depth:
            self.article_depth -= 1


def parse(path: Path) -> ParsedPage:
    """Parse one HTML file."""
    parser = _Parser()
    parser.feed(path.read_text("utf-8"))
    parser.close()
    return parser.page


def external_host(url: str) -> str | None:
    """The host a link leaves the site for, or None for links within it."""
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") or (not parts.scheme and url.startswith("//")):
        return (parts.hostname or "").removeprefix("www.")
    return None


def resolve(site: Path, page: str, url: str) -> tuple[Path | None, str]:
    """The file a relative link points at (None: outside the site) and its fragment."""
    absolute = urljoin(BASE + page, url)
    parts = urlsplit(absolute)
    if not absolute.startswith(BASE):
        return None, ""
    path = unquote(parts.path[len(urlsplit(BASE).path) :])
    target = (site / path).resolve()
    if site.resolve() not in (target, *target.parents):
        return None, ""
    if path.endswith("/") or path == "" or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def sources_page(site: Path) -> str:
    """The built page of the site's sources list (docs/about*.md or docs/sources*.md)."""
    found = sorted(
        p
        for pattern in SOURCES_PAGE_GLOBS
        for p in DOCS.glob(pattern)
        if len(p.suffixes) == 1  # about.md, not its Spanish edition about.es.md
    )
    if not found:
        pytest.fail(f"no sources page in {DOCS} (looked for {', '.join(SOURCES_PAGE_GLOBS)})")
    page = f"{found[0].stem}/index.html" if found[0].stem != "index" else "index.html"
    if not (site / page).is_file():
        pytest.fail(f"the sources page {found[0].name} was not built to {page}")
    return page


def own_address_to_relative(url: str, page: str, site_address: str) -> str:
    """A link to the site's own address (site_url, as in canonical links) made relative."""
    if not url.startswith(site_address):
        return url
    return "../" * page.count("/") + (url[len(site_address) :] or "./")


@pytest.fixture(scope="module")
def parsed(built_site: Path, pages: list[str], site_address: str) -> dict[str, ParsedPage]:
    """Every page of the build, parsed once; links to the site's own address are checked as the
    internal links they are, not waved through as outside ones."""
    result = {}
    for page in pages:
        info = parse(built_site / page)
        info.links = [
            (tag, attr, own_address_to_relative(url, page, site_address))
            for tag, attr, url in info.links
        ]
        result[page] = info
    return result


def test_internal_links_and_anchors_resolve(built_site: Path, parsed: dict[str, ParsedPage]):
    """Every link within the site reaches a file, and every #fragment an id on that page."""
    id_cache: dict[Path, set[str]] = {}
    broken: list[str] = []
    checked = 0
    for page, info in parsed.items():
        for tag, attr, url in info.links:
            scheme = urlsplit(url).scheme
            if scheme in NOT_CHECKED_SCHEMES or external_host(url) is not None:
                continue
            if scheme:
                broken.append(f"{page}: <{tag} {attr}={url!r}>: scheme {scheme!r} is not allowed")
                continue
            checked += 1
            target, fragment = resolve(built_site, page, url)
            if target is None or not target.is_file():
                broken.append(f"{page}: <{tag} {attr}={url!r}>: no such file in the build")
                continue
            if not fragment:
                continue
            if target.suffix != ".html":
                broken.append(f"{page}: <{tag} {attr}={url!r}>: #fragment on a non-page")
                continue
            if target not in id_cache:
                id_cache[target] = parse(target).ids
            if fragment not in id_cache[target]:
                where = target.relative_to(built_site.resolve()).as_posix()
                broken.append(f"{page}: <{tag} {attr}={url!r}>: no id {fragment!r} on {where}")
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(broken)
    assert checked > len(parsed), f"only {checked} internal links found: is the parser blind?"


def test_outside_links_go_to_cited_sources_only(built_site: Path, parsed: dict[str, ParsedPage]):
    """A link that leaves the site goes to a host the sources page cites, and nowhere else."""
    source_page = sources_page(built_site)
    cited = {h for url in parsed[source_page].article_links if (h := external_host(url))}
    assert cited, f"{source_page} cites no outside source (no http(s) link in its article)"
    stray = [
        f"{page}: <{tag} {attr}={url!r}>: {host} is not a host cited on {source_page}"
        for page, info in parsed.items()
        for tag, attr, url in info.links
        if (host := external_host(url)) is not None and host not in cited
    ]
    assert not stray, f"{len(stray)} links to uncited hosts:\n" + "\n".join(stray)
