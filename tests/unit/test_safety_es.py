"""flexdose.safety in Spanish (flexdose.safety_es): the same structure as the English module,
every word translated, no English left, and `in_language` / `current` give the right one."""

from __future__ import annotations

import re

import pytest
from flexdose import i18n, safety, safety_es

ES = safety.in_language("es")

# Short English words that are never Spanish: one of them in a Spanish safety sentence is an
# English fragment left untranslated.
ENGLISH_WORDS = re.compile(
    r"\b(?:the|and|your|you|call|team|pump|with|or|if|not|of|is|to|for|signs?|emergency)\b",
    re.IGNORECASE,
)
# "tú" and "vosotros" forms: the Spanish edition says "usted" (and "su", never "tu").
INFORMAL = re.compile(r"\b(?:tú|tu|tus|ti|vosotros|vosotras|os|llama|ve)\b", re.IGNORECASE)
PLACEHOLDER = re.compile(r"[{}]")
# Words that are the same in both languages (a country's name).
SAME_IN_BOTH = {"number 000"}


def _spanish_texts() -> list[tuple[str, str]]:
    """(where, text) for every word the Spanish module holds, names and sounds included."""
    out: list[tuple[str, str]] = [
        ("TEAM", ES.TEAM),
        ("TEAM_MEANING", ES.TEAM_MEANING),
        ("EMERGENCY_NUMBER", ES.EMERGENCY_NUMBER),
        ("BANNER_LINK", ES.BANNER_LINK),
    ]
    out += [(f"all_sentences[{i}]", text) for i, text in enumerate(ES.all_sentences())]
    out += [(f"condition {c.key}", c.name) for c in ES.CONDITIONS]
    out += [(f"brief {s.key}", s.brief) for s in ES.SIGNS if s.brief]
    out += [(f"alarm {a.key}", a.sound) for a in ES.ALARMS]
    out += [(f"number {n}", where) for n, where in ES.EMERGENCY_NUMBERS]
    return out


def _pairs() -> list[tuple[str, str, str]]:
    """(where, English, Spanish) for every word of the two modules, in the same place."""
    pairs = [
        ("TEAM", safety.TEAM, ES.TEAM),
        ("TEAM_MEANING", safety.TEAM_MEANING, ES.TEAM_MEANING),
        ("EMERGENCY_NUMBER", safety.EMERGENCY_NUMBER, ES.EMERGENCY_NUMBER),
        ("FRAMING", safety.FRAMING, ES.FRAMING),
        ("ACT_NOW", safety.ACT_NOW, ES.ACT_NOW),
        ("NOTICE", safety.NOTICE, ES.NOTICE),
        ("REPORT_CLOSING", safety.REPORT_CLOSING, ES.REPORT_CLOSING),
        ("BANNER", safety.BANNER, ES.BANNER),
        ("BANNER_MORE", safety.BANNER_MORE, ES.BANNER_MORE),
        ("BANNER_LINK", safety.BANNER_LINK, ES.BANNER_LINK),
    ]
    for en, es in zip(safety.TIERS, ES.TIERS, strict=True):
        for field in ("name", "heading", "action", "if_unreachable"):
            pairs.append((f"tier {en.key}.{field}", getattr(en, field), getattr(es, field)))
    for en_c, es_c in zip(safety.CONDITIONS, ES.CONDITIONS, strict=True):
        pairs.append((f"condition {en_c.key}", en_c.name, es_c.name))
    for en_s, es_s in zip(safety.SIGNS, ES.SIGNS, strict=True):
        pairs.append((f"sign {en_s.key}.text", en_s.text, es_s.text))
        if en_s.brief:
            pairs.append((f"sign {en_s.key}.brief", en_s.brief, es_s.brief))
    for en_a, es_a in zip(safety.ALARMS, ES.ALARMS, strict=True):
        pairs.append((f"alarm {en_a.key}.sound", en_a.sound, es_a.sound))
        pairs.append((f"alarm {en_a.key}.means", en_a.means, es_a.means))
    for i, (en_r, es_r) in enumerate(zip(safety.SURGERY_RISKS, ES.SURGERY_RISKS, strict=True)):
        pairs.append((f"SURGERY_RISKS[{i}]", en_r, es_r))
    for name in ("WHILE_WAITING", "TELL_STAFF"):
        english, spanish = getattr(safety, name), getattr(ES, name)
        for i, ((en_t, _), (es_t, _)) in enumerate(zip(english, spanish, strict=True)):
            pairs.append((f"{name}[{i}]", en_t, es_t))
    for (number, en_w), (_, es_w) in zip(
        safety.EMERGENCY_NUMBERS, ES.EMERGENCY_NUMBERS, strict=True
    ):
        pairs.append((f"number {number}", en_w, es_w))
    return pairs


