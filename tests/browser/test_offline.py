"""The offline bundle (`make bundle`): opened from disk (file://) and served under a sub-path.

The bundle is built once per session with scripts/bundle.py into a temporary folder and unzipped,
as a reader would. From file:// every request must stay on file: (the request log of the browser
context, workers' included, aborts and lists anything else).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

pytestmark = pytest.mark.browser

# Cold start measured at 2.2-2.9 s (RUNTIME.md §4, §5); a loaded CI machine gets ten times that.
READY_TIMEOUT_MS = 60_000
UPDATE_TIMEOUT_MS = 15_000
SEARCH_TIMEOUT_MS = 15_000
READY = "[data-itb-flex][data-state=ready]"
FAILED = "[data-itb-flex][data-state=error]"
SUB_PATH = "/clinic/itb/"
# Text the site must never point a bundle reader's browser to.
OUTSIDE_HOSTS = ("unpkg.com", "cdn.jsdelivr.net", "fonts.googleapis.com", "fonts.gstatic.com")


def pages_of(site: Path) -> list[Path]:
    """The bundle's pages a reader opens (not the vendored assets; not 404.html, which only a web
    server shows and whose links MkDocs writes from the site root)."""
    return sorted(
        p
        for p in site.rglob("*.html")
        if p.relative_to(site).parts[0] != "assets" and p.name != "404.html"
    )


def widget_page(site: Path) -> Path:
    for page in pages_of(site):
        if page.parent == site and "data-itb-flex" in page.read_text("utf-8"):
            return page
    pytest.fail("no page of the bundle has a widget (<!-- flexdose:widget ... -->)")


# ---- Fixtures ----


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the zip, its unzipped top folder), made by scripts/bundle.py as `make bundle` does."""
    from bundle import TOP_FOLDER, make_bundle

    folder = tmp_path_factory.mktemp("bundle")
    zip_path = make_bundle(folder / "itb-flex-offline.zip")
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(folder / "unzipped")
    return zip_path, folder / "unzipped" / TOP_FOLDER


@pytest.fixture(scope="session")
def site(bundle) -> Path:
    return bundle[1]


