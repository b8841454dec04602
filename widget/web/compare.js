// ITB Flex — compare the schedule on screen with the one in use (saved from the form or a file).

import { clone } from "./doc-edits.js";
import { button, el, fileChooser } from "./dom.js";

export function compareSection(w) {
    const L = w.spec.labels;
    w.compareOut = el("div", { class: "itb-flex__compare-out", "aria-live": "off" });
    const chooser = fileChooser(L.compare_file, "compare", async (text) => {
        const action = w.beginAction();
        const problem = await w.engine.parseError(text);
        if (!w.isLatest(action)) return;
        if (problem) {
            w.message(`${L.compare_failed} ${problem}`, { error: true });
            return;
        }
        w.baseline = JSON.parse(text);
        w.message(L.comparing_file);
        w.edited({ fromUser: false });
    });
    w.stopCompare = button(
        L.stop_compare,
        () => {
            w.beginAction();
            w.baseline = null;
            w.message(L.compare_stopped);
            w.edited({ fromUser: false });
        },
        { hidden: true },
    );
    return el(
        "section",
        { class: "itb-flex__compare", "aria-label": L.compare_region },
        el("h3", { class: "itb-flex__h", text: L.compare_heading }),
        el("p", { class: "itb-flex__hint", text: L.compare_hint }),
        el(
            "div",
            { class: "itb-flex__row" },
            button(L.save_current, () => {
                w.beginAction();
                w.baseline = clone(w.doc);
                w.message(L.saved_current);
                w.edited({ fromUser: false });
            }),
            ...chooser,
            w.stopCompare,
        ),
        w.compareOut,
    );
}
