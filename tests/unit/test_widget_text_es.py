"""The live widget's words in Spanish: every label, message, hint, start-up sentence, form
choice, example description and clock message has a Spanish text with the English one's
{placeholders}; `form_spec(lang)` differs from English in words only."""

from __future__ import annotations

import re

import flexdose
import pytest
from flexdose import clock, form, i18n, safety_es, samples, widget_text, widget_text_es
from flexdose.clock import how_to_write, parse_clock
from flexdose.model import WEEKDAYS
from flexdose.units import RATE_UNITS
from hypothesis import given
from strategies import clock_texts

TABLES = ("labels", "messages", "hints", "startup")
ENGLISH = {"labels": "LABELS", "messages": "MESSAGES", "hints": "HINTS", "startup": "STARTUP"}
EN_SPEC = form.form_spec("en")
ES_SPEC = form.form_spec("es")
# English fragments never in a Spanish sentence (proper names such as "web workers", "Enter"
# and "true, false" are not in this list).
ENGLISH_WORDS = re.compile(r"\b(?:the|and|your|call|team|with|of|is|to)\b", re.IGNORECASE)
# A statement of what to do now, in Spanish (the widget's own words state none: they come from
# flexdose.safety_es, as tests/site/test_safety_voice.py requires in English).
SPANISH_ACTIONS = (
    r"\b(?:911|112|999)\b",
    r"(?:sala|servicio|número) de emergencias?",
    r"\bllam\w* (?:a |al )?(?:su |el |la )?(?:equipo|médic|clínica|enfermer|doctor)",
    r"\bvaya (?:a|al) (?:la |el )?(?:sala|hospital|emergencia)",
)
SPANISH_SIGNS = tuple(term for sign in safety_es.SIGNS for term in sign.terms)


def _all_spanish_widget_texts() -> list[tuple[str, str]]:
    out = [
        (f"{table}[{key!r}]", text)
        for table in TABLES
        for key, text in getattr(widget_text, table)("es").items()
    ]
    out += [(f"clock[{key!r}]", text) for key, text in clock.MESSAGES["es"].items()]
    out += [(f"example {k}", v) for k, v in samples.example_labels("es").items()]
    out += [(f"choice {k}", label) for k, c in ES_SPEC["choices"].items() for _, label in c]
    out.append(("alarm_hint", widget_text_es.ALARM_HINT))
    return out


class TestEveryTextHasSpanish:
    """Same keys, same placeholders, nothing empty."""

    @pytest.mark.parametrize("table", TABLES)
    def test_same_keys_and_placeholders(self, table: str) -> None:
        english = getattr(widget_text, ENGLISH[table])
        spanish = getattr(widget_text_es, ENGLISH[table])
        assert list(spanish) == list(english), f"{table}: keys differ"
        for key, text in english.items():
            assert spanish[key].strip(), f"{table}[{key!r}] has no Spanish text"
            assert i18n.placeholders(spanish[key]) == i18n.placeholders(text), (table, key)

    def test_the_alarm_hint(self) -> None:
        assert i18n.placeholders(widget_text_es.ALARM_HINT) == i18n.placeholders(
            widget_text.ALARM_HINT
        )
        assert widget_text.alarm_hint("2") == "Usually 2 mL; see your pump's card."
        assert (
            widget_text.alarm_hint("2", "es") == "Por lo general, 2 mL; vea la tarjeta de su bomba."
        )

    def test_the_clock_messages(self) -> None:
        english, spanish = clock.MESSAGES["en"], clock.MESSAGES["es"]
        assert list(spanish) == list(english)
        for key, text in english.items():
            assert spanish[key].strip(), key
            assert spanish[key] != text, key
            assert i18n.placeholders(spanish[key]) == i18n.placeholders(text), key
        assert english["how_to_write"] == clock.HOW_TO_WRITE

    def test_example_descriptions(self) -> None:
        assert list(samples.example_labels("es")) == list(samples.EXAMPLE_LABELS)
        assert set(samples.EXAMPLE_LABELS_ES) == set(samples.example_names())
        for name, text in samples.EXAMPLE_LABELS.items():
            assert samples.EXAMPLE_LABELS_ES[name] != text, name

    @pytest.mark.parametrize(("where", "text"), _all_spanish_widget_texts())
    def test_no_english_words_are_left(self, where: str, text: str) -> None:
        assert not ENGLISH_WORDS.findall(text), f"{where}: {text!r}"

    @pytest.mark.parametrize(("where", "text"), _all_spanish_widget_texts())
    def test_no_sign_or_action_of_their_own(self, where: str, text: str) -> None:
        """What to do now is flexdose.safety_es's alone."""
        lowered = text.lower()
        for pattern in SPANISH_ACTIONS + SPANISH_SIGNS:
            assert not re.search(pattern, lowered), (where, pattern, text)


