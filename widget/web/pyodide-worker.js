// ITB Flex — worker.py on plain Pyodide in a module worker, without PyScript.
//
// Two engines start it (same messages, same Python):
// - engine-worker.js, over http(s), where PyScript cannot start: a cross-site frame (a portal)
//   whose browser refuses it storage, since PyScript's worker opens IndexedDB at every start.
//   The runtime files come from the site, by URL. Nothing is stored: Pyodide needs no storage.
// - widget/offline/filemode.js, for the offline bundle opened straight from disk (file://),
//   where browsers refuse fetch() and workers loaded from files: the page reads every runtime
//   file from classic <script> files as base64 and hands them over, and this worker lets
//   Pyodide "fetch" them from memory. It then makes no request of any kind.
//
// Messages: page -> worker {type: "boot", from: "urls", pyodide, wheel, workerPy}
//                      or {type: "boot", from: "memory", files: {name: {encoding, b64}}, wheel,
//                          workerPy: <source text>}
//           worker -> page {type: "ready", exports: [names]} | {type: "failed", error}
//           page -> worker {type: "call", id, name, args}; worker -> page {type: "result", id,
//           ok, value | error}.

// A base URL that is never fetched from the network: memoryFetch answers every URL below it.
const MEMORY_URL = "itb-flex-file:/runtime/";
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
        if (!url.startsWith(MEMORY_URL)) return networkFetch(input, init);
        const name = url.slice(MEMORY_URL.length).split(/[?#]/)[0];
        if (!(name in files)) return Promise.resolve(new Response("", { status: 404 }));
        const suffix = name.slice(name.lastIndexOf("."));
        const type = CONTENT_TYPES[suffix] ?? "application/octet-stream";
        return Promise.resolve(new Response(files[name], { headers: { "Content-Type": type } }));
    };
}

const moduleUrl = (bytes) => URL.createObjectURL(new Blob([bytes], { type: "text/javascript" }));

async function download(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} could not be downloaded (HTTP ${response.status})`);
    return response;
}

async function bootFromMemory({ files: encoded, wheel, workerPy }) {
    const files = {};
    for (const [name, entry] of Object.entries(encoded)) files[name] = await decode(entry);
    self.fetch = memoryFetch(files, self.fetch.bind(self));
    const { loadPyodide } = await import(moduleUrl(files["pyodide.mjs"]));
    // Handing Pyodide its Emscripten module spares it an import() of a file URL. The stdlib and
    // lock are the site's trimmed ones (hooks/offline.py packs what the web build publishes).
    const asm = await import(moduleUrl(files["pyodide.asm.mjs"]));
    const pyodide = await loadPyodide({
        indexURL: MEMORY_URL,
        createPyodideModule: asm.default,
        lockFileContents: JSON.parse(new TextDecoder().decode(files["pyodide-lock.json"])),
        stdLibURL: `${MEMORY_URL}python_stdlib.zip`,
    });
    return install(pyodide, files[wheel], workerPy);
}

async function bootFromUrls({ pyodide: loaderUrl, wheel, workerPy }) {
    // The site's pyodide-loader.mjs: it gives Pyodide its folder, the trimmed stdlib and lock.
    const { loadPyodide } = await import(loaderUrl);
    const [pyodide, wheelBytes, source] = await Promise.all([
        loadPyodide(),
        download(wheel).then((r) => r.arrayBuffer()),
        download(workerPy).then((r) => r.text()),
    ]);
    return install(pyodide, new Uint8Array(wheelBytes), source);
}

/** Unpack the flexdose wheel, import worker.py; returns its exported functions by name. */
function install(pyodide, wheelBytes, workerPy) {
    // Into the working folder, where PyScript's `files` setting puts it: the memory snapshot
    // (scripts/snapshot/) has flexdose imported from there, and reads its examples from there.
    pyodide.unpackArchive(wheelBytes, "wheel", { extractDir: "./" });
    pyodide.FS.mkdirTree("/home/pyodide/itb_flex");
    pyodide.FS.writeFile("/home/pyodide/itb_flex/itb_flex_worker.py", workerPy);
    pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/itb_flex')");
    const module = pyodide.pyimport("itb_flex_worker");
    const names = module.__export__.toJs();
    return Object.fromEntries(names.map((name) => [name, module[name]]));
}

let functions = null;

self.onmessage = async ({ data }) => {
    if (data.type === "boot") {
        try {
            functions =
                data.from === "urls" ? await bootFromUrls(data) : await bootFromMemory(data);
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
