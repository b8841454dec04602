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
