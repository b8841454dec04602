// ITB Flex — one widget: its state (the document, the program shown, the comparison), the
// order in which things happen (input -> flexdose -> picture), and the sections it is built of.

import { actionsSection } from "./actions.js";
import { Announcer } from "./announce.js";
import { clockInput } from "./clock-field.js";
import { compareSection } from "./compare.js";
import { Refused } from "./contract.js";
import {
    blankDocument,
    clone,
    insertStep,
    isObject,
    programNames,
    programOn,
    stepPath,
    undoRemove,
} from "./doc-edits.js";
import { el, field, fill } from "./dom.js";
import { RuntimeUnavailable, startEngine } from "./engine.js";
import { detailsSection } from "./form-details.js";
import { programSection } from "./form-programs.js";
import { BLANK, startSection, titleField } from "./form-start.js";
import { weekSection } from "./form-week.js";
import { forget, keep, keptState } from "./keep.js";
import { firstControl, markFields, Results } from "./results.js";

// Loading-status thresholds (configurable assumptions): a cold start takes 2–3 s on a fast
// connection (RUNTIME.md §4) and about 6 MB must arrive first.
const SLOW_AFTER_MS = 15_000;
const STUCK_AFTER_MS = 120_000;
const NOW_MARKER_EVERY_MS = 60_000;
// Date.getDay() counts the days from Sunday (0), flexdose's weekdays (spec.weekdays) from Monday.
const DAYS_SUNDAY_TO_MONDAY = 6;
const DAYS_PER_WEEK = 7;

/** The browser's local date and time as flexdose's view wants them (weekdays: spec.weekdays). */
function clockNow(weekdays) {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    const fromMonday = (now.getDay() + DAYS_SUNDAY_TO_MONDAY) % DAYS_PER_WEEK;
    return {
        nowMinutes: now.getHours() * 60 + now.getMinutes(),
        weekday: weekdays[fromMonday][0],
        today: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    };
}

export class Widget {
    /**
     * @param {HTMLElement} root  the [data-itb-flex] element the build wrote
     * @param {{change?: (doc: object, report: object) => void, shared?: string|null}} options
     */
    constructor(root, { onChange = () => {}, shared = null } = {}) {
        this.root = root;
        this.onChange = onChange;
        this.shared = shared;
        this.prefix = root.dataset.idPrefix || "fdw";
        // Read-only (a portal's data-readonly, marked by the embed's frame.js): no form.
        this.readonly = root.hasAttribute("data-itb-readonly");
        this.doc = root.dataset.itbDoc ? JSON.parse(root.dataset.itbDoc) : { programs: {} };
        // flexdose's start-up sentences, written by the build (hooks/sitebuild/widget.py).
        this.text = JSON.parse(root.dataset.itbText || "{}");
        this.program = null;
        this.baseline = null;
        this.touched = new Set();
        this.removed = null;
        this.action = 0;
        this.running = false;
        this.pending = null;
        this.revision = 0;
        this.ready = new Promise((resolve) => {
            this.markReady = resolve;
        });
    }

    status(text) {
        this.statusEl.textContent = text;
    }

    // ---- Start ----

