"""The Spanish patterns of test_facts.ABSENT: what no Spanish page may say, by the English
row's description, applied to the Spanish edition of each page that row names. A row may have
more than one pattern (two translators' wordings): any one matching fails.
"""

from __future__ import annotations

ABSENT: dict[str, tuple[str, ...]] = {
    "children under 4 'should not' get ITB (4 and older is the label's age, not a reason)": (
        (
            "(niños|niñas|personas|nadie)( que tengan| que tienen)? (menores de|de "
            "menos de|con menos de) 4 años"
        ),
        ("(niños|niñas|personas|nadie)( que tengan| que tienen)? (menores de|de menos de) 4"),
    ),
    "baclofen pills first for everyone (the source says so for spinal cord injury and MS)": (
        (
            "(la mayoría de las personas|todos|todas las personas|todos los pacient"
            "es)[^.]{0,40}(baclofeno|pastillas|tabletas|por boca) (primero|antes qu"
            "e nada)|(pastillas|tabletas) de baclofeno (van|vienen|son lo) primero"
        ),
        (
            "(la mayoría de las personas|todo el mundo|todos los pacientes|todas la"
            "s personas|todos)[^.]{0,60}(baclofeno|pastillas|tabletas|por (la )?boc"
            "a)[^.]{0,20}\\bprimero|(pastillas|tabletas) de baclofeno van primero"
        ),
    ),
    "the bridge bolus as extra drug (DOMAIN.md: only that one is programmed) [S14]": (
        (
            "bolo puente[.:]? (es )?una? (breve |corta |pequeña )?(dosis )?(extra|a"
            "dicional)|dosis (extra|adicional),? llamada bolo puente|bolo puente[^."
            ",;]{0,40}\\b(extra|adicional)\\b|\\b(extra|adicional)\\b[^.,;]{0,30}bolo p"
            "uente"
        ),
        (
            "bolo puente[.:]? (es )?una? (dosis )?(corta )?(extra|adicional)|dosis "
            "(extra|adicional),? llamada bolo puente|bolo puente[^.,;]{0,40}\\b(extr"
            "a|adicional)\\b|\\b(extra|adicional)\\b[^.,;]{0,30}bolo puente"
        ),
    ),
    "the brain-injury wait stated for the whole list of conditions as 'traumatic' only": (
        "una lesión cerebral traumática, que (significa|quiere decir)",
        (
            "una lesión cerebral traumática, que (significa|quiere decir)|un trauma"
            "tismo craneoencefálico, que (significa|quiere decir)"
        ),
    ),
    "'care team' for who to talk to (say 'your ITB team')": (
        "equipo (de atención|de cuidados?|médico|de salud)",
        "equipo (de atención|médico|de salud|de cuidados?)",
    ),
    "'ITB doctor' for who to call (say 'your ITB team')": (
        "(médico|doctor) de (la )?itb",
        "(médic[oa]|doctora?) de (la )?itb",
    ),
    "'your doctor' for who to call (say 'your ITB team')": (
        "\\bsu (médico|doctor)\\b",
        "\\bsu (médic[oa]|doctora?)\\b",
    ),
    "'your clinic' for who to call (the clinic printout is fine)": (
        "(?<!impresa de )\\bsu clínica( de itb)?\\b",
        "(?<!impresa de )\\bsu clínica\\b",
    ),
    "'tablet' for the programmer or for baclofen pills": (
        "\\btabletas?\\b|\\bcomprimidos?\\b",
        "\\btabletas?\\b",
    ),
    "'plan' other than 'week plan'": (
        "(?<!week )\\bplan(es)?\\b(?! (semanal|de la semana))",
        "(?<!week )\\bplan(es)?\\b(?! semanal)",
    ),
    "the therapy program 'gives a little less' with no word of its higher total": (
        (
            "da un poco menos de las 10:00 a las 14:00, cerca de la hora de la sesi"
            "ón\\. la franja de la semana"
        ),
    ),
}
