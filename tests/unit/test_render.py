"""flexdose.render: golden files for every render function, and the behaviour each one promises.

Golden files live in tests/unit/golden/<case>.<function>.<ext>; each test renders a report made by
the real `flexdose.check` (package examples and documents built here) and compares it with the
file, markup in its one-element-per-line form (render_helpers.pretty_markup, lossless). The
preview is not a golden of its own: it is checked to be exactly the parts the other goldens pin,
so one change of wording shows in as few files as possible. After an intended change to the
output, rewrite them (the run fails once, to say it rewrote them), review, then run again:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/unit/test_render.py
    git diff tests/unit/golden/
"""

from __future__ import annotations

import datetime
import html
import re

import flexdose
import pytest
import render_helpers
from flexdose import render
from flexdose._fmt import fmt_days_from_today
from flexdose.findings import fmt_date as findings_fmt_date
from render_helpers import (
    SVG_NS,
    all_text,
    assert_html_balanced,
    check_golden,
    example,
    example_report,
    golden_elements,
    golden_form,
    local,
    parse_xml,
    unpretty_markup,
)

EXAMPLE_NAMES = ("constant", "day-night", "therapy-week", "with-fill")

# Two errors (first step not at midnight; no week with two programs) and an unknown key.
INVALID_DOCUMENT = {
    "title": "Broken <plan>",
    "programs": {
        "day": [{"start": "07:00", "mcg_per_day": 500}],
        "night": [{"start": "00:00", "mcg_per_day": 600}],
    },
    "colour": "blue",
}

NOW_MINUTES = 14 * 60 + 30


def _reports() -> dict[str, dict]:
    reports = {name: example_report(name) for name in EXAMPLE_NAMES}
    reports["invalid"] = flexdose.check(INVALID_DOCUMENT)
    return reports


REPORTS = _reports()


# The findings goldens: errors, warnings and notes (invalid); notes with and without a field to
# go to (with-fill). The other examples' findings are some of with-fill's notes (constant: the
# always-shown one; day-night and therapy-week: it and the clock change), so their goldens only
# repeated those sentences; TestFindings checks every case's items.
FINDINGS_GOLDEN_CASES = ("with-fill", "invalid")


def _program_names(report: dict) -> list[str]:
    """Every program of a valid report; the invalid document's first program otherwise."""
    return list(report["summary"]["programs"]) if report["valid"] else ["day"]


# ---- Golden files ----


class TestGoldenFiles:
    """Each render function's output on four examples and one invalid document is as reviewed."""

    @pytest.mark.parametrize("case", [*EXAMPLE_NAMES, "invalid"])
    def test_day_chart(self, case: str) -> None:
        """The SVG day chart of every program (with the now line on day-night)."""
        report = REPORTS[case]
        now = NOW_MINUTES if case == "day-night" else None
        svg = "".join(
            render.day_chart_svg(report, name, now_minutes=now) for name in _program_names(report)
        )
        check_golden(f"{case}.day_chart.svg", svg)

    @pytest.mark.parametrize("case", [*EXAMPLE_NAMES, "invalid"])
    def test_week_strip(self, case: str) -> None:
        """The SVG week strip."""
        check_golden(f"{case}.week_strip.svg", render.week_strip_svg(REPORTS[case]))

    @pytest.mark.parametrize("case", EXAMPLE_NAMES)
    def test_steps_table(self, case: str) -> None:
        """The steps table of every program."""
        report = REPORTS[case]
        tables = "".join(
            render.steps_table_html(report, name) for name in report["summary"]["programs"]
        )
        check_golden(f"{case}.steps_table.html", tables)

    @pytest.mark.parametrize("case", [*EXAMPLE_NAMES, "invalid"])
    def test_totals(self, case: str) -> None:
        """The totals list (or the note that replaces it)."""
        check_golden(f"{case}.totals.html", render.totals_html(REPORTS[case]))

    @pytest.mark.parametrize("case", FINDINGS_GOLDEN_CASES)
    def test_findings(self, case: str) -> None:
        """The grouped findings (every case's items: TestFindings)."""
        check_golden(f"{case}.findings.html", render.findings_html(REPORTS[case]))

    @pytest.mark.parametrize("case", [*EXAMPLE_NAMES, "invalid"])
    def test_text_report(self, case: str) -> None:
        """The CLI's plain-text report."""
        check_golden(f"{case}.text_report.txt", render.text_report(REPORTS[case]))

    def test_compare(self) -> None:
        """Constant schedule now, the refill example proposed."""
        comparison = flexdose.compare(example("constant"), example("with-fill"))
        check_golden("compare.html", render.compare_html(comparison))

    def test_compare_with_an_invalid_side(self) -> None:
        """An invalid proposal: no numbers, its errors instead."""
        comparison = flexdose.compare(example("constant"), INVALID_DOCUMENT)
        check_golden("compare-invalid.html", render.compare_html(comparison))


