"""Print figures for the portal embed across sites: ready, load-to-report latency, a load flood.

Run: `make bench` (or `.venv/bin/python bench/bench_embed.py [--runs N] [--loads N]`).
Asserts nothing about timing; exits 1 only when the embed does not work (no ready, a wrong or
missing answer, events out of order).

It builds the site (`mkdocs build --strict`, SITE_URL set to the address it is served at) into a
temporary folder and serves it with scripts/serve.py on http://127.0.0.1:PORT/. A tiny portal
page, served by a second scripts/serve.py, is opened as http://localhost:PORT2/: localhost and
127.0.0.1 are different *sites*, so inside the frame Chromium refuses third-party storage, as on
a real portal (the widget then runs on its own Pyodide worker, engine "worker"). The portal uses
the documented snippet (`<div data-itb-flex data-src=...>` + embed.js) and drives the widget
through `ItbFlex.load(el, schedule)`. Debian's Chromium, driven by Playwright.

Figures, each over --runs fresh browser contexts (median, min–max in brackets):
- ready, cold: portal navigation start to the element's itb-flex:ready (empty HTTP cache);
- ready, warm: the same on a second visit in the same context (runtime from the HTTP cache);
- load -> report: 50 sequential `await ItbFlex.load(el, doc)` with different doses, each timed in
  the portal page (median and p95 over all runs);
- flood: --loads loads fired at once (`Promise.allSettled`) until every one has settled; checks
  that the itb-flex:report events come in id order and that each report's mean daily dose is
  the one its schedule asked for;
- longest frame freeze: the longest main-thread task ('longtask') inside the widget's frame
  during the flood; and the longest in the portal page itself;
- bytes: encoded body bytes of every response from the widget host for a cold start (the
  frame's workers included), and how many requests.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from benchlib import BuildFailed, build_site, encoded_bytes, p95, spread  # noqa: E402
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402 - scripts/ is not a package
from serve import serve_in_thread  # noqa: E402

READY_TIMEOUT_MS = 120_000
SEQUENTIAL_LOADS = 50
SEQUENTIAL_BASE_MCG = 100
FLOOD_BASE_MCG = 200

PORTAL_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Bench only: a portal that embeds ITB Flex</title>
<link rel="icon" href="data:,">
</head>
<body>
<h1>Your care plan</h1>
<div id="plan" data-itb-flex data-loading="eager" data-src="{w}/embed/"></div>
<script src="portal.js"></script>
<script src="{w}/embed/embed.js"></script>
</body>
</html>
"""

# The portal's own script: when the widget said it is ready (ms since navigation start), and
# every report and error event, in arrival order.
PORTAL_JS = """\
"use strict";
window.__ready = null;
window.__reports = [];
window.__errors = [];
const plan = document.getElementById("plan");
plan.addEventListener("itb-flex:ready", () => {
    if (window.__ready === null) window.__ready = performance.now();
});
plan.addEventListener("itb-flex:report", (event) => {
    const summary = event.detail.report && event.detail.report.summary;
    window.__reports.push({ id: event.detail.id, mean: summary ? summary.mean_daily_mcg : null });
});
plan.addEventListener("itb-flex:error", (event) => {
    window.__errors.push({ id: event.detail.id, reason: event.detail.reason });
});
"""

# A long-task observer from now on (buffered, so a task already under way is not missed; tasks
# that ended before it was registered are left out). Evaluated in the frame and in the portal.
WATCH_LONG_TASKS = """() => {
    const since = performance.now();
    window.__longest = 0;
    new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
            if (e.startTime + e.duration >= since) {
                window.__longest = Math.max(window.__longest, e.duration);
            }
        }
    }).observe({ type: "longtask", buffered: true });
}"""

SEQUENTIAL = """async ([count, base]) => {
    const el = document.getElementById("plan");
    const doc = (mcg) => ({format: "itb-flex/1",
                           programs: {everyday: [{start: "00:00", mcg_per_day: mcg}]}});
    const times = [];
    const wrong = [];
    for (let i = 0; i < count; i++) {
        const t0 = performance.now();
        const report = await window.ItbFlex.load(el, doc(base + i));
        times.push(performance.now() - t0);
        const mean = report && report.summary ? report.summary.mean_daily_mcg : null;
        if (mean !== base + i) wrong.push({dose: base + i, mean});
    }
    return {times, wrong};
}"""

