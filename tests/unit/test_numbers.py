"""The one number formatter never raises, whatever number a document can lead it to."""

from __future__ import annotations

import flexdose
import pytest
from flexdose import numbers
from hypothesis import given
from hypothesis import strategies as st

FORMATTERS = [
    numbers.fmt_number,
    numbers.fmt_mcg,
    numbers.fmt_mcg_per_day,
    numbers.fmt_mcg_per_hour,
    numbers.fmt_ml,
    numbers.fmt_days,
    numbers.fmt_typed,
    lambda v: numbers.fmt_number(v, 1),
    lambda v: numbers.fmt_pct(v),
]

ANY_NUMBER = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**40), max_value=10**40),
)


@pytest.mark.parametrize("formatter", FORMATTERS)
@given(value=ANY_NUMBER)
def test_every_formatter_returns_text_for_any_number(formatter, value) -> None:
    text = formatter(value)
    assert isinstance(text, str)
    assert text


def test_a_number_past_decimals_range_is_described() -> None:
    """1.9e142 with one decimal once raised decimal.InvalidOperation (found in Pyodide)."""
    assert numbers.fmt_number(1.8982684487074387e142, 1) == "a number too large to use"
    assert numbers.fmt_number(float("nan")) == "a value that is not a number"
    assert numbers.fmt_number(123456.78, 1) == "123,456.8"


def test_a_dose_in_use_too_small_to_show_is_almost_none() -> None:
    """The falsifying example: a current dose of 5e-141 mcg/day made a 1.9e142 % change."""
    doc = {
        "programs": {"0": [{"start": "00:00", "mcg_per_day": 1.0}]},
        "context": {
            "origin": "spinal",
            "age_group": "adult",
            "current_mcg_per_day": 5.267958810993861e-141,
        },
    }
    report = flexdose.check(doc)
    (change,) = [f for f in report["findings"] if f["code"] == "large-change"]
    assert "up from almost none" in change["message"]
    assert "%" in change["message"]  # the usual step is still named
