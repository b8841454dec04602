// ITB Flex file mode, worker side: runs flexdose on Pyodide when the offline bundle is opened
// straight from disk (file://), where browsers refuse module scripts, fetch() and workers loaded
// from file URLs. The page reads every runtime file from classic <script> files (the one thing
// file:// allows), as base64 text, and hands them over; this worker decodes them, lets Pyodide
// "fetch" them from memory, installs the flexdose wheel and runs the widget's own worker.py, so
// the same Python answers as in the PyScript worker the site uses when served over http(s).
//
// Messages: page -> worker {type: "boot", files: {name: {encoding, b64}}, wheel, workerPy}
//           worker -> page {type: "ready", exports: [names]} | {type: "failed", error}
//           page -> worker {type: "call", id, name, args}; worker -> page {type: "result", id,
//           ok, value | error}. The worker never makes a request of any kind.

// A base URL that is never fetched from the network: memoryFetch answers every URL below it.
const INDEX_URL = "itb-flex-file:/runtime/";
const CONTENT_TYPES = { ".wasm": "application/wasm", ".json": "application/json" };

async function decode({ encoding, b64 }) {
    const bytes =
        typeof Uint8Array.fromBase64 === "function"
            ? Uint8Array.fromBase64(b64)
            : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    if (encoding === "raw") return bytes;
    if (encoding !== "gzip") throw new Error(`unknown payload encoding ${encoding}`);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
}

function memoryFetch(files, networkFetch) {
    return (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (!url.startsWith(INDEX_URL)) return networkFetch(input, init);
        const name = url.slice(INDEX_URL.length).split(/[?#]/)[0];
        if (!(name in files)) return Promise.resolve(new Response("", { status: 404 }));
        const suffix = name.slice(name.lastIndexOf("."));
        const type = CONTENT_TYPES[suffix] ?? "application/octet-stream";
        return Promise.resolve(new Response(files[name], { headers: { "Content-Type": type } }));
    };
}

const moduleUrl = (bytes) => URL.createObjectURL(new Blob([bytes], { type: "text/javascript" }));

async function boot({ files: encoded, wheel, workerPy }) {
    const files = {};
    for (const [name, entry] of Object.entries(encoded)) files[name] = await decode(entry);
    self.fetch = memoryFetch(files, self.fetch.bind(self));
    const { loadPyodide } = await import(moduleUrl(files["pyodide.mjs"]));
    // Handing Pyodide its Emscripten module spares it an import() of a file URL.
    const asm = await import(moduleUrl(files["pyodide.asm.mjs"]));
    const pyodide = await loadPyodide({
        indexURL: INDEX_URL,
        createPyodideModule: asm.default,
        lockFileContents: JSON.parse(new TextDecoder().decode(files["pyodide-lock.json"])),
        stdLibURL: `${INDEX_URL}python_stdlib.zip`,
    });
    pyodide.unpackArchive(files[wheel], "wheel");
    pyodide.FS.mkdirTree("/home/pyodide/itb_flex");
    pyodide.FS.writeFile("/home/pyodide/itb_flex/itb_flex_worker.py", workerPy);
    pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/itb_flex')");
    const module = pyodide.pyimport("itb_flex_worker");
    const names = module.__export__.toJs();
    const functions = Object.fromEntries(names.map((name) => [name, module[name]]));
    return functions;
}

let functions = null;

self.onmessage = async ({ data }) => {
    if (data.type === "boot") {
        try {
            functions = await boot(data);
            self.postMessage({ type: "ready", exports: Object.keys(functions) });
        } catch (error) {
            self.postMessage({ type: "failed", error: String(error?.message ?? error) });
        }
        return;
    }
    if (data.type === "call") {
        const fn = functions?.[data.name];
        try {
            if (!fn) throw new Error(`the worker has no function ${data.name}`);
            self.postMessage({ type: "result", id: data.id, ok: true, value: fn(...data.args) });
        } catch (error) {
            self.postMessage({ type: "result", id: data.id, ok: false, error: String(error) });
        }
    }
};
