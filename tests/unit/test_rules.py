"""Every finding code: one document that triggers it and a near miss that does not.

The table is the specification of each rule's edge: the near miss sits just inside the limit, so a
rule that is off by one (or reads the wrong limit) fails here.
"""

from __future__ import annotations

import copy
import datetime
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
        assert "care team" in message


class TestIncompleteFill:
    """A refill still being typed in is one warning, and the rest of the picture stays."""

    def test_only_the_date_gives_one_warning_and_keeps_the_totals(self) -> None:
        """Date alone: fill-incomplete naming time and amount; totals, no alarm, no errors."""
        doc = edit(BASE, (("fill",), {"date": "2026-11-20"}))
        report = flexdose.check(doc)
        assert report["valid"] is True
        fill = [f for f in report["findings"] if f["where"].startswith("fill")]
        assert [(f["code"], f["where"]) for f in fill] == [("fill-incomplete", "fill.time")]
        assert "the refill time and the amount filled are still missing" in fill[0]["message"]
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
            # Data-entry warnings (a field not understood, not filled in or dated ahead) ask
            # the person to check what they typed, not to talk about their treatment.
            if f["severity"] == "warning" and f["code"] not in _DATA_ENTRY_WARNINGS:
                assert "care team" in text


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
