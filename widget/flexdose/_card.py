"""The fold-out wallet and emergency card, printed from the widget's own data (render.card_html).

One sheet holds six panels of ID-1 card size (85.6 x 54 mm) in two columns: the front (left
column) and the back (right column). Cut out along the outer line, folded down the middle with
the print outside and then folded up along the dashed lines, it is a card the size of a bank
card. widget/web/print.css gives the panels their size; nothing here carries a style.

Front: "I have an ITB baclofen pump" and the lines to fill in by hand (name, the ITB team's and
the after-hours phone, an emergency contact), then the pump, strength, daily doses, alarm and
refill-by dates (from the report's summary, through the one number formatter), then what to tell
the emergency team. Back: the emergency signs, the emergency action, then the urgent signs and
their action. Every safety sentence is one of flexdose.safety's, whole; the lines are written on
by hand, so nothing a person would write there is ever typed, stored or sent.
"""

from __future__ import annotations

from . import safety
from ._fmt import esc, fmt_date, fmt_mcg, fmt_ml, lang_attribute, truncate_to_width
from ._print import _bdi, blank_line, label_pairs
from .labels import label, weekdays
from .labels_en import LABELS as _ENGLISH
from .parse import parse
from .results import Summary

__all__ = [
    "ACT_HEADING",
    "CARD_HEADING",
    "CARD_HOW_TO",
    "CARD_LABEL",
    "HAND_LINES",
    "MAX_DOSE_LINES",
    "TELL_HEADING",
    "card_html",
]

# The English wording (kept for callers); the card writes each in the current language.
CARD_LABEL = _ENGLISH["card.label"]
CARD_HEADING = _ENGLISH["card.heading"]
CARD_HOW_TO = _ENGLISH["card.how_to"]
_HAND_KEYS = (
    "card.hand.name",
    "card.hand.team_phone",
    "card.hand.after_hours",
    "card.hand.contact",
)
HAND_LINES = tuple(_ENGLISH[key] for key in _HAND_KEYS)
DOSE_HEADING = _ENGLISH["card.dose_heading"]
TELL_HEADING = _ENGLISH["card.tell_heading"]
ACT_HEADING = _ENGLISH["card.act_heading"]
# A panel holds three programs' doses (two lines each at most); a week of more programs names the
# first two and the count of the rest (the printout has them all).
MAX_DOSE_LINES = 3
# Program names are the person's own: cut to what one line of the panel holds.
_NAME_MAX_EM = 10


def _blank(unit: str = "") -> str:
    return blank_line(unit, prefix="fd-card")


def _pairs(css_class: str, items: list[tuple[str, str]]) -> str:
    return label_pairs(css_class, items, prefix="fd-card")


def _panel(kind: str, heading_id: str, heading: str, body: str, *, level: int = 3) -> str:
    return (
        f'<div class="fd-card-panel fd-card-{kind}" role="group" aria-labelledby="{heading_id}">'
        f'<h{level} class="fd-card-h" id="{heading_id}">{heading}</h{level}>{body}</div>'
    )


def _list(css_class: str, sentences: list[str]) -> str:
    items = "".join(f"<li>{esc(text)}</li>" for text in sentences)
    return f'<ul class="fd-card-list {css_class}">{items}</ul>'


def _reservoir_ml(document: object) -> float | None:
    """The pump's reservoir size from the schedule document, when it holds a usable one."""
    if document is None:
        return None
    schedule, _ = parse(document)
    return None if schedule is None else schedule.pump.reservoir_ml


def _days_of(summary: Summary) -> dict[str, list[str]]:
    """Each program the week runs, in the week's order, with the days (Mon..Sun) it runs."""
    days: dict[str, list[str]] = {}
    for key, short, _ in weekdays(capital=False):  # inside a sentence: "los lun, mié"
        day = summary.week.get(key)
        if day is not None and day.program in summary.programs:
            days.setdefault(day.program, []).append(short)
    return days


def _dose_lines(summary: Summary) -> str:
    days = _days_of(summary)
    programs = summary.programs
    if not days:
        lines = [esc(label("card.mean_dose", mcg=fmt_mcg(summary.mean_mcg)))]
    elif len(days) == 1:
        ((name, _),) = days.items()
        lines = [esc(label("card.every_day", mcg=fmt_mcg(programs[name].daily_mcg)))]
    else:
        shown = list(days) if len(days) <= MAX_DOSE_LINES else list(days)[: MAX_DOSE_LINES - 1]
        lines = [
            label(
                "card.on_days",
                mcg=esc(fmt_mcg(programs[name].daily_mcg)),
                days=esc(label("card.day_separator").join(days[name])),
                name=_bdi(truncate_to_width(name, _NAME_MAX_EM)),
            )
            for name in shown
        ]
        rest = len(days) - len(shown)
        if rest:
            lines.append(esc(label("card.more_programs", rest=rest)))
    items = "".join(f'<span class="fd-card-dose-line">{line}</span>' for line in lines)
    return f'<dd class="fd-card-doses">{items}</dd>'


