"""The portal embed: embed/ framed by a portal page on another *site*, through embed.js or raw.

Two loopback servers: the built site (the widget host, with its `_headers`) on 127.0.0.1, and a
portal folder served as http://localhost:PORT/. localhost and 127.0.0.1 are different sites, as
a portal and a widget host are: inside the frame Chromium refuses storage (third-party storage
is blocked), which is where the embed used to fail. The portal page has a strict CSP of its own,
exactly what the portal-teams page tells portals to add (plus frame-src 'self' for the test's
intruder frame), so the snippet is tested as documented.

Every report is compared with what `flexdose check --json` prints for the same document; the
`json` text of an answer must be that output byte for byte.
"""

from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import flexdose
import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
PORTALS_DOC = ROOT / "docs" / "portals.md"
# The CLI of the venv running the tests (.venv/bin/flexdose under `make test`).
FLEXDOSE = Path(sys.executable).parent / "flexdose"
# Cold start measured at 2.2-2.6 s (RUNTIME.md §4); a loaded CI machine gets ten times that.
READY_TIMEOUT_S = 60
EVENT_TIMEOUT_S = 20
FLOOD_TIMEOUT_S = 240
FLOOD_LOADS = 1000
# The loader's height before the widget reports its own (embed.js INITIAL_HEIGHT_PX).
INITIAL_HEIGHT = "640px"
READY = "[data-itb-flex][data-state=ready]"

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


