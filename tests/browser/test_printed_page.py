"""The printout (render.print_html + widget/web/print.css) in Debian's Chromium: one sheet of
Letter and of A4, chart axis text of at least 8 pt, and nothing of the page around it printed.

A fixture page of its own (no widget JavaScript, no site build): the shipped CSS, a stand-in
for Material's page around the widget, and the printout of the fullest example (two programs,
a fill, a comparison) where the widget puts it, `<div class="itb-flex__print" data-itb-print>`
with the class `itb-flex-has-print` on <html>.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import flexdose
import pytest
from flexdose import render, samples
from serve import serve_in_thread

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "widget" / "web"
CSS = ("render.css", "widget.css", "print.css")
PX_PER_PT = 96 / 72
MIN_AXIS_PT = 8
MM = 96 / 25.4  # CSS px per mm
PAGE_MARGIN_MM = 12  # print.css: @page itb-flex-print { margin: 12mm }
# Paper in CSS px (width, height): the content box is the paper less the margins.
PAPER_PX = {"Letter": (8.5 * 96, 11 * 96), "A4": (210 * MM, 297 * MM)}
SCREENSHOTS = {"Letter": Path("/tmp/itb-print-letter.png"), "A4": Path("/tmp/itb-print-a4.png")}

# What surrounds a widget on a docs page: Material's chrome and the article's other content.
PAGE = """<!doctype html>
<html lang="en" class="itb-flex-has-print">
<head><meta charset="utf-8"><title>Print fixture</title>{links}</head>
<body>
<div class="md-banner" data-chrome>Announcement</div>
<header class="md-header" data-chrome>ITB Flex</header>
<nav class="md-tabs" data-chrome>Tabs</nav>
<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid">
<div class="md-sidebar md-sidebar--primary" data-chrome>Navigation</div>
<div class="md-content"><article class="md-content__inner md-typeset">
<h1 data-chrome>Flex dosing</h1>
<p data-chrome>{filler}</p>
<div class="itb-flex" data-itb-flex>
<div class="itb-flex__main"><p data-chrome>The widget's form</p></div>
<div class="itb-flex__print" data-itb-print>{printout}</div>
</div>
<p data-chrome>{filler}</p>
<div class="itb-flex" data-itb-flex>
<div class="itb-flex__print" data-itb-print data-second>{second}</div>
</div>
</article></div>
<div class="md-sidebar md-sidebar--secondary" data-chrome>On this page</div>
</div></main>
<footer class="md-footer" data-chrome>Footer</footer></div>
</body></html>
"""


def printout(**kwargs) -> str:
    """The printout of with-fill, compared with therapy-week as the current schedule."""
    current, proposed = samples.load_example("therapy-week"), samples.load_example("with-fill")
    return render.print_html(
        flexdose.check(proposed), comparison=flexdose.compare(current, proposed), **kwargs
    )


@pytest.fixture(scope="module")
def print_url(tmp_path_factory: pytest.TempPathFactory):
    """The fixture page and the shipped CSS, served on a loopback port of their own."""
    folder = tmp_path_factory.mktemp("print-fixture")
    for name in CSS:
        shutil.copy(WEB / name, folder / name)
    links = "".join(f'<link rel="stylesheet" href="{name}">' for name in CSS)
    page = PAGE.format(
        links=links,
        filler="The article's own text, which must not print. " * 120,
        printout=printout(),
        second=printout(id_prefix="fdq").replace("After the November refill", "Second widget"),
    )
    (folder / "index.html").write_text(page, "utf-8")
    server, url = serve_in_thread(folder)
    yield url
    server.shutdown()


def _content_px(paper: str) -> tuple[float, float]:
    width, height = PAPER_PX[paper]
    return width - 2 * PAGE_MARGIN_MM * MM, height - 2 * PAGE_MARGIN_MM * MM


@pytest.fixture
def print_page(browser, print_url):
    """Factory: the fixture page at the width a sheet of `paper` leaves, in print media."""
    contexts = []

    def _open(paper: str):
        width, height = _content_px(paper)
        ctx = browser.new_context(viewport={"width": round(width), "height": round(height)})
        contexts.append(ctx)
        page = ctx.new_page()
        page.goto(print_url)
        page.emulate_media(media="print")
        return page

    yield _open
    for ctx in contexts:
        ctx.close()


def test_the_printout_is_hidden_on_screen(browser, print_url):
    """On screen the page is the page: the printout is never shown."""
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(print_url)
    assert page.locator("[data-itb-print]").first.is_hidden()
    assert page.locator("h1").is_visible()
    ctx.close()


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_the_printout_fits_one_sheet(print_page, paper):
    """Chromium's PDF of the page is one page; a screenshot of it is kept for a person to see."""
    page = print_page(paper)
    pdf = page.pdf(format=paper, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    width, height = _content_px(paper)
    box = page.locator("[data-itb-print] .fd-print").first.bounding_box()
    assert box is not None
    assert box["y"] + box["height"] <= height, f"{box['height']:.0f} px of {height:.0f} px"
    # Nothing wider than the sheet (Chromium would shrink the whole page to fit it).
    assert page.evaluate("document.documentElement.scrollWidth") <= round(width)
    page.screenshot(path=str(SCREENSHOTS[paper]), full_page=True)


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_only_the_first_printout_prints(print_page, paper):
    """Material's chrome, the article's text, the form and a second widget's printout: gone."""
    page = print_page(paper)
    for chrome in page.locator("[data-chrome]").all():
        assert chrome.is_hidden(), chrome.inner_text()[:40]
    assert page.locator("[data-itb-print][data-second]").is_hidden()
    first = page.locator("[data-itb-print]").first
    assert first.is_visible()
    assert first.locator(".fd-safety").is_visible()
    box = first.bounding_box()
    assert box is not None
    assert box["y"] < 1, "the printout starts at the top of the sheet"


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_chart_axis_text_prints_at_8pt_or_more(print_page, paper):
    """Each axis label's font size, times the chart's scale on the sheet, is at least 8 pt."""
    page = print_page(paper)
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('[data-itb-print] .fd-print svg')].flatMap(svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll('text')]
                .filter(t => t.getClientRects().length)
                .map(t => ({text: t.textContent, cls: t.getAttribute('class'),
                            px: parseFloat(getComputedStyle(t).fontSize) * scale}));
        })"""
    )
    axis = [s for s in sizes if "fd-tick-label" in s["cls"] or "fd-axis-title" in s["cls"]]
    assert len(axis) >= 2 * (2 + 5 + 2), sizes  # two charts: y ticks, five x labels, two titles
    smallest = min(s["px"] for s in sizes)
    print(f"{paper}: smallest chart text {smallest:.2f} px = {smallest / PX_PER_PT:.2f} pt")
    assert smallest >= MIN_AXIS_PT * PX_PER_PT, min(sizes, key=lambda s: s["px"])


def test_body_text_prints_at_9pt_or_more(print_page):
    """The printout's running text and tables: 9 pt or more (notes in cells 8 pt)."""
    page = print_page("A4")
    smallest = page.evaluate(
        """() => Math.min(...[...document.querySelectorAll(
                '[data-itb-print] .fd-print :is(p, td, th, dt, dd, li, h2, h3)')]
            .filter(e => e.getClientRects().length)
            .map(e => parseFloat(getComputedStyle(e).fontSize)))"""
    )
    assert smallest >= 9 * PX_PER_PT - 0.01
