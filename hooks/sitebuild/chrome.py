"""The site's own words around flexdose's (table headings, labels, the last-updated line), per
edition. flexdose says everything about schedules and safety; this is only the frame the site
puts around it, so it lives with the build, keyed by the edition's language."""

from __future__ import annotations

from collections.abc import Mapping

WORDS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "example": "Example: {name}",
        "limits_head": "| Name | Value | Status | Sources | Note |",
        "findings_head": "| Code | Severity | Meaning |",
        "updated": "Last updated",
        "what_to_do": "**What to do now:**",
        "tell_team": "**Tell the emergency team:**",
        "emergency_if": "{heading} if someone with a pump has:",
        "see_safety": "See [Safety: warning signs]({link}).",
        "in_emergency": "In an emergency",
        "it_means": "It means {means}.",
        "embed_title": "ITB Flex: flex-dosing preview",
        "embed_note": (
            "Education only: a picture to discuss with your care team. It never programs or "
            "reads a pump, and what you type stays in this browser."
        ),
        "not_found": "404 - Not found",
        "not_found_more": (
            "There is no page at this address. The menu lists every page; the Safety page has "
            "the warning signs."
        ),
    },
    "es": {
        "example": "Ejemplo: {name}",
        "limits_head": "| Nombre | Valor | Estado | Fuentes | Nota (en inglés) |",
        "findings_head": "| Código | Gravedad | Significado |",
        "updated": "Última actualización",
        "what_to_do": "**Qué hacer ahora:**",
        "tell_team": "**Dígale al equipo de emergencias:**",
        "emergency_if": "{heading} si alguien con una bomba tiene:",
        "see_safety": "Vea [Seguridad: señales de alerta]({link}).",
        "in_emergency": "En una emergencia",
        "it_means": "Significa que {means}.",
        "embed_title": "ITB Flex: vista previa de la dosificación flexible",
        "embed_note": (
            "Solo para educación: una imagen para hablar con su equipo de atención. Nunca "
            "programa ni lee una bomba, y lo que usted escribe se queda en este navegador."
        ),
        "not_found": "404 - No se encontró la página",
        "not_found_more": (
            "No hay ninguna página en esta dirección. El menú muestra todas las páginas; la "
            "página de Seguridad tiene las señales de alerta."
        ),
    },
}
"""Each edition's words; every edition has the same keys (tests/site/test_editions.py)."""

# How the limits and findings tables and the inline limit values read in Spanish: units,
# statuses, severities, the range and list words. A word missing here fails the build.
TABLE_WORDS: Mapping[str, Mapping[str, str]] = {
    "es": {
        "%": "%",
        "% per 24 h (titration)": "% en 24 h (ajuste inicial)",
        "% per change (maintenance)": "% por cambio (mantenimiento)",
        "characters": "caracteres",
        "days": "días",
        "dose changes per day": "cambios de dosis al día",
        "findings": "hallazgos",
        "levels": "niveles",
        "mL": "mL",
        "mcg/day": "mcg/día",
        "mcg/mL": "mcg/mL",
        "programs": "programas",
        "steps per program": "pasos por programa",
        "confirmed": "confirmado",
        "unconfirmed": "sin confirmar",
        "assumption": "supuesto configurable",
        "{low} to {high}": "{low} a {high}",
        "one of {values}": "uno de {values}",
        "error": "error",
        "warning": "advertencia",
        "info": "información",
    },
}


def table_word(lang: str, english: str) -> str:
    """A table's unit, status, severity or range pattern in `lang` (English as it is)."""
    if lang == "en":
        return english
    try:
        return TABLE_WORDS[lang][english]
    except KeyError:
        raise KeyError(
            f"hooks/sitebuild/chrome.py TABLE_WORDS has no {lang} words for {english!r}"
        ) from None


def words(lang: str) -> Mapping[str, str]:
    """The words of the edition in `lang` (English for a language the site has no words for)."""
    return WORDS.get(lang, WORDS["en"])
