// ITB Flex — start the engine while the page is still being read.
//
// hooks/sitebuild/widget.py puts this module (async) in front of each page's first widget. The widget's
// own module (itb-flex.js) mounts on Material's document$, which first emits only once Material's
// scripts have run, about a second into a cold load on a slow machine; starting the engine from
// here lets Pyodide download and compile in its worker meanwhile. It only starts what the widget
// would start anyway (one engine per window, engine.js), shows nothing, stores nothing, and the
// widget reports any failure when it mounts. Pages reached by instant navigation do not run it
// again (a module runs once per document): itb-flex.js, already loaded, starts the engine there.

import { startEngine } from "./engine.js";

// The start-up sentences live on the widget's root (data-itb-text), which may not be parsed
// yet: they are read when a message is needed, which is after the first await.
function text() {
    const root = document.querySelector("[data-itb-text]");
    try {
        return JSON.parse(root?.dataset.itbText ?? "{}");
    } catch {
        return {};
    }
}

const sentences = new Proxy({}, { get: (_, key) => text()[key] ?? "" });
performance.mark("itb-flex:early-start"); // for bench/bench_widget.py and profiling
startEngine(sentences).catch(() => {}); // the widget awaits the same start and reports it
