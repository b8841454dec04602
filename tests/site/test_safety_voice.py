"""One clinical voice: every warning sign and every "what to do now" comes from flexdose.safety.

The site's pages (article, banner and all), the widget's and the embed's static text, and every
output flexdose renders (report, preview, printout, text report, CLI) are read for two kinds of
statement:

- an **action**: a call to the emergency number, an emergency room, or a call to the ITB team;
- a **sign**: any of the words `flexdose.safety.SIGNS` uses to find its signs (itching, seizure,
  shallow breathing, ...).

Outside the blocks the hooks render from the module (`<div class="itb-safety">`) and the module's
own sentences, neither may appear: a page that states its own sign or action fails here, so the
widget and the Safety page can never again tell a person two different things.
"""

from __future__ import annotations

import datetime
import itertools
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flexdose import render, safety
from flexdose.report import check
from flexdose.samples import example_names, load_example
from site_text import built_pages

ROOT = Path(__file__).resolve().parents[2]

# A statement of what to do now. Lower-case text, whitespace collapsed.
ACTION_PATTERNS = (
    r"\b(?:911|112|999)\b",
    r"emergency (?:number|room|department|services)",
    r"\bcall(?:ing)? (?:your |the |their )?(?:itb |care |medical |pump )*"
    r"(?:team|doctor|clinic|surgeon|nurse)s?\b",
    r"\bgo to (?:the|an) (?:emergency|hospital|er\b)",
)
SIGN_PATTERNS = tuple(term for sign in safety.SIGNS for term in sign.terms)
# The same two kinds of statement in Spanish (the Spanish edition, the Spanish embed).
ACTION_PATTERNS_ES = (
    r"\b(?:911|112|999)\b",
    r"(?:sala|servicio|número) de emergencias?",
    r"\bllam\w* (?:a |al )?(?:su |el |la )?(?:equipo|médic|clínica|enfermer|doctor)",
    r"\bvaya (?:a|al) (?:la |el )?(?:sala|hospital|emergencia)",
)
SIGN_PATTERNS_ES = tuple(term for sign in safety.in_language("es").SIGNS for term in sign.terms)
PATTERNS = {"en": (ACTION_PATTERNS, SIGN_PATTERNS), "es": (ACTION_PATTERNS_ES, SIGN_PATTERNS_ES)}
# Never text a person reads: code samples are a portal team's JSON and JavaScript.
SKIP_TAGS = {"script", "style", "svg", "template", "pre", "code", "head"}
# Inline elements do not break a word or a sentence (a glossary tooltip wraps one word in <abbr>).
INLINE_TAGS = {"a", "abbr", "b", "bdi", "em", "i", "mark", "q", "small", "span", "strong", "sub"}


