"""Spanish facts of docs/programming.es.md (la programación con su equipo de ITB)."""

from __future__ import annotations

FACTS: dict[str, tuple[str, ...]] = {
    "constant dose first": (r"dosis constante", r"al principio"),
    "no increase in the first 24 hours [S33, S34]": (r"no se sube en las primeras 24 horas",),
    "gradual adjustments over weeks or months": (r"poco a poco", r"semanas o meses"),
    "results are watched": (r"observan lo que pasa",),
    "tell your ITB team what is not working": (r"lo que no funciona",),
    "say what you want to improve": (r"quiere mejorar",),
    "new goals later": (r"metas nuevas",),
    "flex dosing after the best constant dose [S1]": (
        r"la dosificación flexible casi siempre empieza solo después de hallar su mejor dosis"
        r" constante",
    ),
    "printout: dose, concentration, reservoir, alarm date [S7, S8]": (
        r"mcg por día",
        r"concentración",
        r"depósito",
        r"fecha de la alarma",
    ),
    "programmer works within about 3 m [S10]": (r"3 metros",),
    "a concentration change at a refill needs a bridge bolus [S14]": (
        r"cuando la potencia cambia en un relleno, su equipo de itb también programa un bolo"
        r" puente",
    ),
    "the programmer is a small handheld computer [S10]": (
        r"un programador \(una pequeña computadora de mano\)",
    ),
}
