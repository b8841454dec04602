"""flexdose.i18n: which language a call speaks, and the names and dates of each language."""

from __future__ import annotations

import datetime
import sys
import threading

import pytest
from flexdose import i18n
from hypothesis import given
from hypothesis import strategies as st


@pytest.mark.parametrize(
    ("given_lang", "code"),
    [
        ("en", "en"),
        ("es", "es"),
        ("ES", "es"),
        ("es-US", "es"),
        ("es_MX", "es"),
        ("es-419", "es"),
        ("en-GB", "en"),
        (None, "en"),
        (" es ", "es"),
    ],
)
def test_check_language_accepts_tags_and_keeps_the_language(given_lang, code) -> None:
    assert i18n.check_language(given_lang) == code


@pytest.mark.parametrize("bad", ["fr", "", "español", 3, ["es"], "x-es"])
def test_an_unknown_language_is_refused_with_the_languages_there_are(bad) -> None:
    with pytest.raises(ValueError, match=r"Unknown language .*'en' \(English\), 'es' \(Español\)"):
        i18n.check_language(bad)


@given(st.text(max_size=12))
def test_any_text_is_a_language_or_a_clear_refusal(text: str) -> None:
    primary = text.strip().replace("_", "-").split("-")[0].lower()
    if primary in i18n.LANGUAGES:
        assert i18n.check_language(text) == primary
    else:
        with pytest.raises(ValueError, match="flexdose speaks"):
            i18n.check_language(text)


def test_speaking_sets_and_restores_the_language() -> None:
    assert i18n.current_language() == "en"
    with i18n.speaking("es-US") as lang:
        assert lang == "es"
        assert i18n.current_language() == "es"
        with i18n.speaking("en"):
            assert i18n.current_language() == "en"
        assert i18n.current_language() == "es"
    assert i18n.current_language() == "en"


@pytest.mark.skipif(sys.platform == "emscripten", reason="Pyodide cannot start threads")
def test_a_thread_does_not_hear_another_threads_language() -> None:
    seen: list[str] = []
    with i18n.speaking("es"):
        worker = threading.Thread(target=lambda: seen.append(i18n.current_language()))
        worker.start()
        worker.join()
    assert seen == ["en"]


def test_text_fills_placeholders_and_names_a_missing_text() -> None:
    catalogue = {"en": {"hi": "Hello {name}"}, "es": {"hi": "Hola {name}"}}
    with i18n.speaking("es"):
        assert i18n.text(catalogue, "hi", name="Ana") == "Hola Ana"
        with pytest.raises(KeyError, match="no Español text for 'bye'"):
            i18n.text(catalogue, "bye")
    assert i18n.placeholders("{a} and {b.c} {d[0]}") == {"a", "b", "d"}


def test_names_and_long_dates_in_both_languages() -> None:
    day = datetime.date(2027, 4, 21)
    assert i18n.fmt_long_date(day, "en") == "Wednesday 21 April 2027"
    assert i18n.fmt_long_date(day, "es") == "miércoles 21 de abril de 2027"
    for lang in i18n.LANGUAGES:
        assert len(i18n.weekday_names(lang)) == len(i18n.weekday_short_names(lang)) == 7
        assert len(i18n.month_names(lang)) == len(i18n.month_short_names(lang)) == 12
    with i18n.speaking("es"):
        assert i18n.weekday_names()[0] == "lunes"
        assert i18n.month_short_names()[8] == "sept"
