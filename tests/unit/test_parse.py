"""parse: JSON-like values to the model, with findings at precise `where` paths."""

from __future__ import annotations

import datetime

import flexdose
import pytest
from flexdose import limits
from flexdose.parse import parse, parse_time
from flexdose.paths import describe, format_where


class TestWherePaths:
    """The contract's path format: dots for identifiers, JSON-quoted brackets otherwise."""

    @pytest.mark.parametrize(
        ("path", "where"),
        [
            ((), ""),
            (("programs", "everyday", 2, "start"), "programs.everyday[2].start"),
            (("programs", "my plan", 0, "start"), 'programs["my plan"][0].start'),
            (("programs", 'say "hi"'), 'programs["say \\"hi\\""]'),
            (("programs", "été"), 'programs["été"]'),
            (("programs", "_x9"), "programs._x9"),
            (("programs", "9x"), 'programs["9x"]'),
            (("my key",), '["my key"]'),
            (("week", "mon"), "week.mon"),
        ],
    )
    def test_format_where(self, path: tuple, where: str) -> None:
        """Each path component is written as the contract says."""
        assert format_where(path) == where

    @pytest.mark.parametrize(
        ("path", "words"),
        [
            (("programs", "everyday", 2), "Step 3 of program “everyday”"),
            (
                ("programs", "everyday", 2, "start"),
                "The start time of step 3 of program “everyday”",
            ),
            (("programs", "everyday", 2, "note"), "Step 3 of program “everyday”"),
            (("programs", "everyday"), "Program “everyday”"),
            (("week", "tue"), "Tuesday in the week plan"),
            (("fill", "volume_ml"), "The amount filled"),
            (("context", "origin"), "Where the spasticity comes from"),
            (("pump", "size"), "The field “size” in the pump details"),
            (("zzz",), "The field “zzz”"),
            ((), "The schedule"),
        ],
    )
    def test_describe_says_where_in_words(self, path: tuple, words: str) -> None:
        """Messages name places the way a patient would: steps count from 1."""
        assert describe(path) == words


class TestTimes:
    """Times are HH:MM, 00:00 to 23:59, two digits each."""

    @pytest.mark.parametrize(("text", "minutes"), [("00:00", 0), ("07:30", 450), ("23:59", 1439)])
    def test_valid_times(self, text: str, minutes: int) -> None:
        """Minutes after midnight."""
        assert parse_time(text) == minutes

    @pytest.mark.parametrize(
        "value",
        ["24:00", "7:00", "07:60", "0700", "07:00 ", "٠٧:٠٠", "", None, 700, True, ["07:00"]],
    )
    def test_invalid_times(self, value: object) -> None:
        """Everything else, including non-ASCII digits and non-strings, is not a time."""
        assert parse_time(value) is None


class TestModel:
    """What a valid document becomes."""

    def test_a_full_document_becomes_the_model(self) -> None:
        """Every section lands in its dataclass; mcg_per_hour is stored per day."""
        schedule, findings = parse(
            {
                "title": "T",
                "pump": {"reservoir_ml": 20},
                "drug": {"concentration_mcg_per_ml": 500},
                "fill": {"date": "2026-11-20", "time": "10:00", "volume_ml": 18},
                "programs": {"a": [{"start": "00:00", "mcg_per_hour": 10}]},
                "context": {"origin": "cerebral", "age_group": "child", "current_mcg_per_day": 0},
            }
        )
        assert findings == []
        assert schedule is not None
        assert schedule.title == "T"
        assert schedule.pump.reservoir_ml == 20
        assert schedule.pump.alarm_ml == 2.0  # the default [S15]
        assert schedule.drug.concentration_mcg_per_ml == 500
        assert schedule.fill.date == datetime.date(2026, 11, 20)
        assert schedule.fill.time_minutes == 600
        assert schedule.week == ("a",) * 7
        assert schedule.week_given is False
        assert schedule.programs[0].steps[0].mcg_per_day == 240
        assert schedule.context.origin == "cerebral"
        assert schedule.context.phase is None
        assert schedule.program("a") is schedule.programs[0]
        assert schedule.program("b") is None

    def test_a_non_object_gives_no_schedule(self) -> None:
        """Only an object can be a schedule."""
        for value in (None, 1, "x", [], True):
            schedule, findings = parse(value)
            assert schedule is None
            assert [f.code for f in findings] == ["invalid-document"]


