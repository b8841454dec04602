"""The flexdose command: output, exit codes 0/1/2, one-line errors, never a traceback."""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import flexdose
import pytest
from flexdose.cli import main
from flexdose.limits import MAX_INPUT_CHARS
from hypothesis import given, reject
from hypothesis import strategies as st
from render_helpers import GOLDEN, golden_elements
from shapes import assert_report_shape
from strategies import documents

EXAMPLES = Path(flexdose.__file__).parent / "examples"
VALID = EXAMPLES / "with-fill.json"
INVALID = {"programs": {"p": [{"start": "01:00", "mcg_per_day": 500}]}}
NO_SUBPROCESS = sys.platform == "emscripten"
# A fixed --today, so the outputs do not depend on the day the tests run.
TODAY = datetime.date(2026, 12, 2)


def run(argv: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    """main(argv) in-process with stdin fed from bytes; (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()


def assert_one_line_error(code: int, out: str, err: str) -> None:
    """Exit 2: nothing on stdout, exactly one line on stderr, no traceback."""
    assert code == 2
    assert out == ""
    assert err.endswith("\n"), err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err


class TestCheck:
    """flexdose check FILE|- [--json]."""

    def test_json_report_equals_check(self) -> None:
        """--json prints exactly flexdose.check's report, indented, non-ASCII kept."""
        code, out, err = run(["check", "--json", "--today", TODAY.isoformat(), str(VALID)])
        assert (code, err) == (0, "")
        report = json.loads(out)
        assert report == flexdose.check(json.loads(VALID.read_text()), today=TODAY)
        assert '\n  "format"' in out
        # ensure_ascii=False: a name with non-ASCII letters is printed as typed, not escaped.
        doc = {**json.loads(VALID.read_text()), "title": "Café ± plan"}
        code, out, err = run(["check", "--json", "-"], json.dumps(doc).encode())
        assert (code, err) == (0, "")
        assert "Café ± plan" in out

    def test_errors_exit_1_and_the_readable_report_lists_them(self) -> None:
        """A schedule with errors: exit 1, its message on stdout."""
        code, out, _ = run(["check", "-"], json.dumps(INVALID).encode())
        assert code == 1
        assert "starts at 01:00" in out

    def test_valid_readable_report_exits_0(self) -> None:
        """Notes do not fail the check; the report is the reviewed text report (its golden),
        with the alarm also counted in days from --today."""
        code, out, err = run(["check", "--today", TODAY.isoformat(), str(VALID)])
        assert (code, err) == (0, "")
        reviewed = (GOLDEN / "with-fill.text_report.txt").read_text(encoding="utf-8")
        from_today = "in the early morning, 144 days from today (about 156 days after the fill"
        assert out == reviewed.replace(
            "in the early morning (about 156 days after the fill", from_today
        )
        assert out != reviewed

    def test_stdin_with_a_byte_order_mark_is_read(self) -> None:
        """Windows editors write a BOM; it is not an error."""
        code, _, _ = run(["check", "--json", "-"], b"\xef\xbb\xbf" + VALID.read_bytes())
        assert code == 0

    @pytest.mark.parametrize(
        ("argv", "stdin", "words"),
        [
            (["check", "/no/such/file.json"], None, "there is no file with this name"),
            (["check", "."], None, "is a folder, not a schedule file"),
            (["check", "-"], b"\xff\xfe{}", "not plain text: line 1, column 1"),
            (["check", "-"], b'{\n "t": "\xe9"}', "not plain text: line 2, column 8"),
            (["check", "-"], b" " * 1_000_001, "more than the 1,000,000 allowed"),
            (["check", "-"], b'{"a": NaN}', "“NaN” is not a number (line 1, column 7"),
            (["check", "-"], b'{"a": 1,}', "There is an extra comma before }"),
            (["check", "-"], b"[" * 10_000, "levels deep"),
            (["check", "-"], b'{"programs": 1, "programs": 2}', "appears twice"),
            (["check", "-"], b"", "empty"),
            (["summary", "-"], b"{", "line 1, column 2"),
            (
                ["render", "--svg", "--program", "nope", str(VALID)],
                None,
                "There is no program called “nope”. The programs are “everyday”",
            ),
        ],
        ids=lambda v: repr(v[:20]) if isinstance(v, bytes) else None,
    )
    def test_unreadable_input_is_one_line_on_stderr_and_exit_2(
        self, argv: list[str], stdin: bytes | None, words: str
    ) -> None:
        """What went wrong, in one line; never a traceback."""
        code, out, err = run(argv, stdin)
        assert_one_line_error(code, out, err)
        assert words in err

    def test_a_ten_thousand_step_file_is_checked_and_refused(self) -> None:
        """The pathological input finishes with exit 1 and the schedule-too-large error."""
        steps = [{"start": "00:00", "mcg_per_day": 1}] * 10_000
        code, out, _ = run(
            ["check", "--json", "-"], json.dumps({"programs": {"p": steps}}).encode()
        )
        assert code == 1
        assert "schedule-too-large" in [f["code"] for f in json.loads(out)["findings"]]

    def test_an_oversized_file_is_unreadable(self, tmp_path: Path) -> None:
        """A file over MAX_INPUT_CHARS is refused before parsing: exit 2, one line."""
        big = tmp_path / "big.json"
        big.write_text('{"title": "' + "x" * int(MAX_INPUT_CHARS.value) + '"}', encoding="utf-8")
        code, out, err = run(["check", str(big)])
        assert_one_line_error(code, out, err)
        assert "1,000,000 allowed" in err

    def test_usage_errors_exit_2(self) -> None:
        """argparse's own usage errors keep its exit status 2."""
        assert run([])[0] == 2
        assert run(["check"])[0] == 2
        assert run(["render", "x.json"])[0] == 2

    def test_help_exits_0(self) -> None:
        """--help is not an error."""
        code, out, _ = run(["--help"])
        assert code == 0
        assert "check" in out


class TestSummary:
    """flexdose summary FILE|- [--json]."""

    def test_json_summary_is_the_report_summary(self) -> None:
        """--json prints the summary object."""
        code, out, _ = run(["summary", "--json", "--today", TODAY.isoformat(), str(VALID)])
        assert code == 0
        expected = flexdose.check(json.loads(VALID.read_text()), today=TODAY)["summary"]
        assert json.loads(out) == expected

    def test_json_summary_of_an_invalid_schedule_is_null_and_exit_1(self) -> None:
        """No numbers for a schedule with errors."""
        code, out, _ = run(["summary", "--json", "-"], json.dumps(INVALID).encode())
        assert (code, out.strip()) == (1, "null")

    def test_readable_summary_shows_totals_and_alarm(self) -> None:
        """The readable summary has the mean, the alarm date and the refill-by date."""
        code, out, _ = run(["summary", "--today", TODAY.isoformat(), str(VALID)])
        assert code == 0
        # Numbers as the text report and the pictures write them (flexdose.numbers).
        assert "Average day: 488 mcg (0.244 mL)" in out
        assert "7 h" in out
        assert "7.17 h" not in out
        assert "488.095" not in out
        assert "Sun 25 Apr 2027" in out
        assert "144 days from today" in out
        assert "Refill by: Sun 18 Apr 2027" in out

    def test_readable_summary_of_an_invalid_schedule_lists_the_errors(self) -> None:
        """Exit 1 with the error messages instead of numbers."""
        code, out, _ = run(["summary", "-"], json.dumps(INVALID).encode())
        assert code == 1
        assert "No summary" in out
        assert "Error: Step 1 of program “p” starts at 01:00" in out
        assert "programs.p[0].start" not in out  # the path is for machines (--json)


class TestToday:
    """--today YYYY-MM-DD on every command; the machine's local date without it."""

    @pytest.mark.parametrize("command", [["check", "--json"], ["summary", "--json"]])
    def test_the_default_is_the_machines_local_date(self, command: list[str]) -> None:
        """Without --today the alarm is counted from datetime.date.today()."""
        before = datetime.date.today()
        code, out, _ = run([*command, str(VALID)])
        after = datetime.date.today()
        assert code == 0
        value = json.loads(out)
        alarm = value.get("summary", value)["alarm"]
        assert alarm["today"] in {before.isoformat(), after.isoformat()}

    @pytest.mark.parametrize(
        "command", [["check"], ["summary"], ["render", "--html"], ["render", "--svg"]]
    )
    @pytest.mark.parametrize("bad", ["2026-02-30", "02/12/2026", "today", ""])
    def test_a_bad_today_is_one_line_and_exit_2(self, command: list[str], bad: str) -> None:
        """The message names the option and how to write a date."""
        code, out, err = run([*command, "--today", bad, str(VALID)])
        assert_one_line_error(code, out, err)
        assert "--today" in err
        assert "YYYY-MM-DD" in err

    def test_the_readable_report_counts_from_today(self) -> None:
        """check's text shows days after the fill and days from today."""
        code, out, _ = run(["check", "--today", TODAY.isoformat(), str(VALID)])
        assert code == 0
        assert "Sun 25 Apr 2027, in the early morning, 144 days from today" in out
        assert "156 days after the fill" in out

    def test_an_alarm_in_the_past_is_a_warning_not_an_error(self) -> None:
        """alarm-passed is reported and the exit status stays 0."""
        code, out, _ = run(["check", "--json", "--today", "2027-05-01", str(VALID)])
        assert code == 0
        assert "alarm-passed" in [f["code"] for f in json.loads(out)["findings"]]

    def test_the_html_preview_counts_from_today(self) -> None:
        """render --html passes --today on to the totals."""
        code, out, _ = run(["render", "--html", "--today", "2027-04-25", str(VALID)])
        assert code == 0
        assert "in the early morning, today:" in out


class TestRender:
    """flexdose render --svg|--html [--program NAME] FILE|-."""

    def test_svg_of_a_named_program(self) -> None:
        """The SVG day chart of the program asked for: the reviewed one (its golden)."""
        code, out, err = run(["render", "--svg", "--program", "therapy", str(VALID)])
        assert (code, err) == (0, "")
        _everyday, therapy = golden_elements("with-fill.day_chart.svg")
        assert out == therapy + "\n"

    def test_html_preview(self) -> None:
        """The whole HTML preview of the first program by default."""
        code, out, _ = run(["render", "--html", str(VALID)])
        assert code == 0
        assert "<" in out
        assert "everyday" in out

    def test_svg_of_an_invalid_schedule_is_refused_with_exit_1(self) -> None:
        """No chart for a schedule with errors: one line saying so."""
        code, out, err = run(["render", "--svg", "-"], json.dumps(INVALID).encode())
        assert code == 1
        assert out == ""
        assert err.count("\n") == 1


class TestFuzz:
    """Any input: exit 0, 1 or 2; on 2 one line on stderr; never a traceback."""

    @given(st.binary(max_size=200))
    def test_arbitrary_bytes(self, data: bytes) -> None:
        """Random bytes on stdin."""
        code, out, err = run(["check", "-"], data)
        assert code in (0, 1, 2)
        if code == 2:
            assert_one_line_error(code, out, err)
        else:
            assert err == ""

    @given(documents())
    def test_schedule_shaped_documents(self, doc: dict) -> None:
        """Serialised documents: the JSON report is well shaped and the exit code matches it."""
        try:
            data = json.dumps(doc, allow_nan=False).encode()
        except ValueError:
            reject()  # NaN or infinity: not JSON, so no file could hold it
        code, out, err = run(["check", "--json", "-"], data)
        if code == 2:
            assert_one_line_error(code, out, err)
        else:
            report = json.loads(out)
            assert_report_shape(report)
            assert code == (0 if report["valid"] else 1)
            assert "Traceback" not in err


FLEXDOSE = shutil.which("flexdose", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(NO_SUBPROCESS, reason="Pyodide has no subprocesses or console scripts")
class TestConsoleScript:
    """The installed `flexdose` console script and `python -m flexdose`, as real processes."""

    def _run(self, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
        assert FLEXDOSE, "the flexdose console script is not installed in this environment"
        return subprocess.run(
            [FLEXDOSE, *args], input=stdin, capture_output=True, check=False, timeout=60
        )

    def test_valid_example_exits_0(self) -> None:
        """A valid schedule: exit 0 and a JSON report."""
        proc = self._run("check", "--json", str(VALID))
        assert proc.returncode == 0
        assert json.loads(proc.stdout)["valid"] is True

    def test_errors_exit_1(self) -> None:
        """A schedule with errors: exit 1."""
        proc = self._run("check", "-", stdin=json.dumps(INVALID).encode())
        assert proc.returncode == 1

    @pytest.mark.parametrize(
        ("args", "stdin"),
        [
            (("check", "/no/such.json"), b""),
            (("check", "-"), b"\x00\xff"),
            (("check", "-"), b"[" * 200_000),
        ],
        ids=["missing-file", "not-utf8", "too-deep"],
    )
    def test_unreadable_exits_2_with_one_line(self, args: tuple, stdin: bytes) -> None:
        """Exit 2 and one line on stderr, no traceback."""
        proc = self._run(*args, stdin=stdin)
        assert proc.returncode == 2
        assert proc.stdout == b""
        assert proc.stderr.count(b"\n") == 1
        assert b"Traceback" not in proc.stderr

    def test_python_dash_m_flexdose(self) -> None:
        """`python -m flexdose` runs the same command."""
        proc = subprocess.run(
            [sys.executable, "-m", "flexdose", "--version"],
            capture_output=True,
            check=False,
            timeout=60,
        )
        assert proc.returncode == 0
        assert proc.stdout.decode().startswith("flexdose ")


class TestLanguage:
    """--lang es on check, summary and render: the same exit codes, the words in Spanish, and
    the JSON's codes and fields the same as in English."""

    COMMANDS = (
        ["check"],
        ["check", "--json"],
        ["summary"],
        ["summary", "--json"],
        ["render", "--html"],
        ["render", "--svg"],
        ["render", "--card"],
    )

    @staticmethod
    def _both(command: list[str], source: str, stdin: bytes | None = None) -> tuple:
        base = [*command, "--today", TODAY.isoformat(), source]
        return run(base, stdin), run([*base[:-1], "--lang", "es", base[-1]], stdin)

    @pytest.mark.parametrize("command", COMMANDS)
    @pytest.mark.parametrize("valid", [True, False])
    def test_exit_codes_are_the_same_in_spanish(self, command: list[str], valid: bool) -> None:
        stdin = None if valid else json.dumps(INVALID).encode()
        english, spanish = self._both(command, str(VALID) if valid else "-", stdin)
        assert spanish[0] == english[0] == (0 if valid else 1)
        assert spanish[1] or spanish[2]

    def test_english_is_the_default(self) -> None:
        base = ["check", "--today", TODAY.isoformat(), str(VALID)]
        assert run(base) == run([*base[:-1], "--lang", "en", base[-1]])

    def test_the_readable_report_is_in_spanish(self) -> None:
        _, (code, out, _) = self._both(["check"], str(VALID))
        assert code == 0
        for words in ("Revisión del horario", "Resultado: sin errores", "Total del día"):
            assert words in out
        for words in ("Result:", "Total for the day", "Week:", "Low-reservoir alarm"):
            assert words not in out
        assert "Alarma de depósito bajo: dom 25 abr 2027, de madrugada, dentro de 144 días" in out

    def test_the_readable_summary_is_in_spanish(self) -> None:
        _, (code, out, _) = self._both(["summary"], str(VALID))
        assert code == 0
        assert "Programa everyday: 483 mcg al día (0.242 mL), 3 pasos" in out
        assert "  Miércoles  everyday: 483 mcg (0.242 mL)" in out
        assert "Día promedio: 488 mcg (0.244 mL)" in out
        assert "Fecha para rellenar: dom 18 abr 2027 (7 días antes de la alarma)" in out
        assert "Program " not in out

    def test_an_invalid_summary_is_in_spanish(self) -> None:
        _, (code, out, _) = self._both(["summary"], "-", json.dumps(INVALID).encode())
        assert code == 1
        assert out.startswith("No hay resumen: el horario tiene errores")

    def test_the_html_preview_card_and_chart_are_in_spanish(self) -> None:
        for command, words in (
            (["render", "--html"], ('lang="es"', "Total del día", "Plan de la semana")),
            (["render", "--card"], ('lang="es"', "Tengo una bomba de baclofeno ITB")),
            (["render", "--svg"], ('lang="es"', "Ritmo de la dosis (mcg por día)")),
        ):
            _, (code, out, _) = self._both(command, str(VALID))
            assert code == 0
            for word in words:
                assert word in out, (command, word)

    @pytest.mark.parametrize("valid", [True, False])
    def test_json_codes_and_wheres_are_the_same(self, valid: bool) -> None:
        stdin = None if valid else json.dumps(INVALID).encode()
        english, spanish = self._both(["check", "--json"], str(VALID) if valid else "-", stdin)
        en, es = json.loads(english[1]), json.loads(spanish[1])
        assert [(f["code"], f["severity"], f.get("where")) for f in es["findings"]] == [
            (f["code"], f["severity"], f.get("where")) for f in en["findings"]
        ]
        assert es["valid"] == en["valid"]
        assert es["counts"] == en["counts"]
        assert es["summary"] == en["summary"]
        summary = self._both(["summary", "--json"], str(VALID) if valid else "-", stdin)
        assert summary[0][1] == summary[1][1]

    def test_errors_on_stderr_are_in_spanish_and_one_line(self, tmp_path: Path) -> None:
        missing = str(tmp_path / "nope.json")
        code, out, err = run(["check", "--lang", "es", missing])
        assert_one_line_error(code, out, err)
        assert "no hay ningún archivo con este nombre" in err
        code, out, err = run(["check", "--lang", "es", "--today", "2026-13-01", missing])
        assert_one_line_error(code, out, err)
        assert "no es una fecha" in err
        render = ["render", "--svg", "--program", "nope", "--lang", "es"]
        code, out, err = run([*render, "--today", "2026-12-02", str(VALID)])
        assert_one_line_error(code, out, err)
        assert "No hay ningún programa llamado" in err

    def test_a_chart_of_an_invalid_schedule_is_refused_in_spanish(self) -> None:
        code, out, err = run(["render", "--svg", "--lang", "es", "-"], json.dumps(INVALID).encode())
        assert (code, out) == (1, "")
        assert "el horario tiene errores, así que no hay gráfica que dibujar" in err

    @pytest.mark.parametrize("bad", ["fr", "", "ES", "spanish"])
    def test_a_language_flexdose_does_not_speak_is_a_usage_error(self, bad: str) -> None:
        code, out, err = run(["check", "--lang", bad, str(VALID)])
        assert code == 2
        assert out == ""
        assert "--lang" in err
        assert "invalid choice" in err
        # argparse quotes the choices on Python 3.11 ('en', 'es'), not on 3.14 (Pyodide).
        assert re.search(r"choose from '?en'?, '?es'?", err), err

    def test_help_names_the_languages(self) -> None:
        code, out, _ = run(["check", "--help"])
        assert code == 0
        assert "--lang" in out
        assert "es (Español)" in out