FLOOD = """async ([count, base]) => {
    const el = document.getElementById("plan");
    const doc = (mcg) => ({format: "itb-flex/1",
                           programs: {everyday: [{start: "00:00", mcg_per_day: mcg}]}});
    const before = window.__reports.length;
    const t0 = performance.now();
    const loads = [];
    for (let i = 0; i < count; i++) loads.push(window.ItbFlex.load(el, doc(base + i)));
    const settled = await Promise.allSettled(loads);
    const total = performance.now() - t0;
    // Let the animation frame after the last answer run, so its long task (if any) is seen.
    await new Promise(requestAnimationFrame);
    const rejected = settled.filter((s) => s.status === "rejected");
    const wrongPromise = settled.filter((s, i) =>
        s.status === "fulfilled" && !(s.value && s.value.summary
                                      && s.value.summary.mean_daily_mcg === base + i)).length;
    const events = window.__reports.slice(before);
    const ids = events.map((e) => Number(String(e.id).replace(/^itbf-/, "")));
    let inOrder = ids.length === count;
    for (let k = 1; k < ids.length; k++) if (!(ids[k] > ids[k - 1])) inOrder = false;
    // Ids are consecutive within the flood: the k-th load has the first id + k.
    const first = Math.min(...ids);
    const wrongEvent = events.filter((e, k) => e.mean !== base + (ids[k] - first)).length;
    return {
        total, count, fulfilled: settled.length - rejected.length,
        rejected: rejected.length,
        firstReason: rejected.length ? String(rejected[0].reason && rejected[0].reason.reason
                                              || rejected[0].reason) : null,
        events: events.length, inOrder, wrongPromise, wrongEvent,
    };
}"""


