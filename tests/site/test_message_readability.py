"""Every message the widget shows reads at US grade 8 or below (Flesch-Kincaid, textstat 0.7.3);
the Spanish finding messages and file refusals score 60 or more on Fernández Huerta (textstat's
Spanish formula: 60-70 is "normal", about grades 8-9 in the US; higher is easier).

Finding messages come from documents that trigger every CATALOGUE code (the tables of
tests/unit/test_rules.py, plus broken documents for each message parse.py writes), the refusals
of files that cannot be read (tests/unit/test_load.py's table of JSON errors), and the widget's own
labels and sentences (widget_text). A single short sentence scores erratically, so messages are
scored in groups: all the messages of one code joined, all the labels joined. Every group's grade
is printed (`pytest -s`, or in the -ra summary when one fails).

Not in tests/unit: textstat is not in Pyodide, and tests/unit also runs there.
"""

from __future__ import annotations

import datetime
import re
import sys
from collections import defaultdict
from pathlib import Path

import flexdose
import pytest
from flexdose import widget_text
from flexdose.findings import CATALOGUE
from textstat_helper import load_textstat

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from test_load import JSON_ERRORS
from test_rules import BASE, CASES, TODAY_CASES, edit

# The plain-language target, as for the site's pages (DOMAIN.md section E).
MAX_GRADE = 8.0
# Spanish: Fernández Huerta 60 or more ("normal" or easier on its scale), over all messages.
MIN_FERNANDEZ_HUERTA = 60.0

STEP = ("programs", "everyday", 1)


def _edit(*changes: tuple) -> dict:
    """BASE with (path, value) set, or (path,) deleted."""
    return edit(BASE, *changes)


# Documents for the messages of parse.py that the rules table does not reach.
EXTRA_DOCUMENTS = [
    _edit((("pump", "reservoir_ml"), "40")),
    _edit((("pump", "alarm_ml"), 1e400)),
    _edit((("drug",), {})),
    _edit((("drug", "concentration_mcg_per_ml"), None)),
    _edit((("fill", "time"), "9.30")),
    _edit((("fill", "volume_ml"), "forty")),
    _edit((("fill", "date"),), (("fill", "time"),)),
    _edit((STEP, {"start": "07:00", "mcg_per_hour": 20, "mcg_per_day": 480})),
    _edit((STEP, {"start": "07:00", "ug_per_day": 400})),
    _edit((STEP, {"start": "07:00", "mcg": 400})),
    _edit((STEP, {"start": "07:00", "ml_per_day": 0.2})),
    _edit((STEP, {"mcg_per_day": 400})),
    _edit((STEP, {"start": "07:00", "mcg_per_hour": -2})),
    _edit((STEP, {"start": "07:00", "mcg_per_day": None})),
    _edit((STEP, {"start": "7am", "mcg_per_day": 400, "note": "x"})),
    _edit((("week",),)),
    _edit((("week", "mon"),)),
    _edit((("programs",), [])),
    _edit((("programs",),)),
    _edit((("programs",), {})),
    _edit((("programs", "x" * 200), [])),
    _edit((("title",), "x" * 500)),
    _edit((("context", "origin"), "brain"), (("context", "age_group"), 12)),
    _edit((("context", "current_mcg_per_day"), "500")),
    _edit((("context",), [])),
    _edit((("pump", "size"), 40), (("drug", "strength"), 2000)),
    "a schedule",
    None,
    {"programs": {"p": [{"start": f"{h:02d}:00", "mcg_per_day": 400} for h in range(15)]}},
    {
        "programs": {"p": [{"start": "00:00", "mcg_per_day": 750}]},
        "context": {"origin": "cerebral"},
    },
]
# Other refusals of a file that cannot be read (JSON_ERRORS has one of each JSON error).
UNREADABLE = [
    '{"a": NaN}',
    '{"a": 1e400}',
    '{"a": 1, "a": 2}',
    "",
    "[" * 1000,
]


def _finding_messages(lang: str = "en") -> dict[str, list[str]]:
    """Every distinct message of each code, from the documents above, in `lang`."""
    found: dict[str, set[str]] = defaultdict(set)

    def collect(report: dict) -> None:
        for f in report["findings"]:
            found[f["code"]].add(f["message"])

    for _, _, trigger, near_miss in CASES:
        collect(flexdose.check(trigger, lang=lang))
        collect(flexdose.check(near_miss, lang=lang))
    for _, _, doc, today, other in TODAY_CASES:
        collect(flexdose.check(doc, today=today, lang=lang))
        collect(flexdose.check(doc, today=other, lang=lang))
    for doc in EXTRA_DOCUMENTS:
        collect(flexdose.check(doc, lang=lang))
    return {code: sorted(messages) for code, messages in found.items()}


