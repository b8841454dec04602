"""Build the offline docs bundle: dist/itb-flex-offline.zip (`make bundle`).

The bundle is the whole site, built with Material's offline plugin (`OFFLINE=true`), so that it
opens by double-clicking its index.html: no server, no network. The same folder also works on any
static web server, at its root or under a sub-path (a clinic intranet).

What this script adds to `mkdocs build`:

- it leaves out what only a web server uses: the precompressed `.br`/`.gz` siblings and source
  maps;
- it adds HOW-TO-OPEN.txt at the top of the bundle (double-click, or the one-line local server);
- it writes a reproducible zip (sorted names, fixed timestamps) with one top folder, so unzipping
  never scatters files into the reader's Downloads folder.

Usage: python scripts/bundle.py [--out dist/itb-flex-offline.zip] [--keep-site DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "dist" / "itb-flex-offline.zip"
TOP_FOLDER = "itb-flex"
# Files a web server needs but the bundle does not (its pages are read from disk, uncompressed).
LEAVE_OUT_SUFFIXES = (".br", ".gz", ".map")
# Already-compressed formats: deflating them again costs time and saves nothing.
STORED_SUFFIXES = (".zip", ".whl", ".png", ".jpg", ".jpeg", ".webp", ".woff", ".woff2")
# 1980-01-01 is the earliest time a zip entry can carry; a fixed time makes the zip reproducible.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)

HOW_TO_OPEN = """\
ITB Flex: offline copy
======================

Education about intrathecal baclofen (ITB) pump therapy. Education only: it never programs or
reads a pump. Nothing you type is sent anywhere; this copy makes no network requests at all.

To read it
----------
Open the file index.html in this folder (double-click it). Every page, the search and the
flex-dosing preview work straight from the folder, with no internet connection.

If your browser blocks the preview from a file
----------------------------------------------
Some browsers refuse to run programs from files on disk. Then serve this folder on your own
computer instead (the pages stay on your computer; nothing is sent anywhere):

  1. Open a terminal (Command Prompt on Windows) in this folder.
  2. Run:   python3 -m http.server 8000 --bind 127.0.0.1
     (on Windows: py -m http.server 8000 --bind 127.0.0.1)
  3. Open   http://127.0.0.1:8000/   in your browser.
  4. Press Ctrl+C in the terminal when you are done.

On a clinic web server
----------------------
Copy this folder to any static web server, at its root or in a sub-folder. The file _headers
lists the response headers the embed page (embed/) should be sent with; servers that read
Netlify-style _headers files apply it as is.

En español
----------
Información sobre la terapia con bomba de baclofeno intratecal (ITB). Es solo para educación:
nunca programa ni lee una bomba. Nada de lo que usted escribe se envía a ningún lado; esta copia
no usa internet.

Para leerla, abra el archivo es/index.html de esta carpeta (haga doble clic). Todas las páginas,
la búsqueda y la vista previa de la dosificación flexible funcionan desde la carpeta, sin
conexión a internet.

Si su navegador no deja abrir la vista previa desde un archivo, sirva esta carpeta en su propia
computadora (las páginas se quedan en su computadora):

  1. Abra una terminal (Símbolo del sistema en Windows) en esta carpeta.
  2. Escriba:   python3 -m http.server 8000 --bind 127.0.0.1
     (en Windows: py -m http.server 8000 --bind 127.0.0.1)
  3. Abra   http://127.0.0.1:8000/es/   en su navegador.
  4. Cuando termine, presione Ctrl+C en la terminal.
"""


def build(site_dir: Path) -> None:
    """Build the site with the offline plugin on, strictly; exit with mkdocs' message on failure."""
    # No site_url: a bundle has no address, so no canonical links or sitemap entries point at one.
    env = {**os.environ, "OFFLINE": "true", "SITE_URL": "", "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site_dir)]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, check=False)
    if proc.returncode != 0:
        raise SystemExit(
            f"bundle: `mkdocs build --strict` failed (exit {proc.returncode}); see above."
        )


def prune(site_dir: Path) -> int:
    """Delete the files a bundle does not need; return how many bytes that saved."""
    saved = 0
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and path.name.endswith(LEAVE_OUT_SUFFIXES):
            saved += path.stat().st_size
            path.unlink()
    return saved


def write_zip(site_dir: Path, out: Path) -> None:
    """Zip site_dir under TOP_FOLDER/, reproducibly, with HOW-TO-OPEN.txt beside index.html."""
    if not (site_dir / "index.html").is_file():
        raise SystemExit(f"bundle: {site_dir} has no index.html; the build did not produce a site.")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        entries = [(f"{TOP_FOLDER}/HOW-TO-OPEN.txt", HOW_TO_OPEN.encode())]
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            rel = path.relative_to(site_dir).as_posix()
            entries.append((f"{TOP_FOLDER}/{rel}", path.read_bytes()))
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.external_attr = 0o644 << 16
            stored = name.endswith(STORED_SUFFIXES)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            zf.writestr(info, data, compresslevel=None if stored else 9)
    tmp.replace(out)


def make_bundle(out: Path = DEFAULT_OUT, keep_site: Path | None = None) -> Path:
    """Build, prune and zip the offline site; return the zip's path."""
    with tempfile.TemporaryDirectory(prefix="itb-flex-bundle-") as tmp:
        site_dir = Path(tmp) / TOP_FOLDER
        build(site_dir)
        prune(site_dir)
        write_zip(site_dir, out)
        if keep_site is not None:
            shutil.rmtree(keep_site, ignore_errors=True)
            shutil.copytree(site_dir, keep_site)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the zip")
    parser.add_argument(
        "--keep-site", type=Path, help="also keep the unzipped bundle in this folder"
    )
    args = parser.parse_args(argv)
    out = make_bundle(args.out.resolve(), args.keep_site)
    with zipfile.ZipFile(out) as zf:
        unpacked = sum(i.file_size for i in zf.infolist())
        count = len(zf.infolist())
    size = out.stat().st_size
    print(
        f"bundle: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: "
        f"{size / 1e6:.1f} MB zipped, {unpacked / 1e6:.1f} MB unpacked, {count} files"
    )


if __name__ == "__main__":
    main()
