"""Shell completion: typer's scripts for bash, zsh and fish, and ids from the dataset."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import Writer
from tracker.cli.app import app


def complete(words: str, data: Path | None = None, shell: str = "bash") -> list[str]:
    env = {"_TRACKER_COMPLETE": f"complete_{shell}", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
    if shell == "zsh":
        env["_TYPER_COMPLETE_ARGS"] = words
    if data is not None:
        env["TRACKER_DATA"] = str(data)
    result = CliRunner().invoke(app, [], env=env, prog_name="tracker")
    assert result.exit_code == 0, result.output
    return result.stdout.split()


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_a_completion_script_for_each_shell(shell: str) -> None:
    result = CliRunner().invoke(app, ["--show-completion", shell], prog_name="tracker")
    assert result.exit_code == 0
    assert "_TRACKER_COMPLETE" in result.stdout


def test_party_ids_complete_from_the_dataset(write: Writer, minimal_yaml: str) -> None:
    data = write(minimal_yaml)
    assert complete("tracker show u", data) == ["ukraine"]
    assert complete("tracker diff r", data) == ["russia"]
    assert complete("tracker compare russia u", data) == ["ukraine"]  # after another party too


def test_issue_ids_complete_after_issue(write: Writer, minimal_yaml: str) -> None:
    data = write(minimal_yaml)
    assert complete("tracker diff --issue p", data) == ["prisoners"]
    zsh = " ".join(complete("tracker timeline -i n", data, shell="zsh"))
    assert '"nato":"NATO"' in zsh


def test_a_dataset_that_does_not_load_completes_nothing(write: Writer) -> None:
    assert complete("tracker show u", write("schema: 1\nparties: nonsense\n")) == []
    assert complete("tracker show u", Path("/nonexistent/positions.yaml")) == []