def plan(dose: float, title: str | None = None) -> dict:
    """A one-step schedule; doses as floats, so a report has 500.0 where JavaScript says 500."""
    doc: dict = {"format": "itb-flex/1", "programs": {"everyday": [{"start": "00:00"}]}}
    doc["programs"]["everyday"][0]["mcg_per_day"] = dose
    if title is not None:
        doc["title"] = title
    return doc


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
<div id="other" data-loading="eager" data-src="{w}/embed/?frame=other"></div>
<div id="silent" data-src="silent.html"></div>
<iframe id="intruder" src="intruder.html" title="Another frame on the portal"></iframe>
<script src="portal.js"></script>
<script src="{w}/embed/embed.js"></script>
</body>
</html>
"""
# A read-only preview at the top, and a lazy one far below the fold.
OPTIONS_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Fixture: read-only and lazy previews</title>
<link rel="icon" href="data:,">
</head>
<body>
<div id="ro" data-itb-flex data-readonly data-loading="eager" data-src="{w}/embed/"></div>
<div class="spacer"></div>
<div id="far" data-itb-flex data-src="{w}/embed/"></div>
<script src="portal.js"></script>
<script src="options.js"></script>
<script src="{w}/embed/embed.js"></script>
</body>
</html>
"""
# The embed in Spanish: data-lang on an English portal, and a Spanish portal without data-lang.
SPANISH_PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>Fixture: a portal that shows the preview in Spanish</title>
<link rel="icon" href="data:,">
</head>
<body>
<div id="plan" data-itb-flex {attr} data-loading="eager" data-src="{w}/embed/"></div>
<script src="portal.js"></script>
<script src="{w}/embed/embed.js"></script>
</body>
</html>
"""
OPTIONS_JS = 'document.querySelector(".spacer").style.height = "6000px";\n'
# Records every itb-flex event the loader dispatches, and every message the page receives (so a
# test can tell "ignored" from "never sent"). A file: the portal's CSP allows no inline script.
PORTAL_JS = """\
"use strict";
window.itbEvents = [];
window.rawMessages = [];
window.addEventListener("message", (event) => {
    window.rawMessages.push({ origin: event.origin, type: event.data && event.data.type });
});
for (const type of ["itb-flex:ready", "itb-flex:report", "itb-flex:error", "itb-flex:change"]) {
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
# What a long-task observer in the widget's frame saw (the longest main-thread task, in ms).
LONG_TASKS = """() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
            window.__longest = Math.max(window.__longest, e.duration);
        }
    }).observe({ type: "longtask" });
}"""


def cli_text(text: str, *options: str) -> subprocess.CompletedProcess[str]:
    """`flexdose check --json [options]` of text, as standard input."""
    return subprocess.run(
        [str(FLEXDOSE), "check", "--json", *options, "-"],
        input=text,
        capture_output=True,
        text=True,
        check=False,
    )


def cli(document: object, *options: str) -> subprocess.CompletedProcess[str]:
    return cli_text(json.dumps(document), *options)


def check_json(document: object, *options: str) -> dict:
    """What `flexdose check --json` prints for document (the portal's reference answer)."""
    proc = cli(document, *options)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def cli_refusal(document: object) -> str:
    """The sentence `flexdose check` stops with for a document it cannot read, written as
    embed.js writes it (JSON.stringify: no spaces), so that line and column agree."""
    return cli_refusal_text(json.dumps(document, separators=(",", ":")))


def cli_refusal_text(text: str) -> str:
    """The sentence `flexdose check` stops with for text it cannot read."""
    proc = cli_text(text)
    assert proc.returncode == 2, proc.stdout
    return proc.stderr.strip().removeprefix("flexdose: standard input: ")


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


def widget_frame(page, site_url: str, index: int = 0):
    frames = [f for f in page.frames if f.url.startswith(site_url + "embed/")]
    return frames[index]


def shown_title(frame) -> str:
    """The title field of the widget in frame, once its picture is current."""
    poll(
        lambda: frame.evaluate(
            "!document.querySelector('[data-itb-flex]').hasAttribute('data-busy')"
        ),
        what="the widget's picture to be current",
    )
    return frame.locator("[data-itb-flex] .itb-flex__editor [data-where='title']").input_value()


def documented_sandbox() -> str:
    """The sandbox tokens docs/portals.md shows in its iframe snippet."""
    match = re.search(r'<iframe [^>]*sandbox="([^"]+)"', PORTALS_DOC.read_text("utf-8"))
    assert match, "docs/portals.md shows no <iframe ... sandbox=...> snippet"
    return match.group(1)


# ---- Fixtures ----


@pytest.fixture(scope="session")
def portal_url(site_url: str, tmp_path_factory: pytest.TempPathFactory):
    """The portal pages on http://localhost:PORT/: another site than the widget's 127.0.0.1."""
    from serve import serve_in_thread

    widget_origin = site_url.rstrip("/")
    folder: Path = tmp_path_factory.mktemp("portal")
    page = PORTAL_PAGE.format(w=widget_origin, initial=json.dumps(INITIAL))
    (folder / "index.html").write_text(page, "utf-8")
    (folder / "options.html").write_text(OPTIONS_PAGE.format(w=widget_origin), "utf-8")
    (folder / "options.js").write_text(OPTIONS_JS, "utf-8")
    spanish = {"data-lang.html": ("en", 'data-lang="es"'), "portal-es.html": ("es-MX", "")}
    for name, (lang, attr) in spanish.items():
        page_html = SPANISH_PAGE.format(w=widget_origin, lang=lang, attr=attr)
        (folder / name).write_text(page_html, "utf-8")
    (folder / "portal.js").write_text(PORTAL_JS, "utf-8")
    (folder / "intruder.html").write_text(INTRUDER_PAGE, "utf-8")
    (folder / "silent.html").write_text(INTRUDER_PAGE, "utf-8")
    (folder / "imposter.html").write_text(IMPOSTER_PAGE, "utf-8")
    (folder / "imposter.js").write_text(IMPOSTER_JS, "utf-8")
    for name in ("parent.html", "parent.js"):
        shutil.copy(FIXTURES / name, folder / name)
    server, url = serve_in_thread(folder)
    yield url.replace("127.0.0.1", "localhost")
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
    widget = widget_frame(page, site_url)
    yield page, frame, widget, log
    for f in page.frames:
        if f.url.startswith("http"):
            assert f.evaluate("window.__cspViolations || []") == [], f.url
    assert console_csp == []


@pytest.fixture
def raw_parent(open_context, site_url: str, portal_url: str):
    """Factory: parent.html on the portal's site framing a widget page, speaking raw messages."""

    def _open(path: str = "embed/", sandbox: str | None = None):
        ctx, log = open_context(portal_url, site_url)
        page = ctx.new_page()
        query = f"src={quote(site_url + path, safe='')}"
        if sandbox is not None:
            query += f"&sandbox={quote(sandbox)}"
        page.goto(f"{portal_url}parent.html?{query}")
        return page, log

    return _open


def received(page, type_: str | None = None) -> list[dict]:
    return page.evaluate("(t) => window.received.filter((m) => t === null || m.type === t)", type_)


# ---- The embed page itself ----


def test_embed_page_runs_on_pyscript_when_opened_on_its_own_site(open_context, site_url: str):
    """Opened directly (storage allowed), the embed's widget starts on PyScript, CSP-clean."""
    ctx, log = open_context(site_url)
    ctx.add_init_script(CSP_RECORDER)
    page = ctx.new_page()
    page.goto(site_url + "embed/")
    page.wait_for_selector(READY, state="attached", timeout=READY_TIMEOUT_S * 1000)
    assert page.get_attribute("[data-itb-flex]", "data-itb-engine") == "pyscript"
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
    # The colours as used inside the widget (light-dark() resolves where it is used).
    used = page.evaluate(
        """() => {
            const probe = document.createElement("span");
            document.querySelector(".itb-flex").appendChild(probe);
            const colour = (name) => {
                probe.style.color = `var(${name})`;
                return getComputedStyle(probe).color;
            };
            const colours = [colour("--itbf-error"), colour("--fd-text")];
            probe.remove();
            return colours;
        }"""
    )
    if scheme == "light":
        assert background == "rgb(255, 255, 255)"
        assert used == ["rgb(179, 38, 30)", "rgb(31, 35, 40)"]  # #b3261e, #1f2328
    else:
        assert background == "rgb(30, 33, 41)"
        assert used == ["rgb(255, 180, 171)", "rgb(230, 232, 238)"]  # #ffb4ab, #e6e8ee


# ---- Across sites: storage refused, the widget starts anyway ----


def test_the_cross_site_frame_is_refused_storage_and_the_widget_starts_anyway(
    portal, site_url: str
):
    """The portal on localhost, the widget on 127.0.0.1: Chromium blocks the frame's storage
    (as it does for third-party frames), and the widget runs on its own Pyodide worker."""
    page, _, widget, log = portal
    storage = widget.evaluate(
        """async () => {
            const refused = async (f) => {
                try { await f(); return false; } catch { return true; }
            };
            return {
                indexedDB: await refused(() => indexedDB.databases()),
                localStorage: await refused(() => window.localStorage.length),
                caches: await refused(() => caches.keys()),
            };
        }"""
    )
    assert storage == {"indexedDB": True, "localStorage": True, "caches": True}
    assert widget.get_attribute("[data-itb-flex]", "data-itb-engine") == "worker"
    assert widget.get_attribute("[data-itb-flex]", "data-state") == "ready"
    # That worker restores the same snapshot as the site's (a fallback would have warned).
    assert [u for u in log.urls if u.endswith("/pyodide-snapshot.bin")]
    # The sandbox is exactly what the portal page documents.
    sandbox = page.locator("#plan iframe").get_attribute("sandbox")
    assert sandbox == documented_sandbox()
    assert log.outside == []


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


def test_the_reports_json_text_is_the_clis_output_byte_for_byte(portal):
    """500.0 stays 500.0: the answer's json field is what `flexdose check --json` prints."""
    page, _, _, _ = portal
    doc = plan(500.0, "Floats stay floats")
    page.evaluate("(s) => ItbFlex.load(document.getElementById('plan'), s)", doc)
    answer = next(
        e["detail"]
        for e in events(page, "plan", "itb-flex:report")
        if e["detail"]["report"]["summary"]["title"] == "Floats stay floats"
    )
    assert answer["json"] == cli(doc).stdout
    assert '"mean_daily_mcg": 500.0' in answer["json"]


def test_loads_sent_at_once_before_ready_each_resolve_with_their_own_report(
    open_context, site_url: str, portal_url: str
):
    """data-schedule and three loads sent straight away: each answer is its own schedule's, and
    the widget ends up showing the last one."""
    ctx, _ = open_context(portal_url, site_url)
    page = ctx.new_page()
    page.goto(portal_url)
    docs = [plan(d, f"Plan {d}") for d in (450.0, 300.0, 620.0)]
    reports = page.evaluate(
        "(docs) => Promise.all(docs.map((d) => ItbFlex.load(document.getElementById('plan'), d)))",
        docs,
    )
    for doc, report in zip(docs, reports, strict=True):
        assert report == check_json(doc), doc["title"]
    initial = events(page, "plan", "itb-flex:report")[0]["detail"]["report"]
    assert initial == check_json(INITIAL)
    assert shown_title(widget_frame(page, site_url)) == "Plan 620.0"


def test_a_refused_load_rejects_and_the_next_load_still_resolves(portal, site_url: str):
    """Over the nesting limit: rejected with the CLI's own sentence, the picture keeps the
    schedule before it and says so; a cycle is refused too; the next load is answered."""
    page, _, widget, _ = portal
    first = plan(410.0, "Before the refused one")
    assert page.evaluate(
        "(s) => ItbFlex.load(document.getElementById('plan'), s)", first
    ) == check_json(first)
    deep: object = {}
    for _ in range(40):
        deep = {"a": deep}
    outcome = page.evaluate(
        """async (s) => {
            try { await ItbFlex.load(document.getElementById('plan'), s); return null; }
            catch (e) { return {name: e.name, reason: e.reason}; }
        }""",
        deep,
    )
    assert outcome == {"name": "ItbFlexError", "reason": cli_refusal(deep)}
    error_event = events(page, "plan", "itb-flex:error")[-1]["detail"]
    assert error_event["reason"] == cli_refusal(deep)
    message = widget.locator("[data-itb-flex] [data-itb-message]")
    assert cli_refusal(deep) in message.inner_text()
    assert shown_title(widget) == "Before the refused one"
    cyclic = page.evaluate(
        """async () => {
            const s = {programs: {}}; s.self = s;
            try { await ItbFlex.load(document.getElementById('plan'), s); return null; }
            catch (e) { return e.reason; }
        }"""
    )
    assert "JSON" in cyclic
    after = plan(380.0, "After the refused one")
    assert page.evaluate(
        "(s) => ItbFlex.load(document.getElementById('plan'), s)", after
    ) == check_json(after)
    assert shown_title(widget) == "After the refused one"
    assert not message.is_visible()


DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
BROKEN = {
    "late-start": {"programs": {"a": [{"start": "01:00", "mcg_per_day": 500}]}},
    "unknown-program": {
        "programs": {
            "a": [{"start": "00:00", "mcg_per_day": 500}],
            "b": [{"start": "00:00", "mcg_per_hour": 20}],
        },
        "week": dict(zip(DAYS, ["a", "b", "c", "a", "a", "a", "a"], strict=True)),
    },
    "unknown-field": {"programs": {"é plan": [{"start": "00:00", "mcg_per_day": 500, "x": 1}]}},
}


def test_schedules_with_errors_get_the_clis_report_and_a_non_schedule_is_refused(portal):
    """A schedule with errors is shown with its findings (the CLI's report); a value that is not
    a schedule object is refused with flexdose's sentence for it."""
    page, _, _, _ = portal
    for name, doc in BROKEN.items():
        report = page.evaluate("(s) => ItbFlex.load(document.getElementById('plan'), s)", doc)
        assert report == check_json(doc), name
        assert report["findings"][0]["severity"] != "info", name
    reason = page.evaluate(
        """async () => {
            try { await ItbFlex.load(document.getElementById('plan'), "hello"); return null; }
            catch (e) { return e.reason; }
        }"""
    )
    assert reason == check_json("hello")["findings"][0]["message"]


def test_a_schedule_too_large_to_draw_is_refused_with_the_clis_sentence(portal):
    """10,000 steps (within the size limit): the CLI reports schedule-too-large as its one
    error; the widget, which could not draw a form for it, refuses it with that sentence and
    keeps the frame responsive. Prints the longest main-thread task in the frame."""
    page, _, widget, _ = portal
    widget.evaluate(LONG_TASKS)
    steps = [{"start": "00:00", "mcg_per_day": 100 + i % 50} for i in range(10_000)]
    doc = {"programs": {"everyday": steps}}
    expected = check_json(doc)["findings"][0]
    assert expected["code"] == "schedule-too-large"
    reason = page.evaluate(
        """async (s) => {
            try { await ItbFlex.load(document.getElementById('plan'), s); return null; }
            catch (e) { return e.reason; }
        }""",
        doc,
    )
    assert reason == expected["message"]
    longest = widget.evaluate("window.__longest")
    print(f"\n10,000-step load: refused; longest main-thread task in the frame {longest:.0f} ms")


def test_portal_can_load_by_dispatching_the_load_event(portal):
    page, _, _, _ = portal
    page.evaluate(
        """(s) => document.getElementById('plan').dispatchEvent(
               new CustomEvent('itb-flex:load', {detail: {schedule: s}}))""",
        SCHEDULE,
    )
    reports = poll(
        lambda: [
            e
            for e in events(page, "plan", "itb-flex:report")
            if e["detail"]["report"]["summary"]
            and e["detail"]["report"]["summary"]["title"] == SCHEDULE["title"]
        ],
        what="the report event",
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
    attrs = iframe.evaluate("f => [f.title, f.getAttribute('loading'), f.getAttribute('sandbox')]")
    assert attrs == ["ITB Flex: flex-dosing preview", "lazy", documented_sandbox()]


def test_messages_from_another_window_are_ignored(portal, site_url: str):
    """A frame that is not the widget can neither speak for it nor give it a schedule."""
    page, _, widget, _ = portal
    intruder = next(f for f in page.frames if f.url.endswith("/intruder.html"))
    poll(lambda: events(page, "plan", "itb-flex:report"), what="the data-schedule report")
    reports_before = len(events(page, "plan", "itb-flex:report"))
    height_before = page.locator("#plan iframe").evaluate("f => f.style.height")
    intruder.evaluate(
        """(schedule) => {
            // To the loader: fake messages from a window that is not the widget's iframe.
            parent.postMessage({type: "itb-flex:report", id: "itbf-1", report: {valid: true}}, "*");
            parent.postMessage({type: "itb-flex:resize", height: 50}, "*");
            parent.postMessage({type: "itb-flex:change", document: {}, report: {}}, "*");
            // To the widget: a load from a window that is not its parent.
            const widget = parent.document.querySelector("#plan iframe").contentWindow;
            widget.postMessage({type: "itb-flex:load", id: "x", schedule}, "*");
        }""",
        SCHEDULE,
    )
    # A real load after the fakes: once it is answered, the fakes have been dealt with too.
    marker = plan(333.0, "After the intruder")
    assert page.evaluate(
        "(s) => ItbFlex.load(document.getElementById('plan'), s)", marker
    ) == check_json(marker)
    raw = page.evaluate("window.rawMessages.map((m) => m.type)")
    assert "itb-flex:resize" in raw  # sent, and...
    assert "itb-flex:change" in raw
    assert len(events(page, "plan", "itb-flex:report")) == reports_before + 1  # ...ignored
    assert events(page, "plan", "itb-flex:change") == []
    assert page.locator("#plan iframe").evaluate("f => f.style.height") != "120px"
    assert height_before
    # The widget shows the portal's schedule, never the intruder's.
    assert shown_title(widget) == "After the intruder"


def test_messages_from_the_widget_frame_on_another_origin_are_ignored(portal, portal_url: str):
    """The right window with the wrong origin (the iframe navigated away) is ignored too."""
    page, _, _, _ = portal
    # The frame's first page is a silent one on the widget's own origin: the real embed would
    # send its own resize as soon as it is laid out, racing the navigation below, and a height
    # it set legitimately would say nothing about the imposter's.
    page.route(
        "**/embed/?frame=other",
        lambda route: route.fulfill(
            body="<!doctype html><title>Silent</title>", content_type="text/html"
        ),
    )
    page.evaluate("ItbFlex.mount(document.getElementById('other'))")
    other = page.locator("#other iframe")
    # Eager (data-loading), and in view: a lazy frame pushed below the fold would never load.
    other.scroll_into_view_if_needed()
    other.evaluate("(f, url) => { f.src = url; }", portal_url + "imposter.html")
    portal_origin = portal_url.rstrip("/")
    poll(
        lambda: page.evaluate(
            "(o) => window.rawMessages.filter((m) => m.origin === o).length >= 3",
            portal_origin,
        ),
        what="the imposter's messages (sent from the widget's own iframe)",
    )
    assert events(page, "other", "itb-flex:ready") == []
    assert events(page, "other", "itb-flex:report") == []
    assert other.evaluate("f => f.style.height") == INITIAL_HEIGHT


def test_a_load_that_gets_no_answer_rejects_after_the_timeout(portal):
    """A frame that never answers (here a page that is not the widget): the promise rejects."""
    page, _, _, _ = portal
    outcome = page.evaluate(
        """async (s) => {
            const el = document.getElementById('silent');
            try { await ItbFlex.load(el, s, {timeoutMs: 500}); return null; }
            catch (e) { return {name: e.name, reason: e.reason}; }
        }""",
        SCHEDULE,
    )
    assert outcome["name"] == "ItbFlexError"
    assert "did not answer within" in outcome["reason"]
    assert page.evaluate("ItbFlex.timeoutMs") == 60_000  # the documented default


# ---- Portal options: read-only, eager, lazy ----


def test_readonly_shows_the_portals_schedule_without_an_editor(
    open_context, site_url: str, portal_url: str
):
    ctx, _ = open_context(portal_url, site_url)
    page = ctx.new_page()
    page.goto(portal_url + "options.html")
    doc = plan(700.0, "Read-only plan")
    report = page.evaluate("(s) => ItbFlex.load(document.getElementById('ro'), s)", doc)
    assert report == check_json(doc)
    ro = widget_frame(page, site_url, 0)
    assert "mode=readonly" in ro.url
    poll(
        lambda: ro.evaluate("!document.querySelector('[data-itb-flex]').hasAttribute('data-busy')"),
        what="the read-only picture",
    )
    assert ro.locator(".itb-flex__editor").count() == 0
    assert ro.locator(".itb-flex__actions, .itb-flex__compare").count() == 0
    assert ro.locator(".itb-flex__readonly-note").is_visible()
    assert "700" in ro.locator(".itb-flex__glance").inner_text()
    # The safety notice stays in view where doses are shown.
    assert ro.locator(".itb-flex__glance .itb-flex__safety").is_visible()
    # A finding's location is plain text: there is no field to go to.
    broken = BROKEN["late-start"]
    assert page.evaluate(
        "(s) => ItbFlex.load(document.getElementById('ro'), s)", broken
    ) == check_json(broken)
    poll(
        lambda: ro.locator(".itb-flex__side .fd-place").count() > 0,
        what="the findings with their places",
    )
    assert ro.locator("button.fd-goto").count() == 0
    assert "Go to the field" not in ro.locator("[data-itb-flex]").inner_text()
    assert ro.locator(".itb-flex__side .fd-place").first.inner_text().strip().startswith("(")


def test_a_load_on_a_lazy_frame_below_the_fold_resolves_without_scrolling(
    open_context, site_url: str, portal_url: str
):
    """loading="lazy" is the default; a load() call makes the frame load at once."""
    ctx, _ = open_context(portal_url, site_url)
    page = ctx.new_page()
    page.goto(portal_url + "options.html")
    far = page.locator("#far iframe")
    assert far.get_attribute("loading") == "lazy"
    doc = plan(250.0, "Far below")
    report = page.evaluate("(s) => ItbFlex.load(document.getElementById('far'), s)", doc)
    assert report == check_json(doc)
    assert page.evaluate("window.scrollY") == 0
    assert far.get_attribute("loading") == "eager"


# ---- The raw protocol: handshake, ids, older portals ----


def test_a_parent_that_never_introduced_itself_gets_nothing_holding_the_document(
    raw_parent, site_url: str
):
    """A page on another site frames the embed and only listens: the person types, and it gets
    no change. After a hello, the same typing reaches it."""
    page, _ = raw_parent()
    poll(lambda: received(page, "itb-flex:ready"), READY_TIMEOUT_S, "the widget's ready")
    widget = widget_frame(page, site_url)
    title = widget.locator("[data-itb-flex] .itb-flex__editor [data-where='title']")
    updates = int(widget.get_attribute("[data-itb-flex]", "data-updates") or 0)
    title.fill("Typed before any hello")
    # A change is posted before the widget counts the edit as drawn (widget.js), so once the
    # count has moved and the widget is idle, whatever the edit sent is on its way.
    poll(
        lambda: widget.evaluate(
            """(n) => {
                const root = document.querySelector('[data-itb-flex]');
                return Number(root.dataset.updates || 0) > n && !root.hasAttribute('data-busy');
            }""",
            updates,
        ),
        what="the edit to be drawn",
    )
    # The hello's answer comes after it: messages from one window to another arrive in the
    # order they were sent, and the widget handles its messages in order (contract.js). So
    # every message before that second ready is all the edit produced, in flight or not.
    page.evaluate("window.send({type: 'itb-flex:hello'})")
    poll(lambda: len(received(page, "itb-flex:ready")) >= 2, what="ready again after hello")
    messages = received(page)
    second_ready = [i for i, m in enumerate(messages) if m["type"] == "itb-flex:ready"][1]
    before = messages[:second_ready]
    assert all("document" not in m and "report" not in m for m in before), before
    assert {m["type"] for m in before} <= {"itb-flex:ready", "itb-flex:resize"}
    title.fill("Typed after the hello")
    change = poll(
        lambda: [
            m
            for m in received(page, "itb-flex:change")
            if m["document"].get("title") == "Typed after the hello"
        ],
        what="the change after the hello",
    )
    assert change[-1]["report"] == check_json(change[-1]["document"])


def test_id_less_loads_from_an_older_portal_are_answered_in_order(raw_parent):
    """A portal that frames the embed itself and sends no ids pairs answers by order."""
    page, log = raw_parent(sandbox=documented_sandbox())
    poll(lambda: received(page, "itb-flex:ready"), READY_TIMEOUT_S, "the widget's ready")
    docs = [plan(d, f"Old portal {d}") for d in (120.0, 240.0, 360.0)]
    page.evaluate(
        "(docs) => docs.forEach((d) => window.send({type: 'itb-flex:load', schedule: d}))", docs
    )
    answers = poll(
        lambda: (r := received(page, "itb-flex:report")) and len(r) >= 3 and r,
        what="three reports",
    )
    assert [a["report"] for a in answers] == [check_json(d) for d in docs]
    assert all("id" not in a for a in answers)
    # With ids, and JSON text instead of an object (what embed.js sends).
    page.evaluate(
        "(d) => window.send({type: 'itb-flex:load', id: 7, json: JSON.stringify(d)})", docs[0]
    )
    with_id = poll(lambda: [m for m in received(page, "itb-flex:report") if m.get("id") == 7])
    assert with_id[0]["json"] == cli(docs[0]).stdout
    page.evaluate("window.send({type: 'itb-flex:load', id: 'bad', json: '{\"a\": NaN}'})")
    refused = poll(lambda: [m for m in received(page, "itb-flex:error") if m.get("id") == "bad"])
    assert refused[0]["reason"] == cli_refusal_text('{"a": NaN}')
    assert log.outside == []


@pytest.mark.allow_console_errors(r"frame-ancestors 'self'", r"ERR_BLOCKED_BY_RESPONSE")
def test_the_sites_own_pages_refuse_to_be_framed_by_another_site(
    raw_parent, site_url: str, browser_errors
):
    """/flex-dosing/ sends frame-ancestors 'self': a page on another site cannot frame it."""
    page, _ = raw_parent("flex-dosing/")
    target = site_url + "flex-dosing/"
    # The browser's own verdict: the response is blocked (the frame's URL, chrome-error:// or
    # the page's own, depends on when Playwright hears of the error page, so it proves nothing).
    poll(
        lambda: any("ERR_BLOCKED_BY_RESPONSE" in e and target in e for e in browser_errors.errors),
        what="the browser to block the framed response",
    )
    children = [f for f in page.frames if f is not page.main_frame]
    assert children, "parent.html holds no frame"
    for frame in children:
        # Nothing of the site ran in the frame: no widget, no site script.
        assert not frame.evaluate("!!document.querySelector('[data-itb-flex], .md-header')")


# ---- A flood of loads ----


def test_a_flood_of_loads_is_answered_in_id_order_each_with_its_own_report(portal, site_url: str):
    """1,000 loads at once: every one resolves with its own report, in the order of their ids,
    and the picture ends on the last. Prints the longest main-thread task in the frame."""
    page, _, widget, _ = portal
    widget.evaluate(LONG_TASKS)
    today = datetime.date.today()
    docs = [plan(100.0 + i, f"Flood {i}") for i in range(FLOOD_LOADS)]
    started = time.perf_counter()
    page.evaluate(
        """(docs) => {
            window.__flood = null;
            const el = document.getElementById('plan');
            Promise.all(docs.map((d) => ItbFlex.load(el, d))).then((r) => { window.__flood = r; });
        }""",
        docs,
    )
    poll(lambda: page.evaluate("window.__flood !== null"), FLOOD_TIMEOUT_S, "the flood's answers")
    elapsed = time.perf_counter() - started
    answers = [
        e["detail"]
        for e in events(page, "plan", "itb-flex:report")
        if ((e["detail"]["report"]["summary"] or {}).get("title") or "").startswith("Flood ")
    ]
    ids = [int(a["id"].removeprefix("itbf-")) for a in answers]
    assert len(ids) == FLOOD_LOADS
    assert ids == sorted(ids)
    for doc, answer in zip(docs, answers, strict=True):
        assert answer["json"] == flexdose.report_json(flexdose.check(doc, today=today))
    assert shown_title(widget) == f"Flood {FLOOD_LOADS - 1}"
    longest = widget.evaluate("window.__longest")
    print(
        f"\nflood: {FLOOD_LOADS} loads answered in {elapsed:.1f} s; "
        f"longest main-thread task in the frame {longest:.0f} ms"
    )


# ---- The worked example of the portal-teams page, run as written ----

EXAMPLE_HOST = "https://widgets.example.org"
EXAMPLE_EMBED = f"{EXAMPLE_HOST}/itb-flex/embed/"


def worked_example(name: str) -> str:
    """The code block after `<!-- worked example: NAME -->` in docs/portals.md."""
    text = PORTALS_DOC.read_text("utf-8")
    match = re.search(
        rf"<!-- worked example: {re.escape(name)} -->\s*```\w*\n(.*?)\n```", text, re.S
    )
    assert match, f"docs/portals.md has no worked example {name}"
    return match.group(1) + "\n"


def test_the_documented_worked_example_runs_across_sites(
    open_context, site_url: str, tmp_path_factory: pytest.TempPathFactory
):
    """docs/portals.md's example portal page, with only the widget's address changed, on
    another site: it shows the plan's total, and the reader's edit reaches it."""
    from serve import serve_in_thread

    folder = tmp_path_factory.mktemp("worked-example")
    origin = site_url.rstrip("/")
    page_html = worked_example("portal.html")
    assert EXAMPLE_EMBED in page_html
    page_html = page_html.replace(EXAMPLE_EMBED, f"{site_url}embed/")
    page_html = page_html.replace(EXAMPLE_HOST, origin)
    (folder / "index.html").write_text(page_html, "utf-8")
    (folder / "portal.js").write_text(worked_example("portal.js"), "utf-8")
    server, url = serve_in_thread(folder)
    try:
        portal = url.replace("127.0.0.1", "localhost")
        ctx, log = open_context(portal, site_url)
        ctx.add_init_script(CSP_RECORDER)
        page = ctx.new_page()
        page.goto(portal)
        status = page.locator("#status")
        poll(
            lambda: status.inner_text() != "Loading the preview…",
            READY_TIMEOUT_S,
            "the example's status line",
        )
        plan_doc = page.evaluate("plan")
        total = check_json(plan_doc)["summary"]["mean_daily_mcg"]
        shown = int(total) if float(total).is_integer() else total
        assert status.inner_text() == f"The plan gives {shown} mcg a day."
        widget = widget_frame(page, site_url)
        assert widget.get_attribute("[data-itb-flex]", "data-itb-engine") == "worker"
        widget.locator(
            "[data-itb-flex] .itb-flex__editor [data-where='programs.everyday[1].mcg_per_day']"
        ).fill("380")
        latest = poll(
            lambda: (
                (d := page.evaluate("window.latest"))
                and d["document"]["programs"]["everyday"][1]["mcg_per_day"] == 380
                and d
            ),
            what="the reader's change in window.latest",
        )
        assert latest["report"] == check_json(latest["document"])
        assert page.evaluate("window.__cspViolations") == []
        assert log.outside == []
    finally:
        server.shutdown()


# ---- The embed in Spanish (data-lang, or the portal's own language) ----

# A schedule with an error and a warning, so the report has messages to be in Spanish.
SPANISH_CHECK = {
    "programs": {
        "day": [{"start": "00:00", "mcg_per_day": 0}, {"start": "25:00", "mcg_per_day": 300}]
    }
}


@pytest.mark.parametrize("portal_page", ["data-lang.html", "portal-es.html"])
def test_the_embed_speaks_spanish_across_sites(
    open_context, site_url: str, portal_url: str, portal_page: str
):
    """data-lang="es" on an English portal, or a Spanish portal page without it: the frame is
    embed/es/ (lang es), the widget's words are Spanish, and ItbFlex.load's report is `flexdose
    check --json --lang es`: the same codes and places as English, the messages in Spanish."""
    from flexdose.widget_text import labels

    ctx, log = open_context(portal_url, site_url)
    page = ctx.new_page()
    page.goto(portal_url + portal_page)
    poll(lambda: events(page, "plan", "itb-flex:ready"), READY_TIMEOUT_S, "the widget's ready")
    frame = widget_frame(page, site_url)
    assert frame.url.startswith(site_url + "embed/es/"), frame.url
    assert frame.evaluate("document.documentElement.lang") == "es"
    text = frame.evaluate("document.querySelector('[data-itb-flex]').innerText")
    spanish, english = labels("es"), labels("en")
    shown = [k for k in ("editor_region", "programs_legend", "picture") if spanish[k] in text]
    assert shown, f"the widget's regions are not in Spanish: {text[:300]}"
    leaked = [
        english[k]
        for k in spanish
        if len(english[k]) > 12 and english[k] != spanish[k] and english[k] in text
    ]
    assert not leaked, f"English words in the Spanish widget: {leaked[:5]}"

    report = page.evaluate("(s) => ItbFlex.load(document.getElementById('plan'), s)", SPANISH_CHECK)
    assert report == check_json(SPANISH_CHECK, "--lang", "es")
    english_report = check_json(SPANISH_CHECK)
    assert [(f["code"], f["where"]) for f in report["findings"]] == [
        (f["code"], f["where"]) for f in english_report["findings"]
    ]
    assert [f["message"] for f in report["findings"]] != [
        f["message"] for f in english_report["findings"]
    ]
    assert frame.evaluate("document.title").startswith("ITB Flex: vista previa")
    assert log.outside == []
