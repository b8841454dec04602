"""flexdose.render.card_html: the fold-out wallet and emergency card holds flexdose.safety's own
sentences, the doses the totals state, the lines to fill in by hand; an invalid report prints no
doses; user text is never markup; the CLI writes the same card (render --card)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import flexdose
import pytest
from flexdose import render, safety, samples
from flexdose._card import (
    ACT_HEADING,
    CARD_HEADING,
    HAND_LINES,
    MAX_DOSE_LINES,
    TELL_HEADING,
)
from flexdose._fmt import fmt_date, fmt_mcg, fmt_ml
from flexdose._print import INVALID_SENTENCE
from render_helpers import ALLOWED_TAGS, assert_html_balanced, local, parse_xml
from test_render_props import PAYLOADS

CARD_TAGS = ALLOWED_TAGS | {"section", "h2", "h3"}
EXAMPLE_NAMES = samples.example_names()
INVALID_DOCUMENT = {
    "title": "Broken <plan>",
    "pump": {"reservoir_ml": 40},
    "drug": {"concentration_mcg_per_ml": 2000},
    "programs": {"day": [{"start": "07:00", "mcg_per_day": 500}]},
    "fill": {"date": "2026-11-20", "time": "10:00", "volume_ml": 40},
}
THREE_PROGRAMS = {
    "programs": {
        name: [{"start": "00:00", "mcg_per_day": 100.5 + i}]
        for i, name in enumerate(("rest", "work", "sport"))
    },
    "week": dict(
        zip(
            ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
            ["rest", "work"] * 3 + ["sport"],
            strict=True,
        )
    ),
}


def _card(document: object, **kwargs) -> str:
    return render.card_html(flexdose.check(document), document=document, **kwargs)


def _example(name: str) -> tuple[dict, str]:
    document = samples.load_example(name)
    return flexdose.check(document), _card(document)


def _panel(markup: str, kind: str) -> ET.Element:
    (panel,) = [
        el for el in parse_xml(markup).iter() if f"fd-card-{kind}" in el.get("class", "").split()
    ]
    return panel


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _items(element: ET.Element) -> list[str]:
    return [_text(li) for li in element.iter("li")]


def _facts(markup: str) -> dict[str, str]:
    """The pump and dose panel's (label, value) pairs."""
    panel = _panel(markup, "dose")
    pairs = {}
    for pair in panel.iter("div"):
        if "fd-card-pair" in pair.get("class", "").split():
            dt, dd = list(pair)
            lines = [_text(s) for s in dd if s.get("class") == "fd-card-dose-line"]
            pairs[dt.text] = " | ".join(lines) if lines else _text(dd)
    return pairs


class TestMarkup:
    @pytest.mark.parametrize("name", EXAMPLE_NAMES)
    def test_the_card_is_one_section_of_safe_markup(self, name: str) -> None:
        """One <section class="fd-card">, only the renderer's elements, no style or event
        attributes, well formed as XML and as HTML."""
        _, markup = _example(name)
        root = parse_xml(markup)
        assert_html_balanced(markup)
        (section,) = list(root)
        assert section.tag == "section"
        assert section.get("class", "").split()[0] == "fd-card"
        for element in root.iter():
            if element is root:
                continue
            assert local(element.tag) in CARD_TAGS, element.tag
            for attr in element.attrib:
                assert attr != "style", element.tag
                assert not attr.lower().startswith("on"), attr
            for css_class in element.get("class", "").split():
                assert css_class.startswith("fd-"), css_class
        assert not re.search(r"<\s*(script|style|img|iframe)", markup, re.I)

    def test_six_panels_front_then_back(self) -> None:
        _, markup = _example("with-fill")
        root = parse_xml(markup)
        sides = [el for el in root.iter("div") if "fd-card-side" in el.get("class", "").split()]
        assert [s.get("class") for s in sides] == [
            "fd-card-side fd-card-front",
            "fd-card-side fd-card-back",
        ]
        kinds = [[p.get("class").split()[1] for p in side] for side in sides]
        assert kinds == [
            ["fd-card-cover", "fd-card-dose", "fd-card-tell"],
            ["fd-card-emergency", "fd-card-act", "fd-card-urgent"],
        ]

    def test_ids_start_with_the_prefix_and_label_their_panel(self) -> None:
        _, markup = _example("therapy-week")
        other = _card(samples.load_example("therapy-week"), id_prefix="w2c")
        for card, prefix in ((markup, "fdc"), (other, "w2c")):
            root = parse_xml(card)
            ids = [el.get("id") for el in root.iter() if el.get("id")]
            assert ids
            assert all(i.startswith(f"{prefix}-") for i in ids)
            assert len(ids) == len(set(ids))
            labelled = [
                el.get("aria-labelledby") for el in root.iter() if el.get("aria-labelledby")
            ]
            assert sorted(labelled) == sorted(ids)

    @pytest.mark.parametrize("bad", ["", "1abc", "a b", "x" * 50, None])
    def test_an_unsafe_id_prefix_is_refused(self, bad: object) -> None:
        with pytest.raises(ValueError, match="id_prefix"):
            render.card_html(flexdose.check(samples.load_example("constant")), id_prefix=bad)