class _VisibleText(HTMLParser):
    """The page's visible text, without the subtrees rendered from flexdose.safety."""

    def __init__(self, *, keep_safety: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.keep_safety = keep_safety
        self.stack: list[bool] = []  # one flag per open element: is it skipped?
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area"}:
            self.parts.append(" ")
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        own = "itb-safety" in classes and not self.keep_safety
        skipped = (self.stack and self.stack[-1]) or tag in SKIP_TAGS or own
        self.stack.append(bool(skipped))
        if tag == "abbr" and not skipped and not self.keep_safety and attributes.get("title"):
            # A glossary tooltip is text a person reads too (on hover or focus).
            self.parts.append(f" [{attributes['title']}] ")
        if tag not in INLINE_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.stack and tag not in {"br", "img", "hr", "input", "meta", "link", "wbr"}:
            self.stack.pop()
        if tag not in INLINE_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def visible_text(html: str) -> str:
    """All the visible text, the module's blocks included, whitespace collapsed."""
    parser = _VisibleText(keep_safety=True)
    parser.feed(html)
    return " ".join("".join(parser.parts).split())


def outside_module(html_or_text: str, *, is_html: bool = True, lang: str = "en") -> str:
    """Lower-case text with the module's blocks and sentences taken out."""
    if is_html:
        parser = _VisibleText()
        parser.feed(html_or_text)
        text = "".join(parser.parts)
    else:
        text = html_or_text
    text = " ".join(text.split())
    # Longest first, so a sentence that contains another is removed whole.
    for sentence in sorted(safety.in_language(lang).all_sentences(), key=len, reverse=True):
        text = text.replace(" ".join(sentence.split()), " ")
    return " ".join(text.split()).lower()


def stray_statements(text: str, *, signs: bool = True, lang: str = "en") -> list[str]:
    """Each action (and sign) pattern of lang found, with the words around it."""
    found = []
    actions, sign_patterns = PATTERNS[lang]
    for pattern in actions + (sign_patterns if signs else ()):
        for match in re.finditer(pattern, text):
            start, end = max(0, match.start() - 60), match.end() + 60
            found.append(f"{pattern!r}: ...{text[start:end]}...")
    return found


# ---- The module itself ----


def test_every_sign_has_a_known_tier_condition_and_source() -> None:
    tiers = {t.key for t in safety.TIERS}
    conditions = {c.key for c in safety.CONDITIONS}
    source_ids = set(re.findall(r"^\| (S\d+) \|", _domain(), re.M))
    for sign in safety.SIGNS:
        assert sign.tier in tiers, sign.key
        assert sign.conditions, sign.key
        assert set(sign.conditions) <= conditions, sign.key
        assert sign.sources, f"{sign.key} has no source"
        for source in sign.sources:
            assert source == safety.GENERAL or source in source_ids, (sign.key, source)
        assert sign.terms, f"{sign.key} has no terms: the one-source test could not find it"
        assert any(re.search(term, sign.text.lower()) for term in sign.terms), sign.key
    for text, sources in safety.WHILE_WAITING + safety.TELL_STAFF:
        assert sources, text
        assert all(s == safety.GENERAL or s in source_ids for s in sources), text


def test_one_sign_has_one_tier_and_one_set_of_words() -> None:
    """A sign listed under two conditions is one entry: it cannot get two different actions."""
    keys = [s.key for s in safety.SIGNS]
    assert len(keys) == len(set(keys))
    texts = [s.text for s in safety.SIGNS]
    assert len(texts) == len(set(texts))
    for sign in safety.SIGNS:
        others = [o for o in safety.SIGNS if o is not sign]
        for term in sign.terms:
            clash = [o.key for o in others if re.search(term, o.text.lower())]
            assert not clash, f"{sign.key}'s term {term!r} also finds {clash}"


def test_the_emergency_number_is_named_one_way() -> None:
    assert safety.EMERGENCY_NUMBER == (
        "your local emergency number (911 in the US and Canada, 112 in the EU, 999 in the UK, "
        "000 in Australia)"
    )
    for t in safety.TIERS:
        assert "911" not in t.action or safety.EMERGENCY_NUMBER in t.action


def _domain() -> str:
    return (ROOT.parent / "shared" / "reference" / "DOMAIN.md").read_text(encoding="utf-8")


# ---- The site ----


@pytest.mark.site
def test_no_page_states_a_sign_or_action_of_its_own(built_site: Path) -> None:
    pages = built_pages(built_site, "en")
    assert "safety/" in pages
    assert "" in pages
    problems = []
    for url, path in pages.items():
        # The glossary defines words (coma, seizure): a definition, not a sign to act on.
        text = outside_module(path.read_text(encoding="utf-8"))
        for found in stray_statements(text, signs=url != "glossary/"):
            problems.append(f"/{url}: {found}")
    embed = built_site / "embed" / "index.html"
    if embed.is_file():
        for found in stray_statements(outside_module(embed.read_text(encoding="utf-8"))):
            problems.append(f"/embed/: {found}")
    assert not problems, "said outside flexdose.safety:\n" + "\n".join(problems)


@pytest.mark.site
def test_no_spanish_page_states_a_sign_or_action_of_its_own(built_site: Path) -> None:
    """The same rule in the Spanish edition, with the Spanish patterns and sentences."""
    pages = built_pages(built_site, "es")
    assert "es/safety/" in pages
    problems = []
    for url, path in pages.items():
        text = outside_module(path.read_text(encoding="utf-8"), lang="es")
        for found in stray_statements(text, signs=url != "es/glossary/", lang="es"):
            problems.append(f"/{url}: {found}")
    embed = built_site / "embed" / "es" / "index.html"
    for found in stray_statements(
        outside_module(embed.read_text(encoding="utf-8"), lang="es"), lang="es"
    ):
        problems.append(f"/embed/es/: {found}")
    assert not problems, "dicho fuera de flexdose.safety:\n" + "\n".join(problems)


@pytest.mark.site
def test_the_spanish_safety_page_renders_the_spanish_module(built_site: Path) -> None:
    voice = safety.in_language("es")
    text = visible_text((built_site / "es" / "safety" / "index.html").read_text(encoding="utf-8"))
    for sign in voice.SIGNS:
        assert sign.text in text, sign.key
    for t in voice.TIERS:
        assert t.action in text, t.key
        assert t.if_unreachable in text, t.key
    home = (built_site / "es" / "index.html").read_text(encoding="utf-8")
    assert voice.BANNER in visible_text(home), "the Spanish banner is not flexdose.safety's"


@pytest.mark.site
def test_the_safety_page_and_home_page_render_the_module(built_site: Path) -> None:
    text = visible_text((built_site / "safety" / "index.html").read_text(encoding="utf-8"))
    for sign in safety.SIGNS:
        assert sign.text in text, sign.key
    for t in safety.TIERS:
        assert t.action in text, t.key
        assert t.if_unreachable in text, t.key
    for sentence, _ in safety.WHILE_WAITING + safety.TELL_STAFF:
        assert sentence in text, sentence
    home_html = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'data-safety="emergency-short"' in home_html
    assert safety.BANNER in visible_text(home_html), "the banner is not flexdose.safety's"


def test_the_browser_layer_states_no_sign_or_action() -> None:
    """The JavaScript and the embed page hold no safety wording: it all comes from flexdose."""
    problems = []
    for path in sorted((ROOT / "widget").glob("**/*")):
        if path.suffix not in {".js", ".html", ".css"} or "node_modules" in path.parts:
            continue
        text = outside_module(path.read_text(encoding="utf-8"), is_html=False)
        problems += [f"{path.relative_to(ROOT)}: {f}" for f in stray_statements(text)]
    assert not problems, "\n".join(problems)


# ---- flexdose's outputs ----


def _documents() -> list[object]:
    docs: list[object] = [load_example(name) for name in example_names()]
    docs.append({"format": "itb-flex/1", "programs": [{"name": "x", "steps": []}]})
    return docs


# A today long after every example's fill, so the alarm-passed finding is written too.
LATE = datetime.date(2099, 1, 1)


def test_no_flexdose_output_states_a_sign_or_action_of_its_own() -> None:
    problems = []
    for doc, today in itertools.product(_documents(), (None, LATE)):
        report = check(doc, today=today)
        outputs = {
            "report": " ".join(f["message"] for f in report["findings"]),
            "text": render.text_report(report),
            "preview": render.preview_html(report),
            "print": render.print_html(report),
        }
        if hasattr(render, "card_html"):
            outputs["card"] = render.card_html(report)
        for name, out in outputs.items():
            text = outside_module(out, is_html=name in {"preview", "print", "card"})
            problems += [f"{name}: {f}" for f in stray_statements(text)]
    assert not problems, "\n".join(problems)


def test_the_notice_and_closing_note_come_from_the_module() -> None:
    report = check(load_example(example_names()[0]))
    assert safety.NOTICE in render.text_report(report)
    closing = report["findings"][-1]
    assert closing["code"] == "not-a-programmer"
    assert closing["message"] == f"{safety.FRAMING} {safety.REPORT_CLOSING}"


def test_the_cli_frames_its_summary_with_the_module(tmp_path: Path) -> None:
    example = ROOT / "widget" / "flexdose" / "examples" / f"{example_names()[0]}.json"
    out = subprocess.run(
        [sys.executable, "-m", "flexdose", "summary", str(example)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert safety.FRAMING in " ".join(out.stdout.split())
    assert not stray_statements(outside_module(out.stdout, is_html=False))


def test_the_widget_texts_state_no_sign_or_action() -> None:
    """Every label, message, hint and start-up sentence the widget shows (flexdose.widget_text)."""
    from flexdose import widget_text

    problems = []
    for table in ("LABELS", "MESSAGES", "HINTS", "STARTUP"):
        for key, value in getattr(widget_text, table).items():
            found = stray_statements(outside_module(value, is_html=False))
            problems += [f"{table}[{key!r}]: {f}" for f in found]
    assert not problems, "\n".join(problems)


# Every sign the maker's page (SOURCE-PAGE.txt, S1) and the label's patient wording (S29) give
# each condition, by the module's sign keys: the module must list each under that condition.
SOURCE_SIGNS = {
    "withdrawal": {"high-fever", "confusion", "rigid", "spasticity-back", "itching", "tingling"},
    "overdose": {"drowsy", "lightheaded", "breathing", "cold", "seizure", "unconscious", "floppy"},
    "underdose": {"spasticity-back", "itching", "low-blood-pressure", "lightheaded", "tingling"},
    "side-effects": {"floppy", "drowsy", "stomach", "headache", "lightheaded"},
}


@pytest.mark.parametrize("condition", sorted(SOURCE_SIGNS))
def test_sources_signs_are_all_in_the_module(condition: str) -> None:
    listed = {s.key for s in safety.signs_for(condition)}
    assert SOURCE_SIGNS[condition] <= listed, SOURCE_SIGNS[condition] - listed


def test_every_surgery_risk_of_the_source_is_listed() -> None:
    risks = " ".join(safety.SURGERY_RISKS)
    for risk in (
        "infection",
        "meningitis",
        "spinal fluid leak",
        "paralysis",
        "headache",
        "swelling",
        "bleeding",
        "bruising",
    ):
        assert risk in risks, risk
