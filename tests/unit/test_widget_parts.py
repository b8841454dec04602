"""Tests for `flexdose.render.widget_parts` and `flexdose.samples`, which the live widget uses."""

from __future__ import annotations

import flexdose
import pytest
from flexdose import render, samples


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
    def test_a_valid_report_gives_every_part_for_its_program(self):
        """Chart and table are drawn for the program asked for; week, totals, findings always."""
        report = flexdose.check(samples.load_example("therapy-week"))
        program = next(iter(report["summary"]["programs"]))
        parts = render.widget_parts(report, program, now_minutes=600, id_prefix="w1")
        assert set(parts) == {"chart", "steps", "week", "totals", "findings"}
        assert parts["chart"] == render.day_chart_svg(
            report, program, now_minutes=600, id_prefix="w1"
        )
        assert parts["steps"] == render.steps_table_html(report, program)
        assert parts["week"].startswith("<svg")

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
