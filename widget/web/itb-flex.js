// ITB Flex — the flex-dosing day preview widget (browser layer).
//
// Thin on purpose: this module collects what the person types into an itb-flex/1 document and
// puts in the page the HTML that flexdose renders. Every rule, total, message and picture comes
// from the Python package `flexdose`, which runs on Pyodide in a PyScript worker (so the page
// stays responsive while Python starts). Nothing here decides whether a schedule is right.
//
// It mounts every `[data-itb-flex]` element on each emission of Material's `document$` (so it
// survives instant navigation), or once the page is parsed elsewhere (fixture and embed pages).
// One worker serves every widget in this window, across instant navigations.
// Nothing is stored without the person's action: no localStorage, no cookies, no requests.

import { connect } from "./contract.js";

// Written by hooks/runtime.py at build time: versioned folders under assets/runtime/.
const RUNTIME = {
    pyodide: "__ITB_PYODIDE__",
    pyscript: "__ITB_PYSCRIPT__",
    wheel: "__ITB_WHEEL__",
};
const here = (path) => new URL(path, import.meta.url).href;

const DAYS = [
    ["mon", "Monday"],
    ["tue", "Tuesday"],
    ["wed", "Wednesday"],
    ["thu", "Thursday"],
    ["fri", "Friday"],
    ["sat", "Saturday"],
    ["sun", "Sunday"],
];
// The most dose steps a pump day holds comes from flexdose.limits.MAX_STEPS_PER_DAY [S1, S2]
// through the root's data-max-steps (written at build time). flexdose reports too-many-steps
// itself; the form only stops offering one step more.
// How long the findings summary waits for typing to pause before it is announced
// (configurable assumption: a pause between words, so each keystroke is not read out).
const ANNOUNCE_DELAY_MS = 900;
// Spinner steps of the number fields (configurable assumptions, UI only: any value can be
// typed, and flexdose rounds mcg to 3 decimals in its report).
const DOSE_STEP_PER_DAY = 0.1;
const DOSE_STEP_PER_HOUR = 0.001;
const TIME_STEP_S = 60; // HH:MM, as the document's times
const VOLUME_STEP_ML = 0.1;
const CONCENTRATION_STEP = 1; // mcg/mL
// Long enough for a schedule's name, short enough for the printed summary's title
// (configurable assumption; the format itself sets no limit).
const TITLE_MAX_CHARS = 80;
const EXAMPLE_LABELS = {
    constant: "The same dose all day",
    "day-night": "Less by day, more at night",
    "therapy-week": "A week with physical-therapy days",
    "with-fill": "With pump and refill details",
};
const BLANK_PROGRAM = "my program";
// Loading-status thresholds (configurable assumptions): a cold start takes 2–3 s on a fast
// connection (RUNTIME.md §4) and about 6 MB must arrive first.
const SLOW_AFTER_MS = 15_000;
const STUCK_AFTER_MS = 120_000;
const NOW_MARKER_EVERY_MS = 60_000;
const NAME_MAX_CHARS = 40; // CONTRACT.md: program names up to 40 characters

// ---- The worker (one per window) ----

let workerPromise = null;

class RuntimeUnavailable extends Error {}

/** Start Python in a PyScript worker once; resolves to its exported functions. */
function startWorker() {
    if (workerPromise) return workerPromise;
    workerPromise = (async () => {
        if (location.protocol === "file:") {
            // The offline bundle runs Python from a file its own way (hooks/offline.py); its
            // errors already tell the reader how to open the bundle so that the preview works.
            const fileEngine = globalThis.ItbFlexFileEngine;
            if (fileEngine) {
                return fileEngine.start().catch((error) => {
                    throw new RuntimeUnavailable(error.message);
                });
            }
            throw new RuntimeUnavailable(
                "The live preview cannot run from a file opened on this computer, because " +
                    "browsers block the programs it needs there. Open this page through the " +
                    "site's web address instead (for the offline copy: run its small server).",
            );
        }
        if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
            throw new RuntimeUnavailable(
                "This browser cannot run the live preview: it needs WebAssembly and web " +
                    "workers, which current versions of Firefox, Chrome, Edge and Safari have.",
            );
        }
        const worker = (async () => {
            const { PyWorker } = await import(here(RUNTIME.pyscript));
            return PyWorker(here("./worker.py"), {
                type: "pyodide",
                // PyWorker ignores config.interpreter: `version` is what keeps it off the CDN.
                version: here(RUNTIME.pyodide),
                config: { files: { [here(RUNTIME.wheel)]: "./*" } },
            });
        })();
        // Pyodide hangs (it never rejects) when its wasm cannot be fetched or compiled inside
        // the worker, so the same two things are checked here, alongside the worker's start.
        await Promise.all([preflight(), worker]);
        return (await worker).sync;
    })();
    return workerPromise;
}

// The smallest valid WebAssembly module: its header.
const EMPTY_WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

async function preflight() {
    try {
        await WebAssembly.compile(EMPTY_WASM);
    } catch {
        throw new RuntimeUnavailable(
            "The live preview cannot run here: this page's security settings or the browser " +
                "block WebAssembly, which it needs.",
        );
    }
    // HEAD: the worker's own download is not repeated, only its reachability is checked.
    let response = null;
    try {
        response = await fetch(new URL("pyodide.asm.wasm", here(RUNTIME.pyodide)), {
            method: "HEAD",
        });
    } catch {
        response = null;
    }
    if (!response || !response.ok) {
        throw new RuntimeUnavailable(
            "The live preview could not start: its files could not be downloaded " +
                "(the connection dropped, or a network filter blocks them). " +
                "Reloading the page may help.",
        );
    }
}

