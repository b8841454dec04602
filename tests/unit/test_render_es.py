"""flexdose.render in Spanish: golden files, no English label left, `lang` on the root elements.

Spanish goldens live in tests/unit/golden/es/<case>.<function>.<ext> (the same helper and form as
the English ones in tests/unit/test_render.py, which stay untouched). Each Spanish report is
made inside ``speaking("es")``, as `flexdose check --lang es` makes it, so its finding messages
and safety sentences are in Spanish once the report and the safety module speak it. After an
intended change of wording:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/unit/test_render_es.py
    git diff tests/unit/golden/es/
"""

from __future__ import annotations

import copy
import datetime
import re
import string
from collections.abc import Callable
from html.parser import HTMLParser

import flexdose
import pytest
from flexdose import i18n, labels_en, labels_es, render, safety
from flexdose.compare import evaluate_compare
from flexdose.paths import describe_where
from render_helpers import assert_html_balanced, check_golden, example, parse_xml
from test_labels import SAME_IN_BOTH

# Two errors (first step not at midnight; no week with two programs) and an unknown key: the
# same document as test_render's invalid case.
INVALID_DOCUMENT = {
    "title": "Broken <plan>",
    "programs": {
        "day": [{"start": "07:00", "mcg_per_day": 500}],
        "night": [{"start": "00:00", "mcg_per_day": 600}],
    },
    "colour": "blue",
}
# Two days after with-fill's refill: the alarm is counted in days from today.
TODAY = datetime.date(2026, 11, 22)
GOLDEN_CASES = ("with-fill", "therapy-week", "invalid")


def _document(case: str) -> dict:
    return INVALID_DOCUMENT if case == "invalid" else example(case)


def _report(document: object, lang: str = "es", **kwargs: object) -> dict:
    """The report as `flexdose check --lang` makes it: inside speaking(lang)."""
    with i18n.speaking(lang):
        return flexdose.check(document, **kwargs)


def _case_report(case: str) -> dict:
    return _report(_document(case), today=TODAY if case == "with-fill" else None)


# ---- Golden files ----


@pytest.mark.parametrize("case", GOLDEN_CASES)
def test_preview(case: str) -> None:
    check_golden(f"es/{case}.preview.html", render.preview_html(_case_report(case), lang="es"))


@pytest.mark.parametrize("case", GOLDEN_CASES)
def test_print(case: str) -> None:
    check_golden(f"es/{case}.print.html", render.print_html(_case_report(case), lang="es"))


@pytest.mark.parametrize("case", GOLDEN_CASES)
def test_card(case: str) -> None:
    report = _case_report(case)
    card = render.card_html(report, document=_document(case), lang="es")
    check_golden(f"es/{case}.card.html", card)


@pytest.mark.parametrize("case", GOLDEN_CASES)
def test_text_report(case: str) -> None:
    check_golden(f"es/{case}.text_report.txt", render.text_report(_case_report(case), lang="es"))


def test_compare() -> None:
    with i18n.speaking("es"):
        comparison = flexdose.compare(example("constant"), example("day-night"))
    check_golden("es/compare.html", render.compare_html(comparison, lang="es"))


# ---- No English label in a Spanish output ----


def _variants() -> dict[str, dict]:
    """Documents that reach every branch of the labels: alarm or not, and why not."""
    docs = {name: example(name) for name in ("constant", "day-night", "therapy-week", "with-fill")}
    docs["invalid"] = INVALID_DOCUMENT
    no_drug = copy.deepcopy(example("with-fill"))
    del no_drug["drug"]
    docs["no-drug"] = no_drug
    no_fill = copy.deepcopy(example("with-fill"))
    del no_fill["fill"]
    docs["no-fill"] = no_fill
    zero = copy.deepcopy(example("with-fill"))
    for steps in zero["programs"].values():
        for step in steps:
            step["mcg_per_day"] = 0
    docs["zero"] = zero
    many = copy.deepcopy(example("with-fill"))
    many["programs"]["p3"] = [{"start": "00:00", "mcg_per_day": 12.5}]
    many["programs"]["p4"] = [{"start": "00:00", "mcg_per_day": 1}]
    many["week"] = {
        **dict.fromkeys(("mon", "fri", "sat", "sun"), "everyday"),
        "tue": "therapy",
        "wed": "p3",
        "thu": "p4",
    }
    docs["four-programs"] = many
    return docs


VARIANTS = _variants()


