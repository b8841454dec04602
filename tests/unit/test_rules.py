"""Every finding code: one document that triggers it and a near miss that does not.

The table is the specification of each rule's edge: the near miss sits just inside the limit, so a
rule that is off by one (or reads the wrong limit) fails here.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

import flexdose
import pytest
from flexdose.findings import CATALOGUE
from flexdose.limits import (
    ALTITUDE_OVERDELIVERY_PCT,
    DAILY_CEILING_MCG,
    DELIVERY_ACCURACY_PCT,
    MAX_CHANGE_PCT_SPINAL,
    MAX_LISTED_FINDINGS,
    MAX_REFILL_INTERVAL_DAYS,
    MAX_STEPS_PER_DAY,
    USUAL_DAILY_MCG_SPINAL,
)

BASE: dict = {
    "format": "itb-flex/1",
    "pump": {"reservoir_ml": 40, "alarm_ml": 2.0},
    "drug": {"concentration_mcg_per_ml": 2000},
    "fill": {"date": "2026-11-20", "time": "10:00", "volume_ml": 40},
    "programs": {
        "everyday": [
            {"start": "00:00", "mcg_per_day": 600},
            {"start": "07:00", "mcg_per_day": 400},
            {"start": "21:00", "mcg_per_day": 600},
        ],
        "therapy": [{"start": "00:00", "mcg_per_day": 500}],
    },
    "week": {
        "mon": "everyday",
        "tue": "therapy",
        "wed": "everyday",
        "thu": "therapy",
        "fri": "everyday",
        "sat": "everyday",
        "sun": "everyday",
    },
    "context": {"origin": "spinal", "age_group": "adult", "current_mcg_per_day": 500},
}
CONSTANT: dict = {
    "programs": {"p": [{"start": "00:00", "mcg_per_day": 500}]},
    "context": {"origin": "spinal"},
}


def edit(base: dict, *changes: tuple) -> dict:
    """A deep copy of base with (path, value) set, or (path,) deleted."""
    doc = copy.deepcopy(base)
    for change in changes:
        *parents, last = change[0]
        node = doc
        for key in parents:
            node = node[key]
        if len(change) == 1:
            del node[last]
        else:
            node[last] = change[1]
    return doc


def constant(rate: float, **context: object) -> dict:
    """One constant program at `rate` mcg/day with the given context."""
    return {"programs": {"p": [{"start": "00:00", "mcg_per_day": rate}]}, "context": context}


def steps(count: int) -> list[dict]:
    """`count` ordered steps, one every 10 minutes from midnight."""
    return [
        {"start": f"{i * 10 // 60:02d}:{i * 10 % 60:02d}", "mcg_per_day": 500} for i in range(count)
    ]


def unknown_fields(count: int) -> dict:
    """A valid document with `count` unknown top-level fields (one warning each)."""
    doc = copy.deepcopy(CONSTANT)
    doc.update({f"extra{i}": i for i in range(count)})
    return doc


STEP = ("programs", "everyday", 1)
# (code, where the finding points, document that triggers it, near miss that does not)
CASES: list[tuple[str, str, dict | list, dict]] = [
    ("invalid-document", "format", edit(BASE, (("format",), "itb-flex/2")), BASE),
    ("invalid-document", "", [BASE], BASE),
    ("invalid-document", "programs.everyday", edit(BASE, (("programs", "everyday"), {})), BASE),
    ("invalid-document", "programs.everyday[1]", edit(BASE, (STEP, "07:00 400")), BASE),
    ("invalid-document", "drug", edit(BASE, (("drug",), 2000)), BASE),
    ("invalid-document", 'programs[""]', {"programs": {"": []}}, CONSTANT),
    (
        "invalid-document",
        "title",
        edit(CONSTANT, (("title",), 7)),
        edit(CONSTANT, (("title",), "7")),
    ),
    ("missing-field", "programs", edit(BASE, (("programs",),)), BASE),
    ("missing-field", "fill.time", edit(BASE, (("fill", "time"),)), BASE),
    ("missing-field", "week.sun", edit(BASE, (("week", "sun"),)), BASE),
    ("missing-field", "programs.everyday[1].start", edit(BASE, ((*STEP, "start"),)), BASE),
    (
        "missing-field",
        "programs.everyday[1].mcg_per_day",
        edit(BASE, ((*STEP, "mcg_per_day"),)),
        BASE,
    ),
    ("missing-field", "programs.p[0]", {"programs": {"p": []}}, CONSTANT),
    ("bad-time", "programs.everyday[1].start", edit(BASE, ((*STEP, "start"), "7:00")), BASE),
    (
        "bad-time",
        "programs.everyday[2].start",
        edit(BASE, (("programs", "everyday", 2, "start"), "24:00")),
        edit(BASE, (("programs", "everyday", 2, "start"), "23:59")),
    ),
    (
        "bad-time",
        "fill.time",
        edit(BASE, (("fill", "time"), "10:60")),
        edit(BASE, (("fill", "time"), "10:59")),
    ),
    (
        "first-step-not-midnight",
        "programs.everyday[0].start",
        edit(BASE, (("programs", "everyday", 0, "start"), "00:01")),
        BASE,
    ),
    (
        "times-not-increasing",
        "programs.everyday[1].start",
        edit(BASE, ((*STEP, "start"), "00:00")),
        edit(BASE, ((*STEP, "start"), "00:01")),
    ),
    (
        "times-not-increasing",
        "programs.everyday[2].start",
        edit(BASE, (("programs", "everyday", 2, "start"), "06:59")),
        BASE,
    ),
    (
        "too-many-steps",
        "programs.p",
        {"programs": {"p": steps(int(MAX_STEPS_PER_DAY.value) + 1)}},
        {"programs": {"p": steps(int(MAX_STEPS_PER_DAY.value))}},
    ),
    (
        "bad-rate",
        "programs.everyday[1].mcg_per_day",
        edit(BASE, ((*STEP, "mcg_per_day"), -1)),
        BASE,
    ),
    (
        "bad-rate",
        "programs.everyday[1].mcg_per_day",
        edit(BASE, ((*STEP, "mcg_per_day"), "400")),
        BASE,
    ),
    (
        "bad-rate",
        "programs.everyday[1].mcg_per_day",
        edit(BASE, ((*STEP, "mcg_per_day"), True)),
        BASE,
    ),
    (
        "bad-rate",
        "programs.everyday[1].mcg_per_day",
        edit(BASE, ((*STEP, "mcg_per_day"), None)),
        BASE,
    ),
    ("bad-rate", "programs.p[0].mcg_per_day", constant(100_000.001), constant(100_000)),
    ("bad-rate", "programs.p[0].mcg_per_day", constant(10**400), constant(100_000)),
    ("bad-rate", "programs.p[0].mcg_per_day", constant(float("nan")), constant(0.0)),
    (
        "rate-unit",
        "programs.everyday[1].mcg_per_hour",
        edit(BASE, ((*STEP, "mcg_per_hour"), 20)),
        edit(BASE, ((*STEP, "mcg_per_day"),), ((*STEP, "mcg_per_hour"), 20)),
    ),
    (
        "rate-unit",
        "programs.everyday[1].mg_per_day",
        edit(BASE, ((*STEP, "mcg_per_day"),), ((*STEP, "mg_per_day"), 0.4)),
        BASE,
    ),
    ("unknown-program", "week.mon", edit(BASE, (("week", "mon"), "Everyday")), BASE),
    ("unknown-program", "week.tue", edit(BASE, (("week", "tue"), 1)), BASE),
    (
        "missing-week",
        "week",
        edit(BASE, (("week",),)),
        edit(BASE, (("week",),), (("programs", "therapy"),)),
    ),
    (
        "bad-concentration",
        "drug.concentration_mcg_per_ml",
        edit(BASE, (("drug", "concentration_mcg_per_ml"), 0)),
        edit(BASE, (("drug", "concentration_mcg_per_ml"), 500)),
    ),
    (
        "bad-concentration",
        "drug.concentration_mcg_per_ml",
        edit(BASE, (("drug", "concentration_mcg_per_ml"), "2000")),
        BASE,
    ),
    (
        "bad-concentration",
        "drug.concentration_mcg_per_ml",
        edit(CONSTANT, (("drug",), {"concentration_mcg_per_ml": 0.5})),
        edit(CONSTANT, (("drug",), {"concentration_mcg_per_ml": 1})),
    ),
    (
        "bad-concentration",
        "drug.concentration_mcg_per_ml",
        edit(CONSTANT, (("drug",), {"concentration_mcg_per_ml": 100_001})),
        edit(CONSTANT, (("drug",), {"concentration_mcg_per_ml": 100_000})),
    ),
    (
        "bad-reservoir",
        "pump.reservoir_ml",
        edit(BASE, (("pump", "reservoir_ml"), 30)),
        edit(BASE, (("pump", "reservoir_ml"), 40.0)),
    ),
    ("bad-reservoir", "pump.reservoir_ml", edit(BASE, (("pump", "reservoir_ml"), False)), BASE),
    (
        "fill-exceeds-reservoir",
        "fill.volume_ml",
        edit(BASE, (("pump", "reservoir_ml"), 20), (("fill", "volume_ml"), 20.5)),
        edit(BASE, (("pump", "reservoir_ml"), 20), (("fill", "volume_ml"), 20)),
    ),
    (
        "fill-exceeds-reservoir",
        "fill.volume_ml",
        edit(BASE, (("pump",),), (("fill", "volume_ml"), 41)),
        edit(BASE, (("pump",),), (("fill", "volume_ml"), 40)),
    ),
    (
        "alarm-not-below-fill",
        "pump.alarm_ml",
        edit(BASE, (("pump", "alarm_ml"), 4), (("fill", "volume_ml"), 4)),
        edit(BASE, (("pump", "alarm_ml"), 4), (("fill", "volume_ml"), 4.5)),
    ),
    (
        "alarm-not-below-fill",
        "fill.volume_ml",
        edit(BASE, (("pump", "alarm_ml"),), (("fill", "volume_ml"), 2)),
        edit(BASE, (("pump", "alarm_ml"),), (("fill", "volume_ml"), 2.1)),
    ),
    (
        "bad-date",
        "fill.date",
        edit(BASE, (("fill", "date"), "2027-02-29")),
        edit(BASE, (("fill", "date"), "2028-02-29")),
    ),
    ("bad-date", "fill.date", edit(BASE, (("fill", "date"), "20/11/2026")), BASE),
    (
        "bad-volume",
        "fill.volume_ml",
        edit(BASE, (("fill", "volume_ml"), 0)),
        edit(BASE, (("fill", "volume_ml"), 2.5)),
    ),
    (
        "bad-volume",
        "pump.alarm_ml",
        edit(BASE, (("pump", "alarm_ml"), -1)),
        edit(BASE, (("pump", "alarm_ml"), 1)),
    ),
    (
        "bad-context",
        "context.origin",
        edit(BASE, (("context", "origin"), "brain")),
        edit(BASE, (("context", "origin"), "cerebral"), (("context", "current_mcg_per_day"), 480)),
    ),
    (
        "bad-context",
        "context.age_group",
        edit(BASE, (("context", "age_group"), "teen")),
        edit(BASE, (("context", "age_group"), "child")),
    ),
    (
        "bad-context",
        "context.current_mcg_per_day",
        edit(BASE, (("context", "current_mcg_per_day"), -5)),
        edit(BASE, (("context", "current_mcg_per_day"), 480)),
    ),
    ("unknown-field", "colour", edit(BASE, (("colour",), "blue")), BASE),
    ("unknown-field", "programs.everyday[1].note", edit(BASE, ((*STEP, "note"), "nap")), BASE),
    ("unknown-field", "week.monday", edit(BASE, (("week", "monday"), "everyday")), BASE),
    ("unknown-field", "fill.volume", edit(BASE, (("fill", "volume"), 40)), BASE),
    ("unknown-field", 'context["my note"]', edit(BASE, (("context", "my note"), "x")), BASE),
    (
        "zero-rate",
        "programs.everyday[1].mcg_per_day",
        edit(BASE, ((*STEP, "mcg_per_day"), 0)),
        edit(BASE, ((*STEP, "mcg_per_day"), 0.001)),
    ),
    (
        "unlabeled-concentration",
        "drug.concentration_mcg_per_ml",
        edit(BASE, (("drug", "concentration_mcg_per_ml"), 1500)),
        edit(BASE, (("drug", "concentration_mcg_per_ml"), 1000)),
    ),
    (
        "unlabeled-concentration",
        "drug.concentration_mcg_per_ml",
        edit(BASE, (("drug", "concentration_mcg_per_ml"), 50)),
        edit(BASE, (("drug", "concentration_mcg_per_ml"), 500)),
    ),
    (
        "daily-dose-below-usual",
        "programs.p",
        constant(299.999, origin="spinal"),
        constant(300, origin="spinal"),
    ),
    (
        "daily-dose-below-usual",
        "programs.p",
        constant(89, origin="cerebral"),
        constant(90, origin="cerebral"),
    ),
    (
        "daily-dose-below-usual",
        "programs.p",
        constant(23, age_group="child"),
        constant(24, age_group="child"),
    ),
    ("daily-dose-below-usual", "programs.p", constant(89), constant(90)),
    (
        "daily-dose-above-usual",
        "programs.p",
        constant(800.001, origin="spinal"),
        constant(800, origin="spinal"),
    ),
    (
        "daily-dose-above-usual",
        "programs.p",
        constant(704, origin="cerebral"),
        constant(703, origin="cerebral"),
    ),
    ("daily-dose-above-usual", "programs.p", constant(801), constant(800)),
    (
        "daily-dose-above-1000",
        "programs.p",
        constant(1000.5, age_group="child"),
        constant(1000, age_group="child"),
    ),
    (
        "large-change",
        "programs.p",
        constant(651, origin="spinal", current_mcg_per_day=500),
        constant(650, origin="spinal", current_mcg_per_day=500),
    ),
    (
        "large-change",
        "programs.p",
        constant(349, origin="spinal", current_mcg_per_day=500),
        constant(350, origin="spinal", current_mcg_per_day=500),
    ),
    (
        "large-change",
        "programs.p",
        constant(576, origin="cerebral", current_mcg_per_day=500),
        constant(575, origin="cerebral", current_mcg_per_day=500),
    ),
    (
        "large-change",
        "programs.p",
        constant(576, origin="spinal", age_group="child", current_mcg_per_day=500),
        constant(575, origin="spinal", age_group="child", current_mcg_per_day=500),
    ),
    (
        "large-change",
        "programs.p",
        constant(576, current_mcg_per_day=500),
        constant(575, current_mcg_per_day=500),
    ),
    (
        "large-change",
        "programs.p",
        constant(100, current_mcg_per_day=0),
        constant(0, current_mcg_per_day=0),
    ),
    # 38 mL x 2000 mcg/mL = 76,000 mcg: at 422 mcg/day that is 180.09 days, at 423 it is 179.67.
    (
        "refill-beyond-180-days",
        "fill.date",
        edit(BASE, (("programs",), {"p": [{"start": "00:00", "mcg_per_day": 422}]}), (("week",),)),
        edit(BASE, (("programs",), {"p": [{"start": "00:00", "mcg_per_day": 423}]}), (("week",),)),
    ),
    (
        "refill-beyond-180-days",
        "fill.date",
        edit(
            BASE, (("programs",), {"p": [{"start": "00:00", "mcg_per_day": 1e-300}]}), (("week",),)
        ),
        BASE,
    ),
    ("alarm-date", "fill.date", BASE, edit(BASE, (("fill",),))),
    ("alarm-date", "fill.date", BASE, edit(BASE, (("drug",),))),
    ("delivery-accuracy", "fill.volume_ml", BASE, edit(BASE, (("fill",),))),
    ("clock-change", "programs", BASE, CONSTANT),
    (
        "clock-change",
        "programs",
        edit(BASE, (("programs", "everyday"), [{"start": "00:00", "mcg_per_day": 450}])),
        edit(
            BASE,
            (("programs", "everyday"), [{"start": "00:00", "mcg_per_day": 450}]),
            (("week", "tue"), "everyday"),
            (("week", "thu"), "everyday"),
            (("programs", "therapy"),),
        ),
    ),
    (
        "more-findings",
        "",
        unknown_fields(int(MAX_LISTED_FINDINGS.value)),
        unknown_fields(int(MAX_LISTED_FINDINGS.value) - 1),
    ),
]


def _ids(case: tuple) -> str:
    return f"{case[0]}@{case[1] or 'root'}"


@pytest.mark.parametrize("case", CASES, ids=[_ids(c) for c in CASES])
class TestEveryCode:
    """Each row: the trigger reports the code at `where`; the near miss does not report it."""

    def test_trigger_reports_the_code_at_where(self, case: tuple) -> None:
        """The code appears, pointing at the documented path, with the catalogue's severity."""
        code, where, trigger, _ = case
        found = [f for f in flexdose.check(trigger)["findings"] if f["code"] == code]
        assert found, f"{code} not reported"
        assert where in [f["where"] for f in found]
        assert all(f["severity"] == CATALOGUE[code][0] for f in found)

    def test_near_miss_does_not_report_the_code(self, case: tuple) -> None:
        """Just inside the limit, the same rule stays quiet."""
        code, _, _, near_miss = case
        assert code not in [f["code"] for f in flexdose.check(near_miss)["findings"]]


