// ITB Flex — the picture: the day chart and totals at a glance (kept in view while editing),
// the findings, flexdose's step table and the week. All of it is HTML that flexdose rendered;
// this module only places it, keeps the last good picture while errors are being fixed, and
// puts each finding next to its field.

import { el } from "./dom.js";

export class Results {
    constructor(spec) {
        const L = spec.labels;
        this.spec = spec;
        this.heading = el("h3", { class: "itb-flex__h", text: L.picture });
        this.title = el("p", { class: "itb-flex__print-title", hidden: true });
        // Shown while errors stop flexdose from drawing the new schedule: the picture below is
        // the last one that could be drawn, marked so that nobody takes it for the current one.
        this.stale = el("p", {
            class: "itb-flex__note itb-flex__stale-note",
            hidden: true,
            text: L.stale,
            "data-itb-stale": true,
        });
        this.chart = el("div", { class: "itb-flex__chart" });
        this.totals = el("div", { class: "itb-flex__totals" });
        this.counts = el("p", { class: "itb-flex__counts", "data-itb-counts": true });
        this.glance = el(
            "div",
            { class: "itb-flex__glance", "data-itb-glance": true },
            this.heading,
            this.title,
            this.stale,
            this.chart,
            this.totals,
            this.counts,
        );
        this.findings = el("div", { class: "itb-flex__findings" });
        this.side = el(
            "section",
            { class: "itb-flex__side itb-flex__results", "aria-label": L.preview_region },
            this.glance,
            this.findings,
        );
        this.stepsTable = el("div", { class: "itb-flex__table" });
        this.week = el("div", { class: "itb-flex__week" });
        this.more = el("div", { class: "itb-flex__more" }, this.stepsTable, this.week);
        this.hasPicture = false;
    }

    /** Show a view; an invalid one keeps the last good picture, marked as not current. */
    show(view, title) {
        const report = view.report;
        this.title.textContent = title;
        this.title.hidden = !title;
        this.findings.innerHTML = view.findings;
        this.counts.textContent = countsText(report.counts, this.spec.labels);
        if (report.valid) {
            this.chart.innerHTML = view.chart;
            this.totals.innerHTML = view.totals;
            this.stepsTable.innerHTML = view.steps;
            this.week.innerHTML = view.week;
            this.hasPicture = Boolean(view.chart);
            this.setStale(false);
        } else if (this.hasPicture) {
            this.setStale(true);
        } else {
            // Nothing good was ever drawn: flexdose's own "no picture until fixed" sentence.
            this.totals.innerHTML = view.totals;
            this.setStale(false);
        }
    }

    setStale(stale) {
        this.stale.hidden = !stale;
        this.glance.classList.toggle("is-stale", stale);
        this.more.classList.toggle("is-stale", stale);
    }

    /** The daily total as flexdose wrote it (for the announcement), or "". */
    totalText() {
        const first = this.totals.querySelector(".fd-total");
        return first ? first.textContent.replace(/\s+/g, " ").trim() : "";
    }
}

export function countsText(counts, L) {
    const parts = [];
    if (counts.error) parts.push(`${counts.error} ${counts.error === 1 ? L.error : L.errors}`);
    if (counts.warning) {
        parts.push(`${counts.warning} ${counts.warning === 1 ? L.warning : L.warnings}`);
    }
    return parts.length ? parts.join(", ") : L.no_findings;
}

/**
 * Put each finding's message next to its field (aria-describedby), errors marked invalid.
 * fields: flexdose's view.fields, a finding's where -> the fields it concerns, nearest first.
 * An error is painted on a field only once the person has finished with it (left it, or it
 * holds a value): an untouched empty field is not red while they are still on their way to it.
 */
export function markFields(editor, findings, fields, isFinished) {
    const controls = [...editor.querySelectorAll("[data-where]")];
    const byWhere = new Map(controls.map((c) => [c.dataset.where, c]));
    const notes = new Map();
    for (const finding of findings) {
        if (!finding.where || finding.severity === "info") continue;
        const control = firstControl(fields[finding.where], byWhere);
        if (!control) continue;
        if (finding.severity === "error" && !isFinished(control)) continue;
        if (!notes.has(control)) notes.set(control, []);
        notes.get(control).push(finding);
    }
    for (const control of controls) {
        const msg = control.dataset.msgId && document.getElementById(control.dataset.msgId);
        const list = notes.get(control) || [];
        const ids = (control.dataset.hintIds || "").split(" ").filter(Boolean);
        const error = list.some((f) => f.severity === "error");
        if (msg) {
            msg.textContent = list.map((f) => f.message).join(" ");
            msg.hidden = !list.length;
            msg.className = `itb-flex__field-msg${error ? " is-error" : ""}`;
            if (list.length) ids.push(msg.id);
        }
        // A time that could not be read keeps its own note (clock-field.js).
        const clockNote =
            control.dataset.clockNote && document.getElementById(control.dataset.clockNote);
        const unreadable = clockNote && !clockNote.hidden;
        if (unreadable) ids.push(clockNote.id);
        if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
        else control.removeAttribute("aria-describedby");
        if (error || unreadable) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
    }
}

/** The form control of the first of wheres (flexdose lists them nearest first) the form has. */
export function firstControl(wheres, byWhere) {
    for (const where of wheres ?? []) if (byWhere.has(where)) return byWhere.get(where);
    return null;
}
