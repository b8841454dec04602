"""The site builds strictly, every page has its furniture, and bad markers fail the build.

The marker tests run the site build's functions (hooks/sitebuild/) directly on small files, as
the build would.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from site_text import built_pages
from sitebuild import pages, previews  # hooks/ (pytest's pythonpath)
from sitebuild.common import BuildError

ROOT = Path(__file__).resolve().parents[2]
NAV_PAGES = [
    "",
    "is-itb-for-me/",
    "programming/",
    "flex-dosing/",
    "pump-care/",
    "living-with-a-pump/",
    "safety/",
    "questions/",
    "glossary/",
    "clinicians/",
    "about/",
]
# The one page allowed to link out: the cited sources.
SOURCES_PAGE = "about/index.html"


# ---- The build ----


@pytest.mark.site
def test_strict_build_makes_every_page_in_the_nav(built_site: Path) -> None:
    """`mkdocs build --strict` succeeds (the fixture fails otherwise) and makes each nav page."""
    pages = built_pages(built_site)
    missing = [p for p in NAV_PAGES if p not in pages]
    assert not missing, f"pages missing from the build: {missing}"


@pytest.mark.site
@pytest.mark.parametrize("url", NAV_PAGES)
def test_page_has_safety_banner_and_last_updated_line(built_site: Path, url: str) -> None:
    """Every page carries the emergency banner and a 'Last updated' date."""
    html = (built_site / url / "index.html").read_text(encoding="utf-8")
    assert 'class="itb-announce ' in html, "safety banner missing"
    assert "911" in html, "the banner's emergency number is missing"
    assert re.search(r"Last updated: <span[^>]*>\w+ \d{1,2}, \d{4}</span>", html), (
        "no 'Last updated: <date>' line"
    )


@pytest.mark.site
@pytest.mark.parametrize("url", NAV_PAGES)
def test_spanish_page_has_its_banner_and_last_updated_line_in_spanish(
    built_site: Path, url: str
) -> None:
    """The Spanish edition's banner links to its own Safety page; its date is in Spanish."""
    html = (built_site / "es" / url / "index.html").read_text(encoding="utf-8")
    banner = re.search(r'<p class="itb-announce [^"]*"[^>]*>(.*?)</p>', html, re.S)
    assert banner and "911" in banner[1], "the Spanish banner is missing"
    link = re.search(r'<a href="([^"]*)">', banner[1])
    assert link, "the banner has no link"
    target = (built_site / "es" / url / link[1]).resolve()
    assert target == (built_site / "es" / "safety").resolve(), (
        f"the Spanish banner links to {target}, not the Spanish Safety page"
    )
    assert re.search(r"Última actualización: <span[^>]*>\d{1,2} de [a-z]+ de \d{4}</span>", html), (
        "no 'Última actualización: <fecha>' line"
    )


@pytest.mark.site
def test_search_index_and_print_styles_are_built(built_site: Path) -> None:
    """Search has an index, and site.css (with its print rules) is published."""
    assert (built_site / "search" / "search_index.json").is_file()
    css = (built_site / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    assert "@media print" in css


# ---- Nothing is fetched from another host ----


class _Refs(HTMLParser):
    """Every URL-bearing attribute: (tag, attribute, value, inside the page's <article>?)."""

    URL_ATTRS = frozenset({"src", "href", "srcset", "action", "data", "poster", "formaction"})

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str, bool]] = []
        self.in_article = False  # Material has one <article> per page, never nested

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.in_article = True
        for name, value in attrs:
            if name in self.URL_ATTRS and value:
                self.refs.append((tag, name, value, self.in_article))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article = False


def _outside(value: str) -> bool:
    parts = urlsplit(value.strip())
    return parts.scheme in ("http", "https") or value.strip().startswith("//")


@pytest.mark.site
def test_no_outside_requests_in_html(built_site: Path, site_address: str) -> None:
    """No page loads or links to another host; only the sources page links out, to its sources.

    The site's own address (site_url: canonical links, the sitemap) is not another host.
    """
    problems = []
    for path in sorted(built_site.rglob("*.html")):
        rel = path.relative_to(built_site).as_posix()
        parser = _Refs()
        parser.feed(path.read_text(encoding="utf-8"))
        for tag, attr, value, in_article in parser.refs:
            if not _outside(value) or value.startswith(site_address):
                continue
            if (
                rel in (SOURCES_PAGE, f"es/{SOURCES_PAGE}")
                and tag == "a"
                and attr == "href"
                and in_article
            ):
                continue
            problems.append(f"{rel}: <{tag} {attr}={value}>")
    assert not problems, "outside hosts referenced:\n" + "\n".join(problems)


@pytest.mark.site
def test_widget_pages_preload_files_that_exist_and_pyscripts_start_up_chunks(
    built_site: Path,
) -> None:
    """The early hints of a widget page name built files only, and include every plugin chunk
    PyScript's core imports at each start (its plugin table), so none waits a round trip."""
    page = built_site / "flex-dosing" / "index.html"
    hrefs = re.findall(r'<link rel="modulepreload" href="([^"]+)">', page.read_text("utf-8"))
    assert hrefs
    for href in hrefs:
        assert (page.parent / href).resolve().is_file(), href
    pyscript = next((built_site / "assets" / "runtime").glob("pyscript-*"))
    core = "".join(p.read_text("utf-8") for p in pyscript.glob("core-*.js"))
    table = set(re.findall(r':\(\)=>import\("\./([\w.-]+\.js)"\)', core))
    assert {"donkey", "error", "py-terminal"} <= {name.rsplit("-", 1)[0] for name in table}
    preloaded = {href.rsplit("/", 1)[1] for href in hrefs if pyscript.name in href}
    assert table <= preloaded


