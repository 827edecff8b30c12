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

from tests.conftest import MINIMAL, REPORTING_COMMANDS
from tracker.cli.app import app
from tracker.core.errors import WindowReversed

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
    # WindowReversed (a default date after a typed one) is worded by main(), outside CliRunner.
    handled = (SystemExit, WindowReversed)
    if result.exception is not None and not isinstance(result.exception, handled):
        raise AssertionError(f"{what}: {result.exception!r}") from result.exception
    assert "Traceback" not in result.output, what


BASE = yaml.safe_load(MINIMAL)
CASES = [(path, value) for path in paths(BASE) for value in WRONG_VALUES]
FORMATS = ("terminal", "markdown", "json")
COMMANDS = REPORTING_COMMANDS


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
        no_exception(runner.invoke(app, ["export", "conditions", "-d", str(path), "-f", format]), f"{what}: export")


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


def test_a_directory_dataset_says_what_it_skips_and_why(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "main.YAML").write_text(MINIMAL, encoding="utf-8")
    (folder / "README.md").write_text("read me", encoding="utf-8")
    (folder / "gone.yaml").symlink_to(folder / "missing.yaml")
    (folder / "loop.yml").symlink_to(folder / "loop.yml")
    os.mkfifo(folder / "pipe.yaml")
    (folder / "sub.yaml").mkdir()
    (folder / ".positions.yaml.lock").write_text("", encoding="utf-8")
    (folder / "evil\x1b]0;x\x07\n::add-mask::y.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(folder)])
    assert result.exit_code == 0, result.output
    assert "data: valid (2 statements" in result.stdout  # main.YAML was read
    notes = result.stderr.splitlines()
    assert all(line.startswith("tracker: note: skipping ") for line in notes[:6])
    reasons = "\n".join(notes)
    for expected in (
        "README.md: not a .yaml or .yml file",
        "gone.yaml: a symbolic link to nothing",
        "loop.yml: a symbolic link that loops",
        "pipe.yaml: not a regular file",
        "sub.yaml: a directory",
        "evil\\u001b]0;x\\u0007⏎::add-mask::y.txt",
    ):
        assert expected in reasons, expected
    assert ".lock" not in reasons and "\x1b" not in reasons
    assert len(notes) == 6


def test_review_reads_the_dataset_path_literally_not_as_pathspec_magic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, capture_output=True, check=True)

    git("init", "-q", "-b", "main")
    git("config", "user.email", "test@example.invalid")
    git("config", "user.name", "Test")
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "p.yaml").write_text(MINIMAL, encoding="utf-8")
    git("add", ".")
    git("commit", "-q", "-m", "base")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["review", "HEAD", "--data", ":(top)x/p.yaml"])
    assert result.exit_code == 2
    assert "no dataset at :(top)x/p.yaml" in result.stderr  # not the magic's x/p.yaml
    result = CliRunner().invoke(app, ["review", "HEAD", "--data", "x/p.yaml"])
    assert result.exit_code == 0, result.output


def test_every_git_call_uses_literal_pathspecs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    from tracker.load import git

    seen: list[str | None] = []
    real = subprocess.run

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append((kwargs.get("env") or {}).get("GIT_LITERAL_PATHSPECS"))
        return real(*args, **kwargs)

    monkeypatch.setattr(subprocess, "run", spy)
    with pytest.raises(git.GitError):
        git.repository_root(tmp_path)
    assert seen == ["1"]
