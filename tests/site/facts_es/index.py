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