def test_every_code_in_the_catalogue_has_a_case() -> None:
    """No code is left without a trigger (not-a-programmer is in every report)."""
    covered = {c[0] for c in CASES} | {"not-a-programmer"}
    assert covered == set(CATALOGUE)


def test_the_base_document_is_valid_with_notes_only() -> None:
    """The near misses start from a clean schedule: any finding there is a rule's doing."""
    report = flexdose.check(BASE)
    assert report["counts"] == {"error": 0, "warning": 0, "info": 4}


class TestMessages:
    """Messages state the limit from limits.py, say where, and never prescribe a dose."""

    def _message(self, doc: dict, code: str) -> str:
        return next(f["message"] for f in flexdose.check(doc)["findings"] if f["code"] == code)

    @pytest.mark.parametrize(
        ("code", "doc", "expected"),
        [
            (
                "too-many-steps",
                {"programs": {"p": steps(14)}},
                f"{MAX_STEPS_PER_DAY.value} dose steps",
            ),
            ("daily-dose-above-usual", constant(900, origin="spinal"), "300–800 mcg a day"),
            ("daily-dose-above-1000", constant(1200), f"{DAILY_CEILING_MCG.value:,} mcg a day"),
            (
                "large-change",
                constant(700, origin="spinal", current_mcg_per_day=500),
                f"{MAX_CHANGE_PCT_SPINAL.value}% per 24 hours",
            ),
            (
                "large-change",
                constant(700, origin="spinal", current_mcg_per_day=500),
                "40% more than the 500 mcg a day",
            ),
            (
                "refill-beyond-180-days",
                edit(
                    BASE,
                    (("programs",), {"p": [{"start": "00:00", "mcg_per_day": 400}]}),
                    (("week",),),
                ),
                f"within {MAX_REFILL_INTERVAL_DAYS.value} days",
            ),
            ("delivery-accuracy", BASE, f"±{DELIVERY_ACCURACY_PCT.value}%"),
            ("delivery-accuracy", BASE, f"{ALTITUDE_OVERDELIVERY_PCT.value}%"),
            ("bad-time", edit(BASE, ((*STEP, "start"), "7:00")), "Step 2 of program “everyday”"),
            ("alarm-date", BASE, "Sunday 25 April 2027 at 03:40"),
            ("alarm-date", BASE, "Plan the refill by Sunday 18 April 2027"),
        ],
    )
    def test_message_contains(self, code: str, doc: dict, expected: str) -> None:
        """The message carries the number or place a patient needs."""
        assert expected in self._message(doc, code)

    def test_range_limit_value_is_read_from_limits(self) -> None:
        """The usual range in the message is the Limit's value, not a copy of it."""
        low, high = USUAL_DAILY_MCG_SPINAL.value
        assert f"{low}–{high}" in self._message(
            constant(200, origin="spinal"), "daily-dose-below-usual"
        )

    @pytest.mark.parametrize("case", CASES, ids=[_ids(c) for c in CASES])
    def test_no_message_prescribes_a_dose(self, case: tuple) -> None:
        """Warnings point to the care team; nothing says to raise, lower or set a dose."""
        for f in flexdose.check(case[2])["findings"]:
            text = f["message"].lower()
            for phrase in (
                "increase your",
                "reduce your",
                "lower your dose",
                "raise your",
                "you should take",
            ):
                assert phrase not in text
            if f["severity"] == "warning" and f["code"] != "unknown-field":
                assert "care team" in text


def _reasons(build: Callable[[], dict]) -> list[str]:
    return [f["code"] for f in flexdose.check(build())["findings"]]


def test_all_problems_are_reported_in_one_pass() -> None:
    """Errors do not hide each other: one document, many codes."""
    doc = edit(
        BASE,
        (("format",), "x"),
        (("programs", "everyday", 0, "start"), "01:00"),
        (("programs", "therapy", 0, "mcg_per_day"), -2),
        (("week", "mon"), "nope"),
        (("pump", "reservoir_ml"), 25),
        (("fill", "date"), "2026-13-01"),
        (("context", "origin"), "?"),
        (("extra",), 1),
    )
    codes = set(_reasons(lambda: doc))
    assert {
        "invalid-document",
        "first-step-not-midnight",
        "bad-rate",
        "unknown-program",
        "bad-reservoir",
        "bad-date",
        "bad-context",
        "unknown-field",
    } <= codes
