"""Journeys in the Spanish edition: a Spanish reader arrives, moves by the menu (instant
navigation), uses the widget, searches, and switches edition both ways from any page.

Every page error fails the test (tests/conftest.py); every request stays on the site's origin.
"""

from __future__ import annotations

import pytest
from journeys.steps import (
    EXAMPLE_STEPS,
    EXAMPLE_TOTAL,
    FLEX_PAGE,
    ROOT,
    SEARCH_TIMEOUT_MS,
    assert_shows_schedule,
    click_menu,
    edit_step,
    finding_codes,
    mark_document,
    same_document,
    wait_js,
    wait_ready,
)

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1280, "height": 800}
ES_FLEX = "es/" + FLEX_PAGE


@pytest.fixture
def page(open_context, site_url):
    ctx, log = open_context(site_url, viewport=LAPTOP)
    page = ctx.new_page()
    yield page
    assert log.outside == []


def widget_text(page) -> str:
    return page.evaluate(f"document.querySelector({ROOT!r}).innerText")


def assert_widget_in(page, lang: str) -> None:
    """The live widget's own words are in lang, and none of the other language's long labels."""
    from flexdose.widget_text import labels

    own, other = labels(lang), labels("en" if lang == "es" else "es")
    text = widget_text(page)
    assert own["editor_region"] in text or own["programs_legend"] in text, text[:400]
    leaked = [
        other[k] for k in own if len(other[k]) > 12 and other[k] != own[k] and other[k] in text
    ]
    assert not leaked, f"words of the other language in the widget: {leaked[:5]}"


def switch_to(page, lang: str) -> None:
    """Open the header's language menu and choose lang (Material shows it on focus)."""
    page.locator(".md-header__option .md-select button").first.focus()
    page.locator(f".md-select__link[hreflang='{lang}']").first.click()
    wait_js(page, f"document.documentElement.lang === {lang!r}", what=f"the {lang} page")


def test_a_spanish_reader_moves_by_the_menu_and_uses_the_widget_in_spanish(page, site_url):
    """es/ home -> the menu -> Dosificación flexible (instant navigation): the widget starts,
    shows the example, speaks Spanish, and its findings after an edit are Spanish too."""
    page.goto(site_url + "es/")
    assert page.evaluate("document.documentElement.lang") == "es"
    mark_document(page)
    click_menu(page, "Dosificación flexible", ES_FLEX)
    wait_ready(page)
    assert same_document(page), "the menu link made a full page load, not an instant navigation"
    assert_shows_schedule(page, EXAMPLE_STEPS, EXAMPLE_TOTAL)
    assert_widget_in(page, "es")
    edit_step(page, 1, "0")
    wait_js(
        page,
        "document.querySelector('[data-itb-flex] .itb-flex__findings [data-code=zero-rate]')",
        what="the zero-rate finding",
    )
    assert "zero-rate" in finding_codes(page)
    findings = page.eval_on_selector_all(
        f"{ROOT} .itb-flex__findings [data-code]", "els => els.map(e => e.innerText)"
    )
    assert findings
    assert all(" the " not in f.lower() for f in findings), findings


@pytest.mark.parametrize(
    ("start", "lang", "other"), [(FLEX_PAGE, "es", ES_FLEX), (ES_FLEX, "en", FLEX_PAGE)]
)
def test_the_switcher_goes_to_the_same_page_in_the_other_language(
    page, site_url, start: str, lang: str, other: str
):
    """From each edition, the switcher opens this page's translation with a whole page load."""
    page.goto(site_url + start)
    wait_ready(page)
    mark_document(page)
    switch_to(page, lang)
    assert page.url == site_url + other
    assert not same_document(page), "the switch kept the old document (and its language)"
    wait_ready(page)
    assert_widget_in(page, lang)
    placeholder = page.locator(".md-search__input").get_attribute("placeholder")
    assert placeholder == ("Búsqueda" if lang == "es" else "Search")


def test_after_instant_navigation_the_switcher_follows_the_page(page, site_url):
    """es/ -> (menu, instant) es/safety/ -> switcher: the English Safety page, not the home."""
    page.goto(site_url + "es/")
    mark_document(page)
    click_menu(page, "Seguridad", "es/safety/")
    assert same_document(page)
    switch_to(page, "en")
    assert page.url == site_url + "safety/"
    # And back, after another instant move in English.
    mark_document(page)
    click_menu(page, "Flex dosing", FLEX_PAGE)
    assert same_document(page)
    switch_to(page, "es")
    assert page.url == site_url + ES_FLEX


def test_spanish_search_finds_the_spanish_safety_page(page, site_url):
    """Material's search, in Spanish: a Spanish word finds the Spanish page."""
    page.goto(site_url + "es/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search-result__meta", has_text="Teclee para comenzar").wait_for(
        timeout=SEARCH_TIMEOUT_MS
    )
    page.locator(".md-search__input").press_sequentially("abstinencia")
    page.locator(".md-search-result__item").first.wait_for(timeout=SEARCH_TIMEOUT_MS)
    hrefs = page.evaluate(
        "[...document.querySelectorAll('.md-search-result__link')].map(a => a.href)"
    )
    assert any("/es/safety/" in h for h in hrefs), hrefs


def test_the_spanish_404_page(page, site_url):
    page.goto(site_url + "es/404.html")
    assert page.evaluate("document.documentElement.lang") == "es"
    assert "No se encontró" in page.locator("h1").inner_text()
