// ITB Flex — compare the schedule on screen with the one in use (saved from the form or a file).

import { el, nextId } from "./dom.js";
import { clone } from "./doc-edits.js";

export function compareSection(w) {
    const L = w.spec.labels;
    w.compareOut = el("div", { class: "itb-flex__compare-out", "aria-live": "off" });
    const fileId = nextId("itbf");
    const fileInput = el("input", {
        type: "file",
        id: fileId,
        accept: "application/json,.json",
        class: "itb-flex__file",
        "data-itb-action": "compare",
        onchange: async (e) => {
            const file = e.target.files[0];
            e.target.value = "";
            if (!file) return;
            const action = w.beginAction();
            const text = await file.text();
            const problem = await w.engine.parseError(text);
            if (!w.isLatest(action)) return;
            if (problem) {
                w.message(`${L.compare_failed} ${problem}`, { error: true });
                return;
            }
            w.baseline = JSON.parse(text);
            w.message(L.comparing_file);
            w.edited({ fromUser: false });
        },
    });
    w.stopCompare = el("button", {
        type: "button",
        class: "itb-flex__button",
        text: L.stop_compare,
        hidden: true,
        onclick: () => {
            w.beginAction();
            w.baseline = null;
            w.message(L.compare_stopped);
            w.edited({ fromUser: false });
        },
    });
    return el(
        "section",
        { class: "itb-flex__compare", "aria-label": L.compare_region },
        el("h3", { class: "itb-flex__h", text: L.compare_heading }),
        el("p", { class: "itb-flex__hint", text: L.compare_hint }),
        el(
            "div",
            { class: "itb-flex__row" },
            el("button", {
                type: "button",
                class: "itb-flex__button",
                text: L.save_current,
                onclick: () => {
                    w.beginAction();
                    w.baseline = clone(w.doc);
                    w.message(L.saved_current);
                    w.edited({ fromUser: false });
                },
            }),
            el("label", { class: "itb-flex__button", for: fileId, text: L.compare_file }),
            fileInput,
            w.stopCompare,
        ),
        w.compareOut,
    );
}