class TestGoldenForm:
    """The golden files' one-element-per-line form stands for exactly one output."""

    VARIANTS = (
        "<p>a b</p>",
        "<p>a  b</p>",
        "<p> a b</p>",
        "<p>a b </p>",
        "<p>a b</p> <p>c</p>",
        "<p>a b</p><p>c</p>",
        "<p>a b</p>\n<p>c</p>",
        '<p>"a b"</p>',
        '<p class="x">a b</p>',
        "<p class='x'>a b</p>",
        '<p id="y" class="x">a b</p>',
        '<p class="x" id="y">a b</p>',
        "<p>a <b>b</b></p>",
        "<p>a<b> b</b></p>",
        "<p>a &amp; b</p>",
        "<p>a &#38; b</p>",
        "<svg><rect/><rect></rect></svg>",
    )

    def test_every_change_of_the_output_changes_the_file(self) -> None:
        """Spaces, newlines, quotes, attribute order, entities: each variant has its own form,
        and the form gives the variant back."""
        forms = [golden_form("x.html", markup) for markup in self.VARIANTS]
        assert len(set(forms)) == len(forms)
        for markup, form in zip(self.VARIANTS, forms, strict=True):
            assert unpretty_markup(form) == markup

    def test_one_element_per_line_indented_by_depth(self) -> None:
        """A text-only element on one line; a space between elements shown as a JSON string."""
        form = golden_form("x.html", '<ul class="l"><li><b>A</b> <i>b</i></li></ul>')
        assert form.splitlines() == [
            '<ul class="l">',
            "  <li>",
            "    <b>A</b>",
            '    " "',
            "    <i>b</i>",
            "  </li>",
            "</ul>",
        ]

    def test_a_rewrite_fails_the_run_until_reviewed(self, tmp_path, monkeypatch) -> None:
        """UPDATE_GOLDEN=1 writes a changed golden and fails; an unchanged one passes."""
        monkeypatch.setattr(render_helpers, "GOLDEN", tmp_path)
        monkeypatch.setenv("UPDATE_GOLDEN", "1")
        with pytest.raises(pytest.fail.Exception, match="git diff tests/unit/golden"):
            check_golden("x.html", "<p>a</p>")
        assert (tmp_path / "x.html").read_text(encoding="utf-8") == "<p>a</p>\n"
        check_golden("x.html", "<p>a</p>")
        with pytest.raises(pytest.fail.Exception, match="rewritten"):
            check_golden("x.html", "<p>b</p>")
        monkeypatch.delenv("UPDATE_GOLDEN")
        check_golden("x.html", "<p>b</p>")
        with pytest.raises(AssertionError, match="differs from its golden file"):
            check_golden("x.html", "<p>b </p>")


# ---- Day chart ----


def _svg(markup: str):
    root = parse_xml(markup)
    (svg,) = list(root)
    assert local(svg.tag) == "svg"
    return svg


def _by_class(svg, css_class: str) -> list:
    return [el for el in svg.iter() if css_class in el.get("class", "").split()]


def _tick_x(svg) -> tuple[float, float]:
    ticks = {int(el.get("data-minutes")): float(el.get("x1")) for el in _by_class(svg, "fd-tick")}
    return ticks[0], ticks[24 * 60]


def _minutes(hhmm: str) -> int:
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


