"""flexdose.render.print_html: the one-page printout holds every program's steps, the totals,
the refill details, the lines to fill in by hand, the safety notice and the comparison; an
invalid report prints no numbers; user text is never markup (hypothesis, as test_render_props)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import flexdose
import pytest
from flexdose import render, samples
from flexdose._fmt import esc, fmt_date, fmt_mcg, fmt_ml
from flexdose._print import DEFAULT_TITLE, HAND_FIELDS, INVALID_SENTENCE
from flexdose.numbers import fmt_part_of_day
from hypothesis import example, given
from render_helpers import ALLOWED_TAGS, assert_html_balanced, local, parse_xml
from strategies import documents
from test_render_props import PAYLOADS, user_text

# The printout is a whole section with headings: the renderer's elements plus these three.
PRINT_TAGS = ALLOWED_TAGS | {"section", "h2", "h3"}
EXAMPLE_NAMES = samples.example_names()
INVALID_DOCUMENT = {
    "title": "Broken <plan>",
    "programs": {
        "day": [{"start": "07:00", "mcg_per_day": 500}],
        "night": [{"start": "00:00", "mcg_per_day": 600}],
    },
    "fill": {"date": "2026-11-20", "time": "10:00", "volume_ml": 40},
}


def _report(name: str) -> dict:
    return flexdose.check(samples.load_example(name))


def _assert_safe_markup(markup: str) -> ET.Element:
    """Well formed as XML and HTML, one <section class="fd-print">, only the printout's own
    elements, no style or event attributes."""
    root = parse_xml(markup)
    assert_html_balanced(markup)
    (section,) = list(root)
    assert section.tag == "section"
    assert section.get("class", "").split()[0] == "fd-print"
    for element in root.iter():
        if element is root:
            continue
        assert local(element.tag) in PRINT_TAGS, element.tag
        for name in element.attrib:
            assert name != "style", element.tag
            assert not name.lower().startswith("on"), name
    assert not re.search(r"<\s*(script|style|img|iframe)", markup, re.I)
    return section


def _text(markup: str, *, without_findings: bool = False) -> str:
    """What a reader sees (text nodes; titles and descs included), whitespace collapsed."""
    root = parse_xml(markup)
    if without_findings:
        for parent in root.iter():
            for child in list(parent):
                if "fd-findings" in child.get("class", "").split():
                    parent.remove(child)
    return " ".join(" ".join(root.itertext()).split())


def _classes(markup: str) -> list[str]:
    return [c for el in parse_xml(markup).iter() for c in el.get("class", "").split()]


def _fields(markup: str) -> list[tuple[str, str]]:
    """(label, written value) of the lines to fill in by hand, in order."""
    root = parse_xml(markup)
    (fields,) = [el for el in root.iter() if "fd-print-fields" in el.get("class", "").split()]
    pairs = []
    for pair in fields:
        dt, dd = list(pair)
        pairs.append((dt.text, "".join(dd.itertext())))
    return pairs


class TestEveryExample:
    """Each shipped example prints everything a clinic reads."""

    @pytest.mark.parametrize("name", EXAMPLE_NAMES)
    def test_well_formed_and_safe(self, name: str) -> None:
        """One section, balanced, the renderer's own elements only, no style attributes."""
        _assert_safe_markup(render.print_html(_report(name)))

    @pytest.mark.parametrize("name", EXAMPLE_NAMES)
    def test_every_program_and_every_step_time(self, name: str) -> None:
        """Each program's name, its chart, and each step's start and end in its table."""
        report = _report(name)
        markup = render.print_html(report)
        text = _text(markup)
        programs = report["summary"]["programs"]
        assert _classes(markup).count("fd-print-chart") == len(programs)
        assert _classes(markup).count("fd-steps") == len(programs)
        for program, prog in programs.items():
            assert f"Program {program}" in text
            assert f"{fmt_mcg(prog['daily_mcg'])} mcg a day" in text
            for step in prog["steps"]:
                assert step["start"] in text
                assert step["end"] in text

    @pytest.mark.parametrize("name", EXAMPLE_NAMES)
    def test_the_totals(self, name: str) -> None:
        """The average day, mL per day and, when there is a fill, the alarm and refill-by."""
        summary = _report(name)["summary"]
        text = _text(render.print_html(_report(name)))
        assert f"{fmt_mcg(summary['mean_daily_mcg'])} mcg" in text
        if summary.get("ml_per_day") is not None:
            assert f"{fmt_ml(summary['ml_per_day'])} mL on an average day" in text
        if summary.get("alarm"):
            assert fmt_date(summary["alarm"]["date"]) in text
            assert fmt_part_of_day(summary["alarm"]["time"]) in text
            assert summary["alarm"]["time"] not in text
            assert f"Refill by {fmt_date(summary['refill_by'])}" in text
        else:
            assert "Low-reservoir alarm" not in text
            assert "Refill by" not in text

    @pytest.mark.parametrize("name", EXAMPLE_NAMES)
    def test_the_refill_details(self, name: str) -> None:
        """Strength and the fill (date, time, volume, alarm volume) as given, else a line to
        write on; the reservoir, which the report does not hold, is always a line."""
        summary = _report(name)["summary"]
        markup = render.print_html(_report(name))
        text = _text(markup)
        blanks = _classes(markup).count("fd-print-blank") - len(HAND_FIELDS)
        concentration = summary.get("concentration_mcg_per_ml")
        if concentration is not None:
            assert f"Strength {fmt_mcg(concentration)} mcg per mL" in text
        alarm = summary.get("alarm")
        if alarm:
            assert f"Filled on {fmt_date(alarm['fill_date'])} at {alarm['fill_time']}" in text
            assert f"Volume filled {fmt_ml(alarm['volume_ml'])} mL" in text
            assert f"Alarm volume {fmt_ml(alarm['alarm_ml'])} mL left" in text
        expected_blanks = 1 + (concentration is None) + (0 if alarm else 3)
        assert blanks == expected_blanks

    def test_the_fill_of_with_fill_is_printed(self) -> None:
        """The example with a fill: its own date, time and volume, word for word."""
        text = _text(render.print_html(_report("with-fill")))
        assert "Filled on Fri 20 Nov 2026 at 10:00" in text
        assert "Volume filled 40 mL" in text
        assert "Low-reservoir alarm Sun 25 Apr 2027" in text
        # An estimate: a date and a part of the day, no minute-exact time.
        assert "in the early morning (about 156 days after the fill)" in text
        assert "03:40" not in text
        assert "Refill by Sun 18 Apr 2027" in text

    @pytest.mark.parametrize("name", EXAMPLE_NAMES)
    def test_blank_lines_for_name_and_dates(self, name: str) -> None:
        """Name, date of birth, printed on and the clinic's phone: labelled and left empty."""
        assert _fields(render.print_html(_report(name))) == [(f, "") for f in HAND_FIELDS]

    @pytest.mark.parametrize("name", EXAMPLE_NAMES)
    def test_safety_notice_comes_before_any_dose(self, name: str) -> None:
        """The safety sentence, word for word, above the first chart."""
        markup = render.print_html(_report(name))
        safety = f'<p class="fd-safety" role="note">{esc(render.SAFETY_SENTENCE)}</p>'
        assert markup.count(safety) == 1
        assert markup.index(safety) < markup.index("<svg")

    @pytest.mark.parametrize("name", EXAMPLE_NAMES)
    def test_title_heads_the_page(self, name: str) -> None:
        """The schedule's title is the heading (else a plain one)."""
        report = _report(name)
        root = parse_xml(render.print_html(report))
        (heading,) = [el for el in root.iter() if el.tag == "h2"]
        assert "".join(heading.itertext()) == (report["summary"]["title"] or DEFAULT_TITLE)

    @pytest.mark.parametrize("name", EXAMPLE_NAMES)
    def test_week_only_with_more_than_one_program(self, name: str) -> None:
        """A week of one program would repeat the same line seven times."""
        report = _report(name)
        week = "fd-print-week-table" in _classes(render.print_html(report))
        assert week == (len(report["summary"]["programs"]) > 1)

    @pytest.mark.parametrize("name", EXAMPLE_NAMES)
    def test_only_errors_and_warnings_are_printed(self, name: str) -> None:
        """The notes repeat the safety notice; a clean schedule prints no findings list."""
        report = _report(name)
        markup = render.print_html(report)
        printed = {el.get("data-code") for el in parse_xml(markup).iter() if el.get("data-code")}
        expected = {f["code"] for f in report["findings"] if f["severity"] != "info"}
        assert printed == expected
        assert "fd-goto" not in markup


