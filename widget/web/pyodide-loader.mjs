// ITB Flex — the one way every engine starts Pyodide: with the site's trimmed, precompiled
// standard library and an inline lock.
//
// hooks/runtime.py publishes this module beside the flexdose wheel and python_stdlib.zip (it
// writes in the Pyodide folder and the lock). It has Pyodide's own exports, so PyScript's
// PyWorker takes its URL as `version` like pyodide.mjs itself; PyScript passes only some options
// to loadPyodide, so this is where the rest are added:
//   - stdLibURL: the .pyc-only stdlib holding just what flexdose, worker.py and PyScript import
//     (hooks/sitebuild/stdlib.py), instead of npm's 2.5 MB of sources compiled at every start;
//   - lockFileContents: the lock's info with no packages (nothing is ever installed), which
//     spares fetching the 119 KB pyodide-lock.json;
//   - indexURL: Pyodide's own folder (its wasm and Emscripten module), not this one;
//   - _loadSnapshot, in a dedicated worker only: Pyodide's memory right after this same start,
//     made at build time in a module worker (hooks/sitebuild/snapshot.py), which skips Python's
//     start-up. It is Pyodide's private API, so it is checked and never trusted: the download
//     must have the size the build wrote here, Pyodide refuses a snapshot of another build,
//     the restored Python must answer, and on any failure Pyodide starts the normal way.
//     It is skipped on the main thread (where it does not restore) and when the browser asks
//     to save data or says the network is slow (it adds about 4 MB to a first visit).
import { loadPyodide as loadStockPyodide, version } from "__ITB_PYODIDE_DIR__pyodide.mjs";

export { version };

const here = (path) => new URL(path, import.meta.url).href;

/** Pyodide's folder, this runtime's stdlib and lock: for engines that feed Pyodide from memory. */
export const RUNTIME_FILES = Object.freeze({
    indexURL: here("__ITB_PYODIDE_DIR__"),
    stdLibURL: here("./python_stdlib.zip"),
    lock: __ITB_LOCK__,
});

// {url, bytes} of this runtime's snapshot, or null when the build made none (ITB_SNAPSHOT=0).
const SNAPSHOT = __ITB_SNAPSHOT__;
// Network Information API values under which the extra download costs more than it saves.
const SLOW_NETWORKS = new Set(["slow-2g", "2g", "3g"]);

/** Whether this start should try the snapshot: a worker, a snapshot, no wish to save data. */
function snapshotWanted(options) {
    if (!SNAPSHOT || options._makeSnapshot) return false;
    if (typeof WorkerGlobalScope === "undefined" || !(globalThis instanceof WorkerGlobalScope)) {
        return false;
    }
    const connection = globalThis.navigator?.connection;
    return !connection?.saveData && !SLOW_NETWORKS.has(connection?.effectiveType);
}

async function downloadSnapshot() {
    const url = here(SNAPSHOT.url);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength !== SNAPSHOT.bytes) {
        throw new Error(`${url} has ${bytes.byteLength} bytes, the build wrote ${SNAPSHOT.bytes}`);
    }
    return bytes;
}

/** loadPyodide with this runtime's files; the caller's options (stdout, env...) are kept. */
export async function loadPyodide(options = {}) {
    const settings = {
        ...options,
        indexURL: RUNTIME_FILES.indexURL,
        stdLibURL: RUNTIME_FILES.stdLibURL,
        lockFileContents: RUNTIME_FILES.lock,
    };
    if (!snapshotWanted(options)) return loadStockPyodide(settings);
    const snapshot = downloadSnapshot();
    snapshot.catch(() => {}); // its failure is handled below, once Pyodide awaits it
    try {
        const pyodide = await loadStockPyodide({ ...settings, _loadSnapshot: snapshot });
        // The restored interpreter must run Python and be this build's.
        const answer = pyodide.runPython("import sys; '%d.%d' % sys.version_info[:2]");
        if (!RUNTIME_FILES.lock.info.python.startsWith(`${answer}.`)) {
            throw new Error(`the restored Python says ${answer}`);
        }
        return pyodide;
    } catch (error) {
        console.warn("ITB Flex: Pyodide's memory snapshot was not used; starting it anew.", error);
        return loadStockPyodide(settings);
    }
}
