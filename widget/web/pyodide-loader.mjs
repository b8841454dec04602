// ITB Flex — the one way every engine starts Pyodide: with the site's trimmed, precompiled
// standard library and an inline lock.
//
// hooks/runtime.py publishes this module beside the flexdose wheel and python_stdlib.zip (it
// writes in the Pyodide folder and the lock). It has Pyodide's own exports, so PyScript's
// PyWorker takes its URL as `version` like pyodide.mjs itself; PyScript passes only some options
// to loadPyodide, so this is where the rest are added:
//   - stdLibURL: the .pyc-only stdlib holding just what flexdose, worker.py and PyScript import
//     (scripts/stdlib/build.py), instead of npm's 2.5 MB of sources compiled at every start;
//   - lockFileContents: the lock's info with no packages (nothing is ever installed), which
//     spares fetching the 119 KB pyodide-lock.json;
//   - indexURL: Pyodide's own folder (its wasm and Emscripten module), not this one.
import { loadPyodide as loadStockPyodide, version } from "__ITB_PYODIDE_DIR__pyodide.mjs";

export { version };

const here = (path) => new URL(path, import.meta.url).href;

/** Pyodide's folder, this runtime's stdlib and lock: for engines that feed Pyodide from memory. */
export const RUNTIME_FILES = Object.freeze({
    indexURL: here("__ITB_PYODIDE_DIR__"),
    stdLibURL: here("./python_stdlib.zip"),
    lock: __ITB_LOCK__,
});

/** loadPyodide with this runtime's files; the caller's options (stdout, env...) are kept. */
export function loadPyodide(options = {}) {
    return loadStockPyodide({
        ...options,
        indexURL: RUNTIME_FILES.indexURL,
        stdLibURL: RUNTIME_FILES.stdLibURL,
        lockFileContents: RUNTIME_FILES.lock,
    });
}
