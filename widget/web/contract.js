// ITB Flex — the page/portal contract of the widget (postMessage), in one small module.
//
// A page that frames the widget (an <iframe> of a page with a widget) talks to it like this:
//
//   parent -> widget  {type: "itb-flex:hello"}               introduces the parent (optional:
//                                                            a load introduces it too)
//   parent -> widget  {type: "itb-flex:load", id, schedule}  id: a string or a number, echoed
//                  or {type: "itb-flex:load", id, json}      the schedule as JSON text (what
//                     embed.js sends: text always survives postMessage, and flexdose then reads
//                     exactly the text the portal wrote, as `flexdose check` reads a file)
//   widget -> parent  {type: "itb-flex:report", id, report, json}   the answer to that load:
//                     report is what `flexdose check --json` prints, json is that text itself
//   widget -> parent  {type: "itb-flex:error", id, reason}   the load was refused (over the
//                     limits, not JSON, not a schedule): the same sentence `flexdose check`
//                     gives; the picture keeps the schedule from before and says so
//   widget -> parent  {type: "itb-flex:ready"}               when the live preview can run (and
//                                                            again in answer to a hello)
//   widget -> parent  {type: "itb-flex:change", document, report}   after each edit by the person
//   embed page -> parent  {type: "itb-flex:resize", height}   the widget's height in CSS pixels
//                     (widget/embed/frame.js, on the embed page only)
//
// Loads are answered one at a time, in the order they came, so an older portal that sends no id
// can still pair answers with loads by order. Each answer is computed for its own schedule.
//
// Rules that keep a schedule from reaching anyone else:
// - only messages from the window that frames this one are read (event.source === window.parent,
//   and only when there is a parent: window.parent !== window);
// - an answer goes back to the origin its load came from (targetOrigin = event.origin);
// - "change" carries what the person typed, so it goes only to a parent that has introduced
//   itself (a hello or a load), and only to that origin. A page that frames the widget and never
//   speaks gets nothing that holds a schedule;
// - "ready" carries no data, so it goes to any parent ("*").
// A message from the parent that the browser cannot copy into this window (a "messageerror",
// for example an object nested deeper than structured cloning allows) is answered with an
// "itb-flex:error" without an id: there is nothing to read an id from.
// Nothing is ever sent when the page is not framed.

// Every message type of the protocol: the one list of them. The classic scripts that cannot
// import this module (the portal's loader embed/embed.js and the embed page's frame.js) get this
// table written in when the site is built (hooks/embed.py, protocol_messages): one name and one
// quoted type a line, nothing else inside the braces.
export const MESSAGE = Object.freeze({
    hello: "itb-flex:hello",
    load: "itb-flex:load",
    report: "itb-flex:report",
    error: "itb-flex:error",
    ready: "itb-flex:ready",
    change: "itb-flex:change",
    resize: "itb-flex:resize",
});

/** A load the widget cannot take; its message is the reason the parent (and the person) get. */
export class Refused extends Error {}

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
 * @param {{load: (input: {json?: string, schedule?: unknown}) =>
 *            Promise<{report: object, json: string}>, unreadable: string}} handlers
 *   load(input) shows the schedule (JSON text, or a value) and resolves to its report (the
 *   `check --json` object and text), or rejects with Refused (its message is the reason);
 *   unreadable is the reason given for a message the browser could not copy.
 * @returns {{ready: () => void, change: (document: object, report: object) => void,
 *            embedded: boolean, disconnect: () => void}}
 */
export function connect(handlers) {
    const embedded = isEmbedded();
    let introduced = null; // the origin of the parent that said hello or sent a load
    let isReady = false;
    let queue = Promise.resolve();

    const send = (message, origin) => window.parent.postMessage(message, targetFor(origin));

    const answer = async (data, origin) => {
        const tag = "id" in data ? { id: data.id } : {};
        try {
            const input =
                typeof data.json === "string" ? { json: data.json } : { schedule: data.schedule };
            const { report, json } = await handlers.load(input);
            send({ type: MESSAGE.report, ...tag, report, json }, origin);
        } catch (error) {
            send({ type: MESSAGE.error, ...tag, reason: String(error?.message ?? error) }, origin);
        }
    };

    const onMessage = (event) => {
        if (!embedded || event.source !== window.parent) return;
        const data = event.data;
        if (!data || typeof data !== "object") return;
        if (data.type === MESSAGE.hello) {
            introduced = event.origin;
            if (isReady) send({ type: MESSAGE.ready }, event.origin);
        } else if (data.type === MESSAGE.load) {
            introduced = event.origin;
            const origin = event.origin;
            queue = queue.then(() => answer(data, origin));
        }
    };
    const onMessageError = (event) => {
        if (!embedded || event.source !== window.parent) return;
        queue = queue.then(() =>
            send({ type: MESSAGE.error, reason: handlers.unreadable }, event.origin),
        );
    };
    if (embedded) {
        window.addEventListener("message", onMessage);
        window.addEventListener("messageerror", onMessageError);
    }

    return {
        embedded,
        ready() {
            isReady = true;
            if (embedded) send({ type: MESSAGE.ready }, "*");
        },
        change(document, report) {
            if (!embedded || introduced === null) return;
            send({ type: MESSAGE.change, document, report }, introduced);
        },
        disconnect() {
            window.removeEventListener("message", onMessage);
            window.removeEventListener("messageerror", onMessageError);
        },
    };
}