class TestDayChart:
    """The step chart: geometry, words, labels and the now line."""

    @pytest.mark.parametrize("case", EXAMPLE_NAMES)
    def test_blocks_start_where_their_steps_start(self, case: str) -> None:
        """Each block's left edge sits at its start time on the axis' own 00:00..24:00 ticks."""
        report = REPORTS[case]
        for name, prog in report["summary"]["programs"].items():
            svg = _svg(render.day_chart_svg(report, name))
            x0, x24 = _tick_x(svg)
            blocks = _by_class(svg, "fd-block")
            assert len(blocks) == len(prog["steps"])
            for block, step in zip(blocks, prog["steps"], strict=True):
                expected = x0 + (x24 - x0) * _minutes(step["start"]) / (24 * 60)
                assert float(block.get("x")) == pytest.approx(expected, abs=0.01)
                right = float(block.get("x")) + float(block.get("width"))
                assert right == pytest.approx(
                    x0 + (x24 - x0) * _minutes(step["end"]) / (24 * 60), abs=0.02
                )

    def test_taller_blocks_have_higher_rates(self) -> None:
        """Block heights are proportional to the steps' rates."""
        report = REPORTS["therapy-week"]
        steps = report["summary"]["programs"]["therapy"]["steps"]
        svg = _svg(render.day_chart_svg(report, "therapy"))
        heights = [float(b.get("height")) for b in _by_class(svg, "fd-block")]
        ratios = [h / s["mcg_per_day"] for h, s in zip(heights, steps, strict=True)]
        assert ratios == pytest.approx([ratios[0]] * len(ratios), rel=1e-3)  # 0.01-unit rounding

    @pytest.mark.parametrize("case", EXAMPLE_NAMES)
    def test_desc_mentions_every_step_and_the_total(self, case: str) -> None:
        """The <desc> reads each step in words, so the picture has a text equivalent."""
        report = REPORTS[case]
        for name, prog in report["summary"]["programs"].items():
            svg = _svg(render.day_chart_svg(report, name))
            desc = svg.find(f"{SVG_NS}desc").text
            for step in prog["steps"]:
                rate = render.fmt_mcg_per_day(step["mcg_per_day"])
                assert f"From {step['start']} to {step['end']}: {rate} mcg per day" in desc
                assert f"({render.fmt_mcg(step['mcg'])} mcg in this step)" in desc
            assert f"Total for the day: {render.fmt_mcg(prog['daily_mcg'])} mcg" in desc

    def test_is_an_image_labelled_by_its_title_and_desc(self) -> None:
        """role=img with aria-labelledby naming the <title> and <desc> ids, which exist."""
        svg = _svg(render.day_chart_svg(REPORTS["day-night"], "day-night", id_prefix="w1"))
        assert svg.get("role") == "img"
        title_id, desc_id = svg.get("aria-labelledby").split()
        assert svg.find(f"{SVG_NS}title").get("id") == title_id == "w1-day-0-title"
        assert svg.find(f"{SVG_NS}desc").get("id") == desc_id
        assert svg.get("viewBox").startswith("0 0 ")

    def test_axes_have_titles_and_three_hourly_ticks(self) -> None:
        """Nine labelled ticks 00:00..24:00 and both axis titles."""
        svg = _svg(render.day_chart_svg(REPORTS["day-night"], "day-night"))
        labels = [t.text for t in _by_class(svg, "fd-x-label")]
        assert labels == [f"{h:02d}:00" for h in range(0, 25, 3)]
        titles = [t.text for t in _by_class(svg, "fd-axis-title")]
        assert titles == ["Dose rate (mcg per day)", "Time of day"]

    def test_y_ticks_are_round_and_cover_the_highest_rate(self) -> None:
        """600 mcg/day peak: ticks 0, 200, 400, 600."""
        svg = _svg(render.day_chart_svg(REPORTS["day-night"], "day-night"))
        ticks = [t.text for t in _by_class(svg, "fd-y-ticks")[0]]
        assert ticks == ["0", "200", "400", "600"]

    def test_wide_steps_show_their_amount_thin_steps_keep_it_in_the_tooltip(self) -> None:
        """The 7-hour step is labelled '175 mcg'; every block's <title> has its amount."""
        report = REPORTS["day-night"]
        svg = _svg(render.day_chart_svg(report, "day-night"))
        assert "175 mcg" in [t.text for t in _by_class(svg, "fd-amount")]
        thin = flexdose.check(
            {
                "programs": {
                    "p": [
                        {"start": "00:00", "mcg_per_day": 500},
                        {"start": "12:00", "mcg_per_day": 400},
                        {"start": "12:30", "mcg_per_day": 500},
                    ]
                }
            }
        )
        svg = _svg(render.day_chart_svg(thin, "p"))
        amounts = [t.text for t in _by_class(svg, "fd-amount")]
        assert "8.3 mcg" not in amounts  # 30 minutes at 400 mcg/day: too thin to write in
        tips = [b.find(f"{SVG_NS}title").text for b in _by_class(svg, "fd-block")]
        assert "12:00 to 12:30: 400 mcg per day, 8.3 mcg in this step" in tips

    def test_now_line_sits_at_the_time_and_is_described(self) -> None:
        """The now line is at 14:30 on the axis, labelled Now, and the desc says where it is."""
        svg = _svg(render.day_chart_svg(REPORTS["day-night"], "day-night", now_minutes=870))
        (now,) = _by_class(svg, "fd-now")
        line = now.find(f"{SVG_NS}line")
        x0, x24 = _tick_x(svg)
        assert float(line.get("x1")) == pytest.approx(x0 + (x24 - x0) * 870 / 1440, abs=0.01)
        assert now.find(f"{SVG_NS}text").text == "Now"
        desc = svg.find(f"{SVG_NS}desc").text
        assert "The line marked Now is at 14:30, in the step from 12:00 to 20:00" in desc

    def test_amount_labels_keep_clear_of_the_now_line(self) -> None:
        """A label that would sit on the now line moves to one side (or is left out)."""
        report = REPORTS["constant"]
        for now in range(0, 1440, 30):
            svg = _svg(render.day_chart_svg(report, "everyday", now_minutes=now))
            now_x = float(_by_class(svg, "fd-now")[0].find(f"{SVG_NS}line").get("x1"))
            for label in _by_class(svg, "fd-amount"):
                half = len(label.text) * 0.6 * float(label.get("font-size") or 14) / 2
                assert abs(float(label.get("x")) - now_x) >= half - 0.01

    @pytest.mark.parametrize("bad", [-1, 1440, 99999])
    def test_now_outside_the_day_is_refused(self, bad: int) -> None:
        """now_minutes must be 0..1439."""
        with pytest.raises(ValueError, match="now_minutes"):
            render.day_chart_svg(REPORTS["constant"], "everyday", now_minutes=bad)

    def test_now_must_be_an_int(self) -> None:
        """True or 8.5 are not minutes."""
        for bad in (True, 8.5, "08:30"):
            with pytest.raises(TypeError):
                render.day_chart_svg(REPORTS["constant"], "everyday", now_minutes=bad)

    def test_unknown_program_is_refused_with_the_known_names(self) -> None:
        """A typo in a program name fails loudly (the build hook must not ship a blank chart)."""
        with pytest.raises(ValueError, match="'everyday'"):
            render.day_chart_svg(REPORTS["constant"], "every day")

    @pytest.mark.parametrize("bad", ["", "1fd", "a b", 'x"y', "a" * 60])
    def test_unsafe_id_prefix_is_refused(self, bad: str) -> None:
        """id_prefix goes into id attributes: a letter, then letters, digits, - or _."""
        with pytest.raises(ValueError, match="id_prefix"):
            render.day_chart_svg(REPORTS["constant"], "everyday", id_prefix=bad)

    def test_zero_rate_step_is_drawn_on_the_axis(self) -> None:
        """A 0 mcg/day step is a block of no height, marked fd-block-zero, still described."""
        report = flexdose.check(
            {
                "programs": {
                    "p": [
                        {"start": "00:00", "mcg_per_day": 0},
                        {"start": "06:00", "mcg_per_day": 500},
                    ]
                }
            }
        )
        svg = _svg(render.day_chart_svg(report, "p"))
        zero = _by_class(svg, "fd-block-zero")
        assert len(zero) == 1
        assert float(zero[0].get("height")) == 0
        assert "From 00:00 to 06:00: 0 mcg per day" in svg.find(f"{SVG_NS}desc").text

    def test_fractional_rates_keep_their_decimals(self) -> None:
        """A 12.5 mcg/day rate reads 12.5 on the axis, in the desc and in the table, never 13."""
        report = flexdose.check({"programs": {"p": [{"start": "00:00", "mcg_per_day": 12.5}]}})
        svg = _svg(render.day_chart_svg(report, "p"))
        ticks = [t.text for t in _by_class(svg, "fd-y-ticks")[0]]
        assert ticks[-1] == "12.5"
        assert "12.5 mcg per day" in svg.find(f"{SVG_NS}desc").text
        assert ">12.5</td>" in render.steps_table_html(report, "p")

    def test_all_zero_program_still_has_an_axis(self) -> None:
        """Every step at 0: the y axis still has round ticks above 0."""
        report = flexdose.check({"programs": {"p": [{"start": "00:00", "mcg_per_day": 0}]}})
        svg = _svg(render.day_chart_svg(report, "p"))
        ticks = [t.text for t in _by_class(svg, "fd-y-ticks")[0]]
        assert ticks[0] == "0"
        assert len(ticks) > 1


