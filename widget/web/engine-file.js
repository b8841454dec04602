// ITB Flex — the engine of the offline bundle opened from disk (file://).
//
// widget/offline/filemode.js (published only in the offline build) installs
// globalThis.ItbFlexFileEngine, which reads the runtime files from classic payload scripts (the
// one thing file:// allows) and starts pyodide-worker.js from a data: URL, because browsers
// refuse module scripts, fetch() and workers from files. The worker then runs the same
// worker.py, driven by the same workerApi() as over http.

import { workerApi } from "./engine-worker.js";

/** Whether this page was opened from a file (then only the file engine can run). */
export const fileEngineAvailable = () => location.protocol === "file:";

/** Start the file engine; resolves to worker.py's functions (JSON text in and out). */
export async function startFileEngine(RuntimeUnavailable, text) {
    const fileEngine = globalThis.ItbFlexFileEngine;
    if (!fileEngine) throw new RuntimeUnavailable(text.file_blocked);
    try {
        const { worker, boot } = await fileEngine.prepare();
        return await workerApi(worker, boot);
    } catch (error) {
        // Its message tells the reader how to open the bundle so that the preview works.
        throw new RuntimeUnavailable(fileEngine.explain(error));
    }
}
