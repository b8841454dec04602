"""The flexdose unit tests, run again inside Pyodide (Python 3.14, WebAssembly) in Chromium.

The browser runs the same package the site ships, so the same tests must pass there, on the
same bytecode. The harness (tests/pyodide/) loads the vendored Pyodide from node_modules with the
site's runtime files as the site build prepares them: the flexdose wheel with its bytecode, and
the trimmed, precompiled stdlib, to which the stock sources are added for what only pytest and
hypothesis import (Python takes a module's .pyc before its .py, so every module the widget ships
runs from the shipped bytecode). It unpacks pytest's wheels (fetched at setup time into
.cache/pyodide-wheels from requirements-pyodide.lock) and the test files, runs pytest.main on
tests/unit and writes the outcome of every test into the page as JSON, as PyScript's own suite
does. This test reads it.

Only tests that need what a browser cannot give (a subprocess, the installed console script)
may skip there, and they must say why; every other test collected on CPython must pass.
Run alone: `.venv/bin/python -m pytest tests/quality/test_in_pyodide.py`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from sitebuild import runtime  # hooks/ (pytest's pythonpath): the site build's own runtime

ROOT = Path(__file__).resolve().parents[2]
HARNESS = ROOT / "tests" / "pyodide"
WHEELS = ROOT / ".cache" / "pyodide-wheels"
LOCK = ROOT / "requirements-pyodide.lock"
PYODIDE = ROOT / "node_modules" / "pyodide"
# Pyodide's core files (RUNTIME.md section 1); the stdlib is the test stdlib built below.
PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json")
STOCK_STDLIB = "python_stdlib.zip"
TEST_STDLIB = "python_stdlib_test.zip"
# Where the suite is unpacked in Pyodide's file system: it mirrors the repository's layout, so
# test ids (tests/unit/test_x.py::test_y) are the same as on CPython.
FS_ROOT = "/home/pyodide/repo"
# The suite must not pass by being empty or by skipping: a floor on tests that pass in the
# browser, and a cap on the share that may skip there (subprocess and console-script tests).
MIN_PASSED = 50
MAX_SKIPPED_SHARE = 0.10
# pytest options that cannot apply in the browser: pytest-timeout needs signals and threads
# that WebAssembly Python lacks, so it is not installed there and its ini key is dropped.
INI_KEYS_NOT_IN_PYODIDE = {"timeout"}
# Hypothesis settings follow the host run (tests/conftest.py picks the profile from these).
FORWARDED_ENV = ("CI", "HYPOTHESIS_PROFILE")
# The suite takes about 2.5 min in Pyodide with the CI profile (200 examples a property), against
# about 1.5 min on CPython: WebAssembly Python is slower. Generous room for a slower machine.
RUN_TIMEOUT_MS = 540_000
UNIT = "tests/unit"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.timeout(RUN_TIMEOUT_MS // 1000 + 60),
]


def pytest_ini_from_pyproject() -> str:
    """The project's [tool.pytest.ini_options] as a pytest.ini, minus what Pyodide lacks."""
    options = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["pytest"][
        "ini_options"
    ]
    lines = ["[pytest]"]
    for key, value in options.items():
        if key in INI_KEYS_NOT_IN_PYODIDE:
            continue
        if key in ("addopts", "testpaths"):
            lines.append(f"{key} = {' '.join(value)}")
        elif isinstance(value, list):
            lines.append(f"{key} =")
            lines.extend(f"    {item}" for item in value)
        else:
            lines.append(f"{key} = {value}")
    return "\n".join(lines) + "\n"


