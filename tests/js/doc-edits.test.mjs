// Node's own test runner (node --test): the widget's pure document edits, with no browser.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
    addProgram,
    blankDocument,
    insertStep,
    newStepAt,
    programOn,
    removeProgram,
    removeStep,
    renameProgram,
    setSectionValue,
    setStepDose,
    setStepStart,
    setStepUnit,
    stepPath,
    stepUnit,
    toMinutes,
    undoRemove,
} from "../../widget/web/doc-edits.js";

const WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const dayNight = () => ({
    format: "itb-flex/1",
    programs: {
        everyday: [
            { start: "00:00", mcg_per_day: 600 },
            { start: "07:00", mcg_per_day: 400 },
            { start: "21:00", mcg_per_day: 600 },
        ],
    },
});

test("a new step at the end starts halfway to midnight, on a half hour, with the dose before it", () => {
    const doc = dayNight();
    assert.equal(insertStep(doc, "everyday", 3), 3);
    assert.deepEqual(doc.programs.everyday[3], { start: "22:30", mcg_per_day: 600 });
});

test("a step inserted between two keeps the time order", () => {
    const doc = dayNight();
    assert.equal(insertStep(doc, "everyday", 1), 1);
    assert.deepEqual(
        doc.programs.everyday.map((s) => s.start),
        ["00:00", "03:30", "07:00", "21:00"],
    );
    assert.equal(doc.programs.everyday[1].mcg_per_day, 600);
});

test("no step fits between neighbours one minute apart, and none before midnight's first", () => {
    const steps = [
        { start: "00:00", mcg_per_day: 1 },
        { start: "00:01", mcg_per_day: 2 },
    ];
    assert.equal(newStepAt(steps, 1), null);
    assert.equal(newStepAt(steps, 0), null);
    // Between 00:01 and 24:00 the half hour 12:00 is free.
    assert.equal(newStepAt(steps, 2).start, "12:00");
});

test("a time between half hours uses the exact middle minute", () => {
    const steps = [
        { start: "00:00", mcg_per_day: 1 },
        { start: "10:10", mcg_per_day: 2 },
        { start: "10:20", mcg_per_day: 2 },
    ];
    assert.equal(newStepAt(steps, 2).start, "10:15");
});

test("changing a time moves the step into its place and reports where every step went", () => {
    const doc = dayNight();
    const placed = setStepStart(doc, "everyday", 1, "22:00");
    assert.deepEqual(
        doc.programs.everyday.map((s) => [s.start, s.mcg_per_day]),
        [
            ["00:00", 600],
            ["21:00", 600],
            ["22:00", 400],
        ],
    );
    assert.equal(placed.index, 2);
    assert.deepEqual(placed.moved, [0, 2, 1]);
});

test("a step given the time of another goes after it, so the finding marks the changed step", () => {
    const doc = dayNight();
    const placed = setStepStart(doc, "everyday", 2, "07:00");
    assert.equal(placed.index, 2);
    assert.equal(doc.programs.everyday[2].mcg_per_day, 600);
});

test("with a time that cannot be read, nothing is reordered", () => {
    const doc = dayNight();
    doc.programs.everyday[2].start = "";
    const placed = setStepStart(doc, "everyday", 1, "23:00");
    assert.deepEqual(placed.moved, [0, 1, 2]);
    assert.equal(doc.programs.everyday[1].start, "23:00");
});

test("removing a step can be undone, back in its place", () => {
    const doc = dayNight();
    const removed = removeStep(doc, "everyday", 1);
    assert.equal(doc.programs.everyday.length, 2);
    const back = undoRemove(doc, removed, "everyday");
    assert.deepEqual(back, { program: "everyday", index: 1 });
    assert.deepEqual(doc, dayNight());
});

test("switching a unit writes the converted dose, keeps the start and drops the old unit", () => {
    const doc = dayNight();
    setStepUnit(doc, "everyday", 0, "mcg_per_hour", 25);
    assert.deepEqual(doc.programs.everyday[0], { start: "00:00", mcg_per_hour: 25 });
    assert.equal(stepUnit(doc.programs.everyday[0]), "mcg_per_hour");
    setStepDose(doc, "everyday", 0, 20);
    assert.deepEqual(doc.programs.everyday[0], { start: "00:00", mcg_per_hour: 20 });
});

test("a second program copies the one shown and fills the week with the first", () => {
    const doc = dayNight();
    const name = addProgram(doc, "everyday", WEEK);
    assert.equal(name, "program 2");
    assert.deepEqual(doc.programs[name], doc.programs.everyday);
    assert.deepEqual(Object.values(doc.week), Array(7).fill("everyday"));
    assert.equal(programOn(doc, "wed"), "everyday");
});

test("renaming follows into the week and keeps the order; empty and taken names are refused", () => {
    const doc = dayNight();
    addProgram(doc, "everyday", WEEK);
    assert.deepEqual(renameProgram(doc, "everyday", "", WEEK), { problem: "rename_empty" });
    assert.deepEqual(renameProgram(doc, "everyday", "program 2", WEEK), {
        problem: "rename_taken",
    });
    assert.deepEqual(renameProgram(doc, "everyday", "work days", WEEK), { name: "work days" });
    assert.deepEqual(Object.keys(doc.programs), ["work days", "program 2"]);
    assert.equal(doc.week.mon, "work days");
    assert.equal(stepPath("work days", 2, "start"), 'programs["work days"][2].start');
});

test("removing a program leaves the week naming it (flexdose then says which days need one)", () => {
    const doc = dayNight();
    addProgram(doc, "everyday", WEEK);
    assert.equal(removeProgram(doc, "everyday"), "program 2");
    assert.equal(doc.week.mon, "everyday");
});

test("optional fields: set, and removed with their section when emptied", () => {
    const doc = dayNight();
    setSectionValue(doc, "fill", "date", "2026-11-20");
    assert.deepEqual(doc.fill, { date: "2026-11-20" });
    setSectionValue(doc, "fill", "date", "");
    assert.equal("fill" in doc, false);
});

test("the blank document has one step at midnight and a dose still to type", () => {
    assert.deepEqual(blankDocument("my program").programs["my program"], [
        { start: "00:00", mcg_per_day: null },
    ]);
    assert.equal(toMinutes("23:59"), 1439);
    assert.equal(toMinutes("24:00"), null);
});
