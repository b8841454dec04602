"""Summary arithmetic checked against examples worked by hand (the working is in each docstring)."""

from __future__ import annotations

import datetime
from typing import ClassVar

import flexdose
import pytest
from flexdose.limits import REFILL_MARGIN_DAYS
from flexdose.model import WEEKDAYS


def summary_of(doc: dict) -> dict:
    """The summary of a document that must be valid."""
    report = flexdose.check(doc)
    assert report["valid"], report["findings"]
    return report["summary"]


def constant(
    rate: float, *, conc: float = 2000, fill: tuple[str, str, float] | None = None, alarm_ml=None
) -> dict:
    """One constant program; optional drug concentration, fill (date, time, volume), alarm."""
    doc: dict = {"programs": {"p": [{"start": "00:00", "mcg_per_day": rate}]}}
    doc["drug"] = {"concentration_mcg_per_ml": conc}
    if fill is not None:
        doc["fill"] = {"date": fill[0], "time": fill[1], "volume_ml": fill[2]}
    if alarm_ml is not None:
        doc["pump"] = {"alarm_ml": alarm_ml}
    return doc


class TestReferenceExamples:
    """The worked example from the reference (DOMAIN.md, rule 15)."""

    def test_500_mcg_a_day_at_2000_mcg_per_ml_is_a_quarter_ml_a_day(self) -> None:
        """500 / 2000 = 0.25 mL/day, per program, per weekday and as the mean."""
        s = summary_of(constant(500))
        assert s["ml_per_day"] == 0.25
        assert s["programs"]["p"]["ml_per_day"] == 0.25
        assert {row["ml_per_day"] for row in s["week"].values()} == {0.25}

    def test_a_40_ml_fill_with_a_2_ml_alarm_lasts_152_days(self) -> None:
        """(40 - 2) mL / 0.25 mL/day = 152 days; filled 2026-11-18 10:00 -> 2027-04-19 10:00.

        Nov 18 + 152 days: 12 days left in November, 31 Dec, 31 Jan, 28 Feb, 31 Mar = 133,
        and 19 more in April = 152. Refill by = 7 days earlier = 2027-04-12.
        """
        s = summary_of(constant(500, fill=("2026-11-18", "10:00", 40)))
        assert s["alarm"] == {
            "days": 152.0,
            "date": "2027-04-19",
            "time": "10:00",
            "fill_date": "2026-11-18",
            "fill_time": "10:00",
            "volume_ml": 40.0,
            "alarm_ml": 2.0,
        }
        assert s["refill_by"] == "2027-04-12"
        assert s["refill_margin_days"] == REFILL_MARGIN_DAYS.value

    def test_the_alarm_volume_defaults_to_2_ml_and_can_be_set(self) -> None:
        """With a 4 mL alarm: (40 - 4) / 0.25 = 144 days."""
        s = summary_of(constant(500, fill=("2026-11-18", "10:00", 40), alarm_ml=4))
        assert s["alarm"]["days"] == 144.0
        assert s["alarm"]["date"] == "2027-04-11"


