/*! ITB Flex portal loader: puts the flex-dosing preview into a page as a sandboxed iframe.
 *
 * Copy-paste snippet (see the "For portal teams" page of the docs):
 *
 *   <div data-itb-flex data-src="https://widgets.example.org/itb-flex/embed/"
 *        data-schedule='{"programs": {"everyday": [{"start": "00:00", "mcg_per_day": 500}]}}'></div>
 *   <script src="https://widgets.example.org/itb-flex/embed/embed.js"></script>
 *
 * What it does, for every element with data-itb-flex (now, and whenever ItbFlex.mount(el) is called):
 * - inserts <iframe src=data-src title=... loading="lazy" sandbox=...> (see SANDBOX below);
 *   data-loading="eager" loads it at once, and so does the first ItbFlex.load() call;
 *   data-readonly shows the schedule and its report with no way to edit it;
 *   data-lang="es" shows it in Spanish (embed/es/; without data-lang, the portal's <html lang>);
 * - sizes the iframe to the widget's height (message itb-flex:resize, bounded);
 * - introduces this page to the widget (itb-flex:hello) once it is ready: the widget sends
 *   nothing that holds a schedule to a page that has not;
 * - loads data-schedule into the widget once it is ready, and any later ItbFlex.load(el, schedule);
 *   each load carries an id, and its answer (itb-flex:report or itb-flex:error) carries it back;
 * - re-dispatches the widget's messages on the element as DOM CustomEvents (they bubble):
 *   "itb-flex:ready" (detail: {}), "itb-flex:report" (detail: {id, report, json}),
 *   "itb-flex:error" (detail: {id, reason}), "itb-flex:change" (detail: {document, report});
 * - takes schedules in two ways: ItbFlex.load(el, schedule) (a Promise of the report, rejected
 *   with an ItbFlexError), or el.dispatchEvent(new CustomEvent("itb-flex:load",
 *   {detail: {schedule}})) (the answer as an event).
 *
 * Security: a message is read only when it comes from this iframe's window AND from the widget's
 * origin (the origin of data-src); schedules are posted only to that origin, never to "*".
 * Nothing is sent anywhere else: the widget runs entirely in the reader's browser.
 */
