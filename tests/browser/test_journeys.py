"""Journeys: the widget as a person reaches and uses it, across the pages of the built site.

Issue 9: every test opened the widget's page directly, one feature at a time, and all passed while
the common paths were broken (instant navigation re-ran the example's JSON as JavaScript; "Go to
the field" was a link instant navigation followed). These tests take the paths a person takes:
the menu, the search, back and forward, a finding's button, a share link, files. The site is
built for the address it is served at, so Material's instant navigation is on (tests/conftest.py).
Each journey ends with the widget showing the expected schedule (chart, step rows, total), with
the person's edits intact where they made some. Every page error fails the test (conftest.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from journeys.steps import (
    EXAMPLE_STEPS,
    EXAMPLE_TOTAL,
    FLEX_PAGE,
    ROOT,
    assert_shows_schedule,
    click_menu,
    edit_step,
    file_input,
    finding_codes,
    mark_document,
    same_document,
    search,
    step_field,
    step_value,
    steps_shown,
    updates,
    visible_messages,
    wait_js,
    wait_ready,
    wait_step_value,
    wait_updated,
    wait_visible_message,
)

pytestmark = pytest.mark.browser

EXAMPLES = Path(__file__).resolve().parents[2] / "widget" / "flexdose" / "examples"
LAPTOP = {"width": 1280, "height": 800}


def example(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"))


@pytest.fixture
def page(open_context, site_url):
    """A fresh context on a laptop-sized screen (the sidebar menu shows); its first page."""
    ctx, log = open_context(site_url, viewport=LAPTOP)
    page = ctx.new_page()
    yield page
    assert log.outside == []


def open_flex_page(page, site_url: str) -> None:
    page.goto(site_url + FLEX_PAGE)
    wait_ready(page)


# ---- a. The menu ----


def test_menu_link_from_the_home_page_shows_the_example(page, site_url):
    page.goto(site_url)
    mark_document(page)
    click_menu(page, "Flex dosing", FLEX_PAGE)
    wait_ready(page)
    assert same_document(page), "the menu link made a full page load, not an instant navigation"
    assert_shows_schedule(page, EXAMPLE_STEPS, EXAMPLE_TOTAL)


# ---- b. The search ----


def test_search_result_leads_to_a_working_widget(page, site_url):
    page.goto(site_url)
    mark_document(page)
    search(page, "flex")
    # The page's own result (Material adds ?h=flex to highlight the words), not a section's.
    result = page.locator(f".md-search-result__link[href*='/{FLEX_PAGE}']:not([href*='#'])").first
    result.click()
    wait_js(page, f"location.pathname.endsWith('/{FLEX_PAGE}')", what="the Flex dosing page")
    wait_ready(page)
    print(f"search result click was an instant navigation: {same_document(page)}")
    assert_shows_schedule(page, EXAMPLE_STEPS, EXAMPLE_TOTAL)


# ---- c. Away and back ----


def test_back_and_forward_keep_the_persons_edit_and_reload_starts_afresh(page, site_url):
    page.goto(site_url)
    mark_document(page)
    click_menu(page, "Flex dosing", FLEX_PAGE)
    wait_ready(page)
    edit_step(page, 0, "450")
    edited = [("00:00", "450"), *EXAMPLE_STEPS[1:]]
    assert_shows_schedule(page, edited, "450 mcg")

    click_menu(page, "Safety", "safety/")
    page.locator("article h1", has_text="Safety").first.wait_for()
    wait_js(page, f"!document.querySelector('{ROOT}')", what="the Safety page without a widget")
    page.go_back()
    wait_js(page, f"location.pathname.endsWith('/{FLEX_PAGE}')", what="back on Flex dosing")
    wait_ready(page)
    assert same_document(page), "back made a full page load, not an instant navigation"
    wait_step_value(page, 0, "450")
    assert_shows_schedule(page, edited, "450 mcg")

    page.go_forward()
    wait_js(page, "location.pathname.endsWith('/safety/')", what="forward on Safety")
    page.locator("article h1", has_text="Safety").first.wait_for()
    page.go_back()
    wait_js(page, f"location.pathname.endsWith('/{FLEX_PAGE}')", what="back on Flex dosing")
    wait_ready(page)
    wait_step_value(page, 0, "450")
    assert_shows_schedule(page, edited, "450 mcg")
    assert same_document(page)

    page.reload()
    wait_ready(page)
    assert not same_document(page)
    assert_shows_schedule(page, EXAMPLE_STEPS, EXAMPLE_TOTAL)


# ---- d. A finding's "Go to the field" ----


def test_go_to_the_field_focuses_it_in_place(page, site_url):
    page.goto(site_url)
    click_menu(page, "Flex dosing", FLEX_PAGE)
    wait_ready(page)
    edit_step(page, 1, "300")
    edit_step(page, 0, "-5")
    where = step_field(page, 0).get_attribute("data-where")
    assert "bad-rate" in finding_codes(page)
    button = page.locator(f"{ROOT} button.fd-goto[data-where='{where}']")
    button.wait_for()
    assert button.get_attribute("type") == "button"
    url = page.url
    history = page.evaluate("history.length")
    page.locator(f"{ROOT} .itb-flex__editor [data-where='title']").focus()
    mark_document(page)
    page.evaluate(
        """(editor) => {
            const root = document.querySelector(editor);
            root.__journeyMark = "same node";
            for (const e of root.querySelectorAll("[data-where]")) e.__journeyMark = "same node";
        }""",
        f"{ROOT} .itb-flex__editor",
    )
    before = updates(page)

    button.click()

    # Focus lands on the field the finding names (or the nearest field of its path).
    accepted = [where]
    path = where
    while "." in path or "[" in path:
        path = path[: max(path.rfind("."), path.rfind("["))]
        accepted.append(path)
    wait_js(
        page,
        f"{json.dumps(accepted)}.includes(document.activeElement?.dataset?.where)",
        what=f"focus on {where}",
    )
    assert page.evaluate("document.activeElement.dataset.where") == where
    # Material's navigation.tracking writes the section in view into the fragment as the field
    # scrolls into view (history.replaceState): the same page, no new history entry.
    assert page.url.split("#")[0] == url.split("#")[0], "the button navigated"
    assert page.evaluate("history.length") == history, "the button added a history entry"
    assert same_document(page), "the button reloaded the page"
    rebuilt = page.evaluate(
        """(editor) => {
            const root = document.querySelector(editor);
            if (root?.__journeyMark !== "same node") return ["the editor itself"];
            return [...root.querySelectorAll("[data-where]")]
                .filter((e) => e.__journeyMark !== "same node").map((e) => e.dataset.where);
        }""",
        f"{ROOT} .itb-flex__editor",
    )
    assert rebuilt == [], f"the editor was rebuilt: new nodes for {rebuilt}"
    assert updates(page) == before, "going to the field redrew the picture"
    assert steps_shown(page) == [("00:00", "-5"), ("07:00", "300"), *EXAMPLE_STEPS[2:]]


# ---- e. A share link ----

DOSE_RECORDER = """
(() => {
    // Every value step 1's dose shows once the widget is ready, in order.
    window.__doseSeen = [];
    const record = () => {
        const root = document.querySelector("[data-itb-flex]");
        if (!root || root.dataset.state !== "ready") return;
        const input = root.querySelector(".itb-flex__editor [data-where$='[0].mcg_per_day']");
        if (!input) return;
        const seen = window.__doseSeen;
        if (seen[seen.length - 1] !== input.value) seen.push(input.value);
    };
    new MutationObserver(record).observe(document, {
        subtree: true, childList: true, attributes: true, characterData: true,
    });
    document.addEventListener("itb-flex:updated", record, true);
    document.addEventListener("input", record, true);
})();
"""


def test_a_share_link_opens_on_the_shared_schedule_never_the_example(page, site_url, open_context):
    open_flex_page(page, site_url)
    edit_step(page, 0, "475")
    page.locator(ROOT).get_by_role("button", name="Make a share link").click()
    share = page.locator(f"{ROOT} .itb-flex__share-url")
    wait_js(
        page,
        f"document.querySelector('{ROOT} .itb-flex__share-url')?.value.includes('#s=')",
        what="the share link",
    )
    link = share.input_value()

    ctx, log = open_context(site_url, viewport=LAPTOP)
    ctx.add_init_script(DOSE_RECORDER)
    other = ctx.new_page()
    other.goto(link)
    wait_ready(other)
    wait_step_value(other, 0, "475")
    seen = other.evaluate("window.__doseSeen")
    assert seen[:1] == ["475"], f"step 1's dose showed {seen} after the widget was ready"
    assert "600" not in seen, f"the example's dose (600) was shown first: {seen}"
    # 475 mcg/day from 00:00 to 07:00, then the example's steps: 457 mcg in the day.
    assert_shows_schedule(other, [("00:00", "475"), *EXAMPLE_STEPS[1:]], "457 mcg")
    try:
        wait_js(
            other,
            "(() => { const t = document.querySelector('[data-itb-flex]')"
            ".getBoundingClientRect().top; return t >= -1 && t < innerHeight; })()",
            what="the page to scroll to the widget",
        )
    except AssertionError as error:
        top = other.evaluate(
            "[document.querySelector('[data-itb-flex]').getBoundingClientRect().top, "
            "innerHeight, scrollY]"
        )
        raise AssertionError(f"{error}: widget top, viewport height, scrollY = {top}") from None
    assert log.outside == []


# ---- f. Files ----


def test_open_fail_then_compare_files_each_message_belongs_to_its_action(page, site_url, tmp_path):
    open_flex_page(page, site_url)
    mine = example("constant")
    mine["title"] = "From my file"
    mine["programs"]["everyday"][0]["mcg_per_day"] = 321
    first = tmp_path / "mine.json"
    first.write_text(json.dumps(mine), "utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"programs": ', "utf-8")
    other = example("therapy-week")
    other["title"] = "To compare"
    third = tmp_path / "other.json"
    third.write_text(json.dumps(other), "utf-8")
    title = page.locator(f"{ROOT} .itb-flex__editor [data-where='title']")

    # 1. Open a valid file: the form shows it.
    before = updates(page)
    file_input(page, "open", "Open a file…").set_input_files(str(first))
    wait_updated(page, before)
    wait_step_value(page, 0, "321")
    assert title.input_value() == "From my file"
    assert_shows_schedule(page, [("00:00", "321")], "321 mcg")
    stale = [m for m in visible_messages(page) if "cannot" in m.lower()]
    assert stale == [], f"messages from no action of the person: {stale}"

    # 2. Fail to open an invalid one: the failure is shown and the opened file stays.
    file_input(page, "open", "Open a file…").set_input_files(str(broken))
    wait_visible_message(page, "cannot be opened")
    assert title.input_value() == "From my file"
    assert steps_shown(page) == [("00:00", "321")]

    # 3. Compare with a valid one: the comparison shows and the failure message is gone.
    before = updates(page)
    file_input(page, "compare", "Compare with a file…").set_input_files(str(third))
    wait_updated(page, before)
    page.locator(f"{ROOT} .itb-flex__compare-out table").first.wait_for()
    shown = visible_messages(page)
    assert not any("cannot be opened" in m for m in shown), (
        f"after a successful compare the failed open's message is still shown: {shown}"
    )
    assert title.input_value() == "From my file"
    assert step_value(page, 0) == "321"
    assert_shows_schedule(page, [("00:00", "321")], "321 mcg")
