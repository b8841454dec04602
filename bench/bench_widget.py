"""Print how fast the widget starts, beside a bare stock loadPyodide() and the widget as it was.

Run: `make bench` (or `.venv/bin/python bench/bench_widget.py [--runs N] [--edits N]`). Asserts
nothing: figures only.

It builds the site (`mkdocs build --strict`) into a temporary folder and prepares, beside it,
the pages it compares (bench-only pages and copies, never part of the real site):

1. bare stock loadPyodide: /bench-stock/, a page that imports npm's own pyodide.mjs and awaits
   `loadPyodide({indexURL})` on the main thread, with npm's stock stdlib (sources) and lock
   (copied into assets/runtime/bench-stock-pyodide-<version>/, so they get the runtime's cache
   policy and compressed siblings like the site's files): the floor any Pyodide page starts from;
2. widget, stock stdlib (before): a second copy of the built site whose pyodide-loader.mjs passes
   npm's stock python_stdlib.zip and no lockFileContents (Pyodide fetches the stock
   pyodide-lock.json; both are copied beside the Pyodide files) and whose wheel is a plain one
   (no .pyc), at the same path: the widget as it started before the trimmed, precompiled runtime;
3. widget, precompiled stdlib, no snapshot: a copy of the built site whose loader has no memory
   snapshot (as `ITB_SNAPSHOT=0` builds it), so Python starts on the trimmed stdlib;
4. widget, precompiled stdlib and snapshot (shipped): the built site unchanged;
5. PyScript main thread (shipped runtime): PyScript's default `<script type="py">` on the main
   thread, with the site's loader, wheel and stdlib (the loader restores no snapshot there);
6. file:// engine (offline bundle): scripts/bundle.py's unzipped bundle opened from disk.

Rows 1, 4 and 5 are served from the built site, rows 2 and 3 from their copies, each by its own
scripts/serve.py (Brotli/gzip siblings, immutable cache for assets/runtime/); Debian's Chromium
runs under Playwright with no throttling. Each run goes once through every row, so a busy machine
slows all rows alike.

Figures per row, median over the runs (min–max in brackets):
- preview: first contentful paint (the widget's static preview is part of the page's HTML);
- ready cold: a fresh browser context (empty cache) until the widget can be used: the
  performance mark "itb-flex:ready", with [data-itb-flex][data-state=ready];
- ready warm: the same page loaded again in the same context (HTTP and code caches warm);
- longest task: the longest main-thread task (PerformanceObserver 'longtask') during the cold load;
- edit: edit-to-update latency (median and p95 over the edits), from a changed dose to the new
  picture in the page (and the next animation frame); not for the bare page;
- bytes: encoded body bytes of every response, workers' included, cold and warm (not for
  file://, where nothing goes over a wire), and how many requests (cache hits included).
A row that cannot be set up or loaded prints "failed: <reason>"; the other rows still run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from benchlib import (  # noqa: E402
    STOCK_PYODIDE_FILES,
    SetupFailed,
    build_offline,
    build_site,
    copy_stock_pyodide,
    copy_with_siblings,
    docs_widget_page,
    encoded_bytes,
    p95,
    plain_wheel,
    spread,
    write_siblings,
)
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402 - scripts/ is not a package
from serve import serve_in_thread  # noqa: E402

READY_TIMEOUT_MS = 120_000
EXAMPLE = "day-night"
READY_MARK = "itb-flex:ready"
WIDGET_READY = "[data-itb-flex][data-state=ready]"
WIDGET_FAILED = "[data-itb-flex][data-state=error]"
BARE_READY = "[data-itb-bare][data-state=ready]"
BARE_FAILED = "[data-itb-bare][data-state=error]"

# Collects long tasks from the very start of each document.
OBSERVE = """
window.__longtasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longtasks.push(e.duration);
}).observe({type: "longtask", buffered: true});
"""

BARE_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Bench only: bare stock loadPyodide()</title>
</head>
<body>
<h1>Bench only: bare stock loadPyodide()</h1>
<p data-itb-bare data-state="loading">Pyodide is loading on the main thread.</p>
<script type="module">
const root = document.querySelector("[data-itb-bare]");
try {
  const indexURL = new URL("/{stock}/", location.href).href;
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  await loadPyodide({ indexURL });
  performance.mark("itb-flex:ready");
  root.dataset.state = "ready";
  root.textContent = "Pyodide is ready.";
} catch (error) {
  root.dataset.state = "error";
  root.textContent = String(error?.message ?? error);
}
</script>
</body>
</html>
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


@dataclass
class Row:
    """One way of starting Python in a page, and what its runs measured."""

    key: str
    label: str
    kind: str  # "bare", "widget" or "main-thread"
    wire: bool = True  # served over HTTP (bytes apply), else file://
    url: str | None = None
    error: str | None = None
    cold: list[dict] = field(default_factory=list)
    warm: list[dict] = field(default_factory=list)
    edits: list[float] = field(default_factory=list)

    def http_errors(self) -> list[str]:
        return sorted({e for r in self.cold + self.warm for e in r.get("http_errors", [])})

    def fail(self, reason: str) -> None:
        if self.error is None:
            self.error = reason


# ---- The pages and copies compared ----


def _runtime_dir(site: Path, prefix: str) -> Path:
    found = sorted((site / "assets" / "runtime").glob(f"{prefix}-*"))
    if not found:
        raise SetupFailed(f"no assets/runtime/{prefix}-* folder in the built site")
    return found[0]


def site_path(site: Path, page: Path) -> str:
    """A page's URL path below the site's root (a folder's index.html as its folder)."""
    rel = page.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def add_bare_page(site: Path) -> str:
    """npm's stock Pyodide files and a page that only awaits loadPyodide(); return its path."""
    published = _runtime_dir(site, "pyodide")
    stock = published.with_name("bench-stock-" + published.name)
    copy_stock_pyodide(stock, published=published)
    folder = site / "bench-stock"
    folder.mkdir()
    rel = stock.relative_to(site).as_posix()
    (folder / "index.html").write_text(BARE_PAGE.replace("{stock}", rel), "utf-8")
    return "bench-stock/"


def make_before_site(site: Path, dest: Path, wheel_dir: Path) -> None:
    """A copy of the built site started as before: stock stdlib and lock file, plain wheel."""
    shutil.copytree(site, dest)
    pyodide = _runtime_dir(dest, "pyodide")
    flexdose_dir = _runtime_dir(dest, "flexdose")
    # npm's stdlib (sources) and lock beside the Pyodide files, where Pyodide looks for them.
    copy_stock_pyodide(pyodide, ("python_stdlib.zip", "pyodide-lock.json"))
    loader = flexdose_dir / "pyodide-loader.mjs"
    drop_snapshot(flexdose_dir)
    text = loader.read_text("utf-8")
    stdlib = 'here("./python_stdlib.zip")'
    if text.count(stdlib) != 1:
        raise SetupFailed(f"{loader.name} no longer has one {stdlib}: update this bench")
    text = text.replace(stdlib, f'here("../{pyodide.name}/python_stdlib.zip")')
    text, dropped = re.subn(r"^[ \t]*lockFileContents:[^\n]*\n", "", text, flags=re.MULTILINE)
    if dropped != 1:
        raise SetupFailed(f"{loader.name} no longer passes lockFileContents once: update the bench")
    loader.write_text(text, "utf-8")
    write_siblings(loader)
    # The trimmed stdlib and minimal lock are no longer used: gone, so a stray fetch would show.
    for name in ("python_stdlib.zip", "pyodide-lock.json"):
        for path in flexdose_dir.glob(name + "*"):
            path.unlink()
    shipped = sorted(flexdose_dir.glob("flexdose-*.whl"))
    if len(shipped) != 1:
        raise SetupFailed(f"expected one wheel in {flexdose_dir}, found {shipped}")
    wheel = plain_wheel(wheel_dir)
    if wheel.name != shipped[0].name:
        raise SetupFailed(f"the plain wheel is {wheel.name}, the site's is {shipped[0].name}")
    copy_with_siblings(wheel, shipped[0])


SNAPSHOT_LINE = re.compile(r"^const SNAPSHOT = \{[^\n]*\};$", re.MULTILINE)


def drop_snapshot(flexdose_dir: Path) -> None:
    """Make the loader in flexdose_dir start without the snapshot, and delete the snapshot (so a
    stray request for it would show as an HTTP error)."""
    loader = flexdose_dir / "pyodide-loader.mjs"
    text, count = SNAPSHOT_LINE.subn("const SNAPSHOT = null;", loader.read_text("utf-8"))
    if count != 1:
        raise SetupFailed(f"{loader.name} no longer has one `const SNAPSHOT = {{...}};` line")
    loader.write_text(text, "utf-8")
    write_siblings(loader)
    for path in flexdose_dir.glob("pyodide-snapshot.bin*"):
        path.unlink()


def make_no_snapshot_site(site: Path, dest: Path) -> None:
    """A copy of the built site whose loader starts Pyodide without the memory snapshot."""
    shutil.copytree(site, dest)
    drop_snapshot(_runtime_dir(dest, "flexdose"))


def add_comparison_page(site: Path) -> str:
    """Write the main-thread PyScript page into the bench's copy of the site; return its path."""
    sys.path.insert(0, str(ROOT / "widget"))
    import flexdose
    from flexdose import render

    runtime = site / "assets" / "runtime"
    pyscript = _runtime_dir(site, "pyscript").relative_to(site).as_posix()
    # The site's loader has pyodide.mjs's exports and adds the trimmed stdlib and inline lock.
    loader = next(runtime.glob("flexdose-*/pyodide-loader.mjs")).relative_to(site).as_posix()
    wheel = next(runtime.glob("flexdose-*/*.whl")).relative_to(site).as_posix()
    doc = json.loads((ROOT / "widget/flexdose/examples" / f"{EXAMPLE}.json").read_text("utf-8"))
    preview = render.preview_html(flexdose.check(doc), id_prefix="fdb")
    folder = site / "bench-main-thread"
    folder.mkdir()
    (folder / "index.html").write_text(
        COMPARISON_PAGE.format(pyscript=pyscript, preview=preview), "utf-8"
    )
    config = {"interpreter": f"/{loader}", "files": {f"/{wheel}": "./*"}}
    (folder / "pyscript.json").write_text(json.dumps(config), "utf-8")
    return "bench-main-thread/"


# ---- Loading and editing ----

WAIT_READY = """([ready, failed, mark]) => {
  const bad = document.querySelector(failed);
  if (bad) return "error: " + (bad.textContent || "").replace(/\\s+/g, " ").trim().slice(0, 240);
  return document.querySelector(ready) && performance.getEntriesByName(mark).length > 0;
}"""

FIGURES = """(mark) => {
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  const ready = performance.getEntriesByName(mark)[0];
  const root = document.querySelector("[data-itb-flex]");
  return {fcp: fcp ? fcp.startTime : null, ready: ready ? ready.startTime : null,
          longest: Math.max(0, ...(window.__longtasks || [])),
          engine: root ? root.dataset.itbEngine || null : null};
}"""


def load(page, row: Row, requests: list, errors: list) -> dict:
    """Load row's page, wait until it is ready; its figures."""
    requests.clear()
    bare = row.kind == "bare"
    ready, failed = (BARE_READY, BARE_FAILED) if bare else (WIDGET_READY, WIDGET_FAILED)
    # Only until the new document commits: the readiness wait below does the rest (a page's
    # load event may come late, or never, while Python starts on its main thread).
    response = page.goto(row.url, wait_until="commit", timeout=READY_TIMEOUT_MS)
    if response is not None and response.status >= 400:
        raise RuntimeError(f"the page answered HTTP {response.status}")
    try:
        state = page.wait_for_function(
            WAIT_READY, arg=[ready, failed, READY_MARK], timeout=READY_TIMEOUT_MS
        ).json_value()
    except Exception as error:
        why = str(error).splitlines()[0]
        why += _page_errors(errors) + _http_errors(requests)
        raise RuntimeError(f"not ready: {why}") from None
    if isinstance(state, str) and state.startswith("error"):
        raise RuntimeError(f"the page says {state}{_page_errors(errors)}")
    figures = page.evaluate(FIGURES, READY_MARK)
    page.wait_for_timeout(300)  # let late responses finish before their sizes are read
    figures["bytes"] = encoded_bytes(requests) if row.wire else None
    figures["requests"] = len(requests)
    figures["http_errors"] = _failed_responses(requests)
    return figures


def _failed_responses(requests: list) -> list[str]:
    """'status URL' of every response that was an HTTP error (a missing runtime file)."""
    failed = []
    for request in requests:
        response = request.response()
        if response is not None and response.status >= 400:
            failed.append(f"{response.status} {request.url}")
    return failed


def _http_errors(requests: list) -> str:
    failed = _failed_responses(requests)
    return f" (HTTP errors: {', '.join(failed[:3])})" if failed else ""


def _page_errors(errors: list) -> str:
    return f" (page error: {str(errors[0])[:200]})" if errors else ""


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


def measure_once(browser, row: Row, edit_count: int) -> None:
    """One cold load (new context), the edits, one warm load; adds them to row."""
    ctx = browser.new_context()
    try:
        ctx.add_init_script(OBSERVE)
        requests: list = []
        errors: list = []
        ctx.on("requestfinished", lambda r: requests.append(r))
        page = ctx.new_page()
        page.on("pageerror", lambda e: errors.append(e))
        cold = load(page, row, requests, errors)
        latencies = [] if row.kind == "bare" else edits(page, row.kind == "main-thread", edit_count)
        warm = load(page, row, requests, errors)
    finally:
        ctx.close()
    row.cold.append(cold)
    row.warm.append(warm)
    row.edits += latencies


# ---- Report ----


def _median(values) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def _kb(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value / 1000:.1f} kB" if value < 10_000 else f"{value / 1000:,.0f} kB"


def report(row: Row) -> None:
    print(f"\n{row.label}" + (f"  ({row.url})" if row.url else ""))
    if not row.cold:
        print(f"  failed: {row.error or 'not measured'}")
        return
    cold, warm, lat = row.cold, row.warm, row.edits
    engines = sorted({r["engine"] for r in cold if r.get("engine")})
    if engines:
        print(f"  engine                    {', '.join(engines)}")
    print(f"  static preview (FCP)      {spread([r['fcp'] for r in cold])}")
    print(f"  ready, cold cache         {spread([r['ready'] for r in cold])}")
    print(f"  ready, warm cache         {spread([r['ready'] for r in warm])}")
    print(f"  longest main-thread task  {spread([r['longest'] for r in cold])}")
    if lat:
        print(
            f"  edit -> update            median {statistics.median(lat):.1f} ms, "
            f"p95 {p95(lat):.1f} ms over {len(lat)} edits"
        )
    else:
        print("  edit -> update            n/a")
    if row.wire:
        print(
            f"  bytes transferred         cold {_median([r['bytes'] for r in cold]):,.0f} B"
            f" in {_median([r['requests'] for r in cold]):.0f} requests; "
            f"warm {_median([r['bytes'] for r in warm]):,.0f} B"
            f" in {_median([r['requests'] for r in warm]):.0f} requests"
        )
    else:
        print(
            f"  bytes transferred         n/a (file://); requests seen: cold "
            f"{_median([r['requests'] for r in cold]):.0f}, warm "
            f"{_median([r['requests'] for r in warm]):.0f}"
        )
    for error in row.http_errors():
        print(f"  HTTP error                {error}")
    if row.error:
        print(f"  failed after {len(cold)} run(s): {row.error}")


def _ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.0f}"


