// ITB Flex — the engine of the web site: Pyodide in a PyScript worker, so the page stays
// responsive while Python starts and the strict CSP needs no 'unsafe-eval'.

import { RUNTIME } from "./runtime.js";

let pyscript = null;

/** Begin loading PyScript's module (once): the engine start overlaps it with its checks. */
export function loadPyScript() {
    pyscript ??= import(RUNTIME.pyscript);
    return pyscript;
}

/** Start worker.py in a PyScript worker; resolves to its exported functions. */
export async function startPyScriptEngine() {
    const { PyWorker } = await loadPyScript();
    const worker = await PyWorker(RUNTIME.workerPy, {
        type: "pyodide",
        // PyWorker ignores config.interpreter: `version` is what keeps it off the CDN. It is our
        // loader module, which starts Pyodide with the trimmed, precompiled stdlib.
        version: RUNTIME.pyodide,
        config: { files: { [RUNTIME.wheel]: "./*" } },
    });
    return worker.sync;
}
