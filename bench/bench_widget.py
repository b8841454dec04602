"""Print load and edit figures for the widget, beside the default main-thread PyScript way.

Run: `make bench` (or `.venv/bin/python bench/bench_widget.py [--runs N]`). Asserts nothing.

It builds the site (`mkdocs build --strict`) into a temporary folder, adds there one page for the
comparison only (PyScript's default: `<script type="py">` on the main thread, with the same local
interpreter and wheel; never part of the real site), serves it with scripts/serve.py (gzip
siblings, immutable cache for assets/runtime/) and drives Debian's Chromium with Playwright.

Figures per page, median over the runs (min–max in brackets):
- preview: first contentful paint (the static preview is part of the page's HTML);
- ready cold: a fresh browser context (empty cache) until the widget can be used;
- ready warm: a reload in the same context (runtime from the HTTP cache);
- longest task: the longest main-thread task (PerformanceObserver 'longtask') during the cold load;
- edit: edit-to-update latency (median and p95 over the edits), the time from a changed dose to
  the new picture in the page (and the next animation frame);
- bytes: encoded body bytes of every response, workers' included, cold and warm.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from benchlib import build_site, encoded_bytes, p95, spread  # noqa: E402
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402 - scripts/ is not a package
from serve import serve_in_thread  # noqa: E402

READY_TIMEOUT_MS = 120_000
EXAMPLE = "day-night"

# Collects long tasks and paints from the very start of each document.
OBSERVE = """
window.__longtasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longtasks.push(e.duration);
}).observe({type: "longtask", buffered: true});
"""

COMPARISON_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Bench only: PyScript on the main thread</title>
<link rel="stylesheet" href="/assets/itb-flex/render.css">
<link rel="stylesheet" href="/{pyscript}/core.css">
<script type="module" src="/{pyscript}/core.js"></script>
</head>
<body>
<div data-itb-flex data-state="loading">
<div id="out">{preview}</div>
</div>
<script type="py" config="./pyscript.json">
import json
import js
import flexdose
from flexdose import render
from pyscript import document
from pyodide.ffi import create_proxy

root = document.querySelector("[data-itb-flex]")
out = document.getElementById("out")


def update(text):
    report = flexdose.check(json.loads(text))
    program = next(iter(report["summary"]["programs"])) if report["summary"] else None
    out.innerHTML = render.preview_html(report, program, id_prefix="fdb")


js.window.fdUpdate = create_proxy(update)
root.dataset.state = "ready"
js.performance.mark("itb-flex:ready")
</script>
</body>
</html>
"""


def widget_page(site: Path) -> str:
    for page in sorted(site.rglob("index.html")):
        text = page.read_text("utf-8")
        if "data-itb-flex" in text and "md-content" in text:  # a docs page, not the embed
            rel = page.parent.relative_to(site).as_posix()
            return "" if rel == "." else rel + "/"
    raise SystemExit("no page with a widget in the built site")


def add_comparison_page(site: Path) -> str:
    """Write the main-thread PyScript page into the bench's copy of the site; return its path."""
    sys.path.insert(0, str(ROOT / "widget"))
    import flexdose
    from flexdose import render

    runtime = site / "assets" / "runtime"
    pyscript = next(runtime.glob("pyscript-*")).relative_to(site).as_posix()
    pyodide = next(runtime.glob("pyodide-*")).relative_to(site).as_posix()
    wheel = next(runtime.glob("flexdose-*/*.whl")).relative_to(site).as_posix()
    doc = json.loads((ROOT / "widget/flexdose/examples" / f"{EXAMPLE}.json").read_text("utf-8"))
    preview = render.preview_html(flexdose.check(doc), id_prefix="fdb")
    folder = site / "bench-main-thread"
    folder.mkdir()
    (folder / "index.html").write_text(
        COMPARISON_PAGE.format(pyscript=pyscript, preview=preview), "utf-8"
    )
    config = {"interpreter": f"/{pyodide}/pyodide.mjs", "files": {f"/{wheel}": "./*"}}
    (folder / "pyscript.json").write_text(json.dumps(config), "utf-8")
    return "bench-main-thread/"


