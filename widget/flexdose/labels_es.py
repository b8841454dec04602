"""Every Spanish label of flexdose's pictures, tables, totals, text report, printout, card and CLI.

The same keys and ``{placeholders}`` as `flexdose.labels_en` (a test checks both); the notes
there on markup templates and ``.one`` / ``.other`` pairs hold here too. Neutral Latin American
Spanish as US patient materials write it ("usted", "su equipo de ITB"), our own words. Numbers
keep the US convention ("1,000.5") and times the 24-hour clock, as `flexdose.i18n` explains.
"""

from __future__ import annotations

from typing import Final

__all__ = ["LABELS"]

LABELS: Final[dict[str, str]] = {
    # ---- números y fechas ----
    "date.short": "{weekday} {day} {month} {year}",
    "days_from_today.today": "hoy",
    "days_from_today.future.one": "dentro de {n} día",
    "days_from_today.future.other": "dentro de {n} días",
    "days_from_today.past.one": "hace {n} día",
    "days_from_today.past.other": "hace {n} días",
    "hours.h_min": "{h} h {m} min",
    "hours.h": "{h} h",
    "hours.min": "{m} min",
    "days.one": "{n} día",
    "days.other": "{n} días",
    "part_of_day.early_morning": "de madrugada",
    "part_of_day.morning": "por la mañana",
    "part_of_day.afternoon": "por la tarde",
    "part_of_day.evening": "por la noche",
    "typed.digits": "un número de unas {digits} cifras",
    "typed.not_a_number": "un valor que no es un número",
    "typed.too_large": "un número demasiado grande para usarlo",
    "typed.too_small": "un número demasiado cerca de cero para usarlo",
    # ---- unidades y cantidades ----
    "unit.mcg_per_day": "mcg/día",
    "unit.mcg_per_hour": "mcg/hora",
    "amount.mcg": "{mcg} mcg",
    "amount.ml": "{ml} mL",
    "amount.mcg_with_ml": "{mcg} mcg ({ml} mL)",
    "amount.mcg_per_ml": "{conc} mcg por mL",
    # ---- la gráfica del día y la franja de la semana (SVG) ----
    "svg.no_picture_title": "Todavía no hay gráfica",
    "svg.no_picture_short": "No hay gráfica hasta que se corrijan los errores.",
    "svg.day_title": "Ritmo de la dosis durante el día, programa {program}",
    "svg.step_words": ("De {start} a {end}: {rate} mcg por día ({mcg} mcg en este paso)."),
    "svg.block_tip": "De {start} a {end}: {rate} mcg por día, {amount} en este paso",
    "svg.total": "Total del día: {mcg} mcg",
    "svg.total_with_ml": "Total del día: {mcg} mcg ({ml} mL)",
    "svg.axis_rate": "Ritmo de la dosis (mcg por día)",
    "svg.axis_time": "Hora del día",
    "svg.now_words": (
        "La línea marcada Ahora está en las {now}, en el paso de {start} a {end} "
        "({rate} mcg por día)."
    ),
    "svg.now_title": "Ahora: {now}",
    "svg.now_label": "Ahora",
    "week.title": "Plan de la semana: el programa y el total de cada día",
    "week.heading": "Plan de la semana",
    "week.mean": "Día promedio de la semana: {mcg} mcg",
    "week.mean_with_ml": "Día promedio de la semana: {mcg} mcg ({ml} mL)",
    "week.day_words": "{day}: programa {program}, {mcg} mcg.",
    "week.day_tip": "{day}: {program}, {mcg} mcg",
    # ---- la tabla de pasos, los totales y los avisos (HTML) ----
    "html.no_picture": (
        "La gráfica de su horario aparece aquí cuando se corrijan los errores de abajo."
    ),
    "html.no_totals": "Los totales aparecen cuando se corrijan los errores.",
    "table.region": "Pasos del programa {program}",
    "table.caption": "Pasos del programa {program} (reloj de 24 horas)",
    "table.start": "Inicio",
    "table.end": "Fin",
    "table.length": "Duración",
    "table.mcg_per_day": "mcg por día",
    "table.mcg_per_hour": "mcg por hora",
    "table.mcg_in_step": "mcg en el paso",
    "table.total": "Total del día",
    "table.volume": "Volumen del día a {conc} mcg/mL",
    "totals.total": "Total del día",
    "totals.program_total": "Total del día, programa {program}",
    "totals.mean": "Día promedio de la semana",
    "totals.drug": "Medicamento que se usa por día",
    "totals.drug_value": "{ml} mL en un día promedio, a {conc} mcg por mL",
    "totals.add_concentration": "Agregue la concentración del medicamento para ver los mL por día.",
    "totals.alarm": "Alarma de depósito bajo",
    "totals.alarm_when": ", {from_today}",
    "totals.alarm_value": (
        "<strong>{date}</strong>, {part}{when}: unos {days} después del relleno del {fill_date} "
        "a las {fill_time}, cuando queden {alarm_ml} mL de los {volume_ml} mL del relleno."
    ),
    "totals.refill": "Fecha para rellenar",
    "totals.refill_value": (
        "<strong>{date}</strong>: {days} antes de la alarma, un margen por si un viaje, el clima "
        "o un día ocupado retrasa la cita de relleno. Su equipo de ITB decide la fecha real."
    ),
    "totals.add_everything": (
        "Agregue la concentración del medicamento y el relleno (fecha, hora y volumen) para ver "
        "cuándo sonaría la alarma de depósito bajo."
    ),
    "totals.no_drug_used": (
        "No hay fecha de alarma: todos los pasos son de 0 mcg, así que la bomba no usaría "
        "medicamento."
    ),
    "totals.add_fill": (
        "Agregue la fecha, la hora y el volumen del relleno para ver cuándo sonaría la alarma de "
        "depósito bajo y una fecha para rellenar."
    ),
    "severity.error.label": "Error:",
    "severity.error.heading": "Errores que corregir",
    "severity.warning.label": "Advertencia:",
    "severity.warning.heading": "Advertencias para hablar con su equipo de ITB",
    "severity.info.label": "Nota:",
    "severity.info.heading": "Notas",
    "findings.group_title": "{heading} ({count})",
    "findings.goto": "Ir al campo",
    "findings.nothing": "No hay nada que informar.",
    # ---- la comparación ----
    "compare.intro": (
        "El horario actual y el propuesto, uno al lado del otro: una imagen para hablar con su "
        "equipo de ITB, no un programa para la bomba."
    ),
    "compare.current_invalid": (
        "El horario actual tiene errores, así que todavía no hay nada que comparar. Primero "
        "corrija estos:"
    ),
    "compare.proposed_invalid": (
        "El horario propuesto tiene errores, así que todavía no hay nada que comparar. Primero "
        "corrija estos:"
    ),
    "compare.not_known": "se desconoce",
    "compare.no_pct": "sin %",
    "compare.average_day": "Día promedio",
    "compare.region": "Actual y propuesto",
    "compare.caption": "Total de cada día, en mcg: actual y propuesto",
    "compare.day": "Día",
    "compare.current": "Actual",
    "compare.proposed": "Propuesto",
    "compare.change": "Cambio",
    "compare.no_large_change": "Ningún día cambia tanto como para marcarlo como un cambio grande.",
    # ---- el informe de texto (flexdose check) ----
    "text.heading": "Revisión del horario de ITB Flex",
    "text.title": "Título: {title}",
    "text.valid": "Resultado: sin errores ({tally}).",
    "text.invalid": "Resultado: NO ES VÁLIDO ({tally}).",
    "text.no_picture": "La gráfica de su horario aparece cuando se corrijan los errores de abajo.",
    "text.tally": "{errors}, {warnings}, {notes}",
    "count.error.one": "{n} error",
    "count.error.other": "{n} errores",
    "count.warning.one": "{n} advertencia",
    "count.warning.other": "{n} advertencias",
    "count.note.one": "{n} nota",
    "count.note.other": "{n} notas",
    "count.step.one": "{n} paso",
    "count.step.other": "{n} pasos",
    "text.group_heading": "{heading}:",
    "text.start": "Inicio",
    "text.end": "Fin",
    "text.length": "Duración",
    "text.mcg_per_day": "mcg/día",
    "text.mcg_per_hour": "mcg/hora",
    "text.mcg_in_step": "mcg en el paso",
    "text.total": "Total del día",
    "text.program": "Programa {name} ({steps}):",
    "text.ml_a_day": "Son {ml} mL al día a {conc} mcg/mL.",
    "text.week": "Semana:",
    "text.day": "Día",
    "text.program_column": "Programa",
    "text.total_column": "Total",
    "text.volume_column": "Volumen",
    "text.average_day": "Día promedio",
    "text.add_concentration": "Agregue la concentración del medicamento para ver los mL por día.",
    "text.alarm": (
        "Alarma de depósito bajo: {date}, {part}{when} (unos {days} después del relleno del "
        "{fill_date} a las {fill_time}, cuando queden {alarm_ml} mL de {volume_ml} mL)."
    ),
    "text.alarm_when": ", {from_today}",
    "text.refill": (
        "Fecha para rellenar: {date} ({days} antes de la alarma, un margen por un viaje, el clima "
        "o una cita que se retrasa)."
    ),
    "text.add_everything": (
        "Alarma de depósito bajo: agregue la concentración del medicamento y el relleno (fecha, "
        "hora, volumen) para verla."
    ),
    "text.no_drug_used": "Alarma de depósito bajo: ninguna, todos los pasos son de 0 mcg.",
    "text.add_fill": (
        "Alarma de depósito bajo: agregue la fecha, la hora y el volumen del relleno para verla."
    ),
    # ---- la hoja impresa ----
    "print.region": "Resumen para imprimir",
    "print.default_title": "Horario de dosificación flexible",
    "print.hand.name": "Nombre",
    "print.hand.birth": "Fecha de nacimiento",
    "print.hand.printed": "Impreso el",
    "print.hand.phone": "Teléfono de la clínica o del equipo de ITB",
    "print.invalid": (
        "Este horario tiene errores, así que la hoja impresa no muestra dosis. Primero corrija "
        "los errores y luego imprima otra vez."
    ),
    "print.axis_time": "Hora del día (reloj de 24 horas)",
    "print.total_words": "Total del día: {mcg} mcg.",
    "print.daily": "{mcg} mcg al día",
    "print.daily_with_ml": "{mcg} mcg al día ({ml} mL)",
    "print.program_heading": "Programa {name}",
    "print.week_caption": "Plan de la semana: el programa y el total de cada día",
    "print.week_program": "Programa",
    "print.week_mcg": "mcg en el día",
    "print.week_ml": "mL en el día",
    "print.every_day": "Todos los días",
    "print.average_day": "Día promedio",
    "print.drug": "Medicamento por día",
    "print.drug_value": "{ml} mL en un día promedio ({conc} mcg por mL)",
    "print.alarm": "Alarma de depósito bajo",
    "print.alarm_value": "<strong>{date}</strong>, {part} (unos {days} después del relleno)",
    "print.refill": "Fecha para rellenar",
    "print.refill_value": (
        "<strong>{date}</strong> ({days} antes de la alarma; su equipo de ITB decide la fecha real)"
    ),
    "print.totals": "Totales",
    "print.refill_details": "Datos del relleno",
    "print.reservoir": "Depósito de la bomba",
    "print.alarm_volume": "Volumen de la alarma",
    "print.ml_left": "quedan {ml} mL",
    "print.strength": "Concentración",
    "print.filled_on": "Relleno el",
    "print.filled_on_value": "{date} a las {time}",
    "print.volume_filled": "Volumen del relleno",
    "print.compare_heading": "Actual y propuesto, mcg al día",
    "blank.ml": "mL",
    "blank.ml_left": "mL que quedan",
    "blank.mcg_per_ml": "mcg/mL",
    "blank.date_time": "fecha, hora",
    "blank.date": "fecha",
    "blank.mcg_a_day": "mcg al día",
    # ---- la tarjeta para la cartera y para emergencias ----
    "card.label": "Tarjeta para la cartera",
    "card.heading": "Tengo una bomba de baclofeno ITB",
    "card.how_to": (
        "Recorte la tarjeta por la línea de afuera. Dóblela por la mitad, con lo impreso hacia "
        "afuera, y luego dóblela por las líneas de puntos."
    ),
    "card.hand.name": "Nombre",
    "card.hand.team_phone": "Teléfono del equipo de ITB",
    "card.hand.after_hours": "Teléfono fuera de horario",
    "card.hand.contact": "Contacto de emergencia",
    "card.dose_heading": "Mi bomba y mi dosis",
    "card.tell_heading": "Qué decirle al equipo de emergencia",
    "card.act_heading": "Qué hacer ahora",
    "card.reservoir": "Depósito de la bomba",
    "card.strength": "Concentración",
    "card.daily_dose": "Dosis diaria",
    "card.alarm": "Alarma de depósito bajo",
    "card.refill": "Fecha para rellenar",
    "card.mean_dose": "{mcg} mcg en un día promedio",
    "card.every_day": "{mcg} mcg al día, todos los días",
    "card.on_days": "{mcg} mcg al día los {days} ({name})",
    "card.more_programs": "y {rest} programas más: vea la hoja impresa",
    "card.day_separator": ", ",
    # ---- la línea de comandos ----
    "cli.stdin": "la entrada estándar",
    "cli.no_file": (
        "{source}: no hay ningún archivo con este nombre. Revise el nombre y la carpeta."
    ),
    "cli.a_folder": (
        "{source} es una carpeta, no un archivo de horario. Escriba el nombre del archivo .json "
        "que está dentro."
    ),
    "cli.no_permission": (
        "{source}: esta computadora no le deja leer este archivo. Cópielo a un lugar donde "
        "pueda leerlo, o pregunte a quien administra la computadora."
    ),
    "cli.os_error": (
        "{source}: no se puede leer el archivo ({why}). Intente otra vez, o copie el archivo y "
        "lea la copia."
    ),
    "cli.bad_today": (
        "--today {value} no es una fecha; escríbala como AAAA-MM-DD, por ejemplo 2026-11-20."
    ),
    "cli.check_valid": "Revisión del horario: sin errores",
    "cli.check_invalid": "Revisión del horario: tiene errores",
    "cli.tally": "{errors}, {warnings}, {notes}",
    "cli.error": "Error",
    "cli.warning": "Advertencia",
    "cli.note": "Nota",
    "cli.finding_head": "{label}{where}:",
    "cli.where": " ({where})",
    "cli.with_ml": " ({ml} mL)",
    "cli.program": "Programa {name}: {mcg} mcg al día{ml}, {steps}",
    "cli.step": "  {start}–{end}  {rate} mcg/día  {hours}  {mcg} mcg",
    "cli.week": "Semana:",
    "cli.week_day": "  {day}  {program}: {mcg} mcg{ml}",
    "cli.average_day": "Día promedio: {mcg} mcg{ml}",
    "cli.alarm": ("Alarma de depósito bajo: {date} {time} (unos {days} después del relleno{when})"),
    "cli.alarm_when": "; {from_today}",
    "cli.refill": "Fecha para rellenar: {date} ({days} antes de la alarma)",
    "cli.no_summary": (
        "No hay resumen: el horario tiene errores (use `flexdose check` para ver los detalles)."
    ),
    "cli.error_line": "Error: {message}",
    "cli.no_render": "flexdose.render no está disponible en esta instalación.",
    "cli.no_program": "No hay ningún programa llamado {name}. Los programas son {listed}.",
    "cli.no_chart": (
        "flexdose: el horario tiene errores, así que no hay gráfica que dibujar; use "
        "`flexdose check {file}` para verlos."
    ),
}
"""Each label's key -> its Spanish template."""