class _Words(HTMLParser):
    """The words a person reads or hears: text, and the titles and labels of elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.extend(
            value for name, value in attrs if name in ("aria-label", "title") and value
        )

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _words(markup: str) -> str:
    parser = _Words()
    parser.feed(markup)
    parser.close()
    return "\n".join(parser.parts)


def _not_ours(report: dict, document: object) -> list[str]:
    """Text the labels do not write: the person's own (title, program names), the report's
    finding messages and fields (flexdose.report's catalogue) and the safety sentences
    (flexdose.safety's). Longest first, so a sentence goes before a name inside it."""
    texts: list[str] = list(safety.all_sentences())
    with i18n.speaking("es"):
        for finding in report["findings"]:
            texts.append(finding["message"])
            if finding.get("where"):
                texts.append(describe_where(finding["where"]))
    if isinstance(document, dict):
        texts += [str(document.get("title", "")), *map(str, document.get("programs", {}))]
    return sorted((t for t in texts if t), key=len, reverse=True)


def _literal_fragments(template: str) -> list[str]:
    """The fixed text of a template: between its placeholders, markup removed."""
    out = []
    for literal, _, _, _ in string.Formatter().parse(template):
        for piece in re.split(r"<[^>]*>", literal):
            piece = piece.strip(" ,.:;()")
            if re.search(r"[A-Za-z]{3,}", piece):
                out.append(piece)
    return out


def _english_words() -> list[str]:
    """Every English label's fixed text but the labels Spanish writes the same ("Total",
    "mcg"), and the English day and month names (but "Mar" and "May", Spanish abbreviations too).
    """
    spanish = "\n".join(labels_es.LABELS[key] for key in SAME_IN_BOTH)
    fragments = {
        fragment
        for template in labels_en.LABELS.values()
        for fragment in _literal_fragments(template)
        if fragment not in spanish
    }
    names = [
        *i18n.weekday_names("en"),
        *i18n.weekday_short_names("en"),
        *i18n.month_names("en"),
        *i18n.month_short_names("en"),
    ]
    fragments.update(name for name in names if name not in ("Mar", "May"))
    return sorted(fragments, key=len, reverse=True)


ENGLISH_WORDS = _english_words()


def _english_left(text: str, report: dict, document: object) -> list[str]:
    for theirs in _not_ours(report, document):
        text = text.replace(theirs, " ")
    return [
        word for word in ENGLISH_WORDS if re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text)
    ]


def test_the_english_words_are_many() -> None:
    # The check below means something only if it looks for the labels' words.
    assert len(ENGLISH_WORDS) > 150
    assert "Total for the day" in ENGLISH_WORDS
    assert "Go to the field" in ENGLISH_WORDS
    assert "Wednesday" in ENGLISH_WORDS


def _spanish_outputs(document: object) -> tuple[dict, dict[str, str]]:
    report = _report(document, today=TODAY)
    out = {
        "preview": render.preview_html(report, now_minutes=600, lang="es"),
        "static preview": render.preview_html(report, where_links=False, lang="es"),
        "print": render.print_html(report, lang="es"),
        "card": render.card_html(report, document=document, lang="es"),
        "week": render.week_strip_svg(report, lang="es"),
        "totals": render.totals_html(report, lang="es"),
        "findings": render.findings_html(report, lang="es"),
    }
    programs = list(report["summary"]["programs"]) if report["valid"] else ["day"]
    for name in programs:
        out[f"chart {name}"] = render.day_chart_svg(report, name, now_minutes=600, lang="es")
        out[f"steps {name}"] = render.steps_table_html(report, name, lang="es")
        parts = render.widget_parts(report, name, now_minutes=600, weekday="mon", lang="es")
        out.update({f"part {key} {name}": value for key, value in parts.items()})
    return report, out


@pytest.mark.parametrize("case", sorted(VARIANTS))
def test_spanish_markup_has_no_english_label(case: str) -> None:
    document = VARIANTS[case]
    report, outputs = _spanish_outputs(document)
    for kind, markup in outputs.items():
        assert not _english_left(_words(markup), report, document), (case, kind)


@pytest.mark.parametrize("case", sorted(VARIANTS))
def test_spanish_text_report_has_no_english_label(case: str) -> None:
    document = VARIANTS[case]
    report = _report(document, today=TODAY)
    assert not _english_left(render.text_report(report, lang="es"), report, document)


@pytest.mark.parametrize(
    ("current", "proposed"),
    [("constant", "day-night"), ("with-fill", "therapy-week"), ("invalid", "constant")],
)
def test_spanish_comparison_has_no_english_label(current: str, proposed: str) -> None:
    documents = VARIANTS[current], VARIANTS[proposed]
    with i18n.speaking("es"):
        comparison = flexdose.compare(*documents)
    first = _report(documents[0])
    printed = render.print_html(first, comparison=comparison, lang="es")
    for markup in (render.compare_html(comparison, lang="es"), printed):
        text = _words(markup)
        for report, document in (
            (first, documents[0]),
            (comparison["current"], documents[0]),
            (comparison["proposed"], documents[1]),
        ):
            for theirs in _not_ours(report, document):
                text = text.replace(theirs, " ")
        assert not _english_left(text, first, documents[0])


def test_spanish_words_are_there() -> None:
    report = _case_report("with-fill")
    preview = _words(render.preview_html(report, now_minutes=600, lang="es"))
    for words in (
        "Total del día",
        "Plan de la semana",
        "Ritmo de la dosis (mcg por día)",
        "Hora del día",
        "Ahora",
        "Alarma de depósito bajo",
        "Fecha para rellenar",
        "Ir al campo",
        "dom 25 abr 2027",
        "de madrugada",
        "dentro de 154 días",
        "Miércoles",
    ):
        assert words in preview, words


# ---- The language of a call ----

RENDERERS: dict[str, Callable[..., object]] = {
    "day_chart_svg": lambda r, **k: render.day_chart_svg(r, "everyday", **k),
    "week_strip_svg": render.week_strip_svg,
    "steps_table_html": lambda r, **k: render.steps_table_html(r, "everyday", **k),
    "totals_html": render.totals_html,
    "findings_html": render.findings_html,
    "preview_html": render.preview_html,
    "print_html": render.print_html,
    "card_html": render.card_html,
    "text_report": render.text_report,
    "widget_parts": lambda r, **k: render.widget_parts(r, "everyday", **k),
    "compare_html": lambda r, **k: render.compare_html(
        flexdose.compare(example("constant"), example("with-fill")), **k
    ),
}
WITH_FILL = flexdose.check(example("with-fill"), today=TODAY)


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_every_renderer_takes_lang_and_english_is_the_default(name: str) -> None:
    draw = RENDERERS[name]
    english = draw(WITH_FILL)
    assert draw(WITH_FILL, lang="en") == english
    assert draw(WITH_FILL, lang=None) == english
    spanish = draw(WITH_FILL, lang="es")
    assert spanish != english
    # lang=None is the language of the call in progress; "es-US" is Spanish too.
    with i18n.speaking("es"):
        assert draw(WITH_FILL) == spanish
        assert draw(WITH_FILL, lang="en") == english
    assert draw(WITH_FILL, lang="es-US") == spanish
    assert i18n.current_language() == "en"  # nothing leaks out of a call


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_an_unknown_language_is_refused(name: str) -> None:
    with pytest.raises(ValueError, match="Unknown language 'fr'"):
        RENDERERS[name](WITH_FILL, lang="fr")
    assert i18n.current_language() == "en"


def _root(markup: str) -> dict[str, str]:
    element = parse_xml(markup)[0]
    return dict(element.attrib)


@pytest.mark.parametrize(
    "draw",
    [
        lambda **k: render.preview_html(WITH_FILL, **k),
        lambda **k: render.preview_html(flexdose.check(INVALID_DOCUMENT), **k),
        lambda **k: render.print_html(WITH_FILL, **k),
        lambda **k: render.print_html(flexdose.check(INVALID_DOCUMENT), **k),
        lambda **k: render.card_html(WITH_FILL, **k),
        lambda **k: render.day_chart_svg(WITH_FILL, "everyday", **k),
        lambda **k: render.day_chart_svg(flexdose.check(INVALID_DOCUMENT), "day", **k),
        lambda **k: render.week_strip_svg(WITH_FILL, **k),
        lambda **k: render.compare_html(
            evaluate_compare(example("constant"), example("day-night")), **k
        ),
    ],
)
def test_the_root_element_says_it_is_spanish(draw: Callable[..., str]) -> None:
    spanish = draw(lang="es")
    assert_html_balanced(spanish)
    assert _root(spanish).get("lang") == "es"
    # English output is what it was: the page's own language applies.
    assert "lang" not in _root(draw(lang="en"))


def test_a_spanish_chart_is_labelled_in_spanish() -> None:
    svg = parse_xml(render.day_chart_svg(WITH_FILL, "everyday", now_minutes=600, lang="es"))[0]
    ns = "{http://www.w3.org/2000/svg}"
    title = svg.find(f"{ns}title")
    desc = svg.find(f"{ns}desc")
    assert title is not None
    assert desc is not None
    assert title.text == "Ritmo de la dosis durante el día, programa everyday"
    assert desc.text is not None
    assert desc.text.startswith("De 00:00 a 07:00: 600 mcg por día (175 mcg en este paso).")
    assert "La línea marcada Ahora está en las 10:00" in desc.text
    tips = [t.text for t in svg.iter(f"{ns}title")]
    assert "De 00:00 a 07:00: 600 mcg por día, 175 mcg en este paso" in tips
    assert "Ahora: 10:00" in tips


def test_a_spanish_steps_table_is_named_in_spanish() -> None:
    table = render.steps_table_html(WITH_FILL, "everyday", lang="es")
    assert 'aria-label="Pasos del programa everyday"' in table
    assert "<caption>Pasos del programa <bdi" in table
    for header in ("Inicio", "Fin", "Duración", "mcg por día", "mcg por hora", "mcg en el paso"):
        assert f">{header}</th>" in table
