"""The one number formatter: every dose, volume, percentage and duration a person reads.

Messages, pictures, tables, the text report and the CLI all format numbers here, so one schedule
never reads "846.531 mcg a day" in a warning and "847 mcg" in its total. Nothing here imports
another flexdose module: it sits at the bottom of the one-way flow.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = [
    "fmt_hours",
    "fmt_mcg",
    "fmt_mcg_per_day",
    "fmt_mcg_per_hour",
    "fmt_ml",
    "fmt_number",
    "fmt_pct",
    "fmt_signed",
]


def _decimal(value: float | int) -> Decimal:
    try:
        return Decimal(repr(float(value)))
    except (InvalidOperation, ValueError, TypeError, OverflowError):
        return Decimal(0)


def fmt_number(value: float | int, decimals: int = 0, *, keep_zeros: bool = False) -> str:
    """Digits with thousands separators, rounded half up; trailing zeros dropped unless kept."""
    quantum = Decimal(1).scaleb(-decimals)
    rounded = _decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # never print "-0"
    text = f"{rounded:,.{decimals}f}"
    if decimals and not keep_zeros:
        text = text.rstrip("0").rstrip(".")
    return text


def fmt_mcg(value: float | int) -> str:
    """A dose in mcg (or mcg/day): whole numbers, with decimals only for small amounts."""
    magnitude = abs(float(value))
    if magnitude >= 10:
        return fmt_number(value, 0)
    if magnitude >= 1:
        return fmt_number(value, 1)
    return fmt_number(value, 2)


def fmt_mcg_per_day(value: float | int) -> str:
    """A programmed rate in mcg/day: as entered (up to 2 decimals), so 12.5 never reads as 13."""
    return fmt_number(value, 2)


def fmt_mcg_per_hour(value: float | int) -> str:
    """An hourly rate: small numbers, so one or two decimals carry the difference between steps."""
    magnitude = abs(float(value))
    if magnitude >= 100:
        return fmt_number(value, 0)
    if magnitude >= 10:
        return fmt_number(value, 1)
    return fmt_number(value, 2)


def fmt_ml(value: float | int) -> str:
    """A volume in mL: three decimals below 1 mL, two above, trailing zeros dropped."""
    return fmt_number(value, 3 if abs(float(value)) < 1 else 2)


def fmt_signed(text: str, value: float | int, *, minus: str = "\u2212") -> str:
    """Prefix a formatted magnitude with + or a minus sign (none for zero)."""
    if text.lstrip("0.,") == "":
        return text
    return ("+" if value > 0 else minus) + text


def fmt_pct(value: float | int, *, minus: str = "\u2212") -> str:
    """A signed percentage with at most one decimal: '+12.5%', '−20%'."""
    return fmt_signed(fmt_number(abs(value), 1), value, minus=minus) + "%"


def fmt_hours(hours: float | int) -> str:
    """A duration in words: '7 h', '7 h 30 min', '45 min'."""
    minutes = int(_decimal(float(hours) * 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    whole, rest = divmod(minutes, 60)
    if whole and rest:
        return f"{whole} h {rest} min"
    if whole:
        return f"{whole} h"
    return f"{rest} min"
