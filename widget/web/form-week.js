// ITB Flex — the form's week: which program runs on each day.

import { isObject, programNames, setWeekDay } from "./doc-edits.js";
import { el, field } from "./dom.js";

export function weekSection(w) {
    const { doc, spec } = w;
    const names = programNames(doc);
    const box = el(
        "fieldset",
        { class: "itb-flex__group" },
        el("legend", { text: spec.labels.week_legend }),
    );
    if (names.length <= 1 && !isObject(doc.week)) {
        box.append(el("p", { class: "itb-flex__hint", text: spec.messages.week_one_program }));
        return box;
    }
    const week = isObject(doc.week) ? doc.week : {};
    const grid = el("div", { class: "itb-flex__week-grid" });
    for (const [day, label] of spec.weekdays) {
        const value = week[day];
        const options = names.map((n) =>
            el("option", { value: n, text: n, selected: n === value }),
        );
        if (typeof value === "string" && !names.includes(value)) {
            options.push(
                el("option", {
                    value,
                    text: `${value} (${spec.labels.no_such_program})`,
                    selected: true,
                }),
            );
        }
        if (value === undefined) {
            options.unshift(el("option", { value: "", text: spec.labels.choose, selected: true }));
        }
        const select = el(
            "select",
            {
                dataset: { where: `week.${day}` },
                onchange: (e) => {
                    setWeekDay(w.doc, day, e.target.value);
                    w.edited();
                },
            },
            options,
        );
        grid.append(field(label, select));
    }
    box.append(grid);
    return box;
}