def summary(rows: list[Row]) -> None:
    print("\nSummary (medians, ms unless stated)")
    head = (
        f"{'row':<40} {'preview':>7} {'cold':>7} {'warm':>7} {'longest':>7} "
        f"{'edit med/p95':>13} {'bytes cold / warm':>21} {'requests':>9}"
    )
    print(head)
    print("-" * len(head))
    for row in rows:
        if not row.cold:
            print(f"{row.label:<40} failed: {row.error or 'not measured'}")
            continue
        edit = f"{statistics.median(row.edits):.0f}/{p95(row.edits):.0f}" if row.edits else "n/a"
        if row.wire:
            cold_b = _median([r["bytes"] for r in row.cold])
            warm_b = _median([r["bytes"] for r in row.warm])
            wire = f"{_kb(cold_b)} / {_kb(warm_b)}"
        else:
            wire = "n/a"
        requests = (
            f"{_median([r['requests'] for r in row.cold]):.0f}/"
            f"{_median([r['requests'] for r in row.warm]):.0f}"
        )
        print(
            f"{row.label:<40} {_ms(_median([r['fcp'] for r in row.cold])):>7} "
            f"{_ms(_median([r['ready'] for r in row.cold])):>7} "
            f"{_ms(_median([r['ready'] for r in row.warm])):>7} "
            f"{_ms(_median([r['longest'] for r in row.cold])):>7} "
            f"{edit:>13} {wire:>21} {requests:>9}"
            + ("  (incomplete: " + row.error + ")" if row.error else "")
        )
    by_key = {row.key: row for row in rows}

    def ready(key: str, which: str) -> float | None:
        row = by_key[key]
        return _median([r["ready"] for r in getattr(row, which)]) if row.cold else None

    def ratio(label: str, a: float | None, b: float | None) -> None:
        value = f"{a / b:.2f}" if a and b else "n/a"
        print(f"  {label:<52} {value}")

    print()
    ratio(
        "widget cold / bare stock loadPyodide cold",
        ready("shipped", "cold"),
        ready("bare", "cold"),
    )
    ratio(
        "widget without snapshot cold / bare cold",
        ready("nosnap", "cold"),
        ready("bare", "cold"),
    )
    ratio(
        "widget with / without snapshot, cold",
        ready("shipped", "cold"),
        ready("nosnap", "cold"),
    )
    ratio(
        "widget with / without snapshot, warm",
        ready("shipped", "warm"),
        ready("nosnap", "warm"),
    )
    ratio("shipped widget warm / cold", ready("shipped", "warm"), ready("shipped", "cold"))
    ratio(
        "shipped widget cold / widget before cold",
        ready("shipped", "cold"),
        ready("before", "cold"),
    )