    async start() {
        this.root.dataset.state = "loading";
        this.statusEl = this.root.querySelector("[data-itb-status]");
        if (!this.statusEl) {
            this.statusEl = el("p", { class: "itb-flex__status", "data-itb-status": true });
            this.root.prepend(this.statusEl);
        }
        this.statusEl.setAttribute("role", "status");
        const staticPreview = this.root.querySelector("[data-itb-static]");
        if (this.shared !== null) {
            // A share link: its schedule, not the example, is what the person came to see.
            if (staticPreview) staticPreview.hidden = true;
            this.status(this.text.starting_shared);
            this.root.scrollIntoView({ block: "start" });
        } else {
            this.status(this.text.starting);
        }
        const slow = setTimeout(() => this.status(this.text.slow), SLOW_AFTER_MS);
        // A start that takes this long has most likely failed in a way nobody reports; if it
        // does finish later, the widget still becomes ready.
        const stuck = setTimeout(
            () => this.fail(new RuntimeUnavailable(this.text.stuck)),
            STUCK_AFTER_MS,
        );
        try {
            this.engine = await startEngine(this.text);
            [this.spec, this.examples] = await Promise.all([
                this.engine.formSpec(),
                this.engine.examples(),
            ]);
        } catch (error) {
            this.fail(error);
            return;
        } finally {
            clearTimeout(slow);
            clearTimeout(stuck);
        }
        if (!this.root.isConnected) return;
        this.statusEl.setAttribute("role", "status");
        const sharedProblem = await this.chooseDocument();
        this.build(staticPreview);
        this.root.dataset.state = "ready";
        // Which engine runs here ("pyscript", "worker", "file"), for tests and the bench.
        if (this.engine.kind) this.root.dataset.itbEngine = this.engine.kind;
        this.status(this.spec.labels.ready);
        await this.update({ fromUser: false, announce: false });
        if (sharedProblem) this.message(sharedProblem, { error: true });
        this.markReady();
        this.keepNowMarkerCurrent();
        // For bench/bench_widget.py and anyone profiling: when the live preview could be used.
        performance.mark("itb-flex:ready");
    }

    /** The document to open with: a share link's, the person's own from earlier, or the example. */
    async chooseDocument() {
        let problem = "";
        if (this.shared !== null) {
            const readable = this.shared && !(await this.engine.parseError(this.shared));
            if (readable && isObject(JSON.parse(this.shared))) {
                this.doc = JSON.parse(this.shared);
                forget(this.root);
            } else {
                const why = this.shared ? await this.engine.parseError(this.shared) : "";
                problem = fill(this.spec.labels.link_unreadable, { why });
                const staticPreview = this.root.querySelector("[data-itb-static]");
                if (staticPreview) staticPreview.hidden = false;
            }
        } else {
            const earlier = keptState(this.root);
            if (earlier) {
                this.doc = earlier.doc;
                this.program = earlier.program;
                this.baseline = earlier.baseline;
            }
        }
        if (!programNames(this.doc).includes(this.program)) {
            this.program = openingProgram(this.doc, this.spec.weekdays);
        }
        return problem;
    }

    fail(error) {
        this.root.dataset.state = "error";
        const detail =
            error instanceof RuntimeUnavailable
                ? error.message
                : fill(this.text.failed, {
                      detail: error?.message ? ` (${String(error.message).split("\n")[0]})` : "",
                  });
        this.statusEl.setAttribute("role", "alert");
        this.status(`${detail} ${this.text.example_kept}`);
        const staticPreview = this.root.querySelector("[data-itb-static]");
        if (staticPreview) staticPreview.hidden = false;
        console.error("ITB Flex: the live preview did not start:", error);
    }

    // ---- Building ----

