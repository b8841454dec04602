"""The runtime the site ships: the trimmed, precompiled stdlib, the wheel's bytecode, the loader,
the compressed siblings (hooks/sitebuild/runtime.py, stdlib.py, snapshot.py).

Whether Python starts on these files is proved in a browser by every widget test, and inside
Pyodide by the build itself (scripts/stdlib/trim.mjs checks the package on the trimmed stdlib
alone) and by tests/quality/test_in_pyodide.py; these tests check what the files hold.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import zipfile
from pathlib import Path

import brotli
import pytest
from sitebuild import snapshot as snapshot_tools  # hooks/ (pytest's pythonpath)
from sitebuild import stdlib as stdlib_tools

ROOT = Path(__file__).resolve().parents[2]
STOCK = ROOT / "node_modules" / "pyodide"
# PEP 552 flags: hash-based, check_source off.
UNCHECKED_HASH = 1


@pytest.fixture(scope="module")
def runtime(built_site: Path) -> dict[str, Path]:
    """The runtime folders of the built site: pyodide, pyscript, flexdose."""
    base = built_site / "assets" / "runtime"
    folders = {p.name.split("-")[0]: p for p in base.iterdir() if p.is_dir()}
    assert set(folders) == {"pyodide", "pyscript", "flexdose"}, folders
    return folders


def test_the_stock_stdlib_and_lock_are_not_shipped(runtime: dict[str, Path]) -> None:
    names = {p.name for p in runtime["pyodide"].iterdir()}
    assert {"pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"} <= names
    assert not names & {"python_stdlib.zip", "pyodide-lock.json"}, names


def test_the_stdlib_is_bytecode_only_and_trimmed(runtime: dict[str, Path]) -> None:
    """Only .pyc, all unchecked-hash bytecode of one Python; what flexdose needs, not the rest."""
    with zipfile.ZipFile(runtime["flexdose"] / "python_stdlib.zip") as zf:
        infos = zf.infolist()
        names = {i.filename for i in infos}
        headers = {zf.read(i.filename)[:8] for i in infos}
        with zipfile.ZipFile(STOCK / "python_stdlib.zip") as stock:
            stock_py = {n for n in stock.namelist() if n.endswith(".py")}
    assert names
    assert all(n.endswith(".pyc") for n in names), sorted(names)[:10]
    assert all(i.compress_type == zipfile.ZIP_STORED for i in infos), "the wire compresses it"
    magics = {h[:4] for h in headers}
    assert len(magics) == 1, "bytecode of more than one Python"
    assert {int.from_bytes(h[4:8], "little") for h in headers} == {UNCHECKED_HASH}
    assert {n[:-1] for n in names} <= stock_py, "a module the stock stdlib does not have"
    for needed in ("json/__init__.pyc", "dataclasses.pyc", "decimal.pyc", "argparse.pyc"):
        assert needed in names
    for unused in ("unittest/__init__.pyc", "pdb.pyc", "tkinter/__init__.pyc", "doctest.pyc"):
        assert unused not in names
    assert len(names) < len(stock_py) / 2


def test_the_wheel_carries_bytecode_its_record_lists(runtime: dict[str, Path]) -> None:
    """Every flexdose module has its cpython-314 .pyc; RECORD's hashes and sizes are right."""
    (wheel,) = runtime["flexdose"].glob("flexdose-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        record_name = next(n for n in names if n.endswith(".dist-info/RECORD"))
        rows = [line.split(",") for line in zf.read(record_name).decode().splitlines() if line]
        for name, digest, size in rows:
            if name == record_name:
                continue
            data = zf.read(name)
            sha = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            assert digest == f"sha256={sha}", name
            assert int(size) == len(data), name
    assert {r[0] for r in rows} == names
    sources = {n for n in names if n.startswith("flexdose/") and n.endswith(".py")}
    cached = {n for n in names if "/__pycache__/" in n}
    for source in sources:
        folder, _, file = source.rpartition("/")
        assert f"{folder}/__pycache__/{file[:-3]}.cpython-314.pyc" in cached, source
    assert len(cached) == len(sources)


def test_the_loader_carries_the_lock_and_points_at_the_shipped_files(
    runtime: dict[str, Path],
) -> None:
    loader = (runtime["flexdose"] / "pyodide-loader.mjs").read_text("utf-8")
    assert "__ITB_" not in loader
    pyodide_dir = runtime["pyodide"].name
    assert f'from "../{pyodide_dir}/pyodide.mjs"' in loader
    lock = json.loads(re.search(r"lock: (\{.*?\}),\n", loader).group(1))
    stock_info = json.loads((STOCK / "pyodide-lock.json").read_text("utf-8"))["info"]
    assert lock == {"info": stock_info, "packages": {}}
    shipped_lock = json.loads((runtime["flexdose"] / "pyodide-lock.json").read_text("utf-8"))
    assert shipped_lock == lock


def test_the_widget_module_points_at_the_loader(built_site: Path, runtime) -> None:
    js = (built_site / "assets" / "itb-flex" / "runtime.js").read_text("utf-8")
    assert "__ITB_" not in js
    assert f"{runtime['flexdose'].name}/pyodide-loader.mjs" in js
    assert f"{runtime['pyodide'].name}/pyodide.asm.wasm" in js


@pytest.mark.parametrize(
    "name",
    [
        "pyodide/pyodide.asm.wasm",
        "flexdose/python_stdlib.zip",
        "pyodide/pyodide.asm.mjs",
        "flexdose/pyodide-snapshot.bin",
    ],
)
def test_large_files_have_faithful_compressed_siblings(runtime, name: str) -> None:
    folder, _, file = name.partition("/")
    path = runtime[folder] / file
    raw = path.read_bytes()
    br = path.with_name(file + ".br").read_bytes()
    gz = path.with_name(file + ".gz").read_bytes()
    assert brotli.decompress(br) == raw
    assert gzip.decompress(gz) == raw
    assert len(br) < len(gz) < len(raw)


def test_the_snapshot_is_this_pyodide_builds_and_the_loader_knows_its_size(runtime) -> None:
    """The header Pyodide checks on restore names npm's Pyodide build; the loader's expected
    size is the file's (a download of any other size is refused before Pyodide sees it)."""
    data = (runtime["flexdose"] / "pyodide-snapshot.bin").read_bytes()
    header = snapshot_tools.snapshot_header(data)
    assert header["magic"] == snapshot_tools.MAGIC
    assert header["build_id"] == snapshot_tools.pyodide_build_id(runtime["pyodide"] / "pyodide.mjs")
    assert header["build_id"] == snapshot_tools.pyodide_build_id(STOCK / "pyodide.mjs")
    # The interpreter's state, then its memory, which Pyodide sizes the new instance to.
    state = json.loads(data[48 : 48 + header["state_bytes"]].decode("utf-8"))
    assert "hiwireKeys" in state
    assert header["heap_offset"] % 16 == 0
    loader = (runtime["flexdose"] / "pyodide-loader.mjs").read_text("utf-8")
    snapshot = json.loads(re.search(r"const SNAPSHOT = (\{.*?\});", loader).group(1))
    assert snapshot == {"url": "./pyodide-snapshot.bin", "bytes": len(data)}


def test_a_snapshot_header_too_short_is_refused_with_its_size() -> None:
    with pytest.raises(snapshot_tools.SnapshotFailed, match="of 10 bytes has no header"):
        snapshot_tools.snapshot_header(b"\0" * 10)


def test_no_snapshot_is_made_when_switched_off_or_without_chromium(monkeypatch) -> None:
    assert snapshot_tools.disabled_reason({"ITB_SNAPSHOT": "0"}) == "ITB_SNAPSHOT=0"
    import chromium

    monkeypatch.setattr(chromium, "CHROMIUM", "/nonexistent/chromium")
    assert "no Chromium at /nonexistent/chromium" in snapshot_tools.disabled_reason({})


def test_imported_names_reads_every_import_form(tmp_path: Path) -> None:
    """The scan that seeds the set: top-level, inside functions, `from a import b` (a and a.b);
    relative imports are the package's own."""
    source = tmp_path / "m.py"
    source.write_text(
        "import json, os.path as p\nfrom collections import abc\nfrom . import sibling\n"
        "def f():\n    import difflib\n",
        "utf-8",
    )
    names = stdlib_tools.imported_names([source])
    assert names == ["collections", "collections.abc", "difflib", "json", "os.path"]


def test_add_bytecode_keeps_a_valid_wheel(tmp_path: Path) -> None:
    """A wheel gains .pyc files, listed in RECORD, and keeps every file it had."""
    wheel = tmp_path / "pkg-1-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr("pkg/__init__.py", "X = 1\n")
        zf.writestr(
            "pkg-1.dist-info/RECORD", "pkg/__init__.py,sha256=x,6\npkg-1.dist-info/RECORD,,\n"
        )
    pycache = tmp_path / "pycache" / "pkg" / "__pycache__"
    pycache.mkdir(parents=True)
    (pycache / "__init__.cpython-314.pyc").write_bytes(b"\x00" * 20)
    out = tmp_path / "out.whl"
    stdlib_tools.add_bytecode(wheel, tmp_path / "pycache", out)
    with zipfile.ZipFile(out) as zf:
        assert zf.read("pkg/__init__.py") == b"X = 1\n"
        record = zf.read("pkg-1.dist-info/RECORD").decode().splitlines()
    assert record[-1] == "pkg-1.dist-info/RECORD,,"
    assert record[1].startswith("pkg/__pycache__/__init__.cpython-314.pyc,sha256=")
    assert record[1].endswith(",20")
