"""Lo que hay que hacer ahora: `flexdose.safety` in Spanish, and only its words.

Every structure comes from `flexdose.safety` by key: which conditions a sign belongs to, its
tier, its sources, the order of the lists. This module gives each key its Spanish words (the
text, the words that find the sign on a Spanish page, the short form the notice names), so a
sign cannot get a different tier or action in Spanish than in English. `safety.in_language("es")`
returns this module; it has the same public names as `flexdose.safety`.

The words are our own plain Spanish, for patients at a US grade-6 level, in the neutral Latin
American Spanish US patient materials use ("usted", "su equipo de ITB", "llame al 911").
tests/unit/test_safety_es.py fails when a key has no Spanish words, when the structure differs
from the English one, or when an English word is left in a Spanish sentence.
"""

from __future__ import annotations

from dataclasses import replace

from . import safety as _en
from .safety import (
    GENERAL,
    Alarm,
    Condition,
    Sign,
    Tier,
    _sentences_of,
    _signs_in,
    _tier_in,
)

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
    "Sign",
    "Tier",
    "all_sentences",
    "signs_for",
    "tier",
]


def _tier(key: str, name: str, heading: str, action: str, if_unreachable: str) -> Tier:
    """The English tier `key` with Spanish words (its sources stay the English ones)."""
    return replace(
        _en.tier(key), name=name, heading=heading, action=action, if_unreachable=if_unreachable
    )


def _condition(key: str, name: str) -> Condition:
    english = next(c for c in _en.CONDITIONS if c.key == key)
    return replace(english, name=name)


def _sign(key: str, text: str, terms: tuple[str, ...], brief: str = "") -> Sign:
    """The English sign `key` (conditions, tier, sources) with Spanish words."""
    english = next(s for s in _en.SIGNS if s.key == key)
    return replace(english, text=text, terms=terms, brief=brief)


def _alarm(key: str, sound: str, means: str) -> Alarm:
    english = next(a for a in _en.ALARMS if a.key == key)
    return replace(english, sound=sound, means=means)