    build(staticPreview) {
        const L = this.spec.labels;
        const safety = staticPreview?.querySelector(".fd-safety");
        this.safety = el("aside", { class: "itb-flex__safety", "aria-label": L.safety_region });
        if (safety) this.safety.append(...safety.childNodes);
        else this.safety.append(el("p", { text: this.root.dataset.safety || "" }));

        const announcer = el("p", {
            // render.css (always loaded with this widget) owns the visually-hidden rule.
            class: "fd-visually-hidden",
            role: "status",
            "aria-live": "polite",
            "aria-atomic": "true",
        });
        this.announcer = new Announcer(announcer);
        this.editor = el("form", {
            class: "itb-flex__editor",
            "aria-label": L.editor_region,
            novalidate: true,
            onsubmit: (e) => e.preventDefault(),
        });
        this.results = new Results(this.spec);
        this.results.side.addEventListener("click", (e) => this.onGoto(e));
        this.undoBox = el("div", { class: "itb-flex__undo", hidden: true, "data-itb-undo": true });
        // The latest action's outcome, visible (and announced): each action replaces it.
        this.messageEl = el("p", {
            class: "itb-flex__message",
            role: "status",
            hidden: true,
            "data-itb-message": true,
        });
        this.printEl = el("div", { class: "itb-flex__print", "data-itb-print": true });
        // The wallet card: filled only when the person asks to print it (print.css).
        this.cardEl = el("div", { class: "itb-flex__card", "data-itb-card": true });
        // The form and its picture share one box, so the sticky picture stays beside the form
        // (or pinned above it on a phone) and never rides over what follows.
        // Read-only: the picture and the report, no editor or actions (they are still made,
        // unattached, so the rest of the widget needs no special case).
        const compare = compareSection(this);
        const actions = actionsSection(this);
        const work = el("div", { class: "itb-flex__work" }, this.results.side);
        const main = el("div", { class: "itb-flex__main" }, announcer);
        if (this.readonly) {
            main.append(el("p", { class: "itb-flex__readonly-note", text: L.readonly_note }));
            main.append(work, this.results.more);
        } else {
            work.append(this.editor);
            main.append(work, this.results.more, compare, actions);
        }
        main.append(this.messageEl);
        // The safety notice sits in the glance: wherever doses are in view, so is it.
        this.results.glance.prepend(this.safety);
        this.live = el("div", { class: "itb-flex__live" }, main);
        staticPreview?.remove();
        this.root.append(this.live, this.printEl, this.cardEl);
        // The glance's height, for the fields' scroll margin on a phone (widget.css): a field
        // that is scrolled to or focused lands below the pinned picture, not under it.
        // (CSSOM, not a style attribute: the embed's CSP allows no inline styles.)
        new ResizeObserver(([entry]) => {
            this.root.style.setProperty(
                "--itbf-glance-h",
                `${Math.ceil(entry.contentRect.height)}px`,
            );
        }).observe(this.results.glance);
        this.renderEditor();
    }

    /** Rebuild the form from the document; focus the field at `focusWhere` if given. */
    renderEditor(focusWhere) {
        this.editor.replaceChildren(
            startSection(this),
            titleField(this),
            programSection(this),
            weekSection(this),
            detailsSection(this),
        );
        if (this.lastView) this.mark(this.lastView);
        if (focusWhere !== undefined) {
            const control = [...this.editor.querySelectorAll("[data-where]")].find(
                (c) => c.dataset.where === focusWhere,
            );
            control?.focus();
        }
    }

    /** A 24-hour time field with its label (used by the fill time; steps build their own). */
    clockField(label, where, value, onValue) {
        const { input, note } = clockInput(this, { where, value, label, onValue });
        const wrap = field(label, input);
        input.removeAttribute("aria-label");
        wrap.append(note);
        return wrap;
    }

    // ---- Edits ----

    /** The person has finished with a field (left it): its errors may now be painted on it. */
    touch(control) {
        if (control.dataset.where) this.touched.add(control.dataset.where);
    }

    isFinished(control) {
        if (this.touched.has(control.dataset.where)) return true;
        if (control.tagName === "SELECT") return true;
        return control.value.trim() !== "";
    }

    edited({ fromUser = true } = {}) {
        keep(this.root, { doc: this.doc, program: this.program, baseline: this.baseline });
        return this.update({ fromUser });
    }

    showProgram(name) {
        this.program = name;
        this.renderEditor();
        this.edited({ fromUser: false });
    }

    startFrom(name) {
        this.beginAction();
        this.doc =
            name === BLANK ? blankDocument(this.spec.blank_program) : clone(this.examples[name]);
        this.program = openingProgram(this.doc, this.spec.weekdays);
        this.touched.clear();
        this.hideUndo();
        this.renderEditor(stepPath(this.program, 0, "start"));
        this.edited();
    }

    insertStepAt(index) {
        const at = insertStep(this.doc, this.program, index);
        if (at === null) return;
        this.renderEditor(stepPath(this.program, at, "start"));
        this.edited();
    }

