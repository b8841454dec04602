"""What to do now: the conditions, their warning signs, the tier of each sign, each tier's action.

This module is the one source of every safety statement ITB Flex makes. The Safety page's sign
lists and "what to do now" boxes, the home page's emergency box and the banner on every page are
rendered from it at build time (hooks/sitebuild/safety_blocks.py, `<!-- flexdose:safety ... -->`
markers); the widget's notice, the embed, the printout, the emergency card, the text report and
the CLI take their safety sentences from it too. tests/site/test_safety_voice.py fails when a
page or a rendered output states a sign or an action that is not here.

Each sign carries the DOMAIN.md source ids it rests on ("S29", ...) or `GENERAL`: general
knowledge, marked for clinical review. Which tier a sign belongs to is a judgement the sources
only partly make (they say "call your doctor right away" for withdrawal signs [S1], "call the
doctor at once" for the two-tone alarm [S3]); `Tier.basis` says what each tier rests on.

The Spanish words are in `flexdose.safety_es`, a mirror of this module that takes every
structure from here (sign keys, conditions, tiers, sources, order) and only its words from its own
tables; `in_language(lang)` gives either one, `current()` the one of the call in progress.
Nothing here imports another flexdose module but the language (`flexdose.i18n`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from .i18n import check_language, current_language

__all__ = [
    "ACT_NOW",
    "ALARMS",
    "BANNER",
    "BANNER_LINK",
    "BANNER_MORE",
    "CONDITIONS",
    "EMERGENCY_NUMBER",
    "EMERGENCY_NUMBERS",
    "FRAMING",
    "GENERAL",
    "NOTICE",
    "REPORT_CLOSING",
    "SIGNS",
    "SURGERY_RISKS",
    "TEAM",
    "TEAM_MEANING",
    "TELL_STAFF",
    "TIERS",
    "WHILE_WAITING",
    "Alarm",
    "Condition",
    "SafetyText",
    "Sign",
    "Tier",
    "all_sentences",
    "current",
    "in_language",
    "signs_for",
    "tier",
]

GENERAL = "general knowledge, to review"
"""Source marker for a statement DOMAIN.md does not hold: common first-aid or clinical practice,
kept because a patient needs it, and listed for a clinician to review."""

TierKey = Literal["emergency", "urgent", "soon"]
ConditionKey = Literal["withdrawal", "overdose", "underdose", "side-effects", "surgery"]

# ---- Who to call ----

EMERGENCY_NUMBERS: tuple[tuple[str, str], ...] = (
    ("911", "the US and Canada"),
    ("112", "the EU"),
    ("999", "the UK"),
    ("000", "Australia"),
)
EMERGENCY_NUMBER = (
    "your local emergency number ("
    + ", ".join(f"{number} in {where}" for number, where in EMERGENCY_NUMBERS)
    + ")"
)
"""How every page and output names the emergency number (one wording everywhere)."""

TEAM = "your ITB team"
"""Who to call and talk to, the same words everywhere (glossary: ITB team)."""
TEAM_MEANING = "the doctors and nurses who look after your pump and set its dose"


@dataclass(frozen=True, slots=True)
class Tier:
    """How urgent a sign is: its heading, what to do now, and what to do if no one answers."""

    key: TierKey
    name: str
    heading: str
    action: str
    if_unreachable: str
    basis: tuple[str, ...]


TIERS: tuple[Tier, ...] = (
    Tier(
        "emergency",
        "Emergency signs",
        f"Call {EMERGENCY_NUMBER} now",
        f"Call {EMERGENCY_NUMBER} now, or go to the nearest emergency room. Then call {TEAM}.",
        "Do not wait to reach anyone else first.",
        # The boxed warning: withdrawal can be life-threatening [S35]; overdose can stop
        # breathing [S36]. Sending these to the emergency number is general practice.
        ("S35", "S36", GENERAL),
    ),
    Tier(
        "urgent",
        "Urgent signs",
        f"Call {TEAM} right away",
        f"Call {TEAM} right away, day or night, even at the weekend. "
        "Do not wait for your next visit.",
        f"If you cannot reach {TEAM} soon, go to the nearest emergency room. Take your pump ID "
        f"card. If the signs get worse, call {EMERGENCY_NUMBER}.",
        # "Your doctor should be called right away" for withdrawal signs [S1]; the early signs of
        # withdrawal are the underdose signs [S1, S29]; the two-tone alarm: call at once [S3].
        ("S1", "S3", "S29"),
    ),
    Tier(
        "soon",
        "Same-day signs",
        f"Call {TEAM} the same day",
        f"Call {TEAM} the same day. Do not wait for your next visit.",
        f"If you cannot reach {TEAM} today, call their after-hours number. If the signs get "
        "worse, call them right away.",
        (GENERAL,),
    ),
)


def _tier_in(tiers: tuple[Tier, ...], key: str) -> Tier:
    for item in tiers:
        if item.key == key:
            return item
    raise KeyError(key)


def tier(key: str) -> Tier:
    """The tier called `key` (KeyError for an unknown key)."""
    return _tier_in(TIERS, key)


# ---- Conditions and their signs ----


@dataclass(frozen=True, slots=True)
class Condition:
    """Something that can go wrong, as the Safety page names it."""

    key: ConditionKey
    name: str


CONDITIONS: tuple[Condition, ...] = (
    Condition("withdrawal", "withdrawal (too little baclofen, suddenly)"),
    Condition("overdose", "overdose (too much baclofen)"),
    Condition("underdose", "underdose (too little baclofen)"),
    Condition("side-effects", "side effects"),
    Condition("surgery", "problems after surgery"),
)


@dataclass(frozen=True, slots=True)
class Sign:
    """One warning sign: its words, the conditions it is a sign of, its tier and its sources.

    `terms` are regular expressions (lower case) that find the sign in a page's text: the
    one-source test fails when one of them appears outside a block rendered from this module.
    `brief` is the short form the widget's notice names (emergency signs only).
    """

    key: str
    text: str
    conditions: tuple[ConditionKey, ...]
    tier: TierKey
    sources: tuple[str, ...]
    terms: tuple[str, ...] = ()
    brief: str = ""


SIGNS: tuple[Sign, ...] = (
    # ---- emergency ----
    Sign(
        "breathing",
        "slow or shallow breathing, or trouble breathing",
        ("overdose",),
        "emergency",
        ("S29", "S36", "S1"),
        (r"shallow breathing", r"trouble breathing", r"breathing (?:problems|depression)"),
        "trouble breathing",
    ),
    Sign(
        "unconscious",
        "cannot be woken up, passes out, or is in a coma (like a deep sleep they cannot be "
        "woken from; it can last up to 72 hours, and people usually recover with care)",
        ("overdose",),
        "emergency",
        ("S29", "S36", "S1"),
        (r"cannot be woken", r"passes out", r"passing out", r"\bcoma\b", r"unconscious"),
        "someone who cannot be woken",
    ),
    Sign(
        "seizure",
        "a seizure (a fit)",
        ("overdose",),
        "emergency",
        ("S29", "S36", "S1"),
        (r"seizures?",),
        "a seizure",
    ),
    Sign(
        "cold",
        "a body temperature lower than normal",
        ("overdose",),
        "emergency",
        ("S29", "S1"),
        (r"body temperature", r"hypothermia"),
    ),
    Sign(
        "high-fever",
        "a high fever",
        ("withdrawal",),
        "emergency",
        ("S35", "S1"),
        (r"\bfever\b",),
        "a high fever",
    ),
    Sign(
        "confusion",
        "confusion, or acting very differently from usual (a change in mental state)",
        ("withdrawal",),
        "emergency",
        ("S35", "S1"),
        (r"confus", r"mental stat"),
    ),
    Sign(
        "rigid",
        "very stiff, rigid muscles, or spasticity that comes back much worse than before",
        ("withdrawal",),
        "emergency",
        ("S35", "S1"),
        (r"\brigid", r"rebound"),
    ),
    Sign(
        "stiff-neck",
        "a stiff neck with a bad headache (this can be meningitis, an infection around the "
        "spinal cord and brain)",
        ("surgery",),
        "emergency",
        (GENERAL,),
        (r"stiff neck",),
    ),
    # ---- urgent: the early signs of withdrawal are the underdose signs [S1, S29] ----
    Sign(
        "spasticity-back",
        "your spasticity, stiffness or spasms come back, or get worse than usual",
        ("underdose", "withdrawal"),
        "urgent",
        ("S1", "S29"),
        (
            r"spasms come back",
            r"spasticity (?:comes|coming) back",
            r"return(?:s|ing)? (?:of|in) spasticity",
        ),
    ),
    Sign(
        "itching",
        "itching, often with no rash",
        ("underdose", "withdrawal"),
        "urgent",
        ("S1", "S29", "S37"),
        (r"\bitch",),
    ),
    Sign(
        "low-blood-pressure",
        "low blood pressure",
        ("underdose", "withdrawal"),
        "urgent",
        ("S1", "S29"),
        (r"low blood pressure",),
    ),
    Sign(
        "lightheaded",
        "feeling lightheaded or dizzy",
        ("underdose", "withdrawal", "overdose", "side-effects"),
        "urgent",
        ("S1", "S29", "S36"),
        (r"light-?headed", r"dizz"),
    ),
    Sign(
        "tingling",
        'tingling, or "pins and needles"',
        ("underdose", "withdrawal"),
        "urgent",
        ("S1", "S29"),
        (r"tingl", r"pins and needles"),
    ),
    Sign(
        "drowsy",
        "feeling very drowsy or sleepy",
        ("overdose", "side-effects"),
        "urgent",
        ("S1", "S29", "S36"),
        (r"drows", r"sleepy", r"sleepiness"),
    ),
    Sign(
        "floppy",
        "muscles that are too loose or weak (the weakness can start low in the body and move up)",
        ("overdose", "side-effects"),
        "urgent",
        ("S1", "S29", "S36"),
        (r"too loose", r"floppy"),
    ),
    # ---- soon ----
    Sign(
        "stomach",
        "an upset stomach, or vomiting",
        ("side-effects",),
        "soon",
        ("S1",),
        (r"vomit", r"upset stomach", r"sick to your stomach", r"nausea"),
    ),
    Sign(
        "headache",
        "a headache, or one that is worse when you sit or stand and better when you lie down "
        "(this can be a spinal fluid leak)",
        ("side-effects", "surgery"),
        "soon",
        ("S1", GENERAL),
        (r"(?<!bad )headaches?",),
    ),
    Sign(
        "wound",
        "redness, warmth, swelling, pain or fluid where the pump or the catheter went in",
        ("surgery",),
        "soon",
        ("S1", GENERAL),
        (r"redness", r"warmth"),
    ),
    Sign(
        "bruising",
        "new swelling, bleeding or bruising near the pump",
        ("surgery",),
        "soon",
        ("S1",),
        (r"bruis",),
    ),
    Sign(
        "skin",
        "the skin over the pump gets thin or breaks, or the pump seems to move",
        ("surgery",),
        "soon",
        ("S1",),
        (r"skin over the pump",),
    ),
)


def _signs_in(
    signs: tuple[Sign, ...], condition: str | None, tier_key: str | None
) -> tuple[Sign, ...]:
    return tuple(
        s
        for s in signs
        if (condition is None or condition in s.conditions)
        and (tier_key is None or s.tier == tier_key)
    )


def signs_for(condition: str | None = None, tier_key: str | None = None) -> tuple[Sign, ...]:
    """The signs of one condition and/or one tier, in the module's order."""
    return _signs_in(SIGNS, condition, tier_key)


