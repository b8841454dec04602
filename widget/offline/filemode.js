// ITB Flex file mode: the offline bundle's widget, opened straight from disk (file://) or from
// the unzipped bundle on any static server.
//
// From a file URL, browsers refuse module scripts, fetch() and workers loaded from files (the
// origin is "null"); classic <script src> still works. So, in the offline build only
// (hooks/offline.py), this classic script:
//   1. gives the widget ItbFlexFileEngine, which its engine-file.js uses instead of PyScript:
//      the runtime files (Pyodide, the trimmed stdlib and lock, the flexdose wheel, the widget's
//      worker.py) come from classic payload scripts as base64, for pyodide-worker.js (the
//      widget's own plain Pyodide worker). The bundle holds the runtime once, in the payloads,
//      so the same engine runs when the bundle is served over http(s) (a clinic intranet);
//   2. from file:// only, reads the widget's modules (assets/itb-flex/*.js, as the site
//      publishes them) from a classic payload script, and imports them from blob: URLs
//      (relative imports between them rewritten to those URLs, import.meta.url to the file's
//      real address). Over http(s) web-entry.js imports the module as the web build does.
// Nothing here makes a request beyond the bundle's own files.
(() => {
    "use strict";

    // Written by hooks/offline.py: payload script names (relative to this file) and what is in them.
    const MANIFEST = __ITB_FILE_MANIFEST__;
    const here = document.currentScript.src;
    // Material's offline build loads the iframe-worker shim, which replaces Worker on file://
    // (for its search); native-worker.js kept the browser's own Worker before that.
    const NativeWorker = self.ItbFlexNativeWorker || self.Worker;

    // What a person reads when the preview cannot start, in the page's language (the edition's
    // <html lang>; the Spanish pages are under es/).
    const WORDS = {
        en: {
            howToOpen:
                "To use the live preview, serve the bundle on this computer instead: open a " +
                "terminal in the itb-flex folder, run  python3 -m http.server 8000 --bind " +
                "127.0.0.1  and open http://127.0.0.1:8000/ (HOW-TO-OPEN.txt in that folder has " +
                "the steps).",
            fromFile: "The live preview could not start from this file",
            notStarted: "The live preview could not start",
            incomplete:
                "Reload the page; if it happens again, the copy of ITB Flex on this server is " +
                "incomplete.",
            notLoaded: "The live preview could not load from this file.",
        },
        es: {
            howToOpen:
                "Para usar la vista previa en vivo, abra el paquete desde un servidor en esta " +
                "computadora: abra una terminal en la carpeta itb-flex, escriba  python3 -m " +
                "http.server 8000 --bind 127.0.0.1  y abra http://127.0.0.1:8000/es/ (el archivo " +
                "HOW-TO-OPEN.txt de esa carpeta tiene los pasos).",
            fromFile: "La vista previa en vivo no pudo empezar desde este archivo",
            notStarted: "La vista previa en vivo no pudo empezar",
            incomplete:
                "Vuelva a cargar la página; si pasa otra vez, la copia de ITB Flex en este " +
                "servidor está incompleta.",
            notLoaded: "La vista previa en vivo no pudo cargarse desde este archivo.",
        },
    };
    const lang = (document.documentElement.lang || "en").toLowerCase().split("-")[0];
    const words = WORDS[lang] ?? WORDS.en;
    const HOW_TO_OPEN = words.howToOpen;

    const payload = {
        files: {},
        put(name, encoding, b64) {
            this.files[name] = { encoding, b64 };
        },
    };
    // The payload scripts (classic scripts, the only kind file:// runs) call put() on this global.
    self.ItbFlexFilePayload = payload;

    function loadScript(name) {
        return new Promise((resolve, reject) => {
            const script = document.createElement("script");
            script.src = new URL(name, here).href;
            script.onload = () => {
                script.remove();
                resolve();
            };
            script.onerror = () => reject(new Error(`${name} is missing from the bundle`));
            document.head.append(script);
        });
    }

    const text = (name) => {
        const entry = payload.files[name];
        if (entry?.encoding !== "raw") throw new Error(`${name} is missing from the bundle`);
        return new TextDecoder().decode(Uint8Array.from(atob(entry.b64), (c) => c.charCodeAt(0)));
    };

    // -- The engine's worker, fed from memory (engine-file.js boots and drives it) --

    async function prepare() {
        if (typeof DecompressionStream !== "function" || typeof WebAssembly !== "object") {
            throw new Error("this browser is too old to run it from a file");
        }
        // worker.py comes with the widget's modules, which only file:// has loaded already.
        const scripts = payload.files[MANIFEST.workerPy]
            ? MANIFEST.runtime
            : [...MANIFEST.runtime, MANIFEST.modules];
        await Promise.all(scripts.map(loadScript));
        const files = {};
        for (const name of [...MANIFEST.pyodide, MANIFEST.wheel]) {
            if (!payload.files[name]) throw new Error(`${name} is missing from the bundle`);
            files[name] = payload.files[name];
            delete payload.files[name]; // the worker keeps the only copy
        }
        // From a file the worker can only come from a data: URL; over http(s) it is the site's
        // own file (a page's CSP allows workers from 'self', not from data:).
        const source =
            location.protocol === "file:"
                ? `data:text/javascript;base64,${payload.files[MANIFEST.worker].b64}`
                : new URL(`${MANIFEST.moduleDir}${MANIFEST.worker}`, here).href;
        const worker = new NativeWorker(source, { type: "module", name: "itb-flex-file" });
        const boot = {
            type: "boot",
            from: "memory",
            files,
            wheel: MANIFEST.wheel,
            workerPy: text(MANIFEST.workerPy),
        };
        return { worker, boot };
    }

    const explain = (error) =>
        location.protocol === "file:"
            ? `${words.fromFile} (${error?.message ?? error}). ${HOW_TO_OPEN}`
            : `${words.notStarted} (${error?.message ?? error}). ${words.incomplete}`;

    self.ItbFlexFileEngine = Object.freeze({ prepare, explain, howToOpen: HOW_TO_OPEN });
    if (location.protocol !== "file:") return;
    if (!document.querySelector("[data-itb-flex]")) return;
    // The embed page's own policy refuses blob: modules: from a file it keeps its static picture
    // (a portal frames it over http(s), where web-entry.js loads the widget).
    if (document.querySelector('meta[http-equiv="Content-Security-Policy" i]')) return;

    // -- The widget's modules, from blob: URLs --

    async function importWidget() {
        await loadScript(MANIFEST.modules);
        const urls = {};
        // Dependencies first (MANIFEST.order), so each import can point at a finished blob URL.
        for (const name of MANIFEST.order) {
            const realUrl = new URL(`${MANIFEST.moduleDir}${name}`, here).href;
            let source = text(`module:${name}`).replaceAll(
                "import.meta.url",
                JSON.stringify(realUrl),
            );
            source = source.replace(/(["'])\.\/([\w.-]+\.js)\1/g, (match, _quote, dep) =>
                dep in urls ? JSON.stringify(urls[dep]) : match,
            );
            urls[name] = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
        }
        const widget = await import(urls[MANIFEST.order[MANIFEST.order.length - 1]]);
        // Material's document$ emitted while the payload loaded, before the module subscribed:
        // mount now (scan skips widgets that are already mounted).
        widget.scan();
    }

    importWidget().catch((error) => {
        console.error("ITB Flex: the widget could not load from this file:", error);
        for (const root of document.querySelectorAll("[data-itb-flex] [data-itb-status]")) {
            root.setAttribute("role", "alert");
            root.textContent = `${words.notLoaded} ${HOW_TO_OPEN}`;
        }
    });
})();