class BenchFailure(Exception):
    """The embed did not work; the message says what was seen."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_portal(folder: Path, widget_origin: str) -> None:
    folder.mkdir()
    (folder / "index.html").write_text(PORTAL_PAGE.format(w=widget_origin), "utf-8")
    (folder / "portal.js").write_text(PORTAL_JS, "utf-8")


def widget_frame(page, site_url: str):
    for frame in page.frames:
        if frame.url.startswith(site_url + "embed/"):
            return frame
    raise BenchFailure(f"no frame on {site_url}embed/ in the portal page")


def visit(page, portal_url: str, site_url: str, requests: list) -> dict:
    """Open the portal page and wait for itb-flex:ready; return the figures of that start."""
    requests.clear()
    page.goto(portal_url)
    try:
        page.wait_for_function("window.__ready !== null", timeout=READY_TIMEOUT_MS)
    except Exception as error:
        problem = page.evaluate(
            "() => (document.getElementById('plan') || {getAttribute: () => null})"
            ".getAttribute('data-itb-flex-error')"
        )
        raise BenchFailure(
            f"no itb-flex:ready on the portal's element within {READY_TIMEOUT_MS // 1000} s"
            + (f" (data-itb-flex-error: {problem})" if problem else "")
            + f" [{type(error).__name__}]"
        ) from None
    ready = page.evaluate("window.__ready")
    frame = widget_frame(page, site_url)
    engine = frame.get_attribute("[data-itb-flex]", "data-itb-engine")
    page.wait_for_timeout(300)  # let late responses finish before their sizes are read
    widget_requests = [r for r in requests if r.url.startswith(site_url)]
    return {
        "ready": ready,
        "engine": engine,
        "bytes": encoded_bytes(widget_requests),
        "requests": len(widget_requests),
    }


def sequential(page) -> list[float]:
    result = page.evaluate(SEQUENTIAL, [SEQUENTIAL_LOADS, SEQUENTIAL_BASE_MCG])
    if result["wrong"]:
        raise BenchFailure(f"sequential loads answered the wrong dose: {result['wrong'][:3]}")
    return result["times"]


def flood(page, site_url: str, loads: int) -> dict:
    frame = widget_frame(page, site_url)
    frame.evaluate(WATCH_LONG_TASKS)
    page.evaluate(WATCH_LONG_TASKS)
    result = page.evaluate(FLOOD, [loads, FLOOD_BASE_MCG])
    page.wait_for_timeout(100)  # the observers' callbacks run after the tasks they report
    result["frame_longest"] = frame.evaluate("window.__longest")
    result["portal_longest"] = page.evaluate("window.__longest")
    return result


def measure(browser, portal_url: str, site_url: str, runs: int, loads: int) -> dict:
    cold, warm, floods = [], [], []
    latencies: list[float] = []
    for run in range(runs):
        ctx = browser.new_context()
        requests: list = []
        ctx.on("requestfinished", lambda r, log=requests: log.append(r))
        page = ctx.new_page()
        cold.append(visit(page, portal_url, site_url, requests))
        latencies += sequential(page)
        floods.append(flood(page, site_url, loads))
        warm.append(visit(page, portal_url, site_url, requests))
        ctx.close()
        f = floods[-1]
        print(
            f"  run {run + 1}: engine {cold[-1]['engine']}, ready cold {cold[-1]['ready']:.0f} ms"
            f" / warm {warm[-1]['ready']:.0f} ms, flood {f['total']:.0f} ms",
            flush=True,
        )
    return {"cold": cold, "warm": warm, "latencies": latencies, "floods": floods}


def report(result: dict, loads: int) -> list[str]:
    """Print the table; return the problems found (empty when the embed behaved)."""
    cold, warm, lat, floods = result["cold"], result["warm"], result["latencies"], result["floods"]
    engines = sorted({str(r["engine"]) for r in cold + warm})
    print("\nPortal (localhost) framing the widget (127.0.0.1): a cross-site frame")
    print(f"  engine in the frame         {', '.join(engines)}")
    print(f"  ready, cold cache           {spread([r['ready'] for r in cold])}")
    print(f"  ready, warm cache           {spread([r['ready'] for r in warm])}")
    print(
        f"  load -> report              median {statistics.median(lat):.1f} ms, "
        f"p95 {p95(lat):.1f} ms, max {max(lat):.1f} ms over {len(lat)} loads"
    )
    print(f"  flood of {loads:,} loads, total   {spread([f['total'] for f in floods])}")
    print(f"  longest frame freeze        {spread([f['frame_longest'] for f in floods])}")
    print(f"  longest portal-page task    {spread([f['portal_longest'] for f in floods])}")
    in_order = all(f["inOrder"] for f in floods)
    right = all(f["wrongPromise"] == 0 and f["wrongEvent"] == 0 for f in floods)
    answered = all(f["fulfilled"] == loads and f["events"] == loads for f in floods)
    print(
        f"  flood answers               "
        f"{'all ' if answered else 'NOT all '}{loads:,} resolved with a report event each; "
        f"events in id order: {'yes' if in_order else 'NO'}; "
        f"mean_daily_mcg matches each dose: {'yes' if right else 'NO'}"
    )
    print(
        f"  bytes transferred, cold     {statistics.median([r['bytes'] for r in cold]):,.0f} B"
        f" in {cold[0]['requests']} requests to the widget host; "
        f"warm {statistics.median([r['bytes'] for r in warm]):,.0f} B"
    )
    problems = []
    if engines != ["worker"]:
        problems.append(f"the frame ran engine(s) {engines}, not 'worker' (storage not refused?)")
    for i, f in enumerate(floods, 1):
        if f["rejected"]:
            problems.append(
                f"run {i}: {f['rejected']} of {loads} flood loads rejected "
                f"(first reason: {f['firstReason']})"
            )
        if f["events"] != loads:
            problems.append(f"run {i}: {f['events']} report events for {loads} flood loads")
        if not f["inOrder"]:
            problems.append(f"run {i}: the flood's report events were not in id order")
        if f["wrongPromise"] or f["wrongEvent"]:
            problems.append(
                f"run {i}: wrong mean_daily_mcg in {f['wrongPromise']} resolved reports and "
                f"{f['wrongEvent']} report events"
            )
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh browser contexts")
    parser.add_argument("--loads", type=int, default=1000, help="loads in the flood")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="itb-bench-embed-") as tmp:
        port = free_port()
        site_url = f"http://127.0.0.1:{port}/"
        site = Path(tmp) / "site"
        portal = Path(tmp) / "portal"
        servers = []
        try:
            build_site(site, site_url)
            if not (site / "embed" / "embed.js").is_file():
                raise BenchFailure("the built site has no embed/embed.js")
            write_portal(portal, site_url.rstrip("/"))
            server, url = serve_in_thread(site, port=port)
            servers.append(server)
            if url != site_url:
                raise BenchFailure(f"the site is served at {url}, not {site_url}")
            server, url = serve_in_thread(portal)
            servers.append(server)
            portal_url = url.replace("127.0.0.1", "localhost")
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
                )
                print(
                    f"ITB Flex portal embed bench: {args.runs} runs, Chromium {browser.version}; "
                    f"portal {portal_url} frames {site_url}embed/ (another site: the frame is "
                    "refused storage); scripts/serve.py, no throttling"
                )
                print(
                    "Rows: ready = portal navigation start to the element's itb-flex:ready;\n"
                    f"  load -> report = one awaited ItbFlex.load() ({SEQUENTIAL_LOADS} in a row "
                    "per run);\n"
                    f"  flood = {args.loads:,} ItbFlex.load() at once until all settled; "
                    "freeze/task = longest 'longtask' during the flood;\n"
                    "  bytes = encoded response bodies from the widget host (workers included)."
                )
                try:
                    result = measure(browser, portal_url, site_url, args.runs, args.loads)
                finally:
                    browser.close()
            problems = report(result, args.loads)
        except (BenchFailure, BuildFailed) as failure:
            print(f"\nbench_embed FAILED: {failure}", file=sys.stderr)
            return 1
        finally:
            for server in servers:
                server.shutdown()
            shutil.rmtree(site, ignore_errors=True)
    if problems:
        print("\nbench_embed: the embed misbehaved:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
