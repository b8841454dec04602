"""The label catalogues: every label has its Spanish text, with the same placeholders.

`flexdose.labels_en` and `flexdose.labels_es` are the one source of every word the pictures,
tables, totals, text report, printout, card and CLI write around the numbers (the finding
messages are the report's, the safety sentences flexdose.safety's). These tests fail when a key
has no Spanish text, when the Spanish one fills other {placeholders}, when a label is used in
the code but missing from the catalogue, or when a Spanish text is still the English one.
"""

from __future__ import annotations

import ast
import string
from collections.abc import Callable
from pathlib import Path

import flexdose
import flexdose._fmt
import flexdose.numbers
import pytest
from flexdose import i18n, labels, labels_en, labels_es
from flexdose.model import WEEKDAYS

PACKAGE = Path(flexdose.__file__).resolve().parent
CATALOGUES = {"en": labels_en.LABELS, "es": labels_es.LABELS}

# Labels whose Spanish is the English, letter for letter: units and symbols read the same
# ("mcg", "mL", "h", "min"), and a few words are spelt alike ("Error", "Total"). Anything else
# left in English is a missing translation.
SAME_IN_BOTH = frozenset(
    {
        "date.short",
        "hours.h_min",
        "hours.h",
        "hours.min",
        "amount.mcg",
        "amount.ml",
        "amount.mcg_with_ml",
        "severity.error.label",
        "findings.group_title",
        "text.tally",
        "count.error.one",
        "text.group_heading",
        "text.total_column",
        "totals.alarm_when",
        "text.alarm_when",
        "blank.ml",
        "blank.mcg_per_ml",
        "card.day_separator",
        "cli.tally",
        "cli.error",
        "cli.finding_head",
        "cli.where",
        "cli.with_ml",
        "cli.week_day",
        "week.day_tip",
        "cli.alarm_when",
        "cli.error_line",
    }
)

# The modules whose words come from the catalogue.
USERS = (
    "_card",
    "_fmt",
    "_html",
    "_print",
    "_svg",
    "_text",
    "cli",
    "numbers",
    "render",
    "units",
)


def test_every_language_has_a_catalogue() -> None:
    assert set(labels.CATALOGUE) == set(i18n.LANGUAGES)


@pytest.mark.parametrize("lang", [code for code in i18n.LANGUAGES if code != "en"])
def test_every_label_has_a_text_in_every_language(lang: str) -> None:
    catalogue = labels.CATALOGUE[lang]
    missing = sorted(set(labels_en.LABELS) - set(catalogue))
    extra = sorted(set(catalogue) - set(labels_en.LABELS))
    assert not missing, f"no {i18n.LANGUAGE_NAMES[lang]} text for {missing}"
    assert not extra, f"{i18n.LANGUAGE_NAMES[lang]} labels English does not have: {extra}"
    empty = sorted(key for key, text in catalogue.items() if not text.strip())
    assert not empty


@pytest.mark.parametrize("key", sorted(labels_en.LABELS))
def test_both_languages_fill_the_same_placeholders(key: str) -> None:
    english, spanish = labels_en.LABELS[key], labels_es.LABELS[key]
    assert i18n.placeholders(spanish) == i18n.placeholders(english), key
    for template in (english, spanish):
        # Every placeholder is a plain name: no format spec or conversion a translator could
        # drop, and no stray brace that str.format would read as one.
        for _, field, spec, conversion in string.Formatter().parse(template):
            assert not spec
            assert not conversion
            assert field is None or field.isidentifier(), (key, field)


def test_a_spanish_label_is_not_the_english_one() -> None:
    same = sorted(
        key
        for key, text in labels_es.LABELS.items()
        if text == labels_en.LABELS.get(key) and key not in SAME_IN_BOTH
    )
    assert not same, f"still in English (translate, or list in SAME_IN_BOTH): {same}"


def test_pairs_chosen_by_a_count_are_whole() -> None:
    for catalogue in CATALOGUES.values():
        for key in catalogue:
            stem, _, form = key.rpartition(".")
            if form in ("one", "other"):
                assert f"{stem}.one" in catalogue
                assert f"{stem}.other" in catalogue


