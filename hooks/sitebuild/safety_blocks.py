"""``flexdose:safety`` blocks as Markdown, from ``flexdose.safety``, the one source of every
warning sign and "what to do now" on the site.

Blocks: ``emergency`` (the signs that need the emergency number, and what to tell the emergency
team), ``emergency-short`` (the home page's box), ``signs CONDITION`` (a condition's signs, by
tier, each with its action), ``risks surgery``, ``tiers`` (the three actions), ``alarm
two-tone|single``, ``action emergency|urgent|soon``, ``waiting`` (for carers) and
``tell-staff``. Each block sits in ``<div class="itb-safety">``, which the one-source test reads.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any

from flexdose.i18n import current_language

from sitebuild import chrome
from sitebuild.markers import MarkerError

_TIER_BOX = {"emergency": "danger", "urgent": "warning", "soon": "note"}
SAFETY_PAGE = "safety.md"


def _indent(lines: list[str]) -> str:
    return "\n".join(("    " + line) if line else "" for line in lines)


def _box(kind: str, title: str, body: list[str]) -> str:
    title = title.replace('"', "'")
    return f'!!! {kind} "{title}"\n\n{_indent(body)}'


def _safety_div(name: str, inner: str) -> str:
    return f'<div class="itb-safety" data-safety="{name}" markdown>\n\n{inner}\n\n</div>'


def _bullets(items: list[str]) -> list[str]:
    return [f"- {item}" for item in items]


def _words() -> Mapping[str, str]:
    """The site's words around the module's sentences, in the page's language."""
    return chrome.words(current_language())


def _tier_action(tier: Any) -> str:
    return f"{_words()['what_to_do']} {tier.action} {tier.if_unreachable}"


def _relative(target: str, where: str) -> str:
    """A link from page `where` to page `target` (both docs-relative .md paths)."""
    return posixpath.relpath(target, posixpath.dirname(where) or ".")


def safety_markdown(words: list[str], *, where: str, at: str) -> str:
    """One `flexdose:safety` block as Markdown (see the module docstring for the blocks)."""
    from flexdose import safety as voices

    safety = voices.current()  # the page's language (pages.expand_markers speaks it)
    block, rest = (words[0], words[1:]) if words else ("", [])
    # One-word spellings of the two-word blocks: alarm-two-tone, action-urgent, signs-overdose.
    for prefix in ("alarm", "action", "signs"):
        if block.startswith(prefix + "-") and not rest:
            block, rest = prefix, [block[len(prefix) + 1 :]]
    arg = rest[0] if len(rest) == 1 else None
    if len(rest) > 1:
        raise MarkerError(f"{at}: flexdose:safety {block} takes one word after it, not {rest}.")

    def need(choices: list[str]) -> str:
        if arg not in choices:
            raise MarkerError(
                f"{at}: flexdose:safety {block} needs one of {', '.join(choices)}"
                f" after it (got {arg!r})."
            )
        return str(arg)

    if block == "emergency" and arg is None:
        urgent = safety.tier("emergency")
        signs = [s.text for s in safety.signs_for(tier_key="emergency")]
        staff = [text for text, _ in safety.TELL_STAFF]
        body = [
            *_bullets(signs),
            "",
            f"{urgent.action} {urgent.if_unreachable}",
            "",
            _words()["tell_team"],
            "",
            *_bullets(staff),
        ]
        return _safety_div(
            "emergency",
            _box("danger", _words()["emergency_if"].format(heading=urgent.heading), body),
        )
    if block == "emergency-short" and arg is None:
        link = _relative(SAFETY_PAGE, where)
        body = [
            safety.ACT_NOW,
            "",
            _words()["see_safety"].format(link=link),
        ]
        return _safety_div("emergency-short", _box("danger", _words()["in_emergency"], body))
    if block == "signs":
        keys = [c.key for c in safety.CONDITIONS]
        condition = need(keys)
        boxes = []
        for tier in safety.TIERS:
            signs = [s.text for s in safety.signs_for(condition, tier.key)]
            if signs:
                body = [*_bullets(signs), "", _tier_action(tier)]
                boxes.append(_box(_TIER_BOX[tier.key], tier.name, body))
        return _safety_div(f"signs-{condition}", "\n\n".join(boxes))
    if block == "tiers" and arg is None:
        boxes = [
            _box(_TIER_BOX[t.key], t.name, [f"{t.action} {t.if_unreachable}"]) for t in safety.TIERS
        ]
        return _safety_div("tiers", "\n\n".join(boxes))
    if block == "alarm":
        key = need([a.key for a in safety.ALARMS])
        alarm = next(a for a in safety.ALARMS if a.key == key)
        tier = safety.tier(alarm.tier)
        body = [_words()["it_means"].format(means=alarm.means), "", _tier_action(tier)]
        heading = tier.heading[0].lower() + tier.heading[1:]
        title = f"{alarm.sound[0].upper()}{alarm.sound[1:]}: {heading}"
        return _safety_div(f"alarm-{key}", _box(_TIER_BOX[tier.key], title, body))
    if block == "action":
        key = need([t.key for t in safety.TIERS])
        tier = safety.tier(key)
        return _safety_div(f"action-{key}", f"{tier.action} {tier.if_unreachable}")
    if block == "risks" and arg == "surgery":
        return _safety_div("risks-surgery", "\n".join(_bullets(list(safety.SURGERY_RISKS))))
    if block == "waiting" and arg is None:
        items = [text for text, _ in safety.WHILE_WAITING]
        return _safety_div("waiting", "\n".join(_bullets(items)))
    if block == "tell-staff" and arg is None:
        items = [text for text, _ in safety.TELL_STAFF]
        return _safety_div("tell-staff", "\n".join(_bullets(items)))
    raise MarkerError(
        f"{at}: unknown safety block {' '.join(words) or '(none)'}. Use emergency, "
        "emergency-short, signs CONDITION, risks surgery, tiers, alarm two-tone|single, "
        "action emergency|urgent|soon, waiting or tell-staff."
    )
