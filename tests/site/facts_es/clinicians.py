"""Spanish facts of docs/clinicians.es.md (para profesionales: cómo funciona la vista previa)."""

from __future__ import annotations

FACTS: dict[str, tuple[str, ...]] = {
    "how the preview computes": (r"total diario", r"volumen de alarma", r"152 días"),
    "CLI and exit codes": (r"flexdose check", r"no se pudo leer"),
    "dosing modes and what the preview does not model [S14, S40]": (
        r"infusión continua simple",
        r"bolos programados con regularidad",
        r"bolo puente",
        r"bolsillo",
    ),
    "a section for embedding": (
        r"cómo insertar la vista previa en un portal",
        r"para equipos de portales",
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
]
