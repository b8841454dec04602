"""The wallet and emergency card (render.card_html through the worker, widget/web/print.css) in
Debian's Chromium, on the built site: the widget's "Print an emergency card" prints the card
alone, on one sheet of Letter and of A4, every panel holding its text, at 8 pt or more; Ctrl+P
never prints the card, and prints the summary again once the card has been printed.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

READY_TIMEOUT_MS = 60_000
UPDATE_TIMEOUT_MS = 15_000
READY = "[data-itb-flex][data-state=ready]"
CARD_BUTTON = "Print an emergency card"
CARD = "[data-itb-card-chosen] .fd-card"
PX_PER_PT = 96 / 72
MIN_PT = 8
MM = 96 / 25.4  # CSS px per mm
PAGE_MARGIN_MM = 12  # print.css: @page itb-flex-card { margin: 12mm }
PAPER_PX = {"Letter": (8.5 * 96, 11 * 96), "A4": (210 * MM, 297 * MM)}
PANEL_MM = (85.6, 54)  # ID-1 card size
SCREENSHOT = Path("/tmp/itb-card-{paper}.png")


def wait_js(page, expression: str, timeout_ms: int = UPDATE_TIMEOUT_MS) -> None:
    """Poll a JS expression until it is truthy (the page's CSP refuses wait_for_function)."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            state = page.evaluate(
                "[window.__printed, document.documentElement.className,"
                " !!document.querySelector('[data-itb-card-chosen]')]"
            )
            raise AssertionError(f"timed out waiting for: {expression} ({state})")
        page.wait_for_timeout(50)


@pytest.fixture
def card_page(open_context, site_url, widget_path):
    """Factory: the widget page at the width a sheet of `paper` leaves, started from the fullest
    example (two programs, a fill, an alarm), window.print stubbed (headless has no dialog)."""

    def _open(paper: str = "A4"):
        width, height = PAPER_PX[paper]
        viewport = {
            "width": round(width - 2 * PAGE_MARGIN_MM * MM),
            "height": round(height - 2 * PAGE_MARGIN_MM * MM),
        }
        ctx, log = open_context(site_url, viewport=viewport)
        page = ctx.new_page()
        page.goto(site_url + widget_path)
        page.wait_for_selector(READY, timeout=READY_TIMEOUT_MS)
        page.select_option("[data-itb-flex] .itb-flex__start select", "with-fill")
        page.locator("[data-itb-flex] .itb-flex__start button").click()
        wait_js(
            page,
            "document.querySelector('[data-itb-print] .fd-print-title')?.textContent"
            ".includes('November')",
        )
        # An arrow function as the expression: Playwright calls it (an assignment whose value is
        # a function would be called too, and count as a print).
        page.evaluate(
            "() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }"
        )
        return page, log

    return _open


def click_card(page) -> None:
    page.locator("[data-itb-flex] button", has_text=CARD_BUTTON).click()
    wait_js(page, f"document.querySelector('{CARD}') !== null && window.__printed === 1")


def test_the_card_action_prints_the_card_alone(card_page):
    """Material's chrome, the article, the form and the summary printout are not printed."""
    page, log = card_page()
    click_card(page)
    page.emulate_media(media="print")
    card = page.locator(CARD)
    assert card.is_visible()
    assert card.locator(".fd-card-panel").count() == 6
    assert "I have an ITB baclofen pump" in card.inner_text()
    for hidden in (
        "[data-itb-print] .fd-print",
        ".itb-flex__editor",
        ".itb-flex__actions",
        ".md-sidebar--primary",
        ".md-header",
        "h1",
    ):
        assert page.locator(hidden).first.is_hidden(), hidden
    box = card.bounding_box()
    assert box is not None
    assert box["y"] < 1, "the card starts at the top of the sheet"
    assert log.outside == []


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_the_card_fits_one_sheet_in_card_sized_panels(card_page, paper):
    """One page of PDF; six 85.6 x 54 mm panels, none cutting off its text; a screenshot is kept."""
    page, _ = card_page(paper)
    click_card(page)
    page.emulate_media(media="print")
    panels = page.evaluate(
        """() => [...document.querySelectorAll('[data-itb-card-chosen] .fd-card-panel')].map(
            p => ({kind: p.className, w: p.getBoundingClientRect().width,
                   h: p.getBoundingClientRect().height, over: p.scrollHeight - p.clientHeight}))"""
    )
    assert len(panels) == 6
    for panel in panels:
        assert abs(panel["w"] - PANEL_MM[0] * MM) < 1.5, panel
        assert abs(panel["h"] - PANEL_MM[1] * MM) < 1.5, panel
        assert panel["over"] <= 0, f"text cut off in {panel['kind']}"
    width, height = PAPER_PX[paper]
    box = page.locator(CARD).bounding_box()
    assert box is not None
    assert box["y"] + box["height"] <= height - 2 * PAGE_MARGIN_MM * MM
    assert page.evaluate("document.documentElement.scrollWidth") <= round(
        width - 2 * PAGE_MARGIN_MM * MM
    )
    page.screenshot(path=str(SCREENSHOT).format(paper=paper), full_page=True)
    # Last: Chromium's PDF ends with afterprint, after which the page prints its summary again.
    pdf = page.pdf(format=paper, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_the_card_text_prints_at_8pt_or_more(card_page):
    page, _ = card_page()
    click_card(page)
    page.emulate_media(media="print")
    smallest = page.evaluate(
        """() => Math.min(...[...document.querySelectorAll('[data-itb-card-chosen] .fd-card *')]
            .filter(e => e.getClientRects().length && [...e.childNodes].some(
                n => n.nodeType === 3 && n.textContent.trim()))
            .map(e => parseFloat(getComputedStyle(e).fontSize)))"""
    )
    assert smallest >= MIN_PT * PX_PER_PT - 0.01, smallest / PX_PER_PT


def test_ctrl_p_prints_the_summary_and_never_the_card(card_page):
    """Before the card is asked for, and after it has printed (afterprint), Ctrl+P prints the
    summary alone."""
    page, _ = card_page()
    page.emulate_media(media="print")
    assert page.locator("[data-itb-print] .fd-print").is_visible()
    assert page.locator("[data-itb-card]").first.is_hidden()
    page.emulate_media(media="screen")
    click_card(page)
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="print")
    assert page.locator("[data-itb-print] .fd-print").is_visible()
    assert page.locator(CARD).is_hidden()
    assert page.evaluate(
        "document.documentElement.classList.contains('itb-flex-has-print') && "
        "!document.documentElement.classList.contains('itb-flex-print-card')"
    )


def test_the_card_is_never_shown_on_screen(card_page):
    page, _ = card_page()
    click_card(page)
    assert page.locator(CARD).is_hidden()
    assert page.locator("h1").first.is_visible()
