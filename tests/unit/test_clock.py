"""flexdose.clock: what a person types in a time field, read onto the 24-hour "HH:MM"."""

from __future__ import annotations

import re

import pytest
from flexdose.clock import HOW_TO_WRITE, fmt_clock, parse_clock
from flexdose.limits import MAX_CLOCK_CHARS
from flexdose.parse import parse_time
from hypothesis import given
from hypothesis import strategies as st
from strategies import clock_texts

HHMM = re.compile(r"([01]\d|2[0-3]):[0-5]\d\Z")


class TestAccepted:
    """Every way of writing a time the form reads, and the HH:MM it becomes."""

    @pytest.mark.parametrize(
        ("typed", "value"),
        [
            ("21:00", "21:00"),
            ("2100", "21:00"),
            ("9:30", "09:30"),
            ("930", "09:30"),
            ("9", "09:00"),
            ("09", "09:00"),
            ("0", "00:00"),
            ("0000", "00:00"),
            ("21.00", "21:00"),
            ("21h00", "21:00"),
            ("21H00", "21:00"),
            ("21 h 00", "21:00"),
            ("21h", "21:00"),
            (" 7:05 ", "07:05"),
            ("\t23:59\n", "23:59"),
            ("9pm", "21:00"),
            ("9 PM", "21:00"),
            ("9:30 am", "09:30"),
            ("9:30am", "09:30"),
            ("12 am", "00:00"),
            ("12:15 am", "00:15"),
            ("12 pm", "12:00"),
            ("12:30 p.m.", "12:30"),
            ("1 a.m.", "01:00"),
            ("٢١:٠٠", "21:00"),  # Arabic-Indic digits
            ("２１：００", "21:00"),  # full-width digits and colon
        ],
    )
    def test_typed_time_becomes_hhmm(self, typed: str, value: str) -> None:
        """The form shows the time back as the document writes it."""
        assert parse_clock(typed) == {"value": value}


class TestRefused:
    """Each refusal says what is wrong and how to write a time."""

    @pytest.mark.parametrize(
        ("typed", "says"),
        [
            ("", "No time is written"),
            ("   ", "No time is written"),
            ("abc", "“abc” is not a time"),
            ("9p", "is not a time"),
            ("25:00", "There is no hour 25"),
            ("24:30", "There is no hour 24"),
            ("24:00", "24:00 is the end of the day"),
            ("2400", "24:00 is the end of the day"),
            ("24", "24:00 is the end of the day"),
            ("12:60", "Minutes go from 00 to 59"),
            ("960", "Minutes go from 00 to 59"),
            ("1:5", "could mean 01:05 or 01:50"),
            ("21:", "the minutes are missing"),
            ("21:000", "too many digits"),
            ("12345", "too many digits"),
            ("0 am", "the hour goes from 1 to 12"),
            ("13 pm", "the hour goes from 1 to 12"),
            ("x" * (int(MAX_CLOCK_CHARS.value) + 1), "too long"),
        ],
    )
    def test_refusal_names_the_problem(self, typed: str, says: str) -> None:
        """One sentence about this text, then the one way to write it."""
        result = parse_clock(typed)
        assert set(result) == {"error"}
        assert says in result["error"]
        assert result["error"].endswith(HOW_TO_WRITE)

    def test_one_digit_minutes_are_not_guessed(self) -> None:
        """1:5 could be 01:05 or 01:50 (45 minutes apart): refused, never guessed."""
        assert "value" not in parse_clock("1:5")
        assert "value" not in parse_clock("7h3")

    def test_the_longest_accepted_form_fits_the_limit(self) -> None:
        """ "12:30 p.m." is read, so the field's limit leaves room for it."""
        assert len("12:30 p.m.") <= MAX_CLOCK_CHARS.value
        assert "value" in parse_clock(" 12:30 p.m. ")

    @pytest.mark.parametrize("value", [None, 930, 9.5, ["9:30"]])
    def test_not_text_is_an_error_not_an_exception(self, value: object) -> None:
        """Whatever arrives from the page, the answer is a message."""
        assert "error" in parse_clock(value)

    def test_control_characters_are_shown_escaped(self) -> None:
        """A pasted control character cannot break the message's one line."""
        assert "\x00" not in parse_clock("9\x00")["error"]


class TestProperties:
    """Fuzzed: never raises, only HH:MM values, which read back as themselves."""

    @given(clock_texts)
    def test_never_raises_and_values_are_hhmm(self, text: str) -> None:
        """Either a value matching HH:MM that the document parser accepts, or an error."""
        result = parse_clock(text)
        assert len(result) == 1
        if "value" in result:
            assert HHMM.match(result["value"]), result
            assert parse_time(result["value"]) is not None
        else:
            assert result["error"].endswith(HOW_TO_WRITE)

    @given(clock_texts)
    def test_a_value_reads_back_as_itself(self, text: str) -> None:
        """What the form writes back into the field is read the same again."""
        result = parse_clock(text)
        if "value" in result:
            assert parse_clock(result["value"]) == result

    @given(st.integers(0, 1439))
    def test_every_document_time_is_read_as_itself(self, minutes: int) -> None:
        """The strict document form HH:MM is always accepted unchanged."""
        text = fmt_clock(minutes)
        assert parse_time(text) == minutes
        assert parse_clock(text) == {"value": text}


class TestFmtClock:
    """fmt_clock: minutes after midnight as HH:MM."""

    @pytest.mark.parametrize(("minutes", "text"), [(0, "00:00"), (450, "07:30"), (1439, "23:59")])
    def test_minutes_as_hhmm(self, minutes: int, text: str) -> None:
        """Two digits each, 24-hour."""
        assert fmt_clock(minutes) == text

    @pytest.mark.parametrize("bad", [-1, 1440])
    def test_outside_the_day_is_refused(self, bad: int) -> None:
        """24:00 is not a start time."""
        with pytest.raises(ValueError, match=r"0\.\.1439"):
            fmt_clock(bad)

    @pytest.mark.parametrize("bad", [True, 1.5, "07:30"])
    def test_not_an_int_is_refused(self, bad: object) -> None:
        """bool is not an int here."""
        with pytest.raises(TypeError):
            fmt_clock(bad)  # type: ignore[arg-type]
