"""validate, schema, parties, issues through typer's runner: exit codes, stdout, stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import Writer
from tracker import __version__
from tracker.cli.app import app

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"tracker {__version__}\n"


def test_validate_valid_file(runner: CliRunner, write: Writer, minimal_yaml: str) -> None:
    path = write(minimal_yaml)
    result = runner.invoke(app, ["validate", str(path), "--color", "never"])
    assert result.exit_code == 0
    assert result.stdout == f"{path}: valid (2 statements, 3 conditions, 2 parties, 2 issues)\n"
    assert result.stderr == ""


def test_validate_reports_every_problem_on_stdout_and_exits_1(
    runner: CliRunner, write: Writer, minimal_yaml: str
) -> None:
    text = minimal_yaml.replace("category: security", "category: securty").replace("party: ukraine", "party: ukrane")
    path = write(text.replace("basis: on-record", "basis: on-the-record"))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [line.split(": ")[0] for line in lines] == [f"{path}:9:15", f"{path}:37:12", f"{path}:46:12"]
    assert result.stderr == "3 problem(s) found\n"


def test_validate_missing_file_exits_2_on_stderr(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"tracker: error: {tmp_path / 'nope.yaml'}: no such file\n"


def test_validate_json(runner: CliRunner, write: Writer, minimal_yaml: str) -> None:
    path = write(minimal_yaml.replace("kind: offer", "kind: ofer"))
    result = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["kind"] == "validation"
    assert document["data"]["valid"] is False
    [problem] = document["data"]["datasets"][0]["problems"]
    assert (problem["line"], problem["column"]) == (54, 15)


def test_validate_uses_tracker_data_env(runner: CliRunner, write: Writer, minimal_yaml: str) -> None:
    path = write(minimal_yaml, name="elsewhere.yaml")
    result = runner.invoke(app, ["validate"], env={"TRACKER_DATA": str(path)})
    assert result.exit_code == 0, result.stderr


def test_schema_matches_committed_copy(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    committed = (REPO / "schema" / "positions.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed, "schema drifted: run `tracker schema -o schema/positions.schema.json`"


def test_schema_output_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    result = runner.invoke(app, ["schema", "-o", str(target)])
    assert result.exit_code == 0
    assert json.loads(target.read_text())["title"] == "tracker positions file"
    assert [p.name for p in tmp_path.iterdir()] == ["schema.json"]


def test_parties_terminal(runner: CliRunner, write: Writer, minimal_yaml: str) -> None:
    path = write(minimal_yaml)
    result = runner.invoke(app, ["parties", "--data", str(path), "--color", "never"])
    assert result.exit_code == 0
    assert "russia" in result.stdout and "Kremlin, Moscow" in result.stdout
    assert "\x1b[" not in result.stdout


def test_issues_json(runner: CliRunner, write: Writer, minimal_yaml: str) -> None:
    path = write(minimal_yaml)
    result = runner.invoke(app, ["issues", "-d", str(path), "-f", "json"])
    assert result.exit_code == 0
    issues = json.loads(result.stdout)["data"]
    assert [level["id"] for level in issues[0]["ladder"]] == ["joins", "neutral", "no-enlargement"]


def test_listing_an_invalid_dataset_exits_2_with_problems_on_stderr(
    runner: CliRunner, write: Writer, minimal_yaml: str
) -> None:
    path = write(minimal_yaml.replace("party: ukraine", "party: ukrane"))
    result = runner.invoke(app, ["parties", "-d", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{path}:46:12: unknown party `ukrane`; did you mean `ukraine`?",
        f"tracker: error: cannot load {path}; run `tracker validate {path}` for details",
    ]


def test_unknown_command_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["frobnicate"])
    assert result.exit_code == 2
