"""Pyodide's memory snapshot on the real paths: restored in the widget's worker, and never
trusted: a snapshot that is damaged, of another build, cut short or missing leaves the widget
starting the normal way (pyodide-loader.mjs), with a warning and no error.

Every browser test already fails on the loader's warning (tests/conftest.py records console
warnings that begin "ITB Flex:"), so every widget test also proves the snapshot restored.
"""

from __future__ import annotations

import re
import struct

import pytest

pytestmark = pytest.mark.browser

READY = "[data-itb-flex][data-state=ready]"
READY_TIMEOUT_MS = 60_000
SNAPSHOT = "**/pyodide-snapshot.bin"
# Header fields (hooks/sitebuild/snapshot.py HEADER): word 0 is the magic, words 4-11 the build id.
BUILD_ID_AT = 16
FALLBACK = r"^(worker )?console\.warn: ITB Flex: Pyodide's memory snapshot was not used"


def snapshot_responses(log) -> list[str]:
    return [u for u in log.urls if u.split("?")[0].endswith("/pyodide-snapshot.bin")]


def open_widget(open_context, site_url: str, widget_path: str, damage=None):
    """The widget page in a fresh context, the snapshot's bytes passed through damage()."""
    ctx, log = open_context(site_url)
    if damage is not None:

        def serve_damaged(route):
            response = route.fetch()
            # The body comes decoded: send it plain, without the sibling's encoding header.
            headers = {
                k: v
                for k, v in response.headers.items()
                if k.lower() not in ("content-encoding", "content-length")
            }
            body = damage(response.body())
            if body is None:
                route.fulfill(status=404, headers={"Content-Type": "text/plain"}, body="gone")
            else:
                route.fulfill(status=response.status, headers=headers, body=body)

        ctx.route(SNAPSHOT, serve_damaged)
    page = ctx.new_page()
    page.goto(site_url + widget_path)
    page.wait_for_selector(READY, state="attached", timeout=READY_TIMEOUT_MS)
    return page, log


def test_the_widget_restores_pyodide_from_its_snapshot(open_context, site_url, widget_path):
    """One download of the snapshot, no fallback warning, the widget works; a second visit
    reads the snapshot from the cache (immutable) and starts again."""
    page, log = open_widget(open_context, site_url, widget_path)
    assert len(snapshot_responses(log)) == 1
    assert page.get_attribute("[data-itb-flex]", "data-itb-engine") == "pyscript"
    assert page.locator("[data-itb-flex] .itb-flex__totals").count() >= 1
    # flexdose was imported before the snapshot: its package data must still be found where
    # the wheel is unpacked after the restore (an example comes from flexdose/examples/).
    before = int(page.get_attribute("[data-itb-flex]", "data-updates") or 0)
    page.locator("[data-itb-flex] .itb-flex__start select").select_option("therapy-week")
    page.locator("[data-itb-flex] .itb-flex__start button").click()
    page.wait_for_function(
        f"Number(document.querySelector('[data-itb-flex]').dataset.updates || 0) > {before}"
    )
    assert "Therapy week" in page.locator("[data-itb-flex]").inner_text()
    page.reload()
    page.wait_for_selector(READY, state="attached", timeout=READY_TIMEOUT_MS)
    assert len(snapshot_responses(log)) == 2


def _bad_magic(data: bytes) -> bytes:
    return b"\0\0\0\0" + data[4:]


def _other_build(data: bytes) -> bytes:
    return data[:BUILD_ID_AT] + struct.pack("<8I", *range(8)) + data[BUILD_ID_AT + 32 :]


def _cut_short(data: bytes) -> bytes:
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("damage", "why", "also"),
    [
        (_bad_magic, r"invalid magic number", None),
        (_other_build, r"build id mismatch", None),
        (_cut_short, r"has \d+ bytes, the build wrote \d+", None),
        (lambda data: None, r"answered HTTP 404", r"^HTTP 404 for GET \S+/pyodide-snapshot\.bin"),
    ],
    ids=["damaged", "another-build", "cut-short", "missing"],
)
def test_a_snapshot_that_cannot_be_used_falls_back_to_the_normal_start(
    open_context, site_url, widget_path, browser_errors, damage, why, also
):
    browser_errors.allow(FALLBACK)
    if also is not None:  # the error the damage itself causes
        browser_errors.allow(also)
    page, _ = open_widget(open_context, site_url, widget_path, damage)
    warnings = [e for e in browser_errors.errors if "snapshot was not used" in e]
    assert len(warnings) == 1, browser_errors.errors
    assert re.search(why, warnings[0]), warnings[0]
    assert page.get_attribute("[data-itb-flex]", "data-itb-engine") == "pyscript"
    assert page.locator("[data-itb-flex] .itb-flex__totals").count() >= 1
