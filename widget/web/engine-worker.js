// ITB Flex — worker.py on plain Pyodide in our own module worker (pyodide-worker.js).
//
// The web engine where PyScript cannot start: a cross-site frame whose browser refuses it
// storage (engine.js chooses). It loads the same runtime files as the PyScript worker and runs
// the same worker.py; workerApi() also drives the offline bundle's file:// worker.

import { RUNTIME } from "./runtime.js";

/**
 * Boot a pyodide-worker.js worker with `boot`; resolves to its exported functions, each
 * name(...args) -> Promise of the result (the same shape as PyScript's worker.sync).
 */
export function workerApi(worker, boot) {
    return new Promise((resolve, reject) => {
        let nextId = 0;
        const pending = new Map();
        const call =
            (name) =>
            (...args) =>
                new Promise((done, failed) => {
                    nextId += 1;
                    pending.set(nextId, { done, failed });
                    worker.postMessage({ type: "call", id: nextId, name, args });
                });
        worker.onmessage = ({ data }) => {
            if (data.type === "ready") {
                resolve(Object.freeze(Object.fromEntries(data.exports.map((n) => [n, call(n)]))));
            } else if (data.type === "failed") {
                reject(new Error(data.error));
            } else if (data.type === "result") {
                const waiting = pending.get(data.id);
                if (!waiting) return;
                pending.delete(data.id);
                if (data.ok) waiting.done(data.value);
                else waiting.failed(new Error(data.error));
            }
        };
        worker.onerror = (event) => {
            const error = new Error(event.message || "the worker stopped");
            reject(error);
            for (const waiting of pending.values()) waiting.failed(error);
            pending.clear();
        };
        worker.postMessage(boot);
    });
}

/** Start worker.py on Pyodide in a module worker from the site's runtime files. */
export function startWorkerEngine() {
    const worker = new Worker(new URL("./pyodide-worker.js", import.meta.url), {
        type: "module",
        name: "itb-flex",
    });
    return workerApi(worker, {
        type: "boot",
        from: "urls",
        pyodide: RUNTIME.pyodide,
        wheel: RUNTIME.wheel,
        workerPy: RUNTIME.workerPy,
    });
}
