"""Spanish texts of every finding, its title, the words its messages are built from, and the
refusals of a file that cannot be read. Plain data: nothing here imports a flexdose module.

The same keys and ``{placeholders}`` as messages_en.py (tests/unit/test_messages_es.py checks
it). Our own plain Spanish for patients in the United States: neutral Latin American Spanish,
"usted", US grade 6 to 8 (Fernández Huerta 60 or more, tests/site/test_message_readability.py).
Words kept the same in every message: "horario" (the schedule), "programa", "paso", "plan
semanal", "depósito", "relleno", "la hoja impresa de su clínica" (the clinic printout), "su
equipo de ITB". Numbers keep the US convention ("1,000.5", see flexdose.i18n); the JSON words a
person types (true, null, "start") stay as JSON writes them.
"""

from __future__ import annotations

from typing import Final

TITLES: Final[dict[str, str]] = {
    "invalid-document": "El horario no tiene la forma esperada",
    "schedule-too-large": "Más programas o pasos de los que tiene un horario de bomba",
    "missing-field": "Falta algo necesario",
    "bad-time": "Una hora de inicio no es una hora del día",
    "first-step-not-midnight": "El primer paso no empieza a medianoche",
    "times-not-increasing": "Las horas de inicio no están en orden",
    "too-many-steps": "Más cambios de dosis en un día de los que permite la bomba",
    "bad-rate": "Una dosis no es un número que se pueda usar",
    "rate-unit": "Una dosis está en una unidad equivocada, o está dos veces",
    "unknown-program": "El plan semanal nombra un programa que no existe",
    "missing-week": "Falta el plan semanal",
    "bad-concentration": "La concentración del medicamento no se puede usar",
    "bad-reservoir": "El tamaño del depósito no es el de una bomba",
    "fill-exceeds-reservoir": "Se cargó más medicamento del que cabe en el depósito",
    "alarm-not-below-fill": "El volumen de la alarma no es menor que el del relleno",
    "bad-date": "La fecha del relleno no es una fecha real",
    "bad-volume": "Un volumen no es un número que se pueda usar",
    "bad-context": "Los datos del tratamiento no se pueden usar",
    "unknown-field": "Hay algo en el horario que no se entiende",
    "zero-rate": "Un paso no da medicamento",
    "unlabeled-concentration": "La concentración no es una de las concentraciones estándar",
    "daily-dose-below-usual": "Total diario por debajo del rango habitual",
    "daily-dose-above-usual": "Total diario por encima del rango habitual",
    "daily-dose-above-1000": "Total diario de más de {ceiling} mcg",
    "large-change": "Un cambio grande respecto a la dosis de ahora",
    "refill-beyond-180-days": "Recarga más de 180 días después de la anterior",
    "fill-incomplete": "La información del relleno no está completa",
    "fill-in-future": "La fecha del relleno es posterior a hoy",
    "alarm-passed": "La fecha de la alarma de depósito bajo ya pasó",
    "alarm-date": "Cuándo sonaría la alarma de depósito bajo",
    "delivery-accuracy": "Las bombas no son perfectamente exactas",
    "clock-change": "Los cambios de hora pueden mover un horario flexible",
    "not-a-programmer": "Esto es una imagen, no un programador de bomba",
    "more-findings": "Hay más mensajes de los que se muestran",
}
"""Each finding code's short title (``{ceiling}``: the daily ceiling, formatted)."""

