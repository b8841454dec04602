"""Spanish facts of docs/questions.es.md, keyed by test_facts.FACTS descriptions."""

from __future__ import annotations

__all__ = ["FACTS"]

FACTS: dict[str, tuple[str, ...]] = {
    "questions to ask your ITB team, in 4 groups": (
        r"preguntas para su equipo de itb",
        r"antes de la prueba",
        r"antes de la cirugía",
        r"en las citas de relleno",
        r"sobre la dosificación flexible",
    ),
    "questions: alarm date, strength, printout, more risk of withdrawal [S1, S7, S8]": (
        r"cuál es mi fecha de alarma",
        r"qué potencia de medicamento hay en mi bomba",
        r"hoja impresa",
        r"más riesgo de abstinencia",
    ),
    "a carer's checklist: keep ready, learn, watch for [S35, S38]": (
        r"lista para cuidadores",
        r"tenga listo",
        r"tarjeta de identificación de la bomba",
        r"pastillas de baclofeno en casa",
        r"aprenda",
        r"los 2 sonidos de alarma",
        r"no dan (ninguna )?alarma",
        r"vigile",
        r"la página de seguridad",
    ),
}
