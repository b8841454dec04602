// Build only: start Pyodide through the site's loader, exactly as the widget's workers do, and
// hand back its memory snapshot. A dedicated module worker, because that is where the snapshot
// is restored (PyScript's PyWorker, the embed's worker): a snapshot records which JavaScript
// globals Python holds, and one made on a page's main thread did not restore in a worker.
self.onmessage = async ({ data }) => {
    try {
        const started = performance.now();
        const { loadPyodide } = await import(data.loader);
        const [pyodide, wheel, imports] = await Promise.all([
            loadPyodide({ _makeSnapshot: true }),
            fetch(data.wheel).then((r) => r.arrayBuffer()),
            fetch(data.imports).then((r) => r.text()),
        ]);
        // What PyScript does next with the site's `files` setting (the wheel into the working
        // folder), then worker.py's imports: restored, flexdose is already imported. No
        // JavaScript object is handed to Python, so the snapshot holds none.
        pyodide.unpackArchive(new Uint8Array(wheel), "wheel", { extractDir: "./" });
        pyodide.runPython(imports);
        const snapshot = pyodide.makeMemorySnapshot();
        self.postMessage({ snapshot, ms: performance.now() - started }, [snapshot.buffer]);
    } catch (error) {
        self.postMessage({ error: String(error?.stack ?? error) });
    }
};
