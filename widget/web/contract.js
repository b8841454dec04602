// ITB Flex — the page/portal contract of the widget (postMessage), in one small module.
//
// A page that frames the widget (an <iframe> of a page with a widget) talks to it like this:
//
//   parent -> widget  {type: "itb-flex:load", schedule: <itb-flex/1 document>}
//   widget -> parent  {type: "itb-flex:report", report}    answer to each load; report is exactly
//                                                          what `flexdose check --json` prints
//   widget -> parent  {type: "itb-flex:ready"}             once, when the live preview can run
//   widget -> parent  {type: "itb-flex:change", document, report}   after each edit by the person
//
// Rules that keep a schedule from reaching anyone else:
// - only messages from the window that frames this one are read (event.source === window.parent,
//   and only when there is a parent: window.parent !== window);
// - the report goes back to the origin the load came from (targetOrigin = event.origin);
// - "change" carries the schedule, so it goes only to a parent origin this page knows: the origin
//   of the last load message, or the framing page's origin as the browser reports it
//   (location.ancestorOrigins, Chromium and Safari). With neither, nothing is sent;
// - "ready" carries no data, so it goes to any parent ("*").
// Nothing is ever sent when the page is not framed.

export const MESSAGE = Object.freeze({
    load: "itb-flex:load",
    report: "itb-flex:report",
    ready: "itb-flex:ready",
    change: "itb-flex:change",
});

/** Whether this page runs inside a frame (a portal, or the docs' own embed page). */
export const isEmbedded = () => {
    try {
        return window.parent !== window;
    } catch {
        return true;
    }
};

// An opaque origin ("null": a sandboxed or file:// parent) cannot be a targetOrigin; the message
// then goes to the frame's parent window whatever its origin, which event.source already pinned.
const targetFor = (origin) => (origin && origin !== "null" ? origin : "*");

/**
 * Connect the widget on this page to its parent window.
 *
 * @param {{load: (schedule: unknown) => Promise<object>}} handlers
 *   load(schedule) shows the schedule and resolves to its report (the `check --json` object).
 * @returns {{ready: () => void, change: (document: object, report: object) => void,
 *            embedded: boolean, disconnect: () => void}}
 */
export function connect(handlers) {
    const embedded = isEmbedded();
    let parentOrigin = null;

    const onMessage = async (event) => {
        if (!embedded || event.source !== window.parent) return;
        const data = event.data;
        if (!data || typeof data !== "object" || data.type !== MESSAGE.load) return;
        parentOrigin = event.origin;
        const report = await handlers.load(data.schedule);
        window.parent.postMessage({ type: MESSAGE.report, report }, targetFor(event.origin));
    };
    if (embedded) window.addEventListener("message", onMessage);

    const knownParentOrigin = () =>
        parentOrigin ?? (location.ancestorOrigins && location.ancestorOrigins[0]) ?? null;

    return {
        embedded,
        ready() {
            if (embedded) window.parent.postMessage({ type: MESSAGE.ready }, "*");
        },
        change(document, report) {
            const origin = embedded ? knownParentOrigin() : null;
            if (!origin) return;
            window.parent.postMessage({ type: MESSAGE.change, document, report }, targetFor(origin));
        },
        disconnect() {
            window.removeEventListener("message", onMessage);
        },
    };
}