def search(page, query: str, ready: str = "Type to start searching") -> None:
    """Type query into Material's search once its index is ready (typing earlier is lost)."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search-result__meta", has_text=ready).wait_for(timeout=SEARCH_TIMEOUT_MS)
    page.locator(".md-search__input").press_sequentially(query)  # keyup drives the search
    page.locator(".md-search-result__item").first.wait_for(timeout=SEARCH_TIMEOUT_MS)


def open_file_page(open_context, path: Path):
    """A fresh context allowed file: only; the page at path; (page, log, page errors)."""
    ctx, log = open_context("file://")
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    return page, log, errors


# ---- The zip ----


def test_bundle_is_the_whole_site_and_nothing_only_a_server_needs(bundle):
    zip_path, site = bundle
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
    assert all(n.startswith("itb-flex/") for n in names)
    assert "itb-flex/index.html" in names
    assert "itb-flex/HOW-TO-OPEN.txt" in names
    assert "itb-flex/embed/index.html" in names
    assert [n for n in names if n.endswith((".br", ".gz", ".map"))] == []
    # The runtime is in the bundle once: as the file engine's payloads, never also as files.
    assert [n for n in names if n.startswith("itb-flex/assets/runtime/")] == []
    payloads = {n.rsplit("/", 1)[1] for n in names if "/assets/itb-flex-file/" in n}
    assert {"pyodide.asm.wasm.js", "python_stdlib.zip.js", "pyodide-lock.json.js"} <= payloads
    for page in pages_of(site):
        text = page.read_text("utf-8")
        assert not any(host in text for host in OUTSIDE_HOSTS), page
    size_mb = zip_path.stat().st_size / 1e6
    print(f"bundle: {size_mb:.1f} MB zipped, {len(names)} files")


def test_how_to_open_gives_the_exact_local_server_command(site: Path):
    text = (site / "HOW-TO-OPEN.txt").read_text("utf-8")
    assert "python3 -m http.server 8000 --bind 127.0.0.1" in text
    assert "http://127.0.0.1:8000/" in text


# ---- From file:// ----


def test_every_page_opens_from_file_with_its_links_images_and_styles(open_context, site: Path):
    """Each page loads with its images and styles; each link to the bundle names a file in it."""
    ctx, log = open_context("file://")
    page = ctx.new_page()
    for path in pages_of(site):
        page.goto(path.as_uri())
        broken_images = page.evaluate(
            "Array.from(document.images).filter((i) => !i.complete || i.naturalWidth === 0)"
            ".map((i) => i.src)"
        )
        assert broken_images == [], path
        sheets = page.evaluate(
            "Array.from(document.styleSheets).filter((s) => s.href).map((s) => s.href)"
        )
        assert sheets, f"{path}: no stylesheet loaded"
        links = page.evaluate(
            "Array.from(document.querySelectorAll('a[href]')).map((a) => a.href)"
            ".filter((h) => h.startsWith('file:'))"
        )
        for link in links:
            target = Path(unquote(urlsplit(link).path))
            assert target.is_file(), f"{path.name} links to {link}, which is not a file"
            assert site in target.parents, f"{path.name} links outside the bundle: {link}"
    assert log.outside == []


def test_navigation_by_link_works_from_file(open_context, site: Path):
    page, log, errors = open_file_page(open_context, site / "index.html")
    target = widget_page(site)
    page.locator(f"nav a[href$='{target.name}']").first.click()
    page.wait_for_url(target.as_uri())
    assert page.locator("h1").first.is_visible()
    assert log.outside == []
    assert errors == []


def test_search_works_from_file(open_context, site: Path):
    """Search (the inlined index and the vendored iframe-worker shim) finds pages from disk."""
    page, log, _ = open_file_page(open_context, site / "index.html")
    search(page, "baclofen")
    first_link = page.locator(".md-search-result__link").first.get_attribute("href")
    page.locator(".md-search-result__link").first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://")
    assert first_link.split("#")[0].rsplit("/", 1)[-1] in page.url
    assert log.outside == []
    assert not any("unpkg" in u for u in log.urls)


def test_widget_runs_from_file(open_context, site: Path):
    """The live preview starts from disk: Pyodide from the payload scripts, nothing else."""
    page, log, errors = open_file_page(open_context, widget_page(site))
    page.wait_for_selector(READY, timeout=READY_TIMEOUT_MS)
    root = "[data-itb-flex]"
    totals = page.locator(f"{root} .itb-flex__totals")
    before = totals.text_content()
    updates = int(page.evaluate(f"document.querySelector('{root}').dataset.updates || 0"))
    dose = page.locator(f"{root} .itb-flex__editor [data-where$='[0].mcg_per_day']").first
    dose.fill("321")
    page.wait_for_function(
        f"Number(document.querySelector('{root}').dataset.updates || 0) > {updates}",
        timeout=UPDATE_TIMEOUT_MS,
    )
    assert totals.text_content() != before  # flexdose in the worker answered the edit
    assert page.locator(f"{root} .itb-flex__chart svg").count() == 1
    assert log.outside == []
    assert all(re.match(r"(file|data|blob):", u) for u in log.urls)
    assert errors == []


@pytest.mark.allow_console_errors(
    # The payload this test deletes, and the widget's report of it.
    r"request failed \(net::ERR_FILE_NOT_FOUND\) for GET file:\S+/pyodide\.asm\.wasm\.js ",
    r"^console\.error: ITB Flex: the live preview did not start: RuntimeUnavailable: The live "
    r"preview could not start from this file \(pyodide\.asm\.wasm\.js is missing",
)
def test_widget_from_a_broken_bundle_says_exactly_how_to_open_it(
    open_context, site: Path, tmp_path: Path
):
    """When file mode cannot start, the static preview stays and the reader gets the command."""
    broken = tmp_path / "itb-flex"
    shutil.copytree(site, broken)
    (broken / "assets" / "itb-flex-file" / "pyodide.asm.wasm.js").unlink()
    page, log, _ = open_file_page(open_context, widget_page(broken))
    page.wait_for_selector(FAILED, timeout=READY_TIMEOUT_MS)
    status = page.locator("[data-itb-flex] [data-itb-status]").text_content()
    assert "python3 -m http.server 8000 --bind 127.0.0.1" in status
    assert "http://127.0.0.1:8000/" in status
    assert page.locator("[data-itb-flex] [data-itb-static] svg").count() > 0
    assert log.outside == []


def test_the_spanish_edition_opens_from_file_with_its_widget_and_search(open_context, site: Path):
    """es/index.html from disk: the menu opens the Spanish Flex dosing page, whose widget starts
    and speaks Spanish; the switcher goes to the English page; search finds Spanish pages."""
    from flexdose.widget_text import labels

    page, log, errors = open_file_page(open_context, site / "es" / "index.html")
    assert page.evaluate("document.documentElement.lang") == "es"
    target = site / "es" / widget_page(site).name
    page.locator(f"nav a[href$='{target.name}']").first.click()
    page.wait_for_url(target.as_uri())
    page.wait_for_selector(READY, timeout=READY_TIMEOUT_MS)
    text = page.locator("[data-itb-flex]").inner_text()
    assert labels("es")["programs_legend"] in text
    assert labels("es")["make_share_link"] in text
    assert labels("en")["make_share_link"] not in text
    english = page.locator(".md-select__link[hreflang='en']").first.get_attribute("href")
    assert (target.parent / english).resolve() == widget_page(site).resolve()
    search(page, "abstinencia", ready="Teclee para comenzar")
    hrefs = page.eval_on_selector_all(".md-search-result__link", "els => els.map(a => a.href)")
    assert any("/es/" in h for h in hrefs), hrefs
    assert log.outside == []
    assert all(re.match(r"(file|data|blob):", u) for u in log.urls)
    assert errors == []


# ---- On a static server, under a sub-path ----


def test_bundle_works_under_a_sub_path_on_a_server(open_context, site: Path):
    """A clinic intranet: the unzipped bundle served at /clinic/itb/ (pages, search, widget)."""
    from serve import serve_in_thread

    server, url = serve_in_thread(site, prefix=SUB_PATH)
    try:
        ctx, log = open_context(url)
        page = ctx.new_page()
        page.goto(url)
        assert page.locator("h1").first.is_visible()
        target = widget_page(site)
        page.locator(f"nav a[href$='{target.name}']").first.click()
        page.wait_for_url(url + target.name)
        page.wait_for_selector(READY, timeout=READY_TIMEOUT_MS)
        # Served, the bundle runs the same engine as from disk: its runtime is only payloads.
        assert page.get_attribute("[data-itb-flex]", "data-itb-engine") == "file"

        search(page, "baclofen")
        href = page.locator(".md-search-result__link").first.get_attribute("href")
        assert href is not None
        assert (url + href).startswith(url)

        response = page.goto(url + "embed/")
        assert response is not None
        assert response.ok
        page.wait_for_selector(READY, timeout=READY_TIMEOUT_MS)  # the embed, under its own CSP
        assert page.get_attribute("[data-itb-flex]", "data-itb-engine") == "file"
        assert log.outside == []
        assert all(urlsplit(u).path.startswith(SUB_PATH) for u in log.urls if u.startswith("http"))
        page.close()
    finally:
        server.shutdown()
