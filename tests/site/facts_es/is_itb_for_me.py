"""Spanish facts of docs/is-itb-for-me.es.md, keyed by test_facts.FACTS descriptions."""

from __future__ import annotations

__all__ = ["FACTS"]

FACTS: dict[str, tuple[str, ...]] = {
    "conditions: spinal cord injury, MS, cerebral palsy, stroke, any brain injury [S1]": (
        r"lesión de la médula espinal",
        r"esclerosis múltiple",
        r"parálisis cerebral",
        r"un accidente cerebrovascular",
        r"una lesión en el cerebro de cualquier causa",
    ),
    "the label's age: approved for 4 years and older [S30]": (
        r"aprobado para personas de 4 años de edad o más",
    ),
    "baclofen pills first for spinal cord injury or MS [S1]": (
        r"lesión de la médula espinal o de la em, por lo general primero probará pastillas de "
        r"baclofeno",
        r"no controlaron bien su espasticidad",
        r"efectos secundarios que usted no pudo aceptar",
    ),
    "wait 1 year after a brain injury from trauma [S1, S30]": (
        r"lesión en el cerebro causada por un trauma",
        r"por lo menos 1 año",
    ),
    "screening trial doses and watch time [S32, S33]": (
        r"prueba de evaluación",
        r"50 mcg",
        r"de 4 a 8 horas",
        r"75 mcg",
        r"100 mcg",
    ),
    "no response to 100 mcg: not a candidate": (
        r"si 100 mcg no ayudan, una bomba no es la opción correcta",
    ),
    "who should not receive it: infection, allergy, body too small [S1]": (
        r"quién no debe recibir la terapia con itb",
        r"las personas que tienen una infección",
        r"alérgicas al baclofeno",
        r"muy pequeño para llevar la bomba",
    ),
    "some stiffness can help": (r"un poco de rigidez le puede ayudar",),
}