class TestTheFunctions:
    """labels(lang) and friends: English by default, the current language for None, copies."""

    @pytest.mark.parametrize("table", TABLES)
    def test_english_by_default(self, table: str) -> None:
        assert getattr(widget_text, table)() == getattr(widget_text, ENGLISH[table])
        assert getattr(widget_text, table)("en") == getattr(widget_text, ENGLISH[table])
        assert getattr(widget_text, table)("es-US") == getattr(widget_text_es, ENGLISH[table])

    def test_none_is_the_current_language(self) -> None:
        with i18n.speaking("es"):
            assert widget_text.labels() == widget_text_es.LABELS
            assert widget_text.labels("en") == widget_text.LABELS

    def test_a_copy_each_time(self) -> None:
        got = widget_text.labels("es")
        got["ready"] = "changed"
        assert widget_text.labels("es")["ready"] == widget_text_es.LABELS["ready"]

    def test_an_unknown_language_is_refused(self) -> None:
        with pytest.raises(ValueError, match="Unknown language"):
            widget_text.labels("de")


class TestFormSpecInSpanish:
    """Same keys, values, limits and order as English; only the words differ."""

    def test_english_is_unchanged(self) -> None:
        assert form.form_spec() == EN_SPEC
        assert EN_SPEC["weekdays"][0] == ["mon", "Monday"]
        assert EN_SPEC["hints"]["alarm_ml"] == "Usually 2 mL; see your pump's card."

    def test_none_is_the_current_language(self) -> None:
        with i18n.speaking("es"):
            assert form.form_spec() == ES_SPEC
        assert form.form_spec() == EN_SPEC

    def test_the_same_shape(self) -> None:
        assert set(ES_SPEC) == set(EN_SPEC)
        for key in ("limits", "reservoir_sizes_ml", "default_alarm_ml", "steps"):
            assert ES_SPEC[key] == EN_SPEC[key], key
        for group in ("labels", "messages", "hints", "examples"):
            assert list(ES_SPEC[group]) == list(EN_SPEC[group]), group
        for key, choices in EN_SPEC["choices"].items():
            assert [v for v, _ in ES_SPEC["choices"][key]] == [v for v, _ in choices], key
        assert [k for k, _ in ES_SPEC["weekdays"]] == list(WEEKDAYS)
        assert tuple(k for k, _ in ES_SPEC["units"]) == RATE_UNITS

    def test_the_words_are_spanish(self) -> None:
        assert ES_SPEC["weekdays"][0] == ["mon", "Lunes"]
        assert ES_SPEC["weekdays"][2] == ["wed", "Miércoles"]
        assert ES_SPEC["units"] == [["mcg_per_day", "mcg/día"], ["mcg_per_hour", "mcg/hora"]]
        assert ES_SPEC["hints"]["alarm_ml"] == "Por lo general, 2 mL; vea la tarjeta de su bomba."
        assert ES_SPEC["labels"]["not_given"] == "No indicado"
        assert ES_SPEC["examples"]["constant"] == "La misma dosis todo el día"
        for key, choices in EN_SPEC["choices"].items():
            for (value, english), (_, spanish) in zip(
                choices, ES_SPEC["choices"][key], strict=True
            ):
                assert spanish.strip(), (key, value)
                assert spanish != english, (key, value)

    def test_placeholders_are_the_englishs(self) -> None:
        for group in ("labels", "messages", "hints"):
            for key, text in EN_SPEC[group].items():
                spanish = ES_SPEC[group][key]
                assert i18n.placeholders(spanish) == i18n.placeholders(text), (group, key)

    def test_the_spanish_blank_program_is_accepted(self) -> None:
        step = [{"start": "00:00", "mcg_per_day": 500}]
        assert flexdose.check({"programs": {ES_SPEC["blank_program"]: step}})["valid"]

    def test_step_limit_message_fills_in(self) -> None:
        text = ES_SPEC["messages"]["steps_full"].format(n=13, max=ES_SPEC["limits"]["max_steps"])
        assert "13 pasos" in text