# ---- Main ----


def _wheel_facts(wheel: Path) -> str:
    import zipfile

    with zipfile.ZipFile(wheel) as zf:
        pyc = sum(name.endswith(".pyc") for name in zf.namelist())
    return f"wheel {wheel.stat().st_size:,} B ({pyc} .pyc)"


def setup_facts(site: Path | None, before: Path | None) -> None:
    """What differs between the rows' runtimes, in bytes on disk (before compression)."""
    try:
        if site is not None:
            flexdose_dir = _runtime_dir(site, "flexdose")
            stdlib = flexdose_dir / "python_stdlib.zip"
            print(
                f"shipped: trimmed stdlib {stdlib.stat().st_size:,} B (.pyc, stored), inline lock,"
                f" {_wheel_facts(next(flexdose_dir.glob('*.whl')))}"
            )
            snapshot = flexdose_dir / "pyodide-snapshot.bin"
            if snapshot.is_file():
                br = snapshot.with_name(snapshot.name + ".br")
                br_size = f"{br.stat().st_size:,} B Brotli" if br.is_file() else "no Brotli"
                print(f"         memory snapshot {snapshot.stat().st_size:,} B ({br_size})")
            else:
                print("         no memory snapshot (the build made none)")
            stock = _runtime_dir(site, "bench-stock-pyodide")
            sizes = ", ".join(f"{n} {(stock / n).stat().st_size:,} B" for n in STOCK_PYODIDE_FILES)
            print(f"bare:    npm's {sizes}")
        if before is not None:
            pyodide = _runtime_dir(before, "pyodide")
            print(
                f"before:  stock stdlib {(pyodide / 'python_stdlib.zip').stat().st_size:,} B, "
                f"stock lock {(pyodide / 'pyodide-lock.json').stat().st_size:,} B, "
                f"{_wheel_facts(next(_runtime_dir(before, 'flexdose').glob('*.whl')))}"
            )
    except Exception as error:  # facts only: never stop the bench for them
        print(f"(setup facts unavailable: {_reason(error)})")


