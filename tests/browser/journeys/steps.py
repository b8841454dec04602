"""Small steps a person takes on the built site, and the signals that tell a step is done.

Every wait polls for a positive signal (the root's `data-state`, its `data-updates` counter, the
absence of `data-busy`, a value appearing): never a fixed sleep. Polling uses `page.evaluate`,
not `wait_for_function`, whose predicate is compiled with eval (refused by a strict CSP).
"""

from __future__ import annotations

import json
import time

# Cold start measured at 2.2-2.6 s (RUNTIME.md §4); a loaded CI machine gets ten times that.
READY_TIMEOUT_MS = 60_000
UPDATE_TIMEOUT_MS = 15_000
SEARCH_TIMEOUT_MS = 15_000

ROOT = "[data-itb-flex]"
READY = "[data-itb-flex][data-state=ready]"
CHART_SVG = "[data-itb-flex] .itb-flex__chart svg"
TOTALS = "[data-itb-flex] .itb-flex__totals"
EDITOR = "[data-itb-flex] .itb-flex__editor"
FLEX_PAGE = "flex-dosing/"

# The example the Flex dosing page starts from (docs/flex-dosing.md: example=day-night).
EXAMPLE_STEPS = [("00:00", "600"), ("07:00", "450"), ("12:00", "400"), ("20:00", "550")]
EXAMPLE_TOTAL = "494 mcg"


class Timeout(AssertionError):
    pass


def wait_js(page, expression: str, timeout_ms: int = UPDATE_TIMEOUT_MS, what: str = "") -> None:
    """Poll a JS expression until it is truthy (tolerating a page that is being swapped)."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        try:
            if page.evaluate(expression):
                return
        except Exception as error:  # a navigation destroyed the context: look again
            if "context was destroyed" not in str(error) and "navigat" not in str(error):
                raise
        if time.monotonic() > deadline:
            raise Timeout(f"timed out after {timeout_ms} ms waiting for {what or expression}")
        page.wait_for_timeout(50)


def js_string(text: str) -> str:
    return json.dumps(text)


# ---- The widget's signals ----


def wait_ready(page, timeout_ms: int = READY_TIMEOUT_MS) -> None:
    """The live widget is ready and has finished drawing its first picture."""
    page.wait_for_selector(READY, timeout=timeout_ms)
    wait_settled(page)


def wait_settled(page) -> None:
    wait_js(
        page,
        f"!document.querySelector({js_string(ROOT)})?.hasAttribute('data-busy')",
        what="the widget to finish its update (no data-busy)",
    )


def updates(page) -> int:
    return page.evaluate(f"Number(document.querySelector({js_string(ROOT)})?.dataset.updates || 0)")


def wait_updated(page, before: int) -> None:
    """The picture followed the last change: the counter moved past `before`, nothing pending."""
    wait_js(
        page,
        f"Number(document.querySelector({js_string(ROOT)})?.dataset.updates || 0) > {before}",
        what=f"data-updates to pass {before}",
    )
    wait_settled(page)


# ---- The editor ----


def step_field(page, index: int, name: str = "mcg_per_day"):
    """The editor's input for step `index` (0-based) of the program on screen."""
    return page.locator(f"{EDITOR} [data-where$='[{index}].{name}']").first


def step_value(page, index: int, name: str = "mcg_per_day") -> str:
    return step_field(page, index, name).input_value()


def steps_shown(page) -> list[tuple[str, str]]:
    """(start, dose) of every step row of the editor, in order."""
    rows = page.evaluate(
        """(editor) => {
            const root = document.querySelector(editor);
            if (!root) return [];
            const rows = [];
            for (const start of root.querySelectorAll("input[data-where$='.start']")) {
                const m = /^(.*\\[\\d+\\])\\.start$/.exec(start.dataset.where);
                if (!m || !m[1].startsWith("programs")) continue;
                const dose = [...root.querySelectorAll("input[data-where]")].find(
                    (e) => e.dataset.where.startsWith(m[1] + ".mcg_per_"));
                rows.push([start.value, dose ? dose.value : null]);
            }
            return rows;
        }""",
        EDITOR,
    )
    return [tuple(row) for row in rows]


def edit_step(page, index: int, value: str, name: str = "mcg_per_day") -> None:
    """Type value into a step's field, as a person does, and wait for the picture to follow."""
    before = updates(page)
    step_field(page, index, name).fill(value)
    wait_updated(page, before)