    /** After a time moved a step into its place: redraw, keeping focus on the same field. */
    afterReorder({ moved }) {
        if (moved.some((to, from) => to !== from)) {
            // A step's field: the same column of the row its step moved to.
            const active = document.activeElement;
            const row = active?.closest?.("tr[data-step]");
            const column = row ? [...row.querySelectorAll("[data-where]")].indexOf(active) : -1;
            this.renderEditor(column < 0 ? active?.dataset?.where : undefined);
            if (column >= 0) {
                const to = moved[Number(row.dataset.step)];
                const next = this.editor.querySelector(`tr[data-step="${to}"]`);
                next?.querySelectorAll("[data-where]")[column]?.focus();
            }
        }
        this.edited();
    }

    offerUndo(removed) {
        const L = this.spec.labels;
        this.removed = removed;
        const step = removed.step ?? {};
        this.undoBox.replaceChildren(
            el("span", {
                text: fill(L.step_removed, { n: removed.index + 1, start: step.start ?? "" }),
            }),
            el("button", {
                type: "button",
                class: "itb-flex__button",
                text: L.undo,
                "data-itb-undo-button": true,
                onclick: () => {
                    const back = undoRemove(this.doc, this.removed, this.program);
                    this.program = back.program;
                    this.hideUndo();
                    this.renderEditor(stepPath(back.program, back.index, "start"));
                    this.edited();
                },
            }),
        );
        this.undoBox.hidden = false;
    }

    hideUndo() {
        this.removed = null;
        if (this.undoBox) {
            this.undoBox.hidden = true;
            this.undoBox.replaceChildren();
        }
    }

    // ---- Actions and their messages ----

    /** A new action begins: the previous action's message no longer applies. */
    beginAction() {
        this.action += 1;
        if (this.messageEl) {
            this.messageEl.hidden = true;
            this.messageEl.textContent = "";
        }
        return this.action;
    }

    isLatest(action) {
        return action === this.action;
    }

    /** Show (and announce) the outcome of the latest action. */
    message(text, { error = false } = {}) {
        this.messageEl.textContent = text;
        this.messageEl.hidden = !text;
        this.messageEl.classList.toggle("is-error", error);
    }

    async loadText(text, source) {
        const action = this.beginAction();
        const problem = await this.engine.parseError(text);
        if (!this.isLatest(action)) return;
        const L = this.spec.labels;
        if (problem) {
            this.message(fill(L.open_failed, { why: problem }), { error: true });
            return;
        }
        const schedule = JSON.parse(text);
        if (!isObject(schedule)) {
            this.message(fill(L.open_failed, { why: L.not_a_schedule }), { error: true });
            return;
        }
        await this.loadDocument(schedule, { fromUser: source !== "link" });
        if (this.isLatest(action)) this.message(L.opened_file);
    }

    /** Show a document the person opened (a file); resolves when the picture shows it. */
    async loadDocument(schedule, { fromUser }) {
        this.replaceDocument(clone(schedule));
        await this.edited({ fromUser });
    }

    /** A new document: its opening program, no marks or undo; the form now or at the update. */
    replaceDocument(doc, { formLater = false } = {}) {
        this.doc = doc;
        this.program = openingProgram(this.doc, this.spec.weekdays);
        this.touched.clear();
        this.hideUndo();
        if (formLater) this.editorStale = true;
        else this.renderEditor();
    }

