"""Spanish facts of docs/living-with-a-pump.es.md, keyed by test_facts.FACTS descriptions."""

from __future__ import annotations

__all__ = ["FACTS"]

FACTS: dict[str, tuple[str, ...]] = {
    "follow your ITB team's advice closely: a sudden stop can cause serious withdrawal [S1]": (
        r"siga muy bien los consejos de su equipo de itb",
        r"nunca debe detenerse de golpe",
        r"abstinencia grave",
        r"más riesgo de abstinencia",
    ),
    "alcohol and medicines that add to baclofen's effect (general knowledge, flagged)": (
        r"alcohol",
        r"pastillas para dormir",
        r"efectos se pueden sumar",
        r"cada medicamento que toma",
    ),
    "driving (general knowledge, flagged)": (
        r"manejar",
        r"seguro para usted manejar",
        r"después de un cambio de dosis",
    ),
    "MRI: check the pump after; SynchroMed III 1.5 T and 3 T; Prometra valve [S18, S22]": (
        r"después de la resonancia, pida a su equipo de itb que revise su bomba",
        r"synchromed iii está aprobada para resonancias de 1\.5 t y 3 t",
        r"prometra tiene una válvula que corta el flujo",
        r"sigue cortado hasta que su equipo de itb vuelve a ajustar la bomba",
    ),
    "flying and altitude: rarely over 14.5% more; what to do [S17, S38]": (
        r"avise a su equipo de itb antes de volar o de subir a lugares altos",
        r"presión del aire es más baja",
        r"pocas veces es más del 14\.5% por encima de la dosis fijada",
        r"conozca las señales de demasiado baclofeno",
        r"lleve su tarjeta de identificación de la bomba",
    ),
    "a week's refill margin when travelling [S3]": (r"pida uno una semana antes",),
    "time zones shift flex dosing [S14]": (
        r"zona horaria nueva puede mover la hora en que empieza cada paso de dosis",
    ),
    "stopping safely: never suddenly, only with the ITB team; the boxed warning [S35]": (
        r"nunca deje la terapia con itb de golpe",
        r"hable primero con su equipo de itb",
        r"baja la dosis poco a poco",
        r"advertencia en recuadro",
        r"dejar el medicamento de golpe, por cualquier razón, puede poner en peligro la vida",
    ),
}
