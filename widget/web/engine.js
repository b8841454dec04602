// ITB Flex — the one seam between the widget and wherever Python runs.
//
// The widget only ever talks to an Engine: every rule, total, message, picture and form choice
// comes back from flexdose through it, as plain values. Which implementation runs is chosen once,
// here, from what the page can do:
//   - engine-pyscript.js: Pyodide in a PyScript worker (the web site, the portal embed);
//   - engine-worker.js: the same Pyodide and worker.py in our own module worker, where the
//     browser refuses storage (a cross-site frame) and PyScript's worker cannot start;
//   - engine-file.js: the offline bundle opened from disk (file://), raw Pyodide fed from memory;
//   - engine-fake.js: a stand-in for tests in Node (never chosen in a browser).
// Every one of them runs the same worker.py on the same runtime files.

import { fileEngineAvailable, startFileEngine } from "./engine-file.js";
import { loadPyScript, startPyScriptEngine } from "./engine-pyscript.js";
import { startWorkerEngine } from "./engine-worker.js";
import { preflight, storageUsable } from "./runtime.js";

/** A start failure whose message is meant for the person (plain words, what to do). */
export class RuntimeUnavailable extends Error {}

/**
 * Wrap the raw functions a worker exports (JSON text in and out) as the Engine the widget uses.
 *
 * @param {Record<string, (...args: unknown[]) => Promise<unknown>>} raw  worker.py's __export__
 */
export function engineFrom(raw, kind = "") {
    const json = async (promise) => JSON.parse(await promise);
    return Object.freeze({
        /** Where Python runs: "pyscript", "worker" or "file" (for tests and the bench). */
        kind,
        /** The report of `flexdose check --json` for a document (any JSON value). */
        report: (documentText, today = "") => json(raw.report(documentText, today)),
        /** A portal's schedule (JSON text) through flexdose's limits: {report: <check --json
         *  text>} or {refused: reason}. */
        take: (documentText, today = "") => json(raw.take(documentText, today)),
        /** "" when text is readable as a schedule file, else flexdose's one-line message. */
        parseError: (text) => raw.parse_error(text),
        /** Everything the widget shows for a document: {report, chart, steps, week, totals, findings}. */
        view: (documentText, { program, nowMinutes, idPrefix, weekday, today }) =>
            json(raw.view(documentText, program ?? "", nowMinutes, idPrefix, weekday, today)),
        /** flexdose's comparison of two documents: {comparison, html}. */
        compare: (currentText, proposedText) => json(raw.compare(currentText, proposedText)),
        /** The shipped example documents, by name. */
        examples: () => json(raw.examples()),
        /** Every limit, choice, label and sentence the form needs (flexdose.form.form_spec). */
        formSpec: () => json(raw.form_spec()),
        /** What a person typed in a time field: {value: "HH:MM"} or {error: "..."}. */
        parseClock: (text) => json(raw.parse_clock(text)),
        /** A rate in another unit (mcg_per_day <-> mcg_per_hour), as flexdose rounds it. */
        convertRate: async (value, fromUnit, toUnit) =>
            Number(await raw.convert_rate(value, fromUnit, toUnit)),
        /** The one-page printed summary: {html}. */
        printView: (documentText, baselineText, idPrefix) =>
            json(raw.print_view(documentText, baselineText, idPrefix)),
        /** The fold-out wallet and emergency card: {html}. */
        cardView: (documentText, idPrefix) => json(raw.card_view(documentText, idPrefix)),
        /** Speak the page's language in every later answer; resolves to the code flexdose uses. */
        setLanguage: (lang) => raw.set_language(lang),
    });
}

let started = null;

/**
 * Start the engine this page can run, once per window; resolves to an Engine.
 * @param {Record<string, string>} text  flexdose's start-up sentences (the root's data-itb-text)
 */
export function startEngine(text = {}) {
    if (started) return started;
    started = (async () => {
        const engine = await startAny(text);
        // The page's language (the edition's <html lang>; the embed's page for data-lang):
        // flexdose answers in it from here on.
        await engine.setLanguage(document.documentElement.lang || "en");
        return engine;
    })();
    return started;
}

/** The first engine this window can run (file, PyScript or plain worker), as an Engine. */
async function startAny(text) {
    if (fileEngineAvailable()) {
        return engineFrom(await startFileEngine(RuntimeUnavailable, text), "file");
    }
    // The checks, the storage question and PyScript's download run side by side: nothing
    // starts a worker before the checks pass, but no check waits for another.
    const storage = storageUsable();
    const checked = preflight(RuntimeUnavailable, text);
    checked.catch(() => {}); // awaited below, after the storage answer
    if (await storage) loadPyScript().catch(() => {}); // a failure surfaces at the start
    await checked;
    if (await storage) return engineFrom(await startPyScriptEngine(), "pyscript");
    return engineFrom(await startWorkerEngine(), "worker");
}
