"""paths: the where syntax read and written by one module, field names from one table."""

from __future__ import annotations

import json

import flexdose
import pytest
from flexdose import paths
from flexdose.model import WEEKDAY_NAMES, WEEKDAYS
from flexdose.quoting import escape_controls, quote
from hypothesis import given
from hypothesis import strategies as st
from strategies import keys

path_parts = st.lists(st.one_of(keys, st.integers(min_value=0, max_value=10**6)), max_size=6)


class TestParseWhere:
    """parse_where reads exactly what format_where writes, and nothing else."""

    @given(path_parts)
    def test_every_written_path_reads_back(self, parts: list) -> None:
        """A round trip for any keys: spaces, quotes, backslashes, control characters."""
        path = tuple(parts)
        assert paths.parse_where(paths.format_where(path)) == path

    @pytest.mark.parametrize(
        ("where", "path"),
        [
            ("", ()),
            ("programs.everyday[2].start", ("programs", "everyday", 2, "start")),
            ('programs["my plan"][0]', ("programs", "my plan", 0)),
            ('programs["say \\"hi\\""]', ("programs", 'say "hi"')),
            ('["my key"]', ("my key",)),
        ],
    )
    def test_written_examples(self, where: str, path: tuple) -> None:
        """The contract's own examples."""
        assert paths.parse_where(where) == path

    @pytest.mark.parametrize(
        "where",
        ["something.odd[", ".programs", "programs..x", "programs[x]", "programs[0]start", "a b"],
    )
    def test_text_that_is_no_path_is_refused(self, where: str) -> None:
        """None, never a guess: a screen reader then hears 'a field of the schedule'."""
        assert paths.parse_where(where) is None


class TestGotoData:
    """What a finding's button carries, so the browser never reads a path."""

    def test_a_step_field_names_its_program_and_every_enclosing_field(self) -> None:
        """The form takes the first field it has: the dose field, else the step's unit..."""
        data = paths.goto_data('programs["my plan"][1].mcg_per_hour')
        assert data["where"] == 'programs["my plan"][1].mcg_per_hour'
        assert data["program"] == "my plan"
        assert json.loads(data["fields"]) == [
            'programs["my plan"][1].mcg_per_hour',
            'programs["my plan"][1]',
            'programs["my plan"]',
            "programs",
        ]

    def test_a_field_outside_the_programs_names_no_program(self) -> None:
        """The week plan and the details are on the form whatever program is shown."""
        data = paths.goto_data("week.tue")
        assert "program" not in data
        assert json.loads(data["fields"]) == ["week.tue", "week"]

    def test_every_finding_of_a_real_report_gets_data_that_matches_its_where(self) -> None:
        """For each finding of a broken document, the first field is the finding's own where."""
        document = {
            "programs": {"day": [{"start": "01:00", "mcg_per_day": -1}], "x y": []},
            "week": dict.fromkeys(WEEKDAYS, "nope"),
            "colour": "red",
        }
        for finding in flexdose.check(document)["findings"]:
            if finding["where"]:
                fields = json.loads(paths.goto_data(finding["where"])["fields"])
                assert fields[0] == finding["where"]


class TestFieldNames:
    """One table names each field; a message, a list of fields and a screen reader agree."""

    @pytest.mark.parametrize(
        ("path", "words"),
        [
            (("pump", "reservoir_ml"), "the reservoir size"),
            (("programs",), "the programs"),
            (("programs", "x", 0, "start"), "a start time"),
            (("programs", "x", 0, "mcg_per_hour"), "a dose in mcg per hour"),
            (("week", "sat"), "Saturday"),
            (("pump", "size"), None),
        ],
    )
    def test_a_field_in_a_list_of_fields(self, path: tuple, words: str | None) -> None:
        """The unknown-field message lists a section's fields in these words."""
        assert paths.field_in_list(path) == words

    def test_the_unknown_field_message_lists_the_weekdays_by_name(self) -> None:
        """The week plan's fields are the days, from the one weekday table."""
        doc = {"programs": {"a": [{"start": "00:00", "mcg_per_day": 1}]}}
        doc["week"] = {**dict.fromkeys(WEEKDAYS, "a"), "funday": "a"}
        [finding] = [f for f in flexdose.check(doc)["findings"] if f["code"] == "unknown-field"]
        assert (
            "Monday, Tuesday, Wednesday, Thursday, Friday, Saturday and Sunday"
            in (finding["message"])
        )

    @pytest.mark.parametrize("day", WEEKDAYS)
    def test_a_missing_day_is_named(self, day: str) -> None:
        """The week plan's missing-field message names the day itself."""
        week = {d: "a" for d in WEEKDAYS if d != day}
        doc = {"programs": {"a": [{"start": "00:00", "mcg_per_day": 1}]}, "week": week}
        [finding] = [f for f in flexdose.check(doc)["findings"] if f["where"] == f"week.{day}"]
        assert f"no program for {WEEKDAY_NAMES[day]}." in finding["message"]

    @given(path_parts)
    def test_both_wordings_read_any_path(self, parts: list) -> None:
        """describe and describe_where put any path into words without failing."""
        path = tuple(parts)
        assert paths.describe(path)
        assert paths.describe_where(paths.format_where(path))


class TestControlCharacters:
    """One set of control characters, written out in a message and in the text report."""

    @pytest.mark.parametrize("char", ["\x00", "\n", "\x1b", "\x7f", "\x85", "\u2028", "\ud800"])
    def test_each_is_escaped_in_both_notations(self, char: str) -> None:
        """A message's quote and the terminal's text agree on what a control character is."""
        assert char not in quote(f"a{char}b")
        assert char not in escape_controls(f"a{char}b", short=True)

    def test_the_notations(self) -> None:
        """JSON's \\u001b in a message, a terminal's \\x1b in the text report."""
        assert quote("a\x1bb") == "“a\\u001bb”"
        assert escape_controls("a\x1bb\u2028", short=True) == "a\\x1bb\\u2028"
