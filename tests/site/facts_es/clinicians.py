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