@pytest.mark.site
def test_stylesheets_fetch_nothing_from_other_hosts(built_site: Path) -> None:
    """No CSS file on the site pulls a font, image or import from another host."""
    bad = []
    for css in built_site.rglob("*.css"):
        for url in re.findall(
            r"""(?:url\(|@import\s+)["']?(https?:)?//[^)"'\s]+""", css.read_text("utf-8")
        ):
            bad.append(f"{css.relative_to(built_site)}: {url}")
    assert not bad, bad


# ---- Markers ----

BAD_SCHEDULE = {
    "format": "itb-flex/1",
    "programs": {"everyday": [{"start": "07:00", "mcg_per_day": 400}]},
}


@pytest.fixture
def docs_dir(tmp_path: Path) -> Path:
    """A docs folder with page-local examples: one invalid, one valid with two programs."""
    examples = tmp_path / "examples"
    examples.mkdir()
    (examples / "bad-start.json").write_text(json.dumps(BAD_SCHEDULE), encoding="utf-8")
    (examples / "not-json.json").write_text("{'programs': }", encoding="utf-8")
    good = {
        "programs": {
            "everyday": [{"start": "00:00", "mcg_per_day": 500}],
            "therapy": [{"start": "00:00", "mcg_per_day": 450}],
        },
        "week": dict.fromkeys(("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "everyday"),
    }
    (examples / "two-programs.json").write_text(json.dumps(good), encoding="utf-8")
    return tmp_path


def test_invalid_example_fails_the_build_with_its_finding(docs_dir: Path) -> None:
    """An example with an error finding raises, naming the example, the code and the place."""
    with pytest.raises(BuildError, match=r"bad-start.*first-step-not-midnight"):
        previews.render_example("bad-start", id_prefix="t", docs_dir=docs_dir)


def test_marker_for_an_invalid_example_fails_with_page_and_line(docs_dir: Path) -> None:
    """Through the marker, the error also says which page and line hold it."""
    page = "# Title\n\ntext\n\n<!-- flexdose:example bad-start -->\n"
    with pytest.raises(BuildError, match=r"^flex\.md, line 5: example 'bad-start'"):
        pages.expand_markers(page, "flex.md", docs_dir)


def test_unreadable_example_fails_the_build(docs_dir: Path) -> None:
    """A file that is not JSON raises with flexdose's one-line reason."""
    with pytest.raises(BuildError, match=r"not-json.*cannot be read"):
        previews.render_example("not-json", id_prefix="t", docs_dir=docs_dir)


def test_unknown_example_lists_the_known_ones(docs_dir: Path) -> None:
    """A misspelt name fails and lists what exists (package and page-local examples)."""
    with pytest.raises(BuildError, match=r"no example 'day-nite'.*day-night"):
        pages.expand_markers("<!-- flexdose:example day-nite -->", "p.md", docs_dir)


def test_unknown_marker_and_unknown_option_fail(docs_dir: Path) -> None:
    """A typo in the marker kind or an option the marker does not take fails the build."""
    with pytest.raises(BuildError, match=r"unknown marker 'flexdose:exampel'"):
        pages.expand_markers("<!-- flexdose:exampel day-night -->", "p.md", docs_dir)
    with pytest.raises(BuildError, match=r"has no option colour"):
        pages.expand_markers("<!-- flexdose:example day-night colour=red -->", "p.md", docs_dir)


def test_unknown_program_fails(docs_dir: Path) -> None:
    """program= must name one of the example's programs."""
    with pytest.raises(BuildError, match=r"no program 'gym'.*everyday, therapy"):
        previews.render_example("two-programs", "gym", id_prefix="t", docs_dir=docs_dir)


def test_valid_markers_render_as_placeholders_and_stashed_html(docs_dir: Path) -> None:
    """A good example and a widget each become a placeholder plus stashed HTML."""
    page = (
        "<!-- flexdose:example two-programs program=therapy -->\n\n"
        "<!-- flexdose:widget example=day-night -->\n"
    )
    expanded = pages.expand_markers(page, "p.md", docs_dir)
    assert "flexdose:" not in expanded.markdown
    assert expanded.widgets == 1
    (preview, widget) = expanded.slots.items()
    assert preview[0] in expanded.markdown
    assert widget[0] in expanded.markdown
    assert "<svg" in preview[1]
    assert 'class="itb-preview"' in preview[1]
    assert widget[1].startswith('<div class="itb-flex" data-itb-flex data-state="loading"')


def test_marker_inside_a_code_block_stays_text(docs_dir: Path) -> None:
    """A page may show the marker syntax in a fenced code block; the hook leaves it alone."""
    page = "```markdown\n<!-- flexdose:example no-such-example -->\n```\n"
    expanded = pages.expand_markers(page, "p.md", docs_dir)
    assert expanded.markdown == page
    assert expanded.slots == {}


def test_example_json_block_is_the_checked_file_as_written(docs_dir: Path) -> None:
    """The JSON shown for the format is the example file itself, and an invalid one fails."""
    block = previews.example_json_markdown("two-programs", docs_dir=docs_dir)
    text = (docs_dir / "examples" / "two-programs.json").read_text(encoding="utf-8").strip()
    assert f"```json\n{text}\n```" in block
    with pytest.raises(BuildError, match="first-step-not-midnight"):
        previews.example_json_markdown("bad-start", docs_dir=docs_dir)
