"""The one number formatter: every dose, volume, percentage and duration a person reads.

Messages, pictures, tables, the text report and the CLI all format numbers here, so one schedule
never reads "846.531 mcg a day" in a warning and "847 mcg" in its total. Nothing here imports
another flexdose module but the label catalogue (`flexdose.labels`, for the words around a number
in the current language): it sits at the bottom of the one-way flow.

Computed amounts (totals, rates, volumes, days) are rounded for reading. A value echoed back as
the person typed it ("the dose is 12.345") is not computed: `fmt_typed` keeps its every digit,
so the message shows exactly what is in the schedule. JSON output keeps exact numbers.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .labels import label, plural

__all__ = [
    "fmt_days",
    "fmt_days_number",
    "fmt_hours",
    "fmt_mcg",
    "fmt_mcg_per_day",
    "fmt_mcg_per_hour",
    "fmt_ml",
    "fmt_number",
    "fmt_part_of_day",
    "fmt_pct",
    "fmt_signed",
    "fmt_typed",
]


def _decimal(value: float | int) -> Decimal:
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)  # exact, and no float overflow for a huge count
    try:
        return Decimal(repr(float(value)))
    except (InvalidOperation, ValueError, TypeError, OverflowError):
        return Decimal(0)


def fmt_number(value: float | int, decimals: int = 0, *, keep_zeros: bool = False) -> str:
    """Digits with thousands separators, rounded half up; trailing zeros dropped unless kept."""
    if abs(value) >= _TYPED_LARGE or value != value:
        # An amount no schedule has (a count, or a float past Decimal's exact range): described,
        # not spelled out, and never an InvalidOperation from quantize.
        return fmt_typed(value)
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
        return label("hours.h_min", h=whole, m=rest)
    if whole:
        return label("hours.h", h=whole)
    return label("hours.min", m=rest)


def fmt_days_number(days: float | int) -> str:
    """The number of a span of days as fmt_days writes it: '2.5' under ten, '156' above."""
    value = float(days)
    return fmt_number(value, 1 if abs(value) < 10 else 0)


def fmt_days(days: float | int) -> str:
    """A span of days in words: '12 h' under a day, '2.5 days' under ten, '156 days' above."""
    value = float(days)
    if abs(value) < 1:
        return fmt_hours(abs(value) * 24)
    text = fmt_days_number(value)
    return plural("days", 1 if text == "1" else 2, n=text)


# Parts of the day, by the hour each starts (24-hour clock), for a time known only roughly.
_PARTS_OF_DAY = (
    (0, "part_of_day.early_morning"),
    (6, "part_of_day.morning"),
    (12, "part_of_day.afternoon"),
    (18, "part_of_day.evening"),
)


def fmt_part_of_day(time: str | int) -> str:
    """'in the early morning' for "03:40" (or 220 minutes after midnight); '' if unreadable.

    For a moment that is only an estimate (the low-reservoir alarm): a minute-exact time would
    claim a precision the arithmetic does not have.
    """
    try:
        hour = int(time) // 60 if isinstance(time, int) else int(str(time).split(":")[0])
    except ValueError:
        return ""
    if not 0 <= hour < 24:
        return ""
    return label([key for start, key in _PARTS_OF_DAY if start <= hour][-1])


# Beyond these, a float's digits are written with an exponent, which no person reads.
_TYPED_LARGE = 1e15
_TYPED_SMALL = 1e-6


def fmt_typed(value: float | int) -> str:
    """A number as the person typed it (every digit kept), for echoing a value back in a message.

    Not a computed amount: "the dose is 12.345" must show what was typed, so nothing is rounded.
    Thousands separators are added; numbers no one types (huge, tiny, not finite) are described.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) >= 10**15:
            # str() of a very long int raises; count digits from the bit length instead.
            return label("typed.digits", digits=int(value.bit_length() * 0.30103) + 1)
        return f"{value:,}"
    number = float(value)
    if number != number:  # NaN
        return label("typed.not_a_number")
    if number in (float("inf"), float("-inf")) or abs(number) >= _TYPED_LARGE:
        return label("typed.too_large")
    if number != 0 and abs(number) < _TYPED_SMALL:
        return label("typed.too_small")
    text = f"{Decimal(repr(number)):,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
