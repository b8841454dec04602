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