class TestTypes:
    """Wrong types are findings, never exceptions; bool is never a number."""

    @pytest.mark.parametrize("value", [True, False, "500", None, [500], {"v": 500}])
    def test_a_rate_that_is_not_a_number_is_bad_rate(self, value: object) -> None:
        """JSON true is not 1; text is not a number, even if it looks like one."""
        _, findings = parse({"programs": {"p": [{"start": "00:00", "mcg_per_day": value}]}})
        assert [(f.code, f.where) for f in findings] == [("bad-rate", "programs.p[0].mcg_per_day")]

    @pytest.mark.parametrize("value", [True, "40", -1, 0])
    def test_a_fill_volume_that_is_not_positive_is_bad_volume(self, value: object) -> None:
        """Volumes are positive numbers."""
        doc = {
            "programs": {"p": [{"start": "00:00", "mcg_per_day": 1}]},
            "fill": {"date": "2026-11-20", "time": "10:00", "volume_ml": value},
        }
        _, findings = parse(doc)
        assert [(f.code, f.where) for f in findings] == [("bad-volume", "fill.volume_ml")]

    @pytest.mark.parametrize("section", ["pump", "drug", "fill", "programs", "week", "context"])
    @pytest.mark.parametrize("value", [[], "x", 1, True, None])
    def test_a_section_that_is_not_an_object_is_invalid_document(
        self, section: str, value: object
    ) -> None:
        """Each section must be an object; the finding points at it."""
        doc: dict = {"programs": {"p": [{"start": "00:00", "mcg_per_day": 1}]}}
        doc[section] = value
        _, findings = parse(doc)
        assert ("invalid-document", section) in [(f.code, f.where) for f in findings]

    def test_non_string_keys_from_python_callers_are_reported_not_raised(self) -> None:
        """A dict built in Python may have int keys: reported as unknown fields."""
        _, findings = parse(
            {1: "x", "programs": {"p": [{"start": "00:00", "mcg_per_day": 1, 2: 3}]}}
        )
        assert [(f.code, f.where) for f in findings] == [
            ("unknown-field", '["1"]'),
            ("unknown-field", 'programs.p[0]["2"]'),
        ]


class TestUnknownFields:
    """Unknown keys are reported at every level, never silently ignored."""

    @pytest.mark.parametrize(
        ("doc", "where"),
        [
            ({"notes": ""}, "notes"),
            ({"pump": {"model": "8637"}}, "pump.model"),
            ({"drug": {"concentration_mcg_per_ml": 500, "name": "x"}}, "drug.name"),
            (
                {"fill": {"date": "2026-11-20", "time": "10:00", "volume_ml": 20, "by": "x"}},
                "fill.by",
            ),
            (
                {
                    "week": {
                        **dict.fromkeys(("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "p"),
                        "hol": "p",
                    }
                },
                "week.hol",
            ),
            ({"context": {"weight_kg": 70}}, "context.weight_kg"),
            (
                {"programs": {"p": [{"start": "00:00", "mcg_per_day": 1, "label": "night"}]}},
                "programs.p[0].label",
            ),
        ],
    )
    def test_unknown_field_at_each_level(self, doc: dict, where: str) -> None:
        """The warning's where is the unknown key's own path."""
        full = {"programs": {"p": [{"start": "00:00", "mcg_per_day": 1}]}, **doc}
        _, findings = parse(full)
        assert [(f.code, f.where) for f in findings] == [("unknown-field", where)]


# ---- Bounded work: more programs or steps than any pump schedule ----


def test_more_programs_than_any_schedule_is_one_error_and_nothing_else_is_read() -> None:
    limit = int(limits.MAX_PROGRAMS.value)
    programs = {
        f"p{i}": [{"start": "00:00", "mcg_per_day": "not a number"}] for i in range(limit + 1)
    }
    report = flexdose.check({"programs": programs, "week": "nonsense"})
    assert [f["code"] for f in report["findings"]] == ["schedule-too-large", "not-a-programmer"]
    assert report["findings"][0]["where"] == "programs"
    assert f"{limit + 1} programs" in report["findings"][0]["message"]
    assert report["summary"] is None


def test_a_program_with_more_steps_than_any_schedule_is_one_error() -> None:
    limit = int(limits.MAX_STEPS_READ.value)
    steps = [{"start": "00:00", "mcg_per_day": 100}] * (limit + 1)
    report = flexdose.check({"programs": {"day": steps}})
    assert [f["code"] for f in report["findings"]] == ["schedule-too-large", "not-a-programmer"]
    assert report["findings"][0]["where"] == "programs.day"


def test_at_the_bounds_the_schedule_is_read_and_checked_as_usual() -> None:
    """MAX_PROGRAMS programs of MAX_STEPS_READ steps: read, with the pump's own step error."""
    n_programs = int(limits.MAX_PROGRAMS.value)
    n_steps = int(limits.MAX_STEPS_READ.value)
    steps = [
        {"start": f"{i // 4:02d}:{i % 4 * 15:02d}", "mcg_per_day": 100 + i % 2 * 100}
        for i in range(n_steps)
    ]
    report = flexdose.check({"programs": {f"p{i}": steps for i in range(n_programs)}})
    codes = {f["code"] for f in report["findings"]}
    assert "schedule-too-large" not in codes
    assert "too-many-steps" in codes


class TestContextPhase:
    """context.phase: "titration" or "maintenance" picks the large-change limits."""

    @pytest.mark.parametrize("phase", ["titration", "maintenance", None])
    def test_each_phase_is_read(self, phase: str | None) -> None:
        """The two values and null are accepted, with no finding."""
        schedule, findings = parse(
            {"programs": {"p": [{"start": "00:00", "mcg_per_day": 1}]}, "context": {"phase": phase}}
        )
        assert findings == []
        assert schedule is not None
        assert schedule.context.phase == phase

    @pytest.mark.parametrize("value", ["refill", "Titration", 1, True, []])
    def test_another_value_is_a_bad_context_error_in_words(self, value: object) -> None:
        """The message names the field as the form labels it, not its JSON name."""
        _, findings = parse(
            {"programs": {"p": [{"start": "00:00", "mcg_per_day": 1}]}, "context": {"phase": value}}
        )
        assert [(f.code, f.where) for f in findings] == [("bad-context", "context.phase")]
        assert "stage of treatment" in findings[0].message.lower()
        assert "context.phase" not in findings[0].message