# ---- Week strip ----


class TestWeekStrip:
    """Monday to Sunday with each day's program and total."""

    def test_each_day_shows_its_program_and_total(self) -> None:
        """Rows Mon..Sun in order, each naming its program and total; desc in full day names."""
        report = REPORTS["therapy-week"]
        svg = _svg(render.week_strip_svg(report))
        days = _by_class(svg, "fd-week-day")
        assert [d.get("data-day") for d in days] == [
            "mon",
            "tue",
            "wed",
            "thu",
            "fri",
            "sat",
            "sun",
        ]
        week = report["summary"]["week"]
        for day in days:
            text = all_text(day)
            entry = week[day.get("data-day")]
            assert entry["program"] in text
            assert f"{render.fmt_mcg(entry['daily_mcg'])} mcg" in text
        desc = svg.find(f"{SVG_NS}desc").text
        assert "Tuesday: program therapy" in desc
        assert "Average day over the week" in desc

    def test_bars_are_proportional_to_the_daily_totals(self) -> None:
        """The longest bar is the largest total; others scale with theirs."""
        report = REPORTS["therapy-week"]
        svg = _svg(render.week_strip_svg(report))
        week = report["summary"]["week"]
        ratios = []
        for day in _by_class(svg, "fd-week-day"):
            (bar,) = _by_class(day, "fd-week-bar")
            ratios.append(float(bar.get("width")) / week[day.get("data-day")]["daily_mcg"])
        assert ratios == pytest.approx([ratios[0]] * 7, rel=1e-3)


