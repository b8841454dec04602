// ITB Flex — the form's optional details: pump, drug and refill (for the alarm date), and the
// current treatment (for change warnings). Every choice and hint comes from flexdose's form spec.

import { isObject, setSectionValue } from "./doc-edits.js";
import { el, field, numberOrNull } from "./dom.js";

export function detailsSection(w) {
    const { doc, spec } = w;
    const get = (section, key) => (isObject(doc[section]) ? doc[section][key] : undefined);
    const set = (section, key, value) => {
        setSectionValue(w.doc, section, key, value);
        w.edited();
    };
    const number = (section, key, step) =>
        el("input", {
            type: "number",
            inputmode: "decimal",
            min: 0,
            step,
            value: typeof get(section, key) === "number" ? String(get(section, key)) : "",
            dataset: { where: `${section}.${key}` },
            oninput: (e) => set(section, key, numberOrNull(e.target)),
            onchange: (e) => w.touch(e.target),
        });
    const choice = (section, key, options, parse = (v) => v) => {
        const current = get(section, key);
        const opts = [el("option", { value: "", text: spec.labels.not_given })];
        let known = current === undefined;
        for (const [value, text] of options) {
            const selected = current !== undefined && String(current) === String(value);
            known ||= selected;
            opts.push(el("option", { value: String(value), text, selected }));
        }
        if (!known) {
            opts.push(el("option", { value: "__other", text: String(current), selected: true }));
        }
        return el(
            "select",
            {
                dataset: { where: `${section}.${key}` },
                onchange: (e) => {
                    w.touch(e.target);
                    if (e.target.value !== "__other") {
                        set(section, key, e.target.value === "" ? null : parse(e.target.value));
                    }
                },
            },
            opts,
        );
    };
    const date = (section, key) =>
        el("input", {
            type: "date",
            value: typeof get(section, key) === "string" ? get(section, key) : "",
            dataset: { where: `${section}.${key}` },
            oninput: (e) => set(section, key, e.target.value || null),
            onchange: (e) => w.touch(e.target),
        });
    const L = spec.labels;
    const pump = el(
        "details",
        { class: "itb-flex__details", open: Boolean(doc.pump || doc.drug || doc.fill) },
        el("summary", { text: L.pump_summary }),
        el(
            "div",
            { class: "itb-flex__grid" },
            field(
                L.reservoir,
                choice(
                    "pump",
                    "reservoir_ml",
                    spec.reservoir_sizes_ml.map((ml) => [String(ml), `${ml} mL`]),
                    Number,
                ),
            ),
            field(
                L.alarm_ml,
                number("pump", "alarm_ml", spec.steps.volume_ml),
                spec.hints.alarm_ml,
            ),
            field(
                L.concentration,
                number("drug", "concentration_mcg_per_ml", spec.steps.concentration),
                spec.hints.concentration,
            ),
            field(L.fill_date, date("fill", "date")),
            w.clockField(L.fill_time, "fill.time", get("fill", "time"), (value) =>
                set("fill", "time", value),
            ),
            field(L.fill_volume, number("fill", "volume_ml", spec.steps.volume_ml)),
        ),
    );
    const about = el(
        "details",
        { class: "itb-flex__details", open: Boolean(doc.context) },
        el("summary", { text: L.context_summary }),
        el(
            "div",
            { class: "itb-flex__grid" },
            field(
                L.current_dose,
                number("context", "current_mcg_per_day", spec.steps.mcg_per_day),
                spec.hints.current_dose,
            ),
            field(L.origin, choice("context", "origin", spec.choices.origin)),
            field(L.age_group, choice("context", "age_group", spec.choices.age_group)),
            field(L.phase, choice("context", "phase", spec.choices.phase)),
        ),
    );
    return el("div", {}, pump, about);
}