class TestSafetySide:
    @pytest.mark.parametrize("document", [samples.load_example("with-fill"), INVALID_DOCUMENT])
    def test_every_safety_sentence_is_the_modules_own(self, document: dict) -> None:
        """The signs, actions and what to tell staff: each list item and paragraph on the
        safety panels equals one of flexdose.safety's sentences, whole, in its order."""
        markup = _card(document)
        emergency, urgent = safety.tier("emergency"), safety.tier("urgent")
        signs = _panel(markup, "emergency")
        assert _text(signs.find("h3")) == emergency.name
        assert _items(signs) == [s.text for s in safety.signs_for(tier_key="emergency")]
        act = _panel(markup, "act")
        assert _text(act.find("h3")) == ACT_HEADING
        assert [_text(p) for p in act.iter("p")] == [emergency.action, emergency.if_unreachable]
        urgent_panel = _panel(markup, "urgent")
        assert _text(urgent_panel.find("h3")) == urgent.name
        assert _items(urgent_panel) == [s.text for s in safety.signs_for(tier_key="urgent")]
        assert [_text(p) for p in urgent_panel.iter("p")] == [urgent.action]
        tell = _panel(markup, "tell")
        assert _text(tell.find("h3")) == TELL_HEADING
        assert _items(tell) == [text for text, _ in safety.TELL_STAFF]

    @pytest.mark.parametrize("name", EXAMPLE_NAMES)
    def test_no_other_sentence_names_a_sign_or_an_action(self, name: str) -> None:
        """With the module's sentences taken out, no sign's words and no call or emergency
        wording is left (as tests/site/test_safety_voice.py reads every output)."""
        _, markup = _example(name)
        text = _text(parse_xml(markup))
        for sentence in sorted(safety.all_sentences(), key=len, reverse=True):
            text = text.replace(" ".join(sentence.split()), " ")
        text = text.lower()
        terms = [t for sign in safety.SIGNS for t in sign.terms]
        actions = [r"\b(?:911|112|999)\b", r"emergency (?:number|room)", r"\bcall", r"\bgo to"]
        for pattern in terms + actions:
            assert not re.search(pattern, text), (pattern, text)


class TestFront:
    @pytest.mark.parametrize("document", [samples.load_example("constant"), INVALID_DOCUMENT])
    def test_the_cover_says_it_and_has_the_lines_to_fill_in(self, document: dict) -> None:
        """The heading and four empty lines: written by hand, so nothing is typed or stored."""
        cover = _panel(_card(document), "cover")
        assert _text(cover.find("h2")) == CARD_HEADING
        pairs = [list(pair) for pair in cover.iter("div") if pair.get("class") == "fd-card-pair"]
        assert [dt.text for dt, _ in pairs] == list(HAND_LINES)
        assert all(dd.get("class") == "fd-card-blank" and not _text(dd) for _, dd in pairs)

    def test_the_doses_are_the_totals(self) -> None:
        """Each program the week runs: its daily total as the totals and printout state it,
        with its days; the strength, the reservoir, the alarm and refill-by dates."""
        report, markup = _example("with-fill")
        summary = report["summary"]
        facts = _facts(markup)
        everyday = fmt_mcg(summary["programs"]["everyday"]["daily_mcg"])
        therapy = fmt_mcg(summary["programs"]["therapy"]["daily_mcg"])
        assert facts["Daily dose"] == (
            f"{everyday} mcg a day on Mon, Wed, Fri, Sat, Sun (everyday) | "
            f"{therapy} mcg a day on Tue, Thu (therapy)"
        )
        assert f"{everyday} mcg a day" in render.print_html(report)
        assert facts["Strength"] == f"{fmt_mcg(summary['concentration_mcg_per_ml'])} mcg per mL"
        reservoir = samples.load_example("with-fill")["pump"]["reservoir_ml"]
        assert facts["Pump reservoir"] == f"{fmt_ml(reservoir)} mL"
        assert facts["Low-reservoir alarm"] == fmt_date(summary["alarm"]["date"])
        assert facts["Refill by"] == fmt_date(summary["refill_by"])

    def test_dates_carry_no_time_of_day(self) -> None:
        report, markup = _example("with-fill")
        facts = _facts(markup)
        assert report["summary"]["alarm"]["time"] not in markup
        assert not re.search(r"\d\d:\d\d", facts["Low-reservoir alarm"] + facts["Refill by"])

    def test_one_program_every_day(self) -> None:
        report, markup = _example("constant")
        (program,) = report["summary"]["programs"].values()
        assert (
            _facts(markup)["Daily dose"] == f"{fmt_mcg(program['daily_mcg'])} mcg a day, every day"
        )

    def test_what_the_document_does_not_hold_is_a_line_to_fill_in(self) -> None:
        """No pump, drug or fill: the reservoir, strength and dates are blank lines, with units."""
        markup = _card({"programs": {"a": [{"start": "00:00", "mcg_per_day": 500}]}})
        panel = _panel(markup, "dose")
        blanks = [el for el in panel.iter("dd") if el.get("class") == "fd-card-blank"]
        assert [_text(b) for b in blanks] == ["mL", "mcg/mL", "date", "date"]

    def test_without_the_document_the_reservoir_is_a_line(self) -> None:
        report, _ = _example("with-fill")
        assert _facts(render.card_html(report))["Pump reservoir"] == "mL"

    def test_three_programs_each_get_a_line_and_more_are_counted(self) -> None:
        markup = _card(THREE_PROGRAMS)
        assert _facts(markup)["Daily dose"] == (
            "101 mcg a day on Mon, Wed, Fri (rest) | 102 mcg a day on Tue, Thu, Sat (work) | "
            "103 mcg a day on Sun (sport)"
        )
        five = {
            "programs": {
                f"p{i}": [{"start": "00:00", "mcg_per_day": 100 * i}] for i in range(1, 6)
            },
            "week": dict(
                zip(
                    ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
                    [f"p{i}" for i in (1, 2, 3, 4, 5, 1, 1)],
                    strict=True,
                )
            ),
        }
        facts = _facts(_card(five))
        lines = facts["Daily dose"]
        assert lines.startswith(
            "100 mcg a day on Mon, Sat, Sun (p1) | 200 mcg a day on Tue (p2) | "
        )
        assert lines.endswith(f"and {5 - (MAX_DOSE_LINES - 1)} more programs: see the printout")


