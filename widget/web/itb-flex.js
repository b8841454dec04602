// ITB Flex — the flex-dosing day preview widget: the entry module that mounts it.
//
// Thin on purpose: every rule, total, message, label and picture comes from the Python package
// `flexdose` through an engine (engine.js: Pyodide in a PyScript worker on the web, its own
// worker from file://). Nothing in the browser layer decides whether a schedule is right.
//
// Mounts every `[data-itb-flex]` element on each emission of Material's `document$` (so it
// survives instant navigation), or once the page is parsed elsewhere (fixture and embed pages).
// One engine serves every widget in this window, across instant navigations, and keep.js keeps
// each widget's document in memory so that navigating away and back loses nothing.
// Nothing is stored without the person's action: no localStorage, no cookies, no requests.
//
// Modules (one job each): dom.js (helpers), doc-edits.js (pure document edits), form-*.js and
// clock-field.js (the form's sections), results.js (the picture), compare.js, actions.js,
// share.js (share links), keep.js, announce.js, widget.js (one widget's state and flow),
// engine*.js (where Python runs), contract.js (the portal's postMessage contract).

import { connect, Refused } from "./contract.js";
import { startEngine } from "./engine.js";
import { readSharedSchedule } from "./share.js";
import { Widget } from "./widget.js";

let widgets = [];
let contract = null;
let readySent = false;
let sharedTaken = false;

function primaryWidget() {
    widgets = widgets.filter((w) => w.root.isConnected);
    return widgets[0] ?? null;
}

function ensureContract() {
    if (contract) return;
    contract = connect({
        async load(input) {
            const widget = primaryWidget();
            if (!widget) throw new Refused("This page has no preview to show the schedule in.");
            await widget.ready;
            return widget.take(input);
        },
        // flexdose's start-up sentences, which every widget has from the build (data-itb-text).
        get unreadable() {
            return primaryWidget()?.text.portal_unreadable ?? "";
        },
    });
}

function scan() {
    const roots = document.querySelectorAll("[data-itb-flex]:not([data-itb-mounted])");
    // The printed summary is the page's printout only while a live widget is on the page.
    if (!document.querySelector("[data-itb-flex]")) {
        document.documentElement.classList.remove("itb-flex-has-print");
    }
    if (!roots.length) return;
    ensureContract();
    const started = [];
    for (const root of roots) {
        root.dataset.itbMounted = "";
        // A share link belongs to the first widget of the page it was opened on, once.
        const shared = !sharedTaken && !primaryWidget() ? readSharedSchedule(location.hash) : null;
        if (shared !== null) sharedTaken = true;
        const widget = new Widget(root, {
            shared,
            onChange: (doc, report) => {
                if (widget === primaryWidget()) contract?.change(doc, report);
            },
        });
        widgets.push(widget);
        started.push(widget.start().then(() => widget));
    }
    primaryWidget();
    Promise.all(started).then((all) => {
        if (!readySent && all.some((w) => w.root.dataset.state === "ready")) {
            readySent = true;
            contract.ready();
        }
    });
}

if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(() => scan());
} else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan, { once: true });
} else {
    scan();
}

export { scan, startEngine };
