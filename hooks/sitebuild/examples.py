"""The example schedules the pages show: found, read and checked in one place.

An example NAME is looked up in the site's ``docs/examples/NAME.json`` (page-local), then in the
flexdose package's examples; a name found in both places, a missing or unreadable file fails the
build, and so does (for pictures, ``checked_report``) an example that is not a valid schedule.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from sitebuild.common import BuildError


def example_paths(name: str, docs_dir: Path | None) -> list[Path]:
    """Where an example may live: the page-local folder first (if any), then the package's."""
    package = Path(str(resources.files("flexdose") / "examples"))
    local = [docs_dir / "examples" / f"{name}.json"] if docs_dir is not None else []
    return [*local, package / f"{name}.json"]


def example_path(name: str, *, docs_dir: Path | None, at: str = "") -> Path:
    """The one file that holds example NAME; BuildError if there is none, or two."""
    prefix = f"{at}: " if at else ""
    found = [p for p in example_paths(name, docs_dir) if p.is_file()]
    if not found:
        known = sorted(
            {p.stem for d in example_paths("x", docs_dir) for p in d.parent.glob("*.json")}
        )
        raise BuildError(
            f"{prefix}there is no example '{name}'. Known examples: {', '.join(known) or 'none'}."
        )
    if len(found) > 1:
        raise BuildError(
            f"{prefix}two examples are called '{name}' ({found[0]} and {found[1]}). Rename one."
        )
    return found[0]


def load_example(name: str, *, docs_dir: Path | None, at: str = "") -> Any:
    """Read and parse one example (strict JSON, through flexdose.parse_json).

    Raises BuildError when no such example exists, when two places hold one of that name, or
    when the file is not readable JSON.
    """
    import flexdose
    from flexdose.samples import in_language

    path = example_path(name, docs_dir=docs_dir, at=at)
    try:
        # The title in the page's language (pages.expand_markers speaks it).
        return in_language(flexdose.parse_json(path.read_text(encoding="utf-8")))
    except flexdose.UnreadableInput as exc:
        prefix = f"{at}: " if at else ""
        raise BuildError(f"{prefix}example '{name}' ({path}) cannot be read: {exc}") from exc


def checked_report(name: str, *, docs_dir: Path | None, at: str = "") -> dict[str, Any]:
    """flexdose.check of example NAME; BuildError listing every error if it is not valid.

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
        raise BuildError(f"{prefix}example '{name}' is not a valid schedule. Fix it: {problems}")
    return report