def _dose_panel(summary: Summary | None, reservoir_ml: float | None, heading_id: str) -> str:
    heading = esc(label("card.dose_heading"))
    if summary is None:
        items = [
            (label("card.reservoir"), _blank(label("blank.ml"))),
            (label("card.strength"), _blank(label("blank.mcg_per_ml"))),
            (label("card.daily_dose"), _blank(label("blank.mcg_a_day"))),
            (label("card.alarm"), _blank(label("blank.date"))),
            (label("card.refill"), _blank(label("blank.date"))),
        ]
        body = f'<p class="fd-card-invalid">{esc(label("print.invalid"))}</p>' + _pairs(
            "fd-card-facts", items
        )
        return _panel("dose", heading_id, heading, body)
    items = [
        (
            label("card.reservoir"),
            f"<dd>{esc(label('amount.ml', ml=fmt_ml(reservoir_ml)))}</dd>"
            if reservoir_ml is not None
            else _blank(label("blank.ml")),
        )
    ]
    concentration = summary.concentration_mcg_per_ml
    items.append(
        (
            label("card.strength"),
            f"<dd>{esc(label('amount.mcg_per_ml', conc=fmt_mcg(concentration)))}</dd>"
            if concentration is not None
            else _blank(label("blank.mcg_per_ml")),
        )
    )
    items.append((label("card.daily_dose"), _dose_lines(summary)))
    alarm = summary.alarm
    items.append(
        (
            label("card.alarm"),
            f"<dd>{esc(fmt_date(alarm.date))}</dd>" if alarm else _blank(label("blank.date")),
        )
    )
    refill_by = summary.refill_by
    items.append(
        (
            label("card.refill"),
            f"<dd>{esc(fmt_date(refill_by))}</dd>" if refill_by else _blank(label("blank.date")),
        )
    )
    return _panel("dose", heading_id, heading, _pairs("fd-card-facts", items))


def card_html(summary: Summary | None, *, document: object = None, id_prefix: str) -> str:
    """The card (see render.card_html); summary is None for a report that is not valid."""
    voice = safety.current()
    emergency, urgent = voice.tier("emergency"), voice.tier("urgent")
    base = f"{id_prefix}-card"
    cover = _panel(
        "cover",
        f"{base}-cover",
        esc(label("card.heading")),
        _pairs("fd-card-hand", [(label(key), _blank()) for key in _HAND_KEYS]),
        level=2,
    )
    reservoir = _reservoir_ml(document) if summary is not None else None
    dose = _dose_panel(summary, reservoir, f"{base}-dose")
    tell = _panel(
        "tell",
        f"{base}-tell",
        esc(label("card.tell_heading")),
        _list("fd-card-tell-list", [text for text, _ in voice.TELL_STAFF]),
    )
    signs = _panel(
        "emergency",
        f"{base}-signs",
        esc(emergency.name),
        _list("fd-card-sign-list", [s.text for s in voice.signs_for(tier_key="emergency")]),
    )
    act = _panel(
        "act",
        f"{base}-act",
        esc(label("card.act_heading")),
        f'<p class="fd-card-action">{esc(emergency.action)}</p>'
        f'<p class="fd-card-unreachable">{esc(emergency.if_unreachable)}</p>',
    )
    urgent_panel = _panel(
        "urgent",
        f"{base}-urgent",
        esc(urgent.name),
        _list("fd-card-sign-list", [s.text for s in voice.signs_for(tier_key="urgent")])
        + f'<p class="fd-card-action">{esc(urgent.action)}</p>',
    )
    front = f'<div class="fd-card-side fd-card-front">{cover}{dose}{tell}</div>'
    back = f'<div class="fd-card-side fd-card-back">{signs}{act}{urgent_panel}</div>'
    invalid = " fd-invalid" if summary is None else ""
    return (
        f'<section class="fd-card{invalid}"{lang_attribute()} '
        f'aria-label="{esc(label("card.label"))}">'
        f'<p class="fd-card-howto">{esc(label("card.how_to"))}</p>'
        f'<div class="fd-card-sheet">{front}{back}</div>'
        "</section>"
    )
