"""MkDocs hook: build-time pictures and tables that come from `flexdose`, never drawn by hand.

Markers are HTML comments, so a page still reads well where the hook is absent:

- `<!-- flexdose:example NAME [program=P] -->`: the static preview of the example schedule NAME
  (`flexdose.render.preview_html` of `flexdose.check` of the example), for one program or all.
- `<!-- flexdose:example-json NAME -->`: the example's JSON as a code block (the format, shown by a
  real example that the build has just checked).
- `<!-- flexdose:limits -->`: the table of every limit in `flexdose.limits.ALL_LIMITS`, with its
  value, unit, status and sources, so the clinicians' page cannot drift from the code.
- `<!-- flexdose:findings -->`: the table of finding codes from `flexdose.findings.CATALOGUE`.
- `<!-- flexdose:safety BLOCK [ARG] -->`: a safety block rendered from `flexdose.safety`, the one
  source of every warning sign and "what to do now" on the site: `emergency` (the signs that need
  the emergency number, and what to tell the emergency team), `emergency-short` (the home page's
  box), `signs CONDITION` (a condition's signs, by tier, each with its action), `tiers` (the three
  actions), `alarm two-tone|single`, `action emergency|urgent|soon`, `waiting` (for carers) and
  `tell-staff`. Each block sits in `<div class="itb-safety">`, which the one-source test reads.
- `<!-- flexdose:widget ... -->`: left alone; hooks/widget.py owns it.

Examples are looked up in docs/examples/NAME.json (page-local), then in the package's examples.
An unknown marker, an unknown or invalid example, or an unknown option fails the build (raise, like
Material's shortcodes hook), so a typo or a broken example never ships.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

__all__ = [
    "PreviewError",
    "checked_report",
    "example_json_markdown",
    "example_path",
    "expand_markers",
    "findings_table_markdown",
    "limits_table_markdown",
    "load_example",
    "render_example",
]

MARKER_RE = re.compile(r"<!--\s*flexdose:(?P<kind>[A-Za-z0-9_-]+)(?P<args>[^>]*?)\s*-->")
# A fenced code block (``` or ~~~, 3 or more), from its opening line to its closing one.
FENCE_RE = re.compile(r"^([ \t]*)(`{3,}|~{3,})[^\n]*\n.*?^\1\2[ \t]*$", re.M | re.S)
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# The page whose sources table the limits table links to (about.md has one anchor per source id).
SOURCES_PAGE = "about.md"


# Rendered previews waiting for their page's HTML: {page src_uri: {placeholder: html}}.
_pending: dict[str, dict[str, str]] = {}


class PreviewError(RuntimeError):
    """A marker could not be turned into content; the message says where, what and how to fix."""


# ---- Hooks ----


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The banner's sentence for overrides/main.html, from flexdose.safety (the one source)."""
    from flexdose import safety

    config.extra["itb_banner"] = safety.BANNER
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace every flexdose marker on the page (except widget markers) with its content."""
    expanded, stash = expand_markers(markdown, page.file.src_uri, Path(config["docs_dir"]))
    _pending[page.file.src_uri] = stash
    return expanded


def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the rendered previews where their placeholders ended up in the page's HTML."""
    stash = _pending.pop(page.file.src_uri, {})
    for placeholder, rendered in stash.items():
        if placeholder not in html_text:
            raise PreviewError(
                f"{page.file.src_uri}: a flexdose preview's placeholder vanished while the page "
                "was converted to HTML. Put the marker on a line of its own, with blank lines "
                "around it."
            )
        html_text = html_text.replace(placeholder, rendered)
    return html_text


# ---- Markers ----


def expand_markers(markdown: str, where: str, docs_dir: Path) -> tuple[str, dict[str, str]]:
    """Expand the markers in one page's markdown.

    Returns the new markdown and a stash {placeholder: html} of previews to insert after the
    markdown is converted (raw SVG and tables must not pass through Markdown).
    Raises PreviewError naming the page and line for any marker it cannot expand.
    """
    stash: dict[str, str] = {}
    slug = re.sub(r"[^a-z0-9]+", "-", where.lower().removesuffix(".md")).strip("-") or "page"

    fences = [m.span() for m in FENCE_RE.finditer(markdown)]

    def replace(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in fences):
            return match.group(0)  # a marker shown as an example in a code block stays text
        line = markdown.count("\n", 0, match.start()) + 1
        at = f"{where}, line {line}"
        kind = match["kind"]
        if kind == "safety":
            # Words, not key=value: `flexdose:safety signs withdrawal`, `flexdose:safety waiting`.
            return "\n\n" + safety_markdown(match["args"].split(), where=where, at=at) + "\n\n"
        args = _parse_args(match["args"], at)
        if kind == "widget":
            return match.group(0)
        if kind == "example":
            name = _take_name(args, at)
            program = args.pop("program", None)
            _no_more_args(args, at, kind)
            id_prefix = f"fdx-{slug}-{len(stash) + 1}"
            placeholder = f'<div class="itb-preview-slot" data-slot="{id_prefix}"></div>'
            rendered = render_example(name, program, id_prefix=id_prefix, docs_dir=docs_dir, at=at)
            stash[placeholder] = (
                f'<div class="itb-preview" role="group" aria-label="Example: {html.escape(name)}">'
                f"{rendered}</div>"
            )
            return f"\n\n{placeholder}\n\n"
        if kind == "example-json":
            name = _take_name(args, at)
            _no_more_args(args, at, kind)
            return example_json_markdown(name, docs_dir=docs_dir, at=at)
        if kind == "limits":
            _no_more_args(args, at, kind)
            return "\n\n" + limits_table_markdown(sources_page=SOURCES_PAGE) + "\n\n"
        if kind == "findings":
            _no_more_args(args, at, kind)
            return "\n\n" + findings_table_markdown() + "\n\n"
        raise PreviewError(
            f"{at}: unknown marker 'flexdose:{kind}'. "
            "Use flexdose:example NAME [program=P], flexdose:example-json NAME, flexdose:limits, "
            "flexdose:findings, flexdose:safety BLOCK or flexdose:widget."
        )

    return MARKER_RE.sub(replace, markdown), stash