def _used_keys() -> set[str]:
    """Every key the code passes to label()/plural() as a literal (f-string keys are built from
    these stems and checked by rendering in both languages)."""
    used: set[str] = set()
    for module in USERS:
        tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            if node.func.id not in ("label", "plural") or not node.args:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if node.func.id == "plural":
                    used.update({f"{first.value}.one", f"{first.value}.other"})
                else:
                    used.add(first.value)
    return used


def test_every_label_the_code_uses_is_in_the_catalogue() -> None:
    used = _used_keys()
    assert len(used) > 100  # the scan found the calls
    assert not sorted(used - set(labels_en.LABELS))


def test_label_reads_the_current_language() -> None:
    assert labels.label("svg.now_label") == "Now"
    with i18n.speaking("es"):
        assert labels.label("svg.now_label") == "Ahora"
        assert labels.plural("count.error", 2, n=2) == "2 errores"
        assert labels.plural("count.error", 1, n=1) == "1 error"
    assert labels.plural("count.error", 2, n=2) == "2 errors"


def test_weekdays_are_capitalised_in_the_current_language() -> None:
    assert labels.weekdays()[2] == ("wed", "Wed", "Wednesday")
    with i18n.speaking("es"):
        assert labels.weekdays()[2] == ("wed", "Mié", "Miércoles")
        assert [key for key, _, _ in labels.weekdays()] == list(WEEKDAYS)


def test_rate_units_are_labelled_in_the_current_language() -> None:
    from flexdose.units import RATE_UNIT_LABELS, RATE_UNITS, rate_unit_label

    assert [rate_unit_label(unit) for unit in RATE_UNITS] == list(RATE_UNIT_LABELS.values())
    with i18n.speaking("es"):
        assert [rate_unit_label(unit) for unit in RATE_UNITS] == ["mcg/día", "mcg/hora"]
    with pytest.raises(ValueError, match="unknown rate unit"):
        rate_unit_label("mg_per_day")


@pytest.mark.parametrize(
    ("english", "spanish", "call"),
    [
        ("today", "hoy", lambda: flexdose._fmt.fmt_days_from_today(0)),
        ("1 day from today", "dentro de 1 día", lambda: flexdose._fmt.fmt_days_from_today(1)),
        ("5 days ago", "hace 5 días", lambda: flexdose._fmt.fmt_days_from_today(-5)),
        ("Wed 21 Apr 2027", "mié 21 abr 2027", lambda: flexdose._fmt.fmt_date("2027-04-21")),
        ("1 day", "1 día", lambda: flexdose.numbers.fmt_days(1)),
        ("2.5 days", "2.5 días", lambda: flexdose.numbers.fmt_days(2.5)),
        ("7 h 30 min", "7 h 30 min", lambda: flexdose.numbers.fmt_hours(7.5)),
        ("in the early morning", "de madrugada", lambda: flexdose.numbers.fmt_part_of_day("03:40")),
        ("in the morning", "por la mañana", lambda: flexdose.numbers.fmt_part_of_day("06:00")),
        ("in the afternoon", "por la tarde", lambda: flexdose.numbers.fmt_part_of_day("12:00")),
        ("in the evening", "por la noche", lambda: flexdose.numbers.fmt_part_of_day("23:59")),
        (
            "a number about 21 digits long",
            "un número de unas 21 cifras",
            lambda: flexdose.numbers.fmt_typed(10**20),
        ),
        (
            "a value that is not a number",
            "un valor que no es un número",
            lambda: flexdose.numbers.fmt_typed(float("nan")),
        ),
        ("1,000.5", "1,000.5", lambda: flexdose.numbers.fmt_typed(1000.5)),
    ],
)
def test_numbers_and_dates_speak_the_current_language(
    english: str, spanish: str, call: Callable[[], str]
) -> None:
    """The words around a number follow the language; the number itself keeps the US
    convention in both (flexdose.i18n says why)."""
    assert call() == english
    with i18n.speaking("es"):
        assert call() == spanish


def _flexdose_imports(module: str) -> set[str]:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize(
    ("module", "allowed"),
    [
        ("labels_en", set()),
        ("labels_es", set()),
        ("labels", {"i18n", "labels_en", "labels_es", "model"}),
        ("numbers", {"labels"}),
    ],
)
def test_the_catalogues_sit_at_the_bottom(module: str, allowed: set[str]) -> None:
    """Plain data and the number formatter import nothing above them (the one-way flow)."""
    assert _flexdose_imports(module) <= allowed
