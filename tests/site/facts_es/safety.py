"""Spanish facts of docs/safety.es.md (seguridad: señales de alerta y qué hacer)."""

from __future__ import annotations

# Most sign lists, tiers and actions on this page are rendered by flexdose.safety (its Spanish
# texts); rows marked "rendered by flexdose" hold the Spanish wording expected from it.
FACTS: dict[str, tuple[str, ...]] = {
    "withdrawal: whatever the cause": (r"sea cual sea la causa", r"poner la vida en peligro"),
    # rendered by flexdose
    "withdrawal early sign: spasticity comes back": (
        r"espasmos[^.]{0,30}(vuelven|regresan)|(vuelven|regresan)[^.]{0,40}espasmos",
    ),
    # rendered by flexdose
    "withdrawal early sign: itching, often without a rash": (
        r"picazón|comezón",
        r"sin (sarpullido|erupción|ronchas)",
    ),
    # rendered by flexdose
    "withdrawal early sign: low blood pressure": (r"presión (arterial )?baja",),
    # rendered by flexdose
    "withdrawal early sign: lightheaded": (r"marea|mareo|aturdid",),
    # rendered by flexdose
    "withdrawal early sign: tingling": (r"hormigueo",),
    # rendered by flexdose
    "withdrawal urgent sign: high fever": (r"fiebre alta",),
    # rendered by flexdose
    "withdrawal urgent sign: altered mental state": (r"confusión", r"estado mental"),
    # rendered by flexdose
    "withdrawal urgent sign: rebound spasticity": (r"(vuelve|regresa)[^.]{0,20}mucho peor",),
    # rendered by flexdose
    "withdrawal urgent sign: muscle rigidity": (r"músculos[^.]{0,30}(rígidos|tiesos)",),
    "withdrawal can progress to rhabdomyolysis, organ failure, death": (
        r"rabdomiólisis",
        r"muchos órganos fallan",
        r"morir",
    ),
    "untreated, withdrawal worsens over 24-72 hours": (r"24 a 72 horas",),
    "extra care: injury at T-6 or above, communication, past withdrawal": (
        r"t-6 o más arriba",
        r"problemas para hablar",
        r"ya tuvo abstinencia antes",
    ),
    "keep unexpired oral baclofen at home; it does not fully replace ITB": (
        r"pastillas de baclofeno en casa",
        r"vencidas",
        # rendered by flexdose (WHILE_WAITING)
        r"no (reemplazan|sustituyen) (del todo|por completo|totalmente) (a )?la bomba",
    ),
    "follow the ITB team's instructions closely [S1]": (r"al pie de la letra",),
    # rendered by flexdose (TIERS: action and if_unreachable)
    "what to do now, by tier, and if the ITB team cannot be reached": (
        r"qué hacer ahora: llame a su equipo de itb de inmediato",
        r"qué hacer ahora: llame ahora al 911",
        r"si no logra hablar pronto con su equipo de itb",
        r"fuera del horario de atención",
    ),
    # rendered by flexdose (EMERGENCY_NUMBERS)
    "emergency numbers in four countries": (
        r"\b911\b",
        r"112 en la unión europea",
        r"999 en el reino unido",
        r"000 en australia",
    ),
    "carers: while you wait for help": (
        r"mientras espera ayuda",
        # rendered by flexdose (WHILE_WAITING)
        r"de (lado|costado)",
    ),
    "what to tell the emergency team": (
        r"decirle al equipo de emergencias",
        # rendered by flexdose (TELL_STAFF)
        r"bomba de baclofeno",
    ),
    # rendered by flexdose
    "overdose sign: drowsiness": (r"somnolient|mucho sueño|adormilad",),
    # rendered by flexdose
    "overdose sign: lightheaded, dizzy": (r"(marea|aturdi)[^.]{0,15} o (marea|aturdi)|mareo",),
    # rendered by flexdose
    "overdose sign: muscles too loose, rising loss of tone": (
        r"demasiado (flojos|flácidos|blandos)",
        r"(abajo|parte baja)[^.]{0,60}(sub|ascend)",
    ),
    # rendered by flexdose
    "overdose sign: slow or shallow breathing": (
        r"respiración lenta o (superficial|poco profunda|débil)",
    ),
    # rendered by flexdose
    "overdose sign: low body temperature": (
        r"temperatura (del cuerpo|corporal) (más )?baja (de lo|que lo) normal",
    ),
    # rendered by flexdose
    "overdose sign: seizures": (r"convulsi(ón|ones)",),
    # rendered by flexdose
    "overdose sign: loss of consciousness": (r"se desmaya|pierde el conocimiento",),
    # rendered by flexdose
    "overdose sign: coma up to 72 hours, usually reversible": (
        r"\bcoma\b",
        r"hasta 72 horas",
        r"recupera",
    ),
    "overdose can come suddenly or over days": (r"de golpe, o poco a poco a lo largo de días",),
    "overdose after a 25 mcg bolus in a sensitive person [S36]": (
        r"muy sensible",
        r"pequeña dosis extra de 25 mcg",
    ),
    "pump failure can cause an overdose too [S1]": (r"o si la bomba falla",),
    "underdose signs are the early signs of withdrawal [S1]": (
        r"dosis insuficiente",
        r"a menudo son las primeras señales de la abstinencia",
    ),
    "catheter problems": (
        r"doblar",
        r"tapar",
        r"gotear",
        r"romper",
        r"mover de su lugar",
        r"soltarse de la bomba",
    ),
    "catheter problems give no alarm": (r"ninguna alarma por un problema del catéter",),
    "pump problems: battery, motor, memory": (
        r"se acaba la batería",
        r"se para el motor",
        r"memoria",
    ),
    "refill problems: needle misses the port": (r"no entra en el puerto de llenado",),
    "side effects [S1]": (
        r"efectos secundarios",
        # rendered by flexdose (the side-effect signs)
        r"somnolient|mucho sueño|adormilad",
        r"(estómago|malestar)[^.]{0,30}vómito",
        r"dolor de cabeza",
    ),
    # rendered by flexdose (SURGERY_RISKS)
    "surgical complications [S1]": (
        r"infección",
        r"meningitis",
        r"(pérdida|fuga|salida|escape) de líquido (cefalorraquídeo|espinal|de la columna)",
        r"parálisis",
        r"dolor de cabeza",
        r"hinchazón",
        r"sangrado",
        r"moretones|hematomas?",
    ),
}
