"""parse_json: strict JSON in, or one plain line saying what, where and how to fix."""

from __future__ import annotations

import json

import flexdose
import pytest
from flexdose.limits import MAX_INPUT_CHARS, MAX_NESTING
from flexdose.load import decode_bytes
from hypothesis import given
from hypothesis import strategies as st

DEPTH = int(MAX_NESTING.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": NaN}', "NaN is not a number JSON allows (line 1, column 7)"),
        ('{"a":\n  Infinity}', "Infinity is not a number JSON allows (line 2, column 3)"),
        ('{"a": -Infinity}', "-Infinity is not a number JSON allows"),
        ('{"a": 1e400}', "too large to use"),
        ('{"a": -1E+999}', "too large to use"),
        ('{"a": ' + "9" * 5000 + "}", "too large to use"),
        ('{"a": 1, "a": 2}', 'The name "a" appears twice'),
        ('{"p": {"x": [{"start": 1, "start": 2}]}}', 'The name "start" appears twice'),
        ("", "The input is empty"),
        ("   \n", "The input is empty"),
        # CPython 3.11 points after the comma, 3.13+ at it ("illegal trailing comma").
        ('{"a": 1,}', "at line 1, column "),
        ("{'a': 1}", "names need double quotes"),
        ('{"a": 1} {"b": 2}', "more after the end of the schedule"),
        ('{"a": "x', "closing double quote is missing"),
        ('{"a" 1}', "colon"),
        (
            "[" * (DEPTH + 1) + "]" * (DEPTH + 1),
            f"more than {DEPTH} levels deep (line 1, column {DEPTH + 1})",
        ),
        ("[" * 100_000, f"more than {DEPTH} levels deep"),
        ('{"a": ' * 50_000, f"more than {DEPTH} levels deep"),
        (" " * (int(MAX_INPUT_CHARS.value) + 1), "more than the 1,000,000 allowed"),
    ],
    ids=lambda v: repr(v[:24]) if isinstance(v, str) else None,
)
def test_refused_inputs_say_what_and_where(text: str, expected: str) -> None:
    """Each refusal is an UnreadableInput with one line naming the problem and its place."""
    with pytest.raises(flexdose.UnreadableInput) as info:
        flexdose.parse_json(text)
    message = str(info.value)
    assert expected in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('\ufeff{"a": 1}', {"a": 1}),
        ('{"a": "' + "[" * 40 + '"}', {"a": "[" * 40}),
        ("[" * DEPTH + "]" * DEPTH, eval("[" * DEPTH + "]" * DEPTH)),
        (
            '{"a": 1.5e300, "b": -0.0, "c": 12345678901234567890}',
            {"a": 1.5e300, "b": -0.0, "c": 12345678901234567890},
        ),
        ('{"k\\"ey": "NaN", "x": "Infinity"}', {'k"ey': "NaN", "x": "Infinity"}),
        ("[1, 2, 3]", [1, 2, 3]),
    ],
)
def test_strict_json_is_accepted(text: str, value: object) -> None:
    """BOMs, brackets and NaN inside strings, exactly MAX_NESTING levels, big finite numbers."""
    assert flexdose.parse_json(text) == value


def test_utf8_bytes_are_read_and_other_bytes_refused() -> None:
    """Bytes are decoded as UTF-8 (BOM dropped); anything else is 'not text'."""
    assert flexdose.parse_json('\ufeff{"t": "é"}'.encode()) == {"t": "é"}
    with pytest.raises(flexdose.UnreadableInput, match="not text"):
        flexdose.parse_json(b'{"t": "\xff"}')
    with pytest.raises(flexdose.UnreadableInput, match="byte 1 is not UTF-8"):
        decode_bytes(b"\x89PNG\r\n")


def test_a_non_text_argument_is_a_programming_error() -> None:
    """parse_json(42) is a TypeError (a caller's bug), not an UnreadableInput."""
    with pytest.raises(TypeError):
        flexdose.parse_json(42)  # type: ignore[arg-type]


@given(st.text(max_size=300))
def test_any_text_is_a_value_or_unreadable_input(text: str) -> None:
    """Fuzz: never any other exception; a message is always one line."""
    message = None
    try:
        flexdose.parse_json(text)
    except flexdose.UnreadableInput as exc:
        message = str(exc)
    if message is not None:
        assert message
        assert "\n" not in message


@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(),
        lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(), c, max_size=4),
        max_leaves=20,
    )
)
def test_json_that_python_writes_reads_back_equal(value: object) -> None:
    """Strictness refuses nothing json.dumps writes for finite values within the limits."""
    assert flexdose.parse_json(json.dumps(value)) == value


# ---- Bounded work: every scan of the text is linear ----


@pytest.mark.parametrize(
    "text",
    [
        '"' + '\\"' * 20_000 + "[" * 40,
        "[" * 20 + '"' + '\\"' * 20_000 + "{" * 20,
        '"' + '\\"' * 20_000 + "[" * 40 + "\\",
        '{"a": "' + "\\" * 30_001,
    ],
    ids=["quotes-then-brackets", "brackets-around-quotes", "lone-backslash-at-end", "backslashes"],
)
def test_an_unterminated_string_is_reported_as_one(text: str) -> None:
    """Unterminated strings of escaped quotes used to make the depth check quadratic (40 KB:
    12 s); the scan now takes the rest of the text as that one string, and says so."""
    with pytest.raises(flexdose.UnreadableInput, match="unterminated string"):
        flexdose.parse_json(text)


@given(st.text(alphabet='"\\[]{}a,: ', max_size=400))
def test_any_mix_of_quotes_backslashes_and_brackets_is_read_or_refused(text: str) -> None:
    """Fuzz: the characters that steer the depth and constant scans never make them raise."""
    try:
        flexdose.parse_json(text)
    except flexdose.UnreadableInput as error:
        message = str(error)
    else:
        message = "read"
    assert message
