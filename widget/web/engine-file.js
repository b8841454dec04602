// ITB Flex — the engine of the offline bundle, opened from disk (file://) or served.
//
// widget/offline/filemode.js (published only in the offline build) installs
// globalThis.ItbFlexFileEngine, which reads the runtime files from classic payload scripts (the
// one thing file:// allows) and starts pyodide-worker.js (from a data: URL on file://, because
// browsers refuse module scripts, fetch() and workers from files). The worker then runs the
// same worker.py, driven by the same workerApi() as over http. The bundle holds the runtime
// only as payloads, so a served bundle uses this engine too.

import { workerApi } from "./engine-worker.js";

/** Whether the file engine is the one to run: a page of the offline bundle, or any page opened
 * from a file (then nothing else can run; without the bundle's script it says so). */
export const fileEngineAvailable = () =>
    location.protocol === "file:" || Boolean(globalThis.ItbFlexFileEngine);

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
