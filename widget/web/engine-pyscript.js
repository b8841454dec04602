// ITB Flex — the engine of the web site and the portal embed: Pyodide in a PyScript worker, so
// the page stays responsive while Python starts and the strict CSP needs no 'unsafe-eval'.

// Written by hooks/runtime.py at build time: versioned folders under assets/runtime/.
const RUNTIME = {
    pyodide: "__ITB_PYODIDE__",
    pyscript: "__ITB_PYSCRIPT__",
    wheel: "__ITB_WHEEL__",
};
const here = (path) => new URL(path, import.meta.url).href;

// The smallest valid WebAssembly module: its header.
const EMPTY_WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/** Start worker.py in a PyScript worker; resolves to its exported functions. */
export async function startPyScriptEngine(RuntimeUnavailable, text) {
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
        throw new RuntimeUnavailable(text.no_wasm);
    }
    // Pyodide hangs (it never rejects) when its wasm cannot be fetched or compiled inside the
    // worker, and leaves its failed fetch unhandled there: so both are checked first, and the
    // worker starts only when they pass (one small HEAD request, from the cache when warm).
    await preflight(RuntimeUnavailable, text);
    const { PyWorker } = await import(here(RUNTIME.pyscript));
    const worker = await PyWorker(here("./worker.py"), {
        type: "pyodide",
        // PyWorker ignores config.interpreter: `version` is what keeps it off the CDN.
        version: here(RUNTIME.pyodide),
        config: { files: { [here(RUNTIME.wheel)]: "./*" } },
    });
    return worker.sync;
}

async function preflight(RuntimeUnavailable, text) {
    try {
        await WebAssembly.compile(EMPTY_WASM);
    } catch {
        throw new RuntimeUnavailable(text.wasm_blocked);
    }
    // HEAD: the worker's own download is not repeated, only its reachability is checked.
    let response = null;
    try {
        response = await fetch(new URL("pyodide.asm.wasm", here(RUNTIME.pyodide)), {
            method: "HEAD",
        });
    } catch {
        response = null;
    }
    if (!response || !response.ok) {
        throw new RuntimeUnavailable(text.download_failed);
    }
}