class TestClockInSpanish:
    """parse_clock(lang="es"): the same answers, the refusals worded in Spanish."""

    @pytest.mark.parametrize(
        ("typed", "says"),
        [
            ("", "todavía no hay ninguna hora"),
            ("abc", "“abc” no es una hora"),
            ("25:00", "no existe la hora 25"),
            ("24:00", "24:00 es el final del día"),
            ("12:60", "Los minutos van de 00 a 59"),
            ("1:5", "podría ser 01:05 o 01:50"),
            ("21:", "faltan los minutos"),
            ("21:000", "demasiados dígitos"),
            ("12345", "demasiados dígitos"),
            ("13 pm", "la hora va de 1 a 12"),
            ("x" * 13, "demasiado largo"),
        ],
    )
    def test_refusal_in_spanish(self, typed: str, says: str) -> None:
        result = parse_clock(typed, lang="es")
        assert set(result) == {"error"}
        assert says in result["error"]
        assert result["error"].endswith(how_to_write("es"))

    def test_english_by_default_and_in_speaking(self) -> None:
        assert parse_clock("abc")["error"].endswith(clock.HOW_TO_WRITE)
        assert how_to_write() == clock.HOW_TO_WRITE
        with i18n.speaking("es"):
            assert parse_clock("abc")["error"].endswith(how_to_write("es"))
            assert parse_clock("abc", lang="en")["error"].endswith(clock.HOW_TO_WRITE)

    @pytest.mark.parametrize(
        ("typed", "value"),
        [("9 p. m.", "21:00"), ("12:30 a. m.", "00:30"), ("7 a. m.", "07:00"), ("9 p.m.", "21:00")],
    )
    def test_spanish_am_pm_is_read(self, typed: str, value: str) -> None:
        """Spanish writes "a. m." and "p. m." with a space; read in either language."""
        assert parse_clock(typed, lang="es") == {"value": value}
        assert parse_clock(typed) == {"value": value}

    @given(clock_texts)
    def test_the_same_answer_in_both_languages(self, text: str) -> None:
        """The language changes the words of a refusal, never whether a time is read."""
        english, spanish = parse_clock(text), parse_clock(text, lang="es")
        assert set(english) == set(spanish)
        if "value" in english:
            assert english == spanish
        else:
            assert spanish["error"].endswith(how_to_write("es"))


def test_every_example_has_a_spanish_title_and_keeps_its_data() -> None:
    from flexdose import samples

    for name in samples.example_names():
        document = samples.load_example(name)
        spanish = samples.in_language(document, "es")
        assert spanish["title"] != document["title"], name
        assert {k: v for k, v in spanish.items() if k != "title"} == {
            k: v for k, v in document.items() if k != "title"
        }
        assert samples.in_language(document, "en") is document
    assert samples.in_language({"title": "My own"}, "es") == {"title": "My own"}


def test_the_static_status_line_has_spanish() -> None:
    from flexdose import widget_text

    assert widget_text.static_note("en") == widget_text.STATIC_NOTE
    spanish = widget_text.static_note("es")
    assert spanish != widget_text.STATIC_NOTE
    assert not re.search(r"\b(the|and|this|page)\b", spanish)
