"""The dispatcher: every ``flexdose:`` marker of a page, expanded in one place.

``markers.find_markers`` reads and checks each marker (anything unknown fails the build); the
table ``RENDER`` says what each kind becomes:

- ``flexdose:example NAME [program=P]``: the static preview of a valid example;
- ``flexdose:example-json NAME``: the example's JSON as a code block;
- ``flexdose:limits``, ``flexdose:findings``: the tables of limits and finding codes;
- ``flexdose:limit NAME``: one limit's value, inline in a sentence (``previews.limit_text``);
- ``flexdose:safety BLOCK [WORD]``: a safety block (``safety_blocks``);
- ``flexdose:widget example=NAME``: the widget's root with the example's static preview
  (``widget``); a page with a widget also gets the widget's preloads and early start.

Raw HTML (previews, the widget) must not pass through Markdown, so ``expand_markers`` leaves a
placeholder for it in the markdown and ``fill_slots`` puts the HTML there after conversion.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from flexdose.i18n import current_language, speaking

from sitebuild import chrome, previews, safety_blocks, widget
from sitebuild.common import BuildError
from sitebuild.markers import KINDS, Marker, find_markers


@dataclass
class Expanded:
    """One page's markdown with its markers expanded, and the HTML still to put in."""

    markdown: str
    slots: dict[str, str] = field(default_factory=dict)  # placeholder -> HTML
    widgets: int = 0


@dataclass
class _Page:
    where: str  # the page's path in docs/, for messages and relative links
    docs_dir: Path | None
    expanded: Expanded
    slug: str
    examples: int = 0

    def slot(self, slot_id: str, rendered: str) -> str:
        placeholder = f'<div class="itb-preview-slot" data-slot="{slot_id}"></div>'
        self.expanded.slots[placeholder] = rendered
        return f"\n\n{placeholder}\n\n"


def _example(marker: Marker, page: _Page) -> str:
    page.examples += 1
    id_prefix = f"fdx-{page.slug}-{page.examples}"
    name = str(marker.name)
    rendered = previews.render_example(
        name,
        marker.options.get("program"),
        id_prefix=id_prefix,
        docs_dir=page.docs_dir,
        at=marker.at,
    )
    return page.slot(
        id_prefix,
        f'<div class="itb-preview" role="group" '
        f'aria-label="{html.escape(chrome.words(current_language())["example"].format(name=name))}">'
        f"{rendered}</div>",
    )


def _example_json(marker: Marker, page: _Page) -> str:
    return previews.example_json_markdown(str(marker.name), docs_dir=page.docs_dir, at=marker.at)


def _limits(marker: Marker, page: _Page) -> str:
    return "\n\n" + previews.limits_table_markdown() + "\n\n"


def _limit(marker: Marker, page: _Page) -> str:
    return previews.limit_text(list(marker.words), at=marker.at)


def _findings(marker: Marker, page: _Page) -> str:
    return "\n\n" + previews.findings_table_markdown() + "\n\n"


def _safety(marker: Marker, page: _Page) -> str:
    block = safety_blocks.safety_markdown(list(marker.words), where=page.where, at=marker.at)
    return "\n\n" + block + "\n\n"


def _widget(marker: Marker, page: _Page) -> str:
    page.expanded.widgets += 1
    id_prefix = f"fdw{page.expanded.widgets}"
    markup = widget.widget_markup(
        marker.options["example"], id_prefix=id_prefix, docs_dir=page.docs_dir, at=marker.at
    )
    return page.slot(id_prefix, markup)


RENDER: dict[str, Callable[[Marker, _Page], str]] = {
    "example": _example,
    "example-json": _example_json,
    "limits": _limits,
    "limit": _limit,
    "findings": _findings,
    "safety": _safety,
    "widget": _widget,
}
if RENDER.keys() != KINDS.keys():  # a kind the parser accepts but nothing renders, or not
    raise BuildError(f"sitebuild.pages renders {sorted(RENDER)}, markers reads {sorted(KINDS)}")


def expand_markers(markdown: str, where: str, docs_dir: Path | None, lang: str = "en") -> Expanded:
    """Expand every marker in one page's markdown (where: its path, for messages and links),
    in the page's language (flexdose speaks `lang` for everything the markers render).

    Raises BuildError (MarkerError for the marker itself) naming the page and line.
    """
    with speaking(lang):
        return _expand(markdown, where, docs_dir)


def _expand(markdown: str, where: str, docs_dir: Path | None) -> Expanded:
    slug = re.sub(r"[^a-z0-9]+", "-", where.lower().removesuffix(".md")).strip("-") or "page"
    expanded = Expanded(markdown)
    page = _Page(where, docs_dir, expanded, slug)
    parts, pos = [], 0
    for marker in find_markers(markdown, where):
        parts += [markdown[pos : marker.start], RENDER[marker.kind](marker, page)]
        pos = marker.end
    expanded.markdown = "".join([*parts, markdown[pos:]])
    return expanded


# The glossary's short definitions, appended to every page as hover tooltips (abbr +
# content.tooltips): docs/includes/abbreviations.md, or abbreviations.<lang>.md for an edition.
ABBREVIATIONS = "abbreviations.md"
INCLUDES = "includes"


def abbreviations(lang: str, docs_dir: Path) -> str:
    """The snippet line that appends the edition's tooltips to a page (pymdownx.snippets)."""
    name = ABBREVIATIONS if lang == "en" else ABBREVIATIONS.replace(".md", f".{lang}.md")
    if not (docs_dir / INCLUDES / name).is_file():
        raise BuildError(f"docs/{INCLUDES}/{name} is missing: the {lang} pages' tooltips.")
    return f'\n\n--8<-- "{name}"\n'


def safety_href(lang: str, default_lang: str, directory_urls: bool) -> str:
    """The site path of the edition's Safety page ("safety/", "es/safety/", "es/safety.html")."""
    prefix = "" if lang == default_lang else f"{lang}/"
    return prefix + ("safety/" if directory_urls else "safety.html")


def fill_slots(html_text: str, expanded: Expanded, where: str, page_url: str) -> str:
    """The page's HTML with each placeholder replaced by its HTML (and, on a page with a
    widget, the widget's preloads and early start in front)."""
    for placeholder, rendered in expanded.slots.items():
        if placeholder not in html_text:
            raise BuildError(
                f"{where}: a flexdose marker's placeholder vanished while the page was converted "
                "to HTML. Put the marker on a line of its own, with blank lines around it."
            )
        html_text = html_text.replace(placeholder, rendered)
    if expanded.widgets:
        html_text = widget.page_head(page_url) + html_text
    return html_text
