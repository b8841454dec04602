// ITB Flex — the form's programs: which program is shown, its name, and its dose steps.

import { clockInput } from "./clock-field.js";
import {
    addProgram,
    insertStep,
    isObject,
    newStepAt,
    programNames,
    programPath,
    removeProgram,
    removeStep,
    renameProgram,
    setStepDose,
    setStepStart,
    setStepUnit,
    stepPath,
    stepUnit,
} from "./doc-edits.js";
import { el, field, fill, messageSlot, nextId, numberOrNull } from "./dom.js";

const weekdayKeys = (spec) => spec.weekdays.map(([day]) => day);

export function programSection(w) {
    const { doc, spec } = w;
    const M = spec.messages;
    const L = spec.labels;
    const box = el(
        "fieldset",
        { class: "itb-flex__group" },
        el("legend", { text: L.programs_legend }),
    );
    if (!isObject(doc.programs)) {
        box.append(el("p", { text: M.programs_unshowable }));
        return box;
    }
    const names = programNames(doc);
    if (!names.includes(w.program)) w.program = names[0] ?? null;

    const row = el("div", { class: "itb-flex__row" });
    if (names.length > 1) {
        const select = el(
            "select",
            {
                class: "itb-flex__program-select",
                "data-itb-program": true,
                onchange: (e) => w.showProgram(e.target.value),
            },
            names.map((n) => el("option", { value: n, text: n, selected: n === w.program })),
        );
        row.append(field(L.program_select, select));
    }
    if (w.program !== null) {
        const input = el("input", {
            type: "text",
            value: w.program,
            maxlength: spec.limits.program_name_max_chars,
            autocomplete: "off",
            dataset: { where: programPath(w.program) },
            onchange: (e) => {
                const old = w.program;
                const result = renameProgram(w.doc, old, e.target.value, weekdayKeys(spec));
                const msg = document.getElementById(e.target.dataset.msgId);
                if (result.problem) {
                    msg.textContent = M[result.problem];
                    msg.hidden = false;
                    msg.classList.add("is-error");
                    return;
                }
                if (result.name === old) return;
                w.program = result.name;
                w.renderEditor(programPath(result.name));
                w.edited();
            },
        });
        row.append(field(L.program_name, input, M.rename_hint));
    }
    box.append(row);

    const buttons = el(
        "div",
        { class: "itb-flex__row" },
        el("button", {
            type: "button",
            class: "itb-flex__button",
            text: L.add_program,
            // flexdose reads no schedule with more (limits.MAX_PROGRAMS).
            disabled: names.length >= spec.limits.max_programs,
            onclick: () => {
                w.program = addProgram(w.doc, w.program, weekdayKeys(spec));
                w.renderEditor(programPath(w.program));
                w.edited();
            },
        }),
    );
    if (names.length > 1) {
        buttons.append(
            el("button", {
                type: "button",
                class: "itb-flex__button",
                text: L.remove_program,
                onclick: () => {
                    w.program = removeProgram(w.doc, w.program);
                    w.renderEditor(programPath(w.program));
                    w.edited();
                },
            }),
        );
    }
    box.append(buttons);
    if (w.program !== null) box.append(stepsEditor(w, w.program));
    return box;
}

function stepsEditor(w, name) {
    const { spec } = w;
    const L = spec.labels;
    const steps = w.doc.programs[name];
    const wrap = el("div", { class: "itb-flex__steps", "data-itb-steps": true });
    if (!Array.isArray(steps)) {
        wrap.append(el("p", { text: spec.messages.steps_unshowable }));
        return wrap;
    }
    const max = spec.limits.max_steps;
    const full = steps.length >= max;
    const table = el(
        "table",
        { class: "itb-flex__steps-table" },
        el("caption", { text: fill(L.steps_caption, { name }) }),
        el(
            "thead",
            {},
            el(
                "tr",
                {},
                el("th", { scope: "col", text: L.step }),
                el("th", { scope: "col", text: L.starts_at }),
                el("th", { scope: "col", text: L.dose }),
                el("th", { scope: "col", text: L.unit }),
                el("th", { scope: "col", text: L.step_actions }),
            ),
        ),
    );
    const body = el("tbody");
    steps.forEach((step, i) => {
        body.append(...stepRows(w, name, steps, step, i, full));
    });
    table.append(body);
    wrap.append(el("div", { class: "itb-flex__scroll" }, table));

    const limitId = nextId("itbf-hint");
    wrap.append(
        el(
            "div",
            { class: "itb-flex__row" },
            el("button", {
                type: "button",
                class: "itb-flex__button",
                text: L.add_step,
                disabled: full || !newStepAt(steps, steps.length),
                "aria-describedby": limitId,
                "data-itb-add-step": true,
                onclick: () => w.insertStepAt(steps.length),
            }),
            el("span", {
                class: "itb-flex__hint",
                id: limitId,
                text: full
                    ? fill(spec.messages.steps_full, { n: steps.length, max })
                    : fill(spec.messages.steps_limit, { max }),
            }),
        ),
    );
    wrap.append(w.undoBox);
    return wrap;
}

