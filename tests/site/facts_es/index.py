"""Spanish facts of docs/index.es.md (the home page), keyed by test_facts.FACTS descriptions."""

from __future__ import annotations

FACTS: dict[str, tuple[str, ...]] = {
    "what ITB therapy is": (r"bomba", r"catéter", r"líquido que rodea la médula espinal"),
    "who the site is for": (
        r"para quién es este sitio",
        r"cuidadores",
        r"médicos|profesionales",
    ),
    "the preview never programs or reads a pump": (
        r"nunca programa una bomba",
        r"nunca la lee",
    ),
    "the printout is the true record": (r"hoja impresa de la clínica siempre es el registro real",),
    "the drug's name and the other labelled products, with strengths [S27, S30, S31, S35]": (
        r"lioresal intrathecal \(baclofen injection\) "
        r"50 \(solo para la dosis de prueba\), 500, 2000",
        r"gablofen 50, 500, 1000, 2000",
        r"baclofeno intratecal genérico 50, 1000, 2000",
        r"diluir con más líquido para hacer otra potencia",
    ),
    "follow your ITB team closely: a sudden stop can cause serious withdrawal [S1, S35]": (
        r"haga justo lo que su equipo de itb le diga",
        r"se detiene de golpe",
        r"abstinencia grave",
    ),
    "the new pages are in the table of pages": (
        r"la vida con una bomba",
        r"preguntas y lista para cuidadores",
    ),
    # rendered by flexdose (the emergency-short safety block: "llame ahora al 911 (o al número de
    # emergencias del país donde esté: ...)" in flexdose.safety's Spanish)
    "emergency guidance": (r"número de emergencias", r"911"),
}

# Every ABSENT row of test_facts but the flex-dosing one names every patient page, so
# is_itb_for_me, living_with_a_pump, questions and glossary import these rows. Spanish wording of
# the same wrong facts and retired words ("week plan" in the glossary's English parenthesis is
# fine).
ABSENT: list[tuple[str, str]] = [
    (
        "children under 4 'should not' get ITB (4 and older is the label's age, not a reason)",
        r"(niños|niñas|personas|nadie)( que tengan| que tienen)? (menores de|de menos de) 4",
    ),
    (
        "baclofen pills first for everyone (the source says so for spinal cord injury and MS)",
        r"(la mayoría de las personas|todo el mundo|todos los pacientes|todas las personas|todos)"
        r"[^.]{0,60}(baclofeno|pastillas|tabletas|por (la )?boca)[^.]{0,20}\bprimero"
        r"|(pastillas|tabletas) de baclofeno van primero",
    ),
    (
        "the bridge bolus as extra drug (DOMAIN.md: only that one is programmed) [S14]",
        r"bolo puente[.:]? (es )?una? (dosis )?(corta )?(extra|adicional)"
        r"|dosis (extra|adicional),? llamada bolo puente"
        r"|bolo puente[^.,;]{0,40}\b(extra|adicional)\b"
        r"|\b(extra|adicional)\b[^.,;]{0,30}bolo puente",
    ),
    (
        "the brain-injury wait stated for the whole list of conditions as 'traumatic' only",
        r"una lesión cerebral traumática, que (significa|quiere decir)"
        r"|un traumatismo craneoencefálico, que (significa|quiere decir)",
    ),
    (
        "'care team' for who to talk to (say 'your ITB team')",
        r"equipo (de atención|médico|de salud|de cuidados?)",
    ),
    ("'ITB doctor' for who to call (say 'your ITB team')", r"(médic[oa]|doctora?) de (la )?itb"),
    ("'your doctor' for who to call (say 'your ITB team')", r"\bsu (médic[oa]|doctora?)\b"),
    (
        "'your clinic' for who to call (the clinic printout is fine)",
        r"(?<!impresa de )\bsu clínica\b",
    ),
    ("'tablet' for the programmer or for baclofen pills", r"\btabletas?\b"),
    ("'plan' other than 'week plan'", r"(?<!week )\bplan(es)?\b(?! semanal)"),
]