class TestComparison:
    """The comparison table is printed when there is one, and never for an invalid report."""

    def test_included_when_given(self) -> None:
        """render.compare_html's table (no field links), after the totals."""
        current, proposed = samples.load_example("therapy-week"), samples.load_example("with-fill")
        comparison = flexdose.compare(current, proposed)
        markup = render.print_html(flexdose.check(proposed), comparison=comparison)
        assert render.compare_html(comparison, where_links=False) in markup
        assert markup.index("fd-print-totals") < markup.index("fd-compare-table")
        text = _text(markup)
        assert f"Average day {fmt_mcg(comparison['mean']['current_mcg'])}" in text

    def test_absent_without_one(self) -> None:
        """No comparison given: no comparison table."""
        assert "fd-compare" not in render.print_html(_report("with-fill"))

    def test_large_change_findings_print_as_text(self) -> None:
        """A large change's warning is printed, without a field button."""
        current = samples.load_example("constant")
        proposed = {"programs": {"high": [{"start": "00:00", "mcg_per_day": 2000}]}}
        comparison = flexdose.compare(current, proposed)
        assert comparison["findings"], "the example must be a large change"
        markup = render.print_html(flexdose.check(proposed), comparison=comparison)
        for finding in comparison["findings"]:
            assert esc(finding["message"]) in markup
        assert "fd-goto" not in markup

    def test_not_printed_for_an_invalid_report(self) -> None:
        """An invalid schedule prints no comparison, so no numbers reach the page that way."""
        comparison = flexdose.compare(samples.load_example("constant"), INVALID_DOCUMENT)
        markup = render.print_html(flexdose.check(INVALID_DOCUMENT), comparison=comparison)
        assert "fd-compare" not in markup