def _with_sources(
    english: tuple[tuple[str, tuple[str, ...]], ...], texts: tuple[str, ...], name: str
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each Spanish sentence with the sources of the English one in the same place."""
    if len(texts) != len(english):
        raise ValueError(f"safety_es.{name} has {len(texts)} sentences, English {len(english)}")
    return tuple((text, sources) for text, (_, sources) in zip(texts, english, strict=True))


# ---- A quién llamar ----

EMERGENCY_NUMBERS: tuple[tuple[str, str], ...] = (
    ("911", "Estados Unidos y Canadá"),
    ("112", "la Unión Europea"),
    ("999", "el Reino Unido"),
    ("000", "Australia"),
)
# Always after "llame al": "Llame al 911 (o al número ...)". The readers are in the US, where
# patient materials say "llame al 911"; the other numbers follow for a reader abroad.
EMERGENCY_NUMBER: str = (
    f"{EMERGENCY_NUMBERS[0][0]} (o al número de emergencias del país donde esté: "
    + ", ".join(f"{number} en {where}" for number, where in EMERGENCY_NUMBERS[1:])
    + ")"
)
"""How every Spanish page and output names the emergency number (after "llame al")."""

TEAM: str = "su equipo de ITB"
TEAM_MEANING: str = "los médicos y enfermeras que atienden su bomba y fijan su dosis"

TIERS: tuple[Tier, ...] = (
    _tier(
        "emergency",
        "Señales de emergencia",
        f"Llame ahora al {EMERGENCY_NUMBER}",
        f"Llame ahora al {EMERGENCY_NUMBER}, o vaya a la sala de emergencias más cercana. "
        f"Después, llame a {TEAM}.",
        "No espere a hablar antes con otra persona.",
    ),
    _tier(
        "urgent",
        "Señales urgentes",
        f"Llame a {TEAM} de inmediato",
        f"Llame a {TEAM} de inmediato, de día o de noche, también el fin de semana. "
        "No espere a su próxima cita.",
        f"Si no logra hablar pronto con {TEAM}, vaya a la sala de emergencias más cercana. "
        "Lleve la tarjeta de identificación de su bomba. Si las señales empeoran, llame al "
        f"{EMERGENCY_NUMBER}.",
    ),
    _tier(
        "soon",
        "Señales para el mismo día",
        f"Llame a {TEAM} el mismo día",
        f"Llame a {TEAM} el mismo día. No espere a su próxima cita.",
        f"Si hoy no logra hablar con {TEAM}, llame al número que le dieron para fuera del "
        "horario de atención. Si las señales empeoran, llámelos de inmediato.",
    ),
)


def tier(key: str) -> Tier:
    """The tier called `key` (KeyError for an unknown key)."""
    return _tier_in(TIERS, key)


# ---- Los problemas y sus señales ----

CONDITIONS: tuple[Condition, ...] = (
    _condition("withdrawal", "abstinencia (muy poco baclofeno, de repente)"),
    _condition("overdose", "sobredosis (demasiado baclofeno)"),
    _condition("underdose", "dosis insuficiente (muy poco baclofeno)"),
    _condition("side-effects", "efectos secundarios"),
    _condition("surgery", "problemas después de la cirugía"),
)

# Terms are lower-case regular expressions that find a sign in a Spanish page's text, as the
# English ones do in English (tests/site/test_safety_voice.py). Each one finds its own sign's
# text and no other sign's (tests/unit/test_safety_es.py).
SIGNS: tuple[Sign, ...] = (
    # ---- emergencia ----
    _sign(
        "breathing",
        "respiración lenta o poco profunda, o dificultad para respirar",
        (r"poco profunda", r"dificultad para respirar", r"problemas para respirar"),
        "problemas para respirar",
    ),
    _sign(
        "unconscious",
        "no se puede despertar, se desmaya o está en coma (como un sueño muy profundo del que no "
        "se puede despertar; puede durar hasta 72 horas, y con atención médica la persona suele "
        "recuperarse)",
        (r"no se (?:le )?puede despertar", r"desmay", r"\bcoma\b", r"inconsciente"),
        "una persona que no se puede despertar",
    ),
    _sign(
        "seizure",
        "una convulsión (un ataque)",
        (r"convulsi",),
        "una convulsión",
    ),
    _sign(
        "cold",
        "una temperatura del cuerpo más baja de lo normal",
        (r"temperatura del cuerpo", r"temperatura corporal", r"hipotermia"),
    ),
    _sign(
        "high-fever",
        "fiebre alta",
        (r"\bfiebre\b",),
        "fiebre alta",
    ),
    _sign(
        "confusion",
        "confusión, o un comportamiento muy distinto del habitual (un cambio en el estado mental)",
        (r"confus", r"estado mental"),
    ),
    _sign(
        "rigid",
        "músculos muy duros y rígidos, o espasticidad que vuelve mucho peor que antes",
        (r"\brígid", r"rebote"),
    ),
    _sign(
        "stiff-neck",
        "rigidez en el cuello con un dolor de cabeza fuerte (puede ser meningitis, una infección "
        "alrededor de la médula espinal y el cerebro)",
        (r"rigidez (?:en el|del) cuello", r"cuello (?:rígido|tieso)"),
    ),
    # ---- urgente: las primeras señales de abstinencia son las de dosis insuficiente ----
    _sign(
        "spasticity-back",
        "su espasticidad, su rigidez o sus espasmos vuelven, o están peor que de costumbre",
        (
            r"espasmos vuelven",
            r"espasticidad (?:vuelve|regresa)",
            r"(?:vuelve|regresa) la espasticidad",
        ),
    ),
    _sign(
        "itching",
        "picazón, muchas veces sin sarpullido",
        (r"picaz", r"comez"),
    ),
    _sign(
        "low-blood-pressure",
        "presión arterial baja",
        (r"presión arterial baja", r"presión baja"),
    ),
    _sign(
        "lightheaded",
        "sentirse mareado o aturdido",
        (r"\bmare[oa]", r"aturdid"),
    ),
    _sign(
        "tingling",
        "hormigueo, como pequeños pinchazos en la piel",
        (r"hormigue", r"pinchazos"),
    ),
    _sign(
        "drowsy",
        "sentir mucho sueño o estar muy adormilado",
        (r"somnolen", r"adormilad", r"mucho sueño"),
    ),
    _sign(
        "floppy",
        "músculos demasiado flojos o débiles (la debilidad puede empezar en la parte baja del "
        "cuerpo y subir)",
        (r"demasiado flojos", r"flácid"),
    ),
    # ---- el mismo día ----
    _sign(
        "stomach",
        "malestar de estómago, o vómitos",
        (r"v[oó]mit", r"malestar de estómago", r"estómago revuelto", r"náusea"),
    ),
    _sign(
        "headache",
        "dolor de cabeza, o un dolor de cabeza que empeora al sentarse o ponerse de pie y mejora "
        "al acostarse (puede ser una fuga de líquido espinal)",
        # Not the strong headache of the stiff-neck sign (an emergency).
        (r"dolor(?:es)? de cabeza(?! fuerte)",),
    ),
    _sign(
        "wound",
        "enrojecimiento, calor, hinchazón, dolor o líquido donde se colocaron la bomba o el "
        "catéter",
        (r"enrojec", r"\bcalor\b"),
    ),
    _sign(
        "bruising",
        "hinchazón nueva, sangrado o moretones cerca de la bomba",
        (r"moret[oó]n", r"hematoma"),
    ),
    _sign(
        "skin",
        "la piel sobre la bomba se pone delgada o se abre, o la bomba parece moverse",
        (r"piel (?:sobre|encima de) la bomba",),
    ),
)


def signs_for(condition: str | None = None, tier_key: str | None = None) -> tuple[Sign, ...]:
    """The signs of one condition and/or one tier, in the module's order."""
    return _signs_in(SIGNS, condition, tier_key)


SURGERY_RISKS: tuple[str, ...] = (
    "infección",
    "meningitis (una infección de las capas que cubren el cerebro y la médula espinal)",
    "una fuga de líquido espinal",
    "parálisis (pérdida del movimiento o de la sensibilidad)",
    "dolor de cabeza",
    "hinchazón",
    "sangrado",
    "moretones",
)
"""The risks of putting in a pump and catheter, in the order of `safety.SURGERY_RISKS`."""

# ---- Alarmas ----

ALARMS: tuple[Alarm, ...] = (
    _alarm(
        "two-tone",
        "dos tonos, 3 segundos",
        "la bomba ya no está dando baclofeno: está vacía, se le acabó la batería, su motor se "
        "detuvo o tiene una falla",
    ),
    _alarm(
        "single",
        "un solo tono, 1 segundo, más o menos una vez cada hora",
        "queda poco medicamento, o hay que cambiar la bomba en los próximos 90 días",
    ),
)

# ---- Para quien cuida y para el personal de emergencias ----

WHILE_WAITING: tuple[tuple[str, tuple[str, ...]], ...] = _with_sources(
    _en.WHILE_WAITING,
    (
        "Quédese con la persona. No la deje sola.",
        "Si tiene mucho sueño o no se puede despertar, pero respira, acuéstela de lado para que "
        "pueda respirar bien.",
        "Durante una convulsión, aleje de ella las cosas duras. No le ponga nada en la boca.",
        "No le dé comida, bebida ni pastillas a una persona que tiene mucho sueño.",
        "Anote cuándo empezaron las señales y lo que vio.",
        "Tenga a mano para el equipo de emergencias la tarjeta de identificación de la bomba, la "
        "última hoja impresa de la clínica y una lista de sus medicamentos.",
        f"Si {TEAM} le dio pastillas de baclofeno para esto, úselas solo como le indicaron. Las "
        "pastillas ayudan, pero no reemplazan por completo a la bomba.",
    ),
    "WHILE_WAITING",
)
"""What a carer does while waiting for help, each with the English sentence's sources."""

TELL_STAFF: tuple[tuple[str, tuple[str, ...]], ...] = _with_sources(
    _en.TELL_STAFF,
    (
        'Diga: "Esta persona tiene una bomba de baclofeno. La bomba pone baclofeno en el líquido '
        "que rodea la médula espinal (baclofeno intratecal). Esto puede ser abstinencia de "
        'baclofeno o una sobredosis."',
        "Muestre la tarjeta de identificación de la bomba y la última hoja impresa de la clínica.",
        f"Deles el número de teléfono de {TEAM} y pídales que llamen.",
    ),
    "TELL_STAFF",
)
"""What to tell emergency staff, each with the English sentence's sources."""

# ---- Las frases que muestran las otras salidas ----

FRAMING: str = (
    f"Esta es una imagen para comentar con {TEAM}, no un programa para la bomba. Nunca programa "
    "ni lee una bomba."
)
"""What every preview, printout and report is (never advice about a dose)."""


def _brief_emergency() -> str:
    briefs = [s.brief for s in SIGNS if s.tier == "emergency" and s.brief]
    return ", ".join(briefs[:-1]) + " o " + briefs[-1]


ACT_NOW: str = (
    f"Si hay {_brief_emergency()}, llame ahora al {EMERGENCY_NUMBER}. Si suena una alarma de la "
    f"bomba o nota cualquier otra señal de alerta, llame a {TEAM} de inmediato."
)
"""What to do now, in two sentences: the emergency signs named briefly, then everything else."""

NOTICE: str = f"Una imagen para comentar con {TEAM}, no un programa para la bomba. {ACT_NOW}"
"""The safety notice in view wherever doses are shown: widget, embed, printout, text report."""

REPORT_CLOSING: str = (
    f"Puede tener errores: la hoja impresa de su clínica siempre es el registro correcto. {ACT_NOW}"
)
"""The end of the not-a-programmer note every report closes with (after FRAMING)."""

BANNER: str = f"¿Es una emergencia? Llame al {EMERGENCY_NUMBER} y después a {TEAM}."
"""The line above the header on every Spanish page."""

BANNER_MORE: str = "Este sitio es solo para aprender. Nunca programa ni lee una bomba."
"""The banner's second sentence (what the site is not)."""

BANNER_LINK: str = "Señales de alerta"
"""The banner's link to the Safety page's sign lists."""


def all_sentences() -> tuple[str, ...]:
    """Every sentence this module can put on a page or in an output (for the one-source test)."""
    return _sentences_of(_en.in_language("es"))