(() => {
    "use strict";
    if (window.ItbFlex?.version) return; // loaded twice: the first copy serves

    // The protocol's message types (name -> "itb-flex:..."), written in when the site is built
    // from their one list, MESSAGE in widget/web/contract.js (hooks/embed.py).
    const TYPES = __ITB_FLEX_MESSAGES__;
    // Bounds on the height a widget may ask for (px): a broken or hostile frame cannot collapse
    // the iframe to nothing or stretch the portal's page without limit (as WordPress's wp-embed).
    const MIN_HEIGHT_PX = 120;
    const MAX_HEIGHT_PX = 20000;
    // Shown until the widget reports its own height (its static preview is about this tall).
    const INITIAL_HEIGHT_PX = 640;
    // How long ItbFlex.load() waits for its answer before it rejects (a configurable assumption,
    // documented on the portal page): a first visit starts the runtime in about 3 s, and a busy
    // 2-core machine has taken 10 times that in this project's tests. A load sent before the
    // widget is ready waits for it within this time. Override per call: load(el, s, {timeoutMs}).
    const LOAD_TIMEOUT_MS = 60_000;
    const MS_PER_S = 1000;
    const PLAIN_DATA =
        "A schedule is plain data: objects, lists, text, numbers, true, false and null.";
    // Why each sandbox token is there (anything not listed stays forbidden: navigating the
    // portal's page, pop-ups and new windows, form submission, pointer lock, presentation):
    // - allow-scripts: the widget is a program (Python in a worker);
    // - allow-same-origin: keeps the widget on its own origin, so it can load its own runtime
    //   files under its CSP (default-src 'self'), and so this loader can check event.origin
    //   (a sandbox without it makes the origin "null", which nothing could verify);
    // - allow-downloads: the widget's "Save as a file" button (the schedule as JSON, made in
    //   the browser);
    // - allow-modals: its "Print a summary" button (window.print() is a modal to a sandbox).
    const SANDBOX = "allow-scripts allow-same-origin allow-downloads allow-modals";

    // The languages the embed has a page for (English at embed/, the others at embed/<lang>/)
    // and each frame's title: written in by the site build (hooks/sitebuild/embed.py, from the
    // embed pages' own titles). data-lang="es" (or es-US, es-MX...) picks Spanish; without
    // data-lang, the portal page's own <html lang> does; anything else is English.
    const FRAME_TITLES = __ITB_FLEX_FRAME_TITLES__;
    const LANGUAGES = Object.keys(FRAME_TITLES);

    /** The embed's language for el: one of LANGUAGES (the first, English, by default). */
    function languageOf(el) {
        const asked = el.getAttribute("data-lang") || document.documentElement.lang || "";
        const primary = asked.trim().toLowerCase().split(/[-_]/)[0];
        return LANGUAGES.includes(primary) ? primary : LANGUAGES[0];
    }

    const script = document.currentScript;
    // By default the embed page is the folder embed.js was loaded from.
    const defaultSrc = script?.src ? new URL("./", script.src).href : null;
    const frames = new WeakMap(); // element -> state
    let lastId = 0;

    /** The reason a load was refused or went unanswered (err.reason: the widget's sentence). */
    class ItbFlexError extends Error {
        constructor(reason, id) {
            super(`ITB Flex: ${reason}`);
            this.name = "ItbFlexError";
            this.reason = reason;
            this.id = id;
        }
    }

    function fail(el, message) {
        el.setAttribute("data-itb-flex-error", message);
        console.error(`ITB Flex: ${message}`);
    }

    function parseSchedule(el) {
        const text = el.getAttribute("data-schedule");
        if (text === null || text.trim() === "") return undefined;
        try {
            return JSON.parse(text);
        } catch (error) {
            fail(
                el,
                `data-schedule is not valid JSON (${error.message}); fix the attribute's JSON.`,
            );
            return undefined;
        }
    }

    function emit(el, type, detail) {
        el.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
    }

    function settle(state, id, outcome) {
        const waiter = state.pending.get(id);
        if (!waiter) return;
        state.pending.delete(id);
        clearTimeout(waiter.timer);
        if (outcome.error) waiter.reject(new ItbFlexError(outcome.error, id));
        else waiter.resolve(outcome.report);
    }

    function post(state, message) {
        state.frame.contentWindow.postMessage(message, state.origin);
    }

    // The schedule goes as JSON text: text always survives postMessage (an object nested deeper
    // than structured cloning allows would be lost on the way), and the widget's flexdose reads
    // exactly this text, as `flexdose check` reads a file.
    function jsonText(schedule) {
        let text;
        try {
            text = JSON.stringify(schedule);
        } catch (error) {
            return {
                error: `The schedule cannot be written as JSON (${error.message}). ${PLAIN_DATA}`,
            };
        }
        if (text === undefined) return { error: `There is no schedule to send. ${PLAIN_DATA}` };
        return { text };
    }

    // Each load gets its own id; the answer with that id settles it, in whatever order answers
    // come. Loads wait for the widget's ready message (waiter null: nobody awaits the answer).
    function enqueue(state, schedule, waiter, timeoutMs) {
        lastId += 1;
        const id = `itbf-${lastId}`;
        const { text, error } = jsonText(schedule);
        if (error) {
            // Refused here, as the widget would: the same event, then the promise (a microtask
            // later, so that a caller's await is in place).
            queueMicrotask(() => {
                emit(state.el, TYPES.error, { id, reason: error });
                if (waiter) waiter.reject(new ItbFlexError(error, id));
            });
            return id;
        }
        if (waiter) {
            const timer = setTimeout(() => {
                const seconds = Math.round(timeoutMs / MS_PER_S);
                settle(state, id, {
                    error:
                        `The preview did not answer within ${seconds} s. It may still be ` +
                        "starting on a slow device, or it could not start (see the frame).",
                });
            }, timeoutMs);
            state.pending.set(id, { ...waiter, timer });
        }
        const message = { type: TYPES.load, id, json: text };
        if (state.ready) post(state, message);
        else state.queue.push(message);
        return id;
    }

    /** Insert the iframe into el (once) and wire its messages. Returns the iframe. */
    function mount(el) {
        const existing = frames.get(el);
        if (existing) return existing.frame;
        const src = el.getAttribute("data-src") || defaultSrc;
        if (!src) {
            fail(el, "data-src is missing; set it to the widget's embed/ address.");
            return null;
        }
        const lang = languageOf(el);
        const given = new URL(src, document.baseURI);
        // The language's own page (embed/es/), with data-src's query (?frame=...) kept.
        const url = lang === LANGUAGES[0] ? given : new URL(`${lang}/`, given);
        if (url !== given) url.search = given.search;
        // Read-only: the embed page shows the schedule and its report, and no editor.
        if (el.hasAttribute("data-readonly")) url.searchParams.set("mode", "readonly");
        const frame = document.createElement("iframe");
        frame.src = url.href;
        frame.title = el.getAttribute("data-title") || FRAME_TITLES[lang];
        frame.loading = el.getAttribute("data-loading") === "eager" ? "eager" : "lazy";
        frame.setAttribute("sandbox", SANDBOX);
        frame.referrerPolicy = "no-referrer";
        // CSSOM, not a style attribute: allowed under a portal CSP without 'unsafe-inline'.
        frame.style.width = "100%";
        frame.style.border = "0";
        frame.style.display = "block";
        frame.style.height = `${INITIAL_HEIGHT_PX}px`;

        const state = {
            el,
            frame,
            origin: url.origin,
            ready: false,
            queue: [],
            pending: new Map(),
        };
        frames.set(el, state);
        const initial = parseSchedule(el);
        if (initial !== undefined) enqueue(state, initial, null, LOAD_TIMEOUT_MS);

        window.addEventListener("message", (event) => {
            // Both checks: the window pins which frame spoke, the origin pins who is in it.
            if (event.source !== frame.contentWindow || event.origin !== state.origin) return;
            const data = event.data;
            if (!data || typeof data !== "object" || typeof data.type !== "string") return;
            switch (data.type) {
                case TYPES.resize: {
                    const height = Number(data.height);
                    if (!Number.isFinite(height)) return;
                    const bounded = Math.min(
                        MAX_HEIGHT_PX,
                        Math.max(MIN_HEIGHT_PX, Math.ceil(height)),
                    );
                    frame.style.height = `${bounded}px`;
                    return;
                }
                case TYPES.ready:
                    if (state.ready) return; // the answer to a hello sent again
                    state.ready = true;
                    post(state, { type: TYPES.hello });
                    emit(el, TYPES.ready, {});
                    for (const message of state.queue.splice(0)) post(state, message);
                    return;
                case TYPES.report:
                    settle(state, data.id, { report: data.report });
                    emit(el, TYPES.report, { id: data.id, report: data.report, json: data.json });
                    return;
                case TYPES.error:
                    settle(state, data.id, { error: String(data.reason) });
                    emit(el, TYPES.error, { id: data.id, reason: String(data.reason) });
                    return;
                case TYPES.change:
                    emit(el, TYPES.change, { document: data.document, report: data.report });
                    return;
                default:
                    return; // a newer widget's message this loader does not know: ignored
            }
        });
        el.addEventListener(TYPES.load, (event) => {
            if (event.target === el && event.detail && "schedule" in event.detail) {
                enqueue(state, event.detail.schedule, null, LOAD_TIMEOUT_MS);
            }
        });
        el.replaceChildren(frame);
        return frame;
    }

    /**
     * Show schedule (an itb-flex/1 document, as an object) in the widget in el.
     * Resolves to the report (exactly what `flexdose check --json` prints for it); rejects with
     * an ItbFlexError (err.reason) when the widget refuses the schedule or does not answer
     * within options.timeoutMs (default LOAD_TIMEOUT_MS). A lazy frame starts loading now.
     */
    function load(el, schedule, options = {}) {
        if (!frames.has(el)) mount(el);
        const state = frames.get(el);
        if (!state) return Promise.reject(new ItbFlexError("the element has no data-src"));
        // The portal wants an answer: a frame still waiting to scroll into view loads now.
        if (state.frame.loading !== "eager") state.frame.loading = "eager";
        const timeoutMs = Number.isFinite(options.timeoutMs) ? options.timeoutMs : LOAD_TIMEOUT_MS;
        return new Promise((resolve, reject) => {
            enqueue(state, schedule, { resolve, reject }, timeoutMs);
        });
    }

    function mountAll(root = document) {
        root.querySelectorAll("[data-itb-flex]").forEach(mount);
    }

    window.ItbFlex = Object.freeze({
        version: "2",
        timeoutMs: LOAD_TIMEOUT_MS,
        ItbFlexError,
        mount,
        mountAll,
        load,
    });
    if (document.readyState === "loading")
        document.addEventListener("DOMContentLoaded", () => mountAll());
    else mountAll();
})();