class TestInvalidReport:
    """A schedule a pump cannot run: the findings and what to do, not one number."""

    MARKUP = render.print_html(flexdose.check(INVALID_DOCUMENT))

    def test_no_numbers_outside_the_findings(self) -> None:
        """No digit is printed except inside the findings (which quote the person's input)."""
        # The safety notice's emergency numbers (911, 112, ...) are the one exception.
        text = _text(self.MARKUP, without_findings=True).replace(render.SAFETY_SENTENCE, "")
        assert not re.search(r"\d", text), self.MARKUP

    def test_no_chart_no_table_no_totals(self) -> None:
        """Nothing drawn and nothing summed."""
        assert "<svg" not in self.MARKUP
        assert "<table" not in self.MARKUP
        assert "fd-print-totals" not in self.MARKUP
        assert "fd-print-refill" not in self.MARKUP

    def test_says_to_fix_the_errors_and_lists_them(self) -> None:
        """The sentence, the safety notice, the heading, the lines and every error."""
        text = _text(self.MARKUP)
        assert INVALID_SENTENCE in text
        assert render.SAFETY_SENTENCE in text
        assert _fields(self.MARKUP) == [(f, "") for f in HAND_FIELDS]
        report = flexdose.check(INVALID_DOCUMENT)
        for finding in report["findings"]:
            if finding["severity"] == "error":
                assert esc(finding["message"]) in self.MARKUP

    def test_the_invalid_title_is_not_printed(self) -> None:
        """An invalid report carries no summary, so the page has the plain heading."""
        assert f"<bdi>{DEFAULT_TITLE}</bdi>" in self.MARKUP
        assert "Broken" not in self.MARKUP

    @pytest.mark.parametrize("report", [None, [], {}, {"valid": True}, {"valid": False}])
    def test_not_a_report_prints_no_numbers(self, report) -> None:
        """Anything that is not a valid report prints like an invalid one."""
        markup = render.print_html(report)
        _assert_safe_markup(markup)
        assert INVALID_SENTENCE in markup
        assert not re.search(r"\d", _text(markup).replace(render.SAFETY_SENTENCE, ""))


