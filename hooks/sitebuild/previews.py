"""Build-time pictures and tables from ``flexdose``, never drawn by hand (see ``pages.py``).

- the static preview of an example schedule (``flexdose.render.preview_html`` of
  ``flexdose.check`` of the example), for one program or all;
- the example's JSON as a code block (the format, shown by a real example just checked);
- the table of every limit in ``flexdose.limits.ALL_LIMITS``, with its value, unit, status and
  sources, so the clinicians' page cannot drift from the code;
- the table of finding codes from ``flexdose.findings.CATALOGUE``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from flexdose.i18n import current_language

from sitebuild import chrome
from sitebuild.common import BuildError
from sitebuild.examples import checked_report, example_path
from sitebuild.markers import MarkerError

# The page whose sources table the limits table links to (about.md has one anchor per source id).
SOURCES_PAGE = "about.md"


def render_example(
    name: str,
    program: str | None = None,
    *,
    id_prefix: str,
    docs_dir: Path | None,
    at: str = "",
) -> str:
    """The static preview HTML of one valid example, for one program or (None) all of them.

    Raises BuildError if the example is missing, unreadable or invalid, or has no such program.
    """
    from flexdose import render

    report = checked_report(name, docs_dir=docs_dir, at=at)
    programs = report["summary"]["programs"]
    if program is not None and program not in programs:
        prefix = f"{at}: " if at else ""
        raise BuildError(
            f"{prefix}example '{name}' has no program '{program}'. "
            f"Its programs: {', '.join(programs)}."
        )
    # No "go to the field" links: a build-time picture has no fields to move to.
    return render.preview_html(report, program, id_prefix=id_prefix, where_links=False)


def example_json_markdown(name: str, *, docs_dir: Path | None, at: str = "") -> str:
    """A fenced JSON block of a valid example's file, exactly as written (its own layout)."""
    checked_report(name, docs_dir=docs_dir, at=at)
    text = example_path(name, docs_dir=docs_dir, at=at).read_text(encoding="utf-8").strip()
    return f"\n\n```json\n{text}\n```\n\n"


# ---- Limits ----


def _number(value: Any) -> str:
    """2.0 -> '2', 14.5 -> '14.5', 100000 -> '100000' (no separators: '100,000' reads as a list)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:g}" if abs(value) < 1e6 else str(value)
    return str(value)


def _limit_number(limit: Any) -> str:
    """The value without its unit: '13', '300 to 800', 'one of 20, 40'.

    A tuple is a (low, high) range or a set of allowed values (flexdose.limits.Limit); the limit's
    note names a range as such, so that is how the two are told apart.
    """
    value = limit.value
    lang = current_language()
    if isinstance(value, tuple | list):
        if len(value) == 2 and "range" in (getattr(limit, "note", "") or "").lower():
            pattern = chrome.table_word(lang, "{low} to {high}")
            return pattern.format(low=_number(value[0]), high=_number(value[1]))
        pattern = chrome.table_word(lang, "one of {values}")
        return pattern.format(values=", ".join(_number(v) for v in value))
    return _number(value)


def _limit_value(limit: Any) -> str:
    """The value with its unit: '13 steps per day', '300 to 800 mcg/day', 'one of 20, 40 mL'."""
    unit = chrome.table_word(current_language(), limit.unit) if limit.unit else ""
    return f"{_limit_number(limit)} {unit}".strip()


def limit_text(words: list[str], *, at: str) -> str:
    """``flexdose:limit NAME``: one limit's value as the page's prose quotes it ('300 to 800').

    The prose around the marker says the unit, so a page that explains a limit in words follows
    flexdose.limits when the value changes. An unknown or missing name fails the build.
    """
    from flexdose.limits import ALL_LIMITS

    if len(words) != 1 or words[0] not in ALL_LIMITS:
        given = " ".join(words) or "nothing"
        raise MarkerError(
            f"{at}: flexdose:limit takes one limit's name, got {given}. Known limits: "
            f"{', '.join(ALL_LIMITS)} (widget/flexdose/limits.py)."
        )
    return _limit_number(ALL_LIMITS[words[0]])


def _code_name(name: str) -> str:
    """A CONSTANT_NAME as inline code that may wrap after its underscores in a narrow column."""
    return "<code>" + "_<wbr>".join(html.escape(part) for part in name.split("_")) + "</code>"


def _cell(value: Any) -> str:
    """Table-safe text: no pipes or line breaks, HTML escaped."""
    text = value if isinstance(value, str) else _number(value)
    return html.escape(" ".join(text.split())).replace("|", "&#124;")


def limits_table_markdown(*, sources_page: str = SOURCES_PAGE) -> str:
    """A Markdown table of every limit the checker uses, each source linked to the sources page."""
    from flexdose.limits import ALL_LIMITS

    rows = [chrome.words(current_language())["limits_head"], "| --- | --- | --- | --- | --- |"]
    for name, limit in ALL_LIMITS.items():
        sources = getattr(limit, "sources", ()) or ()
        if isinstance(sources, str):
            sources = (sources,)
        links = ", ".join(
            f"[{_cell(s)}]({sources_page}#{s.lower()})" if re.fullmatch(r"S\d+", s) else _cell(s)
            for s in sources
        )
        rows.append(
            f"| {_code_name(name)} | {_cell(_limit_value(limit))} "
            f"| {_cell(chrome.table_word(current_language(), limit.status))} "
            f"| {links or '—'} | {_cell(getattr(limit, 'note', '') or '')} |"
        )
    if len(rows) == 2:
        raise BuildError("flexdose.limits.ALL_LIMITS is empty: the limits table would be blank.")
    return "\n".join(rows)


# ---- Findings ----


def findings_table_markdown() -> str:
    """A Markdown table of every finding code in flexdose.findings.CATALOGUE, in its order."""
    from flexdose.findings import CATALOGUE, title

    lang = current_language()
    rows = [chrome.words(lang)["findings_head"], "| --- | --- | --- |"]
    rows += [
        f"| `{code}` | {_cell(chrome.table_word(lang, severity))} | {_cell(title(code))} |"
        for code, (severity, _) in CATALOGUE.items()
    ]
    if len(rows) == 2:
        raise BuildError("flexdose.findings.CATALOGUE is empty: the findings table would be blank.")
    return "\n".join(rows)
