"""parse_json: strict JSON in, or one plain line saying what, where and how to fix."""

from __future__ import annotations

import json
import re

import flexdose
import pytest
from flexdose.limits import MAX_INPUT_CHARS, MAX_NESTING
from flexdose.load import decode_bytes
from hypothesis import assume, given, reject
from hypothesis import strategies as st

DEPTH = int(MAX_NESTING.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": NaN}', "“NaN” is not a number (line 1, column 7"),
        ('{"a":\n  Infinity}', "“Infinity” is not a number (line 2, column 3"),
        ('{"a": -Infinity}', "“-Infinity” is not a number"),
        ('{"a": 1e400}', "too large to use"),
        ('{"a": -1E+999}', "too large to use"),
        ('{"a": ' + "9" * 5000 + "}", "too large to use"),
        ('{"a": 1, "a": 2}', "The name “a” appears twice in the same group (line 1, column 10)"),
        ('{"p": {"x": [{"start": 1, "start": 2}]}}', "The name “start” appears twice"),
        ("", "The file is empty"),
        ("   \n", "The file is empty"),
        # CPython 3.11 points after the comma, 3.13+ at it ("illegal trailing comma").
        ('{"a": 1,}', "There is an extra comma before }"),
        ("{'a': 1}", "Names must be in double quotes"),
        ('{"a": 1} {"b": 2}', "more after the end of the schedule"),
        ('{"a": "x', "has no closing double quote"),
        ('{"a" 1}', "A colon is missing"),
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
    with pytest.raises(flexdose.UnreadableInput, match="not plain text: line 1, column 8 "):
        flexdose.parse_json(b'{"t": "\xff"}')
    with pytest.raises(flexdose.UnreadableInput, match="line 1, column 1 holds something"):
        decode_bytes(b"\x89PNG\r\n")
    with pytest.raises(flexdose.UnreadableInput, match="line 2, column 3 holds something"):
        decode_bytes(b"{\n  \xc3(: 1}")


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
    with pytest.raises(flexdose.UnreadableInput, match="has no closing double quote"):
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


# ---- Every kind of JSON error Python's json module reports, in plain words ----

# (broken text, the plain words its message must hold). One row per json error message: Python
# 3.11 says "Expecting value" where 3.13+ says "Illegal trailing comma", and both read the same.
JSON_ERRORS = [
    ('{"a": 1,}', "There is an extra comma before }. Remove the comma just before it."),
    ("[1, 2,]", "There is an extra comma before ]."),
    ('{"a": 1,,}', "There are two commas in a row."),
    (
        "{a: 1}",
        'A name has no double quotes around it. Names must be in double quotes, like "start".',
    ),
    ("{'a': 1}", "A name is in single quotes."),
    (
        "{\"a\": 'x'}",
        'Text is in single quotes. Text must be in double quotes, for example "07:00".',
    ),
    ('{"start": seven}', "This text has no double quotes around it."),
    ('{"start": 07:00}', "A time or a number here is not written the JSON way."),
    ('{"ok": True}', "Write true in small letters."),
    ('{"ok": None}', "Write null in small letters"),
    ('{"a": 1 "b": 2}', "A comma is missing here, between two values."),
    ('{"a": [1, 2}', "The bracket } here does not match the one it closes"),
    ('{"a" 1}', "A colon is missing after a name."),
    ('{"a": "x}', "Text that starts here has no closing double quote."),
    ('{"a": "line\nbreak"}', "Text in double quotes cannot hold a line break or a tab."),
    ('{"a": "\\q"}', "A backslash inside text must be written twice"),
    ('{"a": "\\u12"}', "A \\u inside text must be followed by four digits"),
    ('{"a": 1} x', "There is more after the end of the schedule."),
    ('{"a": ', "The file ends too soon"),
    ("[,]", "A value is missing before this comma."),
    ('{"a": }', "A value is missing before }."),
    ('{"a": +5}', "Numbers are plain digits, like 400 or 2.5."),
]


@pytest.mark.parametrize(("text", "expected"), JSON_ERRORS, ids=[t for t, _ in JSON_ERRORS])
def test_each_json_error_says_what_where_and_how_to_fix(text: str, expected: str) -> None:
    """What is wrong and how to fix it, in plain words, after the line, column and nearby text;
    never the json module's own words ("expecting", "delimiter") or "at at"."""
    with pytest.raises(flexdose.UnreadableInput) as info:
        flexdose.parse_json(text)
    message = str(info.value)
    assert expected in message
    assert message.startswith("The schedule cannot be read at line 1, column ")
    for jargon in ("xpecting", "delimiter", "at at", "JSONDecodeError", "property name"):
        assert jargon not in message


def test_the_message_quotes_the_text_around_the_problem() -> None:
    """Line and column count from 1 and the nearby text is quoted from that line only."""
    text = '{\n  "title": "x"\n  "programs": {}\n}'
    with pytest.raises(flexdose.UnreadableInput) as info:
        flexdose.parse_json(text)
    assert str(info.value).startswith(
        'The schedule cannot be read at line 3, column 3, near “"programs": {}”. '
        "A comma is missing at the end of line 2"
    )


@given(st.text(alphabet="{}[]\":,0123456789.eE+-tfnrul \\\n'ax", max_size=80))
def test_every_json_error_names_its_line_and_column(text: str) -> None:
    """Fuzz: whatever json reports is one plain line with a line and a column, never jargon."""
    assume(text.strip())  # blank text has its own message ("empty")
    try:
        json.loads(text)
    except json.JSONDecodeError:
        pass  # a syntax error: what this test is about
    except (ValueError, RecursionError):
        reject()  # not a syntax error (too deep, an int too long): other tests cover those
    else:
        reject()  # valid JSON: no error to name
    with pytest.raises(flexdose.UnreadableInput) as info:
        flexdose.parse_json(text)
    message = str(info.value)
    assert re.search(r"line \d+, column \d+", message), message
    assert "\n" not in message
    assert "xpecting" not in message
