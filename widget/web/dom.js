// ITB Flex — small DOM helpers shared by the widget's sections.

let uid = 0;
/** An id unique in this window (two widgets on a page never share one). */
export const nextId = (prefix) => `${prefix}-${++uid}`;

/** document.createElement with attributes, handlers (onclick...), dataset and children. */
export function el(tag, attrs = {}, ...children) {
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

/**
 * A labelled field: label, control, optional hint and an empty message slot that the widget
 * fills with flexdose's findings for that field (and links with aria-describedby).
 */
export function field(labelText, control, hint) {
    if (!control.id) control.id = nextId("itbf");
    const id = control.id;
    const parts = [el("label", { for: id, text: labelText }), control];
    const describedBy = [];
    if (hint) {
        const hintId = nextId("itbf-hint");
        parts.push(el("span", { class: "itb-flex__hint", id: hintId, text: hint }));
        describedBy.push(hintId);
    }
    parts.push(messageSlot(control));
    control.dataset.hintIds = describedBy.join(" ");
    if (describedBy.length) control.setAttribute("aria-describedby", describedBy.join(" "));
    return el("div", { class: "itb-flex__field" }, parts);
}

/** The message element of a control (next to it), created once. */
export function messageSlot(control) {
    const msgId = nextId("itbf-msg");
    control.dataset.msgId = msgId;
    return el("span", { class: "itb-flex__field-msg", id: msgId, hidden: true });
}

/** A button of the widget's look. */
export const button = (text, onclick, attrs = {}) =>
    el("button", { type: "button", class: "itb-flex__button", text, onclick, ...attrs });

/**
 * "Choose a file" as a button: a label styled as one and its visually hidden file input.
 * onText(text) gets the chosen file's text; the input is cleared so the same file can be
 * chosen again. Returns [label, input] (the input must follow its label: widget.css).
 */
export function fileChooser(labelText, action, onText) {
    const id = nextId("itbf");
    const input = el("input", {
        type: "file",
        id,
        accept: "application/json,.json",
        class: "itb-flex__file",
        "data-itb-action": action,
        onchange: async (e) => {
            const file = e.target.files[0];
            e.target.value = "";
            if (file) await onText(await file.text());
        },
    });
    return [el("label", { class: "itb-flex__button", for: id, text: labelText }), input];
}

export const numberOrNull = (input) =>
    input.value.trim() !== "" && Number.isFinite(input.valueAsNumber) ? input.valueAsNumber : null;

/** Fill a template such as "at most {max} steps" from values. */
export const fill = (template, values) =>
    String(template).replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
