// Runs the flexdose unit tests under pytest inside Pyodide, then reports through the DOM.
// The pattern of PyScript's own suite (core/tests/python/main.py writes its result JSON into a
// #result element that Playwright reads): tests/quality/test_in_pyodide.py serves this folder
// next to ./pyodide/ (the vendored npm core files and the test stdlib), ./wheels/ (pytest and
// friends, fetched at setup time, and the site's flexdose wheel), suite.zip (the test files) and
// manifest.json. Nothing here reaches past this page's origin.

// The tail of pytest's output that is kept in the result (its summary is at the end).
const MAX_OUTPUT_CHARS = 20000;
const status = document.getElementById("status");
const result = document.getElementById("result");

function finish(state, payload) {
    result.textContent = JSON.stringify(payload);
    result.dataset.state = state;
    status.textContent = state === "done" ? "Finished." : "Failed to run the tests.";
}

async function bytes(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.arrayBuffer();
}

async function main() {
    const manifest = await (await fetch("./manifest.json")).json();
    const { loadPyodide } = await import("./pyodide/pyodide.mjs");
    const started = performance.now();
    // The site's trimmed, precompiled stdlib with the stock sources added for pytest's own
    // imports (test_in_pyodide.py builds it): Python picks a module's .pyc before its .py.
    const pyodide = await loadPyodide({
        indexURL: new URL("./pyodide/", location.href).href,
        stdLibURL: new URL(`./pyodide/${manifest.stdlib}`, location.href).href,
    });
    const loadedMs = performance.now() - started;
    // pytest's text report, kept whole (progress dots included) for the CPython side to print
    // when something fails.
    let output = "";
    const decoder = new TextDecoder();
    const write = (buffer) => {
        output += decoder.decode(buffer, { stream: true });
        return buffer.length;
    };
    pyodide.setStdout({ write });
    pyodide.setStderr({ write });
    status.textContent = "Installing the wheels…";
    // Into site-packages explicitly: unpackArchive's default is the working directory, which
    // stops being on sys.path once the suite chdirs into its root.
    const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
    for (const wheel of manifest.wheels) {
        const buffer = await bytes(`./wheels/${wheel}`);
        pyodide.unpackArchive(buffer, "wheel", { extractDir: sitePackages });
    }
    pyodide.unpackArchive(await bytes("./suite.zip"), "zip", { extractDir: manifest.root });
    const runner = new Uint8Array(await bytes("./run_suite.py"));
    pyodide.FS.writeFile("/home/pyodide/run_suite.py", runner);
    status.textContent = "Running pytest…";
    const runSuite = pyodide.pyimport("run_suite");
    const report = JSON.parse(
        runSuite.run(manifest.root, pyodide.toPy(manifest.args), pyodide.toPy(manifest.env)),
    );
    report.output = output.slice(-MAX_OUTPUT_CHARS);
    report.load_ms = Math.round(loadedMs);
    report.total_ms = Math.round(performance.now() - started);
    finish("done", report);
}

main().catch((error) => finish("failed", { error: String(error?.stack ?? error) }));
