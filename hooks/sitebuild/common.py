"""What several build steps share: the repository's folders, the build's error, small helpers."""

from __future__ import annotations

import gzip
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
WEB_SRC = ROOT / "widget" / "web"
SCRIPTS = ROOT / "scripts"

# A compressed copy is kept only when it saves at least this share of the bytes (an already
# compressed file, the wheel or a zip, would only cost decoding time).
MIN_SAVING = 0.10
# gzip's best level; mtime 0, so the same input always gives the same bytes (reproducible).
GZIP_LEVEL = 9


# What a build step publishes: a site path and either the content or a file on disk holding it.
Published = tuple[str, str | bytes | Path]


class BuildError(RuntimeError):
    """The site cannot be built as asked; the message says where, what and how to fix it."""


def gzip_bytes(raw: bytes) -> bytes:
    """raw compressed with gzip, reproducibly (the rule of the runtime's .gz and the payloads)."""
    return gzip.compress(raw, compresslevel=GZIP_LEVEL, mtime=0)


def saves_enough(packed: bytes, raw: bytes) -> bool:
    """Whether packed is worth keeping beside (or instead of) raw."""
    return len(packed) <= len(raw) * (1 - MIN_SAVING)


def copy_file(src: Path, dest: Path) -> None:
    """Copy src to dest, making dest's folder; a missing src names the likely cause."""
    if not src.is_file():
        raise BuildError(f"{src} is missing: run `make setup` (npm ci)")
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)


def run_tool(
    args: Sequence[str],
    *,
    doing: str,
    timeout_s: float,
    error: type[Exception] = BuildError,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run one build tool to the end and return it; raise error when it fails or hangs.

    doing names the step for the message ("building the trimmed stdlib"); the message carries
    the tool's own output.
    """
    try:
        proc = subprocess.run(
            list(args), cwd=cwd, capture_output=True, text=True, timeout=timeout_s, check=False
        )
    except subprocess.TimeoutExpired:
        raise error(f"{doing} did not finish in {timeout_s:g} s") from None
    if proc.returncode != 0:
        raise error(f"{doing} failed:\n{proc.stdout}{proc.stderr}".rstrip())
    return proc
