"""The English and Spanish editions: every page in both, each linked to its translation both ways,
each in its own language (lang, Material's interface, search, banner, tooltips, 404).

The site builds both editions in one strict build (mkdocs-static-i18n; tests/conftest.py's
built_site): English at the root, Spanish under es/.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest
from site_text import built_pages

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SPANISH = "es"

pytestmark = pytest.mark.site


def english_sources() -> list[str]:
    """Every English page of docs/ (page.md, not page.es.md), as docs-relative paths."""
    return sorted(
        p.relative_to(DOCS).as_posix()
        for p in DOCS.rglob("*.md")
        if "includes" not in p.parts and not p.name.endswith(f".{SPANISH}.md")
    )


def pairs(site: Path) -> list[tuple[str, str]]:
    """(English page URL, Spanish page URL) for every page, as built_pages names them."""
    pages = built_pages(site)
    english = sorted(u for u in pages if not u.startswith(f"{SPANISH}/"))
    return [(u, f"{SPANISH}/{u}") for u in english]


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _resolve(url: str, href: str) -> str:
    """The site URL ("es/safety/") a relative href on the page at url points to."""
    target = posixpath.normpath(posixpath.join(url or ".", href))
    return "" if target == "." else target.rstrip("/") + "/"


def _switcher(page_html: str) -> dict[str, str]:
    return dict(
        (m[2], m[1])
        for m in re.finditer(
            r'<a href="([^"]*)" hreflang="([a-z]+)"[^>]*class="md-select__link"', page_html
        )
    )


def test_every_english_page_has_its_spanish_page_and_back() -> None:
    """docs/page.md and docs/page.es.md come in pairs (the build would fall back to nothing)."""
    english = english_sources()
    assert english, "no English pages found"
    missing = [p for p in english if not (DOCS / p.replace(".md", f".{SPANISH}.md")).is_file()]
    orphans = [
        p.relative_to(DOCS).as_posix()
        for p in DOCS.rglob(f"*.{SPANISH}.md")
        if not p.with_name(p.name.replace(f".{SPANISH}.md", ".md")).is_file()
    ]
    assert not missing, f"English pages without a Spanish page: {missing}"
    assert not orphans, f"Spanish pages without an English page: {orphans}"


def test_both_editions_are_built_with_every_page(built_site: Path) -> None:
    """The strict build wrote each page in both editions, with the same navigation."""
    pages = built_pages(built_site)
    for english, spanish in pairs(built_site):
        assert spanish in pages, f"/{english} has no Spanish page /{spanish}"
        en_nav = re.findall(
            r'class="md-nav__link[^"]*"[^>]*href="([^"]*)"', _html(built_site, english)
        )
        es_nav = re.findall(
            r'class="md-nav__link[^"]*"[^>]*href="([^"]*)"', _html(built_site, spanish)
        )
        assert len(en_nav) == len(es_nav), f"/{spanish}'s menu differs from /{english}'s"


def test_each_page_has_its_language_and_materials_interface_in_it(built_site: Path) -> None:
    """<html lang>, Material's own words (search box) and the banner follow the edition."""
    from flexdose import safety

    for english, spanish in pairs(built_site):
        en, es = _html(built_site, english), _html(built_site, spanish)
        assert '<html lang="en"' in en, f"/{english} is not lang=en"
        assert '<html lang="es"' in es, f"/{spanish} is not lang=es"
        assert 'placeholder="Search"' in en
        assert 'placeholder="Búsqueda"' in es, f"/{spanish}: Material's interface is not Spanish"
        assert safety.in_language("es").BANNER in es, f"/{spanish}: the banner is not Spanish"
        assert safety.in_language("en").BANNER in en


def test_the_switcher_and_the_article_link_each_page_to_its_translation(
    built_site: Path,
) -> None:
    """Both ways: English -> its Spanish page, Spanish -> its English page, never the home page
    (unless it is the home page), and the link loads the page afresh (target=_self)."""
    for english, spanish in pairs(built_site):
        for url, other, lang in ((english, spanish, "es"), (spanish, english, "en")):
            page = _html(built_site, url)
            switcher = _switcher(page)
            assert set(switcher) == {"en", "es"}, f"/{url}: switcher has {sorted(switcher)}"
            assert _resolve(url, switcher[lang]) == other, (
                f"/{url}: the switcher's {lang} link goes to /{_resolve(url, switcher[lang])}, "
                f"not /{other}"
            )
            article = re.search(
                rf'<p class="itb-edition"><a href="([^"]*)" hreflang="{lang}" lang="{lang}" '
                r'target="_self"',
                page,
            )
            assert article, f"/{url} has no link to its {lang} page at the top of its article"
            assert _resolve(url, article[1]) == other
            assert re.search(r'class="md-select__link" target="_self"', page)


def test_no_head_alternates_that_make_material_fetch_missing_sitemaps(built_site: Path) -> None:
    """Material fetches sitemap.xml beside every <link rel=alternate hreflang>: none in heads;
    the sitemap carries the hreflang alternates instead."""
    for url, path in built_pages(built_site).items():
        head = path.read_text(encoding="utf-8").split("</head>")[0]
        assert "hreflang" not in head, f"/{url} has an hreflang link in its head"
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="es"' in sitemap and 'hreflang="en"' in sitemap
    assert "/es/flex-dosing/" in sitemap, "Spanish pages are not in the sitemap (no instant nav)"


def test_the_search_index_holds_both_editions_with_spanish_stemming(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert set(index["config"]["lang"]) >= {"en", "es"}
    locations = [d["location"] for d in index["docs"]]
    assert any(loc.startswith("es/") for loc in locations), "no Spanish page in the search index"
    assert any(not loc.startswith("es/") for loc in locations)


def test_each_edition_has_its_404_page(built_site: Path) -> None:
    en = (built_site / "404.html").read_text(encoding="utf-8")
    es = (built_site / SPANISH / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in en and "404 - Not found" in en
    assert '<html lang="es"' in es and "No se encontró" in es


def test_spanish_pages_get_the_spanish_tooltips(built_site: Path) -> None:
    """Each edition's abbreviations file gives its pages their tooltips (never the other's)."""
    english_terms = re.findall(
        r"^\*\[[^\]]+\]:\s*(.+)$", (DOCS / "includes" / "abbreviations.md").read_text("utf-8"), re.M
    )
    spanish = "".join(_html(built_site, es) for _, es in pairs(built_site))
    assert "<abbr" in spanish, "no tooltips on the Spanish pages"
    leaked = [t for t in english_terms if t.strip() and f'title="{t.strip()}"' in spanish]
    assert not leaked, f"English tooltips on Spanish pages: {leaked[:3]}"


def test_the_embed_has_a_spanish_page(built_site: Path) -> None:
    page = (built_site / "embed" / SPANISH / "index.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in page
    assert 'src="../../assets/itb-flex/itb-flex.js"' in page
    headers = (built_site / "_headers").read_text(encoding="utf-8")
    assert "\n/es/*\n" in headers, "_headers does not keep the Spanish pages unframeable"


def test_the_sites_own_words_have_every_key_in_every_edition() -> None:
    from sitebuild import chrome

    keys = {lang: set(words) for lang, words in chrome.WORDS.items()}
    assert keys["es"] == keys["en"], f"chrome.WORDS differ: {keys['es'] ^ keys['en']}"