MESSAGES: Final[dict[str, str]] = {
    # ---- parse.py: the shape of the document ----
    "invalid-document.root": (
        "El horario debe ser un solo grupo de campos entre llaves {{ }}, pero es {type}. "
        "Empiece con uno de los horarios de ejemplo."
    ),
    "invalid-document.section": (
        "{place} debe ser un grupo de campos entre llaves {{ }}, pero es {type}. Escriba "
        "esta parte como en los horarios de ejemplo."
    ),
    "invalid-document.format": (
        "El nombre del formato es {value}, pero esta herramienta lee horarios {format}. Cambie "
        "el nombre del formato a {format}, o bórrelo."
    ),
    "invalid-document.title": (
        "El nombre del horario es {what}. Escríbalo como texto de {max} caracteres o menos."
    ),
    "invalid-document.program-name": (
        "El nombre de programa {name} es {what}. Dé a cada programa un nombre de 1 a {max} "
        "caracteres."
    ),
    "invalid-document.program-type": (
        "El programa {program} debe ser una lista de pasos entre corchetes [ ], pero es {type}."
    ),
    "invalid-document.step": (
        "{place} debe ser una hora de inicio y una dosis entre llaves {{ }}, como en los "
        "horarios de ejemplo, pero es {type}."
    ),
    "schedule-too-large.programs": (
        "Este horario tiene {count} programas, pero un horario de bomba tiene {max} como máximo "
        "(una semana necesita 7 como máximo). Por eso no se lee. Deje los programas que usa su "
        "semana y borre los demás."
    ),
    "schedule-too-large.steps": (
        "El programa {program} tiene {count} pasos. Esta herramienta lee {max} como máximo en "
        "un programa, y una bomba cambia la dosis {changes} veces al día como máximo. Por eso "
        "este horario no se lee. Revise que sea un archivo de horario, o empiece con uno de los "
        "ejemplos."
    ),
    "unknown-field": (
        "{place} tiene un campo llamado {name} que esta herramienta no conoce, así que no se "
        "usa. Revise cómo está escrito, o bórrelo. Los campos de aquí son {fields}."
    ),
    "bad-volume": (
        "{place} es {value}: {reason}. Escriba el volumen en mililitros (mL) como en la hoja "
        "impresa de su clínica, por ejemplo {example}."
    ),
    "bad-reservoir.type": (
        "El tamaño del depósito es {value}. Escríbalo en mL como un número: 20 o 40 para "
        "SynchroMed II."
    ),
    "missing-field.concentration": (
        "La información del medicamento no tiene concentración. Agregue la concentración en mcg "
        "por mL, como viene en la etiqueta del relleno (por ejemplo 2000). O borre la "
        "información del medicamento."
    ),
    "bad-concentration.type": (
        "La concentración del medicamento es {value}. Escríbala como un número de mcg por mL, "
        "como en la etiqueta del relleno, por ejemplo 2000."
    ),
    "fill-incomplete.one": (
        "La información del relleno no está completa: falta {missing}. Sin este dato, no se "
        "puede calcular la fecha de la alarma de depósito bajo. Agregue {how} de su registro "
        "del relleno, o deje vacía toda la información del relleno."
    ),
    "fill-incomplete.many": (
        "La información del relleno no está completa: faltan {missing}. Sin estos datos, no "
        "se puede calcular la fecha de la alarma de depósito bajo. Agregue {how} de su "
        "registro del relleno, o deje vacía toda la información del relleno."
    ),
    "bad-time.fill": (
        "La hora del último relleno es {value}. Escríbala como HH:MM en un reloj de 24 horas, "
        "por ejemplo 09:30."
    ),
    "bad-date": (
        "La fecha del último relleno es {value}, y esa no es una fecha real. Escríbala como "
        "AAAA-MM-DD (año, mes y día), por ejemplo 2026-11-20."
    ),
    "missing-field.no-programs": (
        "El horario no tiene programas. Agregue al menos un programa con sus pasos, como en los "
        "horarios de ejemplo."
    ),
    "missing-field.empty-programs": (
        "La lista de programas está vacía. Agregue al menos un programa con sus pasos."
    ),
    "missing-field.no-steps": (
        "El programa {program} no tiene pasos. Agregue al menos un paso que empiece a las 00:00."
    ),
    "missing-field.start": (
        "{place} no tiene hora de inicio. Agregue una como HH:MM, por ejemplo 07:00."
    ),
    "bad-time.start": (
        "{place} tiene como hora de inicio {value}, y esa no es una hora del día. Escríbala como "
        "HH:MM en un reloj de 24 horas, de 00:00 a 23:59, por ejemplo 07:00."
    ),
    "rate-unit.other": (
        "{place} da su dosis en {unit}. Una dosis debe estar en mcg por día, como en las hojas "
        "impresas de la clínica, o en mcg por hora. Copie la dosis de su hoja impresa en una de "
        "esas unidades."
    ),
    "rate-unit.twice": (
        "{place} da su dosis dos veces: en mcg por día y en mcg por hora. Deje solo una. Las "
        "hojas impresas de la clínica muestran mcg por día."
    ),
    "missing-field.dose": (
        "{place} no tiene dosis. Agregue la dosis en mcg por día, como en la hoja impresa de su "
        "clínica."
    ),
    "bad-rate.empty": (
        "{place} todavía no tiene dosis. Escriba la dosis de la hoja impresa de su clínica como "
        "un número, por ejemplo 400."
    ),
    "bad-rate": (
        "{place}: la dosis {why}. Escriba la dosis de la hoja impresa de su clínica como un "
        "número, por ejemplo 400."
    ),
    "missing-week": (
        "Hay {count} programas, pero no hay un plan semanal que diga cuál se usa cada día. "
        "Agregue un plan semanal que nombre un programa para cada día, de lunes a domingo."
    ),
    "missing-field.day": (
        "El plan semanal no tiene programa para el {day}. Nombre un programa para cada día, de "
        "lunes a domingo."
    ),
    "unknown-program": (
        "{place} nombra {value}, pero no hay ningún programa con ese nombre (programas: "
        "{listed}). Use uno de los nombres de programa tal como está escrito."
    ),
    "bad-context.current": (
        "La dosis diaria de ahora es {value}. Escriba la dosis diaria de la hoja impresa de su "
        "clínica en mcg por día (un número, por ejemplo 500), o bórrela."
    ),
    "bad-context.choice": (
        "{place} es {value}. Use uno de estos valores: {choices}. O borre este dato."
    ),
    # ---- rules.py: the schedule's steps and programs ----
    "too-many-steps": (
        "El programa {program} cambia la dosis {count} veces al día, pero la bomba puede "
        "cambiarla {max} veces al día como máximo. Cada paso con una dosis distinta a la del "
        "paso anterior cuenta como un cambio. La medianoche también cuenta si la dosis del "
        "último paso es distinta a la del primero (el día sigue en el día siguiente). Dos pasos "
        "seguidos con la misma dosis no son un cambio, y se pueden unir en uno. Compare el "
        "programa con la hoja impresa de su clínica."
    ),
    "first-step-not-midnight": (
        "{place} empieza a las {time}, pero el primer paso del día debe empezar a las 00:00, "
        "para que cada minuto tenga una dosis. Cambie el primer inicio a 00:00. (Una dosis que "
        "pasa la medianoche son dos pasos: uno que termina a las 24:00 y otro que empieza a las "
        "00:00.)"
    ),
    "times-not-increasing.same": (
        "{place} empieza a las {time}, a la misma hora que el paso anterior ({previous}). Ponga "
        "los pasos de la mañana a la noche, cada uno más tarde que el anterior."
    ),
    "times-not-increasing.earlier": (
        "{place} empieza a las {time}, antes que el paso anterior ({previous}). Ponga los pasos "
        "de la mañana a la noche, cada uno más tarde que el anterior."
    ),
    "zero-rate": (
        "{place} no da medicamento (0 mcg al día). Dejar el baclofeno de golpe puede causar "
        "abstinencia, y eso puede ser grave. Si esto no es lo que muestra la hoja impresa de su "
        "clínica, revise el número. {itb_team}"
    ),
    "large-change": ("{label} suma {amount}. Un cambio tan grande no es común. {why} {itb_team}"),
    "daily-dose-above-1000": (
        "El programa {program} suma {total} mcg al día, más de {ceiling} mcg al día. Pocas "
        "personas necesitan más, aunque en un estudio algunas sí. Compare los números con la "
        "hoja impresa de su clínica. {itb_team}"
    ),
    "daily-dose-above-usual": (
        "El programa {program} suma {total} mcg al día, más que el rango habitual para {group} "
        "({usual}). Algunas personas necesitan más. {itb_team}"
    ),
    "daily-dose-below-usual": (
        "El programa {program} suma {total} mcg al día, menos que el rango habitual para "
        "{group} ({usual}). Algunas personas necesitan menos. {itb_team}"
    ),
    # ---- rules.py: pump, drug and fill ----
    "bad-concentration.range": (
        "La concentración del medicamento es {value} mcg/mL, y eso no puede ser correcto. Debe "
        "estar entre {low} y {high}. Las concentraciones estándar son {strengths} mcg/mL. "
        "Cópiela de la etiqueta del relleno, por ejemplo 2000."
    ),
    "unlabeled-concentration.screening": (
        "La concentración del medicamento es {value} mcg/mL. Esa es la de la dosis de prueba, "
        "que se da una sola vez. No es la que se usa para llenar una bomba (las de bomba son "
        "{strengths} mcg/mL). Revise la etiqueta del relleno. {itb_team}"
    ),
    "unlabeled-concentration": (
        "La concentración del medicamento es {value} mcg/mL. No es una de las concentraciones "
        "estándar ({strengths} mcg/mL). La farmacia puede preparar otras, así que puede estar "
        "bien. Compárela con la etiqueta del relleno. {itb_team}"
    ),
    "bad-reservoir.size": (
        "El tamaño del depósito es {value} mL, pero las bombas que conoce esta herramienta "
        "tienen {sizes}. Copie el tamaño de la tarjeta de su bomba o de la hoja impresa de su "
        "clínica."
    ),
    "fill-exceeds-reservoir": (
        "El volumen del relleno es {volume} mL, más de lo que cabe en {which} ({capacity} "
        "mL). Copie el volumen de su registro del relleno."
    ),
    "alarm-not-below-fill": (
        "El volumen de la alarma de depósito bajo ({alarm} mL) no es menor que el volumen de "
        "el relleno ({volume} mL). Así, la alarma sonaría enseguida. Revise los dos números en "
        "la hoja impresa de su clínica."
    ),
    "fill-in-future": (
        "La fecha del relleno ({fill}) es posterior a hoy ({today}). Por eso la fecha de la "
        "alarma que sale de ella sería demasiado tarde. Revise la fecha en su registro del "
        "relleno."
    ),
    "clock-change": (
        "La dosis cambia a ciertas horas del día. Cuando cambia la hora (horario de verano) o "
        "usted viaja a otra zona horaria, la bomba sigue con su propio reloj. Por eso cada paso "
        "puede empezar una hora o más antes o después de lo que usted espera. Pregunte a su "
        "equipo de ITB antes de un cambio de hora o de un viaje largo."
    ),
    "alarm-date.none": (
        "No se puede calcular la fecha de la alarma de depósito bajo: {why}. La hoja impresa "
        "del programador de su clínica muestra la fecha real de la alarma."
    ),
    "alarm-date": (
        "Con {volume} mL cargados el {fill_date} a las {fill_time}, la alarma de depósito "
        "bajo (cuando queden {alarm} mL) sonaría cerca del {date}, {part_of_day}: unos {days} "
        "después del relleno. Esto es un cálculo: la alarma real puede sonar unos días antes "
        "o después.{refill} La fecha de la hoja impresa de su clínica es la que debe seguir."
    ),
    "alarm-passed": (
        "La fecha de la alarma de depósito bajo que sale del relleno del {fill_date} "
        "({date}) ya pasó: hoy es {today}. Si la bomba se rellenó después, escriba el relleno "
        "más nuevo. Si no, según esta cuenta el depósito ya bajó hasta el volumen de la "
        "alarma. {action}"
    ),
    "delivery-accuracy": (
        "Las bombas no son perfectamente exactas. En un estudio de bombas en uso, la cantidad "
        "que dieron fue distinta de la programada en un {accuracy} por relleno, en promedio. Es "
        "un promedio, no un límite: una bomba puede fallar por más. Por eso la alarma real "
        "puede sonar unos días antes o después de la fecha que se calcula aquí (para este "
        "relleno, el {accuracy} del tiempo es unos {spread}). En lugares altos o en avión, la "
        "bomba puede, muy rara vez, ir más de un {altitude} más rápido. Vaya a sus citas de "
        "relleno aunque la alarma no haya sonado."
    ),
    "refill-beyond-180-days": (
        "La alarma de depósito bajo sonaría {when} días después del relleno. Se recomienda "
        "rellenar las bombas de baclofeno en {max} días o menos, porque solo se sabe que el "
        "medicamento dura ese tiempo en la bomba. {itb_team}"
    ),
    "not-a-programmer": "{framing} {closing}",
    # ---- report.py ----
    "more-findings": (
        "Hay {count} mensajes más que no se muestran ({parts}). Corrija primero los de arriba. "
        "Muchas veces los demás son el mismo problema repetido."
    ),
}
"""Each finding's message templates: ``code`` or ``code.variant``."""

