"""Spanish facts of docs/about.es.md (acerca de, fuentes y aviso)."""

from __future__ import annotations

FACTS: dict[str, tuple[str, ...]] = {
    "education only, not medical advice": (r"solo para educación", r"no es consejo médico"),
    "no affiliation with any manufacturer": (
        r"no lo hace, no lo paga y no tiene relación con ninguna empresa",
        r"medtronic",
    ),
    # rendered by flexdose (flexdose.safety's emergency action, in Spanish)
    "emergency guidance (rendered from flexdose.safety)": (
        r"llame ahora al 911",
        r"número de emergencias",
    ),
    "general-knowledge points are marked for review": (r"conocimientos médicos generales",),
    "sources listed": (r"\bs1\b", r"\bs45\b"),
}

ABSENT: list[tuple[str, str]] = [
    (
        "children under 4 'should not' get ITB (4 and older is the label's age, not a reason)",
        r"(niños|niñas|personas|nadie)( que tengan| que tienen)? (menores de|de menos de|con menos"
        r" de) 4 años",
    ),
    (
        "baclofen pills first for everyone (the source says so for spinal cord injury and MS)",
        r"(la mayoría de las personas|todos|todas las personas|todos los pacientes)[^.]{0,40}"
        r"(baclofeno|pastillas|tabletas|por boca) (primero|antes que nada)"
        r"|(pastillas|tabletas) de baclofeno (van|vienen|son lo) primero",
    ),
    (
        "the bridge bolus as extra drug (DOMAIN.md: only that one is programmed) [S14]",
        r"bolo puente[.:]? (es )?una? (breve |corta |pequeña )?(dosis )?(extra|adicional)"
        r"|dosis (extra|adicional),? llamada bolo puente"
        r"|bolo puente[^.,;]{0,40}\b(extra|adicional)\b"
        r"|\b(extra|adicional)\b[^.,;]{0,30}bolo puente",
    ),
    (
        "the brain-injury wait stated for the whole list of conditions as 'traumatic' only",
        r"una lesión cerebral traumática, que (significa|quiere decir)",
    ),
    (
        "'care team' for who to talk to (say 'your ITB team')",
        r"equipo (de atención|de cuidados?|médico|de salud)",
    ),
    ("'ITB doctor' for who to call (say 'your ITB team')", r"(médico|doctor) de (la )?itb"),
    ("'your doctor' for who to call (say 'your ITB team')", r"\bsu (médico|doctor)\b"),
    (
        "'your clinic' for who to call (the clinic printout is fine)",
        r"(?<!impresa de )\bsu clínica( de itb)?\b",
    ),
    ("'tablet' for the programmer or for baclofen pills", r"\btabletas?\b|\bcomprimidos?\b"),
    (
        "'plan' other than 'week plan'",
        r"\bplan(es)?\b(?! (semanal|de la semana))",
    ),
]