SURGERY_RISKS: tuple[str, ...] = (
    "infection",
    "meningitis (an infection of the layers around the brain and spinal cord)",
    "a spinal fluid leak",
    "paralysis (loss of movement or feeling)",
    "headache",
    "swelling",
    "bleeding",
    "bruising",
)
"""The risks of putting in a pump and catheter, as the maker's page lists them [S1]."""

# ---- Alarms ----


@dataclass(frozen=True, slots=True)
class Alarm:
    """One of the pump's two alarm sounds: what it means and what to do."""

    key: str
    sound: str
    means: str
    tier: TierKey
    sources: tuple[str, ...]


ALARMS: tuple[Alarm, ...] = (
    Alarm(
        "two-tone",
        "two tones, 3 seconds",
        "the pump is no longer giving baclofen: it is empty, its battery has run out, its motor "
        "has stopped, or it has a fault",
        "urgent",
        ("S3", "S6", "S7"),
    ),
    Alarm(
        "single",
        "a single tone, 1 second, about once every hour",
        "the medicine is getting low, or the pump must be replaced within 90 days",
        "soon",
        ("S3", "S6"),
    ),
)

# ---- For carers and for emergency staff ----

WHILE_WAITING: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Stay with the person. Do not leave them alone.", (GENERAL,)),
    (
        "If they are very drowsy or cannot be woken up but are breathing, lay them on their "
        "side, so that they can breathe freely.",
        (GENERAL,),
    ),
    (
        "During a seizure, move hard things away from them. Put nothing in their mouth.",
        (GENERAL,),
    ),
    ("Give no food, drink or pills to someone who is very drowsy.", (GENERAL,)),
    ("Write down when the signs started and what you saw.", (GENERAL,)),
    (
        "Have the pump ID card, the latest clinic printout and a list of their medicines ready "
        "for the emergency team.",
        ("S38", GENERAL),
    ),
    (
        f"If {TEAM} gave baclofen pills for this, use them only as they told you. The pills "
        "help, but they do not fully replace the pump.",
        ("S37", "S38"),
    ),
)
"""What a carer does while waiting for help, each with its source."""

