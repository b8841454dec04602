"""Every fact the site must teach is on the named built page, and no wrong one is anywhere.

FACTS covers the original patient page's facts (programming and flex dosing), every withdrawal,
overdose and underdose sign, catheter and pump problems (some give no alarm), alarms, refills, the
implant notice before procedures, the candidates and who should not receive ITB therapy, the drug's
names and strengths, living with a pump (medicines, driving, MRI, travel, stopping safely), the
questions and the carer's checklist, and the glossary's one meaning for each term (DOMAIN.md A2,
A3, A4, A5, A7, A9, B, C1, C2, C5, C6 and the label points). Each fact is a few regular expressions
that must all match the page's visible article text (lower-cased, whitespace collapsed).

ABSENT lists what must not be said: facts the site once got wrong (children under 4 "should not"
get ITB; baclofen pills first for everyone; the bridge bolus as extra drug; the therapy example as
"a little less" only) and the words the site no longer uses for who to call or for the programmer.
Those rows read the page's own prose (site_text.prose_text): the previews, tables and code that
flexdose renders into a page are checked by flexdose's own tests.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from site_text import SPANISH, article_text, page_url, prose_text

# The patient pages this engineer's content rules cover (safety.md renders from flexdose.safety).
PATIENT_PAGES = (
    "index.md",
    "is-itb-for-me.md",
    "programming.md",
    "flex-dosing.md",
    "pump-care.md",
    "living-with-a-pump.md",
    "questions.md",
    "glossary.md",
    "about.md",
)
EVERY_PAGE = (*PATIENT_PAGES, "safety.md", "clinicians.md", "portals.md")

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
    (
        "index.md",
        "the drug's name and the other labelled products, with strengths [S27, S30, S31, S35]",
        (
            r"lioresal intrathecal \(baclofen injection\) 50 \(for the test dose only\), 500, 2000",
            r"gablofen 50, 500, 1000, 2000",
            r"generic intrathecal baclofen 50, 1000, 2000",
            r"thin it with more fluid to make another strength",
        ),
    ),
    (
        "index.md",
        "follow your ITB team closely: a sudden stop can cause serious withdrawal [S1, S35]",
        (r"do just what your itb team tells you", r"stops all at once", r"serious withdrawal"),
    ),
    (
        "index.md",
        "the new pages are in the table of pages",
        (r"living with a pump", r"questions and a carer's checklist"),
    ),
    ("index.md", "emergency guidance", (r"emergency number", r"911")),
    # ---- Programming with your ITB team [S1] ----
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
    ("programming.md", "tell your ITB team what is not working", (r"what is not working",)),
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
        (r"strength changes at a refill, your itb team also programs a bridge bolus",),
    ),
    (
        "programming.md",
        "the programmer is a small handheld computer [S10]",
        (r"a programmer \(a small handheld computer\)",),
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
    (
        "flex-dosing.md",
        "therapy example: less around the session, more at other hours, a higher total",
        (
            r"a little less from 10 am to 2 pm",
            r"a little more from 7 am to 10 am and from 2 pm to 9 pm",
            r"a little higher: 525 mcg, against 512\.5 mcg",
        ),
    ),
    (
        "flex-dosing.md",
        "program and week plan used as the glossary says",
        (r"a program is one day's pattern of dose steps", r"the week plan says which program"),
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
        "two-tone alarm: 3 seconds, drug stopped [S3, S6, S7] (rendered from flexdose.safety)",
        (
            r"two tones, 3 seconds",
            r"no longer giving baclofen",
            r"empty",
            r"battery has run out",
            r"motor has stopped",
        ),
    ),
    (
        "pump-care.md",
        "catheter problems give no alarm [S1]",
        (
            r"problems that give no alarm",
            r"does not beep for a problem with the catheter",
            r"leak, kink, break, or come loose from the pump",
            r"stays quiet",
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
        "you or your caregiver tell every health worker before MRI, diathermy, any procedure [S1]",
        (
            r"you or your carer \(caregiver\) must tell every health worker",
            r"before any medical test, scan, treatment or surgery",
            r"mri",
            r"diathermy",
            r"any other test or procedure",
        ),
    ),
    ("pump-care.md", "carry the pump ID card [S38]", (r"pump id card",)),
    (
        "pump-care.md",
        "points to the page on daily life and travel",
        (r"daily life and travel", r"living with a pump"),
    ),
    ("pump-care.md", "worked example of an alarm date, rendered by flexdose", (r"refill by",)),
    # ---- Safety [S1, S29, S35, S36, S37, S38]: the sign lists render from flexdose.safety ----
    # (tests/site/test_safety_voice.py checks every sign, tier and action of the module is on the
    # page, and test_sources_signs below that the module holds every sign the sources list.)
    ("safety.md", "withdrawal: whatever the cause", (r"whatever the cause", r"life-threatening")),
    ("safety.md", "withdrawal early sign: spasticity comes back", (r"spasms come back",)),
    ("safety.md", "withdrawal early sign: itching, often without a rash", (r"itching", r"no rash")),
    ("safety.md", "withdrawal early sign: low blood pressure", (r"low blood pressure",)),
    ("safety.md", "withdrawal early sign: lightheaded", (r"lightheaded",)),
    ("safety.md", "withdrawal early sign: tingling", (r"tingling",)),
    ("safety.md", "withdrawal urgent sign: high fever", (r"high fever",)),
    ("safety.md", "withdrawal urgent sign: altered mental state", (r"confusion", r"mental state")),
    ("safety.md", "withdrawal urgent sign: rebound spasticity", (r"comes back much worse",)),
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
        (r"baclofen pills at home", r"expired", r"do not fully replace the pump"),
    ),
    ("safety.md", "follow the ITB team's instructions closely [S1]", (r"instructions closely",)),
    (
        "safety.md",
        "what to do now, by tier, and if the ITB team cannot be reached",
        (
            r"what to do now: call your itb team right away",
            r"what to do now: call your local emergency number",
            r"if you cannot reach your itb team soon",
            r"after-hours number",
        ),
    ),
    (
        "safety.md",
        "emergency numbers in four countries",
        (r"911 in the us and canada", r"112 in the eu", r"999 in the uk", r"000 in australia"),
    ),
    (
        "safety.md",
        "carers: while you wait for help",
        (r"while you wait for help", r"on their side"),
    ),
    (
        "safety.md",
        "what to tell the emergency team",
        (r"tell the emergency team", r"baclofen pump"),
    ),
    # ---- Safety: overdose [S29, S36] ----
    ("safety.md", "overdose sign: drowsiness", (r"drowsy",)),
    ("safety.md", "overdose sign: lightheaded, dizzy", (r"lightheaded or dizzy",)),
    (
        "safety.md",
        "overdose sign: muscles too loose, rising loss of tone",
        (r"too loose", r"start low in the body and move up"),
    ),
    ("safety.md", "overdose sign: slow or shallow breathing", (r"slow or shallow breathing",)),
    ("safety.md", "overdose sign: low body temperature", (r"body temperature lower than normal",)),
    ("safety.md", "overdose sign: seizures", (r"a seizure",)),
    ("safety.md", "overdose sign: loss of consciousness", (r"passes out",)),
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
    ("safety.md", "pump failure can cause an overdose too [S1]", (r"or if the pump fails",)),
    # ---- Safety: underdose, catheter and pump, side effects, surgery ----
    (
        "safety.md",
        "underdose signs are the early signs of withdrawal [S1]",
        (r"underdose", r"often the first signs of withdrawal"),
    ),
    (
        "safety.md",
        "catheter problems",
        (r"kink", r"blocked", r"leak", r"tear", r"move out of place", r"come apart from the pump"),
    ),
    ("safety.md", "catheter problems give no alarm", (r"no alarm for a catheter problem",)),
    (
        "safety.md",
        "pump problems: battery, motor, memory",
        (r"battery runs out", r"motor stops", r"memory"),
    ),
    ("safety.md", "refill problems: needle misses the port", (r"misses the fill port",)),
    (
        "safety.md",
        "side effects [S1]",
        (r"side effects", r"drowsy or sleepy", r"upset stomach, or vomiting", r"a headache"),
    ),
    (
        "safety.md",
        "surgical complications [S1]",
        (
            r"infection",
            r"meningitis",
            r"spinal fluid leak",
            r"paralysis",
            r"headache",
            r"swelling",
            r"bleeding",
            r"bruising",
        ),
    ),
    # ---- Is ITB therapy for me [S30, S32, S33, S34, label] ----
    (
        "is-itb-for-me.md",
        "conditions: spinal cord injury, MS, cerebral palsy, stroke, any brain injury [S1]",
        (
            r"spinal cord injury",
            r"multiple sclerosis",
            r"cerebral palsy",
            r"a stroke",
            r"a brain injury of any cause",
        ),
    ),
    (
        "is-itb-for-me.md",
        "the label's age: approved for 4 years and older [S30]",
        (r"approved for people aged 4 years and older",),
    ),
    (
        "is-itb-for-me.md",
        "baclofen pills first for spinal cord injury or MS [S1]",
        (
            r"spinal cord injury or from ms, you will usually try baclofen pills first",
            r"did not control your spasticity",
            r"side effects that you could not accept",
        ),
    ),
    (
        "is-itb-for-me.md",
        "wait 1 year after a brain injury from trauma [S1, S30]",
        (r"brain injury caused by trauma", r"at least 1 year"),
    ),
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
        "who should not receive it: infection, allergy, body too small [S1]",
        (
            r"who should not get itb therapy",
            r"people who have an infection",
            r"allergic to baclofen",
            r"too small to hold the pump",
        ),
    ),
    ("is-itb-for-me.md", "some stiffness can help", (r"some stiffness can help",)),
    # ---- Living with a pump ----
    (
        "living-with-a-pump.md",
        "follow your ITB team's advice closely: a sudden stop can cause serious withdrawal [S1]",
        (
            r"follow your itb team's advice closely",
            r"must never stop all at once",
            r"serious withdrawal",
            r"more risk of withdrawal",
        ),
    ),
    (
        "living-with-a-pump.md",
        "alcohol and medicines that add to baclofen's effect (general knowledge, flagged)",
        (r"alcohol", r"sleeping pills", r"effects can add up", r"every medicine you take"),
    ),
    (
        "living-with-a-pump.md",
        "driving (general knowledge, flagged)",
        (r"driving", r"safe for you to drive", r"after a dose change"),
    ),
    (
        "living-with-a-pump.md",
        "MRI: check the pump after; SynchroMed III 1.5 T and 3 T; Prometra valve [S18, S22]",
        (
            r"after the mri, have your itb team check your pump",
            r"synchromed iii pump is approved for mri scans at 1\.5 t and 3 t",
            r"prometra pump has a valve that shuts off the flow",
            r"stays off until your itb team resets the pump",
        ),
    ),
    (
        "living-with-a-pump.md",
        "flying and altitude: rarely over 14.5% more; what to do [S17, S38]",
        (
            r"tell your itb team before you fly or go high up",
            r"air pressure is lower",
            r"rarely more than 14\.5% above the set rate",
            r"know the signs of too much baclofen",
            r"carry your pump id card",
        ),
    ),
    (
        "living-with-a-pump.md",
        "a week's refill margin when travelling [S3]",
        (r"ask for one a week early",),
    ),
    (
        "living-with-a-pump.md",
        "time zones shift flex dosing [S14]",
        (r"new time zone can shift when each dose step starts",),
    ),
    (
        "living-with-a-pump.md",
        "stopping safely: never suddenly, only with the ITB team; the boxed warning [S35]",
        (
            r"never stop itb therapy suddenly",
            r"talk with your itb team first",
            r"lowers the dose a little at a time",
            r"boxed warning",
            r"sudden stop, for any reason, can be life-threatening",
        ),
    ),
    # ---- Questions and a carer's checklist ----
    (
        "questions.md",
        "questions to ask your ITB team, in 4 groups",
        (
            r"questions to ask your itb team",
            r"before the trial",
            r"before surgery",
            r"at refill visits",
            r"about flex dosing",
        ),
    ),
    (
        "questions.md",
        "questions: alarm date, strength, printout, more risk of withdrawal [S1, S7, S8]",
        (
            r"when is my alarm date",
            r"what strength of medicine is in my pump",
            r"printout",
            r"more risk of withdrawal",
        ),
    ),
    (
        "questions.md",
        "a carer's checklist: keep ready, learn, watch for [S35, S38]",
        (
            r"a carer's checklist",
            r"keep ready",
            r"pump id card",
            r"baclofen pills at home",
            r"learn",
            r"the 2 alarm sounds",
            r"give no alarm",
            r"watch for",
            r"the safety page",
        ),
    ),
    # ---- Glossary: one meaning per term ----
    (
        "glossary.md",
        "schedule: the whole set",
        (r"schedule the whole set of settings[^.]*programs, the week plan[^.]*pump",),
    ),
    (
        "glossary.md",
        "program: one day's pattern of steps",
        (r"program one day's pattern of steps",),
    ),
    (
        "glossary.md",
        "step: a time from which the pump gives one dose rate",
        (r"step \(dose step\) a time from which the pump gives one dose rate",),
    ),
    ("glossary.md", "week plan", (r"week plan which program runs on each day of the week",)),
    (
        "glossary.md",
        "concentration and strength",
        (r"concentration how strong the medicine is", r"strength how strong the medicine is"),
    ),
    ("glossary.md", "flex dosing", (r"flex dosing the pump gives more baclofen at some times",)),
    (
        "glossary.md",
        "ITB team",
        (r"itb team the doctors and nurses who look after your pump and set its dose",),
    ),
    (
        "glossary.md",
        "programmer: a small handheld computer",
        (r"programmer a small handheld computer",),
    ),
    ("glossary.md", "baclofen pills", (r"baclofen pills baclofen that you take by mouth",)),
    # ---- About ----
    ("about.md", "education only, not medical advice", (r"education only", r"not medical advice")),
    (
        "about.md",
        "no affiliation with any manufacturer",
        (r"not made by, paid for by, or linked to any company", r"medtronic"),
    ),
    ("about.md", "emergency guidance (rendered from flexdose.safety)", (r"emergency number",)),
    ("about.md", "general-knowledge points are marked for review", (r"general medical knowledge",)),
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


# (pages, what must not be said, pattern): the pattern must match none of the pages' text.
ABSENT: list[tuple[tuple[str, ...], str, str]] = [
    (
        EVERY_PAGE,
        "children under 4 'should not' get ITB (4 and older is the label's age, not a reason)",
        r"(children|people|anyone)( who are)? (under|younger than) 4",
    ),
    (
        EVERY_PAGE,
        "baclofen pills first for everyone (the source says so for spinal cord injury and MS)",
        r"(most people|everyone|all patients)[^.]{0,40}(baclofen|pills|tablets|by mouth) first"
        r"|baclofen (pills|tablets) come first",
    ),
    (
        EVERY_PAGE,
        "the bridge bolus as extra drug (DOMAIN.md: only that one is programmed) [S14]",
        r"bridge bolus[.:]? (is )?an? (short )?extra|extra dose,? called a bridge bolus"
        r"|bridge bolus[^.,;]{0,40}\bextra\b|\bextra\b[^.,;]{0,30}bridge bolus",
    ),
    (
        EVERY_PAGE,
        "the brain-injury wait stated for the whole list of conditions as 'traumatic' only",
        r"a traumatic brain injury, which means",
    ),
    (
        ("flex-dosing.md",),
        "the therapy program 'gives a little less' with no word of its higher total",
        r"gives a little less from 10 am to 2 pm, around the session\. the week strip",
    ),
    (PATIENT_PAGES, "'care team' for who to talk to (say 'your ITB team')", r"care team"),
    (PATIENT_PAGES, "'ITB doctor' for who to call (say 'your ITB team')", r"itb doctor"),
    (PATIENT_PAGES, "'your doctor' for who to call (say 'your ITB team')", r"your doctor"),
    (
        PATIENT_PAGES,
        "'your clinic' for who to call (the clinic printout is fine)",
        r"your (itb )?clinic\b(?!'s printout| printout)",
    ),
    (PATIENT_PAGES, "'tablet' for the programmer or for baclofen pills", r"\btablets?\b"),
    (
        PATIENT_PAGES,
        "'plan' other than 'week plan'",
        r"(?<!week )\bplans?\b",
    ),
]


def _text(built_site: Path, page: str) -> str:
    html = (built_site / page_url(page) / "index.html").read_text(encoding="utf-8")
    return " ".join(article_text(html).lower().split())


def _prose(built_site: Path, page: str) -> str:
    html = (built_site / page_url(page) / "index.html").read_text(encoding="utf-8")
    return " ".join(prose_text(html).lower().split())


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
@pytest.mark.parametrize(
    ("pages", "wrong", "pattern"), ABSENT, ids=[w.split(" (")[0] for _, w, _ in ABSENT]
)
def test_wrong_or_retired_wording_is_on_no_page(
    built_site: Path, pages: tuple[str, ...], wrong: str, pattern: str
) -> None:
    """No listed page says what the row forbids (a fact once wrong, or a retired word)."""
    found = []
    for page in pages:
        text = _prose(built_site, page)
        found += [
            f"{page}: ...{text[max(0, m.start() - 40) : m.end() + 40]}..."
            for m in re.finditer(pattern, text)
        ]
    assert not found, f"'{wrong}' is said again: {found}"


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


# ---- The Spanish edition: the same facts, in Spanish (tests/site/facts_es/<stem>.py) ----


def _spanish_module(page: str):
    """The facts_es module of a page ("living-with-a-pump.md" -> facts_es.living_with_a_pump)."""
    return importlib.import_module(f"facts_es.{page.removesuffix('.md').replace('-', '_')}")


def _spanish_facts() -> list[tuple[str, str, tuple[str, ...]]]:
    rows = []
    for page in EVERY_PAGE:
        try:
            facts = _spanish_module(page).FACTS
        except ModuleNotFoundError:
            continue
        rows += [(page, fact, tuple(patterns)) for fact, patterns in facts.items()]
    return rows


FACTS_ES = _spanish_facts()
# (page, the English row's description, a Spanish pattern): every page an English ABSENT row names.
ABSENT_ES = [
    (page, wrong, pattern)
    for pages, wrong, _ in ABSENT
    for page in pages
    for pattern in importlib.import_module("facts_es.absent").ABSENT.get(wrong, ())
]


def test_every_english_fact_has_its_spanish_row() -> None:
    """Each FACTS row (page, fact) has a Spanish row of the same name for the Spanish page, and
    each ABSENT row naming a page has a Spanish pattern for it; no Spanish row names a fact the
    English list does not have."""
    english = {(page, fact) for page, fact, _ in FACTS}
    spanish = {(page, fact) for page, fact, _ in FACTS_ES}
    assert not sorted(english - spanish), f"facts with no Spanish row: {sorted(english - spanish)}"
    assert not sorted(spanish - english), (
        f"Spanish rows of no English fact: {sorted(spanish - english)}"
    )
    spanish_absent = importlib.import_module("facts_es.absent").ABSENT
    english_absent = {wrong for _, wrong, _ in ABSENT}
    assert not sorted(english_absent - set(spanish_absent)), (
        f"ABSENT rows with no Spanish pattern: {sorted(english_absent - set(spanish_absent))}"
    )
    assert not sorted(set(spanish_absent) - english_absent), "Spanish ABSENT rows of no English row"


def _spanish_html(built_site: Path, page: str) -> str:
    return (built_site / SPANISH / page_url(page) / "index.html").read_text(encoding="utf-8")


@pytest.mark.site
@pytest.mark.parametrize(
    ("page", "fact", "patterns"), FACTS_ES, ids=[f"es/{p}: {f}" for p, f, _ in FACTS_ES]
)
def test_fact_is_on_its_spanish_page(
    built_site: Path, page: str, fact: str, patterns: tuple[str, ...]
) -> None:
    """The fact's every Spanish pattern matches the Spanish page's visible text."""
    text = " ".join(article_text(_spanish_html(built_site, page)).lower().split())
    missing = [p for p in patterns if not re.search(p, text)]
    assert not missing, f"es/{page} no longer says '{fact}': nothing matches {missing}"


@pytest.mark.site
@pytest.mark.parametrize(
    ("page", "wrong", "pattern"),
    ABSENT_ES,
    ids=[f"es/{p}: {w.split(' (')[0]}" for p, w, _ in ABSENT_ES],
)
def test_wrong_or_retired_wording_is_on_no_spanish_page(
    built_site: Path, page: str, wrong: str, pattern: str
) -> None:
    """The Spanish page's own prose does not say what the English ABSENT row forbids."""
    text = " ".join(prose_text(_spanish_html(built_site, page)).lower().split())
    found = [text[max(0, m.start() - 40) : m.end() + 40] for m in re.finditer(pattern, text)]
    assert not found, f"es/{page}: '{wrong}' is said again: {found}"


