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
 * - sizes the iframe to the widget's height (message itb-flex:resize, bounded);
 * - loads data-schedule into the widget once it is ready, and any later ItbFlex.load(el, schedule);
 * - re-dispatches the widget's messages on the element as DOM CustomEvents (they bubble):
 *   "itb-flex:ready" (detail: {}), "itb-flex:report" (detail: {report}),
 *   "itb-flex:change" (detail: {document, report});
 * - takes schedules in two ways: ItbFlex.load(el, schedule) (a Promise of the report), or
 *   el.dispatchEvent(new CustomEvent("itb-flex:load", {detail: {schedule}})) (report as an event).
 *
 * Security: a message is read only when it comes from this iframe's window AND from the widget's
 * origin (the origin of data-src); schedules are posted only to that origin, never to "*".
 * Nothing is sent anywhere else: the widget runs entirely in the reader's browser.
 */
(() => {
    "use strict";
    if (window.ItbFlex && window.ItbFlex.version) return; // loaded twice: the first copy serves

    const PREFIX = "itb-flex:";
    const TYPES = { load: "itb-flex:load", report: "itb-flex:report", ready: "itb-flex:ready",
                    change: "itb-flex:change", resize: "itb-flex:resize" };
    // Bounds on the height a widget may ask for (px): a broken or hostile frame cannot collapse
    // the iframe to nothing or stretch the portal's page without limit (as WordPress's wp-embed).
    const MIN_HEIGHT_PX = 120;
    const MAX_HEIGHT_PX = 20000;
    // Shown until the widget reports its own height (its static preview is about this tall).
    const INITIAL_HEIGHT_PX = 640;
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

    const script = document.currentScript;
    // By default the embed page is the folder embed.js was loaded from.
    const defaultSrc = script && script.src ? new URL("./", script.src).href : null;
    const frames = new WeakMap(); // element -> state

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
            fail(el, `data-schedule is not valid JSON (${error.message}); fix the attribute's JSON.`);
            return undefined;
        }
    }

    function emit(el, type, detail) {
        el.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
    }

    function send(state, schedule) {
        state.frame.contentWindow.postMessage({ type: TYPES.load, schedule }, state.origin);
    }

    // Loads wait for the widget's ready message; the widget answers loads in order, so each
    // report settles the oldest unanswered load (null: the data-schedule one, nobody awaits it).
    function enqueue(state, schedule, resolve) {
        state.waiting.push(resolve);
        if (state.ready) send(state, schedule);
        else state.queue.push(schedule);
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
        const url = new URL(src, document.baseURI);
        const frame = document.createElement("iframe");
        frame.src = url.href;
        frame.title = el.getAttribute("data-title") || "ITB Flex: flex-dosing preview";
        frame.loading = "lazy";
        frame.setAttribute("sandbox", SANDBOX);
        frame.referrerPolicy = "no-referrer";
        // CSSOM, not a style attribute: allowed under a portal CSP without 'unsafe-inline'.
        frame.style.width = "100%";
        frame.style.border = "0";
        frame.style.display = "block";
        frame.style.height = `${INITIAL_HEIGHT_PX}px`;

        const state = { el, frame, origin: url.origin, ready: false, queue: [], waiting: [] };
        frames.set(el, state);
        const initial = parseSchedule(el);
        if (initial !== undefined) enqueue(state, initial, null);

        window.addEventListener("message", (event) => {
            // Both checks: the window pins which frame spoke, the origin pins who is in it.
            if (event.source !== frame.contentWindow || event.origin !== state.origin) return;
            const data = event.data;
            if (!data || typeof data !== "object" || typeof data.type !== "string") return;
            if (!data.type.startsWith(PREFIX)) return;
            switch (data.type) {
                case TYPES.resize: {
                    const height = Number(data.height);
                    if (!Number.isFinite(height)) return;
                    const bounded = Math.min(MAX_HEIGHT_PX, Math.max(MIN_HEIGHT_PX, Math.ceil(height)));
                    frame.style.height = `${bounded}px`;
                    return;
                }
                case TYPES.ready:
                    state.ready = true;
                    emit(el, TYPES.ready, {});
                    for (const schedule of state.queue.splice(0)) send(state, schedule);
                    return;
                case TYPES.report: {
                    const waiter = state.waiting.shift();
                    if (waiter) waiter(data.report);
                    emit(el, TYPES.report, { report: data.report });
                    return;
                }
                case TYPES.change:
                    emit(el, TYPES.change, { document: data.document, report: data.report });
                    return;
                default:
                    return; // a newer widget's message this loader does not know: ignored
            }
        });
        el.addEventListener(TYPES.load, (event) => {
            if (event.target === el && event.detail && "schedule" in event.detail) {
                enqueue(state, event.detail.schedule, null);
            }
        });
        el.replaceChildren(frame);
        return frame;
    }

    /**
     * Show schedule (an itb-flex/1 document, as an object) in the widget in el.
     * Resolves to the report (exactly what `flexdose check --json` prints for it).
     */
    function load(el, schedule) {
        if (!frames.has(el)) mount(el);
        const state = frames.get(el);
        if (!state) return Promise.reject(new Error("ITB Flex: the element has no data-src"));
        return new Promise((resolve) => enqueue(state, schedule, resolve));
    }

    function mountAll(root = document) {
        root.querySelectorAll("[data-itb-flex]").forEach(mount);
    }

    window.ItbFlex = Object.freeze({ version: "1", mount, mountAll, load });
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => mountAll());
    else mountAll();
})();
