"""limits.py: every limit named once, with a unit, sources and a status, and used from there."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import flexdose
import pytest
from flexdose import limits
from flexdose.limits import ALL_LIMITS, STATUSES, Limit

SOURCE_ID = re.compile(r"S([1-9]|[1-3][0-9]|4[0-5])\Z")

EXPECTED = {
    "MAX_CHANGES_PER_DAY": (13, ("S1", "S2"), "unconfirmed"),
    "FORM_MAX_STEPS": (14, ("S1", "S2"), "assumption"),
    "USUAL_DAILY_MCG_SPINAL": ((300, 800), ("S30", "S33", "S34"), "confirmed"),
    "USUAL_DAILY_MCG_CEREBRAL": ((90, 703), ("S30", "S33", "S34"), "confirmed"),
    "USUAL_DAILY_MCG_CHILD": ((24, 1199), ("S30", "S33", "S34"), "confirmed"),
    "DAILY_CEILING_MCG": (1000, ("S34", "S41"), "unconfirmed"),
    "MAX_CHANGE_PCT_SPINAL": (30, ("S14", "S33", "S34"), "confirmed"),
    "MAX_CHANGE_PCT_CEREBRAL": (15, ("S14", "S33", "S34"), "confirmed"),
    "MAX_CHANGE_PCT_CHILD": (15, ("S14",), "confirmed"),
    "MAX_CHANGE_PCT_UNKNOWN": (15, ("S14", "S33", "S34"), "assumption"),
    "MAINTENANCE_MAX_RISE_PCT_SPINAL": (40, ("S33", "S34"), "confirmed"),
    "MAINTENANCE_MAX_RISE_PCT_CEREBRAL": (20, ("S33", "S34"), "confirmed"),
    "MAINTENANCE_MAX_RISE_PCT_UNKNOWN": (20, ("S33", "S34"), "assumption"),
    "MAINTENANCE_MAX_RISE_PCT_CHILD": (20, ("S33", "S34"), "assumption"),
    "MAINTENANCE_MAX_FALL_PCT": (20, ("S33", "S34"), "confirmed"),
    "LABELLED_CONCENTRATIONS_MCG_PER_ML": ((500, 1000, 2000), ("S27", "S30", "S31"), "confirmed"),
    "SCREENING_CONCENTRATION_MCG_PER_ML": (50, ("S27", "S30"), "confirmed"),
    "RESERVOIR_SIZES_ML": ((20, 40), ("S13",), "confirmed"),
    "DEFAULT_ALARM_ML": (2.0, ("S15",), "unconfirmed"),
    "MAX_REFILL_INTERVAL_DAYS": (180, ("S39", "S42"), "confirmed"),
    "REFILL_MARGIN_DAYS": (7, ("S3", "S8", "S9"), "assumption"),
    "DELIVERY_ACCURACY_PCT": (2.5, ("S16",), "confirmed"),
    "ALTITUDE_OVERDELIVERY_PCT": (14.5, ("S17",), "confirmed"),
    "MAX_PLAUSIBLE_MCG_PER_DAY": (100_000, (), "assumption"),
    "MAX_INPUT_CHARS": (1_000_000, (), "assumption"),
    "MAX_NESTING": (32, (), "assumption"),
    "MAX_LISTED_FINDINGS": (100, (), "assumption"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_required_limit_has_its_value_sources_and_status(name: str) -> None:
    """The values the brief and DOMAIN.md give, with their source ids."""
    value, sources, status = EXPECTED[name]
    limit = ALL_LIMITS[name]
    assert (limit.value, limit.sources, limit.status) == (value, sources, status)


@pytest.mark.parametrize("name", sorted(ALL_LIMITS))
def test_every_limit_is_documented(name: str) -> None:
    """A unit, a note saying why, valid source ids; sourced statuses cite at least one."""
    limit = ALL_LIMITS[name]
    assert isinstance(limit, Limit)
    assert limit.unit
    assert len(limit.note) > 20
    assert limit.status in STATUSES
    assert all(SOURCE_ID.match(s) for s in limit.sources)
    if limit.status in ("confirmed", "unconfirmed"):
        assert limit.sources
    if limit.status == "unconfirmed":
        # The note says what DOMAIN.md leaves unconfirmed.
        assert "not confirmed" in limit.note


def test_all_limits_lists_every_limit_in_the_module() -> None:
    """Nothing defined in limits.py is missing from ALL_LIMITS."""
    defined = {n for n, v in vars(limits).items() if isinstance(v, Limit)}
    assert set(ALL_LIMITS) == defined


def test_the_changes_limit_note_names_the_ambiguity() -> None:
    """13 steps or 13 changes: the note says which reading is used, and that it is unconfirmed."""
    note = ALL_LIMITS["MAX_CHANGES_PER_DAY"].note
    assert "13 changes" in note
    assert "midnight" in note
    assert "not confirmed" in note


def test_the_form_offers_one_step_more_than_the_changes() -> None:
    """14 steps can make 13 changes (last dose = first); a 15th always leaves a joinable pair."""
    assert ALL_LIMITS["FORM_MAX_STEPS"].value == ALL_LIMITS["MAX_CHANGES_PER_DAY"].value + 1


def test_statuses_are_the_three_the_docstring_explains() -> None:
    """confirmed, unconfirmed, assumption: each is used, and each is explained in the module."""
    assert STATUSES == ("confirmed", "unconfirmed", "assumption")
    assert {limit.status for limit in ALL_LIMITS.values()} == set(STATUSES)
    for status in STATUSES:
        assert f'"{status}"' in (limits.__doc__ or "")


def test_no_limit_assumes_an_adult_range_without_context() -> None:
    """The adult-any range is gone: without origin and age group no range applies."""
    assert "USUAL_DAILY_MCG_ADULT_ANY" not in ALL_LIMITS


@pytest.mark.parametrize("name", ["DAILY_CEILING_MCG", "DEFAULT_ALARM_ML", "MAX_CHANGES_PER_DAY"])
def test_domain_unconfirmed_readings_are_marked_unconfirmed(name: str) -> None:
    """DOMAIN.md marks these readings or wordings UNCONFIRMED (A2, A5, C4)."""
    assert ALL_LIMITS[name].status == "unconfirmed"


def test_limits_are_frozen() -> None:
    """A limit cannot be changed by accident at run time."""
    with pytest.raises(AttributeError):
        ALL_LIMITS["MAX_NESTING"].value = 1  # type: ignore[misc]


@pytest.mark.parametrize("module", ["rules", "compare", "report"])
def test_rules_use_no_bare_numbers(module: str) -> None:
    """Every number a rule compares with comes from limits.py (0, 1, and 100 for percent)."""
    path = Path(flexdose.__file__).parent / f"{module}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    numbers = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, int | float)
        and not isinstance(node.value, bool)
    }
    assert numbers <= {0, 1, 100}, f"bare numbers in {module}.py: {numbers - {0, 1, 100}}"
