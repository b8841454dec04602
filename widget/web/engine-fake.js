// ITB Flex — a stand-in engine for fast tests in Node (tests/js/): it answers like the real one
// in shape, from fixed answers the test gives, and records every call. Never used in a page.

/**
 * @param {Record<string, unknown | ((...args: unknown[]) => unknown)>} answers  by method name
 */
export function fakeEngine(answers = {}) {
    const calls = [];
    const answer =
        (name) =>
        async (...args) => {
            calls.push([name, ...args]);
            const a = answers[name];
            if (a === undefined) throw new Error(`fake engine: no answer for ${name}`);
            return typeof a === "function" ? a(...args) : structuredClone(a);
        };
    const engine = {};
    for (const name of [
        "report",
        "take",
        "parseError",
        "view",
        "compare",
        "examples",
        "formSpec",
        "parseClock",
        "convertRate",
        "printView",
    ]) {
        engine[name] = answer(name);
    }
    return { engine: Object.freeze(engine), calls };
}
