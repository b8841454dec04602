// ITB Flex — where the browser runtime is, and whether this browser can reach and run it.
// Shared by both web engines (engine-pyscript.js, engine-worker.js), so they load the same files.

// Written by hooks/runtime.py at build time: versioned folders under assets/runtime/.
const PATHS = {
    loader: "__ITB_LOADER__",
    wasm: "__ITB_WASM__",
    pyscript: "__ITB_PYSCRIPT__",
    wheel: "__ITB_WHEEL__",
};
const here = (path) => new URL(path, import.meta.url).href;

/**
 * Absolute URLs of the Pyodide loader (pyodide-loader.mjs: Pyodide with the trimmed,
 * precompiled stdlib), Pyodide's wasm, PyScript's core module, the flexdose wheel, worker.py.
 */
export const RUNTIME = Object.freeze({
    pyodide: here(PATHS.loader),
    wasm: here(PATHS.wasm),
    pyscript: here(PATHS.pyscript),
    wheel: here(PATHS.wheel),
    workerPy: here("./worker.py"),
});

// The smallest valid WebAssembly module: its header.
const EMPTY_WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/**
 * Check, before any worker starts, that wasm may be compiled here and the runtime is reachable.
 *
 * Pyodide hangs (it never rejects) when its wasm cannot be fetched or compiled inside a worker,
 * and leaves its failed fetch unhandled there: so both are checked first, and the worker starts
 * only when they pass (one small HEAD request, from the cache when warm).
 */
export async function preflight(RuntimeUnavailable, text) {
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
        throw new RuntimeUnavailable(text.no_wasm);
    }
    // Both questions at once (the request is a round trip); a blocked wasm is said first.
    const reachable = fetch(RUNTIME.wasm, { method: "HEAD" }).then(
        (response) => response.ok,
        () => false,
    );
    try {
        await WebAssembly.compile(EMPTY_WASM);
    } catch {
        throw new RuntimeUnavailable(text.wasm_blocked);
    }
    if (!(await reachable)) {
        throw new RuntimeUnavailable(text.download_failed);
    }
}

/**
 * Whether this window may use IndexedDB. PyScript's worker opens it at every start and fails
 * when it is refused, as it is in a cross-site frame (Chromium with third-party storage blocked,
 * Safari). databases() only reads: nothing is created to find out.
 */
export async function storageUsable() {
    try {
        if (typeof indexedDB !== "object" || indexedDB === null) return false;
        if (typeof indexedDB.databases !== "function") return true; // cannot tell: try PyScript
        await indexedDB.databases();
        return true;
    } catch {
        return false;
    }
}
