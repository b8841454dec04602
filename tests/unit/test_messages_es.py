"""flexdose speaks Spanish: every finding code has a Spanish title and message, the two catalogues
fill the same placeholders, and a report in Spanish differs from the English one only in its
words (codes, severities and wheres are the same, for every code and for random documents)."""

from __future__ import annotations

import ast
import datetime
import importlib.util
import re
from pathlib import Path

import flexdose
import pytest
from flexdose import i18n, messages, messages_en, messages_es, samples
from flexdose.compare import evaluate_compare
from flexdose.findings import CATALOGUE, title
from flexdose.limits import MAX_STEPS_READ
from flexdose.paths import describe_where
from flexdose.report import evaluate, take_text, unshowable_reason
from hypothesis import given
from hypothesis import strategies as st
from strategies import documents, json_values
from test_load import JSON_ERRORS
from test_rules import BASE, CASES, STEP, TODAY_CASES, edit

CATALOGUES = ("TITLES", "MESSAGES", "WORDS", "REFUSALS")
# Common English words no Spanish message should hold (outside quoted user text).
ENGLISH = re.compile(
    r"\b(the|and|is|are|your|step|program|programs|schedule|dose|not|with|this|of|to|from)\b",
    re.IGNORECASE,
)
# User text (“...”) and JSON as typed ("start", true, null) are not our words.
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|\b(true|false|null|JSON|SynchroMed II|UTF-8)\b")


def _english_words(text: str) -> list[str]:
    return [m.group() for m in ENGLISH.finditer(QUOTED.sub(" ", text))]


def _shape(report: dict) -> list[tuple[str, str, str]]:
    return [(f["code"], f["severity"], f["where"]) for f in report["findings"]]


# Documents for the parse.py messages the rules table does not reach (as the readability test).
EXTRA_DOCUMENTS: list[object] = [
    edit(BASE, (("pump", "reservoir_ml"), "40")),
    edit(BASE, (("pump", "alarm_ml"), 1e400)),
    edit(BASE, (("drug",), {})),
    edit(BASE, (("fill", "time"), "9.30")),
    edit(BASE, (("fill", "volume_ml"), "forty")),
    edit(BASE, (("fill", "date"),), (("fill", "time"),)),
    edit(BASE, (STEP, {"start": "07:00", "mcg_per_hour": 20, "mcg_per_day": 480})),
    edit(BASE, (STEP, {"start": "07:00", "ug_per_day": 400})),
    edit(BASE, (STEP, {"start": "07:00", "mcg": 400})),
    edit(BASE, (STEP, {"start": "07:00", "ml_per_day": 0.2})),
    edit(BASE, (STEP, {"mcg_per_day": 400})),
    edit(BASE, (STEP, {"start": "07:00", "mcg_per_hour": -2})),
    edit(BASE, (STEP, {"start": "07:00", "mcg_per_day": "400"})),
    edit(BASE, (STEP, {"start": "07:00", "mcg_per_day": float("nan")})),
    edit(BASE, (STEP, {"start": "7am", "mcg_per_day": 400, "note": "x"})),
    edit(BASE, (("week",),)),
    edit(BASE, (("programs",), [])),
    edit(BASE, (("programs",),)),
    edit(BASE, (("programs",), {})),
    edit(BASE, (("programs", "x" * 200), [])),
    edit(BASE, (("programs", " "), [])),
    edit(BASE, (("title",), "x" * 500)),
    edit(BASE, (("context", "origin"), "brain"), (("context", "age_group"), 12)),
    edit(BASE, (("context", "phase"), "steady")),
    edit(BASE, (("context", "current_mcg_per_day"), "500")),
    edit(BASE, (("context",), [])),
    edit(BASE, (("pump", "size"), 40), (("drug", "strength"), 2000)),
    edit(BASE, (("fill", "volume_ml"), 10**30)),
    "a schedule",
    None,
    {"programs": {"p": [{"start": "00:00", "mcg_per_day": 1}] * (int(MAX_STEPS_READ.value) + 1)}},
    {"programs": {"p": [{"start": f"{h:02d}:00", "mcg_per_day": 400} for h in range(15)]}},
    {"programs": {"p": [{"start": "00:00", "mcg_per_day": 0}]}, "fill": BASE["fill"]},
    {"programs": {"p": [{"start": "00:00", "mcg_per_day": 750}]}, "context": {"origin": "x"}},
    {
        "programs": {"p": [{"start": "00:00", "mcg_per_day": 1e-9}]},
        **{k: BASE[k] for k in ("drug", "fill")},
    },
]


def _documents() -> list[tuple[object, datetime.date | None]]:
    docs: list[tuple[object, datetime.date | None]] = []
    for case in CASES:
        docs += [(case[2], None), (case[3], None)]
    for case in TODAY_CASES:
        docs += [(case[2], case[3]), (case[2], case[4])]
    docs += [(doc, None) for doc in EXTRA_DOCUMENTS]
    docs += [(samples.load_example(name), None) for name in samples.example_names()]
    return docs