class TestInvalid:
    def test_an_invalid_report_prints_no_doses(self) -> None:
        """The sentence of the printout, blank lines for every value, no number from the
        document (its strength, reservoir and fill would read as doses)."""
        report = flexdose.check(INVALID_DOCUMENT)
        assert not report["valid"]
        markup = _card(INVALID_DOCUMENT)
        assert "fd-invalid" in parse_xml(markup)[0].get("class").split()
        panel = _panel(markup, "dose")
        assert _text(panel.find("p")) == INVALID_SENTENCE
        assert all(_text(dd) in {"mL", "mcg/mL", "mcg a day", "date"} for dd in panel.iter("dd"))
        front = _text(_panel(markup, "dose")) + _text(_panel(markup, "cover"))
        assert not re.search(r"\b(?:500|2,000|40|2026)\b", front), front

    def test_a_report_that_is_not_a_report_still_prints_the_card(self) -> None:
        markup = render.card_html({}, document="not a schedule")
        assert INVALID_SENTENCE in markup
        assert safety.tier("emergency").action in markup


class TestUserText:
    @pytest.mark.parametrize("payload", PAYLOADS)
    def test_a_hostile_program_name_is_text(self, payload: str) -> None:
        """A program name is escaped inside <bdi> and never becomes markup."""
        name = payload[:40] or "x"
        document = {
            "title": payload,
            "programs": {
                name: [{"start": "00:00", "mcg_per_day": 300}],
                "b": [{"start": "00:00", "mcg_per_day": 400}],
            },
            "week": {
                "mon": name,
                "tue": "b",
                "wed": "b",
                "thu": "b",
                "fri": "b",
                "sat": "b",
                "sun": "b",
            },
        }
        if not flexdose.check(document)["valid"]:
            pytest.skip("the payload is not a usable program name")
        markup = _card(document)
        root = parse_xml(markup)  # raises if the payload broke the markup
        for element in root.iter():
            if element is root:
                continue
            assert local(element.tag) in CARD_TAGS, element.tag
            assert "style" not in element.attrib
        names = [_text(b) for b in root.iter("bdi")]
        assert names
        assert names[-1] == "b"

    def test_a_hostile_title_is_not_printed_as_markup(self) -> None:
        document = {**samples.load_example("constant"), "title": '<script>alert(1)</script>"'}
        markup = _card(document)
        assert "<script" not in markup
        parse_xml(markup)


@pytest.mark.skipif(sys.platform == "emscripten", reason="Pyodide has no subprocesses")
class TestCli:
    def test_render_card_writes_the_card(self, tmp_path) -> None:
        path = tmp_path / "s.json"
        document = samples.load_example("with-fill")
        path.write_text(json.dumps(document), "utf-8")
        out = subprocess.run(
            [sys.executable, "-m", "flexdose", "render", "--card", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == _card(document).strip()

    def test_render_card_of_an_invalid_schedule_exits_1_and_prints_no_doses(self, tmp_path) -> None:
        path = tmp_path / "s.json"
        path.write_text(json.dumps(INVALID_DOCUMENT), "utf-8")
        out = subprocess.run(
            [sys.executable, "-m", "flexdose", "render", "--card", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert out.returncode == 1
        assert INVALID_SENTENCE in out.stdout
