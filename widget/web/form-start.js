// ITB Flex — the form's first section: start from an example or from a clinic printout, and
// the schedule's name.

import { setTitle } from "./doc-edits.js";
import { el, field } from "./dom.js";

export const BLANK = "__blank";

export function startSection(w) {
    const { spec } = w;
    const select = el(
        "select",
        { "data-itb-start": true },
        el("option", { value: "", text: spec.labels.choose }),
        Object.keys(w.examples).map((name) =>
            el("option", { value: name, text: spec.examples[name] || name }),
        ),
        el("option", { value: BLANK, text: spec.labels.start_blank }),
    );
    const button = el("button", {
        type: "button",
        class: "itb-flex__button",
        text: spec.labels.start_button,
        onclick: () => select.value && w.startFrom(select.value),
    });
    return el(
        "fieldset",
        { class: "itb-flex__group itb-flex__start" },
        el("legend", { text: spec.labels.start_legend }),
        el("div", { class: "itb-flex__row" }, field(spec.labels.start_field, select), button),
    );
}

export function titleField(w) {
    const { doc, spec } = w;
    const input = el("input", {
        type: "text",
        value: typeof doc.title === "string" ? doc.title : "",
        maxlength: spec.limits.title_max_chars,
        autocomplete: "off",
        dataset: { where: "title" },
        oninput: (e) => {
            setTitle(w.doc, e.target.value);
            w.edited();
        },
    });
    return field(spec.labels.title, input);
}
