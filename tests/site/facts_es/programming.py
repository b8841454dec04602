"""Spanish facts of docs/programming.es.md (la programación con su equipo de ITB)."""

from __future__ import annotations

FACTS: dict[str, tuple[str, ...]] = {
    "constant dose first": (r"dosis constante", r"al principio"),
    "no increase in the first 24 hours [S33, S34]": (r"no se sube en las primeras 24 horas",),
    "gradual adjustments over weeks or months": (r"poco a poco", r"semanas o meses"),
    "results are watched": (r"observan lo que pasa",),
    "tell your ITB team what is not working": (r"lo que no funciona",),
    "say what you want to improve": (r"quiere mejorar",),
    "new goals later": (r"metas nuevas",),
    "flex dosing after the best constant dose [S1]": (
        r"la dosificación flexible casi siempre empieza solo después de hallar su mejor dosis"
        r" constante",
    ),
    "printout: dose, concentration, reservoir, alarm date [S7, S8]": (
        r"mcg por día",
        r"concentración",
        r"depósito",
        r"fecha de la alarma",
    ),
    "programmer works within about 3 m [S10]": (r"3 metros",),
    "a concentration change at a refill needs a bridge bolus [S14]": (
        r"cuando la potencia cambia en un relleno, su equipo de itb también programa un bolo"
        r" puente",
    ),
    "the programmer is a small handheld computer [S10]": (
        r"un programador \(una pequeña computadora de mano\)",
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