TELL_STAFF: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        'Say: "This person has a baclofen pump. It puts baclofen into the fluid around the '
        'spinal cord (intrathecal baclofen). This may be baclofen withdrawal or an overdose."',
        ("S35", "S36"),
    ),
    ("Show the pump ID card and the latest clinic printout.", ("S38",)),
    (f"Give them the phone number of {TEAM}, and ask them to call it.", (GENERAL,)),
)
"""What to tell emergency staff, each with its source."""

# ---- The sentences other outputs show ----

FRAMING = (
    f"This is a picture to discuss with {TEAM}, not a pump program. It never programs or reads "
    "a pump."
)
"""What every preview, printout and report is (the brief: never advice about a dose)."""


def _brief_emergency() -> str:
    briefs = [s.brief for s in SIGNS if s.tier == "emergency" and s.brief]
    return ", ".join(briefs[:-1]) + " or " + briefs[-1]


ACT_NOW = (
    f"For {_brief_emergency()}, call {EMERGENCY_NUMBER} now. For a pump alarm or any other "
    f"warning sign, call {TEAM} right away."
)
"""What to do now, in two sentences: the emergency signs named briefly, then everything else."""

NOTICE = f"A picture to discuss with {TEAM}, not a pump program. {ACT_NOW}"
"""The safety notice in view wherever doses are shown: widget, embed, printout, text report."""

