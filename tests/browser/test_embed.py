"""The portal embed: embed/ framed by a portal page on another origin, through embed.js.

Two loopback origins: the built site (the widget host, with its `_headers`) and a portal page
served from a temporary folder on another port. The portal page has a strict CSP of its own,
exactly what the portal-teams page tells portals to add (plus frame-src 'self' for the test's
intruder frame), so the snippet is tested as documented.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.request import urlopen

import pytest

pytestmark = pytest.mark.browser

# The CLI of the venv running the tests (.venv/bin/flexdose under `make test`).
FLEXDOSE = Path(sys.executable).parent / "flexdose"
EMBED_CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
    "worker-src 'self' blob:; style-src 'self'"
)
# Cold start measured at 2.2-2.6 s (RUNTIME.md §4); a loaded CI machine gets ten times that.
READY_TIMEOUT_S = 60
EVENT_TIMEOUT_S = 20
# The loader's height before the widget reports its own (embed.js INITIAL_HEIGHT_PX).
INITIAL_HEIGHT = "640px"

SCHEDULE = {
    "format": "itb-flex/1",
    "title": "Portal test plan",
    "drug": {"concentration_mcg_per_ml": 2000},
    "programs": {
        "everyday": [
            {"start": "00:00", "mcg_per_day": 600},
            {"start": "07:00", "mcg_per_day": 400},
            {"start": "21:00", "mcg_per_day": 600},
        ]
    },
    "context": {"origin": "spinal", "age_group": "adult", "current_mcg_per_day": 500},
}
INITIAL = {"programs": {"constant": [{"start": "00:00", "mcg_per_day": 450}]}}

PORTAL_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' {w};
  frame-src 'self' {w}; style-src 'self'">
<title>Fixture: a patient portal that embeds ITB Flex</title>
</head>
<body>
<h1>Your care plan</h1>
<div id="plan" data-itb-flex data-src="{w}/embed/" data-schedule='{initial}'></div>
<div id="other" data-src="{w}/embed/"></div>
<iframe id="intruder" src="intruder.html" title="Another frame on the portal"></iframe>
<script src="portal.js"></script>
<script src="{w}/embed/embed.js"></script>
</body>
</html>
"""
# Records every itb-flex event the loader dispatches, and every message the page receives (so a
# test can tell "ignored" from "never sent"). A file: the portal's CSP allows no inline script.
PORTAL_JS = """\
"use strict";
window.itbEvents = [];
window.rawMessages = [];
window.addEventListener("message", (event) => {
    window.rawMessages.push({ origin: event.origin, type: event.data && event.data.type });
});
for (const type of ["itb-flex:ready", "itb-flex:report", "itb-flex:change"]) {
    document.addEventListener(type, (event) => {
        window.itbEvents.push({ target: event.target.id, type, detail: event.detail });
    });
}
"""
INTRUDER_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Another frame</title></head><body><p>Not the widget.</p></body></html>
"""
# Loaded into the widget's own iframe: the right window, the wrong origin.
IMPOSTER_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Imposter</title></head><body><script src="imposter.js"></script></body></html>
"""
IMPOSTER_JS = """\
parent.postMessage({ type: "itb-flex:ready" }, "*");
parent.postMessage({ type: "itb-flex:resize", height: 50 }, "*");
parent.postMessage({ type: "itb-flex:report", report: { valid: true } }, "*");
"""
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
    window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} (${location.href})`);
});
"""


def check_json(document: object) -> dict:
    """What `flexdose check --json` prints for document (the portal's reference answer)."""
    proc = subprocess.run(
        [str(FLEXDOSE), "check", "--json", "-"],
        input=json.dumps(document),
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def poll(read: Callable[[], object], timeout_s: float = EVENT_TIMEOUT_S, what: str = "") -> object:
    """read() until it returns something truthy. (wait_for_function compiles its predicate with
    eval, which the embed's and the portal's CSP rightly refuse.)"""
    deadline = time.monotonic() + timeout_s
    while True:
        value = read()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what or read}")
        time.sleep(0.1)


def events(page, target: str, type_: str) -> list[dict]:
    return page.evaluate(
        "([t, ty]) => window.itbEvents.filter((e) => e.target === t && e.type === ty)",
        [target, type_],
    )


# ---- Fixtures ----


@pytest.fixture(scope="session")
def portal_url(site_url: str, tmp_path_factory: pytest.TempPathFactory):
    """The portal page on a second loopback origin, embedding the widget from site_url."""
    from serve import serve_in_thread

    widget_origin = site_url.rstrip("/")
    folder: Path = tmp_path_factory.mktemp("portal")
    page = PORTAL_PAGE.format(w=widget_origin, initial=json.dumps(INITIAL))
    (folder / "index.html").write_text(page, "utf-8")
    (folder / "portal.js").write_text(PORTAL_JS, "utf-8")
    (folder / "intruder.html").write_text(INTRUDER_PAGE, "utf-8")
    (folder / "imposter.html").write_text(IMPOSTER_PAGE, "utf-8")
    (folder / "imposter.js").write_text(IMPOSTER_JS, "utf-8")
    server, url = serve_in_thread(folder)
    yield url
    server.shutdown()


@pytest.fixture
def portal(open_context, site_url: str, portal_url: str):
    """The portal page with the widget ready; yields (page, widget frame, request log)."""
    ctx, log = open_context(portal_url, site_url)
    ctx.add_init_script(CSP_RECORDER)
    page = ctx.new_page()
    console_csp: list[str] = []
    page.on(
        "console",
        lambda m: console_csp.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(portal_url)
    poll(lambda: events(page, "plan", "itb-flex:ready"), READY_TIMEOUT_S, "the widget's ready")
    frame = page.frame_locator("#plan iframe")
    widget = next(f for f in page.frames if f.url.startswith(site_url + "embed/"))
    yield page, frame, widget, log
    for f in page.frames:
        if f.url.startswith("http"):
            assert f.evaluate("window.__cspViolations || []") == [], f.url
    assert console_csp == []


# ---- The embed page itself ----


def test_embed_page_sends_its_csp_as_a_header_and_a_meta_copy(site_url: str):
    """The header (from _headers) is the policy; the page repeats it without frame-ancestors."""
    with urlopen(site_url + "embed/") as response:
        header = response.headers["Content-Security-Policy"]
        page = response.read().decode("utf-8")
    assert header == EMBED_CSP
    assert f'<meta http-equiv="Content-Security-Policy" content="{EMBED_CSP}">' in page
    assert "frame-ancestors" not in page.split("</head>")[0].split("Content-Security-Policy")[1]
    # The static preview is in the page, before any script runs.
    assert "data-itb-static" in page
    assert "<svg" in page


def test_embed_page_runs_under_its_csp_alone(open_context, site_url: str):
    """Opened directly, the embed page's widget gets ready with no CSP violation or leak."""
    ctx, log = open_context(site_url)
    ctx.add_init_script(CSP_RECORDER)
    page = ctx.new_page()
    page.goto(site_url + "embed/")
    page.wait_for_selector(
        "[data-itb-flex][data-state=ready]", state="attached", timeout=READY_TIMEOUT_S * 1000
    )
    assert page.evaluate("window.__cspViolations") == []
    assert log.outside == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_embed_page_follows_the_system_colour_scheme(open_context, site_url: str, scheme: str):
    """Light or dark as the system prefers, the widget's own dark colours included."""
    ctx, _ = open_context(site_url)
    page = ctx.new_page()
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + "embed/")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    error_colour = page.evaluate(
        "getComputedStyle(document.querySelector('.itb-flex')).getPropertyValue('--itbf-error')"
    )
    if scheme == "light":
        assert background == "rgb(255, 255, 255)"
        assert error_colour.strip() == "#b3261e"
    else:
        assert background == "rgb(30, 33, 41)"
        assert error_colour.strip() == "#ffb4ab"


# ---- The portal page, through embed.js ----


def test_portal_loads_a_schedule_and_gets_the_check_report(portal):
    """ItbFlex.load posts the schedule; the answer is exactly `flexdose check --json`."""
    page, _, _, log = portal
    report = page.evaluate("(s) => ItbFlex.load(document.getElementById('plan'), s)", SCHEDULE)
    assert report == check_json(SCHEDULE)
    # data-schedule was loaded when the widget got ready; its report came as an event.
    first = poll(lambda: events(page, "plan", "itb-flex:report"), what="the initial report")
    assert first[0]["detail"]["report"] == check_json(INITIAL)
    assert log.outside == []


def test_portal_can_load_by_dispatching_the_load_event(portal):
    page, _, _, _ = portal
    # First the answer to data-schedule, so the next report is the one for this load.
    before = len(poll(lambda: events(page, "plan", "itb-flex:report"), what="initial report"))
    page.evaluate(
        """(s) => document.getElementById('plan').dispatchEvent(
               new CustomEvent('itb-flex:load', {detail: {schedule: s}}))""",
        SCHEDULE,
    )
    reports = poll(
        lambda: events(page, "plan", "itb-flex:report")[before:], what="the report event"
    )
    assert reports[0]["detail"]["report"] == check_json(SCHEDULE)


def test_an_edit_in_the_widget_reaches_the_portal_as_a_change_event(portal):
    """The person's edit comes out as itb-flex:change with the new document and its report."""
    page, frame, _, log = portal
    page.evaluate("(s) => ItbFlex.load(document.getElementById('plan'), s)", SCHEDULE)
    frame.locator(".itb-flex__editor [data-where='programs.everyday[1].mcg_per_day']").fill("300")
    changes = poll(
        lambda: [
            e
            for e in events(page, "plan", "itb-flex:change")
            if e["detail"]["document"]["programs"]["everyday"][1]["mcg_per_day"] == 300
        ],
        what="a change event with the edited dose",
    )
    detail = changes[-1]["detail"]
    assert detail["report"] == check_json(detail["document"])
    assert log.outside == []


def test_the_iframe_is_sized_to_the_widget(portal):
    """itb-flex:resize sets the iframe's height to the embed page's content height."""
    page, _, widget, _ = portal
    iframe = page.locator("#plan iframe")

    def settled():
        content = widget.evaluate(
            "Math.ceil(document.querySelector('[data-itb-embed]').getBoundingClientRect().height)"
        )
        height = iframe.evaluate("f => f.getBoundingClientRect().height")
        resized = iframe.evaluate("f => f.style.height") != INITIAL_HEIGHT
        return resized and abs(content - height) <= 1

    poll(settled, what="the iframe's height to match its content")
    # The attributes a portal relies on.
    attrs = iframe.evaluate("f => [f.title, f.getAttribute('loading'), f.getAttribute('sandbox')]")
    assert attrs == [
        "ITB Flex: flex-dosing preview",
        "lazy",
        "allow-scripts allow-same-origin allow-downloads allow-modals",
    ]


def test_messages_from_another_window_are_ignored(portal, site_url: str):
    """A frame that is not the widget can neither speak for it nor give it a schedule."""
    page, _, widget, _ = portal
    intruder = next(f for f in page.frames if f.url.endswith("/intruder.html"))
    poll(lambda: events(page, "plan", "itb-flex:report"), what="the data-schedule report")
    reports_before = len(events(page, "plan", "itb-flex:report"))
    height_before = page.locator("#plan iframe").evaluate("f => f.style.height")
    shown = "[data-itb-flex] .itb-flex__editor [data-where^='programs.']"
    where_before = widget.eval_on_selector_all(shown, "els => els.map((e) => e.dataset.where)")
    assert where_before
    assert all(w.startswith("programs.constant") for w in where_before)
    intruder.evaluate(
        """(schedule) => {
            // To the loader: fake messages from a window that is not the widget's iframe.
            parent.postMessage({type: "itb-flex:report", report: {valid: true}}, "*");
            parent.postMessage({type: "itb-flex:resize", height: 50}, "*");
            parent.postMessage({type: "itb-flex:change", document: {}, report: {}}, "*");
            // To the widget: a load from a window that is not its parent.
            const widget = parent.document.querySelector("#plan iframe").contentWindow;
            widget.postMessage({type: "itb-flex:load", schedule}, "*");
        }""",
        SCHEDULE,
    )
    page.wait_for_timeout(1500)  # what should not happen would have happened by now
    raw = page.evaluate("window.rawMessages.map((m) => m.type)")
    assert "itb-flex:resize" in raw  # sent, and...
    assert "itb-flex:change" in raw
    assert len(events(page, "plan", "itb-flex:report")) == reports_before  # ...ignored
    assert events(page, "plan", "itb-flex:change") == []
    assert page.locator("#plan iframe").evaluate("f => f.style.height") == height_before
    # The widget still shows the portal's schedule, not the intruder's.
    where_after = widget.eval_on_selector_all(shown, "els => els.map((e) => e.dataset.where)")
    assert where_after == where_before


def test_messages_from_the_widget_frame_on_another_origin_are_ignored(portal, portal_url: str):
    """The right window with the wrong origin (the iframe navigated away) is ignored too."""
    page, _, _, _ = portal
    # A second widget, whose iframe goes to a page of the portal's origin before it loads.
    page.evaluate("ItbFlex.mount(document.getElementById('other'))")
    other = page.locator("#other iframe")
    # Eager: a lazy iframe far down the page would not load at all.
    other.evaluate(
        "(f, url) => { f.loading = 'eager'; f.src = url; }", portal_url + "imposter.html"
    )
    portal_origin = portal_url.rstrip("/")
    poll(
        lambda: page.evaluate(
            "(o) => window.rawMessages.some((m) => m.origin === o && m.type === 'itb-flex:ready')",
            portal_origin,
        ),
        what="the imposter's messages (sent from the widget's own iframe)",
    )
    page.wait_for_timeout(500)
    assert events(page, "other", "itb-flex:ready") == []
    assert events(page, "other", "itb-flex:report") == []
    assert other.evaluate("f => f.style.height") == INITIAL_HEIGHT