class TestChoosingTheLanguage:
    """in_language and current give the module of a language; English stays the module."""

    def test_english_is_the_module_itself(self) -> None:
        assert safety.in_language("en") is safety
        assert safety.in_language("EN-us") is safety
        assert safety.current() is safety

    def test_spanish_is_the_mirror(self) -> None:
        assert ES is safety_es
        assert safety.in_language("es-US") is safety_es
        assert safety.in_language("es_419") is safety_es

    def test_none_and_current_follow_the_call_in_progress(self) -> None:
        with i18n.speaking("es"):
            assert safety.current() is safety_es
            assert safety.in_language(None) is safety_es
            assert safety.in_language("en") is safety
        assert safety.current() is safety

    def test_an_unknown_language_is_refused(self) -> None:
        with pytest.raises(ValueError, match="Unknown language"):
            safety.in_language("fr")

    def test_the_english_words_are_unchanged(self) -> None:
        """The two banner texts the template needs, and the banner itself."""
        assert (
            safety.BANNER_MORE == "This site is education only. It never programs or reads a pump."
        )
        assert safety.BANNER_LINK == "Warning signs"
        assert safety.BANNER == (
            "Emergency? Call your local emergency number (911 in the US and Canada, 112 in the "
            "EU, 999 in the UK, 000 in Australia), then your ITB team."
        )
        assert safety.BANNER_MORE in safety.all_sentences()


class TestSameStructure:
    """Only the words differ: ids, tiers, conditions, sources, counts and order are English's."""

    def test_every_public_name_is_there(self) -> None:
        own = {"in_language", "current", "SafetyText"}
        missing = [name for name in safety.__all__ if name not in own and not hasattr(ES, name)]
        assert not missing
        assert set(safety_es.__all__) == set(safety.__all__) - own

    def test_the_source_marker_is_the_same(self) -> None:
        assert ES.GENERAL == safety.GENERAL

    def test_tiers(self) -> None:
        assert [(t.key, t.basis) for t in ES.TIERS] == [(t.key, t.basis) for t in safety.TIERS]

    def test_conditions(self) -> None:
        assert [c.key for c in ES.CONDITIONS] == [c.key for c in safety.CONDITIONS]

    def test_signs(self) -> None:
        """Same keys in the same order, each with the English conditions, tier and sources."""

        def shape(signs: tuple[safety.Sign, ...]) -> list[tuple[object, ...]]:
            return [(s.key, s.conditions, s.tier, s.sources, bool(s.brief)) for s in signs]

        assert shape(ES.SIGNS) == shape(safety.SIGNS)
        for english, spanish in zip(safety.SIGNS, ES.SIGNS, strict=True):
            assert spanish.terms, f"{spanish.key} has no Spanish terms"
            assert spanish.terms != english.terms, f"{spanish.key} has the English terms"

    @pytest.mark.parametrize("condition", [None, *(c.key for c in safety.CONDITIONS)])
    @pytest.mark.parametrize("tier_key", [None, *(t.key for t in safety.TIERS)])
    def test_signs_for_picks_the_same_signs(
        self, condition: str | None, tier_key: str | None
    ) -> None:
        english = [s.key for s in safety.signs_for(condition, tier_key)]
        assert [s.key for s in ES.signs_for(condition, tier_key)] == english

    def test_tier_lookup(self) -> None:
        for t in safety.TIERS:
            assert ES.tier(t.key).key == t.key
        with pytest.raises(KeyError):
            ES.tier("later")

    def test_alarms(self) -> None:
        def shape(alarms: tuple[safety.Alarm, ...]) -> list[tuple[object, ...]]:
            return [(a.key, a.tier, a.sources) for a in alarms]

        assert shape(ES.ALARMS) == shape(safety.ALARMS)

    def test_carer_and_staff_sentences_keep_their_sources(self) -> None:
        for name in ("WHILE_WAITING", "TELL_STAFF"):
            english, spanish = getattr(safety, name), getattr(ES, name)
            assert [s for _, s in spanish] == [s for _, s in english], name

    def test_counts(self) -> None:
        assert len(ES.SURGERY_RISKS) == len(safety.SURGERY_RISKS)
        assert len(ES.all_sentences()) == len(safety.all_sentences())
        assert [n for n, _ in ES.EMERGENCY_NUMBERS] == [n for n, _ in safety.EMERGENCY_NUMBERS]

    def test_a_missing_sentence_is_refused_by_name(self) -> None:
        """The Spanish list must have one sentence per English one."""
        with pytest.raises(ValueError, match="WHILE_WAITING has 1 sentences"):
            safety_es._with_sources(safety.WHILE_WAITING, ("Una.",), "WHILE_WAITING")