# ---- Tables, totals, findings ----


class TestStepsTable:
    """A real table: caption, column and row headers, a total in the footer."""

    def test_structure_and_values(self) -> None:
        """Caption names the program; six column headers; one row per step; daily total."""
        report = REPORTS["with-fill"]
        root = parse_xml(render.steps_table_html(report, "everyday"))
        table = root.find(".//table")
        assert "everyday" in all_text(table.find("caption"))
        headers = [th.text for th in table.find("thead").iter("th")]
        assert headers == ["Start", "End", "Length", "mcg per day", "mcg per hour", "mcg in step"]
        assert all(th.get("scope") == "col" for th in table.find("thead").iter("th"))
        rows = table.find("tbody").findall("tr")
        assert [r.find("th").text for r in rows] == ["00:00", "07:00", "21:00"]
        assert [td.text for td in rows[1].findall("td")] == ["21:00", "14 h", "400", "16.7", "233"]
        foot = all_text(table.find("tfoot"))
        assert "Total for the day" in foot
        assert "483 mcg" in foot
        assert "0.242 mL" in foot

    def test_no_volume_row_without_a_concentration(self) -> None:
        """mL needs the concentration: without it, the footer has the mcg total only."""
        report = flexdose.check({"programs": {"p": [{"start": "00:00", "mcg_per_day": 500}]}})
        html = render.steps_table_html(report, "p")
        assert "mL" not in html
        assert "500 mcg" in html


class TestTotals:
    """Totals, alarm and refill-by, or a plain note for what needs missing data."""

    def test_alarm_and_refill_by_with_the_margin_explained(self) -> None:
        """with-fill: alarm date and time, refill-by date and why it is earlier."""
        report = REPORTS["with-fill"]
        summary = report["summary"]
        html = render.totals_html(report)
        assert render.fmt_date(summary["alarm"]["date"]) in html
        assert render.fmt_date(summary["refill_by"]) in html
        assert f"{summary['refill_margin_days']} days before the alarm" in html
        assert "Average day over the week" in html

    def test_missing_concentration_says_what_to_add(self) -> None:
        """No drug concentration: no mL, and a note naming what to add."""
        report = flexdose.check({"programs": {"p": [{"start": "00:00", "mcg_per_day": 500}]}})
        html = render.totals_html(report)
        assert "Add the drug concentration to see mL per day." in html
        assert " mL" not in html.replace("mL per day", "")

    def test_missing_fill_says_what_to_add(self) -> None:
        """Concentration but no fill: the alarm note asks for the fill."""
        html = render.totals_html(REPORTS["day-night"])
        assert "Add the fill date, time and volume" in html


