"""Hypothesis strategies for flexdose: arbitrary JSON-like values and schedule-shaped documents."""

from __future__ import annotations

from flexdose.model import WEEKDAYS
from hypothesis import strategies as st

# Keys and text the parser treats specially, mixed into random values so fuzzing reaches the
# branches that real documents take, not only "not an object".
KEYS = (
    "format",
    "title",
    "pump",
    "drug",
    "fill",
    "programs",
    "week",
    "context",
    "start",
    "mcg_per_day",
    "mcg_per_hour",
    "mg_per_day",
    "reservoir_ml",
    "alarm_ml",
    "concentration_mcg_per_ml",
    "date",
    "time",
    "volume_ml",
    "origin",
    "age_group",
    "current_mcg_per_day",
    *WEEKDAYS,
)
TEXTS = ("itb-flex/1", "00:00", "07:30", "24:00", "7:00", "2026-11-20", "2026-02-30", "spinal")

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(TEXTS),
)
keys = st.one_of(st.sampled_from(KEYS), st.text(max_size=12))

json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(keys, children, max_size=6),
    ),
    max_leaves=30,
)
"""Any JSON-like value (NaN, infinities and huge ints included: check must survive them too)."""

times = st.builds(
    lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59)
) | st.sampled_from(TEXTS)
rates = st.one_of(
    st.floats(min_value=0, max_value=2000, allow_nan=False),
    st.integers(0, 2000),
    scalars,
)


@st.composite
def steps(draw: st.DrawFn) -> list[dict[str, object]]:
    """A program's steps: mostly well formed and ordered, sometimes not."""
    count = draw(st.integers(1, 15))
    starts = sorted(draw(st.lists(st.integers(0, 1439), min_size=count, max_size=count)))
    if draw(st.booleans()):
        starts[0] = 0
    out: list[dict[str, object]] = []
    for minute in starts:
        step: dict[str, object] = {"start": f"{minute // 60:02d}:{minute % 60:02d}"}
        if draw(st.integers(0, 9)) == 0:
            step["start"] = draw(times)
        key = draw(st.sampled_from(["mcg_per_day", "mcg_per_day", "mcg_per_hour", "mg_per_day"]))
        step[key] = draw(rates)
        out.append(step)
    return out


@st.composite
def documents(draw: st.DrawFn) -> dict[str, object]:
    """Schedule-shaped documents: the right keys, values that are often (not always) valid."""
    names = draw(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=4, unique=True))
    doc: dict[str, object] = {"programs": {n: draw(steps()) for n in names}}
    if draw(st.booleans()) or len(names) > 1:
        doc["week"] = {d: draw(st.sampled_from(names)) for d in WEEKDAYS}
    if draw(st.booleans()):
        doc["drug"] = {
            "concentration_mcg_per_ml": draw(st.sampled_from([50, 500, 1000, 2000, 1500]) | rates)
        }
    if draw(st.booleans()):
        doc["pump"] = {"reservoir_ml": draw(st.sampled_from([20, 40, 30])), "alarm_ml": 2.0}
    if draw(st.booleans()):
        doc["fill"] = {
            "date": draw(st.dates()).isoformat(),
            "time": draw(times),
            "volume_ml": draw(st.floats(min_value=0.5, max_value=45)),
        }
    if draw(st.booleans()):
        doc["context"] = {
            "origin": draw(st.sampled_from(["spinal", "cerebral", None, "other"])),
            "age_group": draw(st.sampled_from(["adult", "child", None])),
            "current_mcg_per_day": draw(st.floats(min_value=0, max_value=3000)),
        }
    if draw(st.integers(0, 4)) == 0:
        doc[draw(keys)] = draw(json_values)
    return doc


# What people type in a time field: digits, separators, am/pm, spaces and a little noise, so
# fuzzing reaches every branch of flexdose.clock.parse_clock (not only "not a time").
_CLOCK_PARTS = st.sampled_from(
    [
        *"0123456789",
        ":",
        ".",
        "h",
        "H",
        " ",
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "：",
        "٢",
        "x",
        "-",
        "\x00",
    ]
)
clock_texts = st.one_of(
    st.lists(_CLOCK_PARTS, max_size=8).map("".join),
    st.builds(
        lambda h, m, sep, half: f"{h}{sep}{m:02d}{half}",
        st.integers(0, 30),
        st.integers(0, 70),
        st.sampled_from([":", ".", "h", "", " : "]),
        st.sampled_from(["", "am", " pm", "p.m.", "AM"]),
    ),
    st.text(max_size=16),
)
"""Text a person might type in a time field, sensible or not."""
