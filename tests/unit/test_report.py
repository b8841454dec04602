"""check(): the report's shape, order and cap, and that no JSON-like input makes it raise."""

from __future__ import annotations

import datetime
import json

import flexdose
from flexdose.limits import MAX_LISTED_FINDINGS, MAX_PROGRAMS, MAX_STEPS_READ
from hypothesis import given, reject
from hypothesis import strategies as st
from shapes import assert_report_shape
from strategies import documents, json_values


def _codes(report: dict) -> list[str]:
    return [f["code"] for f in report["findings"]]


class TestNeverRaises:
    """check() turns every JSON-like value into a report; it never raises."""

    @given(json_values)
    def test_any_json_like_value_gives_a_well_shaped_report(self, value: object) -> None:
        """Arbitrary nesting of dict/list/str/int/float/bool/None (NaN and huge ints too)."""
        assert_report_shape(flexdose.check(value))

    @given(documents())
    def test_schedule_shaped_documents_give_a_well_shaped_report(self, doc: dict) -> None:
        """Documents with the right keys and often-right values exercise every rule."""
        assert_report_shape(flexdose.check(doc))

    @given(documents(), st.dates())
    def test_a_report_with_today_is_well_shaped(self, doc: dict, today: datetime.date) -> None:
        """Any date as today (year 1 to 9999): never raises, and the alarm gains its two keys."""
        report = flexdose.check(doc, today=today)
        assert_report_shape(report, with_today=True)
        alarm = report["summary"]["alarm"] if report["summary"] else None
        if alarm is not None:
            alarm_date = datetime.date.fromisoformat(alarm["date"])
            assert alarm["days_from_today"] == (alarm_date - today).days
        codes = [f["code"] for f in report["findings"]]
        capped = "more-findings" in codes  # the list is capped: a finding may be left out of it
        passed = alarm is not None and alarm["days_from_today"] < 0
        assert capped or ("alarm-passed" in codes) == passed

    @given(documents())
    def test_report_survives_a_json_round_trip_unchanged(self, doc: dict) -> None:
        """The report is plain JSON: what a portal receives is what check returned."""
        report = flexdose.check(doc)
        assert json.loads(json.dumps(report, allow_nan=False)) == report

    @given(st.text(max_size=200))
    def test_arbitrary_text_is_a_report_or_unreadable_input(self, text: str) -> None:
        """check_text either reports or raises UnreadableInput, never anything else."""
        try:
            report = flexdose.check_text(text)
        except flexdose.UnreadableInput as exc:
            message = str(exc)
        else:
            assert_report_shape(report)
            return  # a report: nothing more to say
        assert "\n" not in message

    @given(documents())
    def test_serialised_documents_check_the_same_as_the_objects(self, doc: dict) -> None:
        """check_text(json) equals check(object) whenever the object is strict JSON."""
        try:
            text = json.dumps(doc, allow_nan=False)
        except ValueError:
            reject()  # NaN or infinity: the object is not strict JSON
        try:
            from_text = flexdose.check_text(text)
        except flexdose.UnreadableInput:
            reject()  # e.g. an int too long for strict reading
        assert from_text == flexdose.check(doc)


class TestValidity:
    """valid, counts and summary agree with the findings."""

    def test_a_constant_program_alone_is_valid(self) -> None:
        """Only programs is required; one program needs no week plan."""
        report = flexdose.check({"programs": {"p": [{"start": "00:00", "mcg_per_day": 500}]}})
        assert report["valid"] is True
        assert report["counts"] == {"error": 0, "warning": 0, "info": 1}
        assert _codes(report) == ["not-a-programmer"]
        assert report["summary"]["mean_daily_mcg"] == 500

    def test_summary_is_null_when_any_error_is_found(self) -> None:
        """Never show numbers for a schedule that cannot be what a pump runs."""
        report = flexdose.check({"programs": {"p": [{"start": "01:00", "mcg_per_day": 500}]}})
        assert report["valid"] is False
        assert report["summary"] is None
        assert report["counts"]["error"] == 1

    def test_not_a_programmer_ends_every_report(self) -> None:
        """Even a report about a non-object ends with the safety note."""
        for value in (None, [], "x", {"programs": {}}):
            assert _codes(flexdose.check(value))[-1] == "not-a-programmer"