class TestFindings:
    """Grouped, labelled in words, with a link to the field when there is one."""

    @pytest.mark.parametrize("case", [*EXAMPLE_NAMES, "invalid"])
    def test_each_finding_is_a_labelled_list_item_with_its_code(self, case: str) -> None:
        """One group per severity present, in order, each <li class="fd-finding fd-<severity>"
        data-code=...> with 'Error:' etc. as text and the finding's own message."""
        report = REPORTS[case]
        root = parse_xml(render.findings_html(report))
        order = ("error", "warning", "info")
        present = [s for s in order if any(f["severity"] == s for f in report["findings"])]
        groups = root.findall("./div/div")
        assert [g.get("class") for g in groups] == [
            f"fd-finding-group fd-group-{s}" for s in present
        ]
        for group, severity in zip(groups, present, strict=True):
            count = sum(f["severity"] == severity for f in report["findings"])
            assert group.find("p").text.endswith(f"({count})")
        items = root.findall(".//li")
        in_order = sorted(report["findings"], key=lambda f: order.index(f["severity"]))
        assert [li.get("data-code") for li in items] == [f["code"] for f in in_order]
        labels = {"error": "Error:", "warning": "Warning:", "info": "Note:"}
        for li, finding in zip(items, in_order, strict=True):
            assert li.get("class") == f"fd-finding fd-{finding['severity']}"
            label, message = li.findall("span")[:2]
            assert label.text == labels[finding["severity"]]
            assert message.text == finding["message"]

    def test_where_becomes_a_button_with_the_field_named_for_screen_readers(self) -> None:
        """data-where carries the path; visually hidden text names the field in words.

        A button, never a link: Material's instant navigation follows every <a> in the page,
        and a followed "#" link rebuilt the widget and lost what the person typed.
        """
        report = REPORTS["invalid"]
        root = parse_xml(render.findings_html(report))
        assert root.findall(".//a") == []
        buttons = root.findall(".//button")
        wheres = [f["where"] for f in report["findings"] if f["where"]]
        assert [b.get("data-where") for b in buttons] == wheres
        for button in buttons:
            assert button.get("type") == "button"
            assert button.text == "Go to the field"
            assert button.find("span").get("class") == "fd-visually-hidden"

    def test_without_links_the_field_is_named_in_text(self) -> None:
        """where_links=False (static pages): no dead links."""
        html = render.findings_html(REPORTS["invalid"], where_links=False)
        assert "<a " not in html
        assert "fd-where-text" in html

    @pytest.mark.parametrize(
        ("where", "words"),
        [
            ("programs.everyday[2].start", "start time of step 3 in program everyday"),
            (
                'programs["my plan"][0].mcg_per_day',
                "dose in mcg per day of step 1 in program my plan",
            ),
            ("week.mon", "Monday in the week plan"),
            ("fill.volume_ml", "amount filled"),
            ("context.origin", "Where the spasticity comes from"),
            ("pump.size", "the field “size” in the pump details"),
            ("drug.concentration_mcg_per_ml", "drug concentration"),
            ("", "the whole schedule"),
            ("something.odd[", "a field of the schedule"),
        ],
    )
    def test_where_paths_read_as_words(self, where: str, words: str) -> None:
        """The screen-reader name of a field."""
        assert render.describe_where(where) == words


# ---- Preview ----


def _text_outside_findings(markup: str) -> str:
    """What a reader sees or hears (text, titles, descs, data-* values), findings removed;
    geometry attributes such as x="46" are not shown, so they do not count."""
    root = parse_xml(markup)
    for parent in root.iter():
        for child in list(parent):
            if "fd-findings" in child.get("class", "").split():
                parent.remove(child)
    parts = []
    for node in root.iter():
        parts += [node.text or "", node.tail or ""]
        parts += [v for k, v in node.attrib.items() if k.startswith(("data-", "aria-label"))]
    return " ".join(parts)


_NOTICE = f'<p class="fd-safety" role="note">{html.escape(render.SAFETY_SENTENCE)}</p>'


