"""The example schedules and the JSON Schema: every example is valid, and the schema agrees."""

from __future__ import annotations

import json
from pathlib import Path

import flexdose
import pytest
from flexdose.limits import MAX_STEPS_READ, RESERVOIR_SIZES_ML

PACKAGE = Path(flexdose.__file__).parent
EXAMPLES = sorted((PACKAGE / "examples").glob("*.json"))
SCHEMA_PATH = PACKAGE / "schema" / "itb-flex-1.schema.json"
DOCS = Path(__file__).resolve().parents[2] / "docs"


def _docs_schedules() -> list[Path]:
    """JSON files under docs/ that are schedules (have programs), if any exist."""
    found = []
    for path in sorted(DOCS.rglob("*.json")) if DOCS.is_dir() else []:
        try:
            value = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        if isinstance(value, dict) and "programs" in value:
            found.append(path)
    return found


def test_the_four_examples_exist() -> None:
    """The site and the widget refer to these names."""
    assert [p.stem for p in EXAMPLES] == ["constant", "day-night", "therapy-week", "with-fill"]


@pytest.mark.parametrize("path", EXAMPLES + _docs_schedules(), ids=lambda p: p.name)
def test_example_is_valid_without_warnings(path: Path) -> None:
    """Examples read strictly and check with no errors and no warnings (notes only)."""
    report = flexdose.check_text(path.read_text(encoding="utf-8"))
    assert report["valid"], report["findings"]
    assert report["counts"]["warning"] == 0, report["findings"]


def test_examples_show_what_their_names_say() -> None:
    """constant has one step; day-night 3-5 steps, more at night; therapy-week differs Tue/Thu;
    with-fill has a 40 mL pump at 2000 mcg/mL and an alarm date."""
    reports = {p.stem: flexdose.check_text(p.read_text(encoding="utf-8")) for p in EXAMPLES}
    constant = reports["constant"]["summary"]
    assert [p["step_count"] for p in constant["programs"].values()] == [1]
    (night,) = reports["day-night"]["summary"]["programs"].values()
    assert 3 <= night["step_count"] <= 5
    assert night["steps"][0]["mcg_per_day"] > min(s["mcg_per_day"] for s in night["steps"][1:-1])
    week = reports["therapy-week"]["summary"]["week"]
    assert {d for d, row in week.items() if row["program"] == "therapy"} == {"tue", "thu"}
    fill = reports["with-fill"]["summary"]
    assert fill["concentration_mcg_per_ml"] == 2000
    assert fill["alarm"] is not None
    assert fill["alarm"]["volume_ml"] == 40
    assert fill["refill_by"] is not None


class TestSchema:
    """The JSON Schema (draft 2020-12) accepts the examples and refuses broken documents."""

    @pytest.fixture(scope="class")
    def validator(self):
        """A draft 2020-12 validator for the package's schema."""
        jsonschema = pytest.importorskip(
            "jsonschema", reason="jsonschema is a dev tool, not installed in Pyodide"
        )
        schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        return jsonschema.Draft202012Validator(schema)

    @pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
    def test_every_example_matches_the_schema(self, validator, path: Path) -> None:
        """No schema error for any example."""
        errors = list(validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))))
        assert errors == []

    @pytest.mark.parametrize(
        "doc",
        [
            {},
            {"programs": {}},
            {"programs": {"p": []}},
            {"programs": {"p": [{"start": "7:00", "mcg_per_day": 1}]}},
            {"programs": {"p": [{"start": "24:00", "mcg_per_day": 1}]}},
            {"programs": {"p": [{"start": "00:00"}]}},
            {"programs": {"p": [{"start": "00:00", "mcg_per_day": 1, "mcg_per_hour": 1}]}},
            {"programs": {"p": [{"start": "00:00", "mcg_per_day": -1}]}},
            {"programs": {"p": [{"start": "00:00", "mcg_per_day": "500"}]}},
            {
                "programs": {
                    "p": [
                        {"start": f"{i // 60:02d}:{i % 60:02d}", "mcg_per_day": i % 2 + 1}
                        for i in range(int(MAX_STEPS_READ.value) + 1)
                    ]
                }
            },
            {"format": "itb-flex/2", "programs": {"p": [{"start": "00:00", "mcg_per_day": 1}]}},
            {
                "pump": {"reservoir_ml": 30},
                "programs": {"p": [{"start": "00:00", "mcg_per_day": 1}]},
            },
            {"week": {"mon": "p"}, "programs": {"p": [{"start": "00:00", "mcg_per_day": 1}]}},
            {
                "context": {"origin": "brain"},
                "programs": {"p": [{"start": "00:00", "mcg_per_day": 1}]},
            },
            {
                "context": {"phase": "refill"},
                "programs": {"p": [{"start": "00:00", "mcg_per_day": 1}]},
            },
            {
                "fill": {"date": "2026-11-20", "time": "10", "volume_ml": 40},
                "programs": {"p": [{"start": "00:00", "mcg_per_day": 1}]},
            },
        ],
    )
    def test_broken_documents_are_refused_by_schema_and_by_check(
        self, validator, doc: dict
    ) -> None:
        """The schema and flexdose agree that these are errors."""
        assert list(validator.iter_errors(doc)), "schema accepted it"
        assert flexdose.check(doc)["valid"] is False

    @pytest.mark.parametrize(
        "fill",
        [{"date": "2026-11-20", "volume_ml": 40}, {"date": "2026-11-20", "time": None}, {}],
    )
    def test_an_incomplete_fill_is_accepted_by_schema_and_by_check(
        self, validator, fill: dict
    ) -> None:
        """A fill still being typed is a warning (fill-incomplete), so the schema allows it too."""
        doc = {"fill": fill, "programs": {"p": [{"start": "00:00", "mcg_per_day": 1}]}}
        assert list(validator.iter_errors(doc)) == []
        report = flexdose.check(doc)
        assert report["valid"] is True
        assert "fill-incomplete" in [f["code"] for f in report["findings"]]

    def test_the_schema_knows_the_reservoir_sizes_from_limits(self) -> None:
        """The schema's enum is the Limit's value (one source of truth, checked)."""
        schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
        assert tuple(schema["properties"]["pump"]["properties"]["reservoir_ml"]["enum"]) == (
            RESERVOIR_SIZES_ML.value
        )
        # Dose changes (at most 13 a day) need the doses compared, which flexdose does; the
        # schema bounds only what flexdose reads at all.
        assert schema["$defs"]["program"]["maxItems"] == MAX_STEPS_READ.value
