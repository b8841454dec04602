"""Spanish facts of docs/glossary.es.md, keyed by test_facts.FACTS descriptions.

Each entry reads "<Spanish term> (<English term>) <meaning>" in the page's text: the English word
in parentheses is the one a patient meets on printouts and clinic papers.
"""

from __future__ import annotations

__all__ = ["FACTS"]

FACTS: dict[str, tuple[str, ...]] = {
    "schedule: the whole set": (
        r"horario \(schedule\) todo el conjunto de ajustes"
        r"[^.]*programas, el plan semanal[^.]*bomba",
    ),
    "program: one day's pattern of steps": (r"programa \(program\) el patrón de pasos de un día",),
    "step: a time from which the pump gives one dose rate": (
        r"paso \(step, dose step\) un momento del día desde el que la bomba da "
        r"un mismo ritmo de dosis",
    ),
    "week plan": (r"plan semanal \(week plan\) qué programa se usa cada día de la semana",),
    "concentration and strength": (
        r"concentración \(concentration\) qué tan fuerte es el medicamento",
        r"potencia \(strength\) qué tan fuerte es el medicamento",
    ),
    "flex dosing": (
        r"dosificación flexible \(flex dosing\) la bomba da más baclofeno a algunas horas",
    ),
    "ITB team": (
        r"equipo de itb \(itb team\) los médicos y enfermeros que cuidan su bomba y fijan su dosis",
    ),
    "programmer: a small handheld computer": (
        r"programador \(programmer\) una pequeña computadora de mano",
    ),
    "baclofen pills": (
        r"pastillas de baclofeno \(baclofen pills\) baclofeno que usted toma por la boca",
    ),
}