class TestFlexWeek:
    """A week of three programs, filled mid-day, mid-week."""

    DOC: ClassVar[dict] = {
        "drug": {"concentration_mcg_per_ml": 1000},
        "pump": {"reservoir_ml": 20, "alarm_ml": 2},
        "fill": {"date": "2026-11-25", "time": "12:00", "volume_ml": 20},
        "programs": {
            "weekday": [
                {"start": "00:00", "mcg_per_day": 480},
                {"start": "08:00", "mcg_per_day": 360},
                {"start": "20:00", "mcg_per_day": 480},
            ],
            "therapy": [
                {"start": "00:00", "mcg_per_day": 480},
                {"start": "10:00", "mcg_per_day": 240},
                {"start": "14:00", "mcg_per_day": 480},
            ],
            "weekend": [{"start": "00:00", "mcg_per_hour": 25}],
        },
        "week": {
            "mon": "weekday",
            "tue": "weekday",
            "wed": "therapy",
            "thu": "weekday",
            "fri": "weekday",
            "sat": "weekend",
            "sun": "weekend",
        },
    }

    def test_daily_totals_per_program_and_weekday(self) -> None:
        """Each step delivers rate x hours / 24.

        weekday: 480 x 8/24 + 360 x 12/24 + 480 x 4/24 = 160 + 180 + 80 = 420 mcg.
        therapy: 480 x 10/24 + 240 x 4/24 + 480 x 10/24 = 200 + 40 + 200 = 440 mcg.
        weekend: 25 mcg/h x 24 = 600 mcg/day.
        Week: 4 x 420 + 440 + 2 x 600 = 3320 mcg; mean 3320 / 7 = 474.2857 -> 474.286 mcg,
        0.4743 mL/day at 1000 mcg/mL.
        """
        s = summary_of(self.DOC)
        assert s["programs"]["weekday"]["daily_mcg"] == 420
        assert s["programs"]["therapy"]["daily_mcg"] == 440
        assert s["programs"]["weekend"]["daily_mcg"] == 600
        assert [s["week"][d]["daily_mcg"] for d in WEEKDAYS] == [420, 420, 440, 420, 420, 600, 600]
        assert s["mean_daily_mcg"] == 474.286
        assert s["ml_per_day"] == 0.4743
        assert s["programs"]["therapy"]["min_mcg_per_day"] == 240
        assert s["programs"]["therapy"]["max_mcg_per_day"] == 480
        assert s["programs"]["weekday"]["ml_per_day"] == 0.42

    def test_step_rows(self) -> None:
        """therapy step 2 runs 10:00-14:00: 4 h, 240 mcg/day = 10 mcg/h, delivers 40 mcg."""
        rows = summary_of(self.DOC)["programs"]["therapy"]["steps"]
        assert rows[1] == {
            "start": "10:00",
            "end": "14:00",
            "hours": 4.0,
            "mcg_per_day": 240.0,
            "mcg_per_hour": 10.0,
            "mcg": 40.0,
        }
        assert rows[-1]["end"] == "24:00"
        assert [r["hours"] for r in rows] == [10.0, 4.0, 10.0]

    def test_alarm_steps_through_the_week_from_the_fill(self) -> None:
        """Filled Wednesday 2026-11-25 at 12:00 with 20 mL; alarm at 2 mL: 18 mL x 1000 = 18000 mcg.

        Wednesday runs "therapy": 12:00-14:00 at 240/day = 20 mcg; 14:00-24:00 at 480 = 200 mcg.
        Left: 18000 - 220 = 17780 mcg at Thursday 00:00, 12 h (720 min) after the fill.
        Whole weeks from Thursday use 3320 mcg each: 5 weeks = 16600 mcg, leaving 1180 mcg at
        Thursday 2026-12-31 00:00 (720 + 5 x 10080 = 51120 min after the fill).
        Thursday and Friday ("weekday", 420 each) leave 1180 - 840 = 340 mcg at Saturday
        2027-01-02 00:00 (54000 min). Saturday ("weekend", 600/day) uses 340 mcg in
        340 / 600 x 1440 = 816 min: the alarm sounds on 2027-01-02 at 13:36,
        54816 min = 38.0667 days after the fill. Refill by 2027-01-02 - 7 days = 2026-12-26.
        """
        s = summary_of(self.DOC)
        assert s["alarm"]["date"] == "2027-01-02"
        assert s["alarm"]["time"] == "13:36"
        assert s["alarm"]["days"] == 38.067
        assert s["refill_by"] == "2026-12-26"

    def test_alarm_days_match_the_elapsed_clock_time(self) -> None:
        """days (rounded) agrees with the distance between fill and alarm date-times."""
        s = summary_of(self.DOC)
        fill = datetime.datetime.fromisoformat(
            f"{s['alarm']['fill_date']}T{s['alarm']['fill_time']}"
        )
        alarm = datetime.datetime.fromisoformat(f"{s['alarm']['date']}T{s['alarm']['time']}")
        assert abs((alarm - fill).total_seconds() / 86400 - s["alarm"]["days"]) < 1 / 1440