function stepRows(w, name, steps, step, i, full) {
    const { spec } = w;
    const L = spec.labels;
    const s = isObject(step) ? step : {};
    const unitKey = stepUnit(s);
    const n = i + 1;
    const messages = el("td", { colspan: 5 });
    const slot = (control) => {
        messages.append(messageSlot(control));
        return control;
    };

    const clock = clockInput(w, {
        where: stepPath(name, i, "start"),
        value: s.start,
        label: fill(L.step_starts, { n }),
        onValue: (value) => {
            const placed = setStepStart(w.doc, name, i, value);
            w.afterReorder(placed);
        },
    });
    messages.append(clock.note);
    const rate = s[unitKey];
    const dose = el("input", {
        type: "number",
        inputmode: "decimal",
        min: 0,
        step: unitKey === "mcg_per_hour" ? spec.steps.mcg_per_hour : spec.steps.mcg_per_day,
        value: typeof rate === "number" ? String(rate) : "",
        "aria-label": fill(L.step_dose, { n }),
        dataset: { where: stepPath(name, i, unitKey) },
        oninput: (e) => {
            setStepDose(w.doc, name, i, numberOrNull(e.target));
            w.edited();
        },
        onchange: (e) => w.touch(e.target),
    });
    const unit = el(
        "select",
        {
            "aria-label": fill(L.step_unit, { n }),
            dataset: { where: stepPath(name, i) },
            onchange: async (e) => {
                const to = e.target.value;
                const from = stepUnit(steps[i]);
                const value = isObject(steps[i]) ? steps[i][from] : null;
                // The same dose in the other unit (600 mcg/day is 25 mcg/hour), never the same
                // number read another way.
                const converted =
                    typeof value === "number" ? await w.engine.convertRate(value, from, to) : null;
                setStepUnit(w.doc, name, i, to, converted);
                w.renderEditor(stepPath(name, i, to));
                w.edited();
            },
        },
        spec.units.map(([key, text]) =>
            el("option", { value: key, text, selected: key === unitKey }),
        ),
    );
    const insert = el("button", {
        type: "button",
        class: "itb-flex__button itb-flex__button--icon",
        "aria-label": fill(L.insert_after, { n }),
        title: fill(L.insert_after, { n }),
        disabled: full || !newStepAt(steps, i + 1),
        text: "+",
        "data-itb-insert": i + 1,
        onclick: () => w.insertStepAt(i + 1),
    });
    const remove = el("button", {
        type: "button",
        class: "itb-flex__button itb-flex__button--icon",
        "aria-label": fill(L.remove_step, { n }),
        title: fill(L.remove_step, { n }),
        disabled: steps.length <= 1,
        text: "✕",
        "data-itb-remove": i,
        onclick: () => {
            const removed = removeStep(w.doc, name, i);
            w.offerUndo(removed);
            w.renderEditor(stepPath(name, Math.max(0, i - 1), "start"));
            w.edited();
        },
    });
    const row = el(
        "tr",
        { "data-step": i },
        el("th", { scope: "row", text: String(n) }),
        el("td", {}, clock.input),
        el("td", {}, slot(dose)),
        el("td", {}, slot(unit)),
        el("td", { class: "itb-flex__step-actions" }, insert, remove),
    );
    slot(clock.input);
    return [row, el("tr", { class: "itb-flex__msg-row" }, messages)];
}

export { insertStep };
