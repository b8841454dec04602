"""Every finding code: one document that triggers it and a near miss that does not.

The table is the specification of each rule's edge: the near miss sits just inside the limit, so a
rule that is off by one (or reads the wrong limit) fails here.
"""

from __future__ import annotations

import copy
import datetime
import re
from collections.abc import Callable

import flexdose
import pytest
from flexdose import rules
from flexdose.findings import CATALOGUE
from flexdose.limits import (
    ALTITUDE_OVERDELIVERY_PCT,
    DAILY_CEILING_MCG,
    DELIVERY_ACCURACY_PCT,
    FORM_MAX_STEPS,
    MAX_CHANGE_PCT_SPINAL,
    MAX_CHANGES_PER_DAY,
    MAX_LISTED_FINDINGS,
    MAX_REFILL_INTERVAL_DAYS,
    USUAL_DAILY_MCG_SPINAL,
)
from flexdose.parse import parse
from hypothesis import given
from hypothesis import strategies as st

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


def doses(*rates: float) -> list[dict]:
    """Ordered steps, one every 10 minutes from midnight, at these rates."""
    return [
        {"start": f"{i * 10 // 60:02d}:{i * 10 % 60:02d}", "mcg_per_day": rate}
        for i, rate in enumerate(rates)
    ]


N_CHANGES = int(MAX_CHANGES_PER_DAY.value)
# One step more than the changes: every neighbour differs, so the 13 boundaries are 13 changes,
# and the last dose is the first one again, so midnight is no change.
CYCLIC_AT_LIMIT = doses(*range(100, 100 * N_CHANGES + 1, 100), 100)
# The same count with a last dose unlike the first: midnight is one change more.
CYCLIC_OVER = doses(*range(100, 100 * N_CHANGES + 1, 100), 50)


def unknown_fields(count: int) -> dict:
    """A valid document with `count` unknown top-level fields (one warning each)."""
    doc = copy.deepcopy(CONSTANT)
    doc.update({f"extra{i}": i for i in range(count)})
    return doc