class TestAlarmEdges:
    """The alarm walk at its boundaries."""

    def test_alarm_within_the_fill_day(self) -> None:
        """2.5 mL - 2 mL = 0.5 mL x 1000 = 500 mcg at 1000 mcg/day: 12 h after 06:00 = 18:00."""
        s = summary_of(constant(1000, conc=1000, fill=("2026-11-25", "06:00", 2.5)))
        assert (s["alarm"]["date"], s["alarm"]["time"], s["alarm"]["days"]) == (
            "2026-11-25",
            "18:00",
            0.5,
        )

    def test_budget_ending_exactly_on_a_week_boundary(self) -> None:
        """17 - 2 = 15 mL x 1000 = 15000 mcg at 1000/day from 00:00: exactly 15 days later.

        After the fill day 14000 mcg are left, exactly two weeks: the alarm is at 00:00 of
        the 15th day after the fill, not a week late or early.
        """
        s = summary_of(constant(1000, conc=1000, fill=("2026-11-23", "00:00", 17)))
        assert (s["alarm"]["date"], s["alarm"]["time"], s["alarm"]["days"]) == (
            "2026-12-08",
            "00:00",
            15.0,
        )

    def test_all_zero_rates_give_no_alarm_and_say_why(self) -> None:
        """Nothing is delivered, so the reservoir never reaches the alarm volume."""
        report = flexdose.check(constant(0, fill=("2026-11-18", "10:00", 40)))
        assert report["summary"]["alarm"] is None
        assert report["summary"]["refill_by"] is None
        note = next(f for f in report["findings"] if f["code"] == "alarm-date")
        assert "zero" in note["message"]
        assert "refill-beyond-180-days" not in [f["code"] for f in report["findings"]]

    def test_a_tiny_rate_never_loops_for_years(self) -> None:
        """1e-300 mcg/day would last ~1e304 days: done in whole weeks, reported as no date."""
        report = flexdose.check(constant(1e-300, fill=("2026-11-18", "10:00", 40)))
        assert report["summary"]["alarm"] is None
        assert "refill-beyond-180-days" in [f["code"] for f in report["findings"]]

    def test_an_alarm_past_the_end_of_the_calendar_gives_no_date(self) -> None:
        """A fill late in 9999 whose alarm would fall after 9999-12-31: no date, no crash."""
        report = flexdose.check(constant(500, fill=("9999-12-01", "10:00", 40)))
        assert report["valid"]
        assert report["summary"]["alarm"] is None
        codes = [f["code"] for f in report["findings"]]
        assert "refill-beyond-180-days" not in codes
        note = next(f for f in report["findings"] if f["code"] == "alarm-date")
        assert "check the fill date" in note["message"]

    @pytest.mark.parametrize("time", ["00:00", "09:17", "23:59"])
    def test_a_constant_rate_alarm_does_not_depend_on_the_fill_time(self, time: str) -> None:
        """Constant 500 mcg/day: always 152.0 days, at the same clock time as the fill."""
        s = summary_of(constant(500, fill=("2026-11-18", time, 40)))
        assert s["alarm"]["days"] == 152.0
        assert s["alarm"]["time"] == time


def test_without_drug_there_are_no_ml_figures() -> None:
    """mL/day needs the concentration; the mcg totals stand alone."""
    s = summary_of({"programs": {"p": [{"start": "00:00", "mcg_per_day": 500}]}})
    assert s["ml_per_day"] is None
    assert s["concentration_mcg_per_ml"] is None
    assert s["alarm"] is None
    assert s["programs"]["p"]["ml_per_day"] is None


def test_mcg_per_hour_is_24_times_per_day() -> None:
    """20 mcg/h is 480 mcg/day, shown in both units."""
    s = summary_of({"programs": {"p": [{"start": "00:00", "mcg_per_hour": 20}]}})
    assert s["programs"]["p"]["steps"][0]["mcg_per_day"] == 480
    assert s["programs"]["p"]["steps"][0]["mcg_per_hour"] == 20