    /**
     * A schedule the portal page sent ({json: text} or {schedule: value}): through the same
     * limits as `flexdose check`, then shown.
     * Resolves to {report, json} (the `check --json` object and text) for exactly this schedule;
     * throws Refused with the reason, and then says so under the picture, which keeps the
     * schedule from before. The picture catches up without being waited for: of loads sent in
     * a burst, it draws the latest.
     */
    async take({ json, schedule }) {
        const L = this.spec.labels;
        try {
            const text = typeof json === "string" ? json : jsonText(schedule, L);
            const answer = await this.engine.take(text, clockNow(this.spec.weekdays).today);
            if (answer.refused !== undefined) throw new Refused(answer.refused);
            this.beginAction();
            this.message("");
            this.replaceDocument(JSON.parse(text), { formLater: true });
            this.edited({ fromUser: false });
            return { report: JSON.parse(answer.report), json: answer.report };
        } catch (error) {
            if (error instanceof Refused) {
                this.beginAction();
                this.message(fill(L.portal_refused, { why: error.message }), { error: true });
            }
            throw error;
        }
    }

    onGoto(event) {
        const button = event.target.closest("button[data-fields]");
        if (!button) return;
        event.preventDefault();
        event.stopPropagation();
        this.goTo(JSON.parse(button.dataset.fields), button.dataset.program);
    }

    /**
     * Move focus to the first of fields (wheres, nearest first) the form has, switching to
     * program first (flexdose's data-program: the form shows one program) or opening details.
     */
    goTo(fields, program) {
        if (program && program !== this.program && programNames(this.doc).includes(program)) {
            this.program = program;
            this.renderEditor();
            this.update({ fromUser: false, announce: false });
        }
        const byWhere = new Map(
            [...this.editor.querySelectorAll("[data-where]")].map((c) => [c.dataset.where, c]),
        );
        const control = firstControl(fields, byWhere) || this.editor.querySelector("input, select");
        if (!control) return;
        const details = control.closest("details");
        if (details) details.open = true;
        control.focus({ preventScroll: true });
        // "start" honours the field's scroll margin: just below the pinned picture.
        control.scrollIntoView({ block: "start", behavior: "instant" });
    }

    // ---- Print ----

    print() {
        this.beginAction();
        window.print();
    }

    /**
     * Print the fold-out wallet card instead of the summary: flexdose renders it, the page
     * prints only it (html.itb-flex-print-card), and after printing Ctrl+P prints the summary
     * again.
     */
    async printCard() {
        const action = this.beginAction();
        if (!this.engine.cardView) return;
        let card;
        try {
            card = await this.engine.cardView(JSON.stringify(this.doc), `${this.prefix}c`);
        } catch (error) {
            console.warn("ITB Flex: the card could not be made:", error);
            return;
        }
        if (!this.isLatest(action)) return;
        for (const other of document.querySelectorAll("[data-itb-card-chosen]")) {
            other.removeAttribute("data-itb-card-chosen");
        }
        this.cardEl.innerHTML = card.html;
        this.cardEl.setAttribute("data-itb-card-chosen", "");
        // While the card is chosen the summary's print rules are off (refreshPrint keeps them
        // off); afterwards they apply again wherever a summary is on the page.
        const html = document.documentElement;
        html.classList.remove("itb-flex-has-print");
        html.classList.add("itb-flex-print-card");
        const restore = () => {
            html.classList.remove("itb-flex-print-card");
            if (document.querySelector("[data-itb-print] .fd-print")) {
                html.classList.add("itb-flex-has-print");
            }
        };
        window.addEventListener("afterprint", restore, { once: true });
        window.print();
    }

    async refreshPrint(text) {
        if (!this.engine.printView) return;
        try {
            const baseline = this.baseline ? JSON.stringify(this.baseline) : "";
            const printed = await this.engine.printView(text, baseline, `${this.prefix}p`);
            this.printEl.innerHTML = printed.html;
            if (!document.documentElement.classList.contains("itb-flex-print-card")) {
                document.documentElement.classList.add("itb-flex-has-print");
            }
        } catch (error) {
            // No printout is better than a wrong one: the page then prints as the site does.
            this.printEl.replaceChildren();
            console.warn("ITB Flex: the printed summary could not be made:", error);
        }
    }

    // ---- Update: document -> flexdose -> picture ----

