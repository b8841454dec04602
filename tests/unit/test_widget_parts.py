"""Tests for `flexdose.render.widget_parts` and `flexdose.samples`, which the live widget uses."""

from __future__ import annotations

import re

import flexdose
import pytest
from flexdose import render, samples
from render_helpers import example_report, golden_elements, local, parse_xml


class TestSamples:
    def test_every_shipped_example_loads_and_is_valid(self):
        """The widget's starting points are all valid schedules."""
        names = samples.example_names()
        assert {"constant", "day-night", "therapy-week", "with-fill"} <= set(names)
        for name in names:
            assert flexdose.check(samples.load_example(name))["valid"], name

    def test_an_unknown_example_names_the_known_ones(self):
        """A typo in an example name says which names exist."""
        with pytest.raises(KeyError, match="day-night"):
            samples.load_example("day-nite")


class TestWidgetParts:
    # therapy-week: programs everyday and therapy; the goldens hold every program's chart and
    # table in that order, rendered with the default id prefix and no now marker.
    REPORT = example_report("therapy-week")

    def test_a_valid_report_gives_every_part_for_its_program(self):
        """Chart and table are drawn for the program asked for; week, totals, findings always:
        each exactly as its reviewed golden file has it."""
        parts = render.widget_parts(self.REPORT, "therapy")
        assert set(parts) == {"chart", "steps", "week", "totals", "findings"}
        assert parts["chart"] == golden_elements("therapy-week.day_chart.svg")[1]
        assert parts["steps"] == golden_elements("therapy-week.steps_table.html")[1]
        assert [parts["week"]] == golden_elements("therapy-week.week_strip.svg")
        assert [parts["totals"]] == golden_elements("therapy-week.totals.html")
        codes = re.findall(r'data-code="([^"]+)"', parts["findings"])
        assert codes == [f["code"] for f in self.REPORT["findings"]]

    def test_the_id_prefix_starts_every_id(self):
        """Two widgets on a page never share an id."""
        parts = render.widget_parts(self.REPORT, "everyday", now_minutes=600, id_prefix="w1")
        ids = re.findall(r'\bid="([^"]+)"', parts["chart"] + parts["week"])
        assert ids
        assert all(i.startswith("w1-") for i in ids), ids

    def test_a_program_not_in_the_report_draws_no_chart(self):
        """While a new program is being named it has no chart yet, and nothing raises."""
        report = flexdose.check(samples.load_example("constant"))
        parts = render.widget_parts(report, "not-there")
        assert parts["chart"] == parts["steps"] == ""
        assert parts["totals"]

    def test_an_invalid_report_shows_findings_and_no_numbers(self):
        """No chart, table or week for a schedule that cannot be what a pump runs."""
        report = flexdose.check({"programs": {"a": [{"start": "01:00", "mcg_per_day": 500}]}})
        parts = render.widget_parts(report, "a")
        assert parts["chart"] == parts["steps"] == parts["week"] == ""
        assert "first-step-not-midnight" in parts["findings"]


class TestNowOnTodaysProgram:
    """The now marker is drawn only on the program the week runs today."""

    # therapy-week runs "therapy" on Tuesday and Thursday, "everyday" on the other days.
    REPORT = flexdose.check(samples.load_example("therapy-week"))

    @pytest.mark.parametrize(
        ("weekday", "program"),
        [("mon", "everyday"), ("tue", "therapy"), ("thu", "therapy"), ("sun", "everyday")],
    )
    def test_today_program_is_the_one_the_week_runs(self, weekday: str, program: str) -> None:
        """today_program reads the week plan."""
        assert render.today_program(self.REPORT, weekday) == program

    def test_one_program_runs_every_day(self) -> None:
        """Without a week plan the only program is today's, whatever the day."""
        report = flexdose.check(samples.load_example("constant"))
        (only,) = report["summary"]["programs"]
        for key in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"):
            assert render.today_program(report, key) == only

    def test_an_invalid_report_has_no_program_today(self) -> None:
        """No summary, so no answer (and nothing raises)."""
        report = flexdose.check({"programs": {"a": [{"start": "01:00", "mcg_per_day": 5}]}})
        assert render.today_program(report, "mon") is None

    @pytest.mark.parametrize("bad", ["Mon", "monday", "", "mo"])
    def test_a_weekday_that_is_not_a_key_is_refused(self, bad: str) -> None:
        """mon..sun only: a typo in the page should fail loudly, not hide the marker."""
        with pytest.raises(ValueError, match="weekday"):
            render.today_program(self.REPORT, bad)
        with pytest.raises(ValueError, match="weekday"):
            render.widget_parts(self.REPORT, "therapy", now_minutes=600, weekday=bad)

    def test_the_marker_is_on_todays_program(self) -> None:
        """On Tuesday, therapy's chart has the now line, at 10:00 on the chart's own axis."""
        parts = render.widget_parts(self.REPORT, "therapy", now_minutes=600, weekday="tue")
        assert "<title>Now: 10:00</title>" in parts["chart"]
        svg = parse_xml(parts["chart"])
        ticks = {
            int(el.get("data-minutes")): float(el.get("x1"))
            for el in svg.iter()
            if "fd-tick" in el.get("class", "").split()
        }
        (now_group,) = [el for el in svg.iter() if el.get("class") == "fd-now"]
        (line,) = [el for el in now_group if local(el.tag) == "line"]
        x0, x24 = ticks[0], ticks[24 * 60]
        assert float(line.get("x1")) == pytest.approx(x0 + (x24 - x0) * 600 / (24 * 60), abs=0.01)

    def test_no_marker_on_another_days_program(self) -> None:
        """On Monday, therapy's chart is drawn without it: the reviewed chart, unchanged."""
        parts = render.widget_parts(self.REPORT, "therapy", now_minutes=600, weekday="mon")
        assert "fd-now" not in parts["chart"]
        assert parts["chart"] == golden_elements("therapy-week.day_chart.svg")[1]

    def test_without_a_weekday_the_marker_is_drawn_as_before(self) -> None:
        """weekday=None keeps the old behaviour: the marker whenever now_minutes is given."""
        parts = render.widget_parts(self.REPORT, "therapy", now_minutes=600)
        assert "fd-now" in parts["chart"]