class TestIds:
    """Ids start with id_prefix, so the live widget's chart and its printout never clash."""

    def test_ids_carry_the_prefix_and_resolve(self) -> None:
        """Every id starts with the prefix; every aria-labelledby points at one of them."""
        markup = render.print_html(_report("with-fill"), id_prefix="w1p")
        root = parse_xml(markup)
        ids = [el.get("id") for el in root.iter() if el.get("id")]
        assert ids
        assert len(ids) == len(set(ids))
        assert all(i.startswith("w1p-") for i in ids)
        for el in root.iter():
            for ref in (el.get("aria-labelledby") or "").split():
                assert ref in ids

    def test_unique_beside_the_preview(self) -> None:
        """The preview (prefix fd) and the printout (default prefix) on one page."""
        report = _report("therapy-week")
        page = render.preview_html(report) + render.print_html(report)
        ids = [el.get("id") for el in parse_xml(page).iter() if el.get("id")]
        assert len(ids) == len(set(ids))

    @pytest.mark.parametrize("prefix", ["", "1a", "a b", "a\"'", "x" * 42])
    def test_unsafe_prefix_is_refused(self, prefix: str) -> None:
        """The same rule as every other render function."""
        with pytest.raises(ValueError, match="id_prefix"):
            render.print_html(_report("constant"), id_prefix=prefix)


def _document(name: str, title: str) -> dict:
    return {
        "title": title,
        "drug": {"concentration_mcg_per_ml": 2000},
        "fill": {"date": "2026-11-20", "time": "10:00", "volume_ml": 40},
        "programs": {
            name: [{"start": "00:00", "mcg_per_day": 600}, {"start": "07:00", "mcg_per_day": 400}],
            "other": [{"start": "00:00", "mcg_per_day": 500}],
        },
        "week": dict.fromkeys(("mon", "tue", "wed", "thu", "fri", "sat"), name) | {"sun": "other"},
    }


@given(name=user_text, title=user_text)
@example(name="<script>alert(1)</script>", title='"><img src=x onerror=alert(1)>')
def test_user_text_is_always_escaped(name: str, title: str) -> None:
    """Markup typed into a program name or the title never reaches the printout as markup."""
    document = _document(name, title)
    comparison = flexdose.compare(samples.load_example("therapy-week"), document)
    markup = render.print_html(flexdose.check(document), comparison=comparison)
    _assert_safe_markup(markup)
    for payload in PAYLOADS:
        if payload in (name, title) and set(payload) & set("<>&\"'"):
            assert payload not in markup


@given(documents())
def test_any_document_prints_well_formed_without_style(doc: dict) -> None:
    """Whatever check makes of a document, the printout parses and carries no style; an
    invalid one shows no number outside its findings."""
    report = flexdose.check(doc)
    markup = render.print_html(report)
    _assert_safe_markup(markup)
    if not report["valid"]:
        text = _text(markup, without_findings=True).replace(render.SAFETY_SENTENCE, "")
        assert not re.search(r"\d", text)
