// ITB Flex — the engine of the offline bundle opened from disk (file://).
//
// widget/offline/filemode.js (published only in the offline build) installs
// globalThis.ItbFlexFileEngine: the same worker.py on raw Pyodide, in a module worker started
// from a data: URL, because browsers refuse module scripts, fetch() and workers from files.

/** Whether this page was opened from a file (then only the file engine can run). */
export const fileEngineAvailable = () => location.protocol === "file:";

/** Start the file engine; resolves to worker.py's functions (JSON text in and out). */
export async function startFileEngine(RuntimeUnavailable, text) {
    const fileEngine = globalThis.ItbFlexFileEngine;
    if (!fileEngine) throw new RuntimeUnavailable(text.file_blocked);
    // Its errors already tell the reader how to open the bundle so that the preview works.
    return fileEngine.start().catch((error) => {
        throw new RuntimeUnavailable(error.message);
    });
}