class TestPreview:
    """The whole picture: order, what appears when, and nothing numeric for invalid input."""

    def test_safety_notice_comes_first(self) -> None:
        """Always the first thing, link-free, plain text."""
        for report in REPORTS.values():
            root = parse_xml(render.preview_html(report))
            (preview,) = list(root)
            first = next(iter(preview))
            assert first.get("class") == "fd-safety"
            assert first.text == render.SAFETY_SENTENCE
            assert first.find(".//a") is None

    @pytest.mark.parametrize("case", EXAMPLE_NAMES)
    def test_is_the_notice_and_the_parts_their_goldens_pin(self, case: str) -> None:
        """Exactly: the safety notice, the title, each program's chart and steps table, the week
        strip (two programs or more), the totals and the findings, each part as its golden file
        has it (findings: TestFindings where there is no golden), with nothing between.

        The notice's sentence is the one the text report ends with (pinned by its golden)."""
        report = REPORTS[case]
        summary = report["summary"]
        now = NOW_MINUTES if case == "day-night" else None  # as in the day_chart golden
        charts = golden_elements(f"{case}.day_chart.svg")
        tables = golden_elements(f"{case}.steps_table.html")
        assert len(charts) == len(tables) == len(summary["programs"])
        expected = [_NOTICE]
        if summary.get("title"):
            expected.append(f'<p class="fd-title"><bdi>{html.escape(summary["title"])}</bdi></p>')
        for chart, table in zip(charts, tables, strict=True):
            expected.append(f'<div class="fd-program">{chart}{table}</div>')
        if len(charts) > 1:
            (week,) = golden_elements(f"{case}.week_strip.svg")
            expected.append(f'<div class="fd-week">{week}</div>')
        expected += golden_elements(f"{case}.totals.html")
        if case in FINDINGS_GOLDEN_CASES:
            expected += golden_elements(f"{case}.findings.html")
        else:
            expected.append(render.findings_html(report))
        preview = render.preview_html(report, now_minutes=now)
        assert preview == f'<div class="fd-preview">{"".join(expected)}</div>'

    def test_invalid_is_the_notice_the_sentence_and_the_findings(self) -> None:
        """No chart, table or totals: the notice, when the picture appears, the findings."""
        report = REPORTS["invalid"]
        note = f'<p class="fd-invalid-note">{html.escape(render.NO_PICTURE_SENTENCE)}</p>'
        (findings,) = golden_elements("invalid.findings.html")
        expected = f"{_NOTICE}{note}{findings}"
        assert render.preview_html(report) == f'<div class="fd-preview fd-invalid">{expected}</div>'

    def test_every_program_by_default_or_only_the_named_one(self) -> None:
        """Two programs: two charts and a week strip; program= picks one chart."""
        report = REPORTS["therapy-week"]
        full = render.preview_html(report)
        assert full.count("fd-day-chart") == 2
        assert "fd-week-strip" in full
        one = render.preview_html(report, "therapy")
        assert one.count("fd-day-chart") == 1
        assert "program therapy" in one

    def test_one_program_has_no_week_strip(self) -> None:
        """Every day runs the same program: the strip would say nothing new."""
        assert "fd-week-strip" not in render.preview_html(REPORTS["constant"])

    @pytest.mark.parametrize(
        "function",
        [
            lambda r: render.preview_html(r),
            lambda r: render.day_chart_svg(r, "day"),
            lambda r: render.week_strip_svg(r),
            lambda r: render.steps_table_html(r, "day"),
            lambda r: render.totals_html(r),
        ],
    )
    def test_invalid_report_shows_no_numbers(self, function) -> None:
        """A schedule a pump cannot run gets no totals, rates or dates: not one digit."""
        markup = function(REPORTS["invalid"])
        # The safety notice's emergency numbers (911, 112, ...) are the one exception.
        text = _text_outside_findings(markup).replace(render.SAFETY_SENTENCE, "")
        assert not re.search(r"\d", text), markup

    def test_invalid_preview_says_when_the_picture_appears(self) -> None:
        """The plain sentence and the findings, nothing else."""
        html = render.preview_html(REPORTS["invalid"])
        assert render.NO_PICTURE_SENTENCE in html
        assert "fd-findings" in html
        assert "<svg" not in html
        assert "<table" not in html

    def test_title_is_shown_escaped(self) -> None:
        """The document's title appears once, escaped."""
        report = flexdose.check(
            {"title": "Mine & <yours>", "programs": {"p": [{"start": "00:00", "mcg_per_day": 1}]}}
        )
        html = render.preview_html(report)
        assert "Mine &amp; &lt;yours&gt;" in html
        assert "<yours>" not in html


# ---- Text report and formatting ----


