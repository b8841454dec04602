#!/usr/bin/env bash
# Install everything ITB Flex needs on a fresh Debian machine, from the lock files only:
#   - Debian: chromium + chromium-driver (browser tests) and a Java runtime (the Nu Html Checker);
#   - a virtual environment in .venv from requirements-dev.lock, with flexdose installed editable;
#   - node_modules from package-lock.json (the vendored browser runtime and test tools).
# Safe to run again: each step is skipped when it is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=${ITB_SETUP_BROWSER:-1}

apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "setup: missing Debian packages: $*. Install them with: sudo apt-get install -y $*" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [ "$want_browser" = 1 ]; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium chromium-driver)
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
fi

PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: Python 3.11 or newer is needed ($PY is $("$PY" --version 2>&1)). Set PYTHON=/path/to/python3.11." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then "$PY" -m venv .venv; fi
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.lock
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .

npm ci --no-audit --no-fund --loglevel=error

# Pure-Python wheels for running the flexdose tests inside Pyodide (tests/quality/test_in_pyodide.py):
# fetched here, at install time, never by a test. Skipped when this lock's wheels are already there.
wheels=.cache/pyodide-wheels
if ! cmp -s requirements-pyodide.lock "$wheels/requirements-pyodide.lock"; then
  rm -rf "$wheels"
  .venv/bin/python -m pip download -q --disable-pip-version-check --no-deps --only-binary=:all: \
    --platform any --implementation py --abi none --python-version 3.14 \
    -d "$wheels" -r requirements-pyodide.lock
  cp requirements-pyodide.lock "$wheels/requirements-pyodide.lock"
fi
