"""The live widget's layout on the Flex dosing page, from a small phone to a wide screen.

Nothing inside the widget may stick out sideways (a person would have to scroll the page, or
could not reach the steps' "Remove" buttons); only a sideways scroller that itself fits may hold
wider content. The distance between step 1's dose field and the chart and total is measured and
printed (figures for the lead, not asserted), and on a laptop the chart and total must be in view
while the person edits step 1. Screenshots for review go to /tmp/itb-shots/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from journeys.steps import (
    CHART_SVG,
    FLEX_PAGE,
    ROOT,
    TOTALS,
    step_field,
    wait_ready,
)

pytestmark = pytest.mark.browser

WIDTHS = [320, 360, 768, 1024, 1280, 1440]
HEIGHT = 800
SHOTS = Path("/tmp/itb-shots")

OVERFLOW_JS = """(rootSelector) => {
    const root = document.querySelector(rootSelector);
    const edge = root.getBoundingClientRect().right + 1;
    const describe = (e, r) => {
        const name = e.tagName.toLowerCase() + (e.className && typeof e.className === "string"
            ? "." + e.className.trim().split(/\\s+/).join(".") : "");
        const where = e.dataset?.where ? `[data-where=${e.dataset.where}]` : "";
        const text = (e.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40);
        return `${name}${where} "${text}" right=${Math.round(r.right)} > ${Math.round(edge - 1)}`;
    };
    const scrollerOf = (e) => {
        for (let p = e.parentElement; p && p !== root; p = p.parentElement) {
            const o = getComputedStyle(p).overflowX;
            if (o === "auto" || o === "scroll") return p;
        }
        return null;
    };
    const out = [];
    for (const e of root.querySelectorAll("*")) {
        const r = e.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;  // not rendered
        if (r.right <= edge) continue;
        const scroller = scrollerOf(e);
        if (scroller && scroller.getBoundingClientRect().right <= edge) continue;
        out.push(describe(e, r));
    }
    return {
        offenders: out,
        scrollWidth: root.scrollWidth,
        clientWidth: root.clientWidth,
        rootRight: root.getBoundingClientRect().right,
        viewport: document.documentElement.clientWidth,
    };
}"""

# The steps table's last column: its header and each row's last cell (the Remove button).
LAST_COLUMN_JS = """(rootSelector) => {
    const root = document.querySelector(rootSelector);
    const table = root.querySelector(".itb-flex__steps table, .itb-flex__steps-table");
    if (!table) return {missing: true, hidden: []};
    const cells = [...table.querySelectorAll("tr")]
        .map((tr) => tr.lastElementChild)
        .filter((c) => c && !c.hasAttribute("colspan"));
    const scroller = (() => {
        for (let p = table.parentElement; p && p !== root; p = p.parentElement) {
            const o = getComputedStyle(p).overflowX;
            if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") return p;
        }
        return root;
    })().getBoundingClientRect();
    const left = Math.max(scroller.left, 0) - 1;
    const right = Math.min(scroller.right, document.documentElement.clientWidth) + 1;
    const hidden = cells
        .map((c) => [c, c.getBoundingClientRect()])
        .filter(([, r]) => r.left < left || r.right > right)
        .map(([c, r]) => `${c.textContent.trim() || c.innerHTML.slice(0, 60)}: ` +
                         `${Math.round(r.left)}..${Math.round(r.right)} outside ` +
                         `${Math.round(left)}..${Math.round(right)}`);
    return {missing: false, cells: cells.length, hidden};
}"""

# Where step 1's dose field, the chart and the totals are, once the field is in view and focused.
POSITIONS_JS = """([rootSelector, dose, chart, totals]) => {
    const field = document.querySelector(dose);
    field.scrollIntoView({block: "center", behavior: "instant"});
    field.focus();
    const header = document.querySelector(".md-header");
    const headerBottom = header && ["fixed", "sticky"].includes(getComputedStyle(header).position)
        ? header.getBoundingClientRect().bottom : 0;
    const box = (s) => {
        const r = document.querySelector(s).getBoundingClientRect();
        return {top: r.top, bottom: r.bottom, pageTop: r.top + scrollY};
    };
    return {
        focused: document.activeElement === field,
        viewTop: headerBottom, viewBottom: innerHeight,
        dose: box(dose), chart: box(chart), totals: box(totals),
    };
}"""


@pytest.fixture
def widget_at(open_context, site_url):
    """Factory: the Flex dosing page at width x 800 (light or dark), the widget ready."""

    def _open(width: int, color_scheme: str = "light"):
        ctx, log = open_context(
            site_url, viewport={"width": width, "height": HEIGHT}, color_scheme=color_scheme
        )
        page = ctx.new_page()
        page.goto(site_url + FLEX_PAGE)
        wait_ready(page)
        return page, log

    return _open


def dose_selector(page) -> str:
    where = step_field(page, 0).get_attribute("data-where")
    return f"{ROOT} .itb-flex__editor [data-where='{where}']"


def positions(page) -> dict:
    return page.evaluate(POSITIONS_JS, [ROOT, dose_selector(page), CHART_SVG, TOTALS])


@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_in_the_widget_sticks_out_sideways(widget_at, width):
    page, log = widget_at(width)
    found = page.evaluate(OVERFLOW_JS, ROOT)
    assert found["offenders"] == [], f"at {width} px, wider than the widget: {found}"
    assert found["scrollWidth"] <= found["clientWidth"] + 1, f"at {width} px: {found}"
    assert found["rootRight"] <= found["viewport"] + 1, (
        f"the widget is wider than the page: {found}"
    )
    column = page.evaluate(LAST_COLUMN_JS, ROOT)
    assert not column["missing"], "no steps table"
    assert column["hidden"] == [], f"at {width} px the steps' last column is cut off: {column}"
    assert log.outside == []


@pytest.mark.parametrize("width", [1280, 360])
def test_chart_and_total_stay_in_view_while_editing_step_1(widget_at, width):
    page, _ = widget_at(width)
    where = positions(page)
    assert where["focused"], "step 1's dose field did not take focus"
    to_chart = where["chart"]["pageTop"] - where["dose"]["pageTop"]
    to_totals = where["totals"]["pageTop"] - where["dose"]["pageTop"]
    print(
        f"\n{width}x{HEIGHT}: from step 1's dose field to the chart's top {to_chart:+.0f} px, "
        f"to the totals' top {to_totals:+.0f} px (visible area {where['viewTop']:.0f}.."
        f"{where['viewBottom']:.0f}; in the viewport: dose {where['dose']['top']:.0f}, "
        f"chart {where['chart']['top']:.0f}..{where['chart']['bottom']:.0f}, "
        f"totals {where['totals']['top']:.0f}..{where['totals']['bottom']:.0f})"
    )
    if width != 1280:
        return  # on a phone the figures are for the lead; the pinned layout is not asserted
    out = [
        f"{name} at {where[name]['top']:.0f}..{where[name]['bottom']:.0f}"
        for name in ("chart", "totals")
        if where[name]["top"] < where["viewTop"] - 1
        or where[name]["bottom"] > where["viewBottom"] + 1
    ]
    assert out == [], (
        "LAYOUT (sticky chart and total beside the editor on a laptop): with step 1's dose "
        f"field in view and focused at 1280x800, not fully in view ({where['viewTop']:.0f}.."
        f"{where['viewBottom']:.0f}): {', '.join(out)}"
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_screenshots_for_review(widget_at, width, scheme):
    """Pictures for the lead (not compared with anything): the widget, and editing step 1."""
    page, _ = widget_at(width, scheme)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget = SHOTS / f"flex-{width}-{scheme}-widget.png"
    page.locator(ROOT).screenshot(path=str(widget))
    positions(page)  # step 1's dose field in view and focused, as a person editing it
    editing = SHOTS / f"flex-{width}-{scheme}-editing-step-1.png"
    page.screenshot(path=str(editing))
    print(f"\nscreenshots: {widget} {editing}")
    assert widget.stat().st_size > 0
    assert editing.stat().st_size > 0
