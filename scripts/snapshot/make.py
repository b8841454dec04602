"""The snapshot maker's child process: serve a folder, make the snapshot in Chromium, save it.

hooks/sitebuild/snapshot.py (``make_snapshot``) runs this as ``python make.py ROOT LOADER WHEEL
OUT``, so the build that calls it never hosts Playwright itself; it prints the snapshot's facts
(bytes, ms in the worker) as one line of JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# The build's package (hooks/sitebuild/), as MkDocs puts hooks/ on sys.path for the hooks.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "hooks"))

from sitebuild.snapshot import run_browser


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="folder served as the site's root")
    parser.add_argument("loader", help="site path of pyodide-loader.mjs")
    parser.add_argument("wheel", help="site path of the flexdose wheel")
    parser.add_argument("out", type=Path, help="where to write the snapshot")
    args = parser.parse_args(argv)
    facts = run_browser(args.root, args.loader, args.wheel, args.out)
    if args.out.stat().st_size != facts["bytes"]:
        raise SystemExit(f"saved {args.out.stat().st_size} bytes of {facts['bytes']}")
    print(json.dumps(facts))


if __name__ == "__main__":
    main()