def wait_step_value(page, index: int, value: str, name: str = "mcg_per_day") -> None:
    """Wait until step `index` shows value; on timeout say what it shows instead."""
    selector = f"{EDITOR} [data-where$='[{index}].{name}']"
    try:
        wait_js(
            page,
            f"document.querySelector({js_string(selector)})?.value === {js_string(value)}",
            what=f"step {index + 1} to show {value}",
        )
    except Timeout as error:
        shown = page.evaluate(f"document.querySelector({js_string(selector)})?.value ?? null")
        raise Timeout(f"{error}; it shows {shown!r} (steps: {steps_shown(page)})") from None


def finding_codes(page) -> list[str]:
    return page.eval_on_selector_all(
        f"{ROOT} .itb-flex__findings [data-code]", "els => els.map(e => e.dataset.code)"
    )


def assert_shows_schedule(page, steps: list[tuple[str, str]], total: str) -> None:
    """The widget shows this schedule: its chart, its step rows and its total."""
    assert page.locator(READY).count() == 1, "the widget is not ready"
    assert page.locator(CHART_SVG).count() == 1, "no chart"
    assert page.locator(CHART_SVG).is_visible(), "the chart is not visible"
    assert steps_shown(page) == steps
    totals = page.locator(TOTALS).inner_text()
    assert total in totals, f"total {total!r} not in {totals!r}"
    assert "missing-field" not in finding_codes(page)
    assert "The programs are empty" not in page.locator(ROOT).inner_text()


# ---- The site around it ----


def mark_document(page) -> None:
    """Mark this document, so a later check tells an instant navigation from a full load."""
    page.evaluate("window.__journeyMarker = 'same document'")


def same_document(page) -> bool:
    return page.evaluate("window.__journeyMarker") == "same document"


def click_menu(page, text: str, path: str) -> None:
    """Click the primary sidebar's link to a page (wide screens show the sidebar)."""
    link = page.locator(f".md-sidebar--primary a.md-nav__link[href$='/{path}']", has_text=text)
    link.first.click()
    wait_js(page, f"location.pathname.endsWith({js_string('/' + path)})", what=f"URL {path}")


def search(page, query: str) -> None:
    """Type query into Material's search once its index is ready (typing earlier is lost)."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search-result__meta", has_text="Type to start searching").wait_for(
        timeout=SEARCH_TIMEOUT_MS
    )
    page.locator(".md-search__input").press_sequentially(query)  # keyup drives the search
    page.locator(".md-search-result__item").first.wait_for(timeout=SEARCH_TIMEOUT_MS)


# ---- Messages the person can see ----

VISIBLE_MESSAGES_JS = """(root) => {
    const box = document.querySelector(root);
    if (!box) return [];
    const tagged = box.querySelectorAll("[data-itb-message]");
    // Until the refactor tags them: the widget's alerts and status lines (not its start status).
    const nodes = tagged.length ? tagged : box.querySelectorAll(
        "[role=alert]:not([data-itb-status]), [role=status]:not([data-itb-status]), " +
        ".itb-flex__alert");
    const seen = (e) => {
        if (!e.textContent.trim()) return false;
        for (let n = e; n && n !== document.body; n = n.parentElement) {
            const s = getComputedStyle(n);
            if (n.hidden || s.display === "none" || s.visibility === "hidden") return false;
        }
        const r = e.getBoundingClientRect();
        return r.width > 1 && r.height > 1;  // not visually hidden (1 px clip)
    };
    return [...new Set([...nodes].filter(seen).map((e) => e.innerText.trim()))];
}"""


def visible_messages(page) -> list[str]:
    return page.evaluate(VISIBLE_MESSAGES_JS, ROOT)


def wait_visible_message(page, fragment: str) -> None:
    """Wait until a message the person can see contains fragment; else list what is shown."""
    deadline = time.monotonic() + UPDATE_TIMEOUT_MS / 1000
    while True:
        shown = visible_messages(page)
        if any(fragment.lower() in m.lower() for m in shown):
            return
        if time.monotonic() > deadline:
            raise Timeout(
                f"no visible message containing {fragment!r}; visible messages: {shown!r}"
            )
        page.wait_for_timeout(50)


def file_input(page, action: str, label: str):
    """The widget's file input for action ('open' / 'compare'), by data-itb-action or label."""
    tagged = page.locator(f"{ROOT} input[type=file][data-itb-action={action}]")
    if tagged.count():
        return tagged.first
    return page.locator(ROOT).get_by_label(label, exact=True)
