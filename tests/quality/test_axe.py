"""Accessibility gate: axe-core finds no WCAG 2.2 A/AA violation, in either palette.

axe-core comes from npm (node_modules/axe-core, pinned in package-lock.json) and is injected by
Playwright into Debian's Chromium. It runs on every page of the strict build, first in the light
palette (Material's `default` scheme) and then in the dark one (`slate`), switched the way a
reader does (the palette toggle's radio input), and on the widget in each of its states:
loading (the runtime held back, so the static preview and the progress line show), ready with
an error and a warning on screen (driven through the editor), and error (the wasm blocked).
A violation is reported with its rule, the element's selector, the page and the palette.
Run alone: `.venv/bin/python -m pytest tests/quality/test_axe.py`.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, by axe-core's rule tags.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Material's two schemes, and the colour-scheme preference each one stands for.
PALETTES = {"default": "light", "slate": "dark"}
WIDGET = "[data-itb-flex]"
# A widget root in the markup (not the attribute's name in a code sample, which is escaped).
WIDGET_TAG = re.compile(r"<[a-z]+\s[^<>]*\bdata-itb-flex[\s=>]")
# Colour transitions (Material fades link and header colours) would let axe measure contrast
# half-way through a palette switch; the end state is what a reader sees.
NO_TRANSITIONS = (
    "*, *::before, *::after { transition: none !important; animation: none !important; }"
)
# WCAG 1.4.10's reference: 1280 CSS pixels at 400 % zoom is a 320-pixel-wide viewport.
ZOOMED_400_PERCENT = {"width": 320, "height": 640}
STATE_TIMEOUT_MS = 60_000
POLL_MS = 50

pytestmark = [pytest.mark.browser]


def page_url(base_url: str, page: str) -> str:
    """The URL a reader uses for a page: directory URLs end in '/' (use_directory_urls)."""
    return base_url + page.removesuffix("index.html")


def axe_violations(page, where: str, palette: str) -> list[str]:
    """Run axe on the whole page, one readable line per violating element."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate(
        """async (tags) => await axe.run(document, {
            runOnly: { type: "tag", values: tags },
            resultTypes: ["violations"],
        })""",
        WCAG_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}) {where} [{palette}] at {json.dumps(node['target'])}: "
        f"{v['help']}. {node.get('failureSummary', '').splitlines()[-1].strip()}"
        for v in results["violations"]
        for node in v["nodes"]
    ]


def set_palette(page, scheme: str) -> None:
    """Show the page in a palette, as a reader gets it.

    The browser's colour-scheme preference is set (what the embed page's CSS follows), and on
    Material's pages the palette toggle's radio input for the scheme is checked, as a click on
    the toggle does (Material then sets data-md-color-scheme on <body>).
    """
    page.emulate_media(color_scheme=PALETTES[scheme])
    page.add_style_tag(content=NO_TRANSITIONS)
    toggle = page.evaluate(
        """(scheme) => {
            const inputs = document.querySelectorAll('input[name="__palette"]');
            if (inputs.length === 0) return "none";
            const input = [...inputs].find((i) => i.dataset.mdColorScheme === scheme);
            if (!input) return "missing";
            if (!input.checked) input.click();
            return "switched";
        }""",
        scheme,
    )
    assert toggle != "missing", f"{page.url}: the palette toggle has no {scheme!r} scheme"
    if toggle == "switched":
        page.wait_for_function(
            "(scheme) => document.body.getAttribute('data-md-color-scheme') === scheme",
            arg=scheme,
        )


def test_every_page_in_both_palettes(open_context, site_url: str, pages: list[str]) -> None:
    """No page has a WCAG 2.2 A/AA violation, in the light or the dark palette."""
    ctx, _ = open_context(site_url, bypass_csp=True)
    # The widget is checked in its own tests, state by state: here its runtime is held back, so
    # it stays in one state (loading, with the static preview) while axe reads the page.
    ctx.route("**/assets/runtime/**", lambda route: None)
    page = ctx.new_page()
    found: list[str] = []
    for name in pages:
        page.goto(page_url(site_url, name))
        for palette in PALETTES:
            set_palette(page, palette)
            found += axe_violations(page, name, palette)
    assert not found, f"{len(found)} accessibility violations:\n" + "\n".join(found)


def test_every_page_at_400_percent_zoom(open_context, site_url: str, pages: list[str]) -> None:
    """No page has a violation at 320 CSS pixels wide: a 1280-pixel screen zoomed to 400 %.

    WCAG 1.4.10 (Reflow) measures at that width: Material switches to its phone layout, wide
    tables and code scroll sideways, and a region that scrolls must take keyboard focus.
    One palette suffices here: colours do not change with the width.
    """
    ctx, _ = open_context(site_url, bypass_csp=True, viewport=ZOOMED_400_PERCENT)
    ctx.route("**/assets/runtime/**", lambda route: None)
    page = ctx.new_page()
    found: list[str] = []
    for name in pages:
        page.goto(page_url(site_url, name))
        set_palette(page, "default")
        found += axe_violations(page, f"{name} (320 px wide)", "default")
    assert not found, f"{len(found)} accessibility violations:\n" + "\n".join(found)