DOCUMENTS = _documents()


# ---- the catalogues ----


@pytest.mark.parametrize("name", CATALOGUES)
def test_both_languages_have_the_same_keys(name: str) -> None:
    """A key without its Spanish (or English) text fails here, naming the key."""
    english, spanish = getattr(messages_en, name), getattr(messages_es, name)
    assert sorted(set(english) - set(spanish)) == [], "no Spanish text"
    assert sorted(set(spanish) - set(english)) == [], "no English text"


@pytest.mark.parametrize("name", CATALOGUES)
def test_both_languages_fill_the_same_placeholders(name: str) -> None:
    english, spanish = getattr(messages_en, name), getattr(messages_es, name)
    differ = {
        key: (sorted(i18n.placeholders(english[key])), sorted(i18n.placeholders(spanish[key])))
        for key in english
        if key in spanish and i18n.placeholders(english[key]) != i18n.placeholders(spanish[key])
    }
    assert differ == {}


@pytest.mark.parametrize("name", CATALOGUES)
def test_no_spanish_text_is_blank_or_english(name: str) -> None:
    english, spanish = getattr(messages_en, name), getattr(messages_es, name)
    # Separators and placeholders alone are the same in both ("{framing} {closing}", ", ").
    # "error" is the same word in both languages.
    same_allowed = {"severity.error.one"} | {
        key
        for key, text in english.items()
        if not re.search(r"[A-Za-z]{3}", re.sub(r"\{\w+\}", "", text))
    }
    assert [k for k, v in spanish.items() if not v.strip() and k != "where.named-article"] == []
    assert [k for k in spanish if spanish[k] == english[k] and k not in same_allowed] == []


@pytest.mark.parametrize("code", list(CATALOGUE))
def test_every_code_has_a_title_and_a_message_in_both_languages(code: str) -> None:
    for catalogue in (messages_en, messages_es):
        assert catalogue.TITLES[code].strip()
        assert any(key.split(".")[0] == code for key in catalogue.MESSAGES), code


def test_every_message_key_names_a_code() -> None:
    assert {key.split(".")[0] for key in messages_en.MESSAGES} == set(CATALOGUE)
    assert set(messages_en.TITLES) == set(CATALOGUE)


@pytest.mark.parametrize("code", list(CATALOGUE))
def test_the_english_title_is_the_catalogue_title(code: str) -> None:
    assert title(code) == title(code, "en") == CATALOGUE[code][1]
    assert title(code, "es") != CATALOGUE[code][1]
    assert _english_words(title(code, "es")) == []


def test_the_catalogues_are_plain_data_at_the_bottom() -> None:
    """messages_en/es import no flexdose module; messages only them and i18n."""

    def imports(module: str) -> set[str]:
        spec = importlib.util.find_spec(f"flexdose.{module}")
        assert spec is not None
        assert spec.origin is not None
        tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
        found = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                found |= {node.module} if node.module else {a.name for a in node.names}
        return found

    assert imports("messages_en") == set()
    assert imports("messages_es") == set()
    assert imports("messages") == {"messages_en", "messages_es", "i18n"}


def test_a_missing_text_names_the_language_and_key() -> None:
    with i18n.speaking("es"), pytest.raises(KeyError, match=r"Español.*no-such-key"):
        messages.message("no-such-key")


# ---- reports in Spanish ----


@pytest.mark.parametrize(("doc", "today"), DOCUMENTS)
def test_a_spanish_report_has_the_same_codes_and_wheres(
    doc: object, today: datetime.date | None
) -> None:
    english = flexdose.check(doc, today=today)
    spanish = flexdose.check(doc, today=today, lang="es")
    assert _shape(spanish) == _shape(english)
    assert spanish["counts"] == english["counts"]
    assert spanish["valid"] == english["valid"]
    assert spanish["summary"] == english["summary"]
    for en, es in zip(english["findings"], spanish["findings"], strict=True):
        assert es["message"] != en["message"], en["message"]
        assert _english_words(es["message"]) == [], es["message"]