// ---- Small helpers ----

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Same spelling as flexdose's where paths: programs.everyday[2].start, programs["my plan"][0].
// (flexdose writes keys with json.dumps(ensure_ascii=False), as JSON.stringify does).
const jsonKey = (k) => JSON.stringify(k);
const keyPath = (base, k) => (IDENT.test(k) ? `${base}.${k}` : `${base}[${jsonKey(k)}]`);
const programPath = (name) => keyPath("programs", name);

const clone = (value) => JSON.parse(JSON.stringify(value));
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

let uid = 0;
const nextId = (prefix) => `${prefix}-${++uid}`;

function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
        if (v === false || v === null || v === undefined) continue;
        if (k === "class") node.className = v;
        else if (k === "text") node.textContent = v;
        else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
        else if (k === "dataset") Object.assign(node.dataset, v);
        else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const child of children.flat()) {
        if (child === null || child === undefined || child === false) continue;
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
}

function field(labelText, control, hint) {
    const id = control.id || (control.id = nextId("itbf"));
    const parts = [el("label", { for: id, text: labelText }), control];
    const describedBy = [];
    if (hint) {
        const hintId = nextId("itbf-hint");
        parts.push(el("span", { class: "itb-flex__hint", id: hintId, text: hint }));
        describedBy.push(hintId);
    }
    const msgId = nextId("itbf-msg");
    parts.push(el("span", { class: "itb-flex__field-msg", id: msgId, hidden: true }));
    control.dataset.hintIds = describedBy.join(" ");
    control.dataset.msgId = msgId;
    if (describedBy.length) control.setAttribute("aria-describedby", describedBy.join(" "));
    return el("div", { class: "itb-flex__field" }, parts);
}

const numberOrNull = (input) => (Number.isFinite(input.valueAsNumber) ? input.valueAsNumber : null);