class TestOrder:
    """Errors, then warnings, then info; within a severity, the document's own order."""

    def test_findings_follow_severity_then_document_order(self) -> None:
        """A warning early in the document still follows an error late in it."""
        doc = {
            "programs": {
                "b": [{"start": "00:00", "mcg_per_day": 0}, {"start": "9:00", "mcg_per_day": 1}],
                "a": [{"start": "02:00", "mcg_per_day": 500}],
            },
            "week": dict.fromkeys(("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "a"),
            "zzz": 1,
        }
        report = flexdose.check(doc)
        wheres = [(f["severity"], f["where"]) for f in report["findings"]]
        assert wheres[:2] == [
            ("error", "programs.b[1].start"),
            ("error", "programs.a[0].start"),
        ]
        warnings = [w for s, w in wheres if s == "warning"]
        assert warnings == ["programs.b[0].mcg_per_day", "zzz"]

    def test_rule_findings_interleave_with_parse_findings_by_position(self) -> None:
        """times-not-increasing (a rule) in step 2 comes before bad-rate (parse) in step 3."""
        doc = {
            "programs": {
                "p": [
                    {"start": "00:00", "mcg_per_day": 500},
                    {"start": "00:00", "mcg_per_day": 500},
                    {"start": "03:00", "mcg_per_day": "lots"},
                ]
            }
        }
        assert _codes(flexdose.check(doc))[:2] == ["times-not-increasing", "bad-rate"]


class TestCap:
    """At most MAX_LISTED_FINDINGS findings are listed; the rest are counted in one note."""

    def test_hundreds_of_bad_steps_are_capped_with_one_more_findings_note(self) -> None:
        """The most a readable schedule can hold, every step with a bad time: capped."""
        n_programs, n_steps = int(MAX_PROGRAMS.value), int(MAX_STEPS_READ.value)
        # Neighbours differ, so each program has more dose changes than a pump day allows.
        steps = [{"start": "25:00", "mcg_per_day": 500 + i % 2} for i in range(n_steps)]
        report = flexdose.check({"programs": {f"p{i}": steps for i in range(n_programs)}})
        assert_report_shape(report)
        codes = _codes(report)
        assert len(codes) == MAX_LISTED_FINDINGS.value
        assert codes[-2:] == ["more-findings", "not-a-programmer"]
        assert codes.count("more-findings") == 1
        # A bad-time error per step, a too-many-steps error per program, and missing-week.
        errors = n_programs * n_steps + n_programs + 1
        assert report["counts"]["error"] == errors
        # The errors and the clock-change note, less the 98 listed before the two notes.
        listed = int(MAX_LISTED_FINDINGS.value) - 2
        note = report["findings"][-2]["message"]
        hidden = f"{errors + 1 - listed:,} more messages are not listed ({errors - listed:,} errors"
        assert note.startswith(hidden)

    def test_ten_thousand_good_steps_are_one_schedule_too_large_error(self) -> None:
        """The pathological 10,000-step program is refused with one clear error, unread."""
        steps = [
            {"start": f"{i // 60 % 24:02d}:{i % 60:02d}", "mcg_per_day": 1} for i in range(10_000)
        ]
        report = flexdose.check({"programs": {"p": steps}})
        assert _codes(report) == ["schedule-too-large", "not-a-programmer"]
        assert report["valid"] is False

    @staticmethod
    def _with_warnings(count: int) -> dict:
        doc: dict = {"programs": {"p": [{"start": "00:00", "mcg_per_day": 500}]}}
        doc.update({f"extra{i}": i for i in range(count)})
        return doc

    def test_a_list_that_fits_is_not_capped(self) -> None:
        """99 warnings and the closing note make exactly 100 listed findings, none hidden."""
        cap = int(MAX_LISTED_FINDINGS.value)
        report = flexdose.check(self._with_warnings(cap - 1))
        codes = _codes(report)
        assert len(codes) == cap
        assert "more-findings" not in codes
        assert report["counts"] == {"error": 0, "warning": cap - 1, "info": 1}

    def test_one_more_is_capped_and_counted(self) -> None:
        """100 warnings: 98 listed, then more-findings (2 hidden), then not-a-programmer."""
        cap = int(MAX_LISTED_FINDINGS.value)
        report = flexdose.check(self._with_warnings(cap))
        codes = _codes(report)
        assert len(codes) == cap
        assert codes.count("unknown-field") == cap - 2
        assert report["findings"][-2]["message"].startswith("2 more messages are not listed")
        assert report["counts"] == {"error": 0, "warning": cap, "info": 2}


def test_the_package_docstring_example_runs() -> None:
    """The usage example in flexdose's docstring is true."""
    import doctest

    assert doctest.testmod(flexdose).failed == 0
