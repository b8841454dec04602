"""Every limit flexdose checks against, each with its value, unit, source ids and status.

Source ids (S1..S45) refer to the project's reference list (shared/reference/DOMAIN.md). Each
limit has one of three statuses:

- "confirmed": a source states the number and what it means;
- "unconfirmed": a source gives the number, but DOMAIN.md marks its reading or its exact wording
  UNCONFIRMED (the note says what is not confirmed);
- "assumption": a named, configurable choice made here (the note says why).

Change a limit in this module only: every rule, message, document and test reads the value from
here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

__all__ = [
    "ALARM_HORIZON_DAYS",
    "ALL_LIMITS",
    "ALTITUDE_OVERDELIVERY_PCT",
    "DAILY_CEILING_MCG",
    "DAYS_DECIMALS",
    "DEFAULT_ALARM_ML",
    "DELIVERY_ACCURACY_PCT",
    "FORM_MAX_STEPS",
    "HOURS_DECIMALS",
    "HOURS_PER_DAY",
    "LABELLED_CONCENTRATIONS_MCG_PER_ML",
    "MAINTENANCE_MAX_FALL_PCT",
    "MAINTENANCE_MAX_RISE_PCT_CEREBRAL",
    "MAINTENANCE_MAX_RISE_PCT_CHILD",
    "MAINTENANCE_MAX_RISE_PCT_SPINAL",
    "MAINTENANCE_MAX_RISE_PCT_UNKNOWN",
    "MAX_CHANGES_PER_DAY",
    "MAX_CHANGE_PCT_CEREBRAL",
    "MAX_CHANGE_PCT_CHILD",
    "MAX_CHANGE_PCT_SPINAL",
    "MAX_CHANGE_PCT_UNKNOWN",
    "MAX_CLOCK_CHARS",
    "MAX_INPUT_CHARS",
    "MAX_LISTED_FINDINGS",
    "MAX_NESTING",
    "MAX_PLAUSIBLE_MCG_PER_DAY",
    "MAX_PLAUSIBLE_MCG_PER_ML",
    "MAX_PROGRAMS",
    "MAX_PROGRAM_NAME_CHARS",
    "MAX_REFILL_INTERVAL_DAYS",
    "MAX_STEPS_READ",
    "MAX_TITLE_CHARS",
    "MCG_DECIMALS",
    "MINUTES_PER_DAY",
    "MINUTES_PER_HOUR",
    "MIN_PLAUSIBLE_MCG_PER_ML",
    "ML_DECIMALS",
    "PCT_DECIMALS",
    "REFILL_MARGIN_DAYS",
    "RESERVOIR_SIZES_ML",
    "SCREENING_CONCENTRATION_MCG_PER_ML",
    "STATUSES",
    "USUAL_DAILY_MCG_CEREBRAL",
    "USUAL_DAILY_MCG_CHILD",
    "USUAL_DAILY_MCG_SPINAL",
    "WEEK_DAYS",
    "Limit",
    "Status",
]

Status = Literal["confirmed", "unconfirmed", "assumption"]
STATUSES: tuple[Status, ...] = ("confirmed", "unconfirmed", "assumption")
"""Every status, in the order the module docstring explains them."""


# A limit's value: a number, or a tuple (a (low, high) range or a set of allowed values). Typed
# per limit, so `int(MAX_CHANGES_PER_DAY.value)` and `low, high = USUAL_....value` both check.
V = TypeVar("V", float, tuple[float, ...])


@dataclass(frozen=True, slots=True)
class Limit(Generic[V]):
    """One limit: `value` in `unit`, backed by `sources` (DOMAIN.md ids), with its `status`.

    `value` is a number, or a tuple: a (low, high) range or a set of allowed values.
    """

    value: V
    unit: str
    sources: tuple[str, ...]
    status: Status
    note: str


# ---- Pump and program structure ----

MAX_CHANGES_PER_DAY = Limit(
    13,
    "dose changes per day",
    ("S1", "S2"),
    "unconfirmed",
    "SynchroMed II flex dosing gives 'up to 13 changes every day'. Read here as changes counted "
    "around the clock: each boundary between neighbouring steps whose doses differ, plus "
    "midnight when the last step's dose differs from the first's. Whether the programmer counts "
    "13 changes or 13 steps is not confirmed (DOMAIN.md A5).",
)
FORM_MAX_STEPS = Limit(
    int(MAX_CHANGES_PER_DAY.value) + 1,
    "steps per program",
    ("S1", "S2"),
    "assumption",
    "How many steps the form lets a program have: one more than MAX_CHANGES_PER_DAY. 14 steps "
    "whose neighbours all differ make 13 changes when the last dose is the same as the first; "
    "a 15th step always leaves two neighbours with the same dose, which can be joined.",
)
RESERVOIR_SIZES_ML = Limit(
    (20, 40),
    "mL",
    ("S13",),
    "confirmed",
    "SynchroMed II models 8637-20 and 8637-40 (Prometra II has the same two sizes [S21]).",
)
DEFAULT_ALARM_ML = Limit(
    2.0,
    "mL",
    ("S15",),
    "unconfirmed",
    "The manufacturer's recommended low-reservoir alarm volume in 2004; one series raised it to "
    "4 mL. The range the SynchroMed II programmer accepts today is not confirmed, so the "
    "document's pump.alarm_ml overrides it.",
)
DELIVERY_ACCURACY_PCT = Limit(
    2.5,
    "%",
    ("S16",),
    "confirmed",
    "An average, not a bound: the mean difference between delivered and programmed volume per "
    "refill in clinic (+1% per patient at 6 months, -2.4% per refill on the bench). A single "
    "pump can be further off, so the real alarm can come some days earlier or later.",
)
ALTITUDE_OVERDELIVERY_PCT = Limit(
    14.5,
    "%",
    ("S17",),
    "confirmed",
    "At low air pressure (altitude, flights) flow can rise, rarely more than this.",
)

# ---- Drug ----

LABELLED_CONCENTRATIONS_MCG_PER_ML = Limit(
    (500, 1000, 2000),
    "mcg/mL",
    ("S27", "S30", "S31"),
    "confirmed",
    "Lioresal 500 and 2000, Gablofen 500, 1000 and 2000 mcg/mL. Other strengths are made by "
    "dilution, which is allowed: a warning, not an error.",
)
SCREENING_CONCENTRATION_MCG_PER_ML = Limit(
    50,
    "mcg/mL",
    ("S27", "S30"),
    "confirmed",
    "Labelled for the screening test dose only, not for filling a pump.",
)
MIN_PLAUSIBLE_MCG_PER_ML = Limit(
    1,
    "mcg/mL",
    (),
    "assumption",
    "Keeps mL arithmetic sane: 50x below the weakest labelled strength (50 mcg/mL). Anything "
    "lower is treated as a typing mistake (bad-concentration).",
)
MAX_PLAUSIBLE_MCG_PER_ML = Limit(
    100_000,
    "mcg/mL",
    (),
    "assumption",
    "Keeps mL arithmetic sane: 50x above the strongest labelled strength (2000 mcg/mL).",
)

# ---- Daily dose ----

USUAL_DAILY_MCG_SPINAL = Limit(
    (300, 800),
    "mcg/day",
    ("S30", "S33", "S34"),
    "confirmed",
    "Usual maintenance range for spasticity of spinal origin (adults).",
)
USUAL_DAILY_MCG_CEREBRAL = Limit(
    (90, 703),
    "mcg/day",
    ("S30", "S33", "S34"),
    "confirmed",
    "Usual maintenance range for spasticity of cerebral origin (adults); summaries round to 700.",
)
USUAL_DAILY_MCG_CHILD = Limit(
    (24, 1199),
    "mcg/day",
    ("S30", "S33", "S34"),
    "confirmed",
    "Usual maintenance range for children under 12 with spasticity of cerebral origin. Used "
    "only for a child of cerebral origin: no range for children of spinal origin was found, so "
    "they get no usual-range warning.",
)
DAILY_CEILING_MCG = Limit(
    1000,
    "mcg/day",
    ("S34", "S41"),
    "unconfirmed",
    "A dosing summary says 'not to exceed 1000 mcg/day' [S34]; the label's own wording is not "
    "confirmed, and 3 of 23 trial patients needed more [S41]. No labelled maximum was found, so "
    "this is a warning whatever the context, not an error.",
)
MAX_PLAUSIBLE_MCG_PER_DAY = Limit(
    100_000,
    "mcg/day",
    (),
    "assumption",
    "100x the 1000 mcg/day ceiling: a larger rate is a typing mistake (bad-rate), and the bound "
    "keeps the arithmetic sane.",
)

# ---- Change from the dose in use now: titration (per 24 h) ----

MAX_CHANGE_PCT_SPINAL = Limit(
    30,
    "% per 24 h (titration)",
    ("S14", "S33", "S34"),
    "confirmed",
    "Titration for spinal origin rises 10-30% once per 24 h. Also used for a fall during "
    "titration (no source gives one; a sudden fall risks withdrawal [S35]).",
)
MAX_CHANGE_PCT_CEREBRAL = Limit(
    15,
    "% per 24 h (titration)",
    ("S14", "S33", "S34"),
    "confirmed",
    "Titration for cerebral origin rises 5-15% once per 24 h (also used for a fall).",
)
MAX_CHANGE_PCT_CHILD = Limit(
    15,
    "% per 24 h (titration)",
    ("S14",),
    "confirmed",
    "Titration for children rises 5-15% per 24 h (also used for a fall).",
)
MAX_CHANGE_PCT_UNKNOWN = Limit(
    15,
    "% per 24 h (titration)",
    ("S14", "S33", "S34"),
    "assumption",
    "When the origin is not given the stricter of the spinal (30%) and cerebral (15%) steps is "
    "used, so a change is never waved through for the wrong group.",
)

# ---- Change from the dose in use now: maintenance (one change at a refill) ----

MAINTENANCE_MAX_RISE_PCT_SPINAL = Limit(
    40,
    "% per change (maintenance)",
    ("S33", "S34"),
    "confirmed",
    "Adjustments at a refill for spinal origin: up 10-40%.",
)
MAINTENANCE_MAX_RISE_PCT_CEREBRAL = Limit(
    20,
    "% per change (maintenance)",
    ("S33", "S34"),
    "confirmed",
    "Adjustments at a refill for cerebral origin: up 5-20%.",
)
MAINTENANCE_MAX_RISE_PCT_UNKNOWN = Limit(
    20,
    "% per change (maintenance)",
    ("S33", "S34"),
    "assumption",
    "When the origin is not given the stricter of the spinal (40%) and cerebral (20%) refill "
    "figures is used.",
)
MAINTENANCE_MAX_RISE_PCT_CHILD = Limit(
    20,
    "% per change (maintenance)",
    ("S33", "S34"),
    "assumption",
    "No source gives a refill-time figure for children. The stricter adult refill figure "
    "(cerebral, 20%) is used whatever the origin, and the message names no group, so it claims "
    "no figure for children.",
)
MAINTENANCE_MAX_FALL_PCT = Limit(
    20,
    "% per change (maintenance)",
    ("S33", "S34"),
    "confirmed",
    "Reductions at a refill (for side effects): down 10-20%. Used for every group (no source "
    "gives a separate figure for children; an assumption for them).",
)

# ---- Refill timing ----

MAX_REFILL_INTERVAL_DAYS = Limit(
    180,
    "days",
    ("S39", "S42"),
    "confirmed",
    "Commercial ITB pumps are recommended to be refilled within 180 days (drug stability).",
)
REFILL_MARGIN_DAYS = Limit(
    7,
    "days",
    ("S3", "S8", "S9"),
    "assumption",
    "Refill-by date = alarm date minus this. Clinics say 3-5 days [S8] or 7-10 days [S9] before "
    "the alarm; Medtronic suggests 'a week's margin' [S3]. 7 days is the start of the safer range "
    "and matches Medtronic's week.",
)
ALARM_HORIZON_DAYS = Limit(
    36_525,
    "days",
    ("S4", "S5"),
    "assumption",
    "100 years. A pump stops after at most 7 years [S4, S5]; an alarm further away than this is "
    "not shown as a date (the arithmetic stays bounded), and the 180-day warning still applies.",
)

# ---- Input size and text ----

MAX_INPUT_CHARS = Limit(
    1_000_000,
    "characters",
    (),
    "assumption",
    "A real schedule is a few kilobytes; the bound keeps a pasted or uploaded file from freezing "
    "the page.",
)
MAX_NESTING = Limit(
    32,
    "levels",
    (),
    "assumption",
    "A schedule nests 4 levels deep; the bound stops deep input before the JSON parser recurses.",
)
MAX_PROGRAMS = Limit(
    14,
    "programs",
    (),
    "assumption",
    "A week needs at most 7 programs, one a day (programs may differ from day to day [S1, S2]; "
    "how many the pump holds is not confirmed); twice that leaves room for drafts. A file with "
    "more is not a pump schedule: flexdose reports it with one error and reads no further, so "
    "that any file within MAX_INPUT_CHARS is checked and drawn quickly.",
)
MAX_STEPS_READ = Limit(
    52,
    "steps per program",
    (),
    "assumption",
    "Four times the pump's 13 dose changes a day (MAX_CHANGES_PER_DAY): a program over the "
    "pump's limit is still read and shown, with its error, for the person to fix. A program with "
    "more is not a pump schedule: flexdose reports it with one error and reads no further.",
)
MAX_LISTED_FINDINGS = Limit(
    100,
    "findings",
    (),
    "assumption",
    "More would bury the first problems; the rest are counted in one more-findings note.",
)
MAX_PROGRAM_NAME_CHARS = Limit(
    40,
    "characters",
    (),
    "assumption",
    "Long enough for names like 'therapy day', short enough to fit a chart label.",
)
MAX_TITLE_CHARS = Limit(
    200,
    "characters",
    (),
    "assumption",
    "A schedule's name is a line of text, not a letter.",
)
MAX_CLOCK_CHARS = Limit(
    12,
    "characters",
    (),
    "assumption",
    "What a person may type in a time field: the longest time the form reads, '12:30 p.m.', is "
    "10 characters; two more leave room for stray spaces.",
)


def _collect() -> dict[str, Limit[Any]]:
    return {name: value for name, value in globals().items() if isinstance(value, Limit)}


ALL_LIMITS: dict[str, Limit[Any]] = _collect()
"""Every limit by name, in definition order (for documentation tables and tests)."""

# ---- Units and display precision (not limits: facts of arithmetic and the report format) ----

MINUTES_PER_HOUR = 60
HOURS_PER_DAY = 24
MINUTES_PER_DAY = MINUTES_PER_HOUR * HOURS_PER_DAY
WEEK_DAYS = 7
MCG_DECIMALS = 3
ML_DECIMALS = 4
HOURS_DECIMALS = 4
DAYS_DECIMALS = 3
PCT_DECIMALS = 1