function base64urlEncode(text) {
    const bytes = new TextEncoder().encode(text);
    let binary = "";
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function base64urlDecode(code) {
    const b64 = code.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(b64 + "===".slice((b64.length + 3) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

function countsText(counts) {
    const part = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
    const parts = [];
    if (counts.error) parts.push(part(counts.error, "error"));
    if (counts.warning) parts.push(part(counts.warning, "warning"));
    return parts.length ? parts.join(", ") : "No errors or warnings";
}

// ---- One widget ----

class Widget {
    constructor(root) {
        this.root = root;
        this.maxSteps = Number(root.dataset.maxSteps);
        this.prefix = root.dataset.idPrefix || nextId("fdw");
        this.doc = root.dataset.itbDoc ? JSON.parse(root.dataset.itbDoc) : { programs: {} };
        this.program = this.firstProgram();
        this.baseline = null; // the schedule saved as "current" for the comparison
        this.examples = {};
        this.api = null;
        this.pending = false;
        this.running = false;
        this.lastAnnounced = "";
        this.announceTimer = 0;
        this.readyResolvers = Promise.withResolvers
            ? Promise.withResolvers()
            : (() => {
                  let resolve;
                  const promise = new Promise((r) => (resolve = r));
                  return { promise, resolve };
              })();
        this.ready = this.readyResolvers.promise;
    }

    firstProgram() {
        const programs = isObject(this.doc.programs) ? Object.keys(this.doc.programs) : [];
        return programs[0] ?? null;
    }

    status(text) {
        this.statusEl.textContent = text;
    }

    // -- Loading --

    async start() {
        this.root.dataset.state = "loading";
        this.statusEl = this.root.querySelector("[data-itb-status]");
        if (!this.statusEl) {
            this.statusEl = el("p", { class: "itb-flex__status", "data-itb-status": true });
            this.root.prepend(this.statusEl);
        }
        this.statusEl.setAttribute("role", "status");
        this.status(
            "Starting the live preview… (the first visit downloads about 6 MB). " +
                "Until then, the picture below shows the example.",
        );
        const slowTimer = setTimeout(
            () =>
                this.status(
                    "Still starting the live preview… a slow connection can take a minute. " +
                        "The picture below shows the example.",
                ),
            SLOW_AFTER_MS,
        );
        // A start that takes this long has most likely failed in a way nobody reports; if it
        // does finish later, the widget still becomes ready.
        const stuckTimer = setTimeout(
            () =>
                this.fail(
                    new RuntimeUnavailable(
                        "The live preview has not started after two minutes: the connection " +
                            "may be very slow, or something blocks it. Reloading may help.",
                    ),
                ),
            STUCK_AFTER_MS,
        );
        try {
            this.api = await startWorker();
            this.examples = JSON.parse(await this.api.examples());
        } catch (error) {
            this.fail(error);
            return;
        } finally {
            clearTimeout(slowTimer);
            clearTimeout(stuckTimer);
        }
        this.statusEl.setAttribute("role", "status");
        if (!this.root.isConnected) return;
        this.build();
        this.root.dataset.state = "ready";
        this.status("The live preview is ready: change the schedule below and the picture follows.");
        await this.update({ announce: false, fromUser: false });
        this.readyResolvers.resolve();
        this.keepNowMarkerCurrent();
        // For bench/bench_widget.py and anyone profiling: when the live preview could be used.
        performance.mark("itb-flex:ready");
        const shared = readSharedSchedule();
        if (shared !== null && this === widgets[0]) await this.loadText(shared, "link");
    }

    fail(error) {
        this.root.dataset.state = "error";
        const detail =
            error instanceof RuntimeUnavailable
                ? error.message
                : "The live preview could not start in this browser" +
                  (error && error.message ? ` (${String(error.message).split("\n")[0]})` : "") +
                  ". Reloading the page may help.";
        this.statusEl.setAttribute("role", "alert");
        this.status(`${detail} The picture below still shows the example schedule.`);
        console.error("ITB Flex: the live preview did not start:", error);
    }

    // -- Building the live form --

    build() {
        const staticPreview = this.root.querySelector("[data-itb-static]");
        const safety = staticPreview?.querySelector(".fd-safety");
        this.safety = el("aside", { class: "itb-flex__safety", "aria-label": "Safety" });
        if (safety) this.safety.append(...safety.childNodes);
        else this.safety.append(el("p", { text: this.root.dataset.safety || "" }));

        this.announcer = el("p", {
            // render.css (always loaded with this widget) owns the visually-hidden rule.
            class: "fd-visually-hidden",
            role: "status",
            "aria-live": "polite",
            "aria-atomic": "true",
        });

        this.editor = el("form", {
            class: "itb-flex__editor",
            "aria-label": "Your schedule",
            novalidate: true,
            onsubmit: (e) => e.preventDefault(),
        });
        this.results = el("section", { class: "itb-flex__results", "aria-label": "Preview" });
        this.chartHeading = el("h3", { class: "itb-flex__h", text: "Your picture" });
        this.chart = el("div", { class: "itb-flex__chart" });
        this.stepsTable = el("div", { class: "itb-flex__table" });
        this.week = el("div", { class: "itb-flex__week" });
        this.totals = el("div", { class: "itb-flex__totals" });
        this.findings = el("div", { class: "itb-flex__findings" });
        this.invalidNote = el("p", {
            class: "itb-flex__note",
            hidden: true,
            text: "The chart and totals come back when the errors listed below are fixed.",
            "data-itb-invalid": true,
        });
        this.titleOut = el("h3", { class: "itb-flex__print-title" });
        this.results.append(
            this.chartHeading,
            this.titleOut,
            this.invalidNote,
            this.chart,
            this.stepsTable,
            this.week,
            this.totals,
            this.findings,
        );
        this.results.addEventListener("click", (e) => this.onFindingClick(e));

        this.compareBox = this.buildCompare();
        this.actions = this.buildActions();

        const main = el(
            "div",
            { class: "itb-flex__main" },
            this.announcer,
            this.editor,
            this.results,
            this.compareBox,
            this.actions,
        );
        this.live = el("div", { class: "itb-flex__live" }, this.safety, main);
        staticPreview?.remove();
        this.root.append(this.live);
        this.renderEditor();
    }

    renderEditor(focusWhere) {
        const doc = this.doc;
        const f = this.editor;
        f.replaceChildren();

        // Start from an example or from a clinic printout.
        const startSelect = el(
            "select",
            { id: nextId("itbf") },
            el("option", { value: "", text: "Choose…" }),
            Object.keys(this.examples).map((name) =>
                el("option", { value: name, text: EXAMPLE_LABELS[name] || name }),
            ),
            el("option", { value: "__blank", text: "My clinic printout (start empty)" }),
        );
        const startButton = el("button", {
            type: "button",
            class: "itb-flex__button",
            text: "Start from this",
            onclick: () => {
                if (startSelect.value) this.startFrom(startSelect.value);
            },
        });
        f.append(
            el(
                "fieldset",
                { class: "itb-flex__group itb-flex__start" },
                el("legend", { text: "Start from" }),
                el(
                    "div",
                    { class: "itb-flex__row" },
                    field("An example or your own numbers", startSelect),
                    startButton,
                ),
            ),
        );

        const title = el("input", {
            type: "text",
            value: typeof doc.title === "string" ? doc.title : "",
            maxlength: TITLE_MAX_CHARS,
            autocomplete: "off",
            dataset: { where: "title" },
            oninput: (e) => {
                if (e.target.value) doc.title = e.target.value;
                else delete doc.title;
                this.edited();
            },
        });
        f.append(field("Name of this schedule (optional)", title));

        f.append(this.programSection(), this.weekSection(), this.detailsSection());
        this.restoreFocus(focusWhere);
    }

    programSection() {
        const doc = this.doc;
        const box = el("fieldset", { class: "itb-flex__group" }, el("legend", { text: "Programs" }));
        if (!isObject(doc.programs)) {
            box.append(
                el("p", {
                    text:
                        "This schedule's programs cannot be shown in the form. " +
                        "The messages below say why; start again from an example or your printout.",
                }),
            );
            return box;
        }
        const names = Object.keys(doc.programs);
        if (!names.includes(this.program)) this.program = names[0] ?? null;

        const row = el("div", { class: "itb-flex__row" });
        if (names.length > 1) {
            const select = el(
                "select",
                {
                    class: "itb-flex__program-select",
                    onchange: (e) => {
                        this.program = e.target.value;
                        this.renderEditor();
                        this.update({ fromUser: false });
                    },
                },
                names.map((n) =>
                    el("option", { value: n, text: n, selected: n === this.program }),
                ),
            );
            row.append(field("Program to show and change", select));
        }
        if (this.program !== null) {
            const nameInput = el("input", {
                type: "text",
                value: this.program,
                maxlength: NAME_MAX_CHARS,
                autocomplete: "off",
                dataset: { where: programPath(this.program) },
                onchange: (e) => this.renameProgram(e.target),
            });
            row.append(
                field("Name of this program", nameInput, "Press Enter or leave the field to rename."),
            );
        }
        box.append(row);

        const buttons = el("div", { class: "itb-flex__row" });
        buttons.append(
            el("button", {
                type: "button",
                class: "itb-flex__button",
                text: "Add a program",
                onclick: () => this.addProgram(),
            }),
        );
        if (names.length > 1) {
            buttons.append(
                el("button", {
                    type: "button",
                    class: "itb-flex__button",
                    text: "Remove this program",
                    onclick: () => this.removeProgram(),
                }),
            );
        }
        box.append(buttons);
        if (this.program !== null) box.append(this.stepsEditor(this.program));
        return box;
    }

    stepsEditor(name) {
        const steps = this.doc.programs[name];
        const base = programPath(name);
        const wrap = el("div", { class: "itb-flex__steps" });
        if (!Array.isArray(steps)) {
            wrap.append(el("p", { text: "This program's steps cannot be shown in the form." }));
            return wrap;
        }
        const table = el(
            "table",
            { class: "itb-flex__steps-table" },
            el("caption", { text: `Dose steps of “${name}”` }),
            el(
                "thead",
                {},
                el(
                    "tr",
                    {},
                    el("th", { scope: "col", text: "Step" }),
                    el("th", { scope: "col", text: "Starts at" }),
                    el("th", { scope: "col", text: "Dose" }),
                    el("th", { scope: "col", text: "Unit" }),
                    el("th", { scope: "col", text: "Remove" }),
                ),
            ),
        );
        const body = el("tbody");
        steps.forEach((step, i) => body.append(...this.stepRow(name, base, steps, step, i)));
        table.append(body);
        wrap.append(el("div", { class: "itb-flex__scroll" }, table));

        const full = steps.length >= this.maxSteps;
        const limitId = nextId("itbf-hint");
        wrap.append(
            el(
                "div",
                { class: "itb-flex__row" },
                el("button", {
                    type: "button",
                    class: "itb-flex__button",
                    text: "Add a step",
                    disabled: full,
                    "aria-describedby": limitId,
                    onclick: () => this.addStep(),
                }),
                el("span", {
                    class: "itb-flex__hint",
                    id: limitId,
                    text: full
                        ? `This program has ${steps.length} steps: a pump day holds at most ${this.maxSteps}, so no step can be added. Remove one first.`
                        : `A pump day holds at most ${this.maxSteps} dose steps.`,
                }),
            ),
        );
        return wrap;
    }

    stepRow(name, base, steps, step, i) {
        const path = `${base}[${i}]`;
        const s = isObject(step) ? step : {};
        const perHour = "mcg_per_hour" in s && !("mcg_per_day" in s);
        const unitKey = perHour ? "mcg_per_hour" : "mcg_per_day";
        const n = i + 1;
        const commit = () => {
            if (!isObject(steps[i])) steps[i] = {};
            this.edited();
        };
        const time = el("input", {
            type: "time",
            step: TIME_STEP_S,
            required: true,
            value: typeof s.start === "string" ? s.start : "",
            "aria-label": `Step ${n} starts at`,
            dataset: { where: `${path}.start` },
            oninput: (e) => {
                if (!isObject(steps[i])) steps[i] = {};
                steps[i].start = e.target.value;
                commit();
            },
        });
        const rate = s[unitKey];
        const dose = el("input", {
            type: "number",
            inputmode: "decimal",
            min: 0,
            step: perHour ? DOSE_STEP_PER_HOUR : DOSE_STEP_PER_DAY,
            value: typeof rate === "number" ? String(rate) : "",
            "aria-label": `Step ${n} dose`,
            dataset: { where: `${path}.${unitKey}` },
            oninput: (e) => {
                if (!isObject(steps[i])) steps[i] = {};
                steps[i][unitKey] = numberOrNull(e.target);
                commit();
            },
        });
        const unit = el(
            "select",
            {
                "aria-label": `Step ${n} unit`,
                dataset: { where: path },
                onchange: (e) => {
                    const st = isObject(steps[i]) ? steps[i] : (steps[i] = {});
                    const from = e.target.value === "mcg_per_hour" ? "mcg_per_day" : "mcg_per_hour";
                    // The number stays as typed: the unit says how to read it.
                    const value = from in st ? st[from] : null;
                    delete st[from];
                    const ordered = { start: st.start, [e.target.value]: value };
                    for (const [k, v] of Object.entries(st)) if (!(k in ordered)) ordered[k] = v;
                    steps[i] = ordered;
                    this.renderEditor(`${path}.${e.target.value}`);
                    this.edited();
                },
            },
            el("option", { value: "mcg_per_day", text: "mcg/day", selected: !perHour }),
            el("option", { value: "mcg_per_hour", text: "mcg/hour", selected: perHour }),
        );
        const remove = el("button", {
            type: "button",
            class: "itb-flex__button itb-flex__button--icon",
            "aria-label": `Remove step ${n}`,
            title: `Remove step ${n}`,
            disabled: steps.length <= 1,
            text: "✕",
            onclick: () => {
                steps.splice(i, 1);
                this.renderEditor(`${base}[${Math.max(0, i - 1)}].start`);
                this.edited();
            },
        });
        // A step's messages go in a full-width row under it: the cells are too narrow to read.
        const messages = el("td", { colspan: 5 });
        const cell = (control) => {
            const msgId = nextId("itbf-msg");
            control.dataset.msgId = msgId;
            messages.append(el("span", { class: "itb-flex__field-msg", id: msgId, hidden: true }));
            return el("td", {}, control);
        };
        const row = el(
            "tr",
            {},
            el("th", { scope: "row", text: String(n) }),
            cell(time),
            cell(dose),
            cell(unit),
            el("td", {}, remove),
        );
        return [row, el("tr", { class: "itb-flex__msg-row" }, messages)];
    }

    weekSection() {
        const doc = this.doc;
        const names = isObject(doc.programs) ? Object.keys(doc.programs) : [];
        const box = el("fieldset", { class: "itb-flex__group" }, el("legend", { text: "The week" }));
        if (names.length <= 1 && !isObject(doc.week)) {
            box.append(
                el("p", {
                    class: "itb-flex__hint",
                    text: "With one program, every day runs it. Add a program to choose one per day.",
                }),
            );
            return box;
        }
        const week = isObject(doc.week) ? doc.week : {};
        const grid = el("div", { class: "itb-flex__week-grid" });
        for (const [day, label] of DAYS) {
            const value = week[day];
            const options = names.map((n) =>
                el("option", { value: n, text: n, selected: n === value }),
            );
            if (typeof value === "string" && !names.includes(value)) {
                options.push(
                    el("option", { value, text: `${value} (no such program)`, selected: true }),
                );
            }
            if (value === undefined) {
                options.unshift(el("option", { value: "", text: "Choose…", selected: true }));
            }
            const select = el(
                "select",
                {
                    dataset: { where: `week.${day}` },
                    onchange: (e) => {
                        if (!isObject(doc.week)) doc.week = {};
                        doc.week[day] = e.target.value;
                        this.edited();
                    },
                },
                options,
            );
            grid.append(field(label, select));
        }
        box.append(grid);
        return box;
    }

    detailsSection() {
        const doc = this.doc;
        const get = (section, key) => (isObject(doc[section]) ? doc[section][key] : undefined);
        const set = (section, key, value) => {
            if (value === null || value === "") {
                if (isObject(doc[section])) {
                    delete doc[section][key];
                    if (!Object.keys(doc[section]).length) delete doc[section];
                }
            } else {
                if (!isObject(doc[section])) doc[section] = {};
                doc[section][key] = value;
            }
            this.edited();
        };
        const number = (section, key, attrs) =>
            el("input", {
                type: "number",
                inputmode: "decimal",
                min: 0,
                ...attrs,
                value: typeof get(section, key) === "number" ? String(get(section, key)) : "",
                dataset: { where: `${section}.${key}` },
                oninput: (e) => set(section, key, numberOrNull(e.target)),
            });
        const choice = (section, key, options, parse = (v) => v) => {
            const current = get(section, key);
            const opts = [el("option", { value: "", text: "Not given" })];
            let known = current === undefined;
            for (const [value, text] of options) {
                const selected = current !== undefined && String(current) === value;
                known ||= selected;
                opts.push(el("option", { value, text, selected }));
            }
            if (!known) {
                opts.push(el("option", { value: "__other", text: String(current), selected: true }));
            }
            return el(
                "select",
                {
                    dataset: { where: `${section}.${key}` },
                    onchange: (e) =>
                        e.target.value !== "__other" &&
                        set(section, key, e.target.value === "" ? null : parse(e.target.value)),
                },
                opts,
            );
        };
        const text = (section, key, type) =>
            el("input", {
                type,
                value: typeof get(section, key) === "string" ? get(section, key) : "",
                dataset: { where: `${section}.${key}` },
                oninput: (e) => set(section, key, e.target.value || null),
            });

        const pump = el(
            "details",
            { class: "itb-flex__details", open: Boolean(doc.pump || doc.drug || doc.fill) },
            el("summary", { text: "Pump, drug and refill (optional): for the refill date" }),
            el(
                "div",
                { class: "itb-flex__grid" },
                field(
                    "Reservoir size",
                    choice("pump", "reservoir_ml", [
                        ["20", "20 mL"],
                        ["40", "40 mL"],
                    ], Number),
                ),
                field(
                    "Low-reservoir alarm at (mL)",
                    number("pump", "alarm_ml", { step: VOLUME_STEP_ML }),
                    "Usually 2 mL; see your pump's card.",
                ),
                field(
                    "Drug strength (mcg per mL)",
                    number("drug", "concentration_mcg_per_ml", { step: CONCENTRATION_STEP }),
                    "As printed on the refill record.",
                ),
                field("Last refill date", text("fill", "date", "date")),
                field("Last refill time", text("fill", "time", "time")),
                field("Amount filled (mL)", number("fill", "volume_ml", { step: VOLUME_STEP_ML })),
            ),
        );
        const about = el(
            "details",
            { class: "itb-flex__details", open: Boolean(doc.context) },
            el("summary", { text: "About the current treatment (optional)" }),
            el(
                "div",
                { class: "itb-flex__grid" },
                field(
                    "Daily dose in use now (mcg/day)",
                    number("context", "current_mcg_per_day", { step: DOSE_STEP_PER_DAY }),
                    "To see how much the new schedule changes it.",
                ),
                field(
                    "Where the spasticity comes from",
                    choice("context", "origin", [
                        ["spinal", "Spinal cord"],
                        ["cerebral", "Brain (cerebral)"],
                    ]),
                ),
                field(
                    "Age group",
                    choice("context", "age_group", [
                        ["adult", "Adult"],
                        ["child", "Child (under 12)"],
                    ]),
                ),
            ),
        );
        return el("div", {}, pump, about);
    }

    buildCompare() {
        this.compareOut = el("div", { class: "itb-flex__compare-out", "aria-live": "off" });
        const fileInput = el("input", {
            type: "file",
            accept: "application/json,.json",
            class: "itb-flex__file",
            onchange: async (e) => {
                const file = e.target.files[0];
                e.target.value = "";
                if (!file) return;
                const text = await file.text();
                const problem = await this.api.parse_error(text);
                if (problem) return this.say(`That file cannot be compared: ${problem}`);
                this.baseline = JSON.parse(text);
                this.say("Comparing with the schedule from the file.");
                this.update({ fromUser: false });
            },
        });
        const fileId = nextId("itbf");
        fileInput.id = fileId;
        this.stopCompare = el("button", {
            type: "button",
            class: "itb-flex__button",
            text: "Stop comparing",
            hidden: true,
            onclick: () => {
                this.baseline = null;
                this.update({ fromUser: false });
            },
        });
        return el(
            "section",
            { class: "itb-flex__compare", "aria-label": "Compare" },
            el("h3", { class: "itb-flex__h", text: "Compare with the schedule in use" }),
            el("p", {
                class: "itb-flex__hint",
                text:
                    "Keep the schedule you use now as the “current” one, then change the form: " +
                    "the table shows each day's change.",
            }),
            el(
                "div",
                { class: "itb-flex__row" },
                el("button", {
                    type: "button",
                    class: "itb-flex__button",
                    text: "Save as current",
                    onclick: () => {
                        this.baseline = clone(this.doc);
                        this.say("Saved as the current schedule (on this page only).");
                        this.update({ fromUser: false });
                    },
                }),
                el("label", { class: "itb-flex__button", for: fileId, text: "Compare with a file…" }),
                fileInput,
                this.stopCompare,
            ),
            this.compareOut,
        );
    }

    buildActions() {
        this.shareOut = el("input", {
            type: "text",
            readonly: true,
            class: "itb-flex__share-url",
            "aria-label": "Share link",
        });
        const shareBox = el(
            "div",
            { class: "itb-flex__share", hidden: true },
            field("Share link (the schedule is inside the link, after #)", this.shareOut),
        );
        this.importMsg = el("p", { class: "itb-flex__alert", role: "alert" });
        const importId = nextId("itbf");
        const importInput = el("input", {
            type: "file",
            id: importId,
            accept: "application/json,.json",
            class: "itb-flex__file",
            onchange: async (e) => {
                const file = e.target.files[0];
                e.target.value = "";
                if (file) await this.loadText(await file.text(), "file");
            },
        });
        return el(
            "section",
            { class: "itb-flex__actions", "aria-label": "Save, print and share" },
            el("h3", { class: "itb-flex__h", text: "Keep or share this picture" }),
            el(
                "p",
                { class: "itb-flex__hint" },
                "Nothing is saved unless you save it: this page keeps no copy and sends nothing.",
            ),
            el(
                "div",
                { class: "itb-flex__row" },
                el("button", {
                    type: "button",
                    class: "itb-flex__button",
                    text: "Print a summary",
                    onclick: () => this.print(),
                }),
                el("button", {
                    type: "button",
                    class: "itb-flex__button",
                    text: "Save as a file",
                    onclick: () => this.exportFile(),
                }),
                el("label", { class: "itb-flex__button", for: importId, text: "Open a file…" }),
                importInput,
                el("button", {
                    type: "button",
                    class: "itb-flex__button",
                    text: "Make a share link",
                    onclick: async () => {
                        const url = new URL(location.href);
                        url.hash = `s=${base64urlEncode(JSON.stringify(this.doc))}`;
                        this.shareOut.value = url.href;
                        shareBox.hidden = false;
                        this.shareOut.focus();
                        this.shareOut.select();
                        try {
                            await navigator.clipboard.writeText(url.href);
                            this.say("Share link copied. It holds the schedule; it is not sent anywhere.");
                        } catch {
                            this.say("Share link ready: copy it from the field.");
                        }
                    },
                }),
            ),
            shareBox,
            this.importMsg,
        );
    }

    // -- Edits --

    edited() {
        this.update({ fromUser: true });
    }

    startFrom(name) {
        if (name === "__blank") {
            this.doc = {
                format: "itb-flex/1",
                programs: { [BLANK_PROGRAM]: [{ start: "00:00", mcg_per_day: null }] },
            };
        } else {
            this.doc = clone(this.examples[name]);
        }
        this.program = this.firstProgram();
        this.renderEditor(`${programPath(this.program)}[0].start`);
        this.update({ fromUser: true });
    }

    addStep() {
        const steps = this.doc.programs[this.program];
        const last = steps[steps.length - 1];
        const unit = isObject(last) && "mcg_per_hour" in last ? "mcg_per_hour" : "mcg_per_day";
        steps.push({ start: "", [unit]: isObject(last) ? (last[unit] ?? null) : null });
        this.renderEditor(`${programPath(this.program)}[${steps.length - 1}].start`);
        this.edited();
    }

    addProgram() {
        const programs = this.doc.programs;
        const names = Object.keys(programs);
        let n = names.length + 1;
        while (`program ${n}` in programs) n += 1;
        const name = `program ${n}`;
        // A new program starts as a copy of the one on screen: variants are the usual need.
        programs[name] = clone(programs[this.program] ?? [{ start: "00:00", mcg_per_day: null }]);
        if (names.length === 1 && !isObject(this.doc.week)) {
            this.doc.week = Object.fromEntries(DAYS.map(([d]) => [d, names[0]]));
        }
        this.program = name;
        this.renderEditor(programPath(name));
        this.edited();
    }

    removeProgram() {
        delete this.doc.programs[this.program];
        // The week keeps its days as they are: a day still naming this program shows up as an
        // error to fix, rather than being changed behind the person's back.
        this.program = this.firstProgram();
        this.renderEditor(programPath(this.program));
        this.edited();
    }

    renameProgram(input) {
        const old = this.program;
        const name = input.value;
        const msg = this.root.querySelector(`#${input.dataset.msgId}`);
        const problem = !name.trim()
            ? "A program needs a name."
            : name !== old && name in this.doc.programs
              ? "Another program already has this name."
              : "";
        if (problem) {
            msg.textContent = problem;
            msg.hidden = false;
            return;
        }
        if (name === old) return;
        const renamed = {};
        for (const [k, v] of Object.entries(this.doc.programs)) renamed[k === old ? name : k] = v;
        this.doc.programs = renamed;
        if (isObject(this.doc.week)) {
            for (const [day] of DAYS) if (this.doc.week[day] === old) this.doc.week[day] = name;
        }
        this.program = name;
        this.renderEditor(programPath(name));
        this.edited();
    }

    async loadText(text, source) {
        const problem = await this.api.parse_error(text);
        if (problem) {
            this.importMsg.textContent =
                source === "link"
                    ? `The schedule in this link cannot be read: ${problem} The example is shown instead.`
                    : `That file cannot be opened: ${problem} Your schedule is unchanged.`;
            return;
        }
        this.importMsg.textContent = "";
        await this.loadDocument(JSON.parse(text), { fromUser: source !== "link" });
        this.say(source === "link" ? "Schedule loaded from the link." : "Schedule opened from the file.");
    }

    /** Show a document (from a file, a link or the parent page); resolves to its report. */
    async loadDocument(schedule, { fromUser }) {
        // The answer is computed for exactly this document, whatever else is being updated.
        const report = JSON.parse(await this.api.report(JSON.stringify(schedule ?? null)));
        // Not an object: nothing the form can show, but the report still says what is wrong.
        if (isObject(schedule)) {
            this.doc = clone(schedule);
            this.program = this.firstProgram();
            this.renderEditor();
            await this.update({ fromUser });
        }
        return report;
    }

    /** Redraw the chart's "now" marker each minute while the page is shown. */
    keepNowMarkerCurrent() {
        const timer = setInterval(async () => {
            if (!this.root.isConnected) return clearInterval(timer);
            if (document.visibilityState !== "visible" || this.running) return;
            const revision = this.revision;
            const now = new Date();
            const view = JSON.parse(
                await this.api.view(
                    JSON.stringify(this.doc),
                    this.program ?? "",
                    now.getHours() * 60 + now.getMinutes(),
                    this.prefix,
                ),
            );
            // Only if no edit came in meanwhile: an edit draws its own, newer chart.
            if (!this.running && revision === this.revision) this.chart.innerHTML = view.chart;
        }, NOW_MARKER_EVERY_MS);
    }

    // -- Update: document -> worker -> rendered HTML --

    async update({ fromUser, announce = true }) {
        // Only the latest state matters: while a call runs, later edits are coalesced into one.
        if (this.running) {
            this.pending = { fromUser: fromUser || this.pending?.fromUser, announce };
            return this.lastView?.report;
        }
        this.running = true;
        this.revision = (this.revision || 0) + 1;
        // For tests and embedding pages: busy while a newer picture is on its way.
        this.root.setAttribute("data-busy", "");
        let view;
        try {
            const now = new Date();
            const text = JSON.stringify(this.doc);
            view = JSON.parse(
                await this.api.view(
                    text,
                    this.program ?? "",
                    now.getHours() * 60 + now.getMinutes(),
                    this.prefix,
                ),
            );
            this.lastView = view;
            this.show(view);
            if (this.baseline) await this.showCompare(text);
            else {
                this.compareOut.replaceChildren();
                this.stopCompare.hidden = true;
            }
            if (announce) this.scheduleAnnounce(view.report.counts);
            if (fromUser) contract?.change(clone(this.doc), view.report);
            this.root.dataset.updates = String(Number(this.root.dataset.updates || 0) + 1);
            this.root.dispatchEvent(new CustomEvent("itb-flex:updated", { bubbles: true }));
        } finally {
            this.running = false;
        }
        if (this.pending) {
            const next = this.pending;
            this.pending = false;
            return this.update(next);
        }
        this.root.removeAttribute("data-busy");
        return view.report;
    }

    show(view) {
        const report = view.report;
        this.titleOut.textContent =
            typeof this.doc.title === "string" && this.doc.title ? this.doc.title : "";
        this.titleOut.hidden = !this.titleOut.textContent;
        this.invalidNote.hidden = report.valid;
        this.chart.innerHTML = view.chart;
        this.stepsTable.innerHTML = view.steps;
        this.week.innerHTML = view.week;
        this.totals.innerHTML = view.totals;
        this.findings.innerHTML = view.findings;
        this.markFields(report.findings);
    }

    async showCompare(proposedText) {
        const result = JSON.parse(
            await this.api.compare(JSON.stringify(this.baseline), proposedText),
        );
        this.compareOut.innerHTML = result.html;
        this.stopCompare.hidden = false;
    }

    /** Put each finding's message next to its field (aria-describedby), errors marked invalid. */
    markFields(findings) {
        const controls = [...this.editor.querySelectorAll("[data-where]")];
        const byWhere = new Map(controls.map((c) => [c.dataset.where, c]));
        const notes = new Map();
        for (const finding of findings) {
            if (!finding.where || finding.severity === "info") continue;
            const control = this.controlFor(finding.where, byWhere);
            if (!control) continue;
            if (!notes.has(control)) notes.set(control, []);
            notes.get(control).push(finding);
        }
        for (const control of controls) {
            const msg = control.dataset.msgId && this.root.querySelector(`#${control.dataset.msgId}`);
            const list = notes.get(control) || [];
            const ids = (control.dataset.hintIds || "").split(" ").filter(Boolean);
            if (msg) {
                msg.textContent = list.map((f) => f.message).join(" ");
                msg.hidden = !list.length;
                msg.className = `itb-flex__field-msg${list.some((f) => f.severity === "error") ? " is-error" : ""}`;
                if (list.length) ids.push(msg.id);
            }
            if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
            else control.removeAttribute("aria-describedby");
            if (list.some((f) => f.severity === "error")) control.setAttribute("aria-invalid", "true");
            else control.removeAttribute("aria-invalid");
        }
    }

    /** The form control for a where path: itself, or the nearest enclosing path with one. */
    controlFor(where, byWhere) {
        let path = where;
        while (path) {
            if (byWhere.has(path)) return byWhere.get(path);
            const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
            if (cut <= 0) break;
            path = path.slice(0, cut);
        }
        return null;
    }

    onFindingClick(event) {
        const link = event.target.closest("button[data-where]");
        if (!link || !this.results.contains(link)) return;
        event.preventDefault();
        this.focusWhere(link.dataset.where);
    }

    /** Move focus to the field a where path names, switching program or opening details. */
    focusWhere(where) {
        const match = /^programs(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[("(?:[^"\\]|\\.)*")\])/.exec(where);
        if (match) {
            const name = match[1] ?? JSON.parse(match[2]);
            if (name !== this.program && isObject(this.doc.programs) && name in this.doc.programs) {
                this.program = name;
                this.renderEditor();
                this.update({ fromUser: false, announce: false });
            }
        }
        const byWhere = new Map(
            [...this.editor.querySelectorAll("[data-where]")].map((c) => [c.dataset.where, c]),
        );
        const control = this.controlFor(where, byWhere) || this.editor.querySelector("input, select");
        if (!control) return;
        const details = control.closest("details");
        if (details) details.open = true;
        control.focus();
        control.scrollIntoView({ block: "center", behavior: "instant" });
    }

    restoreFocus(where) {
        if (where === undefined) return;
        const control = [...this.editor.querySelectorAll("[data-where]")].find(
            (c) => c.dataset.where === where,
        );
        control?.focus();
    }

    scheduleAnnounce(counts) {
        clearTimeout(this.announceTimer);
        this.announceTimer = setTimeout(() => {
            const text = countsText(counts);
            if (text === this.lastAnnounced) return;
            this.lastAnnounced = text;
            this.announcer.textContent = text;
        }, ANNOUNCE_DELAY_MS);
    }

    say(text) {
        clearTimeout(this.announceTimer);
        this.lastAnnounced = "";
        this.announcer.textContent = text;
    }

    // -- Print, export --

    print() {
        const hidden = [];
        for (let node = this.root; node && node !== document.body; node = node.parentElement) {
            for (const sibling of node.parentElement?.children ?? []) {
                if (sibling !== node && !sibling.classList.contains("itb-flex-print-hidden")) {
                    sibling.classList.add("itb-flex-print-hidden");
                    hidden.push(sibling);
                }
            }
        }
        this.root.classList.add("itb-flex--printing");
        document.documentElement.classList.add("itb-flex-printing");
        const restore = () => {
            for (const node of hidden) node.classList.remove("itb-flex-print-hidden");
            this.root.classList.remove("itb-flex--printing");
            document.documentElement.classList.remove("itb-flex-printing");
            window.removeEventListener("afterprint", restore);
        };
        window.addEventListener("afterprint", restore);
        window.print();
    }

    exportFile() {
        const blob = new Blob([JSON.stringify(this.doc, null, 2) + "\n"], {
            type: "application/json",
        });
        const url = URL.createObjectURL(blob);
        const a = el("a", { href: url, download: "itb-flex-schedule.json", hidden: true });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 0);
        this.say("Saved as itb-flex-schedule.json in your downloads.");
    }
}

// ---- Share links: #s=<base64url of the JSON> (the fragment never reaches a server) ----

function readSharedSchedule() {
    const match = /^#s=([A-Za-z0-9_-]+)$/.exec(location.hash);
    if (!match) return null;
    try {
        return base64urlDecode(match[1]);
    } catch {
        return "";
    }
}

// ---- Mounting ----

let widgets = [];
let contract = null;
let readySent = false;

function primaryWidget() {
    widgets = widgets.filter((w) => w.root.isConnected);
    return widgets[0] ?? null;
}

function ensureContract() {
    if (contract) return;
    contract = connect({
        async load(schedule) {
            const widget = primaryWidget();
            if (!widget) {
                const api = await startWorker();
                return JSON.parse(await api.report(JSON.stringify(schedule ?? null)));
            }
            await widget.ready;
            return widget.loadDocument(schedule, { fromUser: false });
        },
    });
}

function scan() {
    const roots = document.querySelectorAll("[data-itb-flex]:not([data-itb-mounted])");
    if (!roots.length) return;
    ensureContract();
    const started = [];
    for (const root of roots) {
        root.dataset.itbMounted = "";
        const widget = new Widget(root);
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

export { startWorker, scan };
