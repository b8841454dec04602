"""Every sentence and label of the live widget's form, in Spanish (`flexdose.widget_text`'s mirror).

Same keys and the same {placeholders} as the English tables; tests/unit/test_widget_text_es.py
fails when a key has no Spanish text or fills other placeholders. Plain, neutral Latin American
Spanish ("usted"); the words match the rest of the Spanish edition: "horario" (schedule),
"programa", "paso" (dose step), "depósito" (reservoir), "relleno" (refill), "hoja impresa de
la clínica" (clinic printout), "vista previa" (preview), "imagen" (picture).
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "AGE_GROUP_LABELS",
    "ALARM_HINT",
    "BLANK_PROGRAM",
    "HINTS",
    "LABELS",
    "MESSAGES",
    "ORIGIN_LABELS",
    "PHASE_LABELS",
    "STARTUP",
    "STATIC_NOTE",
]

LABELS: Final[dict[str, str]] = {
    # Estado y regiones
    "ready": "La vista previa en vivo está lista: cambie el horario y la imagen cambia con él.",
    "safety_region": "Seguridad",
    "editor_region": "Su horario",
    "preview_region": "Vista previa",
    "picture": "Su imagen",
    "stale": (
        "Esta imagen es de antes de su último cambio. Corrija lo que está marcado abajo y se "
        "actualizará de nuevo."
    ),
    "error": "error",
    "errors": "errores",
    "warning": "advertencia",
    "warnings": "advertencias",
    "no_findings": "Sin errores ni advertencias",
    # Empezar
    "start_legend": "Empezar desde",
    "start_field": "Un ejemplo o sus propios números",
    "start_button": "Empezar desde aquí",
    "start_blank": "La hoja impresa de mi clínica (empezar en blanco)",
    "choose": "Elija…",
    "title": "Nombre de este horario (opcional)",
    # Programas y pasos
    "programs_legend": "Programas",
    "program_select": "Programa para ver y cambiar",
    "program_name": "Nombre de este programa",
    "add_program": "Agregar un programa",
    "remove_program": "Quitar este programa",
    "steps_caption": "Pasos de dosis de “{name}”",
    "step": "Paso",
    "starts_at": "Empieza a las (24 horas)",
    "dose": "Dosis",
    "unit": "Unidad",
    "step_actions": "Agregar o quitar",
    "step_starts": "El paso {n} empieza a las (hora de 24 horas, HH:MM)",
    "step_dose": "Dosis del paso {n}",
    "step_unit": "Unidad del paso {n}",
    "insert_after": "Agregar un paso después del paso {n}",
    "remove_step": "Quitar el paso {n}",
    "add_step": "Agregar un paso al final",
    "step_removed": "Se quitó el paso {n} (desde las {start}).",
    "undo": "Deshacer",
    "clock_placeholder": "HH:MM",
    # La semana
    "week_legend": "La semana",
    "no_such_program": "no existe ese programa",
    # Detalles
    "not_given": "No indicado",
    "pump_summary": "Bomba, medicamento y relleno (opcional): para la fecha del relleno",
    "reservoir": "Tamaño del depósito",
    "alarm_ml": "Alarma de depósito bajo (mL)",
    "concentration": "Concentración del medicamento (mcg por mL)",
    "fill_date": "Fecha del último relleno",
    "fill_time": "Hora del último relleno (24 horas, HH:MM)",
    "fill_volume": "Cantidad que se llenó (mL)",
    "context_summary": "Sobre el tratamiento actual (opcional)",
    "current_dose": "Dosis diaria que usa ahora (mcg/día)",
    "origin": "De dónde viene la espasticidad",
    "age_group": "Grupo de edad",
    "phase": "Etapa del tratamiento",
    # Comparar
    "compare_region": "Comparar",
    "compare_heading": "Comparar con el horario que usa ahora",
    "compare_hint": (
        "Guarde el horario que usa ahora como el “actual” y luego cambie el formulario: la tabla "
        "muestra el cambio de cada día."
    ),
    "save_current": "Guardar como actual",
    "saved_current": "Se guardó como el horario actual (solo en esta página).",
    "compare_file": "Comparar con un archivo…",
    "comparing_file": "Comparando con el horario del archivo.",
    "compare_failed": "No se puede comparar ese archivo:",
    "stop_compare": "Dejar de comparar",
    "compare_stopped": "Se dejó de comparar.",
    # Guardar o compartir
    "actions_region": "Guardar, imprimir y compartir",
    "actions_heading": "Guarde o comparta esta imagen",
    "nothing_saved": (
        "No se guarda nada si usted no lo guarda: esta página no se queda con ninguna copia y no "
        "envía nada."
    ),
    "print": "Imprimir un resumen",
    "print_card": "Imprimir una tarjeta de emergencia",
    "save_file": "Guardar como archivo",
    "saved_file": "Se guardó como itb-flex-schedule.json en sus descargas.",
    "open_file": "Abrir un archivo…",
    "opened_file": "Se abrió el horario del archivo.",
    "open_failed": "No se puede abrir ese archivo: {why} Su horario no cambió.",
    "not_a_schedule": (
        "No tiene ningún horario (un archivo de horario es un objeto JSON con programas)."
    ),
    "make_share_link": "Crear un enlace para compartir",
    "share_field": "Enlace para compartir (el horario va dentro del enlace, después de #)",
    "link_copied": (
        "Se copió el enlace para compartir. Lleva el horario adentro; no se envía a ningún lugar."
    ),
    "link_ready": "El enlace para compartir está listo: cópielo del campo.",
    "link_unreadable": (
        "No se puede leer el horario de este enlace: {why} En su lugar se muestra el ejemplo."
    ),
    "portal_refused": (
        "Su portal envió un horario que esta vista previa no puede mostrar: {why} La imagen "
        "sigue mostrando el horario de antes."
    ),
    "portal_no_schedule": "El mensaje no trae ningún horario.",
    "portal_cycle": (
        "El horario se refiere a sí mismo, así que no se puede escribir como JSON. Un horario son "
        "solo datos: objetos, listas, texto, números, true, false y null."
    ),
    "portal_bigint": (
        "El horario tiene un BigInt, que JSON no puede guardar. Escriba los números como números "
        "simples."
    ),
    "portal_too_deep": (
        "El horario tiene demasiados niveles, uno dentro de otro, para escribirse como JSON."
    ),
    "readonly_note": (
        "Esta vista previa solo muestra el horario que envió su portal: aquí no se puede cambiar."
    ),
}

MESSAGES: Final[dict[str, str]] = {
    "programs_unshowable": (
        "Los programas de este horario no se pueden mostrar en el formulario. Los mensajes dicen "
        "por qué; empiece de nuevo desde un ejemplo o desde su hoja impresa."
    ),
    "steps_unshowable": "Los pasos de este programa no se pueden mostrar en el formulario.",
    "rename_hint": "Presione Enter o salga del campo para cambiar el nombre.",
    "rename_empty": "Un programa necesita un nombre.",
    "rename_taken": "Otro programa ya tiene este nombre.",
    "steps_limit": "Aquí un programa tiene como máximo {max} pasos de dosis.",
    "steps_full": (
        "Este programa tiene {n} pasos: aquí un programa tiene como máximo {max}, así que no se "
        "puede agregar otro paso. Quite uno primero, o junte dos pasos seguidos que tengan la "
        "misma dosis."
    ),
    "week_one_program": (
        "Con un solo programa, todos los días usan ese programa. Agregue otro programa para "
        "elegir uno para cada día."
    ),
}

HINTS: Final[dict[str, str]] = {
    "concentration": "Como aparece en el registro del relleno.",
    "current_dose": "Para ver cuánto la cambia el nuevo horario.",
}

ALARM_HINT: Final = "Por lo general, {ml} mL; vea la tarjeta de su bomba."
"""The hint under the alarm volume; {ml} is the usual alarm volume, written as flexdose writes
numbers."""

STARTUP: Final[dict[str, str]] = {
    "starting": (
        "Iniciando la vista previa en vivo… (la primera visita descarga unos 6 MB). Mientras "
        "tanto, la imagen de abajo muestra el ejemplo."
    ),
    "starting_shared": "Abriendo el horario compartido… (la primera visita descarga unos 6 MB).",
    "slow": (
        "La vista previa en vivo todavía se está iniciando… con una conexión lenta puede tardar "
        "un minuto."
    ),
    "stuck": (
        "La vista previa en vivo no se ha iniciado después de dos minutos: puede que la conexión "
        "sea muy lenta, o que algo la bloquee. Volver a cargar la página puede ayudar."
    ),
    "failed": (
        "La vista previa en vivo no se pudo iniciar en este navegador{detail}. Volver a cargar "
        "la página puede ayudar."
    ),
    "example_kept": "La imagen de abajo sigue mostrando el horario de ejemplo.",
    "no_wasm": (
        "Este navegador no puede usar la vista previa en vivo: necesita WebAssembly y web "
        "workers, que tienen las versiones actuales de Firefox, Chrome, Edge y Safari."
    ),
    "wasm_blocked": (
        "La vista previa en vivo no puede funcionar aquí: la configuración de seguridad de esta "
        "página o el navegador bloquean WebAssembly, y la vista previa lo necesita."
    ),
    "download_failed": (
        "La vista previa en vivo no se pudo iniciar: no se pudieron descargar sus archivos (se "
        "cortó la conexión, o un filtro de la red los bloquea). Volver a cargar la página puede "
        "ayudar."
    ),
    "file_blocked": (
        "La vista previa en vivo no puede funcionar desde un archivo abierto en esta "
        "computadora, porque ahí los navegadores bloquean los programas que necesita. Abra esta "
        "página desde la dirección web del sitio (para la copia sin conexión: inicie su pequeño "
        "servidor)."
    ),
    "portal_unreadable": (
        "La vista previa no pudo leer un mensaje del portal (el navegador no pudo copiarlo, por "
        "ejemplo porque tiene demasiados niveles, uno dentro de otro). Envíe el horario como "
        "texto JSON."
    ),
}

# ---- The form's choices (form.py's English ORIGIN_LABELS etc.), by the parser's values ----

ORIGIN_LABELS: Final[dict[str, str]] = {
    "spinal": "Médula espinal",
    "cerebral": "Cerebro (cerebral)",
}
AGE_GROUP_LABELS: Final[dict[str, str]] = {"adult": "Adulto", "child": "Niño (menor de 12 años)"}
PHASE_LABELS: Final[dict[str, str]] = {
    "titration": "Todavía buscando la dosis correcta",
    "maintenance": "Dosis estable, que se cambia en los rellenos",
}
BLANK_PROGRAM: Final = "mi programa"

STATIC_NOTE: Final = (
    "Esta es la imagen del ejemplo. Para cambiarla, abra esta página desde la dirección web del "
    "sitio con JavaScript activado: la vista previa en vivo no puede empezar desde un archivo "
    "abierto en esta computadora."
)
"""The program an empty schedule starts with (a name the parser accepts)."""