def suite_files() -> dict[str, Path]:
    """Files of the suite by their path in the repository: the unit tests and what they import."""
    files = {
        "tests/conftest.py": ROOT / "tests" / "conftest.py",
        # tests/conftest.py imports the static server and the Chromium settings (unused here).
        "scripts/serve.py": ROOT / "scripts" / "serve.py",
        "scripts/chromium.py": ROOT / "scripts" / "chromium.py",
    }
    init = ROOT / "tests" / "__init__.py"
    if init.exists():
        files["tests/__init__.py"] = init
    for path in sorted((ROOT / "tests" / "unit").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and ".hypothesis" not in path.parts:
            files[path.relative_to(ROOT).as_posix()] = path
    return files


def shipped_runtime() -> dict[str, Path]:
    """The site's runtime files (wheel, stdlib...) as the site build prepares and caches them."""
    return runtime.prepared_runtime()


def write_test_stdlib(shipped: Path, stock: Path, dest: Path) -> set[str]:
    """The shipped .pyc stdlib plus the stock sources of every other module; returns the
    shipped modules' names. Both a module's .pyc and .py may be there: Python takes the .pyc."""
    with (
        zipfile.ZipFile(shipped) as ship,
        zipfile.ZipFile(stock) as src,
        zipfile.ZipFile(dest, "w", zipfile.ZIP_STORED) as out,
    ):
        names = set()
        for info in ship.infolist():
            out.writestr(info, ship.read(info.filename))
            names.add(info.filename)
        for info in src.infolist():
            if info.filename not in names:
                out.writestr(info, src.read(info.filename))
    return {n[:-4].replace("/", ".").removesuffix(".__init__") for n in names if n.endswith(".pyc")}


def collect_on_cpython() -> set[str]:
    """Test ids pytest collects from tests/unit on this CPython."""
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", UNIT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"collecting tests/unit on CPython failed:\n{proc.stdout}\n{proc.stderr}")
    return {line for line in proc.stdout.splitlines() if "::" in line}


@pytest.fixture(scope="module")
def harness_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder to serve: the harness page, Pyodide's core, the wheels and the suite."""
    # setup.sh keeps a copy of the lock it fetched for: a different one means stale wheels.
    fetched_for = WHEELS / LOCK.name
    if not fetched_for.is_file() or fetched_for.read_bytes() != LOCK.read_bytes():
        pytest.fail(f"{WHEELS} does not hold the wheels {LOCK.name} pins: run `make setup`")
    pure_wheels = sorted(WHEELS.glob("*.whl"))
    out = tmp_path_factory.mktemp("pyodide-harness")
    for name in ("index.html", "runner.mjs", "run_suite.py"):
        shutil.copy(HARNESS / name, out / name)
    (out / "pyodide").mkdir()
    for name in PYODIDE_CORE:
        (out / "pyodide" / name).symlink_to(PYODIDE / name)
    runtime = shipped_runtime()
    shipped = write_test_stdlib(
        runtime["stdlib"], PYODIDE / STOCK_STDLIB, out / "pyodide" / TEST_STDLIB
    )
    (out / "shipped-modules.json").write_text(json.dumps(sorted(shipped)), "utf-8")
    wheels = out / "wheels"
    wheels.mkdir()
    for wheel in pure_wheels:
        shutil.copy(wheel, wheels / wheel.name)
    flexdose = wheels / runtime["wheel"].name
    shutil.copy(runtime["wheel"], flexdose)
    with zipfile.ZipFile(out / "suite.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        for arcname, path in suite_files().items():
            zf.write(path, arcname)
        zf.writestr("pytest.ini", pytest_ini_from_pyproject())
    manifest = {
        "root": FS_ROOT,
        "wheels": [w.name for w in pure_wheels] + [flexdose.name],
        "stdlib": TEST_STDLIB,
        "args": [UNIT, "-p", "no:cacheprovider", "--color=no"],
        "env": {k: os.environ[k] for k in FORWARDED_ENV if k in os.environ},
    }
    (out / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    return out


def test_unit_tests_pass_in_pyodide(harness_dir: Path, open_context) -> None:
    """Every unit test collected on CPython also runs and passes in Chromium's Pyodide."""
    from serve import serve_in_thread  # scripts/, which tests/conftest.py puts on sys.path

    expected = collect_on_cpython()
    server, url = serve_in_thread(harness_dir)
    try:
        ctx, log = open_context(url)
        page = ctx.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda err: errors.append(f"page error: {err}"))
        page.goto(url + "index.html")
        page.wait_for_selector('#result:not([data-state="running"])', timeout=RUN_TIMEOUT_MS)
        state = page.get_attribute("#result", "data-state")
        report = json.loads(page.text_content("#result") or "{}")
    finally:
        server.shutdown()
    output = report.get("output", "") + "\n".join(errors)
    assert state == "done", f"the harness could not run pytest: {report.get('error')}\n{output}"
    assert log.outside == [], f"requests left the page's origin: {log.outside}"
    assert report["platform"] == "emscripten", report
    assert report["python"].startswith("3.14"), report
    errors_in_collection = report["collect_errors"]
    assert not errors_in_collection, f"collection failed in Pyodide:\n{errors_in_collection}"
    failed = {k: v for k, v in report["outcomes"].items() if v in ("failed", "error")}
    details = "\n\n".join(f"{k}\n{report['failures'].get(k, '')}" for k in failed)
    assert not failed, f"{len(failed)} tests did not pass in Pyodide:\n{details}\n\n{output}"
    # A module that skips itself as a whole (pytest.skip(allow_module_level=True)) reports once,
    # for the module; its tests count as skipped, with the module's reason.
    skipped = dict(report["skip_reasons"])
    for test in expected:
        module = test.split("::", 1)[0]
        if module in report["skipped_modules"]:
            skipped[test] = report["skipped_modules"][module]
    ran = set(report["outcomes"]) | set(skipped)
    assert ran == expected, (
        f"Pyodide ran a different set of tests than CPython collects: "
        f"missing {sorted(expected - ran)[:20]}, extra {sorted(ran - expected)[:20]}"
    )
    assert all(reason.strip() for reason in skipped.values()), f"a skip without reason: {skipped}"
    assert len(skipped) <= MAX_SKIPPED_SHARE * len(ran), (
        f"{len(skipped)} of {len(ran)} tests skip in Pyodide (at most "
        f"{MAX_SKIPPED_SHARE:.0%} may): {skipped}"
    )
    # The tests ran on the bytecode the site ships: every shipped stdlib module that was loaded
    # came from its .pyc, and so did every flexdose module.
    modules = report["modules"]
    shipped = set(json.loads((harness_dir / "shipped-modules.json").read_text("utf-8")))
    from_source = shipped & set(modules["stdlib_source"])
    assert not from_source, f"shipped modules ran from source, not bytecode: {sorted(from_source)}"
    assert set(modules["stdlib_pyc"]) <= shipped, "a .pyc the site does not ship was loaded"
    assert "flexdose.rules" in modules["flexdose_pyc"], f"flexdose ran without bytecode: {modules}"
    passed = report["counts"].get("passed", 0)
    assert passed >= MIN_PASSED, f"only {passed} tests passed in Pyodide (at least {MIN_PASSED})"
    print(
        f"\nin Pyodide: {passed} passed, {len(skipped)} skipped on Python {report['python']} "
        f"({report['platform']}), pytest {report['pytest']}, hypothesis {report['hypothesis']}; "
        f"Pyodide loaded in {report['load_ms']} ms, whole run {report['total_ms']} ms; "
        f"{len(modules['stdlib_pyc'])} stdlib modules from the shipped bytecode, "
        f"{len(modules['stdlib_source'])} more for pytest from sources"
    )
