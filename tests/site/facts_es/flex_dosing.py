"""Spanish facts of docs/flex-dosing.es.md (dosificación flexible)."""

from __future__ import annotations

FACTS: dict[str, tuple[str, ...]] = {
    "more or less at different times of day": (
        r"más baclofeno a unas horas y menos a otras",
        r"distintas horas del día",
    ),
    "up to 13 dose changes a day": (r"hasta 13 veces al día",),
    "different programs on different days of the week": (
        r"días de la semana",
        r"terapia física",
    ),
    "less by day helps walking, transfers and dressing": (
        r"menos durante el día",
        r"caminar",
        r"de la cama a una silla",
        r"vestirse",
    ),
    "more at night for sleep": (r"más de noche", r"dormir"),
    "after the constant dose is found": (r"después de hallar su mejor dosis constante",),
    "clock changes can shift flex timing [S14]": (r"horario de verano", r"zona horaria"),
    "the preview never programs or reads a pump": (r"nunca programa ni lee su bomba",),
    "therapy example: less around the session, more at other hours, a higher total": (
        r"un poco menos de las 10:00 a las 14:00",
        r"un poco más de las 07:00 a las 10:00 y de las 14:00 a las 21:00",
        r"un poco más alto: 525 mcg, frente a 512\.5 mcg",
    ),
    "program and week plan used as the glossary says": (
        r"un programa es el patrón de pasos de dosis de un día",
        r"el plan semanal dice qué programa",
    ),
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
        "the therapy program 'gives a little less' with no word of its higher total",
        r"da un poco menos de las 10:00 a las 14:00, cerca de la hora de la sesión\. la franja de"
        r" la semana",
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