REPORT_CLOSING = (
    f"It may contain mistakes: your clinic printout is always the true record. {ACT_NOW}"
)
"""The end of the not-a-programmer note every report closes with (after FRAMING)."""

BANNER = f"Emergency? Call {EMERGENCY_NUMBER}, then {TEAM}."
"""The line above the header on every page."""

BANNER_MORE = "This site is education only. It never programs or reads a pump."
"""The banner's second sentence (what the site is not)."""

BANNER_LINK = "Warning signs"
"""The banner's link to the Safety page's sign lists."""


class SafetyText(Protocol):
    """What `in_language` gives: this module's public names, in one language.

    Both language modules (`flexdose.safety`, `flexdose.safety_es`) satisfy it, so a caller
    reads `in_language(lang).BANNER` exactly as it reads `safety.BANNER`.
    """

    GENERAL: str
    EMERGENCY_NUMBERS: tuple[tuple[str, str], ...]
    EMERGENCY_NUMBER: str
    TEAM: str
    TEAM_MEANING: str
    TIERS: tuple[Tier, ...]
    CONDITIONS: tuple[Condition, ...]
    SIGNS: tuple[Sign, ...]
    SURGERY_RISKS: tuple[str, ...]
    ALARMS: tuple[Alarm, ...]
    WHILE_WAITING: tuple[tuple[str, tuple[str, ...]], ...]
    TELL_STAFF: tuple[tuple[str, tuple[str, ...]], ...]
    FRAMING: str
    ACT_NOW: str
    NOTICE: str
    REPORT_CLOSING: str
    BANNER: str
    BANNER_MORE: str
    BANNER_LINK: str

    def tier(self, key: str) -> Tier:
        """The tier called `key`."""
        ...  # pragma: no cover - a protocol's signature only

    def signs_for(
        self, condition: str | None = None, tier_key: str | None = None
    ) -> tuple[Sign, ...]:
        """The signs of one condition and/or one tier."""
        ...  # pragma: no cover - a protocol's signature only

    def all_sentences(self) -> tuple[str, ...]:
        """Every sentence the module can put on a page or in an output."""
        ...  # pragma: no cover - a protocol's signature only


def _sentences_of(words: SafetyText) -> tuple[str, ...]:
    out: list[str] = [
        words.FRAMING,
        words.ACT_NOW,
        words.NOTICE,
        words.REPORT_CLOSING,
        words.BANNER,
        words.BANNER_MORE,
    ]
    for t in words.TIERS:
        out += [t.name, t.heading, t.action, t.if_unreachable]
    out += [s.text for s in words.SIGNS]
    out += [a.means for a in words.ALARMS]
    out += list(words.SURGERY_RISKS)
    out += [text for text, _ in words.WHILE_WAITING + words.TELL_STAFF]
    return tuple(out)


def all_sentences() -> tuple[str, ...]:
    """Every sentence this module can put on a page or in an output (for the one-source test)."""
    return _sentences_of(in_language("en"))


def in_language(lang: str | None) -> SafetyText:
    """This module's names in `lang` ("en", "es", "es-US"...; None: the current language).

    English is this module itself; Spanish is `flexdose.safety_es`. ValueError for a language
    flexdose does not speak (see `flexdose.i18n.check_language`).
    """
    code = current_language() if lang is None else check_language(lang)
    # Imported here, not at the top: safety_es builds its structures from this module's.
    if code == "es":
        from . import safety_es

        return safety_es
    from . import safety

    return safety


def current() -> SafetyText:
    """This module's names in the language of the call in progress (`i18n.current_language`)."""
    return in_language(None)