    async update({ fromUser, announce = true }) {
        // Only the latest state matters: while a call runs, later edits are coalesced into one.
        if (this.running) {
            this.pending = { fromUser: fromUser || this.pending?.fromUser, announce };
            return this.lastView?.report;
        }
        this.running = true;
        this.revision += 1;
        // For tests and embedding pages: busy while a newer picture is on its way.
        this.root.setAttribute("data-busy", "");
        let view;
        try {
            if (this.editorStale) {
                // A portal's load replaced the document: one form for the latest of them.
                this.editorStale = false;
                this.renderEditor();
            }
            const text = JSON.stringify(this.doc);
            const now = clockNow(this.spec.weekdays);
            view = await this.engine.view(text, {
                ...now,
                program: this.program,
                idPrefix: this.prefix,
            });
            this.lastView = view;
            this.results.show(view, typeof this.doc.title === "string" ? this.doc.title : "");
            if (this.readonly) plainLocations(this.root);
            this.mark(view);
            if (this.baseline) {
                const result = await this.engine.compare(JSON.stringify(this.baseline), text);
                this.compareOut.innerHTML = result.html;
                this.stopCompare.hidden = false;
            } else {
                this.compareOut.replaceChildren();
                this.stopCompare.hidden = true;
            }
            // Kept current with every edit: Ctrl+P gives no time to ask flexdose for it.
            await this.refreshPrint(text);
            if (announce) {
                const total = this.results.totalText();
                const counts = this.results.counts.textContent;
                this.announcer.later(total ? `${total}. ${counts}.` : `${counts}.`);
            }
            if (fromUser) this.onChange(clone(this.doc), view.report);
            this.root.dataset.updates = String(Number(this.root.dataset.updates || 0) + 1);
            this.root.dispatchEvent(new CustomEvent("itb-flex:updated", { bubbles: true }));
        } finally {
            this.running = false;
        }
        if (this.pending) {
            const next = this.pending;
            this.pending = null;
            return this.update(next);
        }
        this.root.removeAttribute("data-busy");
        return view.report;
    }

    mark(view) {
        markFields(this.editor, view.report.findings, view.fields ?? {}, (control) =>
            this.isFinished(control),
        );
    }

    /** Redraw the chart's "now" marker each minute while the page is shown. */
    keepNowMarkerCurrent() {
        const timer = setInterval(() => {
            if (!this.root.isConnected) return clearInterval(timer);
            if (document.visibilityState !== "visible" || this.running) return;
            this.update({ fromUser: false, announce: false });
        }, NOW_MARKER_EVERY_MS);
    }
}

/**
 * Read-only has no form to go to: each finding's "Go to the field" button gives way to the
 * place it names, in brackets (flexdose writes that place into the button's hidden text).
 */
function plainLocations(root) {
    for (const button of root.querySelectorAll("button.fd-goto")) {
        const place = button.querySelector(".fd-visually-hidden")?.textContent.replace(/^:\s*/, "");
        button.replaceWith(
            el("span", { class: "fd-place fd-where-text", text: place ? ` (${place})` : "" }),
        );
    }
}

/**
 * A portal's schedule as JSON text, or Refused with what is wrong with it (postMessage can
 * carry what JSON cannot: cycles, BigInts, nesting deeper than the JavaScript stack).
 */
function jsonText(schedule, L) {
    let text;
    try {
        text = JSON.stringify(schedule);
    } catch (error) {
        if (error instanceof TypeError && /bigint/i.test(error.message)) {
            throw new Refused(L.portal_bigint);
        }
        if (error instanceof TypeError) throw new Refused(L.portal_cycle);
        throw new Refused(L.portal_too_deep); // RangeError: the call stack ran out
    }
    if (text === undefined) throw new Refused(L.portal_no_schedule);
    return text;
}

/** The program a document opens on: the one the week runs today, else the first. */
const openingProgram = (doc, weekdays) =>
    programOn(doc, clockNow(weekdays).weekday) ?? programNames(doc)[0] ?? null;
