"""No data makes tracker raise: every field of a fixture, replaced by the wrong kind of value.

Each value of the minimal dataset (every mapping value and list item, at any
depth) is replaced in turn by null, empty text, an empty list, an empty map, a
number, a boolean and a long text. `validate` must then either accept the file
or list problems each located as FILE:LINE:COL; a file it accepts must go
through every other command and format without an exception.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from tests.conftest import MINIMAL
from tracker.cli.app import app

WRONG_VALUES: list[Any] = [None, "", [], {}, 7, True, "x" * 12_000]
LOCATED = re.compile(r"^\S.*:\d+:\d+: \S")


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value inside data."""
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        yield (*prefix, key)
        yield from paths(value, (*prefix, key))


def replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = replaced(data[path[0]], path[1:], value)
    return copy


def no_exception(result: Result, what: str) -> None:
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{what}: {result.exception!r}") from result.exception
    assert "Traceback" not in result.output, what


BASE = yaml.safe_load(MINIMAL)
CASES = [(path, value) for path in paths(BASE) for value in WRONG_VALUES]
FORMATS = ("terminal", "markdown", "json")
COMMANDS = [
    ["show", "russia"],
    ["diff"],
    ["compare"],
    ["timeline"],
    ["parties"],
    ["issues"],
    ["report"],
]


@pytest.fixture(autouse=True)
def no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_NO_CACHE", "1")  # hundreds of one-off datasets


def test_there_are_many_cases() -> None:
    assert len(CASES) > 7 * 60  # the fixture has over 60 values: the walk reached them


@pytest.mark.parametrize("start", range(0, len(CASES), 60))
def test_no_value_of_any_kind_anywhere_causes_a_traceback(tmp_path: Path, start: int) -> None:
    runner = CliRunner()
    path = tmp_path / "positions.yaml"
    for where, value in CASES[start : start + 60]:
        what = f"{'/'.join(map(str, where))} = {value!r:.20}"
        path.write_text(yaml.safe_dump(replaced(BASE, where, value), allow_unicode=True), encoding="utf-8")
        result = runner.invoke(app, ["validate", str(path)])
        no_exception(result, what)
        assert result.exit_code in (0, 1), what
        if result.exit_code == 1:
            problems = result.stdout.splitlines()
            assert problems and all(LOCATED.match(line) for line in problems), (what, result.stdout)
            continue
        for number, command in enumerate(COMMANDS):
            format = FORMATS[(start + number) % len(FORMATS)]  # each command meets every format across cases
            result = runner.invoke(app, [*command, "-d", str(path), "-f", format])
            no_exception(result, f"{what}: {' '.join(command)} -f {format}")
        format = ("csv", "jsonl")[start % 2]
        no_exception(runner.invoke(app, ["export", "-d", str(path), "-f", format]), f"{what}: export")


@pytest.mark.parametrize(
    "statement_fields",
    ["party: ~", "party:", "party: ''", "parties:", "parties: []", "parties: ~"],
)
def test_an_empty_party_is_a_located_problem_in_every_command(tmp_path: Path, statement_fields: str) -> None:
    text = MINIMAL.replace("    party: russia\n", f"    {statement_fields}\n", 1)
    path = tmp_path / "positions.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert LOCATED.match(result.stdout), result.stdout
    for command in (["show", "ukraine"], ["timeline"], ["report"]):
        result = CliRunner().invoke(app, [*command, "-d", str(path)])
        no_exception(result, str(command))
        assert result.exit_code == 2


def test_a_javascript_url_is_named_as_such(tmp_path: Path) -> None:
    text = MINIMAL.replace('url: "https://reuters.com/a"', 'url: "javascript:alert(1)"')
    path = tmp_path / "positions.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert "`javascript:alert(1)` is not an http:// or https:// address" in result.stdout


@pytest.mark.parametrize("arguments", [["schema"], ["--help"], ["validate"], ["show", "russia", "-f", "json"]])
@pytest.mark.parametrize("failure", ["closed pipe", "full disk"])
def test_a_failing_stdout_is_one_line_and_exit_2(tmp_path: Path, arguments: list[str], failure: str) -> None:
    """Run as a process: the failure is the real file descriptor's."""
    import os
    import subprocess
    import sys

    data = tmp_path / "positions.yaml"
    data.write_text(MINIMAL, encoding="utf-8")
    if failure == "closed pipe":
        read_end, stdout = os.pipe()
        os.close(read_end)
    else:
        stdout = os.open("/dev/full", os.O_WRONLY)  # Linux; the pipe case holds elsewhere
    try:
        command = [sys.executable, "-c", "from tracker.cli.app import main; main()", *arguments]
        result = subprocess.run(
            command,
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "TRACKER_DATA": str(data), "TRACKER_NO_CACHE": "1"},
            check=False,
        )
    finally:
        os.close(stdout)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("tracker: error: cannot write to standard output")
    assert len(result.stderr.splitlines()) == 1
