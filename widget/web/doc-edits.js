// ITB Flex — pure edits of an itb-flex/1 document, the way the form makes them.
//
// No DOM and no rules here: these functions only change the document as the person asked
// (flexdose then says whether the result is right). They run in Node's own test runner
// (tests/js/doc-edits.test.mjs) as well as in the page.

export const clone = (value) => JSON.parse(JSON.stringify(value));
export const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

export const UNITS = Object.freeze(["mcg_per_day", "mcg_per_hour"]);
const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;
// A new step starts halfway between its neighbours, on a half hour when one falls between them
// (configurable assumption: clinic printouts mostly use whole and half hours).
const NEW_STEP_ROUNDING_MIN = 30;

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
// The form's field keys are flexdose's where paths (programs.everyday[2].start,
// programs["my plan"][0]), written as flexdose.paths.format_where writes them (keys that are no
// identifier as JSON text; tests/js/test_browser_layer.py holds the two to the same output). The
// page only writes them: flexdose gives each finding the fields it concerns (paths.goto_data).
const keyPath = (base, k) => (IDENT.test(k) ? `${base}.${k}` : `${base}[${JSON.stringify(k)}]`);
export const programPath = (name) => keyPath("programs", name);
export const stepPath = (name, index, key) =>
    `${programPath(name)}[${index}]${key ? `.${key}` : ""}`;

export const programNames = (doc) => (isObject(doc.programs) ? Object.keys(doc.programs) : []);

/** The unit a step's dose is written in (mcg_per_day unless only mcg_per_hour is given). */
export const stepUnit = (step) =>
    isObject(step) && "mcg_per_hour" in step && !("mcg_per_day" in step)
        ? "mcg_per_hour"
        : "mcg_per_day";

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** Minutes after midnight of "HH:MM", or null for anything else. */
export function toMinutes(text) {
    const m = typeof text === "string" ? CLOCK.exec(text) : null;
    return m ? Number(m[1]) * MINUTES_PER_HOUR + Number(m[2]) : null;
}
export const fromMinutes = (minutes) =>
    `${String(Math.floor(minutes / MINUTES_PER_HOUR)).padStart(2, "0")}:${String(
        minutes % MINUTES_PER_HOUR,
    ).padStart(2, "0")}`;

/** A document with one program of one step at 00:00 whose dose is still to be typed. */
export function blankDocument(programName) {
    return {
        format: "itb-flex/1",
        programs: { [programName]: [{ start: "00:00", mcg_per_day: null }] },
    };
}

/**
 * The step a new row at `index` would hold: halfway between its neighbours' start times (the
 * last runs to 24:00), with the dose and unit of the step before it. null when no minute is
 * free between the neighbours, or their times cannot be read.
 */
export function newStepAt(steps, index) {
    const before = steps[index - 1];
    const after = steps[index];
    const from = index === 0 ? null : toMinutes(isObject(before) ? before.start : null);
    const to =
        index >= steps.length ? MINUTES_PER_DAY : toMinutes(isObject(after) ? after.start : null);
    if (index === 0 || from === null || to === null || to - from < 2) return null;
    const middle = Math.floor((from + to) / 2);
    const rounded = Math.floor(middle / NEW_STEP_ROUNDING_MIN) * NEW_STEP_ROUNDING_MIN;
    const start = rounded > from && rounded < to ? rounded : middle;
    const unit = stepUnit(before);
    const dose = isObject(before) && typeof before[unit] === "number" ? before[unit] : null;
    return { start: fromMinutes(start), [unit]: dose };
}

/** Insert a new step at index (see newStepAt); returns its index, or null when none fits. */
export function insertStep(doc, program, index) {
    const steps = doc.programs[program];
    const step = newStepAt(steps, index);
    if (!step) return null;
    steps.splice(index, 0, step);
    return index;
}

/** Remove a step; returns what undoStep needs to put it back. */
export function removeStep(doc, program, index) {
    const [step] = doc.programs[program].splice(index, 1);
    return { program, index, step };
}

/** Put back a removed step where it was (its program may have been renamed: then the current one). */
export function undoRemove(doc, removed, currentProgram) {
    const name = removed.program in (doc.programs ?? {}) ? removed.program : currentProgram;
    const steps = doc.programs[name];
    const index = Math.min(removed.index, steps.length);
    steps.splice(index, 0, removed.step);
    return { program: name, index };
}

