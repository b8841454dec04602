"""flexdose.render under hypothesis: user text never becomes markup, output is always well formed,
no style attributes, and ids stay unique with two widgets on one page."""

from __future__ import annotations

import re

import flexdose
from flexdose import render
from flexdose._fmt import clean_text
from hypothesis import example, given
from hypothesis import strategies as st
from render_helpers import ALLOWED_TAGS, assert_html_balanced, example_report, local, parse_xml
from strategies import documents

PAYLOADS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)",
    "</text><script>x</script>",
    "]]><!--",
    "&amp;&lt;",
    "style=color:red",
    "a\u202eb",  # right-to-left override
    "x\x00y\x1b[31m",
)
user_text = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(min_size=1, max_size=40),
    st.builds(lambda a, b: (a + b)[:40], st.sampled_from(PAYLOADS), st.text(max_size=20)),
)


def _outputs(report: dict, prefix: str = "fd") -> dict[str, str]:
    """Every render function's output for a report (its first program where one is needed)."""
    out = {
        "preview": render.preview_html(report, id_prefix=prefix, now_minutes=700),
        "week": render.week_strip_svg(report, id_prefix=prefix),
        "totals": render.totals_html(report),
        "findings": render.findings_html(report),
    }
    if report["valid"]:
        for i, name in enumerate(report["summary"]["programs"]):
            out[f"chart{i}"] = render.day_chart_svg(report, name, id_prefix=prefix)
            out[f"table{i}"] = render.steps_table_html(report, name)
    return out


def _assert_safe_markup(markup: str) -> None:
    """Well-formed XML and HTML, only the renderer's own elements, no style or event attributes."""
    root = parse_xml(markup)
    assert_html_balanced(markup)
    for element in root.iter():
        if element is root:
            continue
        assert local(element.tag) in ALLOWED_TAGS, element.tag
        for name in element.attrib:
            assert name != "style", element.tag
            assert not name.lower().startswith("on"), name
    assert not re.search(r"<\s*(script|style|img|iframe)", markup, re.I)


def _document(name: str, title: str) -> dict:
    return {
        "title": title,
        "drug": {"concentration_mcg_per_ml": 2000},
        "fill": {"date": "2026-11-20", "time": "10:00", "volume_ml": 40},
        "programs": {
            name: [{"start": "00:00", "mcg_per_day": 600}, {"start": "07:00", "mcg_per_day": 400}],
            "other": [{"start": "00:00", "mcg_per_day": 500}],
        },
        "week": dict.fromkeys(("mon", "tue", "wed", "thu", "fri", "sat"), name) | {"sun": "other"},
    }


@given(name=user_text, title=user_text)
@example(name="<script>alert(1)</script>", title='"><img src=x onerror=alert(1)>')
def test_user_text_is_always_escaped(name: str, title: str) -> None:
    """Markup typed into a program name or the title never reaches the output as markup."""
    report = flexdose.check(_document(name, title))
    for markup in _outputs(report).values():
        # Any injected element or attribute would show up here (or break the parse).
        _assert_safe_markup(markup)
        for payload in PAYLOADS:
            if payload in (name, title) and set(payload) & set("<>&\"'"):
                assert payload not in markup
    if report["valid"] and name != "other":
        # Escaped, not mangled: the name reads back from the chart's title (XML parsers turn a
        # carriage return into a newline, so compare after the same normalisation).
        root = parse_xml(render.day_chart_svg(report, name))
        title_text = next(e.text for e in root.iter() if local(e.tag) == "title")
        assert title_text.endswith(clean_text(name).replace("\r\n", "\n").replace("\r", "\n"))


@given(name=user_text)
def test_text_report_holds_no_control_characters(name: str) -> None:
    """Only newlines: nothing a terminal would act on."""
    text = render.text_report(flexdose.check(_document(name, name)))
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", text)


@given(documents())
def test_any_document_renders_well_formed_without_style(doc: dict) -> None:
    """Whatever check makes of a document, every output parses and carries no style."""
    report = flexdose.check(doc)
    for markup in _outputs(report).values():
        _assert_safe_markup(markup)
    assert "style=" not in "".join(_outputs(report).values()).replace("style=color:red", "")


def _ids(markup: str) -> list[str]:
    return [el.get("id") for el in parse_xml(markup).iter() if el.get("id") is not None]


@given(documents())
def test_two_widgets_on_one_page_never_share_an_id(doc: dict) -> None:
    """preview_html(id_prefix="a") + preview_html(id_prefix="b"): every id unique, and every
    aria-labelledby reference points at an id of its own widget."""
    report = flexdose.check(doc)
    page = render.preview_html(report, id_prefix="a") + render.preview_html(report, id_prefix="b")
    ids = _ids(page)
    assert len(ids) == len(set(ids))
    for element in parse_xml(page).iter():
        for ref in (element.get("aria-labelledby") or "").split():
            assert ref in ids


def test_example_pages_with_two_widgets_have_unique_ids() -> None:
    """The same on every example, with the now line and every program drawn."""
    for name in ("constant", "day-night", "therapy-week", "with-fill"):
        report = example_report(name)
        page = render.preview_html(report, id_prefix="a", now_minutes=0) + render.preview_html(
            report, id_prefix="b", now_minutes=1439
        )
        ids = _ids(page)
        assert ids
        assert len(ids) == len(set(ids))