def _reason(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    lines = text.splitlines()
    return lines[0] if len(lines) == 1 else f"{lines[0]} ... {lines[-1]}"[:600]


def prepare(tmp: Path, rows: dict[str, Row]) -> dict[str, Path]:
    """Build the site, its copies and the offline bundle; set each row's URL path or failure.

    Returns the folder each served row comes from ("site" for the rest)."""
    site, before, nosnap = tmp / "site", tmp / "site-before", tmp / "site-no-snapshot"
    started = time.perf_counter()
    try:
        build_site(site)
    except Exception as error:
        for key in ("bare", "before", "nosnap", "shipped", "spanish", "main"):
            rows[key].fail(f"the site did not build: {_reason(error)}")
        site = None
    if site is not None:
        steps = [
            ("shipped", lambda: site_path(site, docs_widget_page(site, "index.html"))),
            (
                "spanish",
                lambda: site_path(site, docs_widget_page(site, "index.html", spanish=True)),
            ),
            ("before", lambda: make_before_site(site, before, tmp / "plain-wheel")),
            ("nosnap", lambda: make_no_snapshot_site(site, nosnap)),
            ("bare", lambda: add_bare_page(site)),
            ("main", lambda: add_comparison_page(site)),
        ]
        for key, step in steps:
            try:
                rows[key].url = step()
            except Exception as error:
                rows[key].fail(f"setup: {_reason(error)}")
        for key in ("before", "nosnap"):  # the same page, in the copy
            if rows[key].error is None:
                rows[key].url = rows["shipped"].url
                if rows["shipped"].error:
                    rows[key].fail(rows["shipped"].error)
    try:
        offline = build_offline(tmp)
        rows["file"].url = docs_widget_page(offline).as_uri()
    except Exception as error:
        rows["file"].fail(f"setup: {_reason(error)}")
    print(
        f"(setup: site, copies and offline bundle built in {time.perf_counter() - started:.0f} s)"
    )
    folders = {"site": site, "before": before, "nosnap": nosnap}
    return {
        key: folder
        for key, folder in folders.items()
        if site is not None and (key == "site" or rows[key].error is None)
    }


def run_rows(rows: list[Row], runs: int, edit_count: int) -> None:
    """Each run loads every row once (cold, edits, warm), so load on the machine hits all."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        load_avg = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(
            f"ITB Flex start-up bench: {runs} runs, {edit_count} edits per run, Chromium "
            f"{browser.version}, {os.cpu_count()} CPUs, load average {load_avg:.1f}; served by "
            "scripts/serve.py on 127.0.0.1 (Brotli/gzip siblings, immutable runtime cache), "
            "no throttling"
        )
        for run in range(runs):
            for row in rows:
                if row.error is not None or row.url is None:
                    continue
                try:
                    measure_once(browser, row, edit_count)
                except Exception as error:
                    row.fail(f"run {run + 1}: {_reason(error)}")
            print(f"(run {run + 1} of {runs} done)", flush=True)
        browser.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="cold+warm loads per row")
    parser.add_argument("--edits", type=int, default=10, help="edits per run (3 runs: 30)")
    args = parser.parse_args(argv)

    rows = {
        row.key: row
        for row in (
            Row("bare", "bare stock loadPyodide", "bare"),
            Row("before", "widget, stock stdlib (before)", "widget"),
            Row("nosnap", "widget, precompiled stdlib, no snapshot", "widget"),
            Row("shipped", "widget, stdlib and snapshot (shipped)", "widget"),
            Row("spanish", "widget on the Spanish page (shipped, es/)", "widget"),
            Row("main", "PyScript main thread (shipped runtime)", "main-thread"),
            Row("file", "file:// engine (offline bundle)", "widget", wire=False),
        )
    }
    servers = []
    with tempfile.TemporaryDirectory(prefix="itb-bench-") as tmp_name:
        tmp = Path(tmp_name)
        try:
            folders = prepare(tmp, rows)
            setup_facts(folders.get("site"), folders.get("before"))
            bases = {}
            for key, folder in folders.items():
                server, base = serve_in_thread(folder)
                servers.append(server)
                bases[key] = base
            for row in rows.values():
                if row.url is not None and row.wire and row.error is None:
                    row.url = bases[row.key if row.key in bases else "site"] + row.url
            try:
                run_rows(list(rows.values()), args.runs, args.edits)
            except Exception as error:  # the browser would not start, or went away
                for row in rows.values():
                    row.fail(f"browser: {_reason(error)}")
        finally:
            for server in servers:
                server.shutdown()
    for row in rows.values():
        report(row)
    summary(list(rows.values()))


if __name__ == "__main__":
    main()