class TestTextReport:
    """The CLI's readable report."""

    def test_aligned_columns_and_the_safety_sentence(self) -> None:
        """Each step row lines its numbers up under the headers; safety sentence last."""
        text = render.text_report(REPORTS["with-fill"])
        lines = text.splitlines()
        header = next(i for i, line in enumerate(lines) if line.strip().startswith("Start"))
        table = lines[header : header + 4]
        ends = {len(line) for line in table}
        assert len(ends) == 1, table  # right-aligned last column: every row ends at one column
        assert lines[-1] == render.SAFETY_SENTENCE
        assert "Refill by: Sun 18 Apr 2027" in text

    def test_invalid_report_lists_errors_with_where_and_no_totals(self) -> None:
        """Verdict, each error with its path, no summary."""
        text = render.text_report(REPORTS["invalid"])
        assert "NOT VALID" in text
        assert "(week plan)" in text
        assert "at week" not in text  # the path is for machines (the JSON report)
        assert "Total for the day" not in text

    def test_control_characters_in_names_cannot_drive_the_terminal(self) -> None:
        """An escape sequence in a program name is printed visibly, not sent to the terminal."""
        report = flexdose.check(
            {"programs": {"a\x1b[2Jb": [{"start": "00:00", "mcg_per_day": 500}]}}
        )
        text = render.text_report(report)
        assert "\x1b" not in text
        assert "a\\x1b[2Jb" in text


class TestFormatting:
    """Numbers, durations and dates as a patient reads them."""

    @pytest.mark.parametrize(
        ("value", "text"),
        [
            (533.333, "533"),
            (1234.5, "1,235"),
            (9.375, "9.4"),
            (0.125, "0.13"),
            (0, "0"),
            (600.0, "600"),
            (12000, "12,000"),
        ],
    )
    def test_mcg(self, value: float, text: str) -> None:
        """Whole mcg, decimals only below 10, thousands separated, halves round up."""
        assert render.fmt_mcg(value) == text

    @pytest.mark.parametrize(
        ("value", "text"), [(0.2667, "0.267"), (0.25, "0.25"), (40, "40"), (1.3333, "1.33")]
    )
    def test_ml(self, value: float, text: str) -> None:
        """Three decimals under 1 mL, two above, no trailing zeros."""
        assert render.fmt_ml(value) == text

    @pytest.mark.parametrize(
        ("hours", "text"),
        [(7, "7 h"), (7.5, "7 h 30 min"), (0.75, "45 min"), (24.0, "24 h"), (1.0167, "1 h 1 min")],
    )
    def test_hours(self, hours: float, text: str) -> None:
        """Hours and minutes in words."""
        assert render.fmt_hours(hours) == text

    def test_dates(self) -> None:
        """Weekday, day, month, year: the same on every machine's locale."""
        assert render.fmt_date("2027-04-21") == "Wed 21 Apr 2027"
        assert render.fmt_date("2026-11-20") == "Fri 20 Nov 2026"

    MONTH_ABBR = (
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
    )

    def test_dates_never_put_the_month_as_a_number(self) -> None:
        """24 November is never 11/24 or 24/11: the month is always a name, in report and
        findings alike (every day of a year checked)."""
        day = datetime.date(2026, 1, 1)
        while day.year == 2026:
            for text in (render.fmt_date(day.isoformat()), findings_fmt_date(day)):
                assert "/" not in text
                assert str(day.month).zfill(2) + "-" not in text
                assert self.MONTH_ABBR[day.month - 1] in text, text
            day += datetime.timedelta(days=1)
        assert findings_fmt_date(datetime.date(2026, 11, 24)) == "Tuesday 24 November 2026"
        assert render.fmt_date("2026-11-24") == "Tue 24 Nov 2026"

    @pytest.mark.parametrize(
        ("days", "text"),
        [
            (0, "today"),
            (1, "1 day from today"),
            (144, "144 days from today"),
            (-1, "1 day ago"),
            (-5, "5 days ago"),
            (1234, "1,234 days from today"),
        ],
    )
    def test_days_from_today(self, days: int, text: str) -> None:
        """Whole days from today to a date, in words."""
        assert fmt_days_from_today(days) == text

    def test_percent(self) -> None:
        """Signed, one decimal at most, a real minus sign."""
        assert render.fmt_pct(12.5) == "+12.5%"
        assert render.fmt_pct(-20) == "\u221220%"
        assert render.fmt_pct(0) == "0%"


def test_html_fragments_are_balanced() -> None:
    """html.parser sees every tag of every fragment closed, in order."""
    for report in REPORTS.values():
        assert_html_balanced(render.preview_html(report, now_minutes=600))
        assert_html_balanced(render.findings_html(report))
        assert_html_balanced(render.totals_html(report))
    comparison = flexdose.compare(example("constant"), example("therapy-week"))
    assert_html_balanced(render.compare_html(comparison))
