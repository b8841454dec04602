"""Dose-rate units: the two a step may be written in, their labels, and conversion between them.

A step's rate is the dose the pump would deliver in 24 h at that rate (`mcg_per_day`, as clinic
printouts state doses) or the same rate per hour (`mcg_per_hour`); one is the other times
HOURS_PER_DAY. The form converts a step's number with `convert_rate` when its unit is switched,
so switching the unit never changes the dose.
"""

from __future__ import annotations

import math

from .arithmetic import round_mcg
from .labels import label
from .limits import HOURS_PER_DAY

__all__ = ["RATE_UNITS", "RATE_UNIT_LABELS", "convert_rate", "rate_unit_label"]

RATE_UNIT_LABELS: dict[str, str] = {"mcg_per_day": "mcg/day", "mcg_per_hour": "mcg/hour"}
"""Each step key a dose may be written in -> its short English label, in the order forms offer
them (`rate_unit_label` gives it in the current language)."""

RATE_UNITS: tuple[str, ...] = tuple(RATE_UNIT_LABELS)
"""The step keys a dose may be written in ("mcg_per_day", "mcg_per_hour")."""


def rate_unit_label(unit: str) -> str:
    """The short label of one of RATE_UNITS in the current language: "mcg/day", "mcg/día".

    Raises:
        ValueError: unit is not one of RATE_UNITS.
    """
    if unit not in RATE_UNIT_LABELS:
        raise ValueError(f"unknown rate unit {unit!r}; use {' or '.join(RATE_UNITS)}")
    return label(f"unit.{unit}")


# Hours a rate covers in each unit: mcg_per_day is the amount in a whole day of HOURS_PER_DAY.
_HOURS_IN_UNIT = {"mcg_per_day": HOURS_PER_DAY, "mcg_per_hour": 1}


def convert_rate(value: float, from_unit: str, to_unit: str) -> float:
    """`value` written in `from_unit`, in `to_unit`: 600 mcg_per_day is 25 mcg_per_hour.

    A converted value is rounded as the report rounds mcg (3 decimals), so a unit switched back
    and forth settles after one round trip (400 -> 16.667 -> 400.008 -> 16.667). The same unit
    returns the value unchanged.

    Raises:
        ValueError: a unit is not one of RATE_UNITS, or value is not a finite number.
        TypeError: value is not a number (true/false included).
    """
    for unit in (from_unit, to_unit):
        if unit not in _HOURS_IN_UNIT:
            known = " or ".join(RATE_UNITS)
            raise ValueError(f"unknown rate unit {unit!r}; use {known}")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"a rate must be a number, not {type(value).__name__}")
    if not math.isfinite(value):
        raise ValueError(f"a rate must be a finite number, not {value!r}")
    if from_unit == to_unit:
        return float(value)
    converted = round_mcg(value * _HOURS_IN_UNIT[to_unit] / _HOURS_IN_UNIT[from_unit])
    if converted is None:  # a finite value that overflows when multiplied by 24
        raise ValueError(f"a rate of {value!r} {from_unit} is too large to convert")
    return converted
