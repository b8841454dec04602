"""flexdose.units: a step's rate in mcg/day or mcg/hour, converted so the dose stays the same."""

from __future__ import annotations

import math

import flexdose
import pytest
from flexdose.limits import HOURS_PER_DAY
from flexdose.units import RATE_UNIT_LABELS, RATE_UNITS, convert_rate
from hypothesis import given
from hypothesis import strategies as st


class TestConvertRate:
    """convert_rate(value, from_unit, to_unit)."""

    @pytest.mark.parametrize(
        ("value", "from_unit", "to_unit", "expected"),
        [
            (600, "mcg_per_day", "mcg_per_hour", 25.0),
            (25, "mcg_per_hour", "mcg_per_day", 600.0),
            (400, "mcg_per_day", "mcg_per_hour", 16.667),  # 16.666..., 3 decimals as the report
            (0, "mcg_per_day", "mcg_per_hour", 0.0),
            (12.5, "mcg_per_day", "mcg_per_day", 12.5),
            (0.0004, "mcg_per_hour", "mcg_per_hour", 0.0004),  # same unit: unchanged, unrounded
        ],
    )
    def test_the_same_dose_in_the_other_unit(
        self, value: float, from_unit: str, to_unit: str, expected: float
    ) -> None:
        """Hand-worked: 600 mcg in 24 hours is 25 mcg an hour."""
        assert convert_rate(value, from_unit, to_unit) == expected

    def test_rounded_as_the_report_rounds_the_hourly_rate(self) -> None:
        """The converted number is the mcg_per_hour the report shows for that step."""
        doc = {"programs": {"p": [{"start": "00:00", "mcg_per_day": 400}]}}
        step = flexdose.check(doc)["summary"]["programs"]["p"]["steps"][0]
        assert convert_rate(400, "mcg_per_day", "mcg_per_hour") == step["mcg_per_hour"]

    @given(st.floats(min_value=0, max_value=100_000, allow_nan=False))
    def test_switching_back_and_forth_settles_after_one_round_trip(self, value: float) -> None:
        """A unit switched twice more gives the same numbers again (no drift)."""
        hourly = convert_rate(value, "mcg_per_day", "mcg_per_hour")
        daily = convert_rate(hourly, "mcg_per_hour", "mcg_per_day")
        assert convert_rate(daily, "mcg_per_day", "mcg_per_hour") == pytest.approx(hourly)
        assert math.isclose(daily, value, abs_tol=HOURS_PER_DAY * 0.0005 + 1e-9)

    @pytest.mark.parametrize(("from_unit", "to_unit"), [("mg_per_day", "mcg_per_hour"), ("", "")])
    def test_an_unknown_unit_is_refused(self, from_unit: str, to_unit: str) -> None:
        """The message names the units there are."""
        with pytest.raises(ValueError, match="mcg_per_day or mcg_per_hour"):
            convert_rate(1, from_unit, to_unit)

    @pytest.mark.parametrize("value", [math.nan, math.inf, 1e308])
    def test_a_number_that_cannot_be_a_rate_is_refused(self, value: float) -> None:
        """Non-finite values, or ones that overflow, raise ValueError."""
        with pytest.raises(ValueError, match="rate"):
            convert_rate(value, "mcg_per_hour", "mcg_per_day")

    @pytest.mark.parametrize("value", [True, "600", None])
    def test_not_a_number_is_refused(self, value: object) -> None:
        """bool is not a number here."""
        with pytest.raises(TypeError):
            convert_rate(value, "mcg_per_day", "mcg_per_hour")  # type: ignore[arg-type]


def test_the_units_are_the_step_keys_the_parser_reads() -> None:
    """Each unit is a key a step may use, and its label names it."""
    for unit in RATE_UNITS:
        doc = {"programs": {"p": [{"start": "00:00", unit: 10}]}}
        assert flexdose.check(doc)["valid"], unit
    assert RATE_UNIT_LABELS == {"mcg_per_day": "mcg/day", "mcg_per_hour": "mcg/hour"}
