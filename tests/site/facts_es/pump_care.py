"""Spanish facts of docs/pump-care.es.md (rellenos, alarmas y su bomba)."""

from __future__ import annotations

FACTS: dict[str, tuple[str, ...]] = {
    "reservoir sizes [S13]": (r"20 ml o 40 ml",),
    "why refill visits matter": (
        r"nunca falte a una cita de relleno",
        r"se quede vacía",
        r"abstinencia",
    ),
    "refill interval [S8, S9]": (r"cada pocos meses", r"3 a 4 meses", r"1 a 6 meses"),
    "refill within 180 days [S39]": (r"180 días",),
    "the alarm date sets the refill [S8, S9]": (
        r"fecha de la alarma",
        r"3 a 5 días",
        r"7 a 10 días",
    ),
    "a week's margin for travel or weather [S3]": (
        r"un viaje o el mal tiempo",
        r"una semana antes",
    ),
    "refill only through the fill port (septum) [label]": (
        r"puerto de llenado",
        r"no entra en el puerto",
        r"sobredosis",
    ),
    # rendered by flexdose (flexdose.safety ALARMS "single", in Spanish)
    "single tone alarm: 1 second, hourly, low drug or replacement in 90 days [S3, S6]": (
        r"un solo tono, (de )?1 segundo",
        r"(una vez )?(cada|por) hora",
        r"(queda poco medicamento|(el medicamento|se) (se )?está acabando|medicamento se agota)",
        r"(cambiar|reemplazar)(se)?[^.]{0,25}(dentro de|en|antes de) (los próximos )?90 días",
    ),
    # rendered by flexdose (flexdose.safety ALARMS "two-tone", in Spanish)
    "two-tone alarm: 3 seconds, drug stopped [S3, S6, S7] (rendered from flexdose.safety)": (
        r"dos tonos, (de )?3 segundos",
        r"ya no (está dando|da) baclofeno",
        r"vacía",
        r"se le acabó la batería|batería se (agotó|acabó|ha agotado)",
        r"motor se (paró|ha parado|detuvo|ha detenido)",
    ),
    "catheter problems give no alarm [S1]": (
        r"problemas que no dan alarma",
        r"no suena por un problema del catéter",
        r"gotear, doblarse, romperse o soltarse de la bomba",
        r"no hace ningún ruido",
    ),
    "battery 5 to 7 years, off at 7 [S4, S5]": (r"5 a 7 años", r"7 años como máximo"),
    "stops 90 days after the replacement alarm [S4, S5]": (r"se para 90 días después",),
    "plan replacement 6 months (at least 3) ahead [S5, S14]": (
        r"6 meses antes",
        r"por lo menos 3 meses",
    ),
    "you or your caregiver tell every health worker before MRI, diathermy, any procedure [S1]": (
        r"usted o su cuidador deben decirle a todo trabajador de la salud",
        r"antes de cualquier prueba médica, estudio, tratamiento o cirugía",
        r"resonancia magnética",
        r"diatermia",
        r"cualquier otra prueba o procedimiento",
    ),
    "carry the pump ID card [S38]": (r"tarjeta de identificación de (su|la) bomba",),
    "points to the page on daily life and travel": (
        r"la vida diaria y los viajes",
        r"la vida con una bomba",
    ),
    # The page's own prose names the date too; the preview's label is rendered by flexdose.
    "worked example of an alarm date, rendered by flexdose": (r"rellen\w* antes del?\b",),
}