def _shape(message: str) -> str:
    """The message with numbers and quoted names blanked, so repeats of one sentence count once."""
    return re.sub(r"\d[\d,.]*", "9", re.sub(r"“[^”]*”", "“x”", message))


def _once_each(messages: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for message in messages:
        seen.setdefault(_shape(message), message)
    return list(seen.values())


def _unreadable_messages(lang: str = "en") -> list[str]:
    out = []
    for text in [t for t, _ in JSON_ERRORS] + UNREADABLE:
        with pytest.raises(flexdose.UnreadableInput) as info:
            flexdose.parse_json(text, lang=lang)
        out.append(str(info.value))
    return out


def _sentences(texts: list[str]) -> str:
    """Labels and messages as one text of sentences (a label without a full stop gets one)."""
    out = []
    for text in texts:
        text = re.sub(r"\{[a-z_]+\}", "it", text).strip()
        out.append(text if text[-1:] in ".!?:…" else text + ".")
    return " ".join(out)


def _groups() -> dict[str, str]:
    messages = _finding_messages()
    groups = {f"code {code}": " ".join(_once_each(m)) for code, m in sorted(messages.items())}
    groups["file refusals"] = " ".join(_once_each(_unreadable_messages()))
    groups["widget labels"] = _sentences(list(widget_text.LABELS.values()))
    groups["widget messages"] = _sentences(
        list(widget_text.MESSAGES.values()) + list(widget_text.HINTS.values())
    )
    groups["widget startup"] = _sentences(list(widget_text.STARTUP.values()))
    return groups


def test_every_catalogue_code_is_produced() -> None:
    """The documents above reach every code, so every kind of message is graded."""
    assert set(_finding_messages()) == set(CATALOGUE)


def test_every_message_group_reads_at_grade_8_or_below() -> None:
    """Each group scores Flesch-Kincaid grade 8 or lower; every grade is printed."""
    textstat = load_textstat()
    report, too_hard = [], []
    for name, text in _groups().items():
        grade = textstat.flesch_kincaid_grade(text)
        words = textstat.lexicon_count(text)
        report.append(f"  {name:<32} grade {grade:5.1f}  ({words} words)")
        if grade > MAX_GRADE:
            too_hard.append(f"{name}: grade {grade}")
    print("\nFlesch-Kincaid grade per message group (textstat 0.7.3):\n" + "\n".join(report))
    assert not too_hard, "above grade 8: " + "; ".join(too_hard)


def test_today_is_not_needed_for_the_grades() -> None:
    """The date-dependent codes are produced with a fixed today, so grades never drift."""
    assert all(isinstance(case[3], datetime.date) for case in TODAY_CASES)


def _spanish_groups() -> dict[str, str]:
    messages = _finding_messages("es")
    groups = {f"code {code}": " ".join(_once_each(m)) for code, m in sorted(messages.items())}
    groups["file refusals"] = " ".join(_once_each(_unreadable_messages("es")))
    return groups


def test_every_catalogue_code_is_produced_in_spanish() -> None:
    assert set(_finding_messages("es")) == set(CATALOGUE)


def test_spanish_messages_score_60_or_more_on_fernandez_huerta() -> None:
    """All the Spanish messages joined score Fernández Huerta 60 or more; every group's score
    and the whole's are printed (a group alone is only reported: one short message scores
    erratically)."""
    textstat = load_textstat()
    groups = _spanish_groups()
    textstat.set_lang("es")
    try:
        report = []
        for name, text in groups.items():
            score = textstat.fernandez_huerta(text)
            words = textstat.lexicon_count(text)
            report.append(f"  {name:<32} Fernández Huerta {score:6.1f}  ({words} words)")
        whole = " ".join(groups.values())
        score = textstat.fernandez_huerta(whole)
        szigriszt = textstat.szigriszt_pazos(whole)
    finally:
        textstat.set_lang("en_US")
    print(
        "\nFernández Huerta per Spanish message group (textstat 0.7.3):\n"
        + "\n".join(report)
        + f"\n  all Spanish messages: Fernández Huerta {score:.1f}, Szigriszt-Pazos {szigriszt:.1f}"
    )
    assert score >= MIN_FERNANDEZ_HUERTA, f"Fernández Huerta {score} < {MIN_FERNANDEZ_HUERTA}"