@pytest.mark.site
def test_every_spanish_tooltip_term_is_in_the_spanish_glossary(built_site: Path) -> None:
    """Each Spanish tooltip term has an entry in the Spanish glossary. An entry "Bolo (bolus)"
    or "X (Y, Z)" stands for each of its names; a plural ("cuidadores") is covered by its
    singular ("cuidador")."""
    source = Path(__file__).resolve().parents[2] / "docs" / "includes" / "abbreviations.es.md"
    terms = re.findall(r"^\*\[([^\]]+)\]:", source.read_text(encoding="utf-8"), re.M)
    assert terms
    html = _spanish_html(built_site, "glossary.md")
    names: set[str] = set()
    for dt in re.findall(r"<dt>(.*?)</dt>", html, re.S):
        text = re.sub(r"<[^>]+>", "", dt).strip().lower()
        head, _, rest = text.partition("(")
        names.add(head.strip())
        names.update(n.strip() for n in rest.rstrip(")").split(",") if n.strip())

    def covered(term: str) -> bool:
        t = term.lower()
        return any(c in names for c in (t, t.removesuffix("s"), t.removesuffix("es")))

    missing = sorted(t for t in terms if not covered(t))
    assert not missing, f"Spanish tooltip terms with no Spanish glossary entry: {missing}"