/**
 * Set a step's start time ("HH:MM") and keep the steps in time order.
 *
 * Returns {index, moved: oldIndex -> newIndex (array)}: where the step went and where every
 * other step went, so focus can follow. A step that lands on the time of another goes after it,
 * so flexdose's "times not increasing" finding marks the step that was changed. With a step
 * whose time cannot be read, nothing is reordered (its place is still what the person chose).
 */
export function setStepStart(doc, program, index, start) {
    const steps = doc.programs[program];
    if (!isObject(steps[index])) steps[index] = {};
    steps[index].start = start;
    const keyed = steps.map((step, i) => ({
        step,
        i,
        minutes: toMinutes(isObject(step) ? step.start : null),
        edited: i === index ? 1 : 0,
    }));
    const moved = steps.map((_, i) => i);
    if (keyed.some((k) => k.minutes === null)) return { index, moved };
    keyed.sort((a, b) => a.minutes - b.minutes || a.edited - b.edited || a.i - b.i);
    keyed.forEach((k, newIndex) => {
        moved[k.i] = newIndex;
        steps[newIndex] = k.step;
    });
    return { index: moved[index], moved };
}

/** Set a step's dose (null while the field is empty) in the unit it is written in. */
export function setStepDose(doc, program, index, value) {
    const steps = doc.programs[program];
    if (!isObject(steps[index])) steps[index] = {};
    steps[index][stepUnit(steps[index])] = value;
}

/** Write a step's dose in another unit: value is the same dose converted (by flexdose). */
export function setStepUnit(doc, program, index, unit, value) {
    const steps = doc.programs[program];
    const step = isObject(steps[index]) ? steps[index] : {};
    const ordered = { start: step.start, [unit]: value };
    for (const [k, v] of Object.entries(step)) {
        if (!(k in ordered) && !UNITS.includes(k)) ordered[k] = v;
    }
    steps[index] = ordered;
}

/** Add a program (a copy of the one shown: variants are the usual need); returns its name. */
export function addProgram(doc, shown, weekdays) {
    const programs = doc.programs;
    const names = Object.keys(programs);
    let n = names.length + 1;
    while (`program ${n}` in programs) n += 1;
    const name = `program ${n}`;
    programs[name] = clone(programs[shown] ?? [{ start: "00:00", mcg_per_day: null }]);
    // With a second program the week must say which runs when: every day keeps the first.
    if (names.length === 1 && !isObject(doc.week)) {
        doc.week = Object.fromEntries(weekdays.map((day) => [day, names[0]]));
    }
    return name;
}

/** Remove a program. The week keeps naming it: flexdose then says which days need a program. */
export function removeProgram(doc, name) {
    delete doc.programs[name];
    return programNames(doc)[0] ?? null;
}

/**
 * Rename a program, in the week too, keeping the programs' order.
 * Returns {name} or {problem: key of the form's message} (spec.messages).
 */
export function renameProgram(doc, old, name, weekdays) {
    if (!name.trim()) return { problem: "rename_empty" };
    if (name !== old && name in doc.programs) return { problem: "rename_taken" };
    if (name === old) return { name };
    const renamed = {};
    for (const [k, v] of Object.entries(doc.programs)) renamed[k === old ? name : k] = v;
    doc.programs = renamed;
    if (isObject(doc.week)) {
        for (const day of weekdays) if (doc.week[day] === old) doc.week[day] = name;
    }
    return { name };
}

/** Set (or, for null and "", remove) one optional field such as pump.alarm_ml. */
export function setSectionValue(doc, section, key, value) {
    if (value === null || value === "") {
        if (isObject(doc[section])) {
            delete doc[section][key];
            if (!Object.keys(doc[section]).length) delete doc[section];
        }
        return;
    }
    if (!isObject(doc[section])) doc[section] = {};
    doc[section][key] = value;
}

export function setWeekDay(doc, day, program) {
    if (!isObject(doc.week)) doc.week = {};
    doc.week[day] = program;
}

export function setTitle(doc, title) {
    if (title) doc.title = title;
    else delete doc.title;
}

/** The program a week runs on a weekday ("mon".."sun"), or the only program. */
export function programOn(doc, weekday) {
    const names = programNames(doc);
    if (isObject(doc.week) && names.includes(doc.week[weekday])) return doc.week[weekday];
    return names.length === 1 ? names[0] : null;
}