def _messages_by_code(lang: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for doc, today in DOCUMENTS:
        for f in flexdose.check(doc, today=today, lang=lang)["findings"]:
            found.setdefault(f["code"], set()).add(f["message"])
    return found


def test_every_code_is_produced_in_spanish() -> None:
    """The documents above reach every code, so every code is checked in Spanish."""
    assert set(_messages_by_code("es")) == set(CATALOGUE)


def test_every_message_variant_is_produced_in_spanish() -> None:
    """Every message template of the catalogue shows up in some Spanish report."""
    produced = " ".join(m for ms in _messages_by_code("es").values() for m in ms)
    unseen = []
    for key, template in messages_es.MESSAGES.items():
        # The template's longest fixed piece must appear in some message.
        pieces = re.split(r"\{\w+\}", template.replace("{{", "{").replace("}}", "}"))
        longest = max(pieces, key=len).strip()
        if longest and longest not in produced:
            unseen.append(key)
    assert unseen == []


def test_spanish_wheres_in_words_have_no_english() -> None:
    wheres = {f["where"] for doc, today in DOCUMENTS for f in flexdose.check(doc)["findings"]}
    with i18n.speaking("es"):
        spoken = {where: describe_where(where) for where in wheres | {"not a path", ""}}
    assert {w: s for w, s in spoken.items() if _english_words(s)} == {}
    assert spoken["programs.everyday[1].start"] == "hora de inicio del paso 2 del programa everyday"
    assert spoken["pump.reservoir_ml"] == "el tamaño del depósito"
    assert spoken["week.mon"] == "el lunes del plan semanal"


def test_dates_in_spanish_messages_are_spanish() -> None:
    report = flexdose.check(BASE, today=datetime.date(2027, 5, 1), lang="es")
    (message,) = [f["message"] for f in report["findings"] if f["code"] == "alarm-passed"]
    assert "domingo 25 de abril de 2027" in message
    assert "sábado 1 de mayo de 2027" in message
    assert "su equipo de ITB" in message


def test_lang_none_follows_the_current_language() -> None:
    with i18n.speaking("es"):
        inside = flexdose.check(BASE)
    assert inside == flexdose.check(BASE, lang="es")
    assert flexdose.check(BASE) == flexdose.check(BASE, lang="en")
    assert i18n.current_language() == "en"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="Unknown language"):
        flexdose.check(BASE, lang="fr")


def test_a_region_is_accepted() -> None:
    assert flexdose.check(BASE, lang="es-US") == flexdose.check(BASE, lang="es")


def test_typed_report_and_comparison_in_spanish() -> None:
    assert evaluate(BASE, lang="es") != evaluate(BASE)
    current = {"programs": {"p": [{"start": "00:00", "mcg_per_day": 100}]}}
    proposed = {"programs": {"p": [{"start": "00:00", "mcg_per_day": 900}]}}
    english, spanish = (
        evaluate_compare(current, proposed),
        evaluate_compare(current, proposed, lang="es"),
    )
    assert [(f.code, f.where) for f in spanish.findings] == [
        (f.code, f.where) for f in english.findings
    ]
    assert spanish.findings[0].message.startswith("El lunes suma 900 mcg al día")
    assert english.findings[0].message.startswith("Monday totals 900 mcg a day")
    assert flexdose.compare(current, proposed, lang="es")["findings"][0]["message"] == (
        spanish.findings[0].message
    )


def test_the_widget_entry_points_speak_spanish() -> None:
    import json

    refused = take_text("[1]", lang="es")
    assert refused["refused"].startswith("El horario debe ser un solo grupo de campos")
    report = json.loads(take_text(json.dumps(BASE), lang="es")["report"])
    assert _shape(report) == _shape(flexdose.check(BASE))
    assert unshowable_reason("", lang="es") == unshowable_reason("", lang="es-MX")
    assert unshowable_reason("").startswith("The file is empty")


# ---- files that cannot be read ----


@pytest.mark.parametrize(
    "text",
    [t for t, _ in JSON_ERRORS]
    + ["", '{"a": NaN}', '{"a": 1e400}', '{"a": 1, "a": 2}', "[" * 1000, b"\xff"],
)
def test_refusals_speak_spanish(text: str | bytes) -> None:
    with pytest.raises(flexdose.UnreadableInput) as english:
        flexdose.parse_json(text)
    with pytest.raises(flexdose.UnreadableInput) as spanish:
        flexdose.parse_json(text, lang="es")
    assert str(spanish.value) != str(english.value)
    assert _english_words(str(spanish.value)) == [], str(spanish.value)
    with pytest.raises(flexdose.UnreadableInput) as checked:
        flexdose.check_text(text, lang="es")
    assert str(checked.value) == str(spanish.value)


# ---- random documents ----


@given(st.one_of(documents(), json_values))
def test_random_documents_give_the_same_codes_and_wheres_in_both_languages(doc: object) -> None:
    english = flexdose.check(doc)
    spanish = flexdose.check(doc, lang="es")
    assert _shape(spanish) == _shape(english)
    assert spanish["counts"] == english["counts"]
    for f in spanish["findings"]:
        assert _english_words(f["message"]) == [], f["message"]


def test_the_english_word_check_finds_english() -> None:
    """The check above would catch an English sentence left in a Spanish report."""
    english = flexdose.check(BASE)["findings"]
    assert all(_english_words(f["message"]) for f in english)
    assert _english_words("El paso 2 del “program”") == []