def load(page, url: str, requests: list) -> dict:
    requests.clear()
    page.goto(url)
    page.wait_for_selector("[data-itb-flex][data-state=ready]", timeout=READY_TIMEOUT_MS)
    figures = page.evaluate(
        """() => {
        const fcp = performance.getEntriesByName("first-contentful-paint")[0];
        const ready = performance.getEntriesByName("itb-flex:ready")[0];
        return {fcp: fcp ? fcp.startTime : null, ready: ready ? ready.startTime : null,
                longest: Math.max(0, ...window.__longtasks)};
    }"""
    )
    page.wait_for_timeout(300)  # let late responses finish before their sizes are read
    figures["bytes"] = encoded_bytes(requests)
    figures["requests"] = len(requests)
    return figures


EDIT_WIDGET = """async (value) => {
  const root = document.querySelector("[data-itb-flex]");
  const input = root.querySelector(
    ".itb-flex__editor input[type=number][data-where$='[0].mcg_per_day']");
  const done = new Promise(
    (resolve) => root.addEventListener("itb-flex:updated", resolve, {once: true}));
  const t0 = performance.now();
  input.value = String(value);
  input.dispatchEvent(new Event("input", {bubbles: true}));
  await done;
  await new Promise(requestAnimationFrame);
  return performance.now() - t0;
}"""

EDIT_MAIN_THREAD = """async ([value, doc]) => {
  doc = JSON.parse(JSON.stringify(doc));
  const first = Object.values(doc.programs)[0];
  first[0].mcg_per_day = value;
  const t0 = performance.now();
  window.fdUpdate(JSON.stringify(doc));
  await new Promise(requestAnimationFrame);
  return performance.now() - t0;
}"""


def edits(page, main_thread: bool, count: int) -> list[float]:
    doc = json.loads((ROOT / "widget/flexdose/examples" / f"{EXAMPLE}.json").read_text("utf-8"))
    times = []
    for i in range(count):
        value = 300 + i
        if main_thread:
            times.append(page.evaluate(EDIT_MAIN_THREAD, [value, doc]))
        else:
            times.append(page.evaluate(EDIT_WIDGET, value))
    return times


def measure(browser, url: str, runs: int, main_thread: bool, edit_count: int) -> dict:
    cold, warm = [], []
    latencies: list[float] = []
    for _ in range(runs):
        ctx = browser.new_context()
        ctx.add_init_script(OBSERVE)
        requests: list = []
        ctx.on("requestfinished", lambda r, log=requests: log.append(r))
        page = ctx.new_page()
        cold.append(load(page, url, requests))
        latencies += edits(page, main_thread, edit_count)
        warm.append(load(page, url, requests))
        ctx.close()
    return {"cold": cold, "warm": warm, "edits": latencies}


def report(name: str, result: dict) -> None:
    cold, warm, lat = result["cold"], result["warm"], result["edits"]
    print(f"\n{name}")
    print(f"  static preview (FCP)      {spread([r['fcp'] for r in cold])}")
    print(f"  ready, cold cache         {spread([r['ready'] for r in cold])}")
    print(f"  ready, warm cache         {spread([r['ready'] for r in warm])}")
    print(f"  longest main-thread task  {spread([r['longest'] for r in cold])}")
    print(
        f"  edit -> update            median {statistics.median(lat):.1f} ms, "
        f"p95 {p95(lat):.1f} ms over {len(lat)} edits"
    )
    print(
        f"  bytes transferred         cold {statistics.median([r['bytes'] for r in cold]):,.0f} B"
        f" in {cold[0]['requests']} requests; "
        f"warm {statistics.median([r['bytes'] for r in warm]):,.0f} B"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="cold+warm loads per page")
    parser.add_argument("--edits", type=int, default=10, help="edits per run (3 runs: 30)")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="itb-bench-") as tmp:
        site = Path(tmp) / "site"
        build_site(site)
        widget = widget_page(site)
        comparison = add_comparison_page(site)
        server, url = serve_in_thread(site)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
                )
                print(
                    f"ITB Flex widget bench: {args.runs} runs per page, Chromium "
                    f"{browser.version}, served by scripts/serve.py on 127.0.0.1 "
                    "(gzip siblings, immutable runtime cache), no throttling"
                )
                report(
                    f"Widget: PyWorker (Pyodide in a worker), /{widget}",
                    measure(browser, url + widget, args.runs, False, args.edits),
                )
                report(
                    'Comparison: PyScript default, <script type="py"> on the main thread',
                    measure(browser, url + comparison, args.runs, True, args.edits),
                )
                browser.close()
        finally:
            server.shutdown()
            shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    main()