class TestEveryWordIsSpanish:
    """Each English word has its own Spanish word, and no English is left in it."""

    @pytest.mark.parametrize(("where", "english", "spanish"), _pairs())
    def test_each_text_is_translated(self, where: str, english: str, spanish: str) -> None:
        """Not empty, not the English text, and the same {placeholders} (none, in safety)."""
        assert spanish.strip(), f"{where} has no Spanish text"
        assert spanish != english or where in SAME_IN_BOTH, f"{where} is still the English text"
        assert i18n.placeholders(spanish) == i18n.placeholders(english), where
        assert not PLACEHOLDER.search(spanish), where

    @pytest.mark.parametrize(("where", "text"), _spanish_texts())
    def test_no_english_words_are_left(self, where: str, text: str) -> None:
        found = ENGLISH_WORDS.findall(text)
        assert not found, f"{where}: English {found} in {text!r}"

    @pytest.mark.parametrize(("where", "text"), _spanish_texts())
    def test_it_says_usted(self, where: str, text: str) -> None:
        found = INFORMAL.findall(text)
        assert not found, f"{where}: {found} in {text!r}"

    def test_the_sentences_are_unique(self) -> None:
        texts = [s.text for s in ES.SIGNS]
        assert len(texts) == len(set(texts))


class TestTheSpanishVoice:
    """The same rules the English module keeps (tests/site/test_safety_voice.py), in Spanish."""

    def test_llame_al_911(self) -> None:
        """US patient materials say "llame al 911"; every action that names it names it so."""
        assert ES.EMERGENCY_NUMBER.startswith("911 (")
        assert "llame al 911" in ES.BANNER.lower()
        assert "llame ahora al 911" in ES.tier("emergency").action.lower()
        for t in ES.TIERS:
            assert "911" not in t.action or ES.EMERGENCY_NUMBER in t.action
            assert "911" not in t.if_unreachable or ES.EMERGENCY_NUMBER in t.if_unreachable
        for number, where in safety.EMERGENCY_NUMBERS[1:]:
            assert number in ES.EMERGENCY_NUMBER, where

    def test_the_team_is_named_one_way(self) -> None:
        assert ES.TEAM == "su equipo de ITB"
        assert ES.TEAM in ES.FRAMING
        assert ES.TEAM in ES.BANNER
        assert ES.TEAM in ES.tier("urgent").action

    def test_the_notice_and_closing_end_with_what_to_do_now(self) -> None:
        assert ES.NOTICE.endswith(ES.ACT_NOW)
        assert ES.REPORT_CLOSING.endswith(ES.ACT_NOW)
        for sign in ES.signs_for(tier_key="emergency"):
            if sign.brief:
                assert sign.brief in ES.ACT_NOW, sign.key

    def test_each_sign_is_found_by_its_terms(self) -> None:
        """Lower-case terms, each finding its own sign's text."""
        for sign in ES.SIGNS:
            for term in sign.terms:
                assert term == term.lower(), (sign.key, term)
                re.compile(term)
            assert any(re.search(term, sign.text.lower()) for term in sign.terms), sign.key

    def test_no_term_finds_another_sign(self) -> None:
        """As in English: one sign, one set of words, so a page's sign finds one tier."""
        for sign in ES.SIGNS:
            others = [o for o in ES.SIGNS if o is not sign]
            for term in sign.terms:
                clash = [o.key for o in others if re.search(term, o.text.lower())]
                assert not clash, f"{sign.key}'s term {term!r} also finds {clash}"

    def test_the_framing_never_talks_about_changing_a_dose(self) -> None:
        """A picture to discuss, never an instruction about the dose."""
        for sentence in ES.all_sentences():
            assert not re.search(
                r"\b(?:cambie|suba|baje|aumente|reduzca) (?:la|su) dosis", sentence
            )