WORDS: Final[dict[str, str]] = {
    # What a JSON value is (findings.type_name).
    "type.empty": "vacío",
    "type.bool": "verdadero o falso",
    "type.number": "un número",
    "type.text": "texto",
    "type.object": "un grupo de campos",
    "type.list": "una lista",
    "type.unknown": "un valor de un tipo desconocido",
    # A number no one types, echoed back in a message.
    "number.long-int": "un número de unos {digits} dígitos",
    "number.too-large": "un número demasiado grande para usarlo",
    # A value typed as text ("el texto “40”").
    "typed-text": "el texto {value}",
    # Lists in a sentence: "a, b y c"; "a o b".
    "and": " y ",
    "or": " o ",
    "list-sep": ", ",
    # Each field's name in a message (paths.FIELD_NAMES). Singular, so the verb after it is.
    "field.pump.reservoir_ml": "El tamaño del depósito",
    "field.pump.alarm_ml": "El volumen de la alarma de depósito bajo",
    "field.drug.concentration_mcg_per_ml": "La concentración del medicamento",
    "field.fill.date": "La fecha del último relleno",
    "field.fill.time": "La hora del último relleno",
    "field.fill.volume_ml": "La cantidad cargada",
    "field.context.origin": "El origen de la espasticidad",
    "field.context.age_group": "El grupo de edad",
    "field.context.phase": "La etapa del tratamiento",
    "field.context.current_mcg_per_day": "La dosis diaria de ahora",
    "field.format": "El nombre del formato",
    "field.title": "El nombre del horario",
    "field.programs": "La lista de programas",
    "field.week": "El plan semanal",
    "field.pump": "La información de la bomba",
    "field.drug": "La información del medicamento",
    "field.fill": "La información del relleno",
    "field.context": "La información del tratamiento actual",
    "listed.programs": "los programas",
    # Both step fields are feminine ("hora", "dosis").
    "listed.step-field": "una {field}",
    # A step's fields and the units a dose is written in.
    "unit.mcg_per_day": "mcg por día",
    "unit.mcg_per_hour": "mcg por hora",
    "step-field.start": "hora de inicio",
    "step-field.mcg_per_day": "dosis en mcg por día",
    "step-field.mcg_per_hour": "dosis en mcg por hora",
    # Places in a message's words (paths.describe).
    "place.schedule": "El horario",
    "place.step-field": "La {field} del paso {step} del programa {program}",
    "place.step": "El paso {step} del programa {program}",
    "place.program": "El programa {program}",
    "place.day": "El {day} del plan semanal",
    "place.field-in": "El campo {key} de {parent}",
    "place.field": "El campo {key}",
    # Places in a screen reader's words (paths.describe_where).
    "where.unknown": "un campo del horario",
    "where.schedule": "todo el horario",
    "where.step-field": "{field} del paso {step} del programa {program}",
    "where.step-key": "{key} del paso {step} del programa {program}",
    "where.step": "paso {step} del programa {program}",
    "where.program": "programa {program}",
    "where.day": "el {day} del plan semanal",
    # Spanish keeps the article, in lower case: "el tamaño del depósito".
    "where.named-article": "",
    # Compare's label for a day's total ("El lunes suma ...").
    "day-label": "El {day}",
    # Doses written in a unit a step cannot use (parse.py).
    "other-unit.mg_per_day": "mg por día (1 mg son 1,000 mcg)",
    "other-unit.mg_per_hour": "mg por hora (1 mg son 1,000 mcg)",
    "other-unit.ug_per_day": "µg por día (µg y mcg son lo mismo)",
    "other-unit.ug_per_hour": "µg por hora (µg y mcg son lo mismo)",
    "other-unit.mcg": "mcg, sin decir en cuánto tiempo",
    "other-unit.dose": "un número sin unidad",
    "other-unit.rate": "un número sin unidad",
    "other-unit.ml_per_day": "mL por día (una cantidad de líquido, no una dosis)",
    "other-unit.ml_per_hour": "mL por hora (una cantidad de líquido, no una dosis)",
    "other-unit.mcg_per_min": "mcg por minuto",
    # How to write each missing fill field.
    "fill-how.date": "la fecha como AAAA-MM-DD",
    "fill-how.time": "la hora como HH:MM",
    "fill-how.volume_ml": "la cantidad en mL",
    # Why a value cannot be used.
    "reason.too-large": "es demasiado grande",
    "reason.not-positive": "no es un número mayor que cero",
    "too-long": "demasiado largo",
    "name-empty": "un texto vacío",
    "none-yet": "ninguno todavía",
    "rate-why.not-finite": "es {value}",
    "rate-why.not-number": "es {value}, no un número",
    "rate-why.negative": "es {value} {unit}, menos de cero",
    "rate-why.too-large": (
        "es {value} {unit}, más de {max} mcg al día, y ningún programa de bomba usa tanto"
    ),
    # rules.py's phrases.
    "itb-team": "Vale la pena hablar de esto con {team}. No cambie nada por su cuenta.",
    "just-over": "apenas más de {bound}",
    "just-under": "apenas menos de {bound}",
    "usual-range": "{low}–{high} mcg al día",
    "usual-group.adult.spinal": "adultos con espasticidad de origen espinal",
    "usual-group.adult.cerebral": "adultos con espasticidad de origen cerebral",
    "usual-group.child.cerebral": "niños menores de 12 años con espasticidad de origen cerebral",
    "change-group.child": "niños",
    "change-group.spinal": "la espasticidad de origen espinal",
    "change-group.cerebral": "la espasticidad de origen cerebral",
    "change-group.unknown": "personas sin una causa de espasticidad indicada",
    # Both masculine: "un aumento", "un descenso".
    "change-way.rise": "aumento",
    "change-way.fall": "descenso",
    "change.titration": (
        "Mientras todavía se busca la dosis (titulación), no es común un {way} de más del {pct} "
        "en 24 horas en {who}."
    ),
    "change.maintenance-child": (
        "En un relleno, no es común un {way} de más del {pct} en un solo paso."
    ),
    "change.maintenance": (
        "En un relleno, no es común un {way} de más del {pct} en un solo paso en {who}."
    ),
    "change.no-phase": (
        "No es común un {way} de más del {pct} en un solo paso en {who}. (No se indica la etapa "
        "del tratamiento, así que se usa el menor de los pasos habituales.)"
    ),
    "amount.from-none": "{after} mcg al día, y antes era cero",
    "amount.from-almost-none": "{after} mcg al día, y antes era casi cero",
    "amount.more": "{after} mcg al día, un {pct} más que los {before} mcg al día de ahora",
    "amount.less": "{after} mcg al día, un {pct} menos que los {before} mcg al día de ahora",
    "this-reservoir": "el depósito de esta bomba",
    "largest-reservoir": "el depósito más grande",
    "no-alarm.zero": (
        "todas las dosis de la semana son cero, así que el depósito nunca se vaciaría"
    ),
    "no-alarm.calendar": (
        "caería después de la última fecha que puede mostrar este calendario; revise la fecha "
        "del relleno"
    ),
    "no-alarm.too-long": "con estas dosis, el medicamento duraría más de lo que dura una bomba",
    "refill-by": (
        " Planee el relleno para el {date}, {margin} días antes, por si hay un viaje, mal "
        "tiempo o una enfermedad."
    ),
    "when.more-than": "más de {days}",
    "when.just-over": "apenas más de {days}",
    "when.about": "unos {days}",
    # report.py's count of what is not listed ("3 errores, 1 aviso").
    "severity.error.one": "{count} error",
    "severity.error.many": "{count} errores",
    "severity.warning.one": "{count} aviso",
    "severity.warning.many": "{count} avisos",
    "severity.info.one": "{count} nota",
    "severity.info.many": "{count} notas",
}
"""The pieces of messages, places and titles."""