def _parse_args(text: str, at: str) -> dict[str, str]:
    """'day-night program=therapy' -> {'': 'day-night', 'program': 'therapy'}."""
    args: dict[str, str] = {}
    for token in text.split():
        key, sep, value = token.partition("=")
        if not sep:
            key, value = "", token
        if key in args or not value:
            raise PreviewError(
                f"{at}: cannot read the marker option '{token}'. Write NAME or key=value once."
            )
        args[key] = value
    return args


def _take_name(args: dict[str, str], at: str) -> str:
    name = args.pop("", None) or args.pop("example", None)
    if name is None:
        raise PreviewError(
            f"{at}: the marker needs an example name, as in flexdose:example day-night."
        )
    if not NAME_RE.match(name):
        raise PreviewError(
            f"{at}: '{name}' is not an example name. Use lower-case letters, digits and hyphens."
        )
    return name


def _no_more_args(args: Mapping[str, str], at: str, kind: str) -> None:
    if args:
        unknown = ", ".join(sorted(args))
        raise PreviewError(f"{at}: flexdose:{kind} has no option {unknown}. Remove it.")


# ---- Examples ----


def example_paths(name: str, docs_dir: Path) -> list[Path]:
    """Where an example may live: the page-local folder first, then the package's examples."""
    package = Path(str(resources.files("flexdose") / "examples"))
    return [docs_dir / "examples" / f"{name}.json", package / f"{name}.json"]


def example_path(name: str, *, docs_dir: Path, at: str = "") -> Path:
    """The one file that holds example NAME; PreviewError if there is none, or two."""
    prefix = f"{at}: " if at else ""
    found = [p for p in example_paths(name, docs_dir) if p.is_file()]
    if not found:
        known = sorted(
            {p.stem for d in example_paths("x", docs_dir) for p in d.parent.glob("*.json")}
        )
        raise PreviewError(
            f"{prefix}there is no example '{name}'. Known examples: {', '.join(known) or 'none'}."
        )
    if len(found) > 1:
        raise PreviewError(
            f"{prefix}two examples are called '{name}' ({found[0]} and {found[1]}). Rename one."
        )
    return found[0]


def load_example(name: str, *, docs_dir: Path, at: str = "") -> Any:
    """Read and parse one example (strict JSON, through flexdose.parse_json).

    Raises PreviewError when no such example exists, when two places hold one of that name, or
    when the file is not readable JSON.
    """
    import flexdose

    path = example_path(name, docs_dir=docs_dir, at=at)
    try:
        return flexdose.parse_json(path.read_text(encoding="utf-8"))
    except flexdose.UnreadableInput as exc:
        prefix = f"{at}: " if at else ""
        raise PreviewError(f"{prefix}example '{name}' ({path}) cannot be read: {exc}") from exc


def checked_report(name: str, *, docs_dir: Path, at: str = "") -> dict[str, Any]:
    """flexdose.check of example NAME; PreviewError listing every error if it is not valid.

    An example with any error-severity finding fails the build: the site must never show a
    picture of a schedule that cannot be what a pump runs.
    """
    import flexdose

    report = flexdose.check(load_example(name, docs_dir=docs_dir, at=at))
    if not report["valid"]:
        prefix = f"{at}: " if at else ""
        problems = "; ".join(
            f"{f['code']} at {f['where'] or 'the top level'}: {f['message']}"
            for f in report["findings"]
            if f["severity"] == "error"
        )
        raise PreviewError(f"{prefix}example '{name}' is not a valid schedule. Fix it: {problems}")
    return report