STEP = ("programs", "everyday", 1)
# (code, where the finding points, document that triggers it, near miss that does not)
CASES: list[tuple[str, str, dict | list, dict]] = [
    (
        "schedule-too-large",
        "programs",
        {"programs": {f"p{i}": CONSTANT["programs"]["p"] for i in range(15)}},
        CONSTANT,
    ),
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
    ("fill-incomplete", "fill.time", edit(BASE, (("fill", "time"),)), BASE),
    (
        "fill-incomplete",
        "fill.time",
        edit(BASE, (("fill", "time"), None), (("fill", "volume_ml"), " ")),
        edit(BASE, (("fill", "time"), "10:60")),
    ),
    ("fill-incomplete", "fill.date", edit(BASE, (("fill",), {})), edit(BASE, (("fill",),))),
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
        {"programs": {"p": CYCLIC_OVER}},
        {"programs": {"p": CYCLIC_AT_LIMIT}},
    ),
    (
        "too-many-steps",
        "programs.p",
        {"programs": {"p": doses(*[100, 200] * (N_CHANGES // 2 + 1))}},
        {"programs": {"p": doses(*[100, 100, 200] * (N_CHANGES // 2))}},
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
        constant(299.999, origin="spinal", age_group="adult"),
        constant(300, origin="spinal", age_group="adult"),
    ),
    (
        "daily-dose-below-usual",
        "programs.p",
        constant(89, origin="cerebral", age_group="adult"),
        constant(90, origin="cerebral", age_group="adult"),
    ),
    (
        "daily-dose-below-usual",
        "programs.p",
        constant(23, age_group="child", origin="cerebral"),
        constant(24, age_group="child", origin="cerebral"),
    ),
    (
        "daily-dose-below-usual",
        "programs.p",
        constant(89, origin="cerebral", age_group="adult"),
        constant(89, origin="cerebral"),
    ),
    (
        "daily-dose-above-usual",
        "programs.p",
        constant(800.001, origin="spinal", age_group="adult"),
        constant(800, origin="spinal", age_group="adult"),
    ),
    (
        "daily-dose-above-usual",
        "programs.p",
        constant(704, origin="cerebral", age_group="adult"),
        constant(703, origin="cerebral", age_group="adult"),
    ),
    (
        "daily-dose-above-usual",
        "programs.p",
        constant(801, origin="spinal", age_group="adult"),
        constant(801, origin="spinal", age_group="child"),
    ),
    (
        "daily-dose-above-usual",
        "programs.p",
        constant(801, origin="spinal", age_group="adult"),
        constant(801),
    ),
    (
        "daily-dose-above-1000",
        "programs.p",
        constant(1000.5, age_group="child"),
        constant(1000, age_group="child"),
    ),
    ("daily-dose-above-1000", "programs.p", constant(1000.5), constant(1000)),
    (
        "large-change",
        "programs.p",
        constant(651, origin="spinal", current_mcg_per_day=500),
        constant(650, origin="spinal", current_mcg_per_day=500),
    ),
    (
        "large-change",
        "programs.p",
        constant(399, origin="spinal", current_mcg_per_day=500),
        constant(400, origin="spinal", current_mcg_per_day=500),
    ),
    # Titration: the per-24 h figure of the group, up or down.
    (
        "large-change",
        "programs.p",
        constant(349, origin="spinal", phase="titration", current_mcg_per_day=500),
        constant(350, origin="spinal", phase="titration", current_mcg_per_day=500),
    ),
    (
        "large-change",
        "programs.p",
        constant(651, origin="spinal", phase="titration", current_mcg_per_day=500),
        constant(650, origin="spinal", phase="titration", current_mcg_per_day=500),
    ),
    # Maintenance (a change at a refill): up 40% spinal, 20% cerebral; down 20%.
    (
        "large-change",
        "programs.p",
        constant(701, origin="spinal", phase="maintenance", current_mcg_per_day=500),
        constant(700, origin="spinal", phase="maintenance", current_mcg_per_day=500),
    ),
    (
        "large-change",
        "programs.p",
        constant(601, origin="cerebral", phase="maintenance", current_mcg_per_day=500),
        constant(600, origin="cerebral", phase="maintenance", current_mcg_per_day=500),
    ),
    (
        "large-change",
        "programs.p",
        constant(399, origin="spinal", phase="maintenance", current_mcg_per_day=500),
        constant(400, origin="spinal", phase="maintenance", current_mcg_per_day=500),
    ),
    (
        "large-change",
        "programs.p",
        constant(601, age_group="child", phase="maintenance", current_mcg_per_day=500),
        constant(600, age_group="child", phase="maintenance", current_mcg_per_day=500),
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


# Codes that need the person's date: (code, where, document, today that triggers it, today that
# does not). BASE's fill is on 2026-11-20 and its alarm falls on 2027-04-25 at 03:40.
TODAY_CASES: list[tuple[str, str, dict, datetime.date, datetime.date]] = [
    ("fill-in-future", "fill.date", BASE, datetime.date(2026, 11, 19), datetime.date(2026, 11, 20)),
    ("alarm-passed", "fill.date", BASE, datetime.date(2027, 4, 26), datetime.date(2027, 4, 25)),
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


@pytest.mark.parametrize("case", TODAY_CASES, ids=[_ids(c) for c in TODAY_CASES])
class TestCodesThatNeedToday:
    """Each row: the document reports the code given one today, not given the day after/before."""

    def test_trigger_reports_the_code_at_where(self, case: tuple) -> None:
        """With the triggering today the code appears at `where`, with its catalogue severity."""
        code, where, doc, today, _ = case
        found = [f for f in flexdose.check(doc, today=today)["findings"] if f["code"] == code]
        assert [f["where"] for f in found] == [where]
        assert found[0]["severity"] == CATALOGUE[code][0]

    def test_near_miss_does_not_report_the_code(self, case: tuple) -> None:
        """One day the other way, the rule stays quiet."""
        code, _, doc, _, near = case
        assert code not in [f["code"] for f in flexdose.check(doc, today=near)["findings"]]

    def test_without_today_the_code_never_appears(self, case: tuple) -> None:
        """A report without today depends on the document alone."""
        code, _, doc, _, _ = case
        assert code not in [f["code"] for f in flexdose.check(doc)["findings"]]


class TestToday:
    """What today adds to a report, and what it leaves alone."""

    def test_without_today_the_report_is_unchanged(self) -> None:
        """No days_from_today key, and the same report as before today existed."""
        report = flexdose.check(BASE)
        assert "days_from_today" not in report["summary"]["alarm"]
        assert "today" not in report["summary"]["alarm"]
        assert flexdose.check(BASE, today=None) == report

    @pytest.mark.parametrize(
        ("today", "days"),
        [
            # Worked by hand: 29 days left in December after the 2nd, then 31 + 28 + 31, then
            # 25 days of April: 29 + 31 + 28 + 31 + 25 = 144.
            (datetime.date(2026, 12, 2), 144),
            (datetime.date(2026, 11, 20), 156),  # the fill's day: 10 + 31 + 31 + 28 + 31 + 25
            (datetime.date(2027, 4, 25), 0),
            (datetime.date(2027, 4, 30), -5),
        ],
    )
    def test_days_from_today_count_calendar_days_to_the_alarm(
        self, today: datetime.date, days: int
    ) -> None:
        """Whole calendar days from today to the alarm date; negative once it has passed."""
        alarm = flexdose.check(BASE, today=today)["summary"]["alarm"]
        assert alarm["days_from_today"] == days
        assert alarm["today"] == today.isoformat()
        assert alarm["date"] == "2027-04-25"

    def test_a_datetime_counts_as_its_calendar_day(self) -> None:
        """A datetime is a date too; only its day counts."""
        moment = datetime.datetime(2026, 12, 2, 23, 59)
        alarm = flexdose.check(BASE, today=moment)["summary"]["alarm"]
        assert alarm["days_from_today"] == 144

    @pytest.mark.parametrize("today", ["2026-12-02", 20261202, True])
    def test_today_that_is_not_a_date_is_refused(self, today: object) -> None:
        """A programming mistake, so it raises rather than being a finding."""
        with pytest.raises(TypeError, match=r"datetime\.date"):
            flexdose.check(BASE, today=today)  # type: ignore[arg-type]

    def test_a_future_fill_is_reported_even_when_the_schedule_has_errors(self) -> None:
        """fill-in-future needs no totals, so it is reported in the same pass as errors."""
        doc = edit(BASE, ((*STEP, "start"), "7:00"))
        report = flexdose.check(doc, today=datetime.date(2026, 1, 1))
        codes = [f["code"] for f in report["findings"]]
        assert "bad-time" in codes
        assert "fill-in-future" in codes

    def test_alarm_passed_says_what_to_do(self) -> None:
        """The message names both dates and the two ways out: newer refill, or call the team."""
        report = flexdose.check(BASE, today=datetime.date(2027, 5, 1))
        (message,) = [f["message"] for f in report["findings"] if f["code"] == "alarm-passed"]
        assert "Sunday 25 April 2027" in message
        assert "Saturday 1 May 2027" in message
        assert "newest refill" in message
        assert "your ITB team" in message


class TestIncompleteFill:
    """A refill still being typed in is one warning, and the rest of the picture stays."""

    def test_only_the_date_gives_one_warning_and_keeps_the_totals(self) -> None:
        """Date alone: fill-incomplete naming time and amount; totals, no alarm, no errors."""
        doc = edit(BASE, (("fill",), {"date": "2026-11-20"}))
        report = flexdose.check(doc)
        assert report["valid"] is True
        fill = [f for f in report["findings"] if f["where"].startswith("fill")]
        assert [(f["code"], f["where"]) for f in fill] == [("fill-incomplete", "fill.time")]
        assert "the last refill time and the amount filled are missing" in fill[0]["message"]
        assert report["summary"]["mean_daily_mcg"] > 0
        assert report["summary"]["alarm"] is None
        codes = [f["code"] for f in report["findings"]]
        assert "alarm-date" not in codes
        assert "refill-beyond-180-days" not in codes

    def test_a_malformed_value_beside_a_missing_one_stays_an_error(self) -> None:
        """Missing is a warning; a date that is there but wrong is still bad-date."""
        doc = edit(BASE, (("fill",), {"date": "20/11/2026", "volume_ml": 40}))
        codes = [(f["code"], f["where"]) for f in flexdose.check(doc)["findings"]]
        assert ("bad-date", "fill.date") in codes
        assert ("fill-incomplete", "fill.time") in codes

    def test_a_complete_fill_still_gives_the_alarm(self) -> None:
        """The warning goes as soon as the last field is filled in."""
        report = flexdose.check(BASE)
        assert report["summary"]["alarm"] is not None
        assert "fill-incomplete" not in [f["code"] for f in report["findings"]]


class TestDoseBeingTyped:
    """A step whose dose field is empty (null) while someone types gives one error, at the dose."""

    @pytest.mark.parametrize("unit", ["mcg_per_day", "mcg_per_hour"])
    def test_a_null_dose_is_one_precise_error(self, unit: str) -> None:
        """Exactly one error, pointing at the dose, saying there is no dose yet."""
        doc = edit(BASE, (STEP, {"start": "07:00", unit: None}))
        errors = [f for f in flexdose.check(doc)["findings"] if f["severity"] == "error"]
        assert [(f["code"], f["where"]) for f in errors] == [
            ("bad-rate", f"programs.everyday[1].{unit}")
        ]
        assert "has no dose yet" in errors[0]["message"]


def test_every_code_in_the_catalogue_has_a_case() -> None:
    """No code is left without a trigger (not-a-programmer is in every report)."""
    covered = {c[0] for c in CASES} | {c[0] for c in TODAY_CASES} | {"not-a-programmer"}
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
                {"programs": {"p": CYCLIC_OVER}},
                f"changes the dose {N_CHANGES + 1} times a day",
            ),
            (
                "too-many-steps",
                {"programs": {"p": CYCLIC_OVER}},
                f"at most {N_CHANGES} times a day",
            ),
            ("too-many-steps", {"programs": {"p": CYCLIC_OVER}}, "and so does midnight"),
            ("too-many-steps", {"programs": {"p": CYCLIC_OVER}}, "same dose are no change"),
            ("too-many-steps", {"programs": {"p": CYCLIC_OVER}}, "can be joined into one"),
            (
                "daily-dose-above-usual",
                constant(900, origin="spinal", age_group="adult"),
                "300–800 mcg a day",
            ),
            (
                "daily-dose-above-usual",
                constant(900, origin="spinal", age_group="adult"),
                "adults with spasticity of spinal origin",
            ),
            (
                "daily-dose-below-usual",
                constant(20, origin="cerebral", age_group="child"),
                "24–1,199 mcg a day",
            ),
            (
                "daily-dose-above-usual",
                constant(846.531, origin="spinal", age_group="adult"),
                "847 mcg a day",
            ),
            ("daily-dose-above-1000", constant(1200), "Few people need more"),
            ("daily-dose-above-1000", constant(1200), "in one study some people did"),
            ("daily-dose-above-1000", constant(1200), "your ITB team"),
            ("daily-dose-above-1000", constant(1000.4), "just over 1,000 mcg a day"),
            ("daily-dose-above-1000", constant(1200), f"{DAILY_CEILING_MCG.value:,} mcg a day"),
            (
                "large-change",
                constant(700, origin="spinal", current_mcg_per_day=500),
                f"more than {MAX_CHANGE_PCT_SPINAL.value}% in one step",
            ),
            (
                "large-change",
                constant(700, origin="spinal", current_mcg_per_day=500),
                "stage of treatment is not given",
            ),
            (
                "large-change",
                constant(700, origin="spinal", phase="titration", current_mcg_per_day=500),
                f"more than {MAX_CHANGE_PCT_SPINAL.value}% in 24 hours",
            ),
            (
                "large-change",
                constant(750, origin="spinal", phase="maintenance", current_mcg_per_day=500),
                "At a refill, a rise of more than 40% in one step is not usual for spasticity",
            ),
            (
                "large-change",
                constant(390, origin="spinal", phase="maintenance", current_mcg_per_day=500),
                "At a refill, a fall of more than 20% in one step is not usual",
            ),
            (
                "large-change",
                constant(700, origin="spinal", current_mcg_per_day=500),
                "Changes this large are not usual in one step",
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
            ("delivery-accuracy", BASE, f"by {DELIVERY_ACCURACY_PCT.value}% per refill on average"),
            ("delivery-accuracy", BASE, "an average, not a limit"),
            ("delivery-accuracy", BASE, "some days earlier or later"),
            ("delivery-accuracy", BASE, f"{ALTITUDE_OVERDELIVERY_PCT.value}%"),
            ("bad-time", edit(BASE, ((*STEP, "start"), "7:00")), "Step 2 of program “everyday”"),
            ("alarm-date", BASE, "around Sunday 25 April 2027, in the early morning"),
            ("alarm-date", BASE, "about 156 days after the fill"),
            ("alarm-date", BASE, "some days earlier or later"),
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
            constant(200, origin="spinal", age_group="adult"), "daily-dose-below-usual"
        )

    @pytest.mark.parametrize("case", CASES, ids=[_ids(c) for c in CASES])
    def test_no_message_prescribes_a_dose(self, case: tuple) -> None:
        """Warnings point to the ITB team; nothing says to raise, lower or set a dose."""
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
            # Data-entry warnings (a field not understood, not filled in or dated ahead) ask
            # the person to check what they typed, not to talk about their treatment.
            if f["severity"] == "warning" and f["code"] not in _DATA_ENTRY_WARNINGS:
                assert "your itb team" in text
            assert "care team" not in text
            assert "must be at most" not in text


_DATA_ENTRY_WARNINGS = ("unknown-field", "fill-incomplete", "fill-in-future")


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


# ---- issue 11 §3: rules that say what the sources say ----

_rates = st.lists(st.sampled_from([0, 100, 250, 500]), min_size=1, max_size=40)
_CONTEXTS = st.fixed_dictionaries(
    {},
    optional={
        "origin": st.sampled_from(["spinal", "cerebral"]),
        "age_group": st.sampled_from(["adult", "child"]),
        "phase": st.sampled_from(["titration", "maintenance"]),
    },
)


def _cyclic_changes(rates: list[float]) -> int:
    """The changes reading, written out independently of rules.dose_changes."""
    n = len(rates)
    return 0 if n == 1 else sum(rates[i] != rates[(i + 1) % n] for i in range(n))


def _join_neighbours(rates: list[float]) -> list[float]:
    out: list[float] = []
    for rate in rates:
        if not out or out[-1] != rate:
            out.append(rate)
    return out


class TestDoseChangesAroundTheClock:
    """'Up to 13 changes every day' [S1, S2]: changes are counted, with midnight, not steps."""

    def test_fourteen_steps_whose_last_dose_is_the_first_are_thirteen_changes(self) -> None:
        """13 boundaries that change and a midnight that does not: valid."""
        assert len(CYCLIC_AT_LIMIT) == N_CHANGES + 1
        assert flexdose.check({"programs": {"p": CYCLIC_AT_LIMIT}})["valid"]

    def test_fourteen_steps_whose_last_dose_differs_are_fourteen_changes(self) -> None:
        """The midnight boundary counts: 14 changes, one error on the program."""
        codes = _reasons(lambda: {"programs": {"p": CYCLIC_OVER}})
        assert codes.count("too-many-steps") == 1

    def test_neighbours_with_the_same_dose_are_no_change(self) -> None:
        """26 steps in 13 equal pairs change the dose 13 times: valid."""
        rates = [r for r in range(100, 100 * N_CHANGES + 1, 100) for _ in range(2)]
        assert len(rates) == 2 * N_CHANGES
        assert flexdose.check({"programs": {"p": doses(*rates)}})["valid"]

    def test_two_steps_are_two_changes(self) -> None:
        """Day to night and, at midnight, night to day."""
        program = parse({"programs": {"p": doses(100, 200)}})[0].programs[0]
        assert rules.dose_changes(program) == 2

    @given(_rates)
    def test_the_error_is_exactly_more_than_thirteen_changes(self, rates: list[float]) -> None:
        """too-many-steps appears if and only if the cyclic change count is over the limit."""
        report = flexdose.check({"programs": {"p": doses(*rates)}})
        over = _cyclic_changes(rates) > N_CHANGES
        assert ("too-many-steps" in [f["code"] for f in report["findings"]]) == over

    @given(_rates)
    def test_joining_equal_neighbours_changes_nothing(self, rates: list[float]) -> None:
        """Joining neighbouring steps with the same dose keeps the count (the message's advice)."""
        assert _cyclic_changes(_join_neighbours(rates)) == _cyclic_changes(rates)

    @given(_rates)
    def test_beyond_the_form_bound_a_valid_day_has_steps_to_join(self, rates: list) -> None:
        """More steps than FORM_MAX_STEPS within the changes limit: two neighbours are equal."""
        if len(rates) > FORM_MAX_STEPS.value and _cyclic_changes(rates) <= N_CHANGES:
            assert len(_join_neighbours(rates)) < len(rates)

    def test_the_message_says_what_counts_as_a_change(self) -> None:
        """Plain words: what a change is, midnight, and that equal neighbours can be joined."""
        message = next(
            f["message"]
            for f in flexdose.check({"programs": {"p": CYCLIC_OVER}})["findings"]
            if f["code"] == "too-many-steps"
        )
        for words in ("differs from the step before", "midnight", "same dose", "joined"):
            assert words in message


class TestUsualRangesNeedContext:
    """No usual-range warning unless the origin and the age group say whose range it is."""

    @pytest.mark.parametrize(
        "context",
        [
            {},
            {"origin": "spinal"},
            {"age_group": "adult"},
            {"origin": "spinal", "age_group": "child"},
        ],
    )
    @pytest.mark.parametrize("rate", [1, 50, 2000])
    def test_no_usual_range_without_a_sourced_group(self, context: dict, rate: float) -> None:
        """No origin, no age group, or a child of spinal origin (no source): no range at all."""
        codes = _reasons(lambda: constant(rate, **context))
        assert "daily-dose-below-usual" not in codes
        assert "daily-dose-above-usual" not in codes

    def test_without_context_a_low_dose_gets_no_adult_range(self) -> None:
        """50 mcg/day with no context once read 'below the usual range for adults'."""
        doc = {"programs": {"p": [{"start": "00:00", "mcg_per_day": 50}]}}
        assert [f["severity"] for f in flexdose.check(doc)["findings"]] == ["info"]

    def test_a_child_of_cerebral_origin_gets_the_child_range(self) -> None:
        """24-1199 mcg/day for children under 12 of cerebral origin [S30, S33, S34]."""
        codes = _reasons(lambda: constant(1100, origin="cerebral", age_group="child"))
        assert "daily-dose-above-usual" not in codes
        assert "daily-dose-below-usual" in _reasons(
            lambda: constant(20, origin="cerebral", age_group="child")
        )

    @given(st.floats(1000.001, 99_999), _CONTEXTS)
    def test_the_ceiling_warning_comes_whatever_the_context(self, rate: float, ctx: dict) -> None:
        """Above 1000 mcg/day the warning is there with any context, or none."""
        assert "daily-dose-above-1000" in _reasons(lambda: constant(rate, **ctx))

    def test_the_ceiling_message_does_not_claim_the_label_says_it(self) -> None:
        """The label's wording is unconfirmed: few need more, some in a study did."""
        message = next(
            f["message"]
            for f in flexdose.check(constant(1200))["findings"]
            if f["code"] == "daily-dose-above-1000"
        )
        assert "label" not in message
        assert "1,200 mcg a day" in message
        assert "Few people need more" in message
        assert "study" in message
        assert "your ITB team" in message


def _change(before: float, after: float, **context: object) -> str | None:
    doc = constant(after, current_mcg_per_day=before, **context)
    return next(
        (f["message"] for f in flexdose.check(doc)["findings"] if f["code"] == "large-change"),
        None,
    )


class TestChangeWarningsByPhase:
    """Titration limits per 24 h (rule 12), refill limits at maintenance (rule 13)."""

    @pytest.mark.parametrize(
        ("context", "rise", "fall"),
        [
            ({"origin": "spinal", "phase": "titration"}, 30, 30),
            ({"origin": "cerebral", "phase": "titration"}, 15, 15),
            ({"age_group": "child", "phase": "titration"}, 15, 15),
            ({"origin": "spinal", "phase": "maintenance"}, 40, 20),
            ({"origin": "cerebral", "phase": "maintenance"}, 20, 20),
            ({"phase": "maintenance"}, 20, 20),
            ({"age_group": "child", "origin": "spinal", "phase": "maintenance"}, 20, 20),
            ({"origin": "spinal"}, 30, 20),
            ({"origin": "cerebral"}, 15, 15),
            ({}, 15, 15),
        ],
    )
    def test_the_limit_for_each_phase_and_group(self, context: dict, rise: int, fall: int) -> None:
        """At the limit no warning; just past it, a warning (both directions)."""
        assert _change(1000, 1000 + rise * 10, **context) is None
        assert _change(1000, 1000 + rise * 10 + 1, **context) is not None
        assert _change(1000, 1000 - fall * 10, **context) is None
        assert _change(1000, 1000 - fall * 10 - 1, **context) is not None

    @given(st.floats(1, 5000), st.floats(0, 10_000), _CONTEXTS)
    def test_without_a_phase_it_warns_whenever_either_phase_would(
        self, before: float, after: float, ctx: dict
    ) -> None:
        """No phase given: the stricter figure, so no change is waved through for either phase."""
        ctx = {k: v for k, v in ctx.items() if k != "phase"}
        either = any(
            _change(before, after, **ctx, phase=phase) for phase in ("titration", "maintenance")
        )
        if either:
            assert _change(before, after, **ctx) is not None

    def test_a_child_at_maintenance_is_not_given_a_figure_for_children(self) -> None:
        """No source gives one: the message names no group."""
        message = _change(500, 700, age_group="child", phase="maintenance")
        assert message is not None
        assert "child" not in message.lower()

    @pytest.mark.parametrize("phase", [None, "titration", "maintenance"])
    def test_the_message_is_a_reason_to_talk_not_a_rule(self, phase: str | None) -> None:
        """'Not usual ... worth talking about with your ITB team', never 'must be at most'."""
        context = {"origin": "spinal"} | ({"phase": phase} if phase else {})
        message = _change(500, 900, **context)
        assert message is not None
        assert "Changes this large are not usual in one step" in message
        assert "worth talking about with your ITB team" in message
        assert "must" not in message
        assert "80% more than the 500 mcg a day" in message
        if phase is None:
            assert "stage of treatment is not given" in message
        else:
            assert "stage of treatment is not given" not in message

    def test_the_maintenance_message_names_the_refill(self) -> None:
        """Rule 13 is about a change at a refill."""
        message = _change(500, 750, origin="spinal", phase="maintenance")
        assert message is not None
        assert "At a refill" in message
        assert "40%" in message


class TestAlarmWording:
    """The alarm is an estimate: a date and a part of the day, the uncertainty in words."""

    def _message(self, code: str) -> str:
        return next(f["message"] for f in flexdose.check(BASE)["findings"] if f["code"] == code)

    def test_the_alarm_date_has_no_minute_time_and_no_decimal_days(self) -> None:
        """Not 'about 155.7 days later, around ... at 03:40'."""
        message = self._message("alarm-date")
        assert "03:40" not in message
        assert "155.7" not in message
        assert "Sunday 25 April 2027, in the early morning" in message
        assert "some days earlier or later" in message
        # The fill time is what the person typed; no other HH:MM appears.
        assert re.findall(r"\b\d{2}:\d{2}\b", message) == ["10:00"]

    def test_delivery_accuracy_is_an_average_not_a_bound(self) -> None:
        """S16 reports mean differences: the message says so, without a ± bound."""
        message = self._message("delivery-accuracy")
        assert "±" not in message
        assert "on average" in message
        assert "an average, not a limit" in message
        assert "some days earlier or later" in message

    def test_the_summary_keeps_its_exact_fields_for_machines(self) -> None:
        """JSON readers still get the minute and the fractional days."""
        alarm = flexdose.check(BASE)["summary"]["alarm"]
        assert alarm["time"] == "03:40"
        assert alarm["days"] == pytest.approx(155.7, abs=0.05)
