"""Every sentence and label of the live widget's form, in one place (English; Spanish in
`flexdose.widget_text_es`, with the same keys and placeholders).

The browser layer (widget/web/*.js) restates no wording of its own: it gets these through
``flexdose.form.form_spec()`` (the worker's ``form_spec``), so a wording change is made here,
is reachable by pytest, and is the same in the site, the embed and the offline bundle.
Placeholders in braces ({n}, {max}, {name}, {why}, {start}) are filled by the page.

The tables here are the English ones, unchanged; `labels(lang)`, `messages(lang)`,
`hints(lang)` and `startup(lang)` give a new copy of a table in a language (None: the current
one, `flexdose.i18n.current_language`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from . import widget_text_es
from .i18n import check_language, current_language

__all__ = [
    "ALARM_HINT",
    "HINTS",
    "LABELS",
    "MESSAGES",
    "SPIN_STEPS",
    "STARTUP",
    "STATIC_NOTE",
    "alarm_hint",
    "hints",
    "labels",
    "messages",
    "startup",
    "static_note",
]

LABELS: Final[dict[str, str]] = {
    # Status and regions
    "ready": "The live preview is ready: change the schedule and the picture follows.",
    "safety_region": "Safety",
    "editor_region": "Your schedule",
    "preview_region": "Preview",
    "picture": "Your picture",
    "stale": (
        "This picture is from before your last change. Fix what is marked below and it "
        "updates again."
    ),
    "error": "error",
    "errors": "errors",
    "warning": "warning",
    "warnings": "warnings",
    "no_findings": "No errors or warnings",
    # Start
    "start_legend": "Start from",
    "start_field": "An example or your own numbers",
    "start_button": "Start from this",
    "start_blank": "My clinic printout (start empty)",
    "choose": "Choose…",
    "title": "Name of this schedule (optional)",
    # Programs and steps
    "programs_legend": "Programs",
    "program_select": "Program to show and change",
    "program_name": "Name of this program",
    "add_program": "Add a program",
    "remove_program": "Remove this program",
    "steps_caption": "Dose steps of “{name}”",
    "step": "Step",
    "starts_at": "Starts at (24-hour)",
    "dose": "Dose",
    "unit": "Unit",
    "step_actions": "Add or remove",
    "step_starts": "Step {n} starts at (24-hour time, HH:MM)",
    "step_dose": "Step {n} dose",
    "step_unit": "Step {n} unit",
    "insert_after": "Add a step after step {n}",
    "remove_step": "Remove step {n}",
    "add_step": "Add a step at the end",
    "step_removed": "Step {n} (from {start}) was removed.",
    "undo": "Undo",
    "clock_placeholder": "HH:MM",
    # Week
    "week_legend": "The week",
    "no_such_program": "no such program",
    # Details
    "not_given": "Not given",
    "pump_summary": "Pump, drug and refill (optional): for the refill date",
    "reservoir": "Reservoir size",
    "alarm_ml": "Low-reservoir alarm at (mL)",
    "concentration": "Drug strength (mcg per mL)",
    "fill_date": "Last refill date",
    "fill_time": "Last refill time (24-hour, HH:MM)",
    "fill_volume": "Amount filled (mL)",
    "context_summary": "About the current treatment (optional)",
    "current_dose": "Daily dose in use now (mcg/day)",
    "origin": "Where the spasticity comes from",
    "age_group": "Age group",
    "phase": "Stage of treatment",
    # Compare
    "compare_region": "Compare",
    "compare_heading": "Compare with the schedule in use",
    "compare_hint": (
        "Keep the schedule you use now as the “current” one, then change the form: the table "
        "shows each day's change."
    ),
    "save_current": "Save as current",
    "saved_current": "Saved as the current schedule (on this page only).",
    "compare_file": "Compare with a file…",
    "comparing_file": "Comparing with the schedule from the file.",
    "compare_failed": "That file cannot be compared:",
    "stop_compare": "Stop comparing",
    "compare_stopped": "Comparison stopped.",
    # Keep or share
    "actions_region": "Save, print and share",
    "actions_heading": "Keep or share this picture",
    "nothing_saved": (
        "Nothing is saved unless you save it: this page keeps no copy and sends nothing."
    ),
    "print": "Print a summary",
    "print_card": "Print an emergency card",
    "save_file": "Save as a file",
    "saved_file": "Saved as itb-flex-schedule.json in your downloads.",
    "open_file": "Open a file…",
    "opened_file": "Schedule opened from the file.",
    "open_failed": "That file cannot be opened: {why} Your schedule is unchanged.",
    "not_a_schedule": "It holds no schedule (a schedule file is a JSON object with programs).",
    "make_share_link": "Make a share link",
    "share_field": "Share link (the schedule is inside the link, after #)",
    "link_copied": "Share link copied. It holds the schedule; it is not sent anywhere.",
    "link_ready": "Share link ready: copy it from the field.",
    "link_unreadable": (
        "The schedule in this link cannot be read: {why} The example is shown instead."
    ),
    # A schedule the portal page sent (postMessage) and the preview could not take. The reason
    # goes back to the portal too (itb-flex:error), so it says what is wrong with the data.
    "portal_refused": (
        "Your portal sent a schedule this preview cannot show: {why} The picture still shows "
        "the schedule from before."
    ),
    "portal_no_schedule": "The message holds no schedule.",
    "portal_cycle": (
        "The schedule refers back to itself, so it cannot be written as JSON. A schedule is "
        "plain data: objects, lists, text, numbers, true, false and null."
    ),
    "portal_bigint": (
        "The schedule holds a BigInt, which JSON cannot hold. Write numbers as plain numbers."
    ),
    "portal_too_deep": "The schedule nests too deeply to be written as JSON.",
    "readonly_note": (
        "This preview only shows the schedule your portal sent: it cannot be edited here."
    ),
}

MESSAGES: Final[dict[str, str]] = {
    "programs_unshowable": (
        "This schedule's programs cannot be shown in the form. The messages say why; start "
        "again from an example or your printout."
    ),
    "steps_unshowable": "This program's steps cannot be shown in the form.",
    "rename_hint": "Press Enter or leave the field to rename.",
    "rename_empty": "A program needs a name.",
    "rename_taken": "Another program already has this name.",
    "steps_limit": "A program here has at most {max} dose steps.",
    "steps_full": (
        "This program has {n} steps: a program here has at most {max}, so no step can be added. "
        "Remove one first, or join two steps next to each other that have the same dose."
    ),
    "week_one_program": "With one program, every day runs it. Add a program to choose one per day.",
}

# Spinner steps of the number fields (configurable assumptions, UI only: any value can be
# typed, and flexdose rounds mcg to 3 decimals in its report).
SPIN_STEPS: Final[dict[str, float]] = {
    "mcg_per_day": 0.1,
    "mcg_per_hour": 0.001,
    "volume_ml": 0.1,
    "concentration": 1,
}

HINTS: Final[dict[str, str]] = {
    "concentration": "As printed on the refill record.",
    "current_dose": "To see how much the new schedule changes it.",
}

ALARM_HINT: Final = "Usually {ml} mL; see your pump's card."
"""The hint under the alarm volume; {ml} is the usual alarm volume, as flexdose writes numbers."""

# What the widget says while Python starts, and why it could not. The page needs these before
# flexdose runs in the browser, so hooks/sitebuild/widget.py writes them into the widget's root at
# build time (data-itb-text). {detail} is the browser's own one-line reason, in parentheses.
STARTUP: Final[dict[str, str]] = {
    "starting": (
        "Starting the live preview… (the first visit downloads about 6 MB). Until then, the "
        "picture below shows the example."
    ),
    "starting_shared": "Opening the shared schedule… (the first visit downloads about 6 MB).",
    "slow": "Still starting the live preview… a slow connection can take a minute.",
    "stuck": (
        "The live preview has not started after two minutes: the connection may be very slow, "
        "or something blocks it. Reloading may help."
    ),
    "failed": (
        "The live preview could not start in this browser{detail}. Reloading the page may help."
    ),
    "example_kept": "The picture below still shows the example schedule.",
    "no_wasm": (
        "This browser cannot run the live preview: it needs WebAssembly and web workers, which "
        "current versions of Firefox, Chrome, Edge and Safari have."
    ),
    "wasm_blocked": (
        "The live preview cannot run here: this page's security settings or the browser block "
        "WebAssembly, which it needs."
    ),
    "download_failed": (
        "The live preview could not start: its files could not be downloaded (the connection "
        "dropped, or a network filter blocks them). Reloading the page may help."
    ),
    "file_blocked": (
        "The live preview cannot run from a file opened on this computer, because browsers "
        "block the programs it needs there. Open this page through the site's web address "
        "instead (for the offline copy: run its small server)."
    ),
    # To the portal (itb-flex:error), for a message the browser could not copy into the frame.
    "portal_unreadable": (
        "A message from the portal could not be read in the preview (the browser could not "
        "copy it, for example because it nests too deeply). Send the schedule as JSON text."
    ),
}


# Each table in each language (flexdose.i18n.LANGUAGES): the English ones above, the Spanish
# ones in widget_text_es.
_TABLES: Final[Mapping[str, Mapping[str, Mapping[str, str]]]] = {
    "labels": {"en": LABELS, "es": widget_text_es.LABELS},
    "messages": {"en": MESSAGES, "es": widget_text_es.MESSAGES},
    "hints": {"en": HINTS, "es": widget_text_es.HINTS},
    "startup": {"en": STARTUP, "es": widget_text_es.STARTUP},
}
_ALARM_HINTS: Final[Mapping[str, str]] = {"en": ALARM_HINT, "es": widget_text_es.ALARM_HINT}

STATIC_NOTE: Final = (
    "This is the example's picture. To change it, open this page from the site's web address "
    "with JavaScript on: the live preview cannot start from a file opened on this computer."
)
"""The widget's status line as the build writes it, before any script runs (hooks' widget.py)."""

_STATIC_NOTES: Final[Mapping[str, str]] = {"en": STATIC_NOTE, "es": widget_text_es.STATIC_NOTE}


def static_note(lang: str | None = None) -> str:
    """The status line a widget shows until its script runs, in `lang`."""
    return _STATIC_NOTES[_language(lang)]


def _language(lang: str | None) -> str:
    return current_language() if lang is None else check_language(lang)


def _table(name: str, lang: str | None) -> dict[str, str]:
    return dict(_TABLES[name][_language(lang)])


def labels(lang: str | None = None) -> dict[str, str]:
    """The form's labels and short texts in `lang` (None: the current language), a new dict."""
    return _table("labels", lang)


def messages(lang: str | None = None) -> dict[str, str]:
    """The form's own sentences (not findings) in `lang`, a new dict."""
    return _table("messages", lang)


def hints(lang: str | None = None) -> dict[str, str]:
    """The sentences under the fields in `lang`, a new dict (the alarm's: `alarm_hint`)."""
    return _table("hints", lang)


def startup(lang: str | None = None) -> dict[str, str]:
    """What the widget says while Python starts, and why it could not, in `lang` (the build
    writes these into the widget's root: data-itb-text)."""
    return _table("startup", lang)


def alarm_hint(ml: str, lang: str | None = None) -> str:
    """The hint under the alarm volume, `ml` the usual volume already written as a number."""
    return _ALARM_HINTS[_language(lang)].format(ml=ml)
