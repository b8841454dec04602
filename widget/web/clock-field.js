// ITB Flex — time entry on one 24-hour clock, whatever the browser's language.
//
// A text field, not <input type="time">: the browser's time control shows "08:00 PM" in a
// 12-hour locale while everything else in the widget says 20:00, and it silently turns a typed
// "2100" into 02:10. What the person types is read by flexdose (flexdose.clock.parse_clock:
// "2100", "21:00", "9:30", "9pm" all work) when they leave the field or press Enter; what it
// cannot read is explained next to the field, and the schedule keeps its last good time.

import { el, nextId } from "./dom.js";

/**
 * A 24-hour time input. onValue("HH:MM") is called with each time flexdose could read.
 * @returns {{input: HTMLInputElement, note: HTMLElement}}
 */
export function clockInput(w, { where, value, label, onValue }) {
    const noteId = nextId("itbf-clock");
    const note = el("span", {
        class: "itb-flex__field-msg is-error",
        id: noteId,
        hidden: true,
        "data-itb-clock-msg": true,
    });
    const input = el("input", {
        type: "text",
        inputmode: "numeric",
        autocomplete: "off",
        spellcheck: "false",
        class: "itb-flex__clock",
        placeholder: w.spec.labels.clock_placeholder,
        maxlength: w.spec.limits.clock_max_chars,
        size: 5,
        value: typeof value === "string" ? value : "",
        "aria-label": label,
        dataset: { where, clockNote: noteId },
    });
    let committed = input.value;
    const commit = async () => {
        const text = input.value;
        if (text === committed && note.hidden) return;
        const result = await w.engine.parseClock(text);
        if (input.value !== text) return; // typed on meanwhile: the newer text is read next
        w.touch(input);
        if (result.error) {
            note.textContent = result.error;
            note.hidden = false;
            input.setAttribute("aria-invalid", "true");
            linkNote(input, noteId, true);
            return;
        }
        note.hidden = true;
        note.textContent = "";
        input.removeAttribute("aria-invalid");
        linkNote(input, noteId, false);
        input.value = result.value;
        committed = result.value;
        onValue(result.value);
    };
    input.addEventListener("change", commit);
    input.addEventListener("keydown", (e) => {
        if (e.key === "Enter") {
            e.preventDefault();
            commit();
        }
    });
    return { input, note };
}

function linkNote(input, noteId, on) {
    const ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    const rest = ids.filter((id) => id !== noteId);
    if (on) rest.push(noteId);
    if (rest.length) input.setAttribute("aria-describedby", rest.join(" "));
    else input.removeAttribute("aria-describedby");
}
