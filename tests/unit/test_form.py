"""flexdose.form.form_spec: the form's limits agree with what the parser enforces, and its
choices, examples, weekdays and units are the ones flexdose reads."""

from __future__ import annotations

import json

import flexdose
import pytest
from flexdose import form, samples
from flexdose.limits import DEFAULT_ALARM_ML, MAX_INPUT_CHARS, RESERVOIR_SIZES_ML
from flexdose.load import UnreadableInput, parse_json
from flexdose.model import WEEKDAYS
from flexdose.parse import AGE_GROUPS, ORIGINS, PHASES
from flexdose.units import RATE_UNITS

SPEC = form.form_spec()
ONE_STEP = [{"start": "00:00", "mcg_per_day": 500}]


def _codes(doc: dict) -> list[tuple[str, str]]:
    return [(f["code"], f["where"]) for f in flexdose.check(doc)["findings"]]


def _steps(count: int, rates: list[float] | None = None) -> list[dict]:
    rates = rates or [500] * count
    return [{"start": f"{i // 60:02d}:{i % 60:02d}", "mcg_per_day": rates[i]} for i in range(count)]


class TestShape:
    """The spec is plain JSON with the keys the browser layer reads."""

    def test_it_survives_a_json_round_trip(self) -> None:
        """Only JSON types: what the worker sends is what the page gets."""
        assert json.loads(json.dumps(SPEC)) == SPEC

    def test_it_has_every_documented_key(self) -> None:
        """The keys listed in flexdose.form's docstring."""
        assert set(SPEC) == {
            "limits",
            "reservoir_sizes_ml",
            "default_alarm_ml",
            "hints",
            "choices",
            "examples",
            "blank_program",
            "weekdays",
            "units",
            "steps",
            "labels",
            "messages",
        }
        assert set(SPEC["limits"]) == {
            "max_steps",
            "max_changes",
            "max_programs",
            "title_max_chars",
            "program_name_max_chars",
            "max_input_chars",
            "clock_max_chars",
        }

    def test_each_call_is_a_fresh_copy(self) -> None:
        """A caller that edits its spec cannot change the next one."""
        spec = form.form_spec()
        spec["labels"]["not_given"] = "changed"
        spec["limits"]["max_steps"] = 0
        assert form.form_spec() == SPEC


class TestLimitsAgreeWithTheParser:
    """Each limit is the one flexdose enforces: at the limit accepted, one more refused."""

    def test_title_of_the_limit_is_accepted_and_one_more_is_refused(self) -> None:
        """title_max_chars is parse.py's title limit (not the 80 the page once had)."""
        limit = SPEC["limits"]["title_max_chars"]
        at = {"title": "t" * limit, "programs": {"p": ONE_STEP}}
        over = {"title": "t" * (limit + 1), "programs": {"p": ONE_STEP}}
        assert flexdose.check(at)["valid"]
        assert ("invalid-document", "title") in _codes(over)

    def test_program_name_of_the_limit_is_accepted_and_one_more_is_refused(self) -> None:
        """program_name_max_chars is the parser's program-name limit."""
        limit = SPEC["limits"]["program_name_max_chars"]
        assert flexdose.check({"programs": {"n" * limit: ONE_STEP}})["valid"]
        codes = _codes({"programs": {"n" * (limit + 1): ONE_STEP}})
        assert "invalid-document" in [c for c, _ in codes]

    def test_max_steps_are_accepted_and_one_more_is_refused(self) -> None:
        """max_steps steps can make max_changes changes (the last dose is the first again);
        one step more with every neighbour different is too many changes."""
        limit, changes = SPEC["limits"]["max_steps"], SPEC["limits"]["max_changes"]
        assert limit == changes + 1
        at = _steps(limit, [*range(1, limit), 1])
        assert flexdose.check({"programs": {"p": at}})["valid"]
        over = _steps(limit, list(range(1, limit + 1)))
        assert ("too-many-steps", "programs.p") in _codes({"programs": {"p": over}})

    def test_phase_choices_are_the_parsers(self) -> None:
        """The stage-of-treatment choice offers exactly the values context.phase accepts."""
        assert [value for value, _ in SPEC["choices"]["phase"]] == list(PHASES)
        assert all(label for _, label in SPEC["choices"]["phase"])

    def test_max_input_chars_is_what_the_reader_accepts(self) -> None:
        """A text of max_input_chars is read (size-wise); one more character is refused."""
        limit = SPEC["limits"]["max_input_chars"]
        assert limit == MAX_INPUT_CHARS.value
        body = json.dumps({"programs": {"p": ONE_STEP}})
        parse_json(body + " " * (limit - len(body)))
        with pytest.raises(UnreadableInput):
            parse_json(body + " " * (limit - len(body) + 1))

    def test_clock_max_chars_holds_every_form_the_clock_reads(self) -> None:
        """The time field's limit is flexdose.clock's: at it read, past it refused."""
        limit = SPEC["limits"]["clock_max_chars"]
        padded = "12:30 p.m.".center(limit)
        assert "value" in flexdose.parse_clock(padded)
        assert "too long" in flexdose.parse_clock("x" * (limit + 1))["error"]

    def test_pump_numbers_are_the_limits(self) -> None:
        """Reservoir sizes and the default alarm volume come from limits.py."""
        assert tuple(SPEC["reservoir_sizes_ml"]) == RESERVOIR_SIZES_ML.value
        assert SPEC["default_alarm_ml"] == DEFAULT_ALARM_ML.value
        assert SPEC["hints"]["alarm_ml"] == "Usually 2 mL; see your pump's card."

    @pytest.mark.parametrize("size", RESERVOIR_SIZES_ML.value)
    def test_every_reservoir_size_offered_is_accepted(self, size: int) -> None:
        """No size in the menu is refused by bad-reservoir."""
        doc = {"pump": {"reservoir_ml": size}, "programs": {"p": ONE_STEP}}
        assert "bad-reservoir" not in [c for c, _ in _codes(doc)]