def render_example(
    name: str,
    program: str | None = None,
    *,
    id_prefix: str,
    docs_dir: Path,
    at: str = "",
) -> str:
    """The static preview HTML of one valid example, for one program or (None) all of them.

    Raises PreviewError if the example is missing, unreadable or invalid, or has no such program.
    """
    from flexdose import render

    report = checked_report(name, docs_dir=docs_dir, at=at)
    programs = report["summary"]["programs"]
    if program is not None and program not in programs:
        prefix = f"{at}: " if at else ""
        raise PreviewError(
            f"{prefix}example '{name}' has no program '{program}'. "
            f"Its programs: {', '.join(programs)}."
        )
    # No "go to the field" links: a build-time picture has no fields to move to.
    return render.preview_html(report, program, id_prefix=id_prefix, where_links=False)


def example_json_markdown(name: str, *, docs_dir: Path, at: str = "") -> str:
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


def _limit_value(limit: Any) -> str:
    """The value with its unit: '13 steps per day', '300 to 800 mcg/day', 'one of 20, 40 mL'.

    A tuple is a (low, high) range or a set of allowed values (flexdose.limits.Limit); the limit's
    note names a range as such, so that is how the two are told apart.
    """
    value, unit = limit.value, limit.unit
    if isinstance(value, tuple | list):
        if len(value) == 2 and "range" in (getattr(limit, "note", "") or "").lower():
            text = f"{_number(value[0])} to {_number(value[1])}"
        else:
            text = "one of " + ", ".join(_number(v) for v in value)
    else:
        text = _number(value)
    return f"{text} {unit}".strip()


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

    rows = [
        "| Name | Value | Status | Sources | Note |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, limit in ALL_LIMITS.items():
        sources = getattr(limit, "sources", ()) or ()
        if isinstance(sources, str):
            sources = (sources,)
        links = ", ".join(
            f"[{_cell(s)}]({sources_page}#{s.lower()})" if re.fullmatch(r"S\d+", s) else _cell(s)
            for s in sources
        )
        rows.append(
            f"| {_code_name(name)} | {_cell(_limit_value(limit))} | {_cell(limit.status)} "
            f"| {links or '—'} | {_cell(getattr(limit, 'note', '') or '')} |"
        )
    if len(rows) == 2:
        raise PreviewError("flexdose.limits.ALL_LIMITS is empty: the limits table would be blank.")
    return "\n".join(rows)


# ---- Findings ----


def findings_table_markdown() -> str:
    """A Markdown table of every finding code in flexdose.findings.CATALOGUE, in its order."""
    from flexdose.findings import CATALOGUE

    rows = ["| Code | Severity | Meaning |", "| --- | --- | --- |"]
    rows += [
        f"| `{code}` | {_cell(severity)} | {_cell(title)} |"
        for code, (severity, title) in CATALOGUE.items()
    ]
    if len(rows) == 2:
        raise PreviewError(
            "flexdose.findings.CATALOGUE is empty: the findings table would be blank."
        )
    return "\n".join(rows)


# ---- Safety blocks (from flexdose.safety, the one source) ----

# Material admonition type for each tier: red, orange, blue.
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


def _tier_action(tier: Any) -> str:
    return f"**What to do now:** {tier.action} {tier.if_unreachable}"


def _relative(target: str, where: str) -> str:
    """A link from page `where` to page `target` (both docs-relative .md paths)."""
    return posixpath.relpath(target, posixpath.dirname(where) or ".")


def safety_markdown(words: list[str], *, where: str, at: str) -> str:
    """One `flexdose:safety` block as Markdown (see the module docstring for the blocks)."""
    from flexdose import safety

    block, rest = (words[0], words[1:]) if words else ("", [])
    # One-word spellings of the two-word blocks: alarm-two-tone, action-urgent, signs-overdose.
    for prefix in ("alarm", "action", "signs"):
        if block.startswith(prefix + "-") and not rest:
            block, rest = prefix, [block[len(prefix) + 1 :]]
    arg = rest[0] if len(rest) == 1 else None
    if len(rest) > 1:
        raise PreviewError(f"{at}: flexdose:safety {block} takes one word after it, not {rest}.")

    def need(choices: list[str]) -> str:
        if arg not in choices:
            raise PreviewError(
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
            "**Tell the emergency team:**",
            "",
            *_bullets(staff),
        ]
        return _safety_div(
            "emergency", _box("danger", f"{urgent.heading} if someone with a pump has:", body)
        )
    if block == "emergency-short" and arg is None:
        link = _relative(SAFETY_PAGE, where)
        body = [
            safety.ACT_NOW,
            "",
            f"See [Safety: warning signs]({link}).",
        ]
        return _safety_div("emergency-short", _box("danger", "In an emergency", body))
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
        body = [f"It means {alarm.means}.", "", _tier_action(tier)]
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
    raise PreviewError(
        f"{at}: unknown safety block {' '.join(words) or '(none)'}. Use emergency, "
        "emergency-short, signs CONDITION, risks surgery, tiers, alarm two-tone|single, "
        "action emergency|urgent|soon, waiting or tell-staff."
    )
