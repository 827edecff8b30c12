"""Hostile text is inert on every path out: every command, every format, messages, review in git.

The data carries what validation allows but an output could still misread:
line breaks before workflow commands and forged problem-matcher lines,
spreadsheet formulas, a `|` in a URL, GitHub references, SHAs and autolinks.
What validation refuses (escape sequences, bidi, tag characters) is checked on
the messages that quote it and, for a dataset that bypassed validation, on the
neutraliser itself.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import MINIMAL, REPORTING_COMMANDS
from tracker.cli.app import app
from tracker.core.text import csv_cell, inert, json_safe, no_commands
from tracker.render.markdown import fit, md_link, md_text

FORGED = "README.md:1:1: forged"
HOSTILE_TEXT = (
    "Neutral.\n::add-mask::secret\n  ::stop-commands::token\n" + FORGED + "\n"
    '=HYPERLINK("http://e.vil") see GH-3, owner/repo#4, @octocat, www.evil.com, '
    "https://e.vil and 0123456789abcdef0123456789abcdef01234567 <script>alert(1)</script>"
)
HOSTILE = (
    MINIMAL.replace("        text: Ukraine becomes neutral.\n", "        text: " + json.dumps(HOSTILE_TEXT) + "\n")
    .replace('url: "https://reuters.com/a"', 'url: "https://reuters.com/a|b"')
    .replace("    name: Russia\n", "    name: \"=cmd|' /C calc'!A0\"\n")
)

COMMANDS = REPORTING_COMMANDS
FORMATS = ["terminal", "markdown", "json"]
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\U000e0000-\U000e007f]")


def assert_inert_lines(output: str, what: str) -> None:
    assert not UNSAFE.search(output), what
    for line in output.splitlines():
        assert not line.lstrip().startswith("::"), (what, line)
        assert not line.lstrip(" │|-•").startswith(FORGED), (what, line)


@pytest.fixture(autouse=True)
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """No wrapping: a word of the data may start a wrapped line, which is layout, not a
    line break in the data; the checks here are about the latter."""
    monkeypatch.setenv("COLUMNS", "5000")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "positions.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.stdout  # all of it is allowed data
    return path


@pytest.mark.parametrize("format", FORMATS)
def test_every_command_keeps_hostile_text_inert(hostile: Path, format: str) -> None:
    for command in COMMANDS:
        result = CliRunner().invoke(app, [*command, "-d", str(hostile), "-f", format, "--color", "always"])
        assert result.exit_code == 0, result.output
        what = f"{' '.join(command)} -f {format}"
        if format == "terminal":
            assert_inert_lines(re.sub(r"\x1b\[[0-9;]*m", "", result.stdout), what)  # rich's own colours
        else:
            assert_inert_lines(result.stdout, what)
        if format == "json":
            json.loads(result.stdout)


@pytest.mark.parametrize(
    "command",
    [
        ["chart", "nato", "-f", "terminal"],
        ["chart", "nato", "-f", "markdown"],
        ["chart", "nato", "-f", "svg"],
        ["report", "--from", "2022-01", "-f", "html"],
    ],
)
def test_charts_and_the_html_report_keep_hostile_text_inert(hostile: Path, command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "-d", str(hostile)])
    assert result.exit_code == 0, result.output
    assert_inert_lines(result.stdout, " ".join(command))
    assert "<script" not in result.stdout.replace("&lt;script", "")


def test_markdown_keeps_links_and_references_inert(hostile: Path) -> None:
    result = CliRunner().invoke(app, ["timeline", "-d", str(hostile), "-f", "markdown"])
    out = result.stdout
    assert "(<https://reuters.com/a%7Cb>)" in out  # the cell is not cut, the URL still works
    for live in ("GH-3", "#4", "@octocat", "www.evil", "https://e.vil", "0123456789abcdef"):
        assert live not in out, live
    assert "GH&#8203;-3" in out and "w&#8203;ww.evil" in out


def test_export_csv_cells_are_formula_safe_and_on_one_line(hostile: Path) -> None:
    result = CliRunner().invoke(app, ["export", "conditions", "-d", str(hostile), "-f", "csv"])
    assert_inert_lines(result.stdout, "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == len(result.stdout.splitlines()) - 1  # no cell spans lines
    text = next(row["text"] for row in rows if row["condition_id"] == "ru-neutral")
    assert text.startswith("Neutral.⏎::add-mask::secret⏎")
    jsonl = CliRunner().invoke(app, ["export", "conditions", "-d", str(hostile), "-f", "jsonl"]).stdout
    assert_inert_lines(jsonl, "jsonl")
    row = next(json.loads(line) for line in jsonl.splitlines() if '"ru-neutral"' in line)
    assert row["text"] == HOSTILE_TEXT  # JSONL is lossless


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_csv_formula_starts_get_a_quote(cell: str) -> None:
    assert str(csv_cell(cell)).startswith("'")
    assert csv_cell(-1) == -1 and csv_cell("a=1") == "a=1"


def test_problem_messages_quoting_escapes_are_inert_in_every_command(tmp_path: Path) -> None:
    hostile = "\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b]0;title\x07\x1b[2J\n::add-mask::x"
    text = MINIMAL.replace("    kind: state\n", f"    kind: {json.dumps(hostile)}\n", 1)
    path = tmp_path / "pos\x1b[2Jitions\n::x.yaml"
    path.write_text(text, encoding="utf-8")
    for command in (
        ["validate", str(path)],
        *[[*c, "-d", str(path)] for c in COMMANDS],
        ["export", "conditions", "-d", str(path)],
    ):
        result = CliRunner().invoke(app, command)
        assert result.exit_code in (1, 2)
        assert_inert_lines(result.stdout + result.stderr, " ".join(command))
        assert "\\u001b]52" in result.stdout + result.stderr


def test_review_in_git_keeps_hostile_text_inert(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, capture_output=True, check=True)

    git("init", "-q", "-b", "main")
    git("config", "user.email", "test@example.invalid")
    git("config", "user.name", "Test")
    (tmp_path / "positions.yaml").write_text(MINIMAL, encoding="utf-8")
    git("add", ".")
    git("commit", "-q", "-m", "base")
    (tmp_path / "positions.yaml").write_text(HOSTILE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for format in FORMATS:
        result = CliRunner().invoke(app, ["review", "HEAD", "-f", format])
        assert result.exit_code == 0, result.output
        assert_inert_lines(result.stdout, f"review -f {format}")


def test_the_neutraliser_handles_what_validation_refuses() -> None:
    text = "a\x1b[2Jb\u202ec\u200bd\U000e0041e\u0085f\nsecond"
    assert inert(text) == "a\\u001b[2Jb\\u202ec\\u200bd\\U000e0041e\\u0085f⏎second"
    assert inert(inert(text)) == inert(text)
    document = json_safe(json.dumps({"t": text}, ensure_ascii=False))
    assert not UNSAFE.search(document) and json.loads(document) == {"t": text}
    assert no_commands("ok\n  ::add-mask::x\n::y") == "ok\n  :\u200b:add-mask::x\n:\u200b:y"
    assert md_text("x\n# y") == "x⏎# y"  # not at a line start: no heading
    assert md_link("TASS", "https://a.b/c|d`e") == "[TASS](<https://a.b/c%7Cd%60e>)"
    assert md_link("TASS", "https://a.b/c<d>") == "TASS"  # not an address validation allows: not linked
    assert md_link("TASS", "javascript:alert(1)") == "TASS"


def test_max_chars_is_an_upper_bound_even_for_the_title(tmp_path: Path) -> None:
    assert len(fit(["# " + "t" * 10_000 + "\n", "rest\n"], 2000).encode()) <= 2000
    text = MINIMAL.replace("  title: Test war", "  title: " + "Long & <title> " * 600)
    path = tmp_path / "positions.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["report", "-d", str(path), "--from", "2022-01", "--max-chars", "2000"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.encode()) <= 2000
    assert "Truncated" in result.stdout and not re.search(r"&[#a-z0-9]*…", result.stdout)


def test_no_output_wall_is_skipped_by_the_output_file(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    assert CliRunner().invoke(app, ["timeline", "-d", str(hostile), "-o", str(out)]).exit_code == 0
    assert_inert_lines(out.read_text(encoding="utf-8"), "timeline -o")
    assert os.path.getsize(out) > 0
