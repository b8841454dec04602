"""Every page reads at US grade 8 or below (Flesch-Kincaid over the page's prose, textstat 0.7.3).

Prose only: code, tables, navigation, the widget and the build-time previews are left out
(site_text.prose_text). Each page's grade is printed (`pytest -s` or the -ra summary shows it).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from site_text import built_pages, prose_text
from textstat_helper import load_textstat as _textstat

# The plain-language target (DOMAIN.md section E: NIH suggests below 8th grade; 6th-8th is the
# common recommendation).
MAX_GRADE = 8.0
# The Safety page is read in a hurry, often by a carer: the lower end of the range (DOMAIN.md E:
# AMA and US agencies cite grades 4-6; AAFP 5-6 or lower).
MAX_GRADE_SAFETY = 6.0
# A page with less prose than this cannot be measured fairly (the formula needs sentences).
MIN_WORDS = 40


def grade_of(html: str) -> tuple[float, int]:
    """(Flesch-Kincaid grade, word count) of a built page's prose."""
    textstat = _textstat()
    text = prose_text(html)
    return textstat.flesch_kincaid_grade(text), textstat.lexicon_count(text)


@pytest.mark.site
def test_every_page_reads_at_grade_8_or_below(built_site: Path) -> None:
    """Each page's prose scores Flesch-Kincaid grade 8 or lower; all grades are printed."""
    pages = built_pages(built_site, "en")
    assert pages, "no pages were built"
    too_hard, report = [], []
    for url, path in pages.items():
        grade, words = grade_of(path.read_text(encoding="utf-8"))
        report.append(f"  /{url:<24} grade {grade:5.1f}  ({words} words)")
        if words >= MIN_WORDS and grade > MAX_GRADE:
            too_hard.append(f"/{url} (grade {grade:.1f})")
    print("\nFlesch-Kincaid grade per page (textstat 0.7.3, prose only):\n" + "\n".join(report))
    assert not too_hard, (
        f"These pages read above grade {MAX_GRADE:g}: {', '.join(too_hard)}. "
        "Use shorter sentences and shorter words."
    )


@pytest.mark.site
def test_the_safety_page_reads_at_grade_6_or_below(built_site: Path) -> None:
    """The Safety page, sign lists and actions included (they come from flexdose.safety)."""
    grade, words = grade_of((built_site / "safety" / "index.html").read_text(encoding="utf-8"))
    print(f"\n/safety/ grade {grade:.1f} ({words} words)")
    assert words >= MIN_WORDS
    assert grade <= MAX_GRADE_SAFETY, f"the Safety page reads at grade {grade:.1f}"


def test_prose_text_leaves_out_code_tables_and_previews() -> None:
    """Only sentences count: code, tables, previews and permalinks do not reach the formula."""
    html = (
        '<article class="md-content__inner md-typeset">'
        '<h2>A heading<a class="headerlink">¶</a></h2>'
        "<p>One short line</p><pre><code>x = extraordinarily_complicated()</code></pre>"
        "<table><tr><td>Intrathecal pharmacokinetics</td></tr></table>"
        '<div class="itb-preview"><p>Totals of everything</p></div>'
        '<div data-itb-flex=""><p>Widget words</p></div><ul><li>First item</li></ul></article>'
        "<footer>Not the article</footer>"
    )
    assert prose_text(html) == "A heading. One short line. First item."


def test_dense_clinical_prose_scores_above_the_bar() -> None:
    """The measure can fail: long, technical sentences score well above grade 8."""
    dense = (
        '<article class="md-content__inner md-typeset"><p>Interruption of continuous intrathecal '
        "administration, irrespective of its mechanical, pharmacological or procedural origin, "
        "necessitates immediate multidisciplinary evaluation, because physiological decompensation "
        "characterised by hyperthermia, autonomic dysregulation and generalised hypertonicity may "
        "progress unpredictably within the subsequent seventy-two hours.</p></article>"
    )
    grade, _ = grade_of(dense)
    assert grade > MAX_GRADE


# ---- The Spanish edition: Fernández Huerta (textstat 0.7.3, Spanish syllables) ----

# Fernández Huerta's scale (DOMAIN.md E; legible.es): 90-100 very easy (grade 4), 80-90 easy
# (grade 5), 70-80 fairly easy (grade 6), 60-70 standard (grades 7-8), below 60 harder. The
# English target (grade 8; Safety grade 6) in this scale: 60 for every page, 70 for Safety.
MIN_FERNANDEZ_HUERTA = 60.0
MIN_FERNANDEZ_HUERTA_SAFETY = 70.0


def spanish_scores(html: str) -> tuple[float, float, int]:
    """(Fernández Huerta, Szigriszt-Pazos, word count) of a built Spanish page's prose."""
    textstat = _textstat()
    text = prose_text(html)
    textstat.set_lang("es")
    try:
        return (
            textstat.fernandez_huerta(text),
            textstat.szigriszt_pazos(text),
            textstat.lexicon_count(text),
        )
    finally:
        textstat.set_lang("en_US")  # textstat is one shared object: leave it as found


@pytest.mark.site
def test_every_spanish_page_reads_at_grade_8_or_below(built_site: Path) -> None:
    """Fernández Huerta >= 60 on every Spanish page (Safety >= 70); all scores are printed."""
    pages = built_pages(built_site, "es")
    assert pages, "no Spanish pages were built"
    too_hard, report = [], []
    for url, path in pages.items():
        fh, sp, words = spanish_scores(path.read_text(encoding="utf-8"))
        report.append(
            f"  /{url:<28} Fernández Huerta {fh:5.1f}  Szigriszt-Pazos {sp:5.1f}  ({words} words)"
        )
        target = MIN_FERNANDEZ_HUERTA_SAFETY if url == "es/safety/" else MIN_FERNANDEZ_HUERTA
        if words >= MIN_WORDS and fh < target:
            too_hard.append(f"/{url} ({fh:.1f} < {target:g})")
    print("\nSpanish reading ease per page (textstat 0.7.3, prose only):\n" + "\n".join(report))
    assert not too_hard, (
        f"These Spanish pages read too hard: {', '.join(too_hard)}. "
        "Use shorter sentences and shorter words."
    )


def test_dense_spanish_prose_scores_below_the_bar() -> None:
    """The Spanish measure can fail: long, technical Spanish scores below 60."""
    dense = (
        '<article class="md-content__inner md-typeset"><p>La interrupción de la administración '
        "intratecal continua, independientemente de su origen mecánico, farmacológico o "
        "procedimental, requiere una evaluación multidisciplinaria inmediata, porque la "
        "descompensación fisiológica caracterizada por hipertermia, desregulación autonómica e "
        "hipertonicidad generalizada puede progresar imprevisiblemente durante las siguientes "
        "setenta y dos horas.</p></article>"
    )
    fh, _, _ = spanish_scores(dense)
    assert fh < MIN_FERNANDEZ_HUERTA, f"dense Spanish scored {fh}"