class TestChoicesAreWhatTheParserReads:
    """Every value offered is one the parser accepts, and every value it accepts is offered."""

    @pytest.mark.parametrize(("key", "allowed"), [("origin", ORIGINS), ("age_group", AGE_GROUPS)])
    def test_choice_values_are_the_parsers(self, key: str, allowed: tuple[str, ...]) -> None:
        """Same values, same order; each accepted in context."""
        values = [value for value, _ in SPEC["choices"][key]]
        assert tuple(values) == allowed
        for value in values:
            doc = {"context": {key: value}, "programs": {"p": ONE_STEP}}
            assert "bad-context" not in [c for c, _ in _codes(doc)]

    def test_choice_labels(self) -> None:
        """The words the form shows for each value."""
        assert SPEC["choices"]["origin"] == [
            ["spinal", "Spinal cord"],
            ["cerebral", "Brain (cerebral)"],
        ]
        assert SPEC["choices"]["age_group"] == [["adult", "Adult"], ["child", "Child (under 12)"]]
        assert SPEC["labels"]["not_given"] == "Not given"

    def test_units_are_the_step_keys(self) -> None:
        """[[key, label], ...] in RATE_UNITS order."""
        assert SPEC["units"] == [["mcg_per_day", "mcg/day"], ["mcg_per_hour", "mcg/hour"]]
        assert tuple(key for key, _ in SPEC["units"]) == RATE_UNITS

    def test_weekdays_are_the_document_keys_monday_first(self) -> None:
        """The week plan's keys, each with its full name."""
        assert tuple(key for key, _ in SPEC["weekdays"]) == WEEKDAYS
        assert SPEC["weekdays"][0] == ["mon", "Monday"]
        assert SPEC["weekdays"][-1] == ["sun", "Sunday"]


class TestExamplesAndBlank:
    """The start menu: every shipped example with its label, and a valid empty schedule."""

    def test_every_example_has_a_label_in_list_order(self) -> None:
        """One label per shipped example, no label for an example that is not shipped."""
        assert list(SPEC["examples"]) == samples.example_names()
        assert set(samples.EXAMPLE_LABELS) == set(samples.example_names())
        assert SPEC["examples"] == {
            "constant": "The same dose all day",
            "day-night": "Less by day, more at night",
            "therapy-week": "A week with physical-therapy days",
            "with-fill": "With pump and refill details",
        }

    def test_the_blank_program_name_is_accepted(self) -> None:
        """An empty schedule starts with a program the parser accepts."""
        assert SPEC["blank_program"] == "my program"
        assert flexdose.check({"programs": {SPEC["blank_program"]: ONE_STEP}})["valid"]


class TestMessages:
    """The form's own sentences (not findings)."""

    def test_rename_problems(self) -> None:
        """Empty and taken names."""
        assert SPEC["messages"]["rename_empty"] == "A program needs a name."
        assert SPEC["messages"]["rename_taken"] == "Another program already has this name."

    def test_step_limit_templates_take_n_and_max(self) -> None:
        """Filled in by the page: {n} steps now, {max} the limit."""
        full = SPEC["messages"]["steps_full"]
        assert "{n}" in full
        assert "{max}" in full
        assert "{max}" in SPEC["messages"]["steps_limit"]
        text = full.format(n=13, max=SPEC["limits"]["max_steps"])
        assert "13 steps" in text

    def test_what_cannot_be_shown_in_the_form(self) -> None:
        """Programs or steps the form cannot draw are said so in words."""
        assert "cannot be shown in the form" in SPEC["messages"]["programs_unshowable"]
        assert "cannot be shown in the form" in SPEC["messages"]["steps_unshowable"]

    def test_every_text_is_a_non_empty_string(self) -> None:
        """No label, hint or message is missing."""
        for group in ("labels", "messages", "hints"):
            for key, text in SPEC[group].items():
                assert isinstance(text, str), (group, key)
                assert text.strip(), (group, key)


def test_max_programs_is_the_bound_flexdose_reads() -> None:
    """One program more than max_programs makes the schedule-too-large error."""
    limit = SPEC["limits"]["max_programs"]
    step = [{"start": "00:00", "mcg_per_day": 100}]
    at = flexdose.check({"programs": {f"p{i}": step for i in range(limit)}})
    over = flexdose.check({"programs": {f"p{i}": step for i in range(limit + 1)}})
    assert "schedule-too-large" not in [f["code"] for f in at["findings"]]
    assert over["findings"][0]["code"] == "schedule-too-large"