REFUSALS: Final[dict[str, str]] = {
    "too-long": (
        "El archivo tiene {length} caracteres, más de los {limit} permitidos. Un horario tiene "
        "unos pocos miles. Revise que eligió el archivo correcto."
    ),
    "empty": "El archivo está vacío. Pegue o elija un archivo de horario: empieza con {{.",
    "not-utf8": (
        "El archivo no es texto simple: en la línea {line}, columna {col} hay algo que no es una "
        "letra, un número ni un signo. Guarde el horario como un archivo .json de texto simple "
        "(UTF-8) y vuelva a intentarlo."
    ),
    "too-deep-at": (
        "El archivo tiene signos de grupo unos dentro de otros en más de {depth} niveles (línea "
        "{line}, columna {col}). Un horario solo necesita 4. Revise que sea un archivo de "
        "horario."
    ),
    "too-deep": (
        "El archivo tiene signos de grupo unos dentro de otros en más de {depth} niveles. Un "
        "horario solo necesita 4. Revise que sea un archivo de horario."
    ),
    "cannot-read": "No se puede leer el horario en {where}. {problem}",
    "duplicate": (
        "El nombre {name} está dos veces en el mismo grupo{where}. Otros programas podrían leer "
        "uno u otro, así que deje solo uno."
    ),
    "number": (
        "El número {token} es demasiado grande para usarlo{where}. Revise si hay dígitos de más "
        "o una letra e suelta."
    ),
    "constant": (
        "{token} no es un número{where}. Escriba el número real, por ejemplo 500, o borre el campo."
    ),
    # Where a problem is.
    "where.at-end": "línea {line}, columna {col}, al final del archivo",
    "where.near": "línea {line}, columna {col}, cerca de {near}",
    "where.line-col": "línea {line}, columna {col}",
    # What is wrong, and how to fix it (one per kind of JSON error).
    "string-help": 'El texto debe ir entre comillas dobles, por ejemplo "07:00".',
    "word.true": "Escriba true en minúsculas.",
    "word.false": "Escriba false en minúsculas.",
    "word.null": "Escriba null en minúsculas para un valor vacío.",
    "extra-comma": "Hay una coma de más. Bórrela.",
    "extra-comma-before": (
        "Hay una coma de más antes de {closing}. Borre la coma que está justo antes."
    ),
    "ends-too-soon": (
        "El archivo termina antes de tiempo: falta un valor o un signo de cierre. Revise que "
        "cada {{ tenga su }} y cada [ tenga su ]."
    ),
    "single-quotes": "El texto está entre comillas simples. {help}",
    "missing-before-comma": "Falta un valor antes de esta coma. Agregue el valor, o borre la coma.",
    "missing-before-bracket": (
        "Falta un valor antes de {char}. Agréguelo, o borre lo que está sin terminar."
    ),
    "not-json-word": "{word} no está escrito como pide JSON. {help}",
    "no-quotes": "Este texto no tiene comillas dobles. {help}",
    "not-a-value": (
        "Algo aquí no es un valor. {help} Los números son solo dígitos, como 400 o 2.5."
    ),
    "name-single-quotes": (
        "Un nombre está entre comillas simples. Los nombres van entre comillas dobles, como "
        '"start".'
    ),
    "two-commas": "Hay dos comas seguidas. Borre una de ellas.",
    "name-no-quotes": (
        'Un nombre no tiene comillas dobles. Los nombres van entre comillas dobles, como "start".'
    ),
    "bracket-mismatch": (
        "El signo {char} de aquí no va con el que abre el grupo: un [ se cierra con ] y una {{ "
        "se cierra con }}."
    ),
    "time-not-json": "Una hora o un número de aquí no está escrito como pide JSON. {help}",
    "comma-end-of-line": (
        "Falta una coma al final de la línea {line}, antes de esto. Agregue una coma, o un signo "
        "de cierre si la lista o el grupo termina ahí."
    ),
    "comma-missing": (
        "Falta una coma aquí, entre dos valores. Agregue una coma, o un signo de cierre si la "
        "lista o el grupo termina aquí."
    ),
    "colon-missing": (
        "Faltan los dos puntos después de un nombre. Escriba el nombre, dos puntos y luego el "
        'valor, como "start": "07:00".'
    ),
    "unterminated": (
        'El texto que empieza aquí no cierra sus comillas dobles. Ponga las " donde termina el '
        "texto."
    ),
    "control-char": (
        "El texto entre comillas dobles no puede tener un salto de línea ni un tabulador. "
        "Cierre las comillas antes de que termine la línea."
    ),
    "bad-u-escape": (
        "Una \\u dentro del texto debe ir seguida de cuatro dígitos o letras de la A a la F."
    ),
    "bad-escape": "Una barra invertida dentro del texto se escribe dos veces, así: \\\\.",
    "extra-data": (
        "Hay algo más después del final del horario. Un horario es un solo grupo entre {{ }}: "
        "borre lo que viene después de su última }}."
    ),
    "not-json": (
        "Algo aquí no está escrito como pide JSON. Revise si falta una coma, unas comillas o un "
        "signo de cierre."
    ),
}
"""The sentences of a file flexdose cannot read (`flexdose.load.UnreadableInput`)."""
