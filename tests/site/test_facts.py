"""Every fact the site must teach is on the named built page.

The table covers the original patient page's facts (programming and flex dosing), every withdrawal,
overdose and underdose sign, catheter and pump problems, alarms, refills, the implant notice before
procedures, the candidates and who should not receive ITB therapy (DOMAIN.md A2, A3, A5, A7, C2, C5,
C6 and the label points). Each fact is a few regular expressions that must all match the page's
visible article text (lower-cased, whitespace collapsed).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from site_text import article_text, page_url

# (page, fact, patterns): every pattern must match the page's text.
FACTS: list[tuple[str, str, tuple[str, ...]]] = [
    # ---- Home ----
    ("index.md", "what ITB therapy is", (r"pump", r"catheter", r"fluid around the spinal cord")),
    (
        "index.md",
        "who the site is for",
        (r"who this site is for", r"carers", r"clinicians?|doctors"),
    ),
    (
        "index.md",
        "the preview never programs or reads a pump",
        (r"never programs a pump", r"never reads"),
    ),
    ("index.md", "the printout is the true record", (r"printout is always the true record",)),
    ("index.md", "emergency guidance", (r"emergency number", r"911")),
    # ---- Programming with your care team [S1] ----
    ("programming.md", "constant dose first", (r"constant dose", r"at first")),
    (
        "programming.md",
        "no increase in the first 24 hours [S33, S34]",
        (r"not raised in the first 24 hours",),
    ),
    (
        "programming.md",
        "gradual adjustments over weeks or months",
        (r"a little at a time", r"weeks or months"),
    ),
    ("programming.md", "results are watched", (r"watch what happens",)),
    ("programming.md", "tell your doctor what is not working", (r"what is not working",)),
    ("programming.md", "say what you want to improve", (r"want to improve",)),
    ("programming.md", "new goals later", (r"new goals",)),
    (
        "programming.md",
        "flex dosing after the best constant dose [S1]",
        (r"flex dosing usually starts only after your best constant dose",),
    ),
    (
        "programming.md",
        "printout: dose, concentration, reservoir, alarm date [S7, S8]",
        (r"mcg per day", r"concentration", r"reservoir", r"alarm date"),
    ),
    ("programming.md", "programmer works within about 3 m [S10]", (r"3 metres",)),
    (
        "programming.md",
        "a concentration change at a refill needs a bridge bolus [S14]",
        (r"strength of the medicine", r"bridge bolus"),
    ),
    # ---- Flex dosing [S1, S2, S14, S38] ----
    (
        "flex-dosing.md",
        "more or less at different times of day",
        (r"more baclofen at some times and less at others", r"different times of day"),
    ),
    ("flex-dosing.md", "up to 13 dose changes a day", (r"up to 13 times a day",)),
    (
        "flex-dosing.md",
        "different programs on different days of the week",
        (r"days of the week", r"physical therapy"),
    ),
    (
        "flex-dosing.md",
        "less by day helps walking, transfers and dressing",
        (r"less during the day", r"walk", r"bed to a chair", r"dressed"),
    ),
    ("flex-dosing.md", "more at night for sleep", (r"more at night", r"sleep")),
    (
        "flex-dosing.md",
        "after the constant dose is found",
        (r"after your best constant dose is found",),
    ),
    (
        "flex-dosing.md",
        "clock changes can shift flex timing [S14]",
        (r"daylight saving", r"time zone"),
    ),
    (
        "flex-dosing.md",
        "the preview never programs or reads a pump",
        (r"never programs or reads your pump",),
    ),
    # ---- Refills, alarms and the pump ----
    ("pump-care.md", "reservoir sizes [S13]", (r"20 ml or 40 ml",)),
    (
        "pump-care.md",
        "why refill visits matter",
        (r"never skip a refill", r"run empty", r"withdrawal"),
    ),
    (
        "pump-care.md",
        "refill interval [S8, S9]",
        (r"every few months", r"3 to 4 months", r"1 to 6 months"),
    ),
    ("pump-care.md", "refill within 180 days [S39]", (r"180 days",)),
    (
        "pump-care.md",
        "the alarm date sets the refill [S8, S9]",
        (r"alarm date", r"3 to 5 days", r"7 to 10 days"),
    ),
    (
        "pump-care.md",
        "a week's margin for travel or weather [S3]",
        (r"travel or bad weather", r"a week early"),
    ),
    (
        "pump-care.md",
        "refill only through the fill port (septum) [label]",
        (r"fill port", r"misses the port", r"overdose"),
    ),
    (
        "pump-care.md",
        "single tone alarm: 1 second, hourly, low drug or replacement in 90 days [S3, S6]",
        (
            r"single tone, 1 second",
            r"once every hour",
            r"medicine is getting low",
            r"replaced within 90 days",
        ),
    ),
    (
        "pump-care.md",
        "two-tone alarm: 3 seconds, drug stopped, call at once [S3, S6, S7]",
        (
            r"two tones, 3 seconds",
            r"no longer giving baclofen",
            r"pump is empty",
            r"battery has run out",
            r"motor has stopped",
            r"call your itb doctor right away",
        ),
    ),
    (
        "pump-care.md",
        "battery 5 to 7 years, off at 7 [S4, S5]",
        (r"5 to 7 years", r"7 years at most"),
    ),
    (
        "pump-care.md",
        "stops 90 days after the replacement alarm [S4, S5]",
        (r"stops 90 days later",),
    ),
    (
        "pump-care.md",
        "plan replacement 6 months (at least 3) ahead [S5, S14]",
        (r"6 months ahead", r"at least 3 months"),
    ),
    (
        "pump-care.md",
        "tell every health professional before MRI, diathermy, any procedure [S17]",
        (r"tell every health worker", r"mri", r"diathermy", r"any surgery or procedure"),
    ),
    ("pump-care.md", "carry the pump ID card [S38]", (r"pump id card",)),
    ("pump-care.md", "altitude and flights: rarely over 14.5% more [S17]", (r"14\.5%",)),
    ("pump-care.md", "worked example of an alarm date, rendered by flexdose", (r"refill by",)),
    # ---- Safety: withdrawal [S29, S35, S37, S38] ----
    ("safety.md", "withdrawal: whatever the cause", (r"whatever the cause", r"life-threatening")),
    ("safety.md", "withdrawal early sign: spasticity comes back", (r"your spasticity comes back",)),
    ("safety.md", "withdrawal early sign: itching, often without a rash", (r"itching", r"no rash")),
    ("safety.md", "withdrawal early sign: low blood pressure", (r"low blood pressure",)),
    ("safety.md", "withdrawal early sign: lightheaded", (r"lightheaded",)),
    ("safety.md", "withdrawal early sign: tingling", (r"tingling",)),
    ("safety.md", "withdrawal urgent sign: high fever", (r"high fever",)),
    ("safety.md", "withdrawal urgent sign: altered mental state", (r"confusion", r"mental state")),
    ("safety.md", "withdrawal urgent sign: rebound spasticity", (r"rebound spasticity",)),
    ("safety.md", "withdrawal urgent sign: muscle rigidity", (r"rigid muscles",)),
    (
        "safety.md",
        "withdrawal can progress to rhabdomyolysis, organ failure, death",
        (r"rhabdomyolysis", r"many organs failing", r"death"),
    ),
    ("safety.md", "untreated, withdrawal worsens over 24-72 hours", (r"24 to 72 hours",)),
    (
        "safety.md",
        "extra care: injury at T-6 or above, communication, past withdrawal",
        (r"t-6 level or higher", r"trouble speaking", r"had withdrawal before"),
    ),
    (
        "safety.md",
        "keep unexpired oral baclofen at home; it does not fully replace ITB",
        (r"baclofen tablets at home", r"expired", r"do not fully replace the pump"),
    ),
    (
        "safety.md",
        "what to do now for withdrawal",
        (
            r"what to do now: call your itb doctor right away",
            r"what to do now: call your local emergency number",
        ),
    ),
    # ---- Safety: overdose [S29, S36] ----
    ("safety.md", "overdose sign: drowsiness", (r"drowsy",)),
    ("safety.md", "overdose sign: lightheaded, dizzy", (r"lightheaded or dizzy",)),
    (
        "safety.md",
        "overdose sign: muscles too loose, rising loss of tone",
        (r"too loose", r"move up the body"),
    ),
    ("safety.md", "overdose sign: slow or shallow breathing", (r"slow or shallow breathing",)),
    ("safety.md", "overdose sign: low body temperature", (r"low body temperature",)),
    ("safety.md", "overdose sign: seizures", (r"seizures",)),
    (
        "safety.md",
        "overdose sign: loss of consciousness",
        (r"losing consciousness", r"passing out"),
    ),
    (
        "safety.md",
        "overdose sign: coma up to 72 hours, usually reversible",
        (r"coma", r"up to 72 hours", r"recover"),
    ),
    ("safety.md", "overdose can come suddenly or over days", (r"suddenly, or slowly over days",)),
    (
        "safety.md",
        "overdose after a 25 mcg bolus in a sensitive person [S36]",
        (r"very sensitive", r"small extra dose of 25 mcg"),
    ),
    # ---- Safety: underdose, catheter and pump, side effects, surgery ----
    (
        "safety.md",
        "underdose: spasticity slowly returns; call the same day",
        (r"underdose", r"slowly come back", r"call your itb doctor the same day"),
    ),
    (
        "safety.md",
        "catheter problems",
        (r"kink", r"blocked", r"leak", r"break", r"move out of place", r"come apart from the pump"),
    ),
    (
        "safety.md",
        "pump problems: battery, motor, memory",
        (r"battery runs out", r"motor stops", r"memory"),
    ),
    ("safety.md", "refill problems: needle misses the port", (r"misses the fill port",)),
    (
        "safety.md",
        "side effects and what to do",
        (r"side effects", r"sleepy or dizzy", r"headache", r"lower your dose"),
    ),
    (
        "safety.md",
        "surgical complications",
        (r"infection", r"meningitis", r"spinal fluid leak", r"bleeding"),
    ),
    # ---- Is ITB therapy for me [S30, S32, S33, S34, label] ----
    (
        "is-itb-for-me.md",
        "conditions: spinal and brain origin",
        (
            r"spinal cord injury",
            r"multiple sclerosis",
            r"cerebral palsy",
            r"traumatic brain injury",
        ),
    ),
    ("is-itb-for-me.md", "age 4 years and over", (r"at least 4 years old", r"under 4 years")),
    (
        "is-itb-for-me.md",
        "oral baclofen first",
        (r"baclofen tablets come first", r"oral baclofen", r"side effects"),
    ),
    ("is-itb-for-me.md", "wait 1 year after a traumatic brain injury", (r"at least 1 year",)),
    (
        "is-itb-for-me.md",
        "screening trial doses and watch time [S32, S33]",
        (r"screening trial", r"50 mcg", r"4 to 8 hours", r"75 mcg", r"100 mcg"),
    ),
    (
        "is-itb-for-me.md",
        "no response to 100 mcg: not a candidate",
        (r"if 100 mcg does not help, a pump is not the right choice",),
    ),
    (
        "is-itb-for-me.md",
        "who should not receive it",
        (r"who should not get itb therapy", r"allergic to baclofen", r"too small to hold the pump"),
    ),
    ("is-itb-for-me.md", "some stiffness can help", (r"some stiffness can help",)),
    # ---- About ----
    ("about.md", "education only, not medical advice", (r"education only", r"not medical advice")),
    (
        "about.md",
        "no affiliation with any manufacturer",
        (r"not made by, paid for by, or linked to any company", r"medtronic"),
    ),
    ("about.md", "emergency guidance", (r"emergency number", r"911")),
    ("about.md", "sources listed", (r"\bs1\b", r"\bs45\b")),
    # ---- Clinicians ----
    ("clinicians.md", "how the preview computes", (r"daily total", r"alarm volume", r"152 days")),
    ("clinicians.md", "CLI and exit codes", (r"flexdose check", r"could not be read")),
    (
        "clinicians.md",
        "dosing modes and what the preview does not model [S14, S40]",
        (r"simple continuous", r"regularly scheduled boluses", r"bridge bolus", r"pocket"),
    ),
    (
        "clinicians.md",
        "a section for embedding",
        (r"embedding the preview in a portal", r"for portal teams"),
    ),
]


def _text(built_site: Path, page: str) -> str:
    html = (built_site / page_url(page) / "index.html").read_text(encoding="utf-8")
    return " ".join(article_text(html).lower().split())


@pytest.mark.site
@pytest.mark.parametrize(
    ("page", "fact", "patterns"), FACTS, ids=[f"{p}: {f}" for p, f, _ in FACTS]
)
def test_fact_is_on_its_page(
    built_site: Path, page: str, fact: str, patterns: tuple[str, ...]
) -> None:
    """The fact's every keyword pattern matches the built page's visible text."""
    text = _text(built_site, page)
    missing = [p for p in patterns if not re.search(p, text)]
    assert not missing, f"{page} no longer says '{fact}': nothing matches {missing}"


@pytest.mark.site
def test_safety_guidance_is_in_admonitions_that_stand_out(built_site: Path) -> None:
    """Each danger sign list sits in a 'danger' or 'warning' box with a 'what to do now' line."""
    html = (built_site / "safety" / "index.html").read_text(encoding="utf-8")
    boxes = re.findall(r'<div class="admonition (danger|warning)">(.*?)</div>', html, re.S)
    assert len([b for b in boxes if b[0] == "danger"]) >= 3, "expected 3+ danger boxes on Safety"
    what_to_do = [b for b in boxes if "What to do now" in b[1]]
    assert len(what_to_do) >= 6, f"only {len(what_to_do)} boxes say what to do now"


@pytest.mark.site
def test_flex_dosing_page_has_rendered_examples_and_the_widget(built_site: Path) -> None:
    """The worked examples are flexdose pictures (SVG) made at build time; the widget is there."""
    html = (built_site / "flex-dosing" / "index.html").read_text(encoding="utf-8")
    previews = re.findall(r'<div class="itb-preview".*?<svg', html, re.S)
    assert len(previews) >= 3, "expected 3 rendered example previews on Flex dosing"
    assert "flexdose:example" not in html, "an example marker was left unrendered"
    assert "data-itb-flex" in html or "flexdose:widget" in html, "the widget marker is gone"


@pytest.mark.site
def test_clinicians_tables_list_every_limit_and_finding_code(built_site: Path) -> None:
    """The limits and findings tables are generated from flexdose, so every name is there."""
    from flexdose.findings import CATALOGUE
    from flexdose.limits import ALL_LIMITS

    text = article_text((built_site / "clinicians" / "index.html").read_text(encoding="utf-8"))
    missing = [n for n in [*ALL_LIMITS, *CATALOGUE] if n not in text]
    assert not missing, f"not on the clinicians page: {missing}"


@pytest.mark.site
def test_every_tooltip_term_is_in_the_glossary(built_site: Path) -> None:
    """Each abbreviation (tooltip) defined for every page also has a glossary entry."""
    source = Path(__file__).resolve().parents[2] / "docs" / "includes" / "abbreviations.md"
    terms = re.findall(r"^\*\[([^\]]+)\]:", source.read_text(encoding="utf-8"), re.M)
    assert terms
    html = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    entries = {
        re.sub(r"<[^>]+>", "", dt).strip().lower()
        for dt in re.findall(r"<dt>(.*?)</dt>", html, re.S)
    }
    # A plural tooltip ("seizures") is covered by its singular entry ("seizure").
    missing = sorted(
        t for t in terms if t.lower() not in entries and t.lower().removesuffix("s") not in entries
    )
    assert not missing, f"tooltip terms without a glossary entry: {missing}"