# ---- The widget, state by state ----


@pytest.fixture(scope="module")
def widget_pages(built_site: Path, pages: list[str]) -> list[str]:
    """The pages with a widget: the flex-dosing page and the portal embed page."""
    found = [name for name in pages if WIDGET_TAG.search((built_site / name).read_text("utf-8"))]
    if not found:
        pytest.fail("no page of the built site has a widget ([data-itb-flex])")
    return found


def wait_for_state(page, state: str) -> None:
    """Wait until the widget says it is in `state` (its root's data-state)."""
    page.wait_for_selector(f'{WIDGET}[data-state="{state}"]', timeout=STATE_TIMEOUT_MS)


def wait_for_runtime_request(page, held: list) -> None:
    """Let the page run until it has asked for the runtime (the request is held back)."""
    deadline = time.monotonic() + STATE_TIMEOUT_MS / 1000
    while not held:
        assert time.monotonic() < deadline, f"{page.url}: the widget never asked for its runtime"
        page.wait_for_timeout(POLL_MS)


def widget_violations(page, where: str) -> list[str]:
    """axe on the whole page with the widget as it is now, in both palettes."""
    found: list[str] = []
    for palette in PALETTES:
        set_palette(page, palette)
        found += axe_violations(page, where, palette)
    return found


def test_widget_loading(open_context, site_url: str, widget_pages: list[str]) -> None:
    """While the runtime is on its way: the static preview and the progress line pass axe."""
    ctx, _ = open_context(site_url, bypass_csp=True)
    held = []
    # Held, never answered: the widget stays in its loading state for as long as axe runs.
    ctx.route("**/assets/runtime/**", lambda route: held.append(route))
    page = ctx.new_page()
    found: list[str] = []
    for name in widget_pages:
        held.clear()
        page.goto(page_url(site_url, name))
        # The static markup already says "loading"; the widget's script has taken over (and
        # shows its progress) once it asks for the runtime.
        wait_for_runtime_request(page, held)
        wait_for_state(page, "loading")
        found += widget_violations(page, f"{name} (widget loading)")
    assert not found, f"{len(found)} violations while loading:\n" + "\n".join(found)


def test_widget_ready_with_an_error_and_a_warning(
    open_context, site_url: str, widget_pages: list[str]
) -> None:
    """The live editor, showing an error and a warning finding, passes axe."""
    ctx, log = open_context(site_url, bypass_csp=True)
    page = ctx.new_page()
    found: list[str] = []
    for name in widget_pages:
        page.goto(page_url(site_url, name))
        wait_for_state(page, "ready")
        widget = page.locator(WIDGET).first
        # An error: the second step starts at midnight too (times-not-increasing) ...
        # (a time field is read when the person presses Enter or leaves it)
        start = widget.locator('input.itb-flex__clock[data-where$="[1].start"]').first
        start.fill("00:00")
        start.press("Enter")
        # ... and a warning: a step with no dose (zero-rate).
        widget.locator('input[data-where$="[0].mcg_per_day"]').first.fill("0")
        widget.locator(".fd-finding.fd-error").first.wait_for(timeout=STATE_TIMEOUT_MS)
        widget.locator(".fd-finding.fd-warning").first.wait_for(timeout=STATE_TIMEOUT_MS)
        found += widget_violations(page, f"{name} (widget ready, an error and a warning)")
    assert log.outside == [], f"requests left the site: {log.outside}"
    assert not found, f"{len(found)} violations with findings shown:\n" + "\n".join(found)


@pytest.mark.allow_console_errors(
    # The blocked download (the preflight's HEAD; the worker is then not started) and the
    # widget's own report of it.
    r"request failed \(net::ERR_BLOCKED_BY_CLIENT[^)]*\) for HEAD \S+/pyodide\.asm\.wasm ",
    r"^console\.error: ITB Flex: the live preview did not start: RuntimeUnavailable: The live "
    r"preview could not start: its files could not be downloaded",
    # The same on the Spanish pages, in Spanish.
    r"^console\.error: ITB Flex: the live preview did not start: RuntimeUnavailable: La vista "
    r"previa en vivo no se pudo iniciar: no se pudieron descargar sus archivos",
)
def test_widget_runtime_failed(open_context, site_url: str, widget_pages: list[str]) -> None:
    """When Python cannot start (its wasm blocked), the error state passes axe."""
    ctx, _ = open_context(site_url, bypass_csp=True)
    ctx.route("**/pyodide.asm.wasm*", lambda route: route.abort("blockedbyclient"))
    page = ctx.new_page()
    found: list[str] = []
    for name in widget_pages:
        page.goto(page_url(site_url, name))
        wait_for_state(page, "error")
        found += widget_violations(page, f"{name} (widget error)")
    assert not found, f"{len(found)} violations in the error state:\n" + "\n".join(found)
